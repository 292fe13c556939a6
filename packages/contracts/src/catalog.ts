/**
 * Catalog and selection-center contracts: categories with live-sale rules, brands and the key-trademark protection
 * list, products and SKUs with price history, commission plans (open / targeted / exclusive), selection search,
 * sample requests (寄样) and live service agreements (直播服务协议). Money is integer fen; rates are basis points
 * (1 % = 100 bp), so nothing is ever a float.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { productCategorySchema } from './compliance.ts';

/** A price in fen: a positive integer (¥0.01 … ¥10,000,000). */
export const priceFen = z
  .number({ error: 'a number of fen' })
  .int({ error: 'an integer number of fen (分)' })
  .min(1, { error: 'must be greater than 0' })
  .max(1_000_000_000, { error: 'at most ¥10,000,000' });
const feeFen = z.number().int({ error: 'an integer number of fen (分)' }).min(0).max(1_000_000_000);
/** A commission rate in basis points: 0–9000 (0–90 %). */
export const commissionBp = z
  .number({ error: 'a number of basis points' })
  .int({ error: 'whole basis points (1% = 100)' })
  .min(0, { error: 'commission is 0–90 % (0–9000 bp)' })
  .max(9000, { error: 'commission is 0–90 % (0–9000 bp)' });

export const LIVE_RULES = ['allowed', 'restricted', 'prohibited'] as const;
export const liveRuleSchema = z.enum(LIVE_RULES);
export const QUALIFICATION_TYPES = [
  'food_licence',
  'health_food_registration',
  'cosmetics_filing',
  'medical_device_registration',
  'drug_business_licence',
  'pesticide_licence',
] as const;

export const categorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  screenAs: productCategorySchema,
  liveRule: liveRuleSchema,
  requiredQualifications: z.array(z.string()),
  requiredDisclaimer: z.string().nullable(),
  noReasonReturn: z.boolean(),
  basis: z.string().nullable(),
  sort: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const updateCategorySchema = z.strictObject({
  liveRule: liveRuleSchema.optional(),
  requiredQualifications: z.array(z.enum(QUALIFICATION_TYPES)).max(6).optional(),
  requiredDisclaimer: plainText(2, 100).nullable().optional(),
  noReasonReturn: z.boolean().optional(),
  basis: plainText(2, 300).nullable().optional(),
  reason: plainText(2, 500),
});

export const brandSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  ownerOrgId: z.string().nullable(),
  trademarkNo: z.string().nullable(),
  protected: z.boolean(),
  protectedReason: z.string().nullable(),
  protectedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Brand = z.infer<typeof brandSchema>;

export const createBrandSchema = z.strictObject({
  name: plainText(1, 60),
  nameEn: plainText(1, 60).optional(),
  trademarkNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{5,12}$/, { error: '5–12 digits or capital letters (商标注册号)' })
    .optional(),
  /** the rights holder is the creating merchant when it owns the mark */
  owned: z.boolean().default(false),
});

export const brandProtectionSchema = z.strictObject({ protected: z.boolean(), reason: plainText(2, 500) });

export const brandAuthorizationSchema = z.strictObject({
  brandId: z.uuid(),
  documentId: z.uuid(),
  validUntil: z.iso.date({ error: 'a date (YYYY-MM-DD)' }),
});

export const skuInputSchema = z.strictObject({
  name: plainText(1, 60),
  priceFen,
  stock: z.number().int({ error: 'a whole number' }).min(0).max(10_000_000),
  code: plainText(1, 40).optional(),
});

// ---- cross-border goods (跨境电商零售进口) ---------------------------------------------------------------------

/**
 * Origins a cross-border product may declare (原产国/地区), ISO 3166-1 alpha-2, with the Chinese name screens show.
 * Hong Kong, Macao and Taiwan are regions of China, named so.
 */
