/**
 * 需求协同 (supply, issue #20 item 4): a merchant's suppliers, the live-demand alerts (one per session × SKU × level:
 * the unique key decides) and replenishment requests (补货), the small record the purchase-order work will turn
 * into a purchase order. The stock model's tables (warehouses, the ledger) are the inventory context's. docs/supply.md.
 */
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const supplierLinks = pgTable(
  'supplier_links',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    supplierOrgId: uuid('supplier_org_id').notNull(),
    supplierKind: text('supplier_kind', { enum: ['service_provider', 'merchant'] }).notNull(),
    /** null = every product of the merchant */
    productIds: jsonb('product_ids').$type<string[] | null>(),
    status: text('status', { enum: ['active', 'removed'] }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supplier_links_pair_uq').on(t.merchantOrgId, t.supplierOrgId),
    index('supplier_links_supplier_idx').on(t.supplierOrgId, t.status),
  ],
);

export const demandAlerts = pgTable(
  'demand_alerts',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    level: text('level', { enum: ['selling_out', 'sold_out'] }).notNull(),
    stock: integer('stock').notNull(),
    ratePerMinute: doublePrecision('rate_per_minute').notNull(),
    projectedMinutes: doublePrecision('projected_minutes'),
    suggestedQty: integer('suggested_qty').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('demand_alerts_once_uq').on(t.sessionId, t.skuId, t.level),
    index('demand_alerts_merchant_idx').on(t.merchantOrgId, t.createdAt.desc()),
  ],
);

/**
 * 加购 signals of a live room, aggregated (docs/supply.md § Live demand, ADR 0042): adds per session × SKU × session
 * minute (0 = the session's first minute), one upsert per counted tap. No viewer column: a viewer's repeat within the
 * minute is recognised by a short-lived keyed hash in the shared store, never here.
 */
export const liveCartAdds = pgTable(
  'live_cart_adds',
  {
    sessionId: uuid('session_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    minute: integer('minute').notNull(),
    adds: integer('adds').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.skuId, t.minute] }),
    check('live_cart_adds_minute_ck', sql`${t.minute} >= 0`),
    check('live_cart_adds_adds_ck', sql`${t.adds} > 0`),
  ],
);

export const replenishmentRequests = pgTable(
  'replenishment_requests',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    supplierOrgId: uuid('supplier_org_id').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    sessionId: uuid('session_id'),
    alertId: uuid('alert_id').references(() => demandAlerts.id),
    qty: integer('qty').notNull(),
    status: text('status', { enum: ['requested', 'confirmed', 'shipped'] }).notNull(),
    requestedBy: uuid('requested_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    confirmedAt: ts('confirmed_at'),
    shippedAt: ts('shipped_at'),
  },
  (t) => [
    uniqueIndex('replenishment_requests_alert_supplier_uq').on(t.alertId, t.supplierOrgId),
    index('replenishment_requests_supplier_idx').on(t.supplierOrgId, t.createdAt.desc()),
    index('replenishment_requests_merchant_idx').on(t.merchantOrgId, t.createdAt.desc()),
  ],
);

const PO_STATUSES = ['sent', 'confirmed', 'declined', 'shipped', 'partially_received', 'received', 'closed', 'cancelled'] as const;

/** 采购单: a merchant's order to one of its suppliers, into one warehouse (issue #20 item 2). */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    supplierOrgId: uuid('supplier_org_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    status: text('status', { enum: PO_STATUSES }).notNull(),
    /** 预计到货, a China day */
    expectedOn: text('expected_on').notNull(),
    note: text('note'),
    replenishmentId: uuid('replenishment_id').references(() => replenishmentRequests.id),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    endReason: text('end_reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    confirmedAt: ts('confirmed_at'),
    shippedAt: ts('shipped_at'),
    endedAt: ts('ended_at'),
  },
  (t) => [
    uniqueIndex('purchase_orders_number_uq').on(t.number),
    uniqueIndex('purchase_orders_replenishment_uq').on(t.replenishmentId),
    index('purchase_orders_merchant_idx').on(t.merchantOrgId, t.createdAt.desc()),
    index('purchase_orders_supplier_idx').on(t.supplierOrgId, t.createdAt.desc()),
    index('purchase_orders_warehouse_idx').on(t.warehouseId, t.createdAt.desc()),
    check(
      'purchase_orders_status_ck',
      sql`${t.status} in ('sent','confirmed','declined','shipped','partially_received','received','closed','cancelled')`,
    ),
  ],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    poId: uuid('po_id')
      .notNull()
      .references(() => purchaseOrders.id),
    lineNo: integer('line_no').notNull(),
    skuId: uuid('sku_id').notNull(),
    productId: uuid('product_id').notNull(),
    qty: integer('qty').notNull(),
    unitCostFen: integer('unit_cost_fen').notNull(),
    shipped: integer('shipped').notNull().default(0),
    received: integer('received').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.poId, t.lineNo] }),
    uniqueIndex('purchase_order_lines_sku_uq').on(t.poId, t.skuId),
    check('purchase_order_lines_qty_ck', sql`${t.qty} > 0 and ${t.unitCostFen} >= 0`),
    check('purchase_order_lines_counts_ck', sql`${t.shipped} >= 0 and ${t.received} >= 0 and ${t.rejected} >= 0`),
  ],
);

/** 收货: one receipt with its quality check per line; insert-only. */
export const purchaseReceipts = pgTable(
  'purchase_receipts',
  {
    id: uuid('id').primaryKey(),
    poId: uuid('po_id')
      .notNull()
      .references(() => purchaseOrders.id),
    lines: jsonb('lines').$type<Array<{ lineNo: number; accepted: number; rejected: number; reason: string | null }>>().notNull(),
    note: text('note'),
    receivedBy: uuid('received_by'),
    receivedByLabel: text('received_by_label').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [index('purchase_receipts_po_idx').on(t.poId, t.receivedAt)],
);
