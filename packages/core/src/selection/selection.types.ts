/**
 * Records of the selection center (选品中心): commission plans, the selection listing (a search read model over
 * approved products), sample requests (寄样) and live service agreements (直播服务协议), with the inputs and
 * views its services take and return.
 */
import type { SamplePackageView } from './sample-carrier.port.ts';
import type { ProductDetail } from '../catalog/catalog.types.ts';

export type PlanType = 'open' | 'targeted' | 'exclusive';

export interface PlanPartner {
  kind: 'streamer' | 'mcn';
  id: string;
}

export interface PlanRecord {
  id: string;
  productId: string;
  merchantOrgId: string;
  type: PlanType;
  commissionBp: number;
  mcnServiceFeeBp: number;
  slotFeeFen: number;
  startsAt: Date;
  endsAt: Date;
  partners: PlanPartner[];
  status: 'active' | 'ended';
  createdBy: string;
  createdAt: Date;
}

/** The selection square's read model: one row per product that is approved and has a live plan. */
export interface ListingRecord {
  productId: string;
  merchantOrgId: string;
  merchantName: string;
  title: string;
  categoryId: string;
  /** the category and its ancestors, for subtree filters */
  categoryPath: string[];
  brandName: string | null;
  coverImageId: string | null;
  minPriceFen: number;
  maxPriceFen: number;
  commissionBp: number;
  planTypes: PlanType[];
  /** '*' for an open plan, 'u:<userId>' and 'o:<orgId>' for named partners */
  audience: string[];
  stock: number;
  salesCount: number;
  sampleAvailable: boolean;
  merchantCredit: number | null;
  tokens: string[];
  /** plan periods: the listing is searchable only inside [liveFrom, liveUntil) */
  liveFrom: Date;
  liveUntil: Date;
  updatedAt: Date;
}

/** The filters of a pool search, as the caller gives them and as the repository applies them. */
export interface ListingFilters {
  priceMinFen?: number | undefined;
  priceMaxFen?: number | undefined;
  commissionMinBp?: number | undefined;
  inStock?: boolean | undefined;
  sampleAvailable?: boolean | undefined;
  minCredit?: number | undefined;
}

export interface ListingQuery extends ListingFilters {
  tokens: string[];
  audience: string[] | null;
  now: Date;
  categoryId?: string | undefined;
  sort: 'relevance' | 'sales' | 'commission' | 'price_asc' | 'price_desc' | 'newest';
  offset: number;
  limit: number;
  /** count matches up to this many */
  countCap: number;
}

export type SampleStatus =
  | 'requested'
  | 'approved'
  | 'declined'
  | 'shipped'
  | 'received'
  | 'featured'
  | 'return_shipped'
  | 'returned'
  | 'cancelled';

export interface SampleHistoryEntry {
  at: string;
  action: string;
  by: string;
  reason: string | null;
}

export interface SampleRecord {
  id: string;
  productId: string;
  skuId: string | null;
  merchantOrgId: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  status: SampleStatus;
  recipientEnc: string;
  phoneEnc: string;
  addressEnc: string;
  note: string | null;
  reason: string | null;
  carrier: string | null;
  trackingNo: string | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  receivedAt: Date | null;
  featureDueAt: Date | null;
  featuredIn: string | null;
  overdueAt: Date | null;
  history: SampleHistoryEntry[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgreementRecord {
  id: string;
  merchantOrgId: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  status: 'pending' | 'in_force' | 'terminated' | 'expired';
  currentVersion: number;
  inForceVersion: number | null;
  /** the products of the version in force, for the live room's lookup */
  inForceProductIds: string[];
  inForceFrom: Date | null;
  inForceUntil: Date | null;
  terminatedReason: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgreementVersionRecord {
  agreementId: string;
  version: number;
  terms: Record<string, unknown>;
  contentHash: string;
  createdBy: string;
  createdAt: Date;
}

export interface AgreementAcceptanceRecord {
  agreementId: string;
  version: number;
  party: 'merchant' | 'streamer' | 'mcn';
  userId: string;
  contentHash: string;
  at: Date;
}

export interface SelectionSettings {
  /** days a streamer has, from receiving a sample, to feature the product or return it */
  featureWithinDays: number;
}

export interface PlanInput {
  productId: string;
  type: PlanType;
  commissionBp: number;
  mcnServiceFeeBp: number;
  slotFeeFen: number;
  startsAt: string;
  endsAt: string;
  partners: PlanPartner[];
}

/** A plan with its partners' names (a streamer's display name, an MCN's name), for the screens. */
export interface PlanView extends Omit<PlanRecord, 'partners'> {
  partners: Array<PlanPartner & { name: string | null }>;
}

export interface SearchInput extends ListingFilters {
  q?: string | undefined;
  category?: string | undefined;
  sort: ListingQuery['sort'];
  page: number;
  pageSize: number;
}

/** A pool product as the selection square shows it to one caller, with the plans that apply to them. */
export interface PoolProduct {
  listing: ListingRecord;
  plans: PlanView[];
  detail: ProductDetail;
}

export type SampleAction = 'approve' | 'decline' | 'ship' | 'receive' | 'feature' | 'ship_return' | 'confirm_return' | 'cancel';

export interface SampleRequestInput {
  productId: string;
  skuId?: string | undefined;
  recipient: string;
  phone: string;
  address: string;
  note?: string | undefined;
}

export interface SampleActionInput {
  action: SampleAction;
  reason?: string | undefined;
  carrier?: string | undefined;
  trackingNo?: string | undefined;
  featuredIn?: string | undefined;
  /** 发货仓 of a `ship`: one the merchant may use holding the SKU; omitted, the first that does (default first) */
  warehouseId?: string | undefined;
}

/** A sample request with the names the screens show and its contact masked (the PII stays sealed). */
export interface SampleView extends SampleRecord {
  productTitle: string;
  merchantName: string;
  streamerName: string;
  contact: { recipient: string; phone: string; address: string };
  /** the package and its 物流轨迹 (one sample's view only; lists leave it out) */
  tracking?: SamplePackageView | null;
  /** the streamer's return parcel (寄回) and its 物流轨迹, the same shape */
  returnTracking?: SamplePackageView | null;
}

export interface AgreementTermsInput {
  products: Array<{ productId: string; commissionBp: number }>;
  streamerShareBp: number;
  slotFeeFen: number;
  startsOn: string;
  endsOn: string;
  obligations: string[];
  note?: string | undefined;
}

export type Party = 'merchant' | 'streamer' | 'mcn';

export interface AgreementDetail {
  agreement: AgreementRecord;
  versions: Array<AgreementVersionRecord & { hashValid: boolean; acceptances: AgreementAcceptanceRecord[] }>;
  parties: Party[];
  myParty: Party | null;
}

/** An agreement with the parties' names, the product titles of its terms and who accepted each version. */
export interface AgreementView extends AgreementDetail {
  merchantName: string;
  streamerName: string;
  mcnName: string | null;
  productTitles: Record<string, string>;
  /** display names of the users who accepted a version */
  userLabels: Record<string, string>;
}
