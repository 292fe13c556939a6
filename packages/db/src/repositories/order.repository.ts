/** Drizzle implementation of the order repository port: orders, stock reservations, flash sales, payments, returns. */
import type {
  AddressRecord,
  ClaimRecord,
  CommissionParty,
  CommissionTotals,
  GmvParty,
  FlashSaleRecord,
  IdempotencyRecord,
  OrderLineRecord,
  OrderRecord,
  OrderRepository,
  PackageEventRecord,
  PackageRecord,
  SampleLeg,
  OrderSignalsRecord,
  PaymentRecord,
  RefundRecord,
  ReservationRecord,
  ReturnRecord,
  SignalOrderRow,
} from '@livehub/core';
import type { OrderStatus, ReturnStatus } from '@livehub/contracts';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { firstWhere } from './first-where.ts';
import { newestFirst, olderThan } from './keyset.ts';
import { listWhere } from './list-where.ts';
import { updateAtVersion } from './update-at-version.ts';
import { bulkInsert } from './bulk-insert.ts';
import { productSkus, products } from '../schema/catalog.ts';
import { liveSessionProducts, liveSessions } from '../schema/live.ts';
import {
  consumerAddresses,
  flashSaleClaims,
  flashSales,
  idempotencyKeys,
  orderLines,
  orderPackages,
  orderSignals,
  orders,
  packageEvents,
  paymentNotifications,
  payments,
  refunds,
  returnRequests,
  stockReservations,
} from '../schema/orders.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAID_OR_LATER: OrderStatus[] = ['paid', 'shipped', 'delivered', 'completed'];

export class DrizzleOrderRepository implements OrderRepository {
  constructor(private readonly db: Db) {}

  // ---- addresses
  async insertAddress(a: AddressRecord): Promise<void> {
    await this.db.insert(consumerAddresses).values(a);
  }
  async listAddresses(userId: string): Promise<AddressRecord[]> {
    return this.db
      .select()
      .from(consumerAddresses)
      .where(eq(consumerAddresses.userId, userId))
      .orderBy(desc(consumerAddresses.isDefault), desc(consumerAddresses.createdAt));
  }
  async findAddress(id: string): Promise<AddressRecord | null> {
    return firstWhere(this.db, consumerAddresses, eq(consumerAddresses.id, id));
  }
  async clearDefaultAddress(userId: string): Promise<void> {
    await this.db.update(consumerAddresses).set({ isDefault: false }).where(eq(consumerAddresses.userId, userId));
  }

