/**
 * An order's money through the ledger (the orders context's `OrderMoney` port): payment → escrow, refunds before
 * completion from escrow to refunds payable, the provider's refund → clearing, the split at completion into each
 * party's pending account, the release (T+N) to available with debts settled first, and the take-back of a refund
 * after completion, pro rata from every party's share (pending if not released, else available, the shortfall into
 * the party's debt). Every method runs in the caller's transaction and is idempotent by its business key.
 */
import { AppError } from '../errors.ts';
import type { MoneyTx, OrderFacts, OrderMoney } from '../orders/money.port.ts';
import type { OrderRecord, PaymentRecord, RefundRecord } from '../orders/order.types.ts';
import type { Clock } from '../ports/runtime.ts';
import type { LedgerService } from './ledger.service.ts';
import { orderSplit, proRata, releaseDue, settleDebtFirst, takeBack } from './settle.rules.ts';
import {
  type AccountKind,
  type OrderSettlementRecord,
  PLATFORM_PARTY,
  type PostingInput,
  type SplitRole,
  type SplitShareRecord,
} from './settlement.types.ts';

export interface OrderMoneyDeps {
  ledger: LedgerService;
  clock: Clock;
  /** T+N: days after completion the pending shares become available (default 1) */
  settlementDelayDays?: number;
  /** the platform fee where a category has no rate of its own, in basis points (default 500 = 5 %) */
  defaultFeeBp?: number;
}

export const DEFAULT_FEE_BP = 500;
export const DEFAULT_SETTLEMENT_DELAY_DAYS = 1;

const PENDING: Record<SplitRole, AccountKind> = {
  merchant: 'merchant_pending',
  platform: 'platform_fee_revenue',
  streamer: 'streamer_commission_pending',
  mcn: 'mcn_commission_pending',
};
const AVAILABLE: Record<SplitRole, AccountKind> = {
  merchant: 'merchant_available',
  platform: 'platform_fee_revenue',
  streamer: 'streamer_commission_available',
  mcn: 'mcn_commission_available',
};
/** the split's order of listing: the merchant first (it gets a tied fen), then the platform, streamer, MCN */
const ROLES: SplitRole[] = ['merchant', 'platform', 'streamer', 'mcn'];

export class OrderMoneyService implements OrderMoney {
  readonly delayDays: number;
  readonly defaultFeeBp: number;

  constructor(private readonly d: OrderMoneyDeps) {
    this.delayDays = d.settlementDelayDays ?? DEFAULT_SETTLEMENT_DELAY_DAYS;
    this.defaultFeeBp = d.defaultFeeBp ?? DEFAULT_FEE_BP;
  }

  private async acct(tx: MoneyTx, partyId: string, kind: AccountKind): Promise<string> {
    return (await this.d.ledger.openAccount(partyId, kind, tx)).id;
  }

  /** 支付成功 → 待结算: provider clearing −T, escrow +T (a late or duplicate payment under its own key). */
  async paid(tx: MoneyTx, order: OrderRecord, payment: PaymentRecord, late: boolean): Promise<void> {
    await this.d.ledger.postIn(tx, {
      businessKey: late ? `payment:${payment.id}:paid` : `order:${order.id}:paid`,
      kind: late ? 'order.paid_late' : 'order.paid',
      memo: order.orderNo,
      postings: [
        { accountId: await this.acct(tx, PLATFORM_PARTY, 'provider_clearing'), amount: -payment.amountFen },
        { accountId: await this.acct(tx, PLATFORM_PARTY, 'escrow'), amount: payment.amountFen },
      ],
    });
  }

  /**
   * 退款 recorded. Before completion (or a late payment's refund): escrow −R, refunds payable +R. After completion
   * (售后退款): each party's share taken back pro rata (see `takeBackIn`).
   */
  async refundRecorded(tx: MoneyTx, facts: OrderFacts, refund: RefundRecord, late: boolean): Promise<void> {
    if (!late && facts.order.status === 'completed') {
      await this.completed(tx, facts);
      await this.takeBackIn(tx, facts.order.id, refund.id, refund.amountFen);
      return;
    }
    await this.fromEscrow(tx, facts.order, refund);
  }

