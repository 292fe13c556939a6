/**
 * Records and ports of the catalog and the selection center: categories with live-sale rules, brands and the
 * key-trademark protection list, products, SKUs and their price history, commission plans, the selection
 * listing (a search read model), sample requests and live service agreements.
 */

export type LiveRule = 'allowed' | 'restricted' | 'prohibited';

export interface CategoryRecord {
  id: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  /** the screening engine's product category (which claims rules apply) */
  screenAs: string;
  liveRule: LiveRule;
  requiredQualifications: string[];
  /** a statement the product copy must carry (e.g. 本品不能代替药物 for health food) */
  requiredDisclaimer: string | null;
  /** whether 7-day no-reason returns apply (消费者权益保护法 Art. 25 exceptions are false) */
  noReasonReturn: boolean;
  basis: string | null;
  sort: number;
  updatedAt: Date;
}

export interface BrandRecord {
  id: string;
  name: string;
  /** lower-cased, width-folded name: brands are unique by it */
  nameKey: string;
  nameEn: string | null;
  ownerOrgId: string | null;
  trademarkNo: string | null;
  protected: boolean;
  protectedReason: string | null;
  protectedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface BrandAuthorizationRecord {
  id: string;
  brandId: string;
  merchantOrgId: string;
  documentId: string;
  validUntil: Date;
  status: 'valid' | 'revoked';
  createdBy: string;
  createdAt: Date;
}

export type ProductStatus = 'draft' | 'in_review' | 'returned' | 'approved' | 'rejected' | 'delisted';

export interface PreCheckFinding {
  check: 'category' | 'qualification' | 'trademark' | 'screening' | 'disclaimer' | 'price';
  ok: boolean;
  /** a failed blocking check rejects the product at once; the others go to the human reviewer flagged */
  blocking: boolean;
  ruleId: string | null;
  message: { zh: string; en: string };
  basis: string | null;
}

export interface ProductRecord {
  id: string;
  merchantOrgId: string;
  categoryId: string;
  brandId: string | null;
  title: string;
  description: string;
  claims: string[];
  referencePriceFen: number | null;
  imageIds: string[];
  qualificationDocIds: string[];
  sampleAvailable: boolean;
  sampleStock: number;
  status: ProductStatus;
  statusReason: string | null;
  reviewApplicationId: string | null;
  checks: PreCheckFinding[] | null;
  salesCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SkuRecord {
  id: string;
  productId: string;
  name: string;
  code: string | null;
  priceFen: number;
  stock: number;
  sort: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A price in effect over [validFrom, validTo): list prices, promotions and flash-sale prices alike. */
export interface PricePointRecord {
  id: string;
  skuId: string;
  priceFen: number;
  source: 'list' | 'promotion' | 'flash_sale';
  validFrom: Date;
  validTo: Date | null;
}

export interface CatalogRepository {
  upsertCategory(c: CategoryRecord): Promise<void>;
  listCategories(): Promise<CategoryRecord[]>;
  findCategory(id: string): Promise<CategoryRecord | null>;
  insertBrand(b: BrandRecord): Promise<void>;
  findBrand(id: string): Promise<BrandRecord | null>;
  /** the brands of `ids` in one query (unknown ids are left out) */
  findBrands(ids: string[]): Promise<BrandRecord[]>;
  findBrandByKey(nameKey: string): Promise<BrandRecord | null>;
  listBrands(opts: { q?: string; protectedOnly?: boolean; limit: number }): Promise<BrandRecord[]>;
  updateBrand(id: string, patch: Partial<BrandRecord>): Promise<void>;
  insertAuthorization(a: BrandAuthorizationRecord): Promise<void>;
  listAuthorizations(opts: { merchantOrgId?: string; brandId?: string }): Promise<BrandAuthorizationRecord[]>;
  insertProduct(p: ProductRecord): Promise<void>;
  findProduct(id: string): Promise<ProductRecord | null>;
  /** writes only when the stored version is `expectVersion` */
  updateProduct(p: ProductRecord, expectVersion: number): Promise<boolean>;
  /**
   * Newest first by (createdAt, id). Keyset paging: `before` (+ `beforeId`) returns the products created before it,
   * or at it with a smaller id — the next page after a product (createdAt, id), stable while products are edited.
   */
  listProducts(opts: {
    merchantOrgId?: string;
    status?: ProductStatus[];
    ids?: string[];
    before?: Date;
    beforeId?: string;
    limit: number;
  }): Promise<ProductRecord[]>;
  countProducts(opts: { merchantOrgId?: string; status?: ProductStatus[] }): Promise<number>;
  /** how many products are in each status (statuses without products are left out), in one query */
  countProductsByStatus(opts: { merchantOrgId?: string }): Promise<Array<{ status: ProductStatus; n: number }>>;
  insertSku(s: SkuRecord): Promise<void>;
  /** name, code and price; stock never moves here (see adjustStock) */
  updateSku(s: SkuRecord): Promise<void>;
  /** adds `delta` (may be negative) to the stock left, unless that would take it below zero; returns whether it did */
  adjustStock(id: string, delta: number): Promise<boolean>;
  /** counts units sold on the product (paid orders) */
  addSales(productId: string, n: number): Promise<void>;
  listSkus(productIds: string[]): Promise<SkuRecord[]>;
  findSku(id: string): Promise<SkuRecord | null>;
  /** takes `n` from a product's sample stock if that many are left */
  takeSampleStock(productId: string, n: number): Promise<boolean>;
  /** closes the open point of the SKU at `at` and opens a new one (one price in effect at a time per source) */
  recordPrice(p: PricePointRecord): Promise<void>;
  /** a price with a known period (a promotion, a flash sale) that runs alongside the list price */
  insertPricePoint(p: PricePointRecord): Promise<void>;
  listPrices(skuId: string): Promise<PricePointRecord[]>;
  /**
   * The lowest price in effect at any moment of [from, to): one query over the price points that overlap the
   * window. What the price-fraud rule compares a reference (划线) price with.
   */
  lowestPrice(skuIds: string[], from: Date, to: Date): Promise<Map<string, number>>;
}

// ---- selection center -------------------------------------------------------------------------------------------

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

export interface ListingQuery {
  tokens: string[];
  audience: string[] | null;
  now: Date;
  categoryId?: string | undefined;
  priceMinFen?: number | undefined;
  priceMaxFen?: number | undefined;
  commissionMinBp?: number | undefined;
  inStock?: boolean | undefined;
  sampleAvailable?: boolean | undefined;
  minCredit?: number | undefined;
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

export interface SelectionRepository {
  insertPlan(p: PlanRecord): Promise<void>;
  findPlan(id: string): Promise<PlanRecord | null>;
  updatePlan(id: string, patch: Partial<PlanRecord>): Promise<void>;
  listPlans(opts: {
    productIds?: string[];
    merchantOrgId?: string;
    status?: PlanRecord['status'];
    endsBefore?: Date;
    limit: number;
  }): Promise<PlanRecord[]>;
  /** serializes plan changes of one product inside the transaction (exclusive-plan conflicts) */
  lockProduct(productId: string): Promise<void>;
  upsertListing(l: ListingRecord): Promise<void>;
  deleteListing(productId: string): Promise<void>;
  findListing(productId: string): Promise<ListingRecord | null>;
  searchListings(q: ListingQuery): Promise<{ items: ListingRecord[]; total: number }>;
  insertSample(s: SampleRecord): Promise<void>;
  findSample(id: string): Promise<SampleRecord | null>;
  updateSample(s: SampleRecord, expectVersion: number): Promise<boolean>;
  listSamples(opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: SampleStatus[];
    overdue?: boolean;
    limit: number;
  }): Promise<SampleRecord[]>;
  countSamples(opts: { merchantOrgId?: string; streamerUserId?: string; status?: SampleStatus[] }): Promise<number>;
  /** received samples whose feature deadline has passed and that are not yet flagged */
  listSamplesDue(now: Date, limit: number): Promise<SampleRecord[]>;
  insertAgreement(a: AgreementRecord): Promise<void>;
  findAgreement(id: string): Promise<AgreementRecord | null>;
  updateAgreement(a: AgreementRecord, expectVersion: number): Promise<boolean>;
  listAgreements(opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: AgreementRecord['status'][];
    limit: number;
  }): Promise<AgreementRecord[]>;
  countAgreements(opts: { merchantOrgId?: string; streamerUserId?: string; status?: AgreementRecord['status'][] }): Promise<number>;
  /** agreements in force for the pair that cover `productId` at `at` */
  findInForce(q: { merchantOrgId: string; streamerUserId: string; productId: string; at: Date }): Promise<AgreementRecord | null>;
  /** versions are insert-only: there is no update */
  insertVersion(v: AgreementVersionRecord): Promise<void>;
  listVersions(agreementId: string): Promise<AgreementVersionRecord[]>;
  insertAcceptance(a: AgreementAcceptanceRecord): Promise<void>;
  listAcceptances(agreementId: string): Promise<AgreementAcceptanceRecord[]>;
  /** agreements in force whose end has passed */
  listAgreementsLapsed(now: Date, limit: number): Promise<AgreementRecord[]>;
}
