/**
 * Pure rules of the finance pages (资金结算 / 收益 / 财务): whose accounts a caller reads, how an account kind is
 * grouped and named, what a business key refers to, the Chinese label of an entry kind, and the calendar days of a
 * period in Asia/Shanghai. No I/O.
 */
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { ACCOUNT_KINDS, PLATFORM_PARTY } from './settlement.types.ts';

export type FinancePartyKind = 'merchant' | 'streamer' | 'mcn';
export type BalanceGroup = 'pending' | 'available' | 'deposit' | 'debt' | 'other';
export type RefType =
  | 'order'
  | 'refund'
  | 'release'
  | 'payout'
  | 'deposit'
  | 'deposit_deduction'
  | 'slot_fee'
  | 'complaint_payment'
  | 'reversal'
  | 'other';

/** A party as the finance pages see it: who it is, and the account kinds its cards show (in card order). */
export interface FinanceParty {
  kind: FinancePartyKind;
  partyId: string;
  /** the kinds always shown (zero when not opened yet) */
  kinds: readonly string[];
  /** the kind income per day is counted into */
  pendingKind: string;
  /** the kind lines default to */
  availableKind: string;
}

/** 欠款: the party's debt, added to the ledger by the money flows (floor none, negative when the party owes). */
export const DEBT_KIND = 'debt';

const PARTY_KINDS: Record<FinancePartyKind, Omit<FinanceParty, 'kind' | 'partyId'>> = {
  merchant: {
    kinds: ['merchant_pending', 'merchant_available', 'merchant_deposit', DEBT_KIND],
    pendingKind: 'merchant_pending',
    availableKind: 'merchant_available',
  },
  streamer: {
    kinds: ['streamer_commission_pending', 'streamer_commission_available', DEBT_KIND],
    pendingKind: 'streamer_commission_pending',
    availableKind: 'streamer_commission_available',
  },
  mcn: {
    kinds: ['mcn_commission_pending', 'mcn_commission_available', 'slot_fees', DEBT_KIND],
    pendingKind: 'mcn_commission_pending',
    availableKind: 'mcn_commission_available',
  },
};

/**
 * The caller's own party: a merchant's staff read their organization's accounts, a streamer its own, an MCN
 * manager its organization's. Anyone else has no party here (auth.forbidden); nobody names another party.
 */
export function financePartyOf(actor: Actor): FinanceParty {
  const of = (kind: FinancePartyKind, partyId: string | null): FinanceParty => {
    if (!partyId) throw new AppError('finance.no_party');
    return { kind, partyId, ...PARTY_KINDS[kind] };
  };
  switch (actor.role) {
    case 'merchant_staff':
      return of('merchant', actor.orgId);
    case 'streamer':
      return of('streamer', actor.userId);
    case 'mcn_manager':
      return of('mcn', actor.orgId);
    default:
      throw new AppError('auth.forbidden');
  }
}

/** The platform's accounts the 财务 page shows, in order. */
export const PLATFORM_KINDS = [
  'escrow',
  'platform_fee_revenue',
  'advance_compensation_fund',
  'refunds_payable',
  'compensation_payable',
  'payouts_in_transit',
  'provider_clearing',
] as const;
export { PLATFORM_PARTY };

export function groupOf(kind: string): BalanceGroup {
  if (kind === DEBT_KIND) return 'debt';
  if (kind === 'merchant_deposit') return 'deposit';
  if (kind.endsWith('_pending')) return 'pending';
  if (kind.endsWith('_available')) return 'available';
  return 'other';
}

/** An account kind's Chinese label (账户名称); a kind this build does not know keeps a neutral label. */
export function accountLabel(kind: string): string {
  if (kind === DEBT_KIND) return '欠款';
  return (ACCOUNT_KINDS as Record<string, { zh: string } | undefined>)[kind]?.zh ?? '其他账户';
}

