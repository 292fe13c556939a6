/**
 * 预售 · 反向定制 (pre-sale and C2M, issue #20 item 5). A merchant pre-sells one product: buyers reserve a
 * specification (SKU) and pay a deposit (定金) per unit through the payment provider; closing the pre-sale
 * aggregates the paid demand per specification into a production order (生产单) to one of the merchant's suppliers
 * with a promised ship day — in the closing's own transaction; the factory confirms, reports progress and ships in
 * its console; buyers pay the balance (尾款) in the balance window and read their reservation's progress. Cancelling
 * (before the production order) refunds every paid deposit through the provider's refund path.
 *
 * Deposits and balances are payments of their own (not orders'): the payment service hands their notifications here
 * (`ForeignPaymentHandler`). ADR 0035; docs/supply.md § Pre-sale and C2M. It never writes the orders' tables.
 */
import type { PresaleStatus } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { StockPostingService } from '../inventory/stock-posting.service.ts';
import type { PaymentNotification, PaymentProvider } from '../orders/payment.port.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { linkCovers } from './demand.rules.ts';
import {
  aggregateDemand,
  balanceOpen,
  deliverable,
  depositOpen,
  depositOutcome,
  depositsToRefund,
  PRESALE_RULES,
  productionOrderNumber,
  reservationStage,
  shipOnProblem,
  windowsOrdered,
} from './presale.rules.ts';
import type {
  PresaleRecord,
  PresaleReservationRecord,
  ProductionOrderLineRecord,
  ProductionOrderRecord,
  ProductionOrderWithLines,
} from './presale.types.ts';

export type PresaleScope = 'presales' | 'supply' | 'inventory' | 'audit' | 'outbox';

export interface PresaleDeps {
  uow: ScopedUnitOfWork<PresaleScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  provider: PaymentProvider;
  /** the stock ledger: the factory's shipment is received and delivered through it */
  stock: StockPostingService;
  publicBaseUrl: string;
  /** minutes a deposit or balance payment stays open */
  payMinutes?: number;
}

type Tx = Pick<Repositories, PresaleScope>;

export interface PresaleInput {
  productId: string;
  title: string;
  depositFen: number;
  balanceFen: number;
  depositStartAt: string;
  depositEndAt: string;
  balanceStartAt: string;
  balanceEndAt: string;
}

export interface PresaleListing extends PresaleRecord {
  merchantName: string;
  productName: string;
  specs: Array<{ skuId: string; skuName: string }>;
  demand: Array<{ skuId: string; skuName: string; qty: number; reservations: number }>;
  depositsPaidFen: number;
  productionOrder: ProductionOrderListing | null;
}

export interface ProductionOrderListing extends ProductionOrderRecord {
  presaleTitle: string;
  merchantName: string;
  supplierName: string;
  productName: string;
  lines: Array<{ skuId: string; skuName: string; qty: number }>;
  totalQty: number;
}

export interface ReservationListing extends PresaleReservationRecord {
  presaleTitle: string;
  presaleStatus: PresaleStatus;
  productName: string;
  skuName: string;
  stage: ReturnType<typeof reservationStage>;
  balanceStartAt: Date;
  balanceEndAt: Date;
  promisedShipOn: string | null;
  progressPct: number | null;
  /** when the reservation's units left the warehouse to the buyer (the factory's shipment), else null */
  shippedAt: Date | null;
}

const LIST_LIMIT = 200;
const SYSTEM: Actor = { userId: null, label: 'system:presales', orgId: null, membershipId: null, role: 'system', via: 'system' };
const payNo = (id: string, kind: 'D' | 'B') => `YS${kind}${id.replace(/-/g, '').slice(-12).toUpperCase()}`;

export class PresaleService {
  constructor(private readonly d: PresaleDeps) {}

  private merchantOf(actor: Actor): string {
    if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
    return actor.orgId;
  }

  private buyerOf(actor: Actor): string {
    if (!actor.userId || actor.role === 'system') throw new AppError('auth.forbidden');
    return actor.userId;
  }

  // ── the merchant ──

