/** Response types derived from the shared contracts (types only; nothing here reaches the bundle). */
import type {
  agreementTermsSchema,
  agreementViewSchema,
  apiTokenSchema,
  applicationListQuerySchema,
  applicationViewSchema,
  checklistItemSchema,
  createdApiTokenSchema,
  decisionSchema,
  documentKindSchema,
  documentSchema,
  eventKindSchema,
  evidenceVerifySchema,
  gateSchema,
  hitSchema,
  memberSchema,
  planViewSchema,
  priceHistorySchema,
  productCategorySchema,
  productViewSchema,
  registerBaseSchema,
  registerMcnSchema,
  registerMerchantSchema,
  registerProviderSchema,
  registerStreamerSchema,
  reviewItemDetailSchema,
  reviewItemSchema,
  reviewStatusSchema,
  rulePackSummarySchema,
  ruleSummarySchema,
  sampleViewSchema,
  streamKeySchema,
  screeningCategorySchema,
  selectionPageSchema,
  screenResultSchema,
  talentSchema,
  trainingSchema,
  violationSchema,
} from '@livehub/contracts';
import type { LiveSessionView } from '@livehub/contracts';

export type Member = ReturnType<typeof memberSchema.parse>;
export type ApiToken = ReturnType<typeof apiTokenSchema.parse>;
export type CreatedApiToken = ReturnType<typeof createdApiTokenSchema.parse>;

export interface ItemsResponse<T> {
  items: T[];
}

export type ReviewItem = ReturnType<typeof reviewItemSchema.parse>;
export type ReviewItemDetail = ReturnType<typeof reviewItemDetailSchema.parse>;
export type ScreeningHit = ReturnType<typeof hitSchema.parse>;
export type ScreenResult = ReturnType<typeof screenResultSchema.parse>;
export type Violation = ReturnType<typeof violationSchema.parse>;
export type EvidenceVerifyResult = ReturnType<typeof evidenceVerifySchema.parse>;
export type RulePackSummary = ReturnType<typeof rulePackSummarySchema.parse>;
export type RuleSummary = ReturnType<typeof ruleSummarySchema.parse>;
export type ScreeningCategory = ReturnType<typeof screeningCategorySchema.parse>;
export type ScreeningDecision = ReturnType<typeof decisionSchema.parse>;
export type EventKind = ReturnType<typeof eventKindSchema.parse>;
export type ProductCategory = ReturnType<typeof productCategorySchema.parse>;
export type ReviewStatus = ReturnType<typeof reviewStatusSchema.parse>;
export type ReviewStatusFilter = 'pending' | 'open' | 'claimed' | 'confirmed' | 'dismissed' | 'all';

// ---- registry and approval workflows ---------------------------------------------------------------------------

export type DocumentKind = ReturnType<typeof documentKindSchema.parse>;
export type RegistryDocument = ReturnType<typeof documentSchema.parse>;
export type ApplicationView = ReturnType<typeof applicationViewSchema.parse>;
export type ApplicationEvent = ApplicationView['events'][number];
export type ApplicationAction = ApplicationView['actions'][number];
export type ApplicationKind = NonNullable<ReturnType<typeof applicationListQuerySchema.parse>['kind']>;
export type ApplicationScope = ReturnType<typeof applicationListQuerySchema.parse>['scope'];
export type Gate = ReturnType<typeof gateSchema.parse>;
export type RegisterMerchantRequest = ReturnType<typeof registerMerchantSchema.parse>;
export type RegisterStreamerRequest = ReturnType<typeof registerStreamerSchema.parse>;
export type RegisterBaseRequest = ReturnType<typeof registerBaseSchema.parse>;
export type MerchantCategory = RegisterMerchantRequest['categories'][number];
export type StreamerTopic = RegisterStreamerRequest['topics'][number];
export type MarketerLevel = NonNullable<RegisterStreamerRequest['marketerLevel']>;

/** Application statuses the engine reports. */
export type ApplicationStatus = 'in_progress' | 'approved' | 'rejected' | 'withdrawn' | 'revoked';

/** POST /api/registry/{merchants,streamers,bases} → the application it opened. */
export interface RegistrationCreated {
  applicationId: string;
  orgId: string | null;
  step: string;
  status: string;
}

/** A streamer registration as its owner (and the public list) sees it: personal data masked. */
export interface MaskedStreamer {
  userId: string;
  realName: string;
  idNumber?: string;
  birthYear?: number;
  mcnOrgId: string | null;
  topics: string[];
  marketerLevel: string | null;
  virtual: boolean;
  operatorUserId: string | null;
  virtualLabel: string | null;
  status: string;
  statusReason: string | null;
  certifiedUntil: string | null;
}