  private async fromEscrow(tx: MoneyTx, order: OrderRecord, refund: RefundRecord): Promise<void> {
    await this.d.ledger.postIn(tx, {
      businessKey: `refund:${refund.id}`,
      kind: 'refund',
      memo: order.orderNo,
      postings: [
        { accountId: await this.acct(tx, PLATFORM_PARTY, 'escrow'), amount: -refund.amountFen },
        { accountId: await this.acct(tx, PLATFORM_PARTY, 'refunds_payable'), amount: refund.amountFen },
      ],
    });
  }

  /** 退款成功: refunds payable −R, provider clearing +R (a failed refund stays payable). */
  async refundPaid(tx: MoneyTx, refund: RefundRecord): Promise<void> {
    await this.d.ledger.postIn(tx, {
      businessKey: `refund:${refund.id}:paid`,
      kind: 'refund.paid',
      postings: [
        { accountId: await this.acct(tx, PLATFORM_PARTY, 'refunds_payable'), amount: -refund.amountFen },
        { accountId: await this.acct(tx, PLATFORM_PARTY, 'provider_clearing'), amount: refund.amountFen },
      ],
    });
  }

  /**
   * 订单完成 → 分账: escrow −(paid − refunds recorded before completion) into platform fee revenue and the merchant's,
   * streamer's and MCN's pending accounts. Once per order (the settlement row and the business key). For an order
   * whose payment and refunds were never posted (completed before the ledger existed), they are posted first, as
   * the flows would have.
   */
  async completed(tx: MoneyTx, facts: OrderFacts): Promise<void> {
    const o = facts.order;
    if (o.status !== 'completed' || !facts.payment) return;
    if (await tx.settlement.findOrderSettlement(o.id)) return;
    const completedAt = o.completedAt ?? this.d.clock.now();
    await this.paid(tx, o, facts.payment, false);
    // refunds of returns (a return keeps the order from completing) and any recorded before completion
    const before = facts.refunds.filter((r) => r.returnId !== null || r.createdAt < completedAt);
    for (const r of before) {
      await this.fromEscrow(tx, o, r);
      if (r.status === 'succeeded') await this.refundPaid(tx, r);
    }
    const settledFen = facts.payment.amountFen - before.reduce((n, r) => n + r.amountFen, 0);
    const categories = [...new Set(facts.lines.map((l) => l.categoryId))];
    const rates = new Map((await tx.settlement.feeRatesFor(categories)).map((r) => [r.categoryId, r.feeBp]));
    const split = orderSplit(settledFen, facts.lines, (c) => rates.get(c) ?? this.defaultFeeBp, {
      streamer: o.streamerUserId !== null,
      mcn: o.mcnOrgId !== null,
    });
    const partyOf: Record<SplitRole, string | null> = {
      merchant: o.merchantOrgId,
      platform: PLATFORM_PARTY,
      streamer: o.streamerUserId,
      mcn: o.mcnOrgId,
    };
    const shares: SplitShareRecord[] = [];
    for (const role of ROLES) {
      const partyId = partyOf[role];
      if (partyId && split[role] > 0) shares.push({ role, partyId, kind: PENDING[role], amountFen: split[role], reversedFen: 0 });
    }
    const now = this.d.clock.now();
    const record: OrderSettlementRecord = {
      orderId: o.id,
      merchantOrgId: o.merchantOrgId,
      settledFen,
      shares,
      completedAt,
      releaseDueAt: releaseDue(completedAt, this.delayDays),
      releasedAt: null,
      settledAt: now,
      version: 1,
    };
    if (!(await tx.settlement.insertOrderSettlement(record))) return;
    if (settledFen === 0) return;
    const postings: PostingInput[] = [{ accountId: await this.acct(tx, PLATFORM_PARTY, 'escrow'), amount: -settledFen }];
    for (const s of shares) postings.push({ accountId: await this.acct(tx, s.partyId, s.kind), amount: s.amountFen });
    await this.d.ledger.postIn(tx, { businessKey: `order:${o.id}:settled`, kind: 'order.settled', memo: o.orderNo, postings });
  }