  /** 新建预售 (draft): one of the merchant's products, deposit and balance per unit, ordered windows. */
  async create(actor: Actor, input: PresaleInput): Promise<PresaleListing> {
    const merchantOrgId = this.merchantOf(actor);
    const w = {
      depositStartAt: new Date(input.depositStartAt),
      depositEndAt: new Date(input.depositEndAt),
      balanceStartAt: new Date(input.balanceStartAt),
      balanceEndAt: new Date(input.balanceEndAt),
    };
    if (!windowsOrdered(w)) {
      const field =
        w.depositStartAt >= w.depositEndAt ? 'depositEndAt' : w.balanceStartAt < w.depositEndAt ? 'balanceStartAt' : 'balanceEndAt';
      throw new AppError('presale.windows', { field });
    }
    if (input.depositFen < 0 || input.balanceFen < 0) throw new AppError('request.invalid', { field: 'depositFen' });
    const now = this.d.clock.now();
    const rec: PresaleRecord = {
      id: this.d.ids.next(),
      merchantOrgId,
      productId: input.productId,
      title: input.title.trim(),
      status: 'draft',
      depositFen: input.depositFen,
      balanceFen: input.balanceFen,
      ...w,
      endReason: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await this.d.uow.transaction(async (tx) => {
      const skus = await this.specsOf(tx, merchantOrgId, input.productId);
      if (skus.length === 0) throw new AppError('presale.not_your_product', { field: 'productId' });
      await tx.presales.insertPresale(rec);
      await this.d.audit.record(tx, actor, {
        action: 'presale.create',
        targetType: 'presale',
        targetId: rec.id,
        detail: { productId: rec.productId, depositFen: rec.depositFen, balanceFen: rec.balanceFen },
      });
    });
    return this.one(rec);
  }

  /** 开始预售: a draft opens to deposits (they are taken inside the deposit window). */
  async open(actor: Actor, id: string): Promise<PresaleListing> {
    return this.merchantStep(actor, id, PRESALE_RULES.openable, 'open');
  }

  /**
   * 截单生产: closes an open pre-sale and, in the same transaction, sends the production order — the paid demand per
   * specification — to one of the merchant's suppliers named for the product, with the promised ship day.
   */
  async close(
    actor: Actor,
    id: string,
    input: { supplierOrgId: string; promisedShipOn: string; warehouseId?: string | undefined },
  ): Promise<PresaleListing> {
    const merchantOrgId = this.merchantOf(actor);
    const now = this.d.clock.now();
    const ship = shipOnProblem(input.promisedShipOn, now);
    if (ship) throw new AppError(ship === 'past' ? 'presale.ship_past' : 'request.invalid', { field: 'promisedShipOn' });
    const rec = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findPresale(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('presale.not_found', { field: 'id' });
      if (!PRESALE_RULES.closable.includes(cur.status))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      const links = (await tx.supply.listLinks({ merchantOrgIds: [merchantOrgId] })).filter(
        (l) => l.supplierOrgId === input.supplierOrgId && linkCovers(l.productIds, cur.productId),
      );
      if (links.length === 0) throw new AppError('supply.not_your_supplier', { field: 'supplierOrgId' });
      // 收货仓: one of the merchant's active warehouses (else 404 inventory.warehouse_not_found on warehouseId)
      const warehouse = input.warehouseId ? await this.d.stock.warehouseFor(tx, input.warehouseId, merchantOrgId) : null;
      const specs = await this.specsOf(tx, merchantOrgId, cur.productId);
      const demand = aggregateDemand(
        await tx.presales.listReservations({ presaleIds: [cur.id], limit: 100_000 }),
        specs.map((s) => s.skuId),
      );
      if (demand.length === 0) throw new AppError('presale.empty', { field: 'id' });
      const poId = this.d.ids.next();
      const po: ProductionOrderRecord = {
        id: poId,
        number: productionOrderNumber(poId, now),
        presaleId: cur.id,
        merchantOrgId,
        supplierOrgId: input.supplierOrgId,
        status: 'sent',
        promisedShipOn: input.promisedShipOn,
        warehouseId: warehouse?.id ?? null,
        progressPct: 0,
        progressNote: null,
        carrier: null,
        trackingNo: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        confirmedAt: null,
        shippedAt: null,
      };
      const lines: ProductionOrderLineRecord[] = demand.map((x) => ({ productionOrderId: poId, skuId: x.skuId, qty: x.qty }));
      const patch = { status: 'closed' as const, updatedAt: now, closedAt: now };
      if (!(await tx.presales.transitionPresale(cur.id, [cur.status], patch)))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      await tx.presales.insertProductionOrder(po, lines);
      const totalQty = lines.reduce((s, l) => s + l.qty, 0);
      await this.d.audit.record(tx, actor, {
        action: 'presale.close',
        targetType: 'presale',
        targetId: cur.id,
        detail: { productionOrderId: poId, number: po.number, supplierOrgId: po.supplierOrgId, lines: lines.length, totalQty },
      });
      await this.event(tx, 'presale.production_sent', { ...po, lines }, cur, now);
      return { ...cur, ...patch };
    });
    return this.one(rec);
  }

