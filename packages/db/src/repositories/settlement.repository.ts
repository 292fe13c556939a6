/** Drizzle implementation of the ledger port: accounts, entries with unique business keys, postings. */
import type {
  AccountKind,
  AccountLine,
  FeeRateRecord,
  LedgerAccountRecord,
  LedgerAggregates,
  LedgerEntry,
  LedgerEntryRecord,
  LedgerPostingRecord,
  LedgerRepository,
  LineCursor,
  OrderSettlementRecord,
  SettlementRepository,
  SlotFeeRecord,
} from '@livehub/core';
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { ledgerAccounts, ledgerEntries, ledgerPostings, orderSettlements, platformFeeRates, slotFeeCharges } from '../schema/settlement.ts';
import { bulkInsert, bulkInsertSql } from './bulk-insert.ts';

type Rows<T> = { rows: T[] };
const num = (v: unknown): number => Number(v ?? 0);

export class DrizzleLedgerRepository implements LedgerRepository {
  constructor(private readonly db: Db) {}

  async openAccount(a: LedgerAccountRecord): Promise<LedgerAccountRecord> {
    await this.db
      .insert(ledgerAccounts)
      .values(a)
      .onConflictDoNothing({ target: [ledgerAccounts.partyId, ledgerAccounts.kind] });
    return (await this.findAccountFor(a.partyId, a.kind)) as LedgerAccountRecord;
  }
  async findAccount(id: string): Promise<LedgerAccountRecord | null> {
    const [row] = await this.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, id)).limit(1);
    return (row as LedgerAccountRecord | undefined) ?? null;
  }
  async findAccountFor(partyId: string, kind: AccountKind): Promise<LedgerAccountRecord | null> {
    const [row] = await this.db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.partyId, partyId), eq(ledgerAccounts.kind, kind)))
      .limit(1);
    return (row as LedgerAccountRecord | undefined) ?? null;
  }
  async listAccounts(partyId: string): Promise<LedgerAccountRecord[]> {
    return (await this.db
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.partyId, partyId))
      .orderBy(asc(ledgerAccounts.kind))) as LedgerAccountRecord[];
  }
  async closeAccount(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(ledgerAccounts)
      .set({ status: 'closed', closedAt: at, version: sql`${ledgerAccounts.version} + 1` })
      .where(and(eq(ledgerAccounts.id, id), eq(ledgerAccounts.status, 'open'), eq(ledgerAccounts.balance, 0)))
      .returning({ id: ledgerAccounts.id });
    return rows.length === 1;
  }

  async insertEntries(entries: LedgerEntryRecord[]): Promise<Set<string>> {
    const keys = await bulkInsert(this.db, ledgerEntries, entries, {
      onConflictDoNothing: [ledgerEntries.businessKey],
      returning: ledgerEntries.businessKey,
    });
    return new Set(keys as string[]);
  }
  async findEntriesByKeys(keys: string[]): Promise<LedgerEntry[]> {
    if (keys.length === 0) return [];
    const entries = await this.db.select().from(ledgerEntries).where(inArray(ledgerEntries.businessKey, keys));
    return this.withPostings(entries);
  }
  async findEntry(id: string): Promise<LedgerEntry | null> {
    const entries = await this.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)).limit(1);
    return (await this.withPostings(entries))[0] ?? null;
  }
  private async withPostings(entries: LedgerEntryRecord[]): Promise<LedgerEntry[]> {
    if (entries.length === 0) return [];
    const postings = await this.db
      .select()
      .from(ledgerPostings)
      .where(
        inArray(
          ledgerPostings.entryId,
          entries.map((e) => e.id),
        ),
      )
      .orderBy(asc(ledgerPostings.entryId), asc(ledgerPostings.seq));
    const by = new Map<string, LedgerPostingRecord[]>();
    for (const p of postings) by.set(p.entryId, [...(by.get(p.entryId) ?? []), p]);
    return entries.map((e) => ({ ...e, postings: by.get(e.id) ?? [] }));
  }

  async lockAccounts(ids: string[]): Promise<LedgerAccountRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db
      .select()
      .from(ledgerAccounts)
      .where(sql`${ledgerAccounts.id} = any(${sql.param(ids)}::uuid[])`)
      .orderBy(asc(ledgerAccounts.id))
      .for('update')) as LedgerAccountRecord[];
  }
  async writePostings(changes: Array<{ accountId: string; delta: number }>, postings: LedgerPostingRecord[]): Promise<string[]> {
    if (changes.length === 0 && postings.length === 0) return [];
    const ids = changes.map((c) => c.accountId);
    const deltas = changes.map((c) => c.delta);
    // one round trip while the accounts are locked: the guarded UPDATE and the postings' INSERT together
    const insert = postings.length > 0 ? sql`, p as (${bulkInsertSql(ledgerPostings, postings)})` : sql``;
    const r = (await this.db.execute(sql`
      with u as (
        update ledger_accounts a set balance = a.balance + d.delta, version = a.version + 1
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(deltas)}::bigint[]) as d(id, delta)
        where a.id = d.id and a.status = 'open' and (a.floor is null or a.balance + d.delta >= a.floor)
        returning a.id)${insert}
      select id from u`)) as unknown as Rows<{ id: string }>;
    return r.rows.map((row) => row.id);
  }

  /** A posting with its entry's key, kind and memo: an account line (the statement's and the pages' row). */
  private selectLines() {
    return this.db
      .select({
        entryId: ledgerPostings.entryId,
        seq: ledgerPostings.seq,
        accountId: ledgerPostings.accountId,
        amount: ledgerPostings.amount,
        balanceAfter: ledgerPostings.balanceAfter,
        postedAt: ledgerPostings.postedAt,
        businessKey: ledgerEntries.businessKey,
        kind: ledgerEntries.kind,
        memo: ledgerEntries.memo,
      })
      .from(ledgerPostings)
      .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerPostings.entryId));
  }

  async listLines(accountId: string, opts: { before?: LineCursor; limit: number }): Promise<AccountLine[]> {
    const b = opts.before;
    const rows = await this.selectLines()
      .where(
        and(
          eq(ledgerPostings.accountId, accountId),
          b
            ? or(
                lt(ledgerPostings.postedAt, b.postedAt),
                and(eq(ledgerPostings.postedAt, b.postedAt), lt(ledgerPostings.entryId, b.entryId)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(ledgerPostings.postedAt), desc(ledgerPostings.entryId), desc(ledgerPostings.seq))
      .limit(opts.limit);
    return rows;
  }

  async incomeByDay(accountIds: string[], from: Date, to: Date): Promise<Array<{ day: string; amount: number }>> {
    if (accountIds.length === 0) return [];
    // China keeps UTC+8 all year: the day is the UTC instant moved by eight hours (no time zone database needed)
    const day = sql<string>`to_char((${ledgerPostings.postedAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
    const rows = await this.db
      .select({ day, amount: sql<string>`sum(${ledgerPostings.amount})` })
      .from(ledgerPostings)
      .where(
        and(
          sql`${ledgerPostings.accountId} = any(${sql.param(accountIds)}::uuid[])`,
          sql`${ledgerPostings.amount} > 0`,
          gte(ledgerPostings.postedAt, from),
          lt(ledgerPostings.postedAt, to),
        ),
      )
      .groupBy(day)
      .orderBy(day);
    return rows.map((r) => ({ day: String(r.day), amount: num(r.amount) }));
  }

  async listLinesBetween(accountId: string, from: Date, to: Date): Promise<AccountLine[]> {
    return this.selectLines()
      .where(and(eq(ledgerPostings.accountId, accountId), gte(ledgerPostings.postedAt, from), lt(ledgerPostings.postedAt, to)))
      .orderBy(asc(ledgerPostings.postedAt), asc(ledgerPostings.entryId), asc(ledgerPostings.seq));
  }

  async balanceAt(accountId: string, at: Date): Promise<number> {
    const [row] = await this.db
      .select({ balanceAfter: ledgerPostings.balanceAfter })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.accountId, accountId), lt(ledgerPostings.postedAt, at)))
      .orderBy(desc(ledgerPostings.postedAt), desc(ledgerPostings.entryId), desc(ledgerPostings.seq))
      .limit(1);
    return row?.balanceAfter ?? 0;
  }

  async listEntriesOfKinds(kinds: string[], from: Date, to: Date): Promise<LedgerEntry[]> {
    if (kinds.length === 0) return [];
    const entries = await this.db
      .select()
      .from(ledgerEntries)
      .where(and(inArray(ledgerEntries.kind, kinds), gte(ledgerEntries.postedAt, from), lt(ledgerEntries.postedAt, to)))
      .orderBy(asc(ledgerEntries.postedAt), asc(ledgerEntries.id));
    return this.withPostings(entries);
  }

  async aggregates(limit: number): Promise<LedgerAggregates> {
    const counts = (await this.db.execute(sql`
      select (select count(*) from ledger_accounts) as accounts,
             (select count(*) from ledger_entries) as entries,
             (select count(*) from ledger_postings) as postings,
             (select coalesce(sum(balance), 0) from ledger_accounts) as balance_total`)) as unknown as Rows<Record<string, unknown>>;
    const unbalanced = (await this.db.execute(sql`
      select e.id as entry_id, coalesce(sum(p.amount), 0) as sum, count(p.entry_id) as postings
      from ledger_entries e left join ledger_postings p on p.entry_id = e.id
      group by e.id having coalesce(sum(p.amount), 0) <> 0 or count(p.entry_id) < 2
      order by e.id limit ${limit}`)) as unknown as Rows<Record<string, unknown>>;
    const drifted = (await this.db.execute(sql`
      select a.id as account_id, a.balance, coalesce(s.total, 0) as postings_sum
      from ledger_accounts a left join (select account_id, sum(amount) as total from ledger_postings group by account_id) s
        on s.account_id = a.id
      where a.balance <> coalesce(s.total, 0)
      order by a.id limit ${limit}`)) as unknown as Rows<Record<string, unknown>>;
    const below = (await this.db.execute(sql`
      select id as account_id, balance, floor from ledger_accounts
      where floor is not null and balance < floor order by id limit ${limit}`)) as unknown as Rows<Record<string, unknown>>;
    const c = counts.rows[0] ?? {};
    return {
      accounts: num(c.accounts),
      entries: num(c.entries),
      postings: num(c.postings),
      balanceTotal: num(c.balance_total),
      unbalancedEntries: unbalanced.rows.map((r) => ({ entryId: String(r.entry_id), sum: num(r.sum), postings: num(r.postings) })),
      driftedAccounts: drifted.rows.map((r) => ({
        accountId: String(r.account_id),
        balance: num(r.balance),
        postingsSum: num(r.postings_sum),
      })),
      belowFloor: below.rows.map((r) => ({ accountId: String(r.account_id), balance: num(r.balance), floor: num(r.floor) })),
    };
  }
}

/** Drizzle implementation of the money flows' records: fee rates and order settlements. */
export class DrizzleSettlementRepository implements SettlementRepository {
  constructor(private readonly db: Db) {}

  async listFeeRates(): Promise<FeeRateRecord[]> {
    return (await this.db.select().from(platformFeeRates).orderBy(asc(platformFeeRates.categoryId))) as FeeRateRecord[];
  }
  async feeRatesFor(categoryIds: string[]): Promise<FeeRateRecord[]> {
    if (categoryIds.length === 0) return [];
    return (await this.db.select().from(platformFeeRates).where(inArray(platformFeeRates.categoryId, categoryIds))) as FeeRateRecord[];
  }
  async putFeeRate(r: FeeRateRecord): Promise<void> {
    await this.db
      .insert(platformFeeRates)
      .values(r)
      .onConflictDoUpdate({ target: platformFeeRates.categoryId, set: { feeBp: r.feeBp, updatedBy: r.updatedBy, updatedAt: r.updatedAt } });
  }
  async insertOrderSettlement(s: OrderSettlementRecord): Promise<boolean> {
    const rows = await this.db
      .insert(orderSettlements)
      .values(s)
      .onConflictDoNothing({ target: orderSettlements.orderId })
      .returning({ id: orderSettlements.orderId });
    return rows.length === 1;
  }
  async findOrderSettlement(orderId: string, opts: { lock?: boolean } = {}): Promise<OrderSettlementRecord | null> {
    const q = this.db.select().from(orderSettlements).where(eq(orderSettlements.orderId, orderId)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as OrderSettlementRecord | undefined) ?? null;
  }
  async settledOrderIds(orderIds: string[]): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const rows = await this.db
      .select({ id: orderSettlements.orderId })
      .from(orderSettlements)
      .where(inArray(orderSettlements.orderId, orderIds));
    return new Set(rows.map((r) => r.id));
  }
  async updateOrderSettlement(s: OrderSettlementRecord, expected: number): Promise<boolean> {
    const rows = await this.db
      .update(orderSettlements)
      .set({ shares: s.shares, releasedAt: s.releasedAt, version: s.version })
      .where(and(eq(orderSettlements.orderId, s.orderId), eq(orderSettlements.version, expected)))
      .returning({ id: orderSettlements.orderId });
    return rows.length === 1;
  }
  async listReleaseDue(at: Date, limit: number): Promise<OrderSettlementRecord[]> {
    return (await this.db
      .select()
      .from(orderSettlements)
      .where(and(isNull(orderSettlements.releasedAt), lte(orderSettlements.releaseDueAt, at)))
      .orderBy(asc(orderSettlements.releaseDueAt), asc(orderSettlements.orderId))
      .limit(limit)) as OrderSettlementRecord[];
  }
  async insertSlotFee(f: SlotFeeRecord): Promise<boolean> {
    const rows = await this.db
      .insert(slotFeeCharges)
      .values(f)
      .onConflictDoNothing({ target: [slotFeeCharges.agreementId, slotFeeCharges.version] })
      .returning({ id: slotFeeCharges.agreementId });
    return rows.length === 1;
  }
  async listHeldSlotFees(agreementId: string, opts: { lock?: boolean } = {}): Promise<SlotFeeRecord[]> {
    const q = this.db
      .select()
      .from(slotFeeCharges)
      .where(and(eq(slotFeeCharges.agreementId, agreementId), eq(slotFeeCharges.status, 'held')))
      .orderBy(asc(slotFeeCharges.version));
    return (opts.lock ? await q.for('update') : await q) as SlotFeeRecord[];
  }
  async listSlotFeesDue(at: Date, limit: number): Promise<SlotFeeRecord[]> {
    return (await this.db
      .select()
      .from(slotFeeCharges)
      .where(and(eq(slotFeeCharges.status, 'held'), lte(slotFeeCharges.startsAt, at)))
      .orderBy(asc(slotFeeCharges.startsAt), asc(slotFeeCharges.agreementId))
      .limit(limit)) as SlotFeeRecord[];
  }
  async settleSlotFee(agreementId: string, version: number, status: 'released' | 'returned', at: Date): Promise<boolean> {
    const rows = await this.db
      .update(slotFeeCharges)
      .set({ status, settledAt: at })
      .where(and(eq(slotFeeCharges.agreementId, agreementId), eq(slotFeeCharges.version, version), eq(slotFeeCharges.status, 'held')))
      .returning({ id: slotFeeCharges.agreementId });
    return rows.length === 1;
  }
}
