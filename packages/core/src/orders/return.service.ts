/**
 * After-sales (售后): 七天无理由退货 within 7 days of delivery (消费者权益保护法 Art. 25) except for the categories the
 * law exempts (custom-made, fresh and perishable, opened digital goods, newspapers and periodicals — `noReasonReturn`
 * on the category, snapshotted on each order line), quality returns at any time before completion. The buyer ships
 * the goods back; once the merchant has received them the refund is due within 7 days, and the sweep flags the
 * ones that are late. A refund reverses the streamer's commission on the returned units (settlement reads it).
 *
 *   requested ─approve─▶ approved ─ship back─▶ shipped_back ─receive─▶ received ─refund─▶ refunded
 *       └─reject─▶ rejected      (the buyer may cancel while requested or approved)
 *
 * A return on an order with a cross-border product (跨境退货) follows its own table instead
 * (cross-border-return.rules.ts): approve → declare (退货申报) → arrive (运抵原监管作业场所) → refund, within 30 days of
 * customs release; the sweep flags the ones whose goods did not arrive in time.
 */
import type { ReturnStatus, ReturnView } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { StockPostingService } from '../inventory/index.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { MoneyScope } from './money.port.ts';
import type { OrderLineRecord, OrderRecord, RefundRecord, ReturnRecord } from './order.types.ts';
import type { OrderService } from './order.service.ts';
import {
  arriveBy,
  CROSS_BORDER_STEPS,
  type CrossBorderAction,
  crossBorderOverdue,
  crossBorderRefundable,
  crossBorderStepProblem,
  daysLeft,
} from './cross-border-return.rules.ts';

const DAY = 86_400_000;
/** 自收到退回商品之日起七日内返还 */
const REFUND_DAYS = 7;
const RETURN_WINDOW_DAYS = 7;
const OPEN: ReadonlySet<ReturnStatus> = new Set(['requested', 'approved', 'shipped_back', 'received', 'declared', 'returned_to_bonded']);

