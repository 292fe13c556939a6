/**
 * 支付 and 退款 with the provider: opening a payment for an unpaid order (Idempotency-Key), the provider's signed
 * notifications (processed once each; a payment for an order already closed is refunded at once), refunds recorded
 * in a caller's transaction and sent after commit, and the buyer's refund of a paid order before shipping.
 */
import type { OrderView } from '@livehub/contracts';
import { OrderCatalog } from '../catalog/index.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import type { FulfilmentService } from './fulfilment.service.ts';
import type { OrderSignalHasher } from './order-signals.ts';
import type { OrderViewService } from './order-view.service.ts';
import type { OrderRecord, PaymentRecord, RefundRecord } from './order.types.ts';
import { IdempotencyRace, requireUser, reservedQty, sweeper } from './orders.internal.ts';
import { type MoneyScope, type OrderMoney, orderFacts } from './money.port.ts';
import type { ForeignPaymentHandler, PaymentNotification, PaymentProvider } from './payment.port.ts';

/**
 * The tables payments write: the order's, the product's sales count, and the names its view shows (`MoneyScope`:
 * only handed to the settlement context's money port with the transaction).
 */
export type PaymentScope = 'orders' | 'catalog' | 'users' | 'orgs' | 'live' | 'audit' | 'outbox' | MoneyScope;

export interface PaymentDeps {
  uow: ScopedUnitOfWork<PaymentScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  providers: PaymentProvider[];
  /** where the web app lives, for the payment page's way back, unless pay() is told the buyer's own origin */
  publicBaseUrl: string;
  fulfilment: FulfilmentService;
  views: OrderViewService;
  /** where the money moves (the settlement context); none: no ledger (unit tests) */
  money?: OrderMoney | undefined;
  /** payments opened by other contexts through the same provider (deposits): their notifications go to them */
  foreignPayments?: ForeignPaymentHandler | undefined;
  /** hashes the payer account a provider reports, for the fake-order detector; none: not kept */
  signals?: OrderSignalHasher | undefined;
}

export class PaymentService {
  /** the catalog's in-transaction part: a paid order's units add to its products' sales */
  private readonly catalog = new OrderCatalog();
  private readonly providers: Map<string, PaymentProvider>;

  constructor(private readonly d: PaymentDeps) {
    this.providers = new Map(d.providers.map((p) => [p.name, p]));
  }

