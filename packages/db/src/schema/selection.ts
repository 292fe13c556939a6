/**
 * The selection center (选品中心): plans, the square's listings, sample requests and agreements.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { products } from './catalog.ts';

export const selectionPlans = pgTable(
  'selection_plans',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    type: text('type', { enum: ['open', 'targeted', 'exclusive'] }).notNull(),
    commissionBp: integer('commission_bp').notNull(),
    mcnServiceFeeBp: integer('mcn_service_fee_bp').notNull(),
    slotFeeFen: bigint('slot_fee_fen', { mode: 'number' }).notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    partners: jsonb('partners').notNull(),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('selection_plans_product_idx').on(t.productId), index('selection_plans_merchant_idx').on(t.merchantOrgId)],
);

/** The selection square's search read model: one row per approved product with a running plan. */
export const selectionListings = pgTable(
  'selection_listings',
  {
    productId: uuid('product_id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    merchantName: text('merchant_name').notNull(),
    title: text('title').notNull(),
    categoryId: text('category_id').notNull(),
    categoryPath: text('category_path').array().notNull(),
    brandName: text('brand_name'),
    coverImageId: text('cover_image_id'),
    minPriceFen: bigint('min_price_fen', { mode: 'number' }).notNull(),
    maxPriceFen: bigint('max_price_fen', { mode: 'number' }).notNull(),
    commissionBp: integer('commission_bp').notNull(),
    planTypes: text('plan_types').array().notNull(),
    audience: text('audience').array().notNull(),
    stock: integer('stock').notNull(),
    salesCount: integer('sales_count').notNull(),
    sampleAvailable: boolean('sample_available').notNull(),
    merchantCredit: integer('merchant_credit'),
    tokens: text('tokens').array().notNull(),
    liveFrom: ts('live_from').notNull(),
    liveUntil: ts('live_until').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('selection_listings_tokens_gin').using('gin', t.tokens),
    // No index on audience: every searcher's audience holds '*', which nearly every listing carries, so it never
    // narrows a search; without statistics (PGlite runs no autovacuum) the planner ANDed its bitmap of nearly every
    // row into each streamer search (+20–45 ms at 100,000 listings).
    index('selection_listings_category_gin').using('gin', t.categoryPath),
    index('selection_listings_sales_idx').on(t.salesCount.desc(), t.productId),
    // One b-tree per sort of the selection search (the repository's LISTING_ORDER, key for key), so a browse or a
    // broad query walks the order and stops at the page instead of sorting every match.
    index('selection_listings_relevance_idx').on(t.salesCount.desc(), t.commissionBp.desc(), t.productId),
    index('selection_listings_commission_idx').on(t.commissionBp.desc(), t.salesCount.desc(), t.productId),
    index('selection_listings_price_idx').on(t.minPriceFen, t.productId),
    index('selection_listings_price_desc_idx').on(t.minPriceFen.desc(), t.productId),
    index('selection_listings_newest_idx').on(t.liveFrom.desc(), t.productId),
  ],
);

export const sampleRequests = pgTable(
  'sample_requests',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    skuId: uuid('sku_id'),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    streamerUserId: uuid('streamer_user_id').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    status: text('status', {
      enum: ['requested', 'approved', 'declined', 'shipped', 'received', 'featured', 'return_shipped', 'returned', 'cancelled'],
    }).notNull(),
    recipientEnc: text('recipient_enc').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    addressEnc: text('address_enc').notNull(),
    note: text('note'),
    reason: text('reason'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    returnCarrier: text('return_carrier'),
    returnTrackingNo: text('return_tracking_no'),
    receivedAt: ts('received_at'),
    featureDueAt: ts('feature_due_at'),
    featuredIn: text('featured_in'),
    overdueAt: ts('overdue_at'),
    history: jsonb('history').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('sample_requests_merchant_idx').on(t.merchantOrgId, t.updatedAt),
    index('sample_requests_streamer_idx').on(t.streamerUserId, t.updatedAt),
    index('sample_requests_due_idx').on(t.featureDueAt),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    streamerUserId: uuid('streamer_user_id').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    status: text('status', { enum: ['pending', 'in_force', 'terminated', 'expired'] }).notNull(),
    currentVersion: integer('current_version').notNull(),
    inForceVersion: integer('in_force_version'),
    inForceProductIds: text('in_force_product_ids').array().notNull(),
    inForceFrom: ts('in_force_from'),
    inForceUntil: ts('in_force_until'),
    terminatedReason: text('terminated_reason'),
    version: integer('version').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('agreements_pair_idx').on(t.merchantOrgId, t.streamerUserId),
    index('agreements_streamer_idx').on(t.streamerUserId),
    index('agreements_mcn_idx').on(t.mcnOrgId),
  ],
);

/** Insert-only: a version's terms never change; its hash is over the parties and the terms. */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    version: integer('version').notNull(),
    terms: jsonb('terms').notNull(),
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('agreement_versions_uq').on(t.agreementId, t.version)],
);

export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    version: integer('version').notNull(),
    party: text('party', { enum: ['merchant', 'streamer', 'mcn'] }).notNull(),
    userId: uuid('user_id').notNull(),
    contentHash: text('content_hash').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('agreement_acceptances_uq').on(t.agreementId, t.version, t.party)],
);