  // ---- orders
  async insertOrder(o: OrderRecord, lines: OrderLineRecord[]): Promise<void> {
    await this.insertOrders([o], lines);
  }
  async insertOrders(os: OrderRecord[], lines: OrderLineRecord[]): Promise<void> {
    await bulkInsert(this.db, orders, os);
    await bulkInsert(this.db, orderLines, lines);
  }
  async findOrder(id: string, opts: { lock?: boolean } = {}): Promise<OrderRecord | null> {
    const q = this.db.select().from(orders).where(eq(orders.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as OrderRecord | undefined) ?? null;
  }
  async updateOrder(o: OrderRecord, expectVersion: number): Promise<boolean> {
    const { id, createdAt, buyerUserId, orderNo, ...rest } = o;
    return updateAtVersion(this.db, orders, id, expectVersion, rest);
  }
  async listLines(orderIds: string[]): Promise<OrderLineRecord[]> {
    if (orderIds.length === 0) return [];
    return this.db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).orderBy(asc(orderLines.lineNo));
  }
  async updateLine(l: OrderLineRecord): Promise<void> {
    await this.db
      .update(orderLines)
      .set({ returnedQty: l.returnedQty, reversedCommissionFen: l.reversedCommissionFen })
      .where(and(eq(orderLines.orderId, l.orderId), eq(orderLines.lineNo, l.lineNo)));
  }
  async listOrders(opts: {
    buyerUserId?: string;
    merchantOrgId?: string;
    streamerUserId?: string;
    sessionId?: string;
    status?: OrderStatus;
    before?: Date;
    beforeId?: string;
    limit: number;
  }): Promise<OrderRecord[]> {
    return (await listWhere(this.db, orders, {
      where: and(
        opts.buyerUserId ? eq(orders.buyerUserId, opts.buyerUserId) : undefined,
        opts.merchantOrgId ? eq(orders.merchantOrgId, opts.merchantOrgId) : undefined,
        opts.streamerUserId ? eq(orders.streamerUserId, opts.streamerUserId) : undefined,
        opts.sessionId ? eq(orders.sessionId, opts.sessionId) : undefined,
        opts.status ? eq(orders.status, opts.status) : undefined,
        olderThan(orders.createdAt, orders.id, opts.before, opts.beforeId),
      ),
      orderBy: newestFirst(orders.createdAt, orders.id),
      limit: opts.limit,
    })) as OrderRecord[];
  }
  async listUnpaidExpired(now: Date, limit: number): Promise<OrderRecord[]> {
    return (await listWhere(this.db, orders, {
      where: and(eq(orders.status, 'created'), lt(orders.payBy, now)),
      orderBy: [asc(orders.payBy)],
      limit,
    })) as OrderRecord[];
  }
  async listByStatusBefore(status: OrderStatus, field: 'shippedAt' | 'deliveredAt', before: Date, limit: number): Promise<OrderRecord[]> {
    return (await this.db
      .select()
      .from(orders)
      .where(and(eq(orders.status, status), lt(orders[field], before)))
      .limit(limit)) as OrderRecord[];
  }
  async listCompleted(after: { completedAt: Date; id: string } | null, limit: number): Promise<OrderRecord[]> {
    const where = after
      ? and(
          eq(orders.status, 'completed'),
          or(gt(orders.completedAt, after.completedAt), and(eq(orders.completedAt, after.completedAt), gt(orders.id, after.id))),
        )
      : eq(orders.status, 'completed');
    return (await this.db
      .select()
      .from(orders)
      .where(where)
      .orderBy(asc(orders.completedAt), asc(orders.id))
      .limit(limit)) as OrderRecord[];
  }
  async onSaleLive(productId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: liveSessionProducts.productId })
      .from(liveSessionProducts)
      .innerJoin(liveSessions, eq(liveSessions.id, liveSessionProducts.sessionId))
      .innerJoin(products, eq(products.id, liveSessionProducts.productId))
      .where(and(eq(liveSessionProducts.productId, productId), eq(liveSessions.status, 'live'), eq(products.status, 'approved')))
      .limit(1);
    return rows.length === 1;
  }
  async liveSessionsSelling(productId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: liveSessionProducts.sessionId })
      .from(liveSessionProducts)
      .innerJoin(liveSessions, eq(liveSessions.id, liveSessionProducts.sessionId))
      .where(and(eq(liveSessionProducts.productId, productId), eq(liveSessions.status, 'live')));
    return rows.map((r) => r.id);
  }
  async sessionTotals(sessionId: string): Promise<{ orders: number; gmvFen: number }> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int`, gmv: sql<number>`coalesce(sum(${orders.totalFen}), 0)::bigint` })
      .from(orders)
      .where(and(eq(orders.sessionId, sessionId), inArray(orders.status, [...PAID_OR_LATER, 'refunded'])));
    return { orders: Number(row?.n ?? 0), gmvFen: Number(row?.gmv ?? 0) };
  }

  async gmvSince(party: GmvParty, since: Date): Promise<number> {
    const who =
      'merchantOrgId' in party
        ? eq(orders.merchantOrgId, party.merchantOrgId)
        : 'mcnOrgId' in party
          ? eq(orders.mcnOrgId, party.mcnOrgId)
          : eq(orders.streamerUserId, party.streamerUserId);
    const [row] = await this.db
      .select({ gmv: sql<string>`coalesce(sum(${orders.totalFen} - ${orders.refundedFen}), 0)` })
      .from(orders)
      .where(
        and(
          who,
          inArray(orders.status, PAID_OR_LATER),
          sql`coalesce(${orders.paidAt}, ${orders.createdAt}) >= ${since.toISOString()}::timestamptz`,
        ),
      );
    return Number(row?.gmv ?? 0);
  }

  async sessionSales(sessionId: string): Promise<Array<{ productId: string; skuId: string; units: number; lowestUnitPriceFen: number }>> {
    const rows = await this.db
      .select({
        productId: orderLines.productId,
        skuId: orderLines.skuId,
        units: sql<number>`coalesce(sum(${orderLines.qty}), 0)::int`,
        low: sql<string>`min(${orderLines.unitPriceFen})`,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(and(eq(orders.sessionId, sessionId), inArray(orders.status, [...PAID_OR_LATER, 'refunded'])))
      .groupBy(orderLines.productId, orderLines.skuId);
    return rows.map((r) => ({ productId: r.productId, skuId: r.skuId, units: Number(r.units), lowestUnitPriceFen: Number(r.low) }));
  }

  async soldUnitPrices(
    filter: { sessionId: string } | { productIds: string[]; paidFrom: Date; paidTo: Date },
  ): Promise<Array<{ productId: string; unitPriceFen: number; units: number }>> {
    if ('productIds' in filter && filter.productIds.length === 0) return [];
    const which =
      'sessionId' in filter
        ? eq(orders.sessionId, filter.sessionId)
        : and(inArray(orderLines.productId, filter.productIds), gte(orders.paidAt, filter.paidFrom), lte(orders.paidAt, filter.paidTo));
    const rows = await this.db
      .select({
        productId: orderLines.productId,
        unitPriceFen: orderLines.unitPriceFen,
        units: sql<number>`coalesce(sum(${orderLines.qty}), 0)::int`,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(and(which, inArray(orders.status, PAID_OR_LATER)))
      .groupBy(orderLines.productId, orderLines.unitPriceFen);
    return rows.map((r) => ({ productId: r.productId, unitPriceFen: Number(r.unitPriceFen), units: Number(r.units) }));
  }

  async commissionTotals(party: CommissionParty, by: 'session' | 'product', limit: number): Promise<CommissionTotals[]> {
    const whose = 'streamerUserId' in party ? eq(orders.streamerUserId, party.streamerUserId) : eq(orders.mcnOrgId, party.mcnOrgId);
    const key = by === 'session' ? orders.sessionId : orderLines.productId;
    const commission = sql<string>`coalesce(sum(${orderLines.commissionFen} - ${orderLines.reversedCommissionFen}), 0)`;
    const rows = await this.db
      .select({
        key,
        orders: sql<number>`count(distinct ${orders.id})::int`,
        gmv: sql<string>`coalesce(sum(${orderLines.unitPriceFen} * (${orderLines.qty} - ${orderLines.returnedQty})), 0)`,
        commission,
        lastPaidAt: sql<Date | string | null>`max(${orders.paidAt})`,
      })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(and(whose, inArray(orders.status, PAID_OR_LATER), sql`${key} is not null`))
      .groupBy(key)
      .orderBy(desc(commission), asc(key))
      .limit(limit);
    return rows.map((r) => ({
      key: String(r.key),
      orders: Number(r.orders),
      gmvFen: Number(r.gmv),
      commissionFen: Number(r.commission),
      lastPaidAt: r.lastPaidAt === null ? null : new Date(r.lastPaidAt),
    }));
  }
  async insertOrderSignals(rows: OrderSignalsRecord[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(orderSignals).values(rows);
  }

  async setPayerAccount(orderId: string, payerAccountHash: string, at: Date): Promise<void> {
    await this.db
      .insert(orderSignals)
      .values({ orderId, deviceHash: null, ipHash: null, addressHash: null, payerAccountHash, createdAt: at })
      .onConflictDoUpdate({ target: orderSignals.orderId, set: { payerAccountHash } });
  }

  async sessionLines(sessionId: string, limit: number) {
    return this.db
      .select({
        orderId: orderLines.orderId,
        skuId: orderLines.skuId,
        productId: orderLines.productId,
        qty: orderLines.qty,
        createdAt: orders.createdAt,
        paidAt: orders.paidAt,
      })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(eq(orders.sessionId, sessionId))
      .orderBy(asc(orders.createdAt), asc(orders.id), asc(orderLines.lineNo))
      .limit(limit);
  }

  async signalOrders(sessionId: string, since: Date, limit: number): Promise<SignalOrderRow[]> {
    // the session's paid orders; then, paid since `since`, its buyers' other orders, each buyer's last order before
    // (an established customer is not a new account), and the orders sharing its IPs and addresses (each arm on an
    // index: orders_session_idx, orders_buyer_idx, order_signals_{ip,address}_idx)
    const result = (await this.db.execute(sql`
      with s as (
        select o.id, o.buyer_user_id, g.ip_hash, g.address_hash
        from orders o left join order_signals g on g.order_id = o.id
        where o.session_id = ${sessionId} and o.paid_at is not null
      ), picked as (
        select id from s
        union select o.id from orders o where o.buyer_user_id in (select buyer_user_id from s) and o.paid_at >= ${since}
        union select (select o.id from orders o where o.buyer_user_id = b.buyer_user_id and o.paid_at < ${since}
                      order by o.paid_at desc limit 1)
          from (select distinct buyer_user_id from s) b
        union select g.order_id from order_signals g join orders o on o.id = g.order_id
          where g.ip_hash in (select ip_hash from s where ip_hash is not null) and o.paid_at >= ${since}
        union select g.order_id from order_signals g join orders o on o.id = g.order_id
          where g.address_hash in (select address_hash from s where address_hash is not null) and o.paid_at >= ${since}
      )
      select o.id, o.buyer_user_id, o.merchant_org_id, o.session_id, o.total_fen, o.paid_at,
        (select l.product_id from order_lines l where l.order_id = o.id order by l.line_no limit 1) as product_id,
        (select min(coalesce(r.completed_at, r.created_at)) from refunds r where r.order_id = o.id and r.status <> 'failed') as refunded_at,
        g.device_hash, g.ip_hash, g.address_hash, g.payer_account_hash
      from orders o join picked p on p.id = o.id left join order_signals g on g.order_id = o.id
      where o.paid_at is not null
      order by (o.session_id is not distinct from ${sessionId}) desc, o.paid_at, o.id
      limit ${limit}
    `)) as unknown as { rows: Array<Record<string, unknown>> };
    const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return result.rows.map((r) => ({
      id: String(r.id),
      buyerUserId: String(r.buyer_user_id),
      merchantOrgId: String(r.merchant_org_id),
      productId: String(r.product_id ?? ''),
      sessionId: str(r.session_id),
      totalFen: Number(r.total_fen),
      paidAt: date(r.paid_at),
      refundedAt: r.refunded_at === null || r.refunded_at === undefined ? null : date(r.refunded_at),
      deviceHash: str(r.device_hash),
      ipHash: str(r.ip_hash),
      addressHash: str(r.address_hash),
      payerAccountHash: str(r.payer_account_hash),
    }));
  }

  async refundOrderIds(refundIds: string[]): Promise<Map<string, string>> {
    const ids = refundIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return new Map();
    const rows = await this.db.select({ id: refunds.id, orderId: refunds.orderId }).from(refunds).where(inArray(refunds.id, ids));
    return new Map(rows.map((r) => [r.id, r.orderId]));
  }

  // ---- stock
  async takeStock(skuId: string, qty: number): Promise<boolean> {
    const rows = await this.db
      .update(productSkus)
      .set({ stock: sql`${productSkus.stock} - ${qty}` })
      .where(and(eq(productSkus.id, skuId), sql`${productSkus.stock} >= ${qty}`))
      .returning({ id: productSkus.id });
    return rows.length === 1;
  }
  async putBackStock(skuId: string, qty: number): Promise<void> {
    await this.db
      .update(productSkus)
      .set({ stock: sql`${productSkus.stock} + ${qty}` })
      .where(eq(productSkus.id, skuId));
  }
  async insertReservation(r: ReservationRecord): Promise<void> {
    await this.db.insert(stockReservations).values(r);
  }
  async insertReservations(rs: ReservationRecord[]): Promise<void> {
    await bulkInsert(this.db, stockReservations, rs);
  }
  async listReservations(orderId: string): Promise<ReservationRecord[]> {
    return this.db.select().from(stockReservations).where(eq(stockReservations.orderId, orderId));
  }
  async setReservations(orderId: string, from: ReservationRecord['status'], to: ReservationRecord['status'], at: Date): Promise<number> {
    const rows = await this.db
      .update(stockReservations)
      .set({ status: to, updatedAt: at })
      .where(and(eq(stockReservations.orderId, orderId), eq(stockReservations.status, from)))
      .returning({ id: stockReservations.id });
    return rows.length;
  }
  async reservationTotals(skuId: string): Promise<{ held: number; sold: number; shipped: number; released: number }> {
    const rows = await this.db
      .select({ status: stockReservations.status, n: sql<number>`coalesce(sum(${stockReservations.qty}), 0)::int` })
      .from(stockReservations)
      .where(and(eq(stockReservations.skuId, skuId), isNull(stockReservations.flashSaleId)))
      .groupBy(stockReservations.status);
    const out = { held: 0, sold: 0, shipped: 0, released: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  // ---- flash sales
  async insertFlashSale(f: FlashSaleRecord): Promise<void> {
    await this.db.insert(flashSales).values(f);
  }
  async findFlashSale(id: string, opts: { lock?: boolean } = {}): Promise<FlashSaleRecord | null> {
    const q = this.db.select().from(flashSales).where(eq(flashSales.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return row ?? null;
  }
  async updateFlashSale(f: FlashSaleRecord): Promise<void> {
    const { id, createdAt, ...rest } = f;
    await this.db.update(flashSales).set(rest).where(eq(flashSales.id, id));
  }
  async listFlashSales(opts: { sessionId?: string; status?: FlashSaleRecord['status'][]; limit: number }): Promise<FlashSaleRecord[]> {
    return this.db
      .select()
      .from(flashSales)
      .where(
        and(
          opts.sessionId ? eq(flashSales.sessionId, opts.sessionId) : undefined,
          opts.status ? inArray(flashSales.status, opts.status) : undefined,
        ),
      )
      .orderBy(desc(flashSales.createdAt))
      .limit(opts.limit);
  }
  async insertClaims(claims: ClaimRecord[], limits: { quantity: number; perUserLimit: number }): Promise<boolean> {
    if (claims.some((c) => c.slot < 1 || c.slot > limits.quantity || c.buyerUnit < 1 || c.buyerUnit > limits.perUserLimit)) return false;
    // no conflict target: a taken slot and a buyer's taken unit number are both refusals
    const slots = (await bulkInsert(this.db, flashSaleClaims, claims, {
      onConflictDoNothing: true,
      returning: flashSaleClaims.slot,
    })) as number[];
    if (slots.length === claims.length) return true;
    // something was taken: undo the ones this call did insert so the caller can retry with free numbers
    if (slots.length > 0)
      await this.db
        .delete(flashSaleClaims)
        .where(and(eq(flashSaleClaims.flashSaleId, (claims[0] as ClaimRecord).flashSaleId), inArray(flashSaleClaims.slot, slots)));
    return false;
  }
  async freeBuyerUnits(flashSaleId: string, userId: string, perUserLimit: number, n: number): Promise<number[]> {
    const rows = await this.db
      .select({ unit: flashSaleClaims.buyerUnit })
      .from(flashSaleClaims)
      .where(and(eq(flashSaleClaims.flashSaleId, flashSaleId), eq(flashSaleClaims.userId, userId)));
    const taken = new Set(rows.map((r) => r.unit));
    const free: number[] = [];
    for (let u = 1; u <= perUserLimit && free.length < n; u++) if (!taken.has(u)) free.push(u);
    return free;
  }
  async freeSlots(flashSaleId: string, quantity: number, n: number): Promise<number[]> {
    const rows = await this.db.execute<{ slot: number }>(sql`
      select s as slot from generate_series(1, ${quantity}::int) s
      where not exists (select 1 from ${flashSaleClaims} c where c.flash_sale_id = ${flashSaleId} and c.slot = s)
      order by s limit ${n}`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: Array<{ slot: number }> }).rows) as Array<{ slot: number }>;
    return list.map((r) => Number(r.slot));
  }
  async deleteClaims(orderId: string): Promise<number> {
    const rows = await this.db
      .delete(flashSaleClaims)
      .where(eq(flashSaleClaims.orderId, orderId))
      .returning({ slot: flashSaleClaims.slot });
    return rows.length;
  }
  async countClaims(flashSaleId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(flashSaleClaims)
      .where(eq(flashSaleClaims.flashSaleId, flashSaleId));
    return Number(row?.n ?? 0);
  }
  async countClaimsBySale(flashSaleIds: string[]): Promise<Map<string, number>> {
    if (flashSaleIds.length === 0) return new Map();
    const rows = await this.db
      .select({ id: flashSaleClaims.flashSaleId, n: sql<number>`count(*)::int` })
      .from(flashSaleClaims)
      .where(inArray(flashSaleClaims.flashSaleId, flashSaleIds))
      .groupBy(flashSaleClaims.flashSaleId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }
  async countUserClaims(flashSaleId: string, userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(flashSaleClaims)
      .where(and(eq(flashSaleClaims.flashSaleId, flashSaleId), eq(flashSaleClaims.userId, userId)));
    return Number(row?.n ?? 0);
  }

  async flashSaleOrderKeys(flashSaleId: string): Promise<string[]> {
    // through the buyer: (user_id, scope, key) is the key table's unique index, so no scan of every stored key
    const rows = await this.db
      .select({ key: idempotencyKeys.key })
      .from(orders)
      .innerJoin(
        idempotencyKeys,
        and(
          eq(idempotencyKeys.userId, orders.buyerUserId),
          eq(idempotencyKeys.scope, 'order.create'),
          sql`${idempotencyKeys.response}->>'id' = ${orders.id}::text`,
        ),
      )
      .where(eq(orders.flashSaleId, flashSaleId));
    return rows.map((r) => r.key);
  }

  async claimsByUser(flashSaleId: string, userIds?: string[]): Promise<Array<{ userId: string; n: number }>> {
    if (userIds?.length === 0) return [];
    const rows = await this.db
      .select({ userId: flashSaleClaims.userId, n: sql<number>`count(*)::int` })
      .from(flashSaleClaims)
      .where(and(eq(flashSaleClaims.flashSaleId, flashSaleId), userIds ? inArray(flashSaleClaims.userId, userIds) : undefined))
      .groupBy(flashSaleClaims.userId);
    return rows.map((r) => ({ userId: r.userId, n: Number(r.n) }));
  }

  // ---- idempotency
  async findIdempotency(userId: string, scope: string, key: string): Promise<IdempotencyRecord | null> {
    const [row] = await this.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .limit(1);
    return row ?? null;
  }
  async insertIdempotency(r: IdempotencyRecord): Promise<boolean> {
    return (await this.insertIdempotencies([r])) === 1;
  }
  async insertIdempotencies(rs: IdempotencyRecord[]): Promise<number> {
    const keys = await bulkInsert(this.db, idempotencyKeys, rs, {
      onConflictDoNothing: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key],
      returning: idempotencyKeys.key,
    });
    return keys.length;
  }

  // ---- payments
  async insertPayment(p: PaymentRecord): Promise<void> {
    await this.db.insert(payments).values(p);
  }
  async findPayment(id: string): Promise<PaymentRecord | null> {
    return firstWhere(this.db, payments, eq(payments.id, id));
  }
  async updatePayment(p: PaymentRecord): Promise<void> {
    const { id, createdAt, orderId, ...rest } = p;
    await this.db.update(payments).set(rest).where(eq(payments.id, id));
  }
  async listPayments(orderId: string): Promise<PaymentRecord[]> {
    return this.db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(desc(payments.createdAt));
  }
  async recordNotification(n: { provider: string; notifyId: string; kind: string; ref: string; receivedAt: Date }): Promise<boolean> {
    const rows = await this.db
      .insert(paymentNotifications)
      .values(n)
      .onConflictDoNothing({ target: [paymentNotifications.provider, paymentNotifications.notifyId] })
      .returning({ id: paymentNotifications.notifyId });
    return rows.length === 1;
  }
  async insertPackage(p: PackageRecord): Promise<void> {
    await this.db.insert(orderPackages).values(p);
  }
  async findPackageByOrder(orderId: string): Promise<PackageRecord | null> {
    return (await firstWhere(this.db, orderPackages, eq(orderPackages.orderId, orderId))) as PackageRecord | null;
  }
  async findPackageBySample(sampleId: string, leg: SampleLeg = 'out'): Promise<PackageRecord | null> {
    return (await firstWhere(
      this.db,
      orderPackages,
      and(eq(orderPackages.sampleId, sampleId), eq(orderPackages.sampleLeg, leg)),
    )) as PackageRecord | null;
  }
  async listPackagesByWaybill(carrier: string, trackingNo: string, opts?: { lock?: boolean }): Promise<PackageRecord[]> {
    const q = this.db
      .select()
      .from(orderPackages)
      .where(and(eq(orderPackages.carrier, carrier), eq(orderPackages.trackingNo, trackingNo)))
      .orderBy(asc(orderPackages.id))
      .limit(50);
    return (opts?.lock ? await q.for('update') : await q) as PackageRecord[];
  }
  async listOpenPackages(since: Date, limit: number): Promise<PackageRecord[]> {
    return (await this.db
      .select()
      .from(orderPackages)
      .where(and(sql`${orderPackages.status} not in ('delivered', 'exception')`, gt(orderPackages.shippedAt, since)))
      .orderBy(asc(orderPackages.shippedAt))
      .limit(limit)) as PackageRecord[];
  }
  async updatePackage(p: PackageRecord): Promise<void> {
    const { id, orderId, merchantOrgId, carrier, trackingNo, shippedAt, ...rest } = p;
    await this.db.update(orderPackages).set(rest).where(eq(orderPackages.id, id));
  }
  async insertPackageEvent(e: PackageEventRecord): Promise<boolean> {
    const rows = await this.db
      .insert(packageEvents)
      .values(e)
      .onConflictDoNothing({ target: [packageEvents.packageId, packageEvents.pushKey] })
      .returning({ id: packageEvents.id });
    return rows.length === 1;
  }
  async listPackageEvents(packageId: string): Promise<PackageEventRecord[]> {
    return (await this.db
      .select()
      .from(packageEvents)
      .where(eq(packageEvents.packageId, packageId))
      .orderBy(asc(packageEvents.occurredAt), asc(packageEvents.id))) as PackageEventRecord[];
  }
  async insertRefund(r: RefundRecord): Promise<void> {
    await this.db.insert(refunds).values(r);
  }
  async findRefund(id: string): Promise<RefundRecord | null> {
    return firstWhere(this.db, refunds, eq(refunds.id, id));
  }
  async updateRefund(r: RefundRecord): Promise<void> {
    await this.db.update(refunds).set({ status: r.status, completedAt: r.completedAt }).where(eq(refunds.id, r.id));
  }
  async listRefunds(orderId: string): Promise<RefundRecord[]> {
    return this.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt));
  }
  async withPendingRefunds(orderIds: string[]): Promise<string[]> {
    if (orderIds.length === 0) return [];
    const rows = await this.db
      .selectDistinct({ orderId: refunds.orderId })
      .from(refunds)
      .where(and(inArray(refunds.orderId, orderIds), eq(refunds.status, 'pending')));
    return rows.map((r) => r.orderId);
  }

  // ---- returns
  async insertReturn(r: ReturnRecord): Promise<void> {
    await this.db.insert(returnRequests).values(r);
  }
  async findReturn(id: string): Promise<ReturnRecord | null> {
    return (await firstWhere(this.db, returnRequests, eq(returnRequests.id, id))) as ReturnRecord | null;
  }
  async updateReturn(r: ReturnRecord, expectVersion: number): Promise<boolean> {
    const { id, createdAt, orderId, buyerUserId, merchantOrgId, ...rest } = r;
    return updateAtVersion(this.db, returnRequests, id, expectVersion, rest);
  }
  async listReturns(opts: {
    orderId?: string;
    buyerUserId?: string;
    merchantOrgId?: string;
    status?: ReturnStatus[];
    limit: number;
  }): Promise<ReturnRecord[]> {
    return (await listWhere(this.db, returnRequests, {
      where: and(
        opts.orderId ? eq(returnRequests.orderId, opts.orderId) : undefined,
        opts.buyerUserId ? eq(returnRequests.buyerUserId, opts.buyerUserId) : undefined,
        opts.merchantOrgId ? eq(returnRequests.merchantOrgId, opts.merchantOrgId) : undefined,
        opts.status ? inArray(returnRequests.status, opts.status) : undefined,
      ),
      orderBy: [desc(returnRequests.createdAt)],
      limit: opts.limit,
    })) as ReturnRecord[];
  }
  async listRefundOverdue(now: Date, limit: number): Promise<ReturnRecord[]> {
    return (await this.db
      .select()
      .from(returnRequests)
      .where(and(eq(returnRequests.status, 'received'), lt(returnRequests.refundDueAt, now), isNull(returnRequests.overdueFlaggedAt)))
      .limit(limit)) as ReturnRecord[];
  }

  async listArrivalOverdue(now: Date, limit: number): Promise<ReturnRecord[]> {
    return (await this.db
      .select()
      .from(returnRequests)
      .where(
        and(
          eq(returnRequests.crossBorder, true),
          inArray(returnRequests.status, ['requested', 'approved', 'declared']),
          lt(returnRequests.arriveBy, now),
          isNull(returnRequests.arrivalOverdueAt),
        ),
      )
      .limit(limit)) as ReturnRecord[];
  }
}
