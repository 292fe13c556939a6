/**
 * The finance read API (资金结算 / 收益 / 财务): a party's balances, its account lines, its income per day, a
 * streamer's or MCN's commission, the platform's accounts and the advance-compensation fund. Money is integer fen.
 * Every read is of the caller's own party (merchant staff → its organization, streamer → itself, MCN manager → its
 * organization): no request names a party.
 */
import { z } from 'zod';

/** How a balance card groups an account: 待结算, 可提现, 保证金, 欠款, or another kind the party holds. */
export const BALANCE_GROUPS = ['pending', 'available', 'deposit', 'debt', 'other'] as const;
export type BalanceGroup = (typeof BALANCE_GROUPS)[number];

/** Who a party is to the finance pages. */
export const FINANCE_PARTY_KINDS = ['merchant', 'streamer', 'mcn'] as const;
export type FinancePartyKind = (typeof FINANCE_PARTY_KINDS)[number];

/** What a line's business key refers to, decoded for a human: an order (by its number), a refund of an order, a payout… */
export const FINANCE_REF_TYPES = [
  'order',
  'refund',
  'release',
  'payout',
  'deposit',
  'deposit_deduction',
  'slot_fee',
  'complaint_payment',
  'reversal',
  'other',
] as const;
export type FinanceRefType = (typeof FINANCE_REF_TYPES)[number];

const accountKind = z.string().regex(/^[a-z][a-z_]{1,59}$/, { error: 'an account kind' });

export const financeBalanceSchema = z.object({
  kind: z.string(),
  /** the kind's Chinese label (账户名称) */
  label: z.string(),
  group: z.enum(BALANCE_GROUPS),
  balanceFen: z.number().int(),
});
export type FinanceBalance = z.infer<typeof financeBalanceSchema>;

export const financeBalancesSchema = z.object({
  party: z.object({ kind: z.enum(FINANCE_PARTY_KINDS), name: z.string() }),
  accounts: z.array(financeBalanceSchema),
  /** Σ balances per group (debt negative when the party owes) */
  totals: z.object({
    pendingFen: z.number().int(),
    availableFen: z.number().int(),
    depositFen: z.number().int(),
    debtFen: z.number().int(),
  }),
});
export type FinanceBalances = z.infer<typeof financeBalancesSchema>;

export const financeLineSchema = z.object({
  entryId: z.string(),
  seq: z.number().int(),
  postedAt: z.string(),
  amountFen: z.number().int(),
  balanceAfterFen: z.number().int(),
  /** the entry's kind (order.settled…) and its Chinese label */
  entryKind: z.string(),
  entryKindLabel: z.string(),
  /** what the line is about: its type, and the order number when it is about an order (a refund: the refunded order) */
  ref: z.object({ type: z.enum(FINANCE_REF_TYPES), orderNo: z.string().nullable() }),
  memo: z.string().nullable(),
});
export type FinanceLine = z.infer<typeof financeLineSchema>;

/** The next page: lines posted before `before`, or at it with a smaller entry id than `beforeEntryId`. */
const lineCursor = {
  before: z.iso.datetime().optional(),
  beforeEntryId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

/** `before` and `beforeEntryId` come together (the last line of the page before) or not at all. */
const cursorWhole = (q: { before?: string | undefined; beforeEntryId?: string | undefined }) => !q.before === !q.beforeEntryId;
const cursorIssue = { path: ['beforeEntryId'], error: 'before and beforeEntryId go together' };

export const financeLinesQuerySchema = z
  .strictObject({
    /** which of the caller's accounts (its available account when absent) */
    kind: accountKind.optional(),
    ...lineCursor,
  })
  .refine(cursorWhole, cursorIssue);
export type FinanceLinesQuery = z.input<typeof financeLinesQuerySchema>;

export const financeLinePageSchema = z.object({
  kind: z.string(),
  items: z.array(financeLineSchema),
  /** the cursor of the next page; null on the last */
  next: z.object({ before: z.string(), beforeEntryId: z.string() }).nullable(),
});
export type FinanceLinePage = z.infer<typeof financeLinePageSchema>;

export const financeDaysQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
});
export type FinanceDaysQuery = z.input<typeof financeDaysQuerySchema>;

/** Σ positive postings per Asia/Shanghai calendar day, oldest first, every day present (zero when nothing came in). */
export const financeDailySchema = z.object({
  days: z.array(z.object({ day: z.string(), amountFen: z.number().int() })),
  totalFen: z.number().int(),
});
export type FinanceDaily = z.infer<typeof financeDailySchema>;

export const commissionRowSchema = z.object({
  /** session title or product title */
  title: z.string(),
  orders: z.number().int(),
  /** Σ price × kept quantity of the lines */
  gmvFen: z.number().int(),
  /** Σ line commission, less what was taken back on returns (the pool the streamer and MCN share) */
  commissionFen: z.number().int(),
  /** when the latest of these orders was paid */
  lastPaidAt: z.string().nullable(),
});
export type CommissionRow = z.infer<typeof commissionRowSchema>;

export const financeCommissionSchema = z.object({
  bySession: z.array(commissionRowSchema),
  byProduct: z.array(commissionRowSchema),
});
export type FinanceCommission = z.infer<typeof financeCommissionSchema>;

export const ledgerVerifySummarySchema = z.object({
  ok: z.boolean(),
  accounts: z.number().int(),
  entries: z.number().int(),
  postings: z.number().int(),
  balanceTotalFen: z.number().int(),
  unbalancedEntries: z.number().int(),
  driftedAccounts: z.number().int(),
  belowFloor: z.number().int(),
  /** postings without their entry or account (the postings table has no foreign keys; must be 0) */
  orphanPostings: z.number().int(),
});
export type LedgerVerifySummary = z.infer<typeof ledgerVerifySummarySchema>;

export const financePlatformSchema = z.object({
  accounts: z.array(financeBalanceSchema),
  feeIncome: financeDailySchema,
  verify: ledgerVerifySummarySchema,
});
export type FinancePlatform = z.infer<typeof financePlatformSchema>;

export const fundQuerySchema = z.strictObject(lineCursor).refine(cursorWhole, cursorIssue);
export type FundQuery = z.input<typeof fundQuerySchema>;

/** 先行赔付金: the fund's balance and its movements, newest first. */
export const financeFundSchema = z.object({
  balanceFen: z.number().int(),
  /** 警戒线: the balance below which the fund raises an alert */
  floorFen: z.number().int(),
  belowFloor: z.boolean(),
  totals: z.object({
    /** in: merchants' deposits deducted for compensation */
    depositDeductionsFen: z.number().int(),
    /** out: 先行赔付 paid to consumers */
    advancedFen: z.number().int(),
    advances: z.number().int(),
    /** in: 追偿 recovered from merchants */
    recoveredFen: z.number().int(),
    recoveries: z.number().int(),
  }),
  /** money in and out per entry kind, with its Chinese label */
  byKind: z.array(
    z.object({ kind: z.string(), label: z.string(), inFen: z.number().int(), outFen: z.number().int(), entries: z.number().int() }),
  ),
  lines: financeLinePageSchema,
});
export type FinanceFund = z.infer<typeof financeFundSchema>;
