/**
 * Orders (订单): addresses, orders and lines, stock reservations, flash sales, idempotency keys, payments,
 * refunds and returns.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './identity.ts';

/** A consumer's saved shipping addresses: every personal field sealed by the PII vault. */
export const consumerAddresses = pgTable(
  'consumer_addresses',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    /** province / city / district: plain, for delivery statistics */
    region: text('region').notNull(),
    detailEnc: text('detail_enc').notNull(),
    isDefault: boolean('is_default').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('consumer_addresses_user_idx').on(t.userId)],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    /** the number people read out on the phone: date + random digits */
    orderNo: text('order_no').notNull(),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    status: text('status', { enum: ['created', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded'] }).notNull(),
    /** attribution (带货归属): the session, streamer, MCN and agreement the order came through */
    sessionId: uuid('session_id'),
    streamerUserId: uuid('streamer_user_id'),
    mcnOrgId: uuid('mcn_org_id'),
    agreementId: uuid('agreement_id'),
    agreementVersion: integer('agreement_version'),
    flashSaleId: uuid('flash_sale_id'),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull(),
    commissionFen: bigint('commission_fen', { mode: 'number' }).notNull(),
    /** the shipping address as sealed JSON (name, phone, region, detail) and its plain region */
    addressEnc: text('address_enc').notNull(),
    region: text('region').notNull(),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    payBy: ts('pay_by').notNull(),
    paidAt: ts('paid_at'),
    shippedAt: ts('shipped_at'),
    deliveredAt: ts('delivered_at'),
    completedAt: ts('completed_at'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    retainUntil: ts('retain_until').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_no_uq').on(t.orderNo),
    index('orders_buyer_idx').on(t.buyerUserId, t.createdAt),
    index('orders_merchant_idx').on(t.merchantOrgId, t.createdAt),
    index('orders_session_idx').on(t.sessionId),
    /** the monitoring wall's GMV per minute and today's totals (bounded windows of payment time) */
    index('orders_paid_idx').on(t.paidAt),
    index('orders_status_pay_by_idx').on(t.status, t.payBy),
    index('orders_flash_sale_idx').on(t.flashSaleId),
  ],
);

/** Order lines snapshot what was sold: price, SKU, and the commission terms in force at that moment. */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    title: text('title').notNull(),
    skuName: text('sku_name').notNull(),
    categoryId: text('category_id').notNull(),
    /** 七天无理由退货 applies to this line (false for the statutory exceptions of its category) */
    noReasonReturn: boolean('no_reason_return').notNull(),
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
    qty: integer('qty').notNull(),
    commissionBp: integer('commission_bp').notNull(),
    streamerShareBp: integer('streamer_share_bp').notNull(),
    commissionFen: bigint('commission_fen', { mode: 'number' }).notNull(),
    returnedQty: integer('returned_qty').notNull(),
    reversedCommissionFen: bigint('reversed_commission_fen', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('order_lines_uq').on(t.orderId, t.lineNo)],
);

/**
 * Stock moves only through reservations: held while an order awaits payment, sold once paid, released when the
 * order is cancelled or times out. For every SKU: stock left + held + sold = stock ever put in.
 */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: uuid('id').primaryKey(),
    skuId: uuid('sku_id').notNull(),
    orderId: uuid('order_id').notNull(),
    flashSaleId: uuid('flash_sale_id'),
    qty: integer('qty').notNull(),
    status: text('status', { enum: ['held', 'sold', 'shipped', 'released'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('stock_reservations_sku_idx').on(t.skuId, t.status),
    index('stock_reservations_order_idx').on(t.orderId),
    check('stock_reservations_qty_pos', sql`${t.qty} > 0`),
  ],
);

/** A flash sale (秒杀): its quantity is carved out of the SKU's stock when it is created. */
export const flashSales = pgTable(
  'flash_sales',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    perUserLimit: integer('per_user_limit').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: text('status', { enum: ['scheduled', 'ended', 'cancelled'] }).notNull(),
    /** units given back to the SKU's stock when the sale ended unsold */
    returnedQty: integer('returned_qty').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('flash_sales_session_idx').on(t.sessionId), index('flash_sales_status_idx').on(t.status)],
);

/**
 * One row per unit slot taken in a flash sale. The slot is unique per sale (a unique index) and ≥ 1 (a CHECK); the
 * one write path refuses a slot above the sale's quantity, so no more claims than units can be written — whatever
 * the counter in front says.
 */
export const flashSaleClaims = pgTable(
  'flash_sale_claims',
  {
    flashSaleId: uuid('flash_sale_id')
      .notNull()
      .references(() => flashSales.id),
    slot: integer('slot').notNull(),
    orderId: uuid('order_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** the buyer's own unit number in the sale, 1..per-user limit: the database's guard of the limit */
    buyerUnit: integer('buyer_unit').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('flash_sale_claims_slot_uq').on(t.flashSaleId, t.slot),
    check('flash_sale_claims_slot_pos', sql`${t.slot} >= 1`),
    uniqueIndex('flash_sale_claims_buyer_unit_uq').on(t.flashSaleId, t.userId, t.buyerUnit),
    check('flash_sale_claims_buyer_unit_pos', sql`${t.buyerUnit} >= 1`),
    index('flash_sale_claims_order_idx').on(t.orderId),
  ],
);

/** Idempotency-Key: the same key and body return the same result; another body with the key is refused. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_uq').on(t.userId, t.scope, t.key)],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed', 'expired'] }).notNull(),
    payUrl: text('pay_url'),
    failureReason: text('failure_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

/**
 * What the fake-order (刷单) detector reads about an order (docs/supervision.md, "The live path"): keyed hashes only —
 * the PII vault's blind index of the browser's device id, the client IP, the normalised delivery address and the
 * payer account the provider reported — never the values. Written with the order (the payer's when it is paid).
 */
export const orderSignals = pgTable(
  'order_signals',
  {
    orderId: uuid('order_id')
      .primaryKey()
      .references(() => orders.id),
    deviceHash: text('device_hash'),
    ipHash: text('ip_hash'),
    addressHash: text('address_hash'),
    payerAccountHash: text('payer_account_hash'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('order_signals_ip_idx').on(t.ipHash), index('order_signals_address_idx').on(t.addressHash)],
);

/** Every provider notification once: a replayed one (same provider and notify id) is refused. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    provider: text('provider').notNull(),
    notifyId: text('notify_id').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [uniqueIndex('payment_notifications_uq').on(t.provider, t.notifyId)],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    paymentId: uuid('payment_id').notNull(),
    returnId: uuid('return_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('refunds_order_idx').on(t.orderId)],
);

/** After-sales (售后): a return request for some lines of a delivered order. */
export const returnRequests = pgTable(
  'return_requests',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    buyerUserId: uuid('buyer_user_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    kind: text('kind', { enum: ['no_reason', 'quality'] }).notNull(),
    reason: text('reason').notNull(),
    lines: jsonb('lines').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', {
      enum: ['requested', 'approved', 'rejected', 'shipped_back', 'received', 'declared', 'returned_to_bonded', 'refunded', 'cancelled'],
    }).notNull(),
    rejectReason: text('reject_reason'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    receivedAt: ts('received_at'),
    /** 收到退货之日起七日内退款 (消费者权益保护法 Art. 25) */
    refundDueAt: ts('refund_due_at'),
    refundId: uuid('refund_id'),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    /** 跨境退货 (海关总署公告2020年第45号): back at the original supervision site within 30 days of customs release */
    crossBorder: boolean('cross_border').notNull().default(false),
    releasedAt: ts('released_at'),
    arriveBy: ts('arrive_by'),
    /** 退货申报: the customs declaration number the merchant filed */
    customsDeclarationNo: text('customs_declaration_no'),
    declaredAt: ts('declared_at'),
    /** 运抵监管场所: when the merchant confirmed the goods' arrival */
    arrivedAt: ts('arrived_at'),
    /** set once by the sweep when the 30 days passed without arrival */
    arrivalOverdueAt: ts('arrival_overdue_at'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('return_requests_order_idx').on(t.orderId),
    index('return_requests_arrive_by_idx').on(t.arriveBy).where(sql`${t.crossBorder} and ${t.arrivalOverdueAt} is null`),
    index('return_requests_merchant_idx').on(t.merchantOrgId, t.status),
    index('return_requests_buyer_idx').on(t.buyerUserId),
  ],
);

/**
 * 包裹 (packages): one per shipped order, or one per leg of a sample request (寄样 'out', 寄回 'back') — exactly one owner (ADR 0043) — with the
 * carrier's code and waybill number, subscribed with the carrier for status pushes (订阅推送); `status` only moves
 * forward (logistics.rules.ts). `sample_id` has no foreign key: the samples are the selection context's table.
 */
export const orderPackages = pgTable(
  'order_packages',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').references(() => orders.id),
    sampleId: uuid('sample_id'),
    /** a sample's leg: 'out' (寄样, merchant → streamer) or 'back' (寄回, streamer → merchant); null for an order */
    sampleLeg: text('sample_leg'),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    carrier: text('carrier').notNull(),
    trackingNo: text('tracking_no').notNull(),
    status: text('status').notNull(),
    shippedAt: ts('shipped_at').notNull(),
    subscribedAt: ts('subscribed_at'),
    deliveredAt: ts('delivered_at'),
    lastEventAt: ts('last_event_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('order_packages_order_uq').on(t.orderId),
    uniqueIndex('order_packages_sample_uq').on(t.sampleId, t.sampleLeg),
    check(
      'order_packages_one_owner',
      sql`num_nonnulls(${t.orderId}, ${t.sampleId}) = 1 and (${t.sampleId} is null) = (${t.sampleLeg} is null) and (${t.sampleLeg} is null or ${t.sampleLeg} in ('out', 'back'))`,
    ),
    // not unique: one parcel may carry several orders of one buyer (合并发货); a push applies to each
    index('order_packages_waybill_idx').on(t.carrier, t.trackingNo),
  ],
);

/** 物流轨迹: the carrier's pushes, insert-only; the same push twice is one row (`push_key`). */
export const packageEvents = pgTable(
  'package_events',
  {
    id: uuid('id').primaryKey(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => orderPackages.id),
    pushKey: text('push_key').notNull(),
    status: text('status').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    location: text('location').notNull(),
    description: text('description').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [uniqueIndex('package_events_push_uq').on(t.packageId, t.pushKey), index('package_events_time_idx').on(t.packageId, t.occurredAt)],
);