/** The Chinese label of each entry kind the flows post (分录类型). */
export const ENTRY_KIND_LABELS: Record<string, string> = {
  'order.paid': '订单支付',
  'order.paid_late': '超时后支付（退回买家）',
  'order.settled': '订单结算分账',
  'order.released': '待结算转可提现',
  refund: '退款',
  'refund.paid': '退款到账',
  'refund.after_completion': '完成后退款',
  slot_fee: '坑位费',
  'slot_fee.released': '坑位费结算',
  'slot_fee.returned': '坑位费退回',
  payout: '提现申请',
  'payout.paid': '提现到账',
  'payout.failed': '提现失败退回',
  'payout.rejected': '提现驳回退回',
  'deposit.paid': '缴纳保证金',
  'deposit.deduction': '保证金扣划',
  'compensation.paid': '商家支付投诉赔付',
  'compensation.advanced': '先行赔付',
  'compensation.disbursed': '赔付款支付给消费者',
  'compensation.recovered': '先行赔付追偿',
  transfer: '转账',
  reversal: '冲正',
};

export function entryKindLabel(kind: string): string {
  return ENTRY_KIND_LABELS[kind] ?? '其他';
}

const MACHINE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MACHINE_MEMOS: Record<string, string> = { 'awaiting approval': '待审批' };

/**
 * An entry's memo as a person reads it (备注): the flows wrote an order's or an agreement's id there, which the
 * reference column already names — a bare id is shown as nothing; the payouts' English note in Chinese.
 */
export function displayMemo(memo: string | null): string | null {
  if (memo === null) return null;
  const m = memo.trim();
  if (m === '' || MACHINE_ID.test(m)) return null;
  return MACHINE_MEMOS[m] ?? memo;
}

/** What a business key refers to: its type and the id of the thing (an order, a refund, a payout…). */
export interface BusinessRef {
  type: RefType;
  id: string | null;
}

const REF_PREFIXES: Record<string, RefType> = {
  order: 'order',
  release: 'release',
  refund: 'refund',
  payout: 'payout',
  deposit: 'deposit',
  deposit_deduction: 'deposit_deduction',
  slot_fee: 'slot_fee',
  complaint_payment: 'complaint_payment',
  reversal: 'reversal',
};

/**
 * Decodes a business key (`order:<id>:paid`, `refund:<id>`, `release:<orderId>`, `payout:<id>:paid`,
 * `slot_fee:<agreementId>:v<n>`, `reversal:<entryId>`…) into its type and id. Anything else is `other`.
 */
export function parseBusinessKey(key: string): BusinessRef {
  const [prefix, id] = key.split(':');
  const type = prefix ? REF_PREFIXES[prefix] : undefined;
  if (!type || !id) return { type: 'other', id: null };
  return { type, id };
}

/** The order a reference names directly (an order's payment or split, its release). */
export function orderIdOf(ref: BusinessRef): string | null {
  return ref.type === 'order' || ref.type === 'release' ? ref.id : null;
}

const DAY_MS = 86_400_000;
/** China keeps UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The last `days` calendar days in Asia/Shanghai up to and including today: the instants the period starts and
 * ends at (the start of the day after today), and every day's `YYYY-MM-DD`, oldest first.
 */
export function shanghaiPeriod(now: Date, days: number): { from: Date; to: Date; days: string[] } {
  const todayStart = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  const from = todayStart - (days - 1) * DAY_MS;
  const list = Array.from({ length: days }, (_, i) => shanghaiDay(new Date(from + i * DAY_MS)));
  return { from: new Date(from), to: new Date(todayStart + DAY_MS), days: list };
}

/** Every day of the period with its amount (zero when the repository found nothing that day), and the total. */
export function fillDays(
  days: string[],
  rows: Array<{ day: string; amount: number }>,
): { days: Array<{ day: string; amountFen: number }>; totalFen: number } {
  const by = new Map(rows.map((r) => [r.day, r.amount]));
  const filled = days.map((day) => ({ day, amountFen: by.get(day) ?? 0 }));
  return { days: filled, totalFen: filled.reduce((n, d) => n + d.amountFen, 0) };
}
