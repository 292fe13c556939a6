/** One typed function per API endpoint the web app calls. */
import type {
  ApiTokenScope,
  AuditEntry,
  AuditVerifyResult,
  CreateOrganizationRequest,
  CreateUserRequest,
  Health,
  LoginRequest,
  Me,
  Organization,
  OrgKind,
  Role,
  User,
  WorkbenchSummary,
} from '@livehub/contracts';
import { api } from './api-client.ts';
import type {
  ApiToken,
  CreatedApiToken,
  EventKind,
  EvidenceVerifyResult,
  ItemsResponse,
  Member,
  ProductCategory,
  ReviewItem,
  ReviewItemDetail,
  ReviewStatusFilter,
  RulePackSummary,
  ScreeningCategory,
  ScreenResult,
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
};