const STEPS: Record<string, { from: ReturnStatus[]; to: ReturnStatus; by: 'buyer' | 'merchant' }> = {
  approve: { from: ['requested'], to: 'approved', by: 'merchant' },
  reject: { from: ['requested'], to: 'rejected', by: 'merchant' },
  ship_back: { from: ['approved'], to: 'shipped_back', by: 'buyer' },
  receive: { from: ['shipped_back'], to: 'received', by: 'merchant' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', by: 'buyer' },
};

/** The tables returns write: the order's (returns, lines, refunds), audit and outbox. */
/** (`MoneyScope`: only handed to the money port with the transaction of a refund) */
/** (`catalog`: read only, whether a returned product is cross-border) */
/** (`inventory`: only handed to the stock ledger's `returnIn` when a return is received) */
type ReturnScope = 'orders' | 'catalog' | 'audit' | 'outbox' | 'inventory' | MoneyScope;
/** What opening a return or a refund writes (no stock moves before the parcel is received). */
type RemedyScope = Exclude<ReturnScope, 'inventory'>;

export interface ReturnDeps {
  uow: ScopedUnitOfWork<ReturnScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  orders: OrderService;
  /** the stock ledger (inventory): a received return goes back into a warehouse */
  stock: StockPostingService;
}

const sweeper: Actor = { userId: null, label: 'system:returns', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class ReturnService {
  constructor(private readonly d: ReturnDeps) {}

  /** 申请售后: the buyer of a delivered order asks to return some units. */
  async request(
    actor: Actor,
    orderId: string,
    input: { kind: 'no_reason' | 'quality'; reason: string; lines: Array<{ lineNo: number; qty: number }> },
  ): Promise<ReturnView> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(orderId, { lock: true });
      if (!o || !actor.userId || o.buyerUserId !== actor.userId) throw new AppError('orders.not_found', { field: 'id' });
      if (o.status !== 'delivered')
        throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'return' } });
      const returnBy = new Date((o.deliveredAt as Date).getTime() + RETURN_WINDOW_DAYS * DAY);
      if (input.kind === 'no_reason' && now > returnBy)
        throw new AppError('returns.window_closed', { field: 'kind', details: { returnBy: returnBy.toISOString().slice(0, 10) } });
      const existing = await tx.orders.listReturns({ orderId: o.id, limit: 50 });
      if (existing.some((r) => OPEN.has(r.status))) throw new AppError('returns.open', { field: 'id' });
      const lines = await tx.orders.listLines([o.id]);
      let amountFen = 0;
      const seen = new Set<number>();
      for (const [i, want] of input.lines.entries()) {
        const l = lines.find((x) => x.lineNo === want.lineNo);
        if (!l || seen.has(want.lineNo) || want.qty > l.qty - l.returnedQty)
          throw new AppError('returns.invalid_line', { field: `lines.${i}` });
        seen.add(want.lineNo);
        if (input.kind === 'no_reason' && !l.noReasonReturn)
          throw new AppError('returns.exempt', { field: `lines.${i}`, details: { title: l.title } });
        amountFen += l.unitPriceFen * want.qty;
      }
      amountFen = Math.min(amountFen, o.totalFen - o.refundedFen);
      const r = await this.insertReturn(
        tx,
        actor,
        o,
        { kind: input.kind, reason: input.reason, lines: input.lines, amountFen, status: 'requested' },
        {
          action: 'return.request',
          detail: { orderId: o.id, kind: input.kind, amountFen, lines: input.lines },
        },
        now,
      );
      return this.view(r, o, lines);
    });
  }

  private async step(
    actor: Actor,
    id: string,
    action: keyof typeof STEPS | CrossBorderAction,
    patch: (r: ReturnRecord, now: Date) => Partial<ReturnRecord>,
    after?: (tx: Pick<Repositories, ReturnScope>, r: ReturnRecord, o: OrderRecord) => Promise<RefundRecord | null>,
  ): Promise<ReturnView> {
    const now = this.d.clock.now();
    const { view, refund } = await this.d.uow.transaction(async (tx) => {
      const r = await tx.orders.findReturn(id);
      // a cross-border return walks its own table (跨境退货); a domestic one has no customs steps
      const def = r?.crossBorder ? CROSS_BORDER_STEPS[action as CrossBorderAction] : STEPS[action];
      const party =
        r &&
        def &&
        (def.by === 'buyer' ? r.buyerUserId === actor.userId : actor.role === 'merchant_staff' && actor.orgId === r.merchantOrgId);
      if (!r || !party) {
        if (r && !def) throw new AppError('returns.illegal', { field: 'id', details: { status: r.status, action } });
        throw new AppError('returns.not_found', { field: 'id' });
      }
      if (r.crossBorder) {
        const problem = crossBorderStepProblem(action as CrossBorderAction, r, now);
        if (problem === 'deadline_passed')
          throw new AppError('returns.cross_border_deadline', {
            field: 'id',
            details: { arriveBy: (r.arriveBy as Date).toISOString().slice(0, 10) },
          });
        if (problem) throw new AppError('returns.illegal', { field: 'id', details: { status: r.status, action } });
      } else if (!def.from.includes(r.status))
        throw new AppError('returns.illegal', { field: 'id', details: { status: r.status, action } });
      const next: ReturnRecord = { ...r, ...patch(r, now), status: def.to, version: r.version + 1, updatedAt: now };
      if (!(await tx.orders.updateReturn(next, r.version))) throw new AppError('orders.stale', { field: 'id' });
      const o = (await tx.orders.findOrder(r.orderId, { lock: true })) as OrderRecord;
      const refund = after ? await after(tx, next, o) : null;
      const final = refund ? ((await tx.orders.findReturn(id)) as ReturnRecord) : next;
      await this.d.audit.record(tx, actor, {
        action: `return.${action}`,
        targetType: 'return',
        targetId: r.id,
        orgId: r.merchantOrgId,
        detail: {
          from: r.status,
          to: def.to,
          ...(r.crossBorder ? { crossBorder: true, arriveBy: r.arriveBy?.toISOString() ?? null } : {}),
          ...(next.customsDeclarationNo && action === 'declare' ? { customsDeclarationNo: next.customsDeclarationNo } : {}),
          ...(refund ? { refundId: refund.id, amountFen: refund.amountFen } : {}),
        },
      });
      return { view: this.view(final, o, await tx.orders.listLines([o.id])), refund };
    });
    if (refund) await this.d.orders.sendRefund(refund);
    return view;
  }

  /** 退货申报 (跨境): the merchant files the return with customs, within 30 days of release. */
  declare(actor: Actor, id: string, input: { customsDeclarationNo: string }) {
    return this.step(actor, id, 'declare', (_r, now) => ({ customsDeclarationNo: input.customsDeclarationNo, declaredAt: now }));
  }

  /** 运抵监管场所 (跨境): the merchant confirms the goods are back at the original site; with `refundNow` the refund goes out. */
  arrive(actor: Actor, id: string, refundNow: boolean) {
    return this.step(
      actor,
      id,
      'arrive',
      (_r, now) => ({ arrivedAt: now, receivedAt: now, refundDueAt: new Date(now.getTime() + REFUND_DAYS * DAY) }),
      refundNow ? (tx, r, o) => this.issueRefund(tx, actor, r, o) : undefined,
    );
  }

  approve(actor: Actor, id: string) {
    return this.step(actor, id, 'approve', () => ({}));
  }
  reject(actor: Actor, id: string, reason: string) {
    return this.step(actor, id, 'reject', () => ({ rejectReason: reason }));
  }
  cancel(actor: Actor, id: string) {
    return this.step(actor, id, 'cancel', () => ({}));
  }
  shipBack(actor: Actor, id: string, input: { carrier: string; trackingNo: string }) {
    return this.step(actor, id, 'ship_back', () => ({ carrier: input.carrier, trackingNo: input.trackingNo }));
  }

  /** 确认收到退货: the refund clock starts; with `refundNow` the refund goes out at once. */
  receive(actor: Actor, id: string, refundNow: boolean) {
    return this.step(
      actor,
      id,
      'receive',
      (_r, now) => ({ receivedAt: now, refundDueAt: new Date(now.getTime() + REFUND_DAYS * DAY) }),
      async (tx, r, o) => {
        await this.restock(tx, actor, r, o);
        return refundNow ? this.issueRefund(tx, actor, r, o) : null;
      },
    );
  }

  /** 退货入库: the returned units go back into a warehouse through the stock ledger, in the receipt's transaction. */
  private async restock(tx: Pick<Repositories, ReturnScope>, actor: Actor, r: ReturnRecord, o: OrderRecord): Promise<void> {
    const lines = await tx.orders.listLines([o.id]);
    const units = r.lines.flatMap((x) => {
      const l = lines.find((y) => y.lineNo === x.lineNo);
      return l ? [{ skuId: l.skuId, qty: x.qty }] : [];
    });
    if (units.length > 0) await this.d.stock.returnIn(tx, actor, { id: r.id, orderId: o.id, merchantOrgId: o.merchantOrgId, lines: units });
  }

  /** 退款 for a received return (the merchant's button, when not refunded on receipt). */
  async refund(actor: Actor, id: string): Promise<ReturnView> {
    const { view, refund } = await this.d.uow.transaction(async (tx) => {
      const r = await tx.orders.findReturn(id);
      if (!r || actor.role !== 'merchant_staff' || actor.orgId !== r.merchantOrgId)
        throw new AppError('returns.not_found', { field: 'id' });
      const now = this.d.clock.now();
      const refundable = r.crossBorder ? crossBorderRefundable(r, now) : r.status === 'received' && !r.refundId;
      if (!refundable) throw new AppError('returns.illegal', { field: 'id', details: { status: r.status, action: 'refund' } });
      const o = (await tx.orders.findOrder(r.orderId, { lock: true })) as OrderRecord;
      const refund = await this.issueRefund(tx, actor, r, o);
      await this.d.audit.record(tx, actor, {
        action: 'return.refund',
        targetType: 'return',
        targetId: r.id,
        orgId: r.merchantOrgId,
        detail: { refundId: refund.id, amountFen: refund.amountFen, ...(r.crossBorder ? { crossBorder: true, from: r.status } : {}) },
      });
      return { view: this.view((await tx.orders.findReturn(id)) as ReturnRecord, o, await tx.orders.listLines([o.id])), refund };
    });
    await this.d.orders.sendRefund(refund);
    return view;
  }

  /**
   * 投诉售后: a complaint resolved with a refund or a return (the disputes context's `ComplaintRemedies` port, wired by
   * the container), in the complaint's transaction. A `refund` is recorded on the order like any refund — the ledger
   * posts it (from escrow, or taken back from the parties once completed) and the provider's confirmation raises the
   * order's `refundedFen`; the caller sends it after commit. A `return` opens an after-sales return of every unit not
   * yet returned, already approved (the complaint's resolution is the approval), for the complaint's amount: the
   * buyer ships it back, the merchant receives and refunds it through the return's own states.
   */
  async complaintRemedyIn(
    tx: Pick<Repositories, RemedyScope>,
    actor: Actor,
    input: { complaintId: string; orderId: string; remedy: 'refund' | 'return'; amountFen: number },
  ): Promise<{ refundId: string | null; returnId: string | null }> {
    const now = this.d.clock.now();
    const o = await tx.orders.findOrder(input.orderId, { lock: true });
    if (!o) throw new AppError('orders.not_found', { field: 'id' });
    const payment = (await tx.orders.listPayments(o.id)).find((p) => p.status === 'succeeded');
    if (!payment) throw new AppError('disputes.order_unpaid', { field: 'id' });
    const taken = (await tx.orders.listRefunds(o.id)).filter((r) => r.paymentId === payment.id && r.status !== 'failed');
    const refundableFen = payment.amountFen - taken.reduce((n, r) => n + r.amountFen, 0);
    if (input.amountFen > refundableFen)
      throw new AppError('disputes.remedy_exceeds_refundable', {
        field: 'id',
        details: { refundableYuan: (refundableFen / 100).toFixed(2), amountYuan: (input.amountFen / 100).toFixed(2) },
      });
    if (input.remedy === 'refund') {
      const refund = await this.d.orders.recordRefund(tx, o, input.amountFen, `complaint ${input.complaintId}`, null);
      await this.d.audit.record(tx, actor, {
        action: 'order.complaint_refund',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { complaintId: input.complaintId, refundId: refund.id, amountFen: input.amountFen },
      });
      return { refundId: refund.id, returnId: null };
    }
    const existing = await tx.orders.listReturns({ orderId: o.id, limit: 50 });
    if (existing.some((r) => OPEN.has(r.status))) throw new AppError('disputes.return_open', { field: 'id' });
    const lines = (await tx.orders.listLines([o.id]))
      .filter((l) => l.qty > l.returnedQty)
      .map((l) => ({ lineNo: l.lineNo, qty: l.qty - l.returnedQty }));
    const reason = `complaint ${input.complaintId}`;
    const r = await this.insertReturn(
      tx,
      actor,
      o,
      { kind: 'quality', reason, lines, amountFen: input.amountFen, status: 'approved' },
      {
        action: 'return.complaint',
        detail: { orderId: o.id, complaintId: input.complaintId, amountFen: input.amountFen, lines, status: 'approved' },
      },
      now,
    );
    return { refundId: null, returnId: r.id };
  }

  /** A new return on `o` (a buyer's request, or a complaint's approved one), stored and audited in the caller's transaction. */
  private async insertReturn(
    tx: Pick<Repositories, RemedyScope>,
    actor: Actor,
    o: OrderRecord,
    fields: Pick<ReturnRecord, 'kind' | 'reason' | 'lines' | 'amountFen' | 'status'>,
    audit: { action: 'return.request' | 'return.complaint'; detail: Record<string, unknown> },
    now: Date,
  ): Promise<ReturnRecord> {
    const crossBorder = await this.isCrossBorder(tx, o, fields.lines);
    const releasedAt = crossBorder ? (o.shippedAt ?? o.paidAt ?? now) : null;
    const r: ReturnRecord = {
      id: this.d.ids.next(),
      orderId: o.id,
      buyerUserId: o.buyerUserId,
      merchantOrgId: o.merchantOrgId,
      ...fields,
      rejectReason: null,
      carrier: null,
      trackingNo: null,
      receivedAt: null,
      refundDueAt: null,
      refundId: null,
      overdueFlaggedAt: null,
      crossBorder,
      releasedAt,
      arriveBy: releasedAt ? arriveBy(releasedAt) : null,
      customsDeclarationNo: null,
      declaredAt: null,
      arrivedAt: null,
      arrivalOverdueAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await tx.orders.insertReturn(r);
    await this.d.audit.record(tx, actor, {
      action: audit.action,
      targetType: 'return',
      targetId: r.id,
      orgId: o.merchantOrgId,
      detail: { ...audit.detail, ...(crossBorder ? { crossBorder: true, arriveBy: r.arriveBy?.toISOString() } : {}) },
    });
    return r;
  }

  /** Whether a return of these lines is a cross-border one: any returned line's product is cross-border (跨境). */
  private async isCrossBorder(
    tx: Pick<Repositories, RemedyScope>,
    o: OrderRecord,
    want: Array<{ lineNo: number; qty: number }>,
  ): Promise<boolean> {
    const lines = await tx.orders.listLines([o.id]);
    const ids = [...new Set(want.map((w) => lines.find((l) => l.lineNo === w.lineNo)?.productId).filter((x): x is string => !!x))];
    if (ids.length === 0) return false;
    return (await tx.catalog.listProducts({ ids, crossBorder: true, limit: ids.length })).length > 0;
  }

  /** After commit: a refund recorded by `complaintRemedyIn` goes to the payment provider. */
  async sendRecordedRefund(refundId: string): Promise<void> {
    const r = await this.d.uow.read.orders.findRefund(refundId);
    if (r) await this.d.orders.sendRefund(r);
  }

  /** Records the refund, marks the returned units and reverses their share of the commission. */
  private async issueRefund(tx: Pick<Repositories, RemedyScope>, _actor: Actor, r: ReturnRecord, o: OrderRecord): Promise<RefundRecord> {
    const refund = await this.d.orders.recordRefund(tx, o, r.amountFen, `return ${r.id}`, r.id);
    const lines = await tx.orders.listLines([o.id]);
    for (const want of r.lines) {
      const l = lines.find((x) => x.lineNo === want.lineNo) as OrderLineRecord;
      const reversed = Math.floor((l.commissionFen * want.qty) / l.qty);
      await tx.orders.updateLine({
        ...l,
        returnedQty: l.returnedQty + want.qty,
        reversedCommissionFen: Math.min(l.commissionFen, l.reversedCommissionFen + reversed),
      });
    }
    const fresh = (await tx.orders.findReturn(r.id)) as ReturnRecord;
    await tx.orders.updateReturn({ ...fresh, refundId: refund.id, version: fresh.version + 1 }, fresh.version);
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic: 'commission.reversed',
      payload: { orderId: o.id, returnId: r.id, lines: r.lines, streamerUserId: o.streamerUserId, agreementId: o.agreementId },
      createdAt: this.d.clock.now(),
      publishedAt: null,
    });
    return refund;
  }

  async list(actor: Actor, as: 'buyer' | 'merchant' | 'platform', status?: ReturnStatus): Promise<ReturnView[]> {
    const q: Parameters<Repositories['orders']['listReturns']>[0] = { limit: 100 };
    if (as === 'buyer') {
      if (!actor.userId) throw new AppError('auth.required');
      q.buyerUserId = actor.userId;
    } else if (as === 'merchant') {
      if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
      q.merchantOrgId = actor.orgId;
    } else if (!isCrossTenant(actor)) throw new AppError('auth.forbidden');
    if (status) q.status = [status];
    const rows = await this.d.uow.read.orders.listReturns(q);
    const out: ReturnView[] = [];
    for (const r of rows) {
      const o = (await this.d.uow.read.orders.findOrder(r.orderId)) as OrderRecord;
      out.push(this.view(r, o, await this.d.uow.read.orders.listLines([o.id])));
    }
    return out;
  }

  async forOrder(actor: Actor, orderId: string): Promise<ReturnView[]> {
    await this.d.orders.get(actor, orderId);
    const rows = await this.d.uow.read.orders.listReturns({ orderId, limit: 50 });
    const o = (await this.d.uow.read.orders.findOrder(orderId)) as OrderRecord;
    const lines = await this.d.uow.read.orders.listLines([orderId]);
    return rows.map((r) => this.view(r, o, lines));
  }

  view(r: ReturnRecord, o: OrderRecord, lines: OrderLineRecord[]): ReturnView {
    const now = this.d.clock.now();
    return {
      id: r.id,
      orderId: r.orderId,
      orderNo: o.orderNo,
      kind: r.kind,
      reason: r.reason,
      status: r.status,
      lines: r.lines.map((x) => {
        const l = lines.find((y) => y.lineNo === x.lineNo);
        return { lineNo: x.lineNo, qty: x.qty, title: l?.title ?? '', skuName: l?.skuName ?? '' };
      }),
      amountFen: r.amountFen,
      rejectReason: r.rejectReason,
      carrier: r.carrier,
      trackingNo: r.trackingNo,
      receivedAt: r.receivedAt?.toISOString() ?? null,
      refundDueAt: r.refundDueAt?.toISOString() ?? null,
      refundIssued: r.refundId !== null,
      overdue: r.status === 'received' && !!r.refundDueAt && r.refundDueAt < now,
      crossBorder: r.crossBorder
        ? {
            releasedAt: r.releasedAt?.toISOString() ?? null,
            arriveBy: r.arriveBy?.toISOString() ?? null,
            daysLeft: r.arriveBy ? daysLeft(r.arriveBy, now) : null,
            customsDeclarationNo: r.customsDeclarationNo,
            declaredAt: r.declaredAt?.toISOString() ?? null,
            arrivedAt: r.arrivedAt?.toISOString() ?? null,
            overdue: crossBorderOverdue(r, now),
            overdueFlagged: r.arrivalOverdueAt !== null,
          }
        : null,
      createdAt: r.createdAt.toISOString(),
    };
  }

  /**
   * 跨境退货超期: cross-border returns whose goods did not arrive at the supervision site within 30 days of release are
   * flagged once (audit + outbox); the merchant may then refund without the arrival (the buyer is owed it anyway).
   */
  async sweepCrossBorder(): Promise<{ flagged: number }> {
    const now = this.d.clock.now();
    let flagged = 0;
    for (const r of await this.d.uow.read.orders.listArrivalOverdue(now, 200)) {
      await this.d.uow.transaction(async (tx) => {
        const fresh = await tx.orders.findReturn(r.id);
        if (!fresh || fresh.arrivalOverdueAt || !crossBorderOverdue(fresh, now)) return;
        await tx.orders.updateReturn({ ...fresh, arrivalOverdueAt: now, version: fresh.version + 1, updatedAt: now }, fresh.version);
        await this.d.audit.record(tx, sweeper, {
          action: 'return.cross_border_overdue',
          targetType: 'return',
          targetId: r.id,
          orgId: r.merchantOrgId,
          detail: { orderId: r.orderId, status: fresh.status, arriveBy: fresh.arriveBy?.toISOString() ?? null },
        });
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'return.cross_border_overdue',
          payload: { returnId: r.id, orderId: r.orderId, merchantOrgId: r.merchantOrgId, arriveBy: fresh.arriveBy?.toISOString() ?? null },
          createdAt: now,
          publishedAt: null,
        });
        flagged++;
      });
    }
    return { flagged };
  }

  /** 退款超期: received returns whose 7 days have passed without a refund are flagged once (audit + outbox). */
  async sweep(): Promise<{ flagged: number }> {
    const now = this.d.clock.now();
    let flagged = 0;
    for (const r of await this.d.uow.read.orders.listRefundOverdue(now, 200)) {
      await this.d.uow.transaction(async (tx) => {
        const fresh = await tx.orders.findReturn(r.id);
        if (!fresh || fresh.overdueFlaggedAt || fresh.status !== 'received') return;
        await tx.orders.updateReturn({ ...fresh, overdueFlaggedAt: now, version: fresh.version + 1, updatedAt: now }, fresh.version);
        await this.d.audit.record(tx, sweeper, {
          action: 'return.refund_overdue',
          targetType: 'return',
          targetId: r.id,
          orgId: r.merchantOrgId,
          detail: { orderId: r.orderId, refundDueAt: r.refundDueAt?.toISOString() },
        });
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'return.refund_overdue',
          payload: {
            returnId: r.id,
            orderId: r.orderId,
            merchantOrgId: r.merchantOrgId,
            refundDueAt: r.refundDueAt?.toISOString() ?? null,
          },
          createdAt: now,
          publishedAt: null,
        });
        flagged++;
      });
    }
    return { flagged };
  }
}