  /**
   * 售后退款 in the ledger (the in-transaction form; disputes call it too): `amountFen` of a settled order taken back
   * from every share pro rata to what is left of it (largest remainder, the merchant first on a tie, the platform
   * fee included) — from the party's pending account while the order is not released, else from its available
   * balance, and where that is short the rest goes into the party's debt. Refunds payable +R.
   */
  async takeBackIn(tx: MoneyTx, orderId: string, refundId: string, amountFen: number): Promise<void> {
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new AppError('settlement.refund_amount_invalid', { field: 'amountFen' });
    const key = `refund:${refundId}`;
    if ((await tx.ledger.findEntriesByKeys([key])).length > 0) return;
    const s = await tx.settlement.findOrderSettlement(orderId, { lock: true });
    if (!s) throw new AppError('settlement.order_not_completed', { field: 'id' });
    const left = s.shares.reduce((n, x) => n + x.amountFen - x.reversedFen, 0);
    if (amountFen > left)
      throw new AppError('settlement.refund_exceeds_refundable', { field: 'amountFen', details: { refundableFen: left } });
    const parts = proRata(
      amountFen,
      s.shares.map((x, i) => ({ key: String(i), weight: x.amountFen - x.reversedFen })),
    );
    const postings: PostingInput[] = [];
    const shares = s.shares.map((x) => ({ ...x }));
    for (const [i, x] of shares.entries()) {
      const take = parts.get(String(i)) ?? 0;
      if (take === 0) continue;
      x.reversedFen += take;
      if (!s.releasedAt || x.role === 'platform') {
        postings.push({ accountId: await this.acct(tx, x.partyId, x.kind), amount: -take });
        continue;
      }
      const available = await this.d.ledger.openAccount(x.partyId, AVAILABLE[x.role], tx);
      const [locked] = await tx.ledger.lockAccounts([available.id]);
      const t = takeBack(take, locked?.balance ?? 0);
      if (t.fromAvailable > 0) postings.push({ accountId: available.id, amount: -t.fromAvailable });
      if (t.toDebt > 0) postings.push({ accountId: await this.acct(tx, x.partyId, 'debt'), amount: -t.toDebt });
    }
    postings.push({ accountId: await this.acct(tx, PLATFORM_PARTY, 'refunds_payable'), amount: amountFen });
    await this.d.ledger.postIn(tx, { businessKey: key, kind: 'refund.after_completion', memo: orderId, postings });
    if (!(await tx.settlement.updateOrderSettlement({ ...s, shares, version: s.version + 1 }, s.version)))
      throw new AppError('orders.stale', { field: 'id' });
  }

  /**
   * 结算放款 (T+N): each party's pending share, less what refunds took back, moves to its available account — its
   * debt paid back first. Once per order (`release:<orderId>`). Returns whether it released.
   */
  async releaseIn(tx: MoneyTx, orderId: string): Promise<boolean> {
    const s = await tx.settlement.findOrderSettlement(orderId, { lock: true });
    if (!s || s.releasedAt) return false;
    const postings: PostingInput[] = [];
    for (const x of s.shares) {
      const amount = x.amountFen - x.reversedFen;
      if (x.role === 'platform' || amount <= 0) continue;
      postings.push({ accountId: await this.acct(tx, x.partyId, x.kind), amount: -amount });
      const debt = await this.d.ledger.openAccount(x.partyId, 'debt', tx);
      const [locked] = await tx.ledger.lockAccounts([debt.id]);
      const r = settleDebtFirst(amount, locked?.balance ?? 0);
      if (r.toDebt > 0) postings.push({ accountId: debt.id, amount: r.toDebt });
      if (r.toAvailable > 0) postings.push({ accountId: await this.acct(tx, x.partyId, AVAILABLE[x.role]), amount: r.toAvailable });
    }
    if (postings.length > 0)
      await this.d.ledger.postIn(tx, { businessKey: `release:${orderId}`, kind: 'order.released', memo: orderId, postings });
    const now = this.d.clock.now();
    if (!(await tx.settlement.updateOrderSettlement({ ...s, releasedAt: now, version: s.version + 1 }, s.version)))
      throw new AppError('orders.stale', { field: 'id' });
    return true;
  }
}