  /**
   * 取消预售 (draft or open): every paid deposit is refunded through the provider — the refunds recorded in this
   * transaction (deposit → `refunding`, each buyer told), sent after commit; the provider's notice ends each one.
   */
  async cancel(actor: Actor, id: string, reason: string): Promise<PresaleListing> {
    const merchantOrgId = this.merchantOf(actor);
    const now = this.d.clock.now();
    const { rec, refunds } = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findPresale(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('presale.not_found', { field: 'id' });
      if (!PRESALE_RULES.cancellable.includes(cur.status))
        throw new AppError(cur.status === 'cancelled' ? 'presale.state' : 'presale.cancel_after_production', {
          field: 'status',
          details: { status: cur.status },
        });
      const patch = { status: 'cancelled' as const, updatedAt: now, endReason: reason.trim() };
      if (!(await tx.presales.transitionPresale(cur.id, [cur.status], patch)))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      const paid = depositsToRefund(await tx.presales.listReservations({ presaleIds: [cur.id], limit: 100_000 }));
      const refunds: PresaleReservationRecord[] = [];
      for (const r of paid) refunds.push(await this.refundIn(tx, actor, r, cur, `预售取消：${patch.endReason}`, now));
      await this.d.audit.record(tx, actor, {
        action: 'presale.cancel',
        targetType: 'presale',
        targetId: cur.id,
        detail: { reason: patch.endReason, refunds: refunds.length, refundFen: refunds.reduce((s, r) => s + r.depositFen, 0) },
      });
      return { rec: { ...cur, ...patch }, refunds };
    });
    for (const r of refunds) await this.sendRefund(r, `预售取消：${rec.endReason ?? ''}`);
    return this.one(rec);
  }

  /** The merchant's pre-sales (merchant staff), or the open ones a buyer may reserve. */
  async list(actor: Actor): Promise<PresaleListing[]> {
    const read = this.d.uow.read;
    if (actor.role === 'merchant_staff' && actor.orgId)
      return this.listed(await read.presales.listPresales({ merchantOrgId: actor.orgId, limit: LIST_LIMIT }), true);
    this.buyerOf(actor);
    return this.listed(await read.presales.listPresales({ statuses: ['open'], limit: LIST_LIMIT }), false);
  }

  /** One pre-sale: its merchant's staff see everything; anyone signed in sees an open (or later) one without demand. */
  async get(actor: Actor, id: string): Promise<PresaleListing> {
    const p = await this.d.uow.read.presales.findPresale(id);
    if (!p) throw new AppError('presale.not_found', { field: 'id' });
    const own = actor.role === 'merchant_staff' && actor.orgId === p.merchantOrgId;
    if (!own && (p.status === 'draft' || actor.role === 'system')) throw new AppError('presale.not_found', { field: 'id' });
    return (await this.listed([p], own))[0] as PresaleListing;
  }

  // ── the buyer ──

  /** 付定金: reserves `qty` of one specification and opens the deposit payment with the provider. */
  async reserve(
    actor: Actor,
    presaleId: string,
    input: { skuId: string; qty: number },
    returnOrigin?: string,
  ): Promise<{ reservation: ReservationListing; paymentId: string; payUrl: string; amountFen: number }> {
    const buyer = this.buyerOf(actor);
    if (!Number.isSafeInteger(input.qty) || input.qty <= 0) throw new AppError('presale.bad_qty', { field: 'qty' });
    const now = this.d.clock.now();
    const p = await this.d.uow.read.presales.findPresale(presaleId);
    if (!p || p.status === 'draft') throw new AppError('presale.not_found', { field: 'id' });
    if (!depositOpen(p, now)) throw new AppError('presale.deposit_window', { field: 'id', details: { status: p.status } });
    const specs = await this.specsOf(this.d.uow.read, p.merchantOrgId, p.productId);
    if (!specs.some((s) => s.skuId === input.skuId)) throw new AppError('presale.unknown_spec', { field: 'skuId' });
    const id = this.d.ids.next();
    const paymentId = this.d.ids.next();
    const amountFen = p.depositFen * input.qty;
    const created = await this.d.provider.createPayment({
      paymentId,
      orderNo: payNo(paymentId, 'D'),
      amountFen,
      subject: `LiveHub 预售定金 ${p.title}`,
      expiresAt: new Date(now.getTime() + (this.d.payMinutes ?? 30) * 60_000),
      returnUrl: `${returnOrigin ?? this.d.publicBaseUrl}/presales/mine`,
    });
    const r: PresaleReservationRecord = {
      id,
      presaleId: p.id,
      buyerUserId: buyer,
      skuId: input.skuId,
      qty: input.qty,
      depositFen: amountFen,
      balanceFen: p.balanceFen * input.qty,
      depositPaymentId: paymentId,
      depositStatus: 'pending',
      depositPayUrl: created.payUrl,
      depositProviderRef: created.providerRef,
      provider: this.d.provider.name,
      refundId: null,
      balancePaymentId: null,
      balanceStatus: 'unpaid',
      balancePayUrl: null,
      balanceProviderRef: null,
      createdAt: now,
      updatedAt: now,
      depositPaidAt: null,
      refundedAt: null,
      balancePaidAt: null,
    };
    await this.d.uow.transaction(async (tx) => {
      // the pre-sale may have closed since it was read: the insert waits for a closing that holds its row
      const cur = await tx.presales.findPresale(p.id, { lock: true });
      if (!cur || !depositOpen(cur, now)) throw new AppError('presale.deposit_window', { field: 'id' });
      await tx.presales.insertReservation(r);
      await this.d.audit.record(tx, actor, {
        action: 'presale.reserve',
        targetType: 'presale_reservation',
        targetId: r.id,
        orgId: p.merchantOrgId,
        detail: { presaleId: p.id, skuId: r.skuId, qty: r.qty, depositFen: amountFen, paymentId },
      });
    });
    return { reservation: await this.oneReservation(r), paymentId, payUrl: created.payUrl, amountFen };
  }

  /** 付尾款: opens the balance payment of a reservation whose deposit is paid, inside the balance window. */
  async payBalance(
    actor: Actor,
    reservationId: string,
    returnOrigin?: string,
  ): Promise<{ reservation: ReservationListing; paymentId: string; payUrl: string; amountFen: number }> {
    const buyer = this.buyerOf(actor);
    const r = await this.d.uow.read.presales.findReservation(reservationId);
    if (!r || r.buyerUserId !== buyer) throw new AppError('presale.reservation_not_found', { field: 'id' });
    const p = (await this.d.uow.read.presales.findPresale(r.presaleId)) as PresaleRecord;
    const now = this.d.clock.now();
    if (r.depositStatus !== 'paid' || r.balanceStatus === 'paid')
      throw new AppError('presale.reservation_state', { field: 'id', details: { deposit: r.depositStatus, balance: r.balanceStatus } });
    if (!balanceOpen(p, now)) throw new AppError('presale.balance_window', { field: 'id', details: { status: p.status } });
    if (r.balanceStatus === 'pending' && r.balancePaymentId && r.balancePayUrl)
      return { reservation: await this.oneReservation(r), paymentId: r.balancePaymentId, payUrl: r.balancePayUrl, amountFen: r.balanceFen };
    const paymentId = this.d.ids.next();
    const created = await this.d.provider.createPayment({
      paymentId,
      orderNo: payNo(paymentId, 'B'),
      amountFen: r.balanceFen,
      subject: `LiveHub 预售尾款 ${p.title}`,
      expiresAt: new Date(Math.min(p.balanceEndAt.getTime(), now.getTime() + (this.d.payMinutes ?? 30) * 60_000)),
      returnUrl: `${returnOrigin ?? this.d.publicBaseUrl}/presales/mine`,
    });
    const next = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findReservation(r.id, { lock: true });
      if (cur?.depositStatus !== 'paid' || cur.balanceStatus !== 'unpaid') throw new AppError('presale.reservation_state', { field: 'id' });
      const upd: PresaleReservationRecord = {
        ...cur,
        balancePaymentId: paymentId,
        balanceStatus: 'pending',
        balancePayUrl: created.payUrl,
        balanceProviderRef: created.providerRef,
        updatedAt: now,
      };
      await tx.presales.updateReservation(upd);
      await this.d.audit.record(tx, actor, {
        action: 'presale.balance_open',
        targetType: 'presale_reservation',
        targetId: r.id,
        orgId: p.merchantOrgId,
        detail: { paymentId, balanceFen: r.balanceFen },
      });
      return upd;
    });
    return { reservation: await this.oneReservation(next), paymentId, payUrl: created.payUrl, amountFen: r.balanceFen };
  }

  /** The buyer's own reservations, newest first, with the stage and the factory's progress. */
  async myReservations(actor: Actor): Promise<ReservationListing[]> {
    const buyer = this.buyerOf(actor);
    return this.reservationsListed(await this.d.uow.read.presales.listReservations({ buyerUserId: buyer, limit: LIST_LIMIT }));
  }

  // ── the factory ──

  /** 生产单 sent to the caller's organization (a service provider's or a merchant's acting as factory). */
  async productionOrders(actor: Actor): Promise<ProductionOrderListing[]> {
    const org = this.supplierOf(actor);
    return this.productionListed(await this.d.uow.read.presales.listProductionOrders({ supplierOrgId: org, limit: LIST_LIMIT }));
  }

  /** 接单: the factory confirms a sent production order. */
  async confirmProduction(actor: Actor, id: string): Promise<ProductionOrderListing> {
    return this.factoryStep(actor, id, 'confirm', (now) => ({ status: 'confirmed', updatedAt: now, confirmedAt: now }));
  }

  /** 生产进度: the factory reports progress (percent, note); the pre-sale reads 生产中. */
  async reportProgress(
    actor: Actor,
    id: string,
    input: { progressPct: number; note?: string | undefined },
  ): Promise<ProductionOrderListing> {
    return this.factoryStep(actor, id, 'progress', (now) => ({
      status: 'in_production',
      updatedAt: now,
      progressPct: input.progressPct,
      progressNote: input.note?.trim() || null,
    }));
  }

  /**
   * 发货: the factory ships the production order (carrier, tracking number); the pre-sale reads 已发货. In the same
   * transaction the produced units enter the warehouse named at closing (else the merchant's default one) as
   * `receipt` movements and each
   * balance-paid reservation's units leave it as a `shipment` to its buyer (ref: the reservation) — every unit traced
   * from receipt to the buyer. A reservation whose balance is unpaid is not delivered (尾款未付（未发货）); its units
   * stay on hand and on sale. The order moves only once, so a second call is refused and nothing is posted twice.
   */
  async shipProduction(actor: Actor, id: string, input: { carrier: string; trackingNo: string }): Promise<ProductionOrderListing> {
    return this.factoryStep(
      actor,
      id,
      'ship',
      (now) => ({
        status: 'shipped',
        updatedAt: now,
        shippedAt: now,
        progressPct: 100,
        carrier: input.carrier.trim(),
        trackingNo: input.trackingNo.trim(),
      }),
      async (tx, po) => {
        const reservations = await tx.presales.listReservations({ presaleIds: [po.presaleId], limit: 100_000 });
        const deliveries = deliverable(reservations);
        const w = await this.d.stock.productionIn(tx, actor, po, deliveries, po.warehouseId);
        return {
          warehouseId: w.id,
          receivedQty: po.lines.reduce((s, l) => s + l.qty, 0),
          delivered: deliveries.length,
          deliveredQty: deliveries.reduce((s, r) => s + r.qty, 0),
        };
      },
    );
  }

  // ── payments (the payment service routes the provider's notices for these ids here) ──

  /** Whether a payment id is a pre-sale's deposit or balance. */
  async owns(paymentId: string): Promise<boolean> {
    return (await this.d.uow.read.presales.findReservationByPayment(paymentId)) !== null;
  }

  /** A deposit or balance payment and whether it may still be paid (the simulated provider's page). */
  async paymentState(paymentId: string): Promise<{
    paymentId: string;
    amountFen: number;
    status: 'pending' | 'succeeded' | 'failed' | 'expired';
    provider: string;
    providerRef: string | null;
    payUrl: string | null;
    createdAt: Date;
    orderNo: string;
    open: boolean;
  } | null> {
    const r = await this.d.uow.read.presales.findReservationByPayment(paymentId);
    if (!r) return null;
    const p = await this.d.uow.read.presales.findPresale(r.presaleId);
    const now = this.d.clock.now();
    const deposit = r.depositPaymentId === paymentId;
    const status = deposit
      ? r.depositStatus === 'pending'
        ? 'pending'
        : r.depositStatus === 'failed'
          ? 'failed'
          : 'succeeded'
      : r.balanceStatus === 'paid'
        ? 'succeeded'
        : 'pending';
    const open = status === 'pending' && !!p && (deposit ? depositOpen(p, now) : balanceOpen(p, now));
    return {
      paymentId,
      amountFen: deposit ? r.depositFen : r.balanceFen,
      status: status === 'pending' && !open ? 'expired' : status,
      provider: r.provider,
      providerRef: deposit ? r.depositProviderRef : r.balanceProviderRef,
      payUrl: deposit ? r.depositPayUrl : r.balancePayUrl,
      createdAt: r.createdAt,
      orderNo: payNo(paymentId, deposit ? 'D' : 'B'),
      open,
    };
  }

  /**
   * The provider's verified notice (processed once: each status moves once). A deposit paid while the pre-sale is
   * open counts as demand; one paid after it closed or was cancelled is refunded at once. A refund notice ends the
   * deposit's refund.
   */
  async onNotification(n: PaymentNotification, provider: string): Promise<void> {
    const actor: Actor = { ...SYSTEM, label: `system:presales:${provider}` };
    const now = this.d.clock.now();
    const refund = await this.d.uow.transaction(async (tx) => {
      // the pre-sale's row first, then the reservation's: the order closing and cancelling take them in
      const seen = await tx.presales.findReservationByPayment(n.paymentId);
      if (!seen) throw new AppError('payments.not_found');
      const p = (await tx.presales.findPresale(seen.presaleId, { lock: true })) as PresaleRecord;
      const r = (await tx.presales.findReservation(seen.id, { lock: true })) as PresaleReservationRecord;
      const deposit = r.depositPaymentId === n.paymentId;
      if (n.kind === 'refund.succeeded' || n.kind === 'refund.failed') {
        if (r.depositStatus !== 'refunding' || n.refundId !== r.refundId) return null;
        const ok = n.kind === 'refund.succeeded';
        await tx.presales.updateReservation({ ...r, depositStatus: ok ? 'refunded' : 'paid', refundedAt: ok ? now : null, updatedAt: now });
        await this.d.audit.record(tx, actor, {
          action: ok ? 'presale.deposit_refunded' : 'presale.deposit_refund_failed',
          targetType: 'presale_reservation',
          targetId: r.id,
          orgId: p.merchantOrgId,
          detail: { refundId: n.refundId, amountFen: n.amountFen, reason: n.reason },
        });
        return null;
      }
      const pending = deposit ? r.depositStatus === 'pending' : r.balanceStatus === 'pending';
      if (!pending) return null;
      if (n.kind === 'payment.failed') {
        const upd = deposit
          ? { ...r, depositStatus: 'failed' as const, updatedAt: now }
          : { ...r, balanceStatus: 'unpaid' as const, balancePaymentId: null, balancePayUrl: null, updatedAt: now };
        await tx.presales.updateReservation(upd);
        await this.d.audit.record(tx, actor, {
          action: deposit ? 'presale.deposit_failed' : 'presale.balance_failed',
          targetType: 'presale_reservation',
          targetId: r.id,
          orgId: p.merchantOrgId,
          detail: { paymentId: n.paymentId, reason: n.reason },
        });
        return null;
      }
      if (n.amountFen !== (deposit ? r.depositFen : r.balanceFen)) throw new AppError('payments.amount_mismatch');
      if (!deposit) {
        await tx.presales.updateReservation({
          ...r,
          balanceStatus: 'paid',
          balanceProviderRef: n.providerRef,
          balancePaidAt: now,
          updatedAt: now,
        });
        await this.d.audit.record(tx, actor, {
          action: 'presale.balance_paid',
          targetType: 'presale_reservation',
          targetId: r.id,
          orgId: p.merchantOrgId,
          detail: { paymentId: n.paymentId, amountFen: n.amountFen },
        });
        return null;
      }
      const paid: PresaleReservationRecord = {
        ...r,
        depositStatus: 'paid',
        depositProviderRef: n.providerRef,
        depositPaidAt: now,
        updatedAt: now,
      };
      await tx.presales.updateReservation(paid);
      await this.d.audit.record(tx, actor, {
        action: 'presale.deposit_paid',
        targetType: 'presale_reservation',
        targetId: r.id,
        orgId: p.merchantOrgId,
        detail: { paymentId: n.paymentId, amountFen: n.amountFen },
      });
      if (depositOutcome(p.status) === 'keep') return null;
      // paid after the pre-sale closed or was cancelled: the money goes back
      return this.refundIn(tx, actor, paid, p, '预售已截单或已取消，定金原路退回', now);
    });
    if (refund) await this.sendRefund(refund, '预售已截单或已取消，定金原路退回');
  }

  // ── steps ──

  private supplierOf(actor: Actor): string {
    if ((actor.role !== 'provider_staff' && actor.role !== 'merchant_staff') || !actor.orgId) throw new AppError('auth.forbidden');
    return actor.orgId;
  }

  private async merchantStep(actor: Actor, id: string, from: readonly PresaleStatus[], to: PresaleStatus): Promise<PresaleListing> {
    const merchantOrgId = this.merchantOf(actor);
    const now = this.d.clock.now();
    const rec = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findPresale(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('presale.not_found', { field: 'id' });
      if (!from.includes(cur.status)) throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      const patch = { status: to, updatedAt: now };
      if (!(await tx.presales.transitionPresale(cur.id, [cur.status], patch)))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      await this.d.audit.record(tx, actor, { action: `presale.${to}`, targetType: 'presale', targetId: cur.id, detail: {} });
      return { ...cur, ...patch };
    });
    return this.one(rec);
  }

  private async factoryStep(
    actor: Actor,
    id: string,
    step: keyof typeof PRESALE_RULES.production,
    patchAt: (now: Date) => Parameters<Tx['presales']['transitionProductionOrder']>[2],
    /** what the step does besides moving the order, in its transaction once moved; returns the audit's detail */
    within?: (tx: Tx, po: ProductionOrderWithLines) => Promise<Record<string, unknown>>,
  ): Promise<ProductionOrderListing> {
    const org = this.supplierOf(actor);
    const now = this.d.clock.now();
    const rule = PRESALE_RULES.production[step];
    const po = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findProductionOrder(id, { lock: true });
      if (!cur || cur.supplierOrgId !== org) throw new AppError('presale.production_not_found', { field: 'id' });
      if (!(rule.from as readonly string[]).includes(cur.status))
        throw new AppError('presale.production_state', { field: 'status', details: { status: cur.status } });
      const patch = patchAt(now);
      if (!(await tx.presales.transitionProductionOrder(cur.id, rule.from, patch)))
        throw new AppError('presale.production_state', { field: 'status', details: { status: cur.status } });
      // the pre-sale follows its factory: 生产中 once progress is reported, 已发货 once shipped
      const presaleTo: PresaleStatus | null =
        patch.status === 'in_production' ? 'in_production' : patch.status === 'shipped' ? 'shipped' : null;
      if (presaleTo) await tx.presales.transitionPresale(cur.presaleId, ['closed', 'in_production'], { status: presaleTo, updatedAt: now });
      const extra = within ? await within(tx, cur) : {};
      await this.d.audit.record(tx, actor, {
        action: `production_order.${step}`,
        targetType: 'production_order',
        targetId: cur.id,
        detail: { number: cur.number, status: patch.status, progressPct: patch.progressPct ?? cur.progressPct, ...extra },
      });
      const next = { ...cur, ...patch };
      const p = (await tx.presales.findPresale(cur.presaleId)) as PresaleRecord;
      await this.event(tx, `presale.production_${patch.status}`, next, p, now);
      return next;
    });
    return (await this.productionListed([po]))[0] as ProductionOrderListing;
  }

  /** Records a deposit's refund in the caller's transaction (deposit → refunding, the buyer told); sent after commit. */
  private async refundIn(
    tx: Tx,
    actor: Actor,
    r: PresaleReservationRecord,
    p: PresaleRecord,
    reason: string,
    now: Date,
  ): Promise<PresaleReservationRecord> {
    const next: PresaleReservationRecord = { ...r, depositStatus: 'refunding', refundId: this.d.ids.next(), updatedAt: now };
    await tx.presales.updateReservation(next);
    await this.d.audit.record(tx, actor, {
      action: 'presale.deposit_refund',
      targetType: 'presale_reservation',
      targetId: r.id,
      orgId: p.merchantOrgId,
      detail: { refundId: next.refundId, amountFen: r.depositFen, reason },
    });
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic: 'presale.deposit_refund',
      payload: { reservationId: r.id, presaleId: p.id, title: p.title, buyerUserId: r.buyerUserId, amountFen: r.depositFen, reason },
      createdAt: now,
      publishedAt: null,
    });
    return next;
  }

  private async sendRefund(r: PresaleReservationRecord, reason: string): Promise<void> {
    if (!r.refundId) return;
    await this.d.provider.refund({
      refundId: r.refundId,
      paymentId: r.depositPaymentId,
      providerRef: r.depositProviderRef,
      amountFen: r.depositFen,
      reason,
    });
  }

  private async event(tx: Tx, topic: string, po: ProductionOrderWithLines, p: PresaleRecord, now: Date): Promise<void> {
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic,
      payload: {
        productionOrderId: po.id,
        number: po.number,
        presaleId: p.id,
        title: p.title,
        merchantOrgId: po.merchantOrgId,
        supplierOrgId: po.supplierOrgId,
        status: po.status,
        promisedShipOn: po.promisedShipOn,
        qty: po.lines.reduce((s, l) => s + l.qty, 0),
      },
      createdAt: now,
      publishedAt: null,
    });
  }

  /** The product's specifications (SKUs) when it is the merchant's; empty otherwise. */
  private async specsOf(
    tx: Pick<Repositories, 'inventory'>,
    merchantOrgId: string,
    productId: string,
  ): Promise<Array<{ skuId: string; skuName: string; productTitle: string }>> {
    return (await tx.inventory.merchantSkus(merchantOrgId))
      .filter((s) => s.productId === productId)
      .map((s) => ({ skuId: s.skuId, skuName: s.skuName, productTitle: s.productTitle }));
  }

  // ── views ──

  private async one(p: PresaleRecord): Promise<PresaleListing> {
    return (await this.listed([p], true))[0] as PresaleListing;
  }

  private async listed(rows: PresaleRecord[], withDemand: boolean): Promise<PresaleListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const ids = rows.map((r) => r.id);
    const [reservations, productions, names] = await Promise.all([
      withDemand ? read.presales.listReservations({ presaleIds: ids, limit: 100_000 }) : Promise.resolve([]),
      read.presales.productionOrdersOf(ids),
      this.d.names.namesFor({ orgs: rows.map((r) => r.merchantOrgId) }),
    ]);
    const specs = new Map<string, Array<{ skuId: string; skuName: string; productTitle: string }>>();
    for (const r of rows) {
      const key = `${r.merchantOrgId}:${r.productId}`;
      if (!specs.has(key)) specs.set(key, await this.specsOf(read, r.merchantOrgId, r.productId));
    }
    const prodViews = new Map((await this.productionListed(productions)).map((x) => [x.presaleId, x]));
    return rows.map((r) => {
      const sp = specs.get(`${r.merchantOrgId}:${r.productId}`) ?? [];
      const mine = reservations.filter((x) => x.presaleId === r.id);
      const skuName = new Map(sp.map((s) => [s.skuId, s.skuName]));
      return {
        ...r,
        merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
        productName: sp[0]?.productTitle ?? '商品',
        specs: sp.map((s) => ({ skuId: s.skuId, skuName: s.skuName })),
        demand: aggregateDemand(
          mine,
          sp.map((s) => s.skuId),
        ).map((x) => ({ ...x, skuName: skuName.get(x.skuId) ?? '规格' })),
        depositsPaidFen: mine.filter((x) => x.depositStatus === 'paid').reduce((s, x) => s + x.depositFen, 0),
        productionOrder: prodViews.get(r.id) ?? null,
      };
    });
  }

  private async productionListed(rows: ProductionOrderWithLines[]): Promise<ProductionOrderListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const [presales, names, skus] = await Promise.all([
      read.presales.findPresales([...new Set(rows.map((r) => r.presaleId))]),
      this.d.names.namesFor({ orgs: rows.flatMap((r) => [r.merchantOrgId, r.supplierOrgId]) }),
      read.inventory.skuFactsMany([...new Set(rows.flatMap((r) => r.lines.map((l) => l.skuId)))]),
    ]);
    const ps = new Map(presales.map((p) => [p.id, p]));
    const sku = new Map(skus.map((s) => [s.skuId, s]));
    return rows.map((r) => ({
      ...r,
      presaleTitle: ps.get(r.presaleId)?.title ?? '预售',
      merchantName: names.orgs.get(r.merchantOrgId) ?? '商家',
      supplierName: names.orgs.get(r.supplierOrgId) ?? '供应商',
      productName: sku.get(r.lines[0]?.skuId ?? '')?.productTitle ?? '商品',
      lines: r.lines.map((l) => ({ skuId: l.skuId, skuName: sku.get(l.skuId)?.skuName ?? '规格', qty: l.qty })),
      totalQty: r.lines.reduce((s, l) => s + l.qty, 0),
    }));
  }

  private async oneReservation(r: PresaleReservationRecord): Promise<ReservationListing> {
    return (await this.reservationsListed([r]))[0] as ReservationListing;
  }

  private async reservationsListed(rows: PresaleReservationRecord[]): Promise<ReservationListing[]> {
    if (rows.length === 0) return [];
    const read = this.d.uow.read;
    const ids = [...new Set(rows.map((r) => r.presaleId))];
    const [presales, productions, skus] = await Promise.all([
      read.presales.findPresales(ids),
      read.presales.productionOrdersOf(ids),
      read.inventory.skuFactsMany([...new Set(rows.map((r) => r.skuId))]),
    ]);
    const ps = new Map(presales.map((p) => [p.id, p]));
    const po = new Map(productions.map((x) => [x.presaleId, x]));
    const sku = new Map(skus.map((s) => [s.skuId, s]));
    return rows.map((r) => {
      const p = ps.get(r.presaleId) as PresaleRecord;
      const prod = po.get(r.presaleId) ?? null;
      const stage = reservationStage(r, p.status, prod?.status ?? null);
      return {
        ...r,
        presaleTitle: p.title,
        presaleStatus: p.status,
        productName: sku.get(r.skuId)?.productTitle ?? '商品',
        skuName: sku.get(r.skuId)?.skuName ?? '规格',
        stage,
        balanceStartAt: p.balanceStartAt,
        balanceEndAt: p.balanceEndAt,
        promisedShipOn: prod?.promisedShipOn ?? null,
        progressPct: prod?.progressPct ?? null,
        shippedAt: stage === 'shipped' ? (prod?.shippedAt ?? null) : null,
      };
    });
  }
}