  /**
   * 去支付: opens a payment with the provider for an unpaid order; the same key returns the same payment.
   * `returnOrigin`: the origin the buyer reached the app at (checked by the caller), for the way back after paying.
   */
  async pay(
    actor: Actor,
    id: string,
    provider: string,
    idempotencyKey?: string,
    returnOrigin?: string,
  ): Promise<{ paymentId: string; payUrl: string; amountFen: number }> {
    const userId = requireUser(actor);
    const p = this.providers.get(provider);
    if (!p) throw new AppError('payments.unknown_provider', { field: 'provider' });
    const requestHash = sha256Hex(canonicalJson({ id, provider }));
    if (idempotencyKey) {
      const prior = await this.d.uow.read.orders.findIdempotency(userId, 'order.pay', idempotencyKey);
      if (prior) {
        if (prior.requestHash !== requestHash) throw new AppError('orders.idempotency_conflict', { field: 'Idempotency-Key' });
        return prior.response as { paymentId: string; payUrl: string; amountFen: number };
      }
    }
    const o = await this.d.uow.read.orders.findOrder(id);
    if (!o || o.buyerUserId !== userId) throw new AppError('orders.not_found', { field: 'id' });
    if (o.status !== 'created' || o.payBy <= this.d.clock.now())
      throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'pay' } });
    // an open payment is reused: one order, one pending payment at a time
    const open = (await this.d.uow.read.orders.listPayments(o.id)).find((x) => x.status === 'pending' && x.provider === p.name && x.payUrl);
    const now = this.d.clock.now();
    let payment: PaymentRecord;
    if (open) payment = open;
    else {
      payment = {
        id: this.d.ids.next(),
        orderId: o.id,
        provider: p.name,
        providerRef: null,
        amountFen: o.totalFen,
        status: 'pending',
        payUrl: null,
        failureReason: null,
        createdAt: now,
        updatedAt: now,
      };
      const created = await p.createPayment({
        paymentId: payment.id,
        orderNo: o.orderNo,
        amountFen: o.totalFen,
        subject: `LiveHub ${o.orderNo}`,
        expiresAt: o.payBy,
        returnUrl: `${returnOrigin ?? this.d.publicBaseUrl}/orders/${o.id}`,
      });
      payment = { ...payment, providerRef: created.providerRef, payUrl: created.payUrl };
    }
    const response = { paymentId: payment.id, payUrl: payment.payUrl as string, amountFen: payment.amountFen };
    try {
      await this.d.uow.transaction(async (tx) => {
        if (!open) await tx.orders.insertPayment(payment);
        await this.d.audit.record(tx, actor, {
          action: 'payment.create',
          targetType: 'order',
          targetId: o.id,
          orgId: o.merchantOrgId,
          detail: { paymentId: payment.id, provider: p.name, amountFen: payment.amountFen },
        });
        if (idempotencyKey) {
          const ok = await tx.orders.insertIdempotency({
            userId,
            scope: 'order.pay',
            key: idempotencyKey,
            requestHash,
            status: 200,
            response,
            createdAt: now,
          });
          if (!ok) throw new IdempotencyRace();
        }
      });
    } catch (e) {
      if (e instanceof IdempotencyRace && idempotencyKey) {
        const prior = await this.d.uow.read.orders.findIdempotency(userId, 'order.pay', idempotencyKey);
        if (prior && prior.requestHash === requestHash) return prior.response as typeof response;
      }
      throw e;
    }
    return response;
  }

  /**
   * 支付结果通知: verified by the provider adapter (signature, freshness), then processed once per notification id.
   * A payment that arrives for an order already cancelled (it timed out meanwhile) is refunded at once.
   */
  async onNotification(providerName: string, headers: Record<string, string | undefined>, rawBody: string): Promise<{ ok: true }> {
    const p = this.providers.get(providerName);
    if (!p) throw new AppError('payments.unknown_provider', { field: 'provider' });
    const check = p.verifyNotification(headers, rawBody);
    if (!check.ok)
      throw new AppError(
        check.reason === 'bad_signature' ? 'payments.bad_signature' : check.reason === 'stale' ? 'payments.stale' : 'payments.malformed',
      );
    const n = check.notification;
    if (this.d.foreignPayments && (await this.d.foreignPayments.owns(n.paymentId))) {
      await this.d.foreignPayments.onNotification(n, p.name);
      return { ok: true };
    }
    const actor: Actor = { ...sweeper, label: `system:payments:${p.name}` };
    let refundAfter: RefundRecord | null = null;
    await this.d.uow.transaction(async (tx) => {
      const fresh = await tx.orders.recordNotification({
        provider: p.name,
        notifyId: n.notifyId,
        kind: n.kind,
        ref: n.refundId ?? n.paymentId,
        receivedAt: this.d.clock.now(),
      });
      if (!fresh) throw new AppError('payments.replayed');
      if (n.kind === 'payment.succeeded' || n.kind === 'payment.failed') refundAfter = await this.onPayment(tx, actor, n);
      else await this.onRefund(tx, actor, n);
    });
    if (refundAfter) await this.sendRefund(refundAfter);
    return { ok: true };
  }

  private async onPayment(tx: Pick<Repositories, PaymentScope>, actor: Actor, n: PaymentNotification): Promise<RefundRecord | null> {
    const pay = await tx.orders.findPayment(n.paymentId);
    if (!pay) throw new AppError('payments.not_found');
    // a payment closed at the order's timeout that the payer completed anyway still succeeded: it is refunded below
    const lateSuccess = pay.status === 'expired' && n.kind === 'payment.succeeded';
    if (pay.status !== 'pending' && !lateSuccess) return null;
    const now = this.d.clock.now();
    if (n.kind === 'payment.failed') {
      await tx.orders.updatePayment({ ...pay, status: 'failed', failureReason: n.reason ?? 'failed', updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'payment.failed',
        targetType: 'order',
        targetId: pay.orderId,
        detail: { paymentId: pay.id, reason: n.reason },
      });
      return null;
    }
    if (n.amountFen !== pay.amountFen) throw new AppError('payments.amount_mismatch');
    await tx.orders.updatePayment({ ...pay, status: 'succeeded', providerRef: n.providerRef, updatedAt: now });
    const o = await tx.orders.findOrder(pay.orderId, { lock: true });
    if (!o) throw new AppError('orders.not_found');
    if (o.status !== 'created') {
      // paid too late (cancelled or timed out) or twice: the money goes back
      const refund: RefundRecord = {
        id: this.d.ids.next(),
        orderId: o.id,
        paymentId: pay.id,
        returnId: null,
        amountFen: pay.amountFen,
        reason: `payment for a ${o.status} order`,
        status: 'pending',
        createdAt: now,
        completedAt: null,
      };
      await tx.orders.insertRefund(refund);
      if (this.d.money) {
        await this.d.money.paid(tx, o, pay, true);
        await this.d.money.refundRecorded(tx, { order: o, lines: [], payment: pay, refunds: [refund] }, refund, true);
      }
      await this.d.audit.record(tx, actor, {
        action: 'payment.late_refund',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { paymentId: pay.id },
      });
      return refund;
    }
    await this.d.money?.paid(tx, o, { ...pay, status: 'succeeded' }, false);
    if (n.payerAccount && this.d.signals) await tx.orders.setPayerAccount(o.id, this.d.signals.payerAccount(n.payerAccount), now);
    await tx.orders.setReservations(o.id, 'held', 'sold', now);
    await this.d.fulfilment.transition(tx, actor, o, 'pay', { paidAt: now }, { paymentId: pay.id, amountFen: pay.amountFen });
    await this.catalog.addSalesIn(tx, await tx.orders.listLines([o.id]));
    return null;
  }

  private async onRefund(tx: Pick<Repositories, PaymentScope>, actor: Actor, n: PaymentNotification): Promise<void> {
    const r = n.refundId ? await tx.orders.findRefund(n.refundId) : null;
    if (!r) throw new AppError('payments.not_found');
    if (r.status !== 'pending') return;
    const now = this.d.clock.now();
    if (n.kind === 'refund.failed') {
      await tx.orders.updateRefund({ ...r, status: 'failed', completedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'refund.failed',
        targetType: 'order',
        targetId: r.orderId,
        detail: { refundId: r.id, reason: n.reason },
      });
      return;
    }
    await tx.orders.updateRefund({ ...r, status: 'succeeded', completedAt: now });
    await this.d.money?.refundPaid(tx, r);
    const o = await tx.orders.findOrder(r.orderId, { lock: true });
    if (!o) return;
    const refundedFen = o.refundedFen + r.amountFen;
    const patch = { refundedFen };
    const full = refundedFen >= o.totalFen && (o.status === 'paid' || o.status === 'delivered');
    if (full) await this.d.fulfilment.transition(tx, actor, o, 'refund_all', patch, { refundId: r.id, amountFen: r.amountFen });
    else {
      const next: OrderRecord = { ...o, refundedFen, version: o.version + 1, updatedAt: now };
      if (!(await tx.orders.updateOrder(next, o.version))) throw new AppError('orders.stale');
      await this.d.audit.record(tx, actor, {
        action: 'order.refund',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { refundId: r.id, amountFen: r.amountFen },
      });
      // a part refunded (the order stays where it is): statistics count the refund (docs/supervision.md)
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'order.refund_partial',
        payload: { orderId: o.id, refundId: r.id, amountFen: r.amountFen, merchantOrgId: o.merchantOrgId },
        createdAt: now,
        publishedAt: null,
      });
    }
    if (r.returnId) {
      const ret = await tx.orders.findReturn(r.returnId);
      if (ret && ret.status === 'received') {
        await tx.orders.updateReturn({ ...ret, status: 'refunded', version: ret.version + 1, updatedAt: now }, ret.version);
        // 退货退款: the return rate of the merchant and of the streamer who sold it counts it (credit)
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'return.refunded',
          payload: { returnId: ret.id, orderId: o.id, merchantOrgId: o.merchantOrgId, streamerUserId: o.streamerUserId },
          createdAt: now,
          publishedAt: null,
        });
      }
    }
  }

  /**
   * 退款: records a refund against the order's successful payment (inside the caller's transaction) — the caller
   * sends it to the provider after commit with `sendRefund`.
   */
  async recordRefund(
    tx: Pick<Repositories, 'orders' | MoneyScope>,
    o: OrderRecord,
    amountFen: number,
    reason: string,
    returnId: string | null,
  ): Promise<RefundRecord> {
    const paid = (await tx.orders.listPayments(o.id)).find((p) => p.status === 'succeeded');
    if (!paid) throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'refund' } });
    const r: RefundRecord = {
      id: this.d.ids.next(),
      orderId: o.id,
      paymentId: paid.id,
      returnId,
      amountFen,
      reason,
      status: 'pending',
      createdAt: this.d.clock.now(),
      completedAt: null,
    };
    await tx.orders.insertRefund(r);
    if (this.d.money) await this.d.money.refundRecorded(tx, await orderFacts(tx, o), r, false);
    return r;
  }

  /** A payment and whether it may still be paid (the simulated provider's page); null when there is none. */
  async paymentState(id: string): Promise<{ payment: PaymentRecord; orderId: string | null; orderNo: string; open: boolean } | null> {
    const payment = await this.d.uow.read.orders.findPayment(id);
    if (!payment) return null;
    const o = await this.d.uow.read.orders.findOrder(payment.orderId);
    const open = payment.status === 'pending' && o?.status === 'created' && o.payBy > this.d.clock.now();
    return { payment, orderId: o?.id ?? null, orderNo: o?.orderNo ?? '', open };
  }

  async sendRefund(r: RefundRecord): Promise<void> {
    const pay = await this.d.uow.read.orders.findPayment(r.paymentId);
    const p = pay ? this.providers.get(pay.provider) : undefined;
    if (!pay || !p) return;
    await p.refund({ refundId: r.id, paymentId: pay.id, providerRef: pay.providerRef, amountFen: r.amountFen, reason: r.reason });
  }

  /**
   * 售后退款: a platform admin refunds part or all of a completed order (amount ≤ paid − refunded, a reason). The
   * order stays `completed`, its `refundedFen` rises once the provider confirms; the ledger takes every party's
   * share back pro rata in the same transaction (the settlement context's `takeBackIn`). Sent after commit.
   */
  async afterSalesRefund(actor: Actor, id: string, amountFen: number, reason: string): Promise<OrderView> {
    if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new AppError('settlement.refund_amount_invalid', { field: 'amountFen' });
    const { refund, view } = await this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o) throw new AppError('orders.not_found', { field: 'id' });
      if (o.status !== 'completed') throw new AppError('settlement.order_not_completed', { field: 'id', details: { status: o.status } });
      const facts = await orderFacts(tx, o);
      const refundableFen =
        (facts.payment?.amountFen ?? 0) - facts.refunds.filter((r) => r.status !== 'failed').reduce((n, r) => n + r.amountFen, 0);
      if (amountFen > refundableFen)
        throw new AppError('settlement.refund_exceeds_refundable', { field: 'amountFen', details: { refundableFen } });
      const refund = await this.recordRefund(tx, o, amountFen, reason, null);
      await this.d.audit.record(tx, actor, {
        action: 'order.after_sales_refund',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { refundId: refund.id, amountFen, reason },
      });
      return { refund, view: await this.d.views.view(tx, o, facts.lines, { as: 'platform' }) };
    });
    await this.sendRefund(refund);
    return view;
  }

  /** 申请退款 before shipping: the buyer of a paid order gets all of it back; the units return to stock. */
  async refundUnshipped(actor: Actor, id: string, reason: string): Promise<OrderView> {
    let qty = 0;
    const { refund, view, order } = await this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o || o.buyerUserId !== actor.userId) throw new AppError('orders.not_found', { field: 'id' });
      if (o.status !== 'paid')
        throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'refund' } });
      const pending = (await tx.orders.listRefunds(o.id)).some((r) => r.status === 'pending');
      if (pending) throw new AppError('orders.illegal_transition', { field: 'id', details: { status: 'refunding', action: 'refund' } });
      const refund = await this.recordRefund(tx, o, o.totalFen - o.refundedFen, reason, null);
      qty = await reservedQty(tx, o.id, 'sold');
      // the units go back where they came from: the SKU, or the flash sale while it runs
      await this.d.fulfilment.releaseStock(tx, o, 'sold');
      for (const l of await tx.orders.listLines([o.id])) await tx.orders.updateLine({ ...l, reversedCommissionFen: l.commissionFen });
      await this.d.audit.record(tx, actor, {
        action: 'order.refund_request',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { reason, amountFen: refund.amountFen },
      });
      return { refund, order: o, view: await this.d.views.view(tx, o, await tx.orders.listLines([o.id]), { as: 'buyer' }) };
    });
    await this.d.fulfilment.releaseCounters(order, qty);
    await this.sendRefund(refund);
    return view;
  }
}
