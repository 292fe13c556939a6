/**
 * The catalog (商品库): categories, brands and their authorizations, products, SKUs and price history.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organizations } from './identity.ts';
import { documents } from './workflows.ts';

/** Product categories and their live-sale rules (loaded from the shipped tree, then edited by operators). */
export const categories = pgTable('categories', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  screenAs: text('screen_as').notNull(),
  liveRule: text('live_rule', { enum: ['allowed', 'restricted', 'prohibited'] }).notNull(),
  requiredQualifications: text('required_qualifications').array().notNull(),
  requiredDisclaimer: text('required_disclaimer'),
  noReasonReturn: boolean('no_reason_return').notNull(),
  basis: text('basis'),
  sort: integer('sort').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Brands; `protected` puts one on the key-trademark protection list (重点商标保护名录). */
export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    nameEn: text('name_en'),
    ownerOrgId: uuid('owner_org_id'),
    trademarkNo: text('trademark_no'),
    protected: boolean('protected').notNull(),
    protectedReason: text('protected_reason'),
    protectedAt: ts('protected_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('brands_name_key_uq').on(t.nameKey)],
);

export const brandAuthorizations = pgTable(
  'brand_authorizations',
  {
    id: uuid('id').primaryKey(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    validUntil: ts('valid_until').notNull(),
    status: text('status', { enum: ['valid', 'revoked'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('brand_authorizations_merchant_idx').on(t.merchantOrgId, t.brandId)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id')
      .notNull()
      .references(() => organizations.id),
    categoryId: text('category_id').notNull(),
    brandId: uuid('brand_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    claims: text('claims').array().notNull(),
    referencePriceFen: bigint('reference_price_fen', { mode: 'number' }),
    imageIds: text('image_ids').array().notNull(),
    qualificationDocIds: text('qualification_doc_ids').array().notNull(),
    sampleAvailable: boolean('sample_available').notNull(),
    sampleStock: integer('sample_stock').notNull(),
    status: text('status', { enum: ['draft', 'in_review', 'returned', 'approved', 'rejected', 'delisted'] }).notNull(),
    statusReason: text('status_reason'),
    reviewApplicationId: uuid('review_application_id'),
    checks: jsonb('checks'),
    salesCount: integer('sales_count').notNull(),
    /** 跨境电商零售进口: the declared customs value per unit (申报价格, fen), origin (ISO 3166) and import mode */
    crossBorder: boolean('cross_border').notNull().default(false),
    declaredValueFen: bigint('declared_value_fen', { mode: 'number' }),
    originCountry: text('origin_country'),
    importMode: text('import_mode', { enum: ['1210', '9610'] }),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  // the list's keyset order (newest first by created_at, id), within a merchant and across merchants
  (t) => [
    index('products_merchant_created_idx').on(t.merchantOrgId, t.createdAt, t.id),
    index('products_created_idx').on(t.createdAt, t.id),
    index('products_status_idx').on(t.status),
    index('products_cross_border_idx').on(t.crossBorder).where(sql`${t.crossBorder}`),
    // a cross-border product always carries its declared value (> 0), origin and import mode; others carry none
    check(
      'products_cross_border_fields',
      sql`(${t.crossBorder} and ${t.declaredValueFen} > 0 and ${t.originCountry} is not null and ${t.importMode} is not null) or (not ${t.crossBorder} and ${t.declaredValueFen} is null and ${t.originCountry} is null and ${t.importMode} is null)`,
    ),
  ],
);

export const productSkus = pgTable(
  'product_skus',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    name: text('name').notNull(),
    code: text('code'),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    /** 可售: on hand in every warehouse − open reservations − flash-sale carve-outs − the safety buffer (inventory) */
    stock: integer('stock').notNull(),
    /** 安全库存: units kept back from sale */
    safetyBuffer: integer('safety_buffer').notNull().default(0),
    sort: integer('sort').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('product_skus_product_idx').on(t.productId),
    check('product_skus_stock_nonneg', sql`${t.stock} >= 0`),
    check('product_skus_safety_buffer_nonneg', sql`${t.safetyBuffer} >= 0`),
  ],
);

/** Price history: each price in effect over [valid_from, valid_to). The 7-day lowest price is one query over it. */
export const pricePoints = pgTable(
  'price_points',
  {
    id: uuid('id').primaryKey(),
    skuId: uuid('sku_id')
      .notNull()
      .references(() => productSkus.id),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    source: text('source', { enum: ['list', 'promotion', 'flash_sale'] }).notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to'),
  },
  (t) => [index('price_points_sku_idx').on(t.skuId, t.validFrom)],
);
