/** One typed function per API endpoint the web app calls. */
import type {
  ConsumerVerification,
  ConsumerVerifyInput,
  MatchActivityView,
  MatchModelStatusView,
  MatchPreference,
  ProductRecommendationsView,
  StreamerRecommendationsView,
  WhyNotView,
  ComplaintAnswer,
  ComplaintCreate,
  ComplaintDecision,
  ComplaintDetail,
  ComplaintStatus,
  ComplaintView,
  AcceptAgreementRequest,
  AddBrandAuthorizationRequest,
  AddExemptionRequest,
  AddMemberRequest,
  ApplicationActionRequest,
  AuditQuery,
  CreateAgreementRequest,
  CreateApiTokenRequest,
  CreateBrandRequest,
  CreateFlashSaleRequest,
  CreateOrderRequest,
  CreatePlanRequest,
  CreateProductRequest,
  OrderListQuery as OrderListParams,
  ProductListQuery,
  RegisterConsumerRequest,
  SaveAddressRequest,
  ReturnRequest,
  ReviewBatchDecisionRequest,
  ReviewBatchDecisionResult,
  ReviewDecisionRequest,
  ReviewQueueQuery,
  SampleActionRequest,
  SampleRequest,
  ScheduleSessionRequest,
  ScreenRequest,
  SelectionSearchQuery,
  ShipmentRequest,
  SkuInput,
  UpdateProductRequest,
  ErrorBody,
  AuditEntry,
  AuditVerifyResult,
  CreateInvitationRequest,
  CreateOrganizationRequest,
  CreateUserRequest,
  Health,
  Invitation,
  Locale,
  LoginRequest,
  Me,
  Organization,
  OrgKind,
  User,
  WorkbenchSummary,
} from '@livehub/contracts';
import { ApiError, api } from './api-client.ts';
import type {
  AgreementTerms,
  AgreementView,
  ApiToken,
  ApplicationKind,
  ApplicationScope,
  ApplicationView,
  Brand,
  BrandAuthorization,
  Category,
  ChecklistItem,
  CreatedApiToken,
  DocumentKind,
  EvidenceVerifyResult,
  FlashSaleView,
  ItemsResponse,
  LiveRecordingView,
  LiveSessionView,
  Member,
  MyStreamerRegistration,
  OrderShippingLabel,
  OrderView,
  TrackingView,
  OrgRegistered,
  PaymentStarted,
  PlanView,
  PoolProduct,
  PriceHistory,
  ProductCounts,
  ProductView,
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
  ReturnStatus,
  ReturnView,
  RulePackSummary,
  SampleView,
  SavedAddress,
  ScheduledSession,
  SelectionPage,
  ScreenResult,
  StreamKey,
  TalentProfile,
  TrainingRequest,
  Violation,
} from './api-types.ts';

/** The editable fields of a product (POST creates it with SKUs; PATCH sends the changed ones). */
export type ProductInput = Omit<CreateProductRequest, 'skus'>;

