/**
 * 预售 · 反向定制 (pre-sale and C2M, issue #20 item 5): pre-sales with their deposit and balance per unit and their
 * windows, buyers' reservations per specification with their deposit and balance payments (opened through the
 * payment provider; the payment ids are the provider's `paymentId`), and the production order (生产单) a closing
 * sends to a factory with the demand aggregated per specification. docs/supply.md § Pre-sale and C2M.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const presales = pgTable(
  'presales',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    productId: uuid('product_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed', 'cancelled', 'in_production', 'shipped'] }).notNull(),
    depositFen: integer('deposit_fen').notNull(),
    balanceFen: integer('balance_fen').notNull(),
    depositStartAt: ts('deposit_start_at').notNull(),
    depositEndAt: ts('deposit_end_at').notNull(),
    balanceStartAt: ts('balance_start_at').notNull(),
    balanceEndAt: ts('balance_end_at').notNull(),
    endReason: text('end_reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('presales_merchant_idx').on(t.merchantOrgId, t.createdAt.desc()),
    index('presales_status_idx').on(t.status),
    check('presales_status_ck', sql`${t.status} in ('draft','open','closed','cancelled','in_production','shipped')`),
    check('presales_amounts_ck', sql`${t.depositFen} >= 0 and ${t.balanceFen} >= 0`),
    check(
      'presales_windows_ck',
      sql`${t.depositStartAt} < ${t.depositEndAt} and ${t.depositEndAt} <= ${t.balanceStartAt} and ${t.balanceStartAt} < ${t.balanceEndAt}`,
    ),
  ],
);

export const presaleReservations = pgTable(
  'presale_reservations',
  {
    id: uuid('id').primaryKey(),
    presaleId: uuid('presale_id')
      .notNull()
      .references(() => presales.id),
    buyerUserId: uuid('buyer_user_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    qty: integer('qty').notNull(),
    /** 定金 and 尾款 of the whole reservation (per unit × qty, fixed when reserved) */
    depositFen: integer('deposit_fen').notNull(),
    balanceFen: integer('balance_fen').notNull(),
    depositPaymentId: uuid('deposit_payment_id').notNull(),
    depositStatus: text('deposit_status', { enum: ['pending', 'paid', 'failed', 'refunding', 'refunded'] }).notNull(),
    depositPayUrl: text('deposit_pay_url'),
    depositProviderRef: text('deposit_provider_ref'),
    provider: text('provider').notNull(),
    refundId: uuid('refund_id'),
    balancePaymentId: uuid('balance_payment_id'),
    balanceStatus: text('balance_status', { enum: ['unpaid', 'pending', 'paid'] }).notNull(),
    balancePayUrl: text('balance_pay_url'),
    balanceProviderRef: text('balance_provider_ref'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    depositPaidAt: ts('deposit_paid_at'),
    refundedAt: ts('refunded_at'),
    balancePaidAt: ts('balance_paid_at'),
  },
  (t) => [
    uniqueIndex('presale_reservations_deposit_uq').on(t.depositPaymentId),
    uniqueIndex('presale_reservations_balance_uq').on(t.balancePaymentId),
    uniqueIndex('presale_reservations_refund_uq').on(t.refundId),
    index('presale_reservations_presale_idx').on(t.presaleId, t.skuId),
    index('presale_reservations_buyer_idx').on(t.buyerUserId, t.createdAt.desc()),
    check('presale_reservations_qty_ck', sql`${t.qty} > 0 and ${t.depositFen} >= 0 and ${t.balanceFen} >= 0`),
    check('presale_reservations_deposit_ck', sql`${t.depositStatus} in ('pending','paid','failed','refunding','refunded')`),
    check('presale_reservations_balance_ck', sql`${t.balanceStatus} in ('unpaid','pending','paid')`),
    // a balance is paid only on a deposit that was paid and not refunded
    check('presale_reservations_balance_after_deposit_ck', sql`${t.balanceStatus} = 'unpaid' or ${t.depositStatus} = 'paid'`),
  ],
);

export const productionOrders = pgTable(
  'production_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    presaleId: uuid('presale_id')
      .notNull()
      .references(() => presales.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    supplierOrgId: uuid('supplier_org_id').notNull(),
    status: text('status', { enum: ['sent', 'confirmed', 'in_production', 'shipped'] }).notNull(),
    /** 承诺发货日, a China day */
    promisedShipOn: text('promised_ship_on').notNull(),
    /** 收货仓: the merchant's warehouse the factory's shipment enters (named at closing, else its default one) */
    warehouseId: uuid('warehouse_id'),
    progressPct: integer('progress_pct').notNull().default(0),
    progressNote: text('progress_note'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    confirmedAt: ts('confirmed_at'),
    shippedAt: ts('shipped_at'),
  },
  (t) => [
    uniqueIndex('production_orders_presale_uq').on(t.presaleId),
    uniqueIndex('production_orders_number_uq').on(t.number),
    index('production_orders_supplier_idx').on(t.supplierOrgId, t.createdAt.desc()),
    check('production_orders_status_ck', sql`${t.status} in ('sent','confirmed','in_production','shipped')`),
    check('production_orders_progress_ck', sql`${t.progressPct} between 0 and 100`),
  ],
);

/** One line per specification: the paid demand of the pre-sale for that SKU when it closed. */
export const productionOrderLines = pgTable(
  'production_order_lines',
  {
    productionOrderId: uuid('production_order_id')
      .notNull()
      .references(() => productionOrders.id),
    skuId: uuid('sku_id').notNull(),
    qty: integer('qty').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productionOrderId, t.skuId] }), check('production_order_lines_qty_ck', sql`${t.qty} > 0`)],
);
