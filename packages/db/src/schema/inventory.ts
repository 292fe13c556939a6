/**
 * 库存 (inventory): warehouses, the insert-only stock ledger (出入库流水) and its same-transaction projection of on
 * hand per SKU per warehouse. A SKU's sellable number (`product_skus.stock`) is moved by the same transactions
 * (docs/supply.md § Stock model, ADR 0033).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** A warehouse (仓库): a merchant's own, or run by a service provider organisation for its client merchants. */
export const warehouses = pgTable(
  'warehouses',
  {
    id: uuid('id').primaryKey(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    ownerKind: text('owner_kind', { enum: ['merchant', 'service_provider'] }).notNull(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    address: text('address').notNull(),
    status: text('status', { enum: ['active', 'closed'] }).notNull(),
    isDefault: boolean('is_default').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('warehouses_owner_name_uq').on(t.ownerOrgId, t.name), index('warehouses_owner_idx').on(t.ownerOrgId)],
);

/** Which merchants may hold stock in a service provider's warehouse. */
export const warehouseClients = pgTable(
  'warehouse_clients',
  {
    warehouseId: uuid('warehouse_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.merchantOrgId] }), index('warehouse_clients_merchant_idx').on(t.merchantOrgId)],
);

/** 出入库流水: one row per movement of one SKU in one warehouse, never updated nor deleted. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid('id').primaryKey(),
    skuId: uuid('sku_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    kind: text('kind', {
      enum: ['opening', 'receipt', 'shipment', 'transfer_out', 'transfer_in', 'adjustment', 'return', 'sample_out', 'sample_return'],
    }).notNull(),
    /** signed: + into the warehouse, − out of it */
    qty: integer('qty').notNull(),
    reason: text('reason'),
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('stock_movements_sku_idx').on(t.skuId, t.at),
    index('stock_movements_wh_idx').on(t.warehouseId, t.at),
    index('stock_movements_merchant_idx').on(t.merchantOrgId, t.at),
    index('stock_movements_ref_idx').on(t.refId),
    check('stock_movements_qty_nonzero', sql`${t.qty} <> 0`),
  ],
);

/** 在库: on hand per SKU per warehouse, the ledger's sum kept in each movement's transaction. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    skuId: uuid('sku_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    onHand: integer('on_hand').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.skuId, t.warehouseId] }),
    index('stock_levels_wh_idx').on(t.warehouseId),
    index('stock_levels_merchant_idx').on(t.merchantOrgId),
    check('stock_levels_on_hand_nonneg', sql`${t.onHand} >= 0`),
  ],
);
