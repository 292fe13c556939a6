/**
 * Records, inputs and views of the catalog: categories with live-sale rules, brands and the key-trademark
 * protection list, brand authorizations, products, SKUs and their price history. The repository port is in
 * catalog.repository.ts; the selection center (plans, pool, samples, agreements) is its own context.
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
  /** 跨境电商零售进口: when true, the three fields below are set (a check constraint holds it) */
  crossBorder: boolean;
  /** 申报价格: the customs value declared per unit, fen */
  declaredValueFen: number | null;
  /** 原产国/地区, ISO 3166-1 alpha-2 */
  originCountry: string | null;
  /** 1210 保税备货 or 9610 直购进口 */
  importMode: '1210' | '9610' | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A cross-border product's declaration as entered. */
export interface CrossBorderDeclaration {
  declaredValueFen: number;
  originCountry: string;
  importMode: '1210' | '9610';
}

export interface SkuRecord {
  id: string;
  productId: string;
  name: string;
  code: string | null;
  priceFen: number;
  /** 可售 (kept by the inventory context's movements and the orders context's reservations) */
  stock: number;
  /** 安全库存 */
  safetyBuffer?: number;
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

/** The rule that applies to a category: the strictest along its path, with every required qualification. */
export interface EffectiveRule {
  path: CategoryRecord[];
  liveRule: LiveRule;
  ruleFrom: CategoryRecord | null;
  qualifications: string[];
  disclaimer: string | null;
  screenAs: string;
}

/** A brand authorization with the brand's name, for the screens. */
export interface BrandAuthorizationView extends BrandAuthorizationRecord {
  brandName: string;
}

export interface SkuInput {
  name: string;
  priceFen: number;
  stock: number;
  code?: string | undefined;
}

export interface ProductInput {
  title: string;
  description: string;
  claims: string[];
  categoryId: string;
  brandId?: string | undefined;
  referencePriceFen?: number | undefined;
  imageIds: string[];
  sampleAvailable: boolean;
  sampleStock: number;
  qualificationDocIds: string[];
  crossBorder?: CrossBorderDeclaration | null | undefined;
  skus: SkuInput[];
}

export type ProductPatch = Partial<{
  title: string;
  description: string;
  claims: string[];
  categoryId: string;
  brandId: string | null;
  referencePriceFen: number | null;
  imageIds: string[];
  sampleAvailable: boolean;
  sampleStock: number;
  qualificationDocIds: string[];
  crossBorder: CrossBorderDeclaration | null;
}>;

export interface ProductDetail {
  product: ProductRecord;
  skus: Array<SkuRecord & { lowest7dPriceFen: number | null }>;
  categoryPath: CategoryRecord[];
  brand: BrandRecord | null;
  merchantName: string;
}

export interface PriceHistory {
  skuId: string;
  points: PricePointRecord[];
  lowest7dPriceFen: number | null;
}
