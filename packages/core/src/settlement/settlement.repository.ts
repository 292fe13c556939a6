/**
 * The settlement context's repository port: the ledger's accounts, entries and postings. Every write method runs in
 * the caller's transaction; `LedgerService` posts through `postEntries`, one statement that inserts the entries,
 * locks their accounts in id order and writes balances and postings, so a post is all-or-nothing and concurrent
 * posts serialize on the accounts they share. The finer steps (`insertEntries`, `lockAccounts`, `writePostings`)
 * stay for flows that must lock an account before deciding what to post.
 */
import type {
  AccountKind,
  AccountLine,
  FeeRateRecord,
  LedgerAccountRecord,
  LedgerAggregates,
  LedgerEntry,
  LedgerEntryRecord,
  LedgerPostingRecord,
  LineCursor,
  OrderSettlementRecord,
  PostedBatch,
  SlotFeeRecord,
} from './settlement.types.ts';

export interface LedgerRepository {
  /**
   * Inserts the account unless the party already has one of its kind, and the shards of a hot account (ids for
   * shards 1…n−1, ADR 0015) unless they exist; returns the stored account either way, with the ids of all its rows
   * (itself first, then its shards).
   */
  openAccount(a: LedgerAccountRecord, shardIds?: string[]): Promise<LedgerAccountRecord & { shardIds: string[] }>;
  /**
   * Reads give an account's balance as the sum of its shards' (a shard read by its own id is itself); lines and
   * balances at a date cover all its shards, with the account's running balance.
   */
  findAccount(id: string): Promise<LedgerAccountRecord | null>;
  findAccountFor(partyId: string, kind: AccountKind): Promise<LedgerAccountRecord | null>;
  /** a party's accounts, by kind (without their shards) */
  listAccounts(partyId: string): Promise<LedgerAccountRecord[]>;
  /** for each id, the account it belongs to: itself, or the account a shard is part of (unknown ids left out) */
  headsOf(ids: string[]): Promise<Map<string, string>>;
  /** closes an open account whose balance is zero; returns whether it did */
  closeAccount(id: string, at: Date): Promise<boolean>;
  /**
   * Inserts the entries whose business key is new (ON CONFLICT DO NOTHING, in the order given) and returns the
   * keys it inserted. A concurrent transaction inserting the same key waits for this one and then skips it.
   */
  insertEntries(entries: LedgerEntryRecord[]): Promise<Set<string>>;
  /** the entries (with their postings, in order) stored under these business keys */
  findEntriesByKeys(keys: string[]): Promise<LedgerEntry[]>;
  findEntry(id: string): Promise<LedgerEntry | null>;
  /**
   * Locks the accounts (SELECT … FOR UPDATE) in ascending id order — every transaction locks in the same order, so
   * two posts over the same accounts cannot deadlock — and returns them as locked (unknown ids are left out).
   */
  lockAccounts(ids: string[]): Promise<LedgerAccountRecord[]>;
  /**
   * In one statement: adds each delta to its account, only where the account is open and the new balance stays at
   * or above its floor (`balance + delta >= floor` in the UPDATE itself), and inserts the postings. Returns the ids
   * of the accounts it changed (fewer than asked: the caller must roll back).
   */
  writePostings(changes: Array<{ accountId: string; delta: number }>, postings: LedgerPostingRecord[]): Promise<string[]>;
  /**
   * The posting path in one statement: inserts the entries whose business key is new (as `insertEntries`), locks
   * the accounts their postings touch in ascending id order (as `lockAccounts`), applies each account's net delta
   * under the same guard as `writePostings`, and inserts those postings with their running balance (in the order
   * given). Returns the keys it inserted and, for each account touched, its state as locked before the change and
   * whether the UPDATE changed it. Nothing here refuses: the caller checks that state and rolls back.
   */
  postEntries(
    entries: LedgerEntryRecord[],
    postings: Array<Pick<LedgerPostingRecord, 'entryId' | 'seq' | 'accountId' | 'amount'>>,
    postedAt: Date,
  ): Promise<PostedBatch>;
  /** an account's lines newest first by (postedAt, entryId), keyset paging after `before` */
  listLines(accountId: string, opts: { before?: LineCursor; limit: number }): Promise<AccountLine[]>;
  /**
   * Σ of the positive postings into these accounts per Asia/Shanghai calendar day (UTC+8, no daylight saving), for
   * postings at or after `from` and before `to`; days with nothing are left out, oldest first.
   */
  incomeByDay(accountIds: string[], from: Date, to: Date): Promise<Array<{ day: string; amount: number }>>;
  /**
   * An account's lines posted in `[from, to)`, in posting order: oldest first by (postedAt, entryId, seq) — the
   * order `balanceAfter` was computed in (entry ids are time-ordered and issued in posting order).
   */
  /** an account's money in and out per entry kind, over its whole history (the fund's payouts and recoveries) */
  totalsByEntryKind(accountId: string): Promise<Array<{ kind: string; inFen: number; outFen: number; entries: number }>>;
  listLinesBetween(accountId: string, from: Date, to: Date): Promise<AccountLine[]>;
  /** the account's balance at an instant: the `balanceAfter` of its last posting before `at`; 0 before the first */
  balanceAt(accountId: string, at: Date): Promise<number>;
  /** the entries of these kinds posted in `[from, to)`, with their postings (reconciliation reads a day's payments) */
  listEntriesOfKinds(kinds: string[], from: Date, to: Date): Promise<LedgerEntry[]>;
  /** the whole ledger checked in aggregate: entries that do not sum to zero, balances that drift from their postings */
  aggregates(limit: number): Promise<LedgerAggregates>;
}

/** The money flows' own records: fee rates per category and each order's settlement (its split and release). */
export interface SettlementRepository {
  listFeeRates(): Promise<FeeRateRecord[]>;
  /** the rates of these categories (missing ones: the default rate applies) */
  feeRatesFor(categoryIds: string[]): Promise<FeeRateRecord[]>;
  /** inserts or replaces a category's rate */
  putFeeRate(r: FeeRateRecord): Promise<void>;
  /** inserts the settlement unless the order has one; returns whether it did */
  insertOrderSettlement(s: OrderSettlementRecord): Promise<boolean>;
  findOrderSettlement(orderId: string, opts?: { lock?: boolean }): Promise<OrderSettlementRecord | null>;
  /** which of these orders have a settlement */
  settledOrderIds(orderIds: string[]): Promise<Set<string>>;
  /** writes shares and releasedAt when the stored version is `expected`; returns whether it did */
  updateOrderSettlement(s: OrderSettlementRecord, expected: number): Promise<boolean>;
  /** settlements due for release (releaseDueAt ≤ at, not released), oldest first */
  listReleaseDue(at: Date, limit: number): Promise<OrderSettlementRecord[]>;
  /** inserts the slot fee unless the agreement version has one; returns whether it did */
  insertSlotFee(f: SlotFeeRecord): Promise<boolean>;
  /** an agreement's slot fees still held (locked with `lock`) */
  listHeldSlotFees(agreementId: string, opts?: { lock?: boolean }): Promise<SlotFeeRecord[]>;
  /** held slot fees whose start has come (startsAt ≤ at), oldest first */
  listSlotFeesDue(at: Date, limit: number): Promise<SlotFeeRecord[]>;
  /** moves a held fee to released or returned; returns whether it was still held */
  settleSlotFee(agreementId: string, version: number, status: 'released' | 'returned', at: Date): Promise<boolean>;
}
