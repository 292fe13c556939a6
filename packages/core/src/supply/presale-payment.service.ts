/**
 * 预售's money (ADR 0035; docs/supply.md § Pre-sale and C2M): the buyer's deposit (定金, reserving a specification)
 * and balance (尾款, in the balance window) are payments of their own through the provider, not orders': the payment
 * service hands their notices here (`ForeignPaymentHandler`: owns, paymentState, onNotification). A deposit's refund
 * is recorded in the caller's transaction and sent to the provider after commit; the provider's notice ends it.
 */
import { AppError } from '../errors.ts';
import type { PaymentNotification } from '../orders/payment.port.ts';
import type { Actor } from '../shared/actor.ts';
import { balanceOpen, depositOpen, depositOutcome } from './presale.rules.ts';
import type { PresaleRecord, PresaleReservationRecord } from './presale.types.ts';
import type { PresaleViewService, ReservationListing } from './presale-view.service.ts';
import { buyerOf, payNo, type PresaleDeps, type PresaleTx, specsOf, SYSTEM } from './presale.internal.ts';

export interface PresalePaymentDeps extends PresaleDeps {
  views: PresaleViewService;
}

export class PresalePaymentService {
  constructor(private readonly d: PresalePaymentDeps) {}

  /** 付定金: reserves `qty` of one specification and opens the deposit payment with the provider. */
  async reserve(
    actor: Actor,
    presaleId: string,
    input: { skuId: string; qty: number },
    returnOrigin?: string,
  ): Promise<{ reservation: ReservationListing; paymentId: string; payUrl: string; amountFen: number }> {
    const buyer = buyerOf(actor);
    if (!Number.isSafeInteger(input.qty) || input.qty <= 0) throw new AppError('presale.bad_qty', { field: 'qty' });
    const now = this.d.clock.now();
    const p = await this.d.uow.read.presales.findPresale(presaleId);
    if (!p || p.status === 'draft') throw new AppError('presale.not_found', { field: 'id' });
    if (!depositOpen(p, now)) throw new AppError('presale.deposit_window', { field: 'id', details: { status: p.status } });
    const specs = await specsOf(this.d.uow.read, p.merchantOrgId, p.productId);
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
    return { reservation: await this.d.views.oneReservation(r), paymentId, payUrl: created.payUrl, amountFen };
  }

  /** 付尾款: opens the balance payment of a reservation whose deposit is paid, inside the balance window. */
  async payBalance(
    actor: Actor,
    reservationId: string,
    returnOrigin?: string,
  ): Promise<{ reservation: ReservationListing; paymentId: string; payUrl: string; amountFen: number }> {
    const buyer = buyerOf(actor);
    const r = await this.d.uow.read.presales.findReservation(reservationId);
    if (!r || r.buyerUserId !== buyer) throw new AppError('presale.reservation_not_found', { field: 'id' });
    const p = (await this.d.uow.read.presales.findPresale(r.presaleId)) as PresaleRecord;
    const now = this.d.clock.now();
    if (r.depositStatus !== 'paid' || r.balanceStatus === 'paid')
      throw new AppError('presale.reservation_state', { field: 'id', details: { deposit: r.depositStatus, balance: r.balanceStatus } });
    if (!balanceOpen(p, now)) throw new AppError('presale.balance_window', { field: 'id', details: { status: p.status } });
    if (r.balanceStatus === 'pending' && r.balancePaymentId && r.balancePayUrl)
      return {
        reservation: await this.d.views.oneReservation(r),
        paymentId: r.balancePaymentId,
        payUrl: r.balancePayUrl,
        amountFen: r.balanceFen,
      };
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
    return { reservation: await this.d.views.oneReservation(next), paymentId, payUrl: created.payUrl, amountFen: r.balanceFen };
  }

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

  // ── refunds (a cancelled pre-sale's deposits, a deposit paid too late) ──

  /** Records a deposit's refund in the caller's transaction (deposit → refunding, the buyer told); sent after commit. */
  async refundIn(
    tx: PresaleTx,
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

  async sendRefund(r: PresaleReservationRecord, reason: string): Promise<void> {
    if (!r.refundId) return;
    await this.d.provider.refund({
      refundId: r.refundId,
      paymentId: r.depositPaymentId,
      providerRef: r.depositProviderRef,
      amountFen: r.depositFen,
      reason,
    });
  }
}