/** GET /api/registry/streamers/me */
export interface MyStreamerRegistration {
  profile: MaskedStreamer | null;
  liveGate: Gate;
}

/** GET /api/public/streamers item. */
export interface PublicStreamer extends MaskedStreamer {
  displayName: string;
}

/** GET /api/public/bases item (masked). */
export interface PublicBase {
  orgId: string;
  name: string | null;
  address: string;
  district: string;
  areaM2: number;
  operatorName: string;
  focus: string | null;
  level: 'municipal' | 'district' | null;
  status: string;
  certifiedUntil: string | null;
}

// ---- MCN and service-provider registration, talent records -------------------------------------------------------

export type RegisterMcnRequest = ReturnType<typeof registerMcnSchema.parse>;
export type RegisterProviderRequest = ReturnType<typeof registerProviderSchema.parse>;
export type ProviderService = RegisterProviderRequest['services'][number];
export type TrainingRequest = ReturnType<typeof trainingSchema.parse>;
export type TalentProfile = ReturnType<typeof talentSchema.parse>;
export type TrainingRecord = TalentProfile['training'][number];

/** POST /api/registry/{mcns,providers} → the organization it created (the caller is its first member). */
export interface OrgRegistered {
  orgId: string;
}

// ---- catalog and selection center ------------------------------------------------------------------------------

export type { Brand, Category, ProductCounts, ProductView, SelectionCard } from '@livehub/contracts';
export type ProductCheck = NonNullable<ReturnType<typeof productViewSchema.parse>['checks']>[number];
export type ProductSku = ReturnType<typeof productViewSchema.parse>['skus'][number];
export type PriceHistory = ReturnType<typeof priceHistorySchema.parse>;
export type PlanView = ReturnType<typeof planViewSchema.parse>;
export type SelectionPage = ReturnType<typeof selectionPageSchema.parse>;
export type SampleView = ReturnType<typeof sampleViewSchema.parse>;
export type AgreementView = ReturnType<typeof agreementViewSchema.parse>;
export type AgreementVersion = AgreementView['versions'][number];
/** The terms as the API accepts them (defaults applied). */
export type AgreementTerms = ReturnType<typeof agreementTermsSchema.parse>;

/** GET /api/catalog/brand-authorizations item. */
export interface BrandAuthorization {
  id: string;
  brandId: string;
  merchantOrgId: string;
  documentId: string;
  validUntil: string;
  status: string;
}

/** GET /api/selection/products/:id — a pool product with the plans that apply to the caller. */
export interface PoolProduct {
  card: ReturnType<typeof selectionPageSchema.parse>['items'][number];
  product: ReturnType<typeof productViewSchema.parse>;
  plans: PlanView[];
}

// ---- live sessions and rooms -----------------------------------------------------------------------------------

export type {
  ClientFrame,
  LiveRecordingView,
  LiveSessionView,
  PinnedProduct,
  RoomEvent,
  ServerFrame,
  StaffEvent,
} from '@livehub/contracts';
export type LiveSessionStatus = LiveSessionView['status'];
export type LiveSessionProduct = LiveSessionView['products'][number];
export type ChecklistItem = ReturnType<typeof checklistItemSchema.parse>;
export type StreamKey = ReturnType<typeof streamKeySchema.parse>;

/** POST /api/live/sessions → the session and its stream key (shown once; the console may fetch it again, audited). */
export interface ScheduledSession {
  session: LiveSessionView;
  stream: StreamKey;
}

// ---- orders, payments, after-sales and flash sales ----------------------------------------------------------------

export type {
  AddressInput,
  FlashSaleView,
  OrderLineView,
  OrderStatus,
  OrderView,
  ReturnStatus,
  ReturnView,
  TrackingView,
} from '@livehub/contracts';

/** GET /api/addresses item: a saved shipping address, masked. */
export interface SavedAddress {
  id: string;
  name: string;
  phone: string;
  region: string;
  detail: string;
  isDefault: boolean;
}

/** POST /api/orders/:id/pay → where the payer goes (the provider's page). */
export interface PaymentStarted {
  paymentId: string;
  payUrl: string;
  amountFen: number;
}

/** GET /api/orders/:id/shipping-label: the full address (the merchant only; the look is audited). */
export interface OrderShippingLabel {
  orderNo: string;
  name: string;
  phone: string;
  region: string;
  detail: string;
}
