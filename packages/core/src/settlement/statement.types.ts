/**
 * Statements (对账单) in the domain's words: per party and period (a day or a month in China time), for each of the
 * party's accounts the opening balance, every posting of the period with its entry's business key decoded into a
 * reference (an order, a refund, a payout…), the running balance after it, and the closing balance.
 */
import type { AccountKind } from './settlement.types.ts';

/** A period as asked (`2026-12-03` or `2026-12`) and the instants it spans, `[from, to)`. */
export interface StatementPeriod {
  label: string;
  granularity: 'day' | 'month';
  from: Date;
  to: Date;
}

/** What a business key refers to. */
export type StatementRefType =
  | 'order'
  | 'refund'
  | 'payout'
  | 'slot_fee'
  | 'deposit'
  | 'deposit_deduction'
  | 'complaint_payment'
  | 'release'
  | 'reversal'
  | 'other';

/** A business key decoded: the kind of thing it names and that thing's id (e.g. `order:<id>:paid` → order <id>). */
export interface DecodedKey {
  refType: StatementRefType;
  refId: string | null;
  /** the fact's step after the id, e.g. `paid`, `settled`, `failed`; null for none */
  step: string | null;
}

export interface StatementLine {
  postedAt: Date;
  entryId: string;
  seq: number;
  businessKey: string;
  /** the entry's kind (`order.paid`, `refund`, `payout`…) and its Chinese label */
  kind: string;
  kindLabel: string;
  refType: StatementRefType;
  refId: string | null;
  /** what a reader recognizes: the order number for an order, a short number otherwise */
  reference: string;
  memo: string | null;
  /** fen, signed: positive adds to the account */
  amount: number;
  /** the account's balance right after this posting, fen */
  balanceAfter: number;
}

export interface StatementTotals {
  opening: number;
  /** the sum of the period's positive postings */
  credits: number;
  /** the sum of the period's negative postings (a negative number) */
  debits: number;
  closing: number;
  lines: number;
}

export interface AccountStatement extends StatementTotals {
  accountId: string;
  kind: AccountKind;
  kindLabel: string;
  entries: StatementLine[];
}

export interface Statement {
  partyId: string;
  partyName: string;
  period: StatementPeriod;
  accounts: AccountStatement[];
  /** over every account of the statement */
  totals: StatementTotals;
  generatedAt: Date;
}
