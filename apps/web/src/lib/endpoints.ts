/** One typed function per API endpoint the web app calls. */
import type {
  ApiTokenScope,
  ErrorBody,
  AuditEntry,
  AuditVerifyResult,
  CreateOrganizationRequest,
  CreateUserRequest,
  Health,
  Locale,
  LoginRequest,
  Me,
  Organization,
  OrgKind,
  Role,
  User,
  WorkbenchSummary,
} from '@livehub/contracts';
import { ApiError, api } from './api-client.ts';
import type {
  ApiToken,
  ApplicationKind,
  ApplicationScope,
  ApplicationView,
  CreatedApiToken,
  DocumentKind,
  EventKind,
  EvidenceVerifyResult,
  ItemsResponse,
  Member,
  MyStreamerRegistration,
  OrgRegistered,
  ProductCategory,
  PublicBase,
  PublicStreamer,
  RegisterBaseRequest,
  RegisterMcnRequest,
  RegisterMerchantRequest,
  RegisterProviderRequest,
  RegisterStreamerRequest,
  RegistrationCreated,
  RegistryDocument,
  ReviewItem,
  ReviewItemDetail,
  ReviewStatusFilter,
  RulePackSummary,
  ScreeningCategory,
  ScreenResult,
  TalentProfile,
  TrainingRequest,
  Violation,
} from './api-types.ts';

export interface RegisterRequest {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
}

export interface AddMemberRequest {
  userId: string;
  role: Role;
  departmentId?: string;
}

export interface CreateTokenRequest {
  name: string;
  scopes: ApiTokenScope[];
  expiresInDays?: number;
}

export interface AuditQuery {
  limit?: number;
  beforeSeq?: number;
  action?: string;
}

export interface ReviewQueueQuery {
  status?: ReviewStatusFilter;
  category?: ScreeningCategory;
  minSeverity?: number;
  limit?: number;
}

export interface ReviewDecisionRequest {
  decision: 'confirm' | 'dismiss';
  reason: string;
}

export interface ReviewClaimResult {
  id: string;
  status: string;
  claimedBy: string | null;
}

export interface ReviewDecisionResult {
  id: string;
  status: string;
  violationId: string | null;
  evidenceHash: string | null;
}

export interface AddExemptionRequest {
  ruleId: string;
  text: string;
  reviewItemId?: string;
}

export interface ScreenRequest {
  text: string;
  kind?: EventKind;
  productCategory?: ProductCategory;
}

export interface ApplicationActionRequest {
  action: string;
  reason?: string;
  expectVersion?: number;
}

export interface UploadDocumentInput {
  file: File;
  docType: DocumentKind;
  /** the session's CSRF token (`me.csrfToken`): the upload is an unsafe request made with the cookie */
  csrfToken: string | null;
  locale: Locale;
  /** YYYY-MM-DD */
  expiresAt?: string;
  signal?: AbortSignal;
}

export type ExportKind = 'bases' | 'streamers' | 'merchants';

const UPLOAD_MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The Content-Type to declare for an upload: the browser's type when it is one we accept, else by extension. */
export function uploadContentType(file: File): string {
  if (file.type === 'application/pdf' || file.type === 'image/jpeg' || file.type === 'image/png') return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return UPLOAD_MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

function isErrorPayload(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'message' in error;
}

/**
 * POST /api/documents with the raw file as the body (not multipart): the server identifies the type by content.
 * The JSON api-client cannot send a binary body, so this calls fetch itself with the same conventions
 * (cookie session, X-CSRF-Token, Accept-Language, ApiError on failure).
 */
export async function uploadDocument(input: UploadDocumentInput): Promise<RegistryDocument> {
  const params = new URLSearchParams({ docType: input.docType, filename: input.file.name.slice(0, 200) || 'document' });
  if (input.expiresAt) params.set('expiresAt', input.expiresAt);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': input.locale,
    'Content-Type': uploadContentType(input.file),
  };
  if (input.csrfToken) headers['X-CSRF-Token'] = input.csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/documents?${params.toString()}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: input.file,
      signal: input.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network.error', cause instanceof Error ? cause.message : 'network error');
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    payload = text;
  }
  if (!response.ok) {
    if (isErrorPayload(payload)) {
      const { code, message, field, details } = payload.error;
      throw new ApiError(response.status, code, message, field, details);
    }
    throw new ApiError(response.status, `http.${response.status}`, response.statusText || `HTTP ${response.status}`);
  }
  return payload as RegistryDocument;
}

/** Where a regulator's CSV export downloads from (a plain link: the cookie session authorizes it). */
export function exportCsvUrl(kind: ExportKind): string {
  return `/api/registry/export.csv?kind=${kind}`;
}