export const CROSS_BORDER_ORIGINS = {
  JP: '日本',
  KR: '韩国',
  US: '美国',
  CA: '加拿大',
  AU: '澳大利亚',
  NZ: '新西兰',
  GB: '英国',
  IE: '爱尔兰',
  FR: '法国',
  DE: '德国',
  IT: '意大利',
  ES: '西班牙',
  NL: '荷兰',
  BE: '比利时',
  CH: '瑞士',
  AT: '奥地利',
  DK: '丹麦',
  SE: '瑞典',
  NO: '挪威',
  FI: '芬兰',
  PL: '波兰',
  IL: '以色列',
  TH: '泰国',
  SG: '新加坡',
  MY: '马来西亚',
  VN: '越南',
  ID: '印度尼西亚',
  CL: '智利',
  BR: '巴西',
  ZA: '南非',
  HK: '中国香港',
  MO: '中国澳门',
  TW: '中国台湾',
} as const satisfies Record<string, string>;
export type OriginCode = keyof typeof CROSS_BORDER_ORIGINS;
export const ORIGIN_CODES = Object.keys(CROSS_BORDER_ORIGINS) as [OriginCode, ...OriginCode[]];

/** 保税备货 (customs code 1210: stocked in a bonded zone before sale) or 直购进口 (9610: shipped per order from abroad). */
export const IMPORT_MODES = ['1210', '9610'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_MODE_LABELS: Record<ImportMode, string> = { '1210': '保税备货（1210）', '9610': '直购进口（9610）' };

/** A product's cross-border declaration: every field is required once the product is marked 跨境. */
export const crossBorderInputSchema = z.strictObject({
  /** 申报价格: the customs value declared per unit, in fen (> 0) */
  declaredValueFen: z
    .number({ error: 'the declared customs value per unit, in fen (申报价格)' })
    .int({ error: 'an integer number of fen (分)' })
    .min(1, { error: 'the declared value must be greater than 0' })
    .max(1_000_000_000, { error: 'at most ¥10,000,000' }),
  originCountry: z.enum(ORIGIN_CODES, { error: 'a known origin (ISO 3166 code, e.g. JP)' }),
  importMode: z.enum(IMPORT_MODES, { error: '1210 (保税备货) or 9610 (直购进口)' }),
});
export type CrossBorderInput = z.infer<typeof crossBorderInputSchema>;

export const crossBorderViewSchema = z.object({
  declaredValueFen: z.number().int(),
  originCountry: z.string(),
  /** the origin's Chinese name (日本, 中国香港 …) */
  originName: z.string(),
  importMode: z.enum(IMPORT_MODES),
});

const productFields = {
  title: plainText(4, 60),
  description: plainText(0, 2000).default(''),
  claims: z.array(plainText(1, 60)).max(10).default([]),
  categoryId: z.string().min(1).max(60),
  brandId: z.uuid().optional(),
  /** 划线价 (reference price): what the card shows struck through; checked against the 7-day lowest price */
  referencePriceFen: priceFen.optional(),
  imageIds: z.array(z.uuid()).max(9).default([]),
  sampleAvailable: z.boolean().default(false),
  sampleStock: z.number().int().min(0).max(10_000).default(0),
  /** the qualification documents (licences, filings) this product relies on */
  qualificationDocIds: z.array(z.uuid()).max(10).default([]),
  /** 跨境: a cross-border retail import product's declaration; absent or null for a domestic product */
  crossBorder: crossBorderInputSchema.nullable().optional(),
};

export const createProductSchema = z.strictObject({
  ...productFields,
  skus: z.array(skuInputSchema).min(1, { error: 'at least one SKU' }).max(50),
});

export const updateProductSchema = z.strictObject({
  title: productFields.title.optional(),
  description: plainText(0, 2000).optional(),
  claims: z.array(plainText(1, 60)).max(10).optional(),
  categoryId: z.string().min(1).max(60).optional(),
  brandId: z.uuid().nullable().optional(),
  referencePriceFen: priceFen.nullable().optional(),
  imageIds: z.array(z.uuid()).max(9).optional(),
  sampleAvailable: z.boolean().optional(),
  sampleStock: z.number().int().min(0).max(10_000).optional(),
  qualificationDocIds: z.array(z.uuid()).max(10).optional(),
  /** null makes the product domestic again */
  crossBorder: crossBorderInputSchema.nullable().optional(),
});

export const updateSkuSchema = z.strictObject({
  priceFen: priceFen.optional(),
  stock: z.number().int({ error: 'a whole number' }).min(0).max(10_000_000).optional(),
  name: plainText(1, 60).optional(),
});

export const PRODUCT_STATUSES = ['draft', 'in_review', 'returned', 'approved', 'rejected', 'delisted'] as const;

export const skuViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  priceFen: z.number().int(),
  stock: z.number().int(),
  lowest7dPriceFen: z.number().int().nullable(),
});

