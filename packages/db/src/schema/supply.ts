/**
 * 需求协同 (supply, issue #20 item 4): a merchant's suppliers, the live-demand alerts (one per session × SKU × level:
 * the unique key decides) and replenishment requests (补货), the small record the purchase-order work will turn
 * into a purchase order. The stock model's tables (warehouses, the ledger) are the inventory context's. docs/supply.md.
 */
import { doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