/** one item a batch decision could not take (409 review.batch_conflict): decided or claimed by someone else */
export interface ReviewBatchConflict {
  id: string;
  code: string;
  by: string | null;
  byName: string | null;
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

export interface ShippingLabel {
  recipient: string;
  phone: string;
  address: string;
}

export type ExportKind = 'bases' | 'streamers' | 'merchants';

/** Whose orders a list shows: the caller's purchases, the merchant's sales, a streamer's sessions, everything. */
export type OrderScope = NonNullable<OrderListParams['as']>;

/** An order list: whose orders (always said), the rest as the contract's query. */
export type OrderListQuery = OrderListParams & { as: OrderScope };

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

/** Where a product image is served from (the product's readers only). */
export function productImageUrl(productId: string, imageId: string): string {
  return `/api/catalog/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(imageId)}`;
}

/** Where an authorized reader downloads a document from. */
export function documentContentUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/content`;
}

export const endpoints = {
  health: () => api.get<Health>('/health'),

  login: (body: LoginRequest) => api.post<Me>('/auth/login', body),
  register: (body: RegisterConsumerRequest) => api.post<Me>('/auth/register', body),
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
  listOrgInvitations: (orgId: string) => api.get<ItemsResponse<Invitation>>(`/orgs/${encodeURIComponent(orgId)}/invitations`),
  createInvitation: (orgId: string, body: CreateInvitationRequest) =>
    api.post<Invitation>(`/orgs/${encodeURIComponent(orgId)}/invitations`, body),
  revokeInvitation: (orgId: string, id: string) =>
    api.post<Invitation>(`/orgs/${encodeURIComponent(orgId)}/invitations/${encodeURIComponent(id)}/revoke`),
  myInvitations: () => api.get<ItemsResponse<Invitation>>('/me/invitations'),
  acceptInvitation: (id: string) => api.post<Invitation>(`/me/invitations/${encodeURIComponent(id)}/accept`),
  declineInvitation: (id: string) => api.post<Invitation>(`/me/invitations/${encodeURIComponent(id)}/decline`),
  leaveMembership: (membershipId: string) => api.delete(`/me/memberships/${encodeURIComponent(membershipId)}`),

  listUsers: () => api.get<ItemsResponse<User>>('/users'),
  createUser: (body: CreateUserRequest) => api.post<User>('/users', body),

  listTokens: () => api.get<ItemsResponse<ApiToken>>('/tokens'),
  createToken: (body: CreateApiTokenRequest) => api.post<CreatedApiToken>('/tokens', body),
  revokeToken: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),

  listAudit: (query: AuditQuery) => api.get<ItemsResponse<AuditEntry>>('/audit', { query: { ...query } }),
  verifyAudit: () => api.get<AuditVerifyResult>('/audit/verify'),

  listReviewItems: (query: ReviewQueueQuery) =>
    api.get<ItemsResponse<ReviewItem> & { generatedAt: string }>('/review/items', { query: { ...query } }),
  batchDecideReviewItems: (body: ReviewBatchDecisionRequest) => api.post<ReviewBatchDecisionResult>('/review/items/batch-decide', body),
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
  selectionMcns: () => api.get<Array<{ id: string; name: string }>>('/selection/mcns'),

  categories: () => api.get<Category[]>('/catalog/categories'),
  brands: (q?: string) => api.get<Brand[]>('/catalog/brands', { query: { q } }),
  createBrand: (body: CreateBrandRequest) => api.post<Brand>('/catalog/brands', body),
  brandAuthorizations: () => api.get<BrandAuthorization[]>('/catalog/brand-authorizations'),
  addBrandAuthorization: (body: AddBrandAuthorizationRequest) =>
    api.post<{ id: string; validUntil: string }>('/catalog/brand-authorizations', body),
  products: (query: ProductListQuery = {}) => api.get<ProductView[]>('/catalog/products', { query: { ...query } }),
  productCounts: () => api.get<ProductCounts>('/catalog/products/counts'),
  product: (id: string) => api.get<ProductView>(`/catalog/products/${encodeURIComponent(id)}`),
  createProduct: (body: CreateProductRequest) => api.post<ProductView>('/catalog/products', body),
  updateProduct: (id: string, body: UpdateProductRequest) => api.patch<ProductView>(`/catalog/products/${encodeURIComponent(id)}`, body),
  addSku: (id: string, body: SkuInput) => api.post<ProductView>(`/catalog/products/${encodeURIComponent(id)}/skus`, body),
  updateSku: (id: string, skuId: string, body: Partial<SkuInput>) =>
    api.patch<ProductView>(`/catalog/products/${encodeURIComponent(id)}/skus/${encodeURIComponent(skuId)}`, body),
  priceHistory: (id: string, skuId: string) =>
    api.get<PriceHistory>(`/catalog/products/${encodeURIComponent(id)}/skus/${encodeURIComponent(skuId)}/prices`),
  submitProduct: (id: string) =>
    api.post<{ applicationId: string; step: string; product: ProductView }>(`/catalog/products/${encodeURIComponent(id)}/submit`),
  delistProduct: (id: string, reason: string) => api.post<ProductView>(`/catalog/products/${encodeURIComponent(id)}/delist`, { reason }),

  plans: (productId?: string) => api.get<PlanView[]>('/selection/plans', { query: { productId } }),
  createPlan: (body: CreatePlanRequest) => api.post<PlanView>('/selection/plans', body),
  endPlan: (id: string) => api.post<PlanView>(`/selection/plans/${encodeURIComponent(id)}/end`),
  searchPool: (query: SelectionSearchQuery) => api.get<SelectionPage>('/selection/search', { query: { ...query } }),
  poolProduct: (id: string) => api.get<PoolProduct>(`/selection/products/${encodeURIComponent(id)}`),
  // ---- 人货匹配 ----
  recommendations: (q: { userId: string; k?: number; personalised?: boolean }) =>
    api.get<ProductRecommendationsView>(`/matching/streamers/${encodeURIComponent(q.userId)}/recommendations`, {
      query: { k: q.k, personalised: q.personalised === undefined ? undefined : String(q.personalised) },
    }),
  whyNot: (q: { userId: string; productId: string }) =>
    api.get<WhyNotView>(`/matching/streamers/${encodeURIComponent(q.userId)}/why-not`, { query: { productId: q.productId } }),
  streamersForProduct: (productId: string) =>
    api.get<StreamerRecommendationsView>(`/matching/products/${encodeURIComponent(productId)}/streamers`, { query: { k: 20 } }),
  matchClick: (body: { productId: string; personalised: boolean }) => api.post<null>('/matching/clicks', body),
  matchPreference: () => api.get<MatchPreference>('/matching/preference'),
  setMatchPreference: (body: MatchPreference) => api.put<MatchPreference>('/matching/preference', body),
  audienceVerification: () => api.get<ConsumerVerification>('/audience/verification'),
  verifyForAudience: (body: ConsumerVerifyInput) => api.put<ConsumerVerification>('/audience/verification', body),
  withdrawAudienceVerification: () => api.delete<ConsumerVerification>('/audience/verification'),
  matchActivity: () => api.get<MatchActivityView>('/matching/activity'),
  matchModel: () => api.get<MatchModelStatusView>('/matching/model'),

  sample: (id: string) => api.get<SampleView>(`/samples/${encodeURIComponent(id)}`),
  samples: (overdue?: boolean) => api.get<SampleView[]>('/samples', { query: { overdue: overdue ? 'true' : undefined } }),
  requestSample: (body: SampleRequest) => api.post<SampleView>('/samples', body),
  actOnSample: (id: string, body: SampleActionRequest) => api.post<SampleView>(`/samples/${encodeURIComponent(id)}/actions`, body),
  shippingLabel: (id: string) => api.get<ShippingLabel>(`/samples/${encodeURIComponent(id)}/shipping-label`),

  agreements: () => api.get<AgreementView[]>('/agreements'),
  agreementsInForce: () => api.get<AgreementView[]>('/agreements', { query: { status: 'in_force' } }),
  agreement: (id: string) => api.get<AgreementView>(`/agreements/${encodeURIComponent(id)}`),
  createAgreement: (body: CreateAgreementRequest) => api.post<AgreementView>('/agreements', body),
  amendAgreement: (id: string, terms: AgreementTerms) =>
    api.post<AgreementView>(`/agreements/${encodeURIComponent(id)}/versions`, { terms }),
  acceptAgreement: (id: string, body: AcceptAgreementRequest) =>
    api.post<AgreementView>(`/agreements/${encodeURIComponent(id)}/accept`, body),
  terminateAgreement: (id: string, reason: string) =>
    api.post<AgreementView>(`/agreements/${encodeURIComponent(id)}/terminate`, { reason }),

  liveSessions: (scope: 'mine' | 'live') => api.get<LiveSessionView[]>('/live/sessions', { query: { scope } }),
  liveSession: (id: string) => api.get<LiveSessionView>(`/live/sessions/${encodeURIComponent(id)}`),
  scheduleSession: (body: ScheduleSessionRequest) => api.post<ScheduledSession>('/live/sessions', body),
  setSessionProducts: (id: string, productIds: string[]) =>
    api.put<LiveSessionView>(`/live/sessions/${encodeURIComponent(id)}/products`, { productIds }),
  sessionChecklist: (id: string) => api.get<ChecklistItem[]>(`/live/sessions/${encodeURIComponent(id)}/checklist`),
  startSession: (id: string) => api.post<LiveSessionView>(`/live/sessions/${encodeURIComponent(id)}/start`),
  endSession: (id: string) => api.post<LiveSessionView>(`/live/sessions/${encodeURIComponent(id)}/end`, {}),
  streamKey: (id: string) => api.get<StreamKey>(`/live/sessions/${encodeURIComponent(id)}/stream-key`),
  rotateStreamKey: (id: string) => api.post<StreamKey>(`/live/sessions/${encodeURIComponent(id)}/stream-key`),
  sessionRecordings: (id: string) => api.get<LiveRecordingView[]>(`/live/sessions/${encodeURIComponent(id)}/recordings`),

  addresses: () => api.get<SavedAddress[]>('/addresses'),
  saveAddress: (body: SaveAddressRequest) => api.post<SavedAddress>('/addresses', body),
  /** 下单; the same Idempotency-Key with the same body answers the same order */
  createOrder: (body: CreateOrderRequest, idempotencyKey: string) =>
    api.post<OrderView>('/orders', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  orders: (query: OrderListQuery) => api.get<OrderView[]>('/orders', { query: { ...query } }),
  order: (id: string) => api.get<OrderView>(`/orders/${encodeURIComponent(id)}`),
  /** 去支付: the provider's page to send the payer to; the same key answers the same payment */
  payOrder: (id: string, idempotencyKey: string) =>
    api.post<PaymentStarted>(`/orders/${encodeURIComponent(id)}/pay`, {}, { headers: { 'Idempotency-Key': idempotencyKey } }),
  cancelOrder: (id: string, reason: string) => api.post<OrderView>(`/orders/${encodeURIComponent(id)}/cancel`, { reason }),
  refundOrder: (id: string, reason: string) => api.post<OrderView>(`/orders/${encodeURIComponent(id)}/refund`, { reason }),
  shipOrder: (id: string, body: ShipmentRequest) => api.post<OrderView>(`/orders/${encodeURIComponent(id)}/ship`, body),
  deliverOrder: (id: string) => api.post<OrderView>(`/orders/${encodeURIComponent(id)}/deliver`),
  orderShippingLabel: (id: string) => api.get<OrderShippingLabel>(`/orders/${encodeURIComponent(id)}/shipping-label`),
  orderTracking: (id: string) => api.get<TrackingView>(`/orders/${encodeURIComponent(id)}/tracking`),
  orderReturns: (id: string) => api.get<ReturnView[]>(`/orders/${encodeURIComponent(id)}/returns`),
  requestReturn: (id: string, body: ReturnRequest) => api.post<ReturnView>(`/orders/${encodeURIComponent(id)}/returns`, body),
  returns: (as: 'buyer' | 'merchant', status?: ReturnStatus) => api.get<ReturnView[]>('/returns', { query: { as, status } }),
  approveReturn: (id: string) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/approve`),
  rejectReturn: (id: string, reason: string) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/reject`, { reason }),
  /** 确认收到退货 and refund at once */
  receiveReturn: (id: string) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/receive`, { refundNow: true }),
  refundReturn: (id: string) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/refund`),
  /** 跨境退货: 退货申报, then 运抵监管场所 (refund at once) */
  declareReturn: (id: string, customsDeclarationNo: string) =>
    api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/declare`, { customsDeclarationNo }),
  arriveReturn: (id: string) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/arrive`, { refundNow: true }),
  shipReturn: (id: string, body: ShipmentRequest) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/ship`, body),
  cancelReturn: (id: string) => api.post<ReturnView>(`/returns/${encodeURIComponent(id)}/cancel`),
  flashSales: (sessionId: string) => api.get<FlashSaleView[]>(`/live/sessions/${encodeURIComponent(sessionId)}/flash-sales`),
  createFlashSale: (sessionId: string, body: CreateFlashSaleRequest) =>
    api.post<FlashSaleView>(`/live/sessions/${encodeURIComponent(sessionId)}/flash-sales`, body),
  endFlashSale: (id: string) => api.post<FlashSaleView>(`/flash-sales/${encodeURIComponent(id)}/end`),

  // 投诉 (docs/disputes.md): each party's list, one complaint with its timeline, and the steps
  complaints: (scope: ComplaintScope, status?: ComplaintStatus) =>
    api.get<{ items: ComplaintView[] }>(`/complaints/${scope}`, { query: { status, limit: 200 } }).then((r) => r.items),
  complaint: (id: string) => api.get<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}`),
  fileComplaint: (body: ComplaintCreate) => api.post<ComplaintView>('/complaints', body),
  answerComplaint: (id: string, body: ComplaintAnswer) => api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/answer`, body),
  acceptComplaintOffer: (id: string, note?: string) =>
    api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/accept-offer`, note ? { note } : undefined),
  escalateComplaint: (id: string, note?: string) =>
    api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/escalate`, note ? { note } : undefined),
  withdrawComplaint: (id: string, note?: string) =>
    api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/withdraw`, note ? { note } : undefined),
  decideComplaint: (id: string, body: ComplaintDecision) => api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/decide`, body),
  dismissComplaint: (id: string, reason: string) => api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/dismiss`, { reason }),
  /** the merchant pays a resolved complaint's compensation (赔付) from its available balance */
  payComplaint: (id: string) => api.post<unknown>(`/complaints/${encodeURIComponent(id)}/pay`),
  regulatorDecideComplaint: (id: string, decision: 'accept' | 'refuse', reason: string) =>
    api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/regulator-decision`, { decision, reason }),
  /** 调解成立: the regulator records its mediation's agreement (the mediator's remedy rules) */
  regulatorMediateComplaint: (id: string, body: ComplaintDecision) =>
    api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/regulator-mediate`, body),
  /** 终止调解 with its reason */
  regulatorCloseComplaint: (id: string, reason: string) =>
    api.post<ComplaintView>(`/complaints/${encodeURIComponent(id)}/regulator-close`, { reason }),
};

/** Whose complaints a list shows: the consumer's own, the merchant's, the mediation queue, the regulator's queue. */
export type ComplaintScope = 'mine' | 'merchant' | 'mediation' | 'regulator';

/** The live room's WebSocket on this origin; `after` resumes from the last seq seen. */
export function roomSocketUrl(sessionId: string, after?: number): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = after !== undefined ? `?after=${after}` : '';
  return `${scheme}://${window.location.host}/api/live/rooms/${encodeURIComponent(sessionId)}/ws${query}`;
}