export const productViewSchema = z.object({
  id: z.string(),
  merchantOrgId: z.string(),
  merchantName: z.string(),
  title: z.string(),
  description: z.string(),
  claims: z.array(z.string()),
  categoryId: z.string(),
  categoryPath: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
  brand: z.object({ id: z.string(), name: z.string(), protected: z.boolean() }).nullable(),
  referencePriceFen: z.number().int().nullable(),
  imageIds: z.array(z.string()),
  sampleAvailable: z.boolean(),
  sampleStock: z.number().int(),
  qualificationDocIds: z.array(z.string()),
  status: z.enum(PRODUCT_STATUSES),
  statusReason: z.string().nullable(),
  reviewApplicationId: z.string().nullable(),
  salesCount: z.number().int(),
  /** 跨境: the declaration of a cross-border product, null for a domestic one */
  crossBorder: crossBorderViewSchema.nullable(),
  version: z.number().int(),
  skus: z.array(skuViewSchema),
  /** the latest automatic pre-check findings, when the product has been submitted */
  checks: z
    .array(
      z.object({
        check: z.string(),
        ok: z.boolean(),
        blocking: z.boolean(),
        ruleId: z.string().nullable(),
        message: z.object({ zh: z.string(), en: z.string() }),
        basis: z.string().nullable(),
      }),
    )
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof productViewSchema>;

/** A product list page: 20 products unless asked, at most 100. */
export const PRODUCT_PAGE_SIZE = 20;
export const PRODUCT_PAGE_MAX = 100;

export const productListQuerySchema = z
  .strictObject({
    status: z.enum(PRODUCT_STATUSES).optional(),
    merchantOrgId: z.uuid().optional(),
    limit: z.coerce
      .number()
      .int({ error: 'a whole number' })
      .min(1, { error: 'at least 1' })
      .max(PRODUCT_PAGE_MAX, { error: `at most ${PRODUCT_PAGE_MAX}` })
      .default(PRODUCT_PAGE_SIZE),
    /** the next page (newest first): `createdAt` and `id` of the last product of the page before, as order lists do */
    before: z.iso.datetime({ offset: true, error: 'an ISO date-time (the createdAt of the last product shown)' }).optional(),
    beforeId: z.uuid({ error: 'the id of the last product shown' }).optional(),
  })
  .superRefine((q, ctx) => {
    // a cursor is both halves: with createdAt alone, products created in the same millisecond would be skipped
    if (q.before !== undefined && q.beforeId === undefined)
      ctx.addIssue({ code: 'custom', path: ['beforeId'], message: 'required with before' });
    if (q.beforeId !== undefined && q.before === undefined)
      ctx.addIssue({ code: 'custom', path: ['before'], message: 'required with beforeId' });
  });

/** How many products a list holds in each status. */
const productCount = z.number().int().min(0);
export const productCountsSchema = z.object({
  draft: productCount,
  in_review: productCount,
  returned: productCount,
  approved: productCount,
  rejected: productCount,
  delisted: productCount,
});
export type ProductCounts = z.infer<typeof productCountsSchema>;

export const priceHistorySchema = z.object({
  skuId: z.string(),
  points: z.array(z.object({ priceFen: z.number().int(), source: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  lowest7dPriceFen: z.number().int().nullable(),
});

// ---- selection center --------------------------------------------------------------------------------------------

export const PLAN_TYPES = ['open', 'targeted', 'exclusive'] as const;
export const planTypeSchema = z.enum(PLAN_TYPES);

export const partnerSchema = z.strictObject({ kind: z.enum(['streamer', 'mcn']), id: z.uuid() });

export const createPlanSchema = z
  .strictObject({
    productId: z.uuid(),
    type: planTypeSchema,
    commissionBp,
    /** MCN service fee, as a share of the commission (bp of commission) */
    mcnServiceFeeBp: z.number().int().min(0).max(5000, { error: 'at most 50 % of the commission' }).default(0),
    slotFeeFen: feeFen.default(0),
    startsAt: z.iso.datetime({ offset: true, error: 'an ISO date-time' }),
    endsAt: z.iso.datetime({ offset: true, error: 'an ISO date-time' }),
    partners: z.array(partnerSchema).max(50).default([]),
  })
  .superRefine((p, ctx) => {
    if (Date.parse(p.endsAt) <= Date.parse(p.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    if (p.type === 'open' && p.partners.length > 0)
      ctx.addIssue({ code: 'custom', path: ['partners'], message: 'an open plan names no partners' });
    if (p.type === 'targeted' && p.partners.length === 0)
      ctx.addIssue({ code: 'custom', path: ['partners'], message: 'a targeted plan names at least one streamer or MCN' });
    if (p.type === 'exclusive' && p.partners.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['partners'], message: 'an exclusive plan names exactly one partner' });
  });

export const planViewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  merchantOrgId: z.string(),
  type: planTypeSchema,
  commissionBp: z.number().int(),
  mcnServiceFeeBp: z.number().int(),
  slotFeeFen: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  partners: z.array(z.object({ kind: z.string(), id: z.string(), name: z.string().nullable() })),
  status: z.enum(['active', 'ended']),
  createdAt: z.string(),
});

export const SELECTION_SORTS = ['relevance', 'sales', 'commission', 'price_asc', 'price_desc', 'newest'] as const;

export const selectionSearchQuerySchema = z.strictObject({
  q: z.string().trim().max(60).optional(),
  category: z.string().max(60).optional(),
  priceMinFen: z.coerce.number().int().min(0).optional(),
  priceMaxFen: z.coerce.number().int().min(0).optional(),
  commissionMinBp: z.coerce.number().int().min(0).max(9000).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  sampleAvailable: z.enum(['true', 'false']).optional(),
  minCredit: z.coerce.number().int().min(0).max(1000).optional(),
  sort: z.enum(SELECTION_SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).max(50).default(1),
  pageSize: z.coerce.number().int().min(1).max(60).default(20),
});

export const selectionCardSchema = z.object({
  productId: z.string(),
  title: z.string(),
  merchantOrgId: z.string(),
  merchantName: z.string(),
  categoryId: z.string(),
  brandName: z.string().nullable(),
  coverImageId: z.string().nullable(),
  minPriceFen: z.number().int(),
  maxPriceFen: z.number().int(),
  commissionBp: z.number().int(),
  planTypes: z.array(z.string()),
  stock: z.number().int(),
  salesCount: z.number().int(),
  sampleAvailable: z.boolean(),
  merchantCredit: z.number().int().nullable(),
});
export type SelectionCard = z.infer<typeof selectionCardSchema>;

export const selectionPageSchema = z.object({
  items: z.array(selectionCardSchema),
  /** total matches, counted up to 1,000 */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  tookMs: z.number(),
});

// ---- samples -------------------------------------------------------------------------------------------------------

export const SAMPLE_STATUSES = [
  'requested',
  'approved',
  'declined',
  'shipped',
  'received',
  'featured',
  'return_shipped',
  'returned',
  'cancelled',
] as const;

export const sampleRequestSchema = z.strictObject({
  productId: z.uuid(),
  skuId: z.uuid().optional(),
  recipient: plainText(2, 30),
  phone: z.string().trim().min(1).max(20),
  address: plainText(6, 200),
  note: plainText(0, 500).optional(),
});

export const sampleActionSchema = z.strictObject({
  action: z.enum(['approve', 'decline', 'ship', 'receive', 'feature', 'ship_return', 'confirm_return', 'cancel']),
  reason: plainText(1, 500).optional(),
  carrier: plainText(2, 30).optional(),
  trackingNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{8,30}$/, { error: '8–30 letters or digits' })
    .optional(),
  /** what the feature was (a live session id or replay link) */
  featuredIn: plainText(2, 200).optional(),
  /** 发货仓 of a `ship` (寄样出库): omitted, the first of the merchant's warehouses holding the SKU */
  warehouseId: z.uuid().optional(),
});

/** a sample's package on one leg and its 物流轨迹, newest scan first (ADR 0043) */
const samplePackageSchema = z.object({
  carrier: z.string(),
  carrierName: z.object({ zh: z.string(), en: z.string() }),
  trackingNo: z.string(),
  status: z.enum(['shipped', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception']),
  shippedAt: z.string(),
  deliveredAt: z.string().nullable(),
  events: z.array(
    z.object({
      status: z.enum(['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception']),
      time: z.string(),
      location: z.string(),
      description: z.string(),
    }),
  ),
});

export const sampleViewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  skuId: z.string().nullable(),
  merchantOrgId: z.string(),
  merchantName: z.string(),
  streamerUserId: z.string(),
  streamerName: z.string(),
  status: z.enum(SAMPLE_STATUSES),
  recipient: z.string(),
  phone: z.string(),
  address: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  returnCarrier: z.string().nullable(),
  returnTrackingNo: z.string().nullable(),
  featureDueAt: z.string().nullable(),
  featuredIn: z.string().nullable(),
  overdue: z.boolean(),
  history: z.array(z.object({ at: z.string(), action: z.string(), by: z.string(), reason: z.string().nullable() })),
  /** the outbound package (寄样) through the carrier port and its 物流轨迹, newest scan first (one sample's view; ADR 0043) */
  tracking: samplePackageSchema.nullable().optional(),
  /** the streamer's return parcel (寄回), the same shape */
  returnTracking: samplePackageSchema.nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const sampleListQuerySchema = z.strictObject({
  status: z.enum(SAMPLE_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

// ---- live service agreements -------------------------------------------------------------------------------------

export const DEFAULT_OBLIGATIONS = [
  'truthful_claims',
  'no_off_platform_selling',
  'price_honesty',
  'disclose_commercial_nature',
  'keep_records_3y',
] as const;

export const agreementTermsSchema = z
  .strictObject({
    products: z
      .array(z.strictObject({ productId: z.uuid(), commissionBp }))
      .min(1, { error: 'at least one product' })
      .max(50),
    /** the streamer's share of the commission when an MCN is party (bp of commission); the MCN has the rest */
    streamerShareBp: z.number().int().min(0).max(10_000).default(10_000),
    slotFeeFen: feeFen.default(0),
    startsOn: z.iso.date({ error: 'a date (YYYY-MM-DD)' }),
    endsOn: z.iso.date({ error: 'a date (YYYY-MM-DD)' }),
    obligations: z
      .array(z.enum(DEFAULT_OBLIGATIONS))
      .min(1)
      .default([...DEFAULT_OBLIGATIONS]),
    note: plainText(0, 1000).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.endsOn < t.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
    const ids = t.products.map((p) => p.productId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['products'], message: 'a product is listed twice' });
  });
export type AgreementTerms = z.infer<typeof agreementTermsSchema>;

export const createAgreementSchema = z.strictObject({
  merchantOrgId: z.uuid().optional(),
  streamerUserId: z.uuid().optional(),
  /** include the streamer's MCN as a party */
  withMcn: z.boolean().default(false),
  terms: agreementTermsSchema,
});

export const amendAgreementSchema = z.strictObject({ terms: agreementTermsSchema });
export const acceptAgreementSchema = z.strictObject({
  version: z.number().int().min(1),
  /** the content hash the party read: accepting a different text than the one shown is refused */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export const terminateAgreementSchema = z.strictObject({ reason: plainText(2, 500) });

export const agreementViewSchema = z.object({
  id: z.string(),
  merchantOrgId: z.string(),
  merchantName: z.string(),
  streamerUserId: z.string(),
  streamerName: z.string(),
  mcnOrgId: z.string().nullable(),
  mcnName: z.string().nullable(),
  status: z.enum(['pending', 'in_force', 'terminated', 'expired']),
  currentVersion: z.number().int(),
  inForceVersion: z.number().int().nullable(),
  parties: z.array(z.string()),
  versions: z.array(
    z.object({
      version: z.number().int(),
      terms: z.record(z.string(), z.unknown()),
      contentHash: z.string(),
      hashValid: z.boolean(),
      createdBy: z.string(),
      createdAt: z.string(),
      acceptances: z.array(z.object({ party: z.string(), userLabel: z.string(), at: z.string() })),
    }),
  ),
  productTitles: z.record(z.string(), z.string()),
  myParty: z.string().nullable(),
  terminatedReason: z.string().nullable(),
  createdAt: z.string(),
});