/** Where an authorized reader downloads a document from. */
export function documentContentUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/content`;
}

export const endpoints = {
  health: () => api.get<Health>('/health'),

  login: (body: LoginRequest) => api.post<Me>('/auth/login', body),
  register: (body: RegisterRequest) => api.post<Me>('/auth/register', body),
  logout: () => api.post<void>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
  switchMembership: (membershipId: string) => api.post<Me>('/auth/switch', { membershipId }),

  workbench: () => api.get<WorkbenchSummary>('/workbench'),

  listOrgs: (kind?: OrgKind) => api.get<ItemsResponse<Organization>>('/orgs', { query: { kind } }),
  createOrg: (body: CreateOrganizationRequest) => api.post<Organization>('/orgs', body),
  getOrg: (id: string) => api.get<Organization>(`/orgs/${encodeURIComponent(id)}`),
  listMembers: (orgId: string) => api.get<ItemsResponse<Member>>(`/orgs/${encodeURIComponent(orgId)}/members`),
  addMember: (orgId: string, body: AddMemberRequest) => api.post<Member>(`/orgs/${encodeURIComponent(orgId)}/members`, body),
  removeMember: (orgId: string, memberId: string) =>
    api.delete(`/orgs/${encodeURIComponent(orgId)}/members/${encodeURIComponent(memberId)}`),

  listUsers: () => api.get<ItemsResponse<User>>('/users'),
  createUser: (body: CreateUserRequest) => api.post<User>('/users', body),

  listTokens: () => api.get<ItemsResponse<ApiToken>>('/tokens'),
  createToken: (body: CreateTokenRequest) => api.post<CreatedApiToken>('/tokens', body),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),

  listAudit: (query: AuditQuery) => api.get<ItemsResponse<AuditEntry>>('/audit', { query: { ...query } }),
  verifyAudit: () => api.get<AuditVerifyResult>('/audit/verify'),

  listReviewItems: (query: ReviewQueueQuery) => api.get<ItemsResponse<ReviewItem>>('/review/items', { query: { ...query } }),
  getReviewItem: (id: string) => api.get<ReviewItemDetail>(`/review/items/${encodeURIComponent(id)}`),
  claimReviewItem: (id: string) => api.post<ReviewClaimResult>(`/review/items/${encodeURIComponent(id)}/claim`),
  decideReviewItem: (id: string, body: ReviewDecisionRequest) =>
    api.post<ReviewDecisionResult>(`/review/items/${encodeURIComponent(id)}/decide`, body),
  listViolations: (limit?: number) => api.get<ItemsResponse<Violation>>('/violations', { query: { limit } }),
  verifyEvidence: () => api.get<EvidenceVerifyResult>('/evidence/verify'),
  rulePack: () => api.get<RulePackSummary>('/compliance/rules'),
  addExemption: (body: AddExemptionRequest) => api.post<{ ok: true }>('/compliance/exemptions', body),
  screen: (body: ScreenRequest) => api.post<ScreenResult>('/compliance/screen', body),

  registerMerchant: (body: RegisterMerchantRequest) => api.post<RegistrationCreated>('/registry/merchants', body),
  registerStreamer: (body: RegisterStreamerRequest) => api.post<RegistrationCreated>('/registry/streamers', body),
  registerBase: (body: RegisterBaseRequest) => api.post<RegistrationCreated>('/registry/bases', body),
  registerMcn: (body: RegisterMcnRequest) => api.post<OrgRegistered>('/registry/mcns', body),
  registerProvider: (body: RegisterProviderRequest) => api.post<OrgRegistered>('/registry/providers', body),
  recordTraining: (body: TrainingRequest) => api.post<{ id: string }>('/registry/training', body),
  talent: (userId: string) => api.get<TalentProfile>(`/registry/talent/${encodeURIComponent(userId)}`),
  myStreamerRegistration: () => api.get<MyStreamerRegistration>('/registry/streamers/me'),
  listApplications: (scope: ApplicationScope, kind?: ApplicationKind) =>
    api.get<ItemsResponse<ApplicationView>>('/applications', { query: { scope, kind } }),
  getApplication: (id: string) => api.get<ApplicationView>(`/applications/${encodeURIComponent(id)}`),
  actOnApplication: (id: string, body: ApplicationActionRequest) =>
    api.post<ApplicationView>(`/applications/${encodeURIComponent(id)}/actions`, body),
  fileObjection: (id: string, text: string) => api.post<{ id: string }>(`/applications/${encodeURIComponent(id)}/objections`, { text }),
  publicBases: () => api.get<ItemsResponse<PublicBase>>('/public/bases'),
  publicStreamers: () => api.get<ItemsResponse<PublicStreamer>>('/public/streamers'),
};

export const queryKeys = {
  me: ['me'] as const,
  workbench: ['workbench'] as const,
  orgs: (kind?: OrgKind) => ['orgs', kind ?? 'all'] as const,
  org: (id: string) => ['org', id] as const,
  members: (orgId: string) => ['org', orgId, 'members'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
  audit: (action: string) => ['audit', action] as const,
  reviewQueue: (query: ReviewQueueQuery) => ['review', 'queue', query] as const,
  reviewItem: (id: string) => ['review', 'item', id] as const,
  violations: ['violations'] as const,
  rulePack: ['compliance', 'rules'] as const,
  applications: (scope: ApplicationScope, kind?: ApplicationKind) => ['applications', scope, kind ?? 'all'] as const,
  application: (id: string) => ['application', id] as const,
  myStreamer: ['registry', 'streamer', 'me'] as const,
  talent: (userId: string) => ['registry', 'talent', userId] as const,
  publicBases: ['public', 'bases'] as const,
  publicStreamers: ['public', 'streamers'] as const,
};
