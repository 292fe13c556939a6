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
  PostedBatch,
  SettlementRepository,
  SlotFeeRecord,
} from '@livehub/core';
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { ledgerAccounts, ledgerEntries, ledgerPostings, orderSettlements, platformFeeRates, slotFeeCharges } from '../schema/settlement.ts';
import { bulkInsert, bulkInsertSql } from './bulk-insert.ts';

type Rows<T> = { rows: T[] };
const num = (v: unknown): number => Number(v ?? 0);

export class DrizzleLedgerRepository implements LedgerRepository {
  constructor(private readonly db: Db) {}

  async openAccount(a: LedgerAccountRecord, shardIds: string[] = []): Promise<LedgerAccountRecord & { shardIds: string[] }> {
    const rows = [a, ...shardIds.map((id, i) => ({ ...a, id, shard: i + 1 }))];
    await this.db
      .insert(ledgerAccounts)
      .values(rows)
      .onConflictDoNothing({ target: [ledgerAccounts.partyId, ledgerAccounts.kind, ledgerAccounts.shard] });
    const stored = await this.accounts(and(eq(ledgerAccounts.partyId, a.partyId), eq(ledgerAccounts.kind, a.kind)));
    const head = stored.find((r) => r.shard === 0) as LedgerAccountRecord;
    return { ...head, shardIds: stored.map((r) => r.id) };
  }
  /**
   * Accounts as the callers see them: an account's balance is the sum of its shards' (ADR 0015; a shard read by
   * its own id is itself). One statement, so the sum is of one snapshot.
   */
  private async accounts(where: SQL | undefined): Promise<LedgerAccountRecord[]> {
    const rows = await this.db
      .select({
        ...getTableColumns(ledgerAccounts),
        // qualified by hand: drizzle leaves a one-table select's columns bare, which inside the subquery would name s's
        total: sql<string>`(select coalesce(sum(s.balance), 0) from ledger_accounts s
          where s.party_id = ledger_accounts.party_id and s.kind = ledger_accounts.kind)`,
      })
      .from(ledgerAccounts)
      .where(where)
      .orderBy(asc(ledgerAccounts.kind), asc(ledgerAccounts.shard));
    return rows.map(({ total, ...r }) => ({ ...r, balance: r.shard === 0 ? num(total) : r.balance }) as LedgerAccountRecord);
  }
  async findAccount(id: string): Promise<LedgerAccountRecord | null> {
    return (await this.accounts(eq(ledgerAccounts.id, id)))[0] ?? null;
  }
  async findAccountFor(partyId: string, kind: AccountKind): Promise<LedgerAccountRecord | null> {
    return (
      (await this.accounts(and(eq(ledgerAccounts.partyId, partyId), eq(ledgerAccounts.kind, kind), eq(ledgerAccounts.shard, 0))))[0] ?? null
    );
  }
  async listAccounts(partyId: string): Promise<LedgerAccountRecord[]> {
    return this.accounts(and(eq(ledgerAccounts.partyId, partyId), eq(ledgerAccounts.shard, 0)));
  }
  async headsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = (await this.db.execute(sql`
      select s.id, h.id as head from ledger_accounts s
      join ledger_accounts h on h.party_id = s.party_id and h.kind = s.kind and h.shard = 0
      where s.id = any(${sql.param(ids)}::uuid[])`)) as unknown as Rows<{ id: string; head: string }>;
    return new Map(r.rows.map((row) => [row.id, row.head]));
  }
  /** The rows an account's postings are on: itself and, for a hot account, its shards (a shard: only itself). */
  private async rowsOf(accountIds: string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const r = (await this.db.execute(sql`
      select s.id from ledger_accounts h
      join ledger_accounts s on s.party_id = h.party_id and s.kind = h.kind and (h.shard = 0 or s.id = h.id)
      where h.id = any(${sql.param(accountIds)}::uuid[])`)) as unknown as Rows<{ id: string }>;
    return r.rows.map((row) => row.id);
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

  async postEntries(
    entries: LedgerEntryRecord[],
    postings: Array<Pick<LedgerPostingRecord, 'entryId' | 'seq' | 'accountId' | 'amount'>>,
    postedAt: Date,
  ): Promise<PostedBatch> {
    if (entries.length === 0) return { inserted: new Set(), accounts: [] };
    // One round trip to ledger_post() (migration 0020): the entries whose key is new; their postings (in the order
    // given); the accounts those touch, locked in id order; the guarded balance UPDATE; the postings with their
    // running balance. The caller checks the accounts' state as locked and rolls back on anything wrong.
    // one array parameter per column, typed for the function's signature
    const col = <T>(rows: readonly T[], type: string, pick: (row: T) => unknown) => sql`${sql.param(rows.map(pick))}::${sql.raw(type)}[]`;
    const r = (await this.db.execute(sql`
      select r_type as t, r_key as k, r_balance as balance, r_floor as floor, r_status as status, r_changed as changed
      from ledger_post(
        ${col(entries, 'uuid', (x) => x.id)}, ${col(entries, 'text', (x) => x.businessKey)}, ${col(entries, 'text', (x) => x.kind)},
        ${col(entries, 'text', (x) => x.memo ?? null)}, ${col(entries, 'uuid', (x) => x.reversesEntryId ?? null)},
        ${postedAt.toISOString()}::timestamptz,
        ${col(postings, 'uuid', (x) => x.entryId)}, ${col(postings, 'int', (x) => x.seq)},
        ${col(postings, 'uuid', (x) => x.accountId)}, ${col(postings, 'bigint', (x) => x.amount)})`)) as unknown as Rows<{
      t: string;
      k: string;
      balance: unknown;
      floor: unknown;
      status: string | null;
      changed: boolean | null;
    }>;
    const inserted = new Set<string>();
    const accounts: PostedBatch['accounts'] = [];
    for (const row of r.rows)
      if (row.t === 'e') inserted.add(row.k);
      else
        accounts.push({
          id: row.k,
          balance: num(row.balance),
          floor: row.floor === null || row.floor === undefined ? null : num(row.floor),
          status: row.status as LedgerAccountRecord['status'],
          changed: row.changed === true,
        });
    return { inserted, accounts };
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
    const ids = await this.rowsOf([accountId]);
    if (ids.length <= 1) {
      return this.selectLines()
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
    }
    // A hot account (ADR 0015): each shard's newest lines (one index range each), merged. A shard's balance after
    // is its own; the account's is its balance now less what was posted since, read in the same statement.
    const older = (p: string) =>
      b
        ? sql`and (${sql.raw(p)}.posted_at < ${b.postedAt} or (${sql.raw(p)}.posted_at = ${b.postedAt} and ${sql.raw(p)}.entry_id < ${b.entryId}))`
        : sql``;
    const shards = sql`${sql.param(ids)}::uuid[]`;
    const r = (await this.db.execute(sql`
      select x.*,
        (select coalesce(sum(a.balance), 0) from ledger_accounts a where a.id = any(${shards}))
        - (select coalesce(sum(n.amount), 0) from ledger_postings n where n.account_id = any(${shards})
             ${b ? sql`and not (n.posted_at < ${b.postedAt} or (n.posted_at = ${b.postedAt} and n.entry_id < ${b.entryId}))` : sql`and false`}) as now_balance
      from unnest(${shards}) as sid(id), lateral (
        select p.entry_id, p.seq, p.account_id, p.amount, p.posted_at, e.business_key, e.kind, e.memo
        from ledger_postings p join ledger_entries e on e.id = p.entry_id
        where p.account_id = sid.id ${older('p')}
        order by p.posted_at desc, p.entry_id desc, p.seq desc limit ${opts.limit}) x
      order by x.posted_at desc, x.entry_id desc, x.seq desc limit ${opts.limit}`)) as unknown as Rows<Record<string, unknown>>;
    let after = num(r.rows[0]?.now_balance);
    return r.rows.map((row) => {
      const line: AccountLine = {
        entryId: String(row.entry_id),
        seq: num(row.seq),
        accountId: String(row.account_id),
        amount: num(row.amount),
        balanceAfter: after,
        postedAt: new Date(row.posted_at as string | Date),
        businessKey: String(row.business_key),
        kind: String(row.kind),
        memo: (row.memo as string | null) ?? null,
      };
      after -= line.amount;
      return line;
    });
  }

  async incomeByDay(accountIds: string[], from: Date, to: Date): Promise<Array<{ day: string; amount: number }>> {
    accountIds = await this.rowsOf(accountIds);
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

  async totalsByEntryKind(accountId: string): Promise<Array<{ kind: string; inFen: number; outFen: number; entries: number }>> {
    const ids = await this.rowsOf([accountId]);
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({
        kind: ledgerEntries.kind,
        inFen: sql<string>`coalesce(sum(case when ${ledgerPostings.amount} > 0 then ${ledgerPostings.amount} else 0 end), 0)`,
        outFen: sql<string>`coalesce(sum(case when ${ledgerPostings.amount} < 0 then -${ledgerPostings.amount} else 0 end), 0)`,
        entries: sql<string>`count(distinct ${ledgerPostings.entryId})`,
      })
      .from(ledgerPostings)
      .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerPostings.entryId))
      .where(sql`${ledgerPostings.accountId} = any(${sql.param(ids)}::uuid[])`)
      .groupBy(ledgerEntries.kind)
      .orderBy(ledgerEntries.kind);
    return rows.map((r) => ({ kind: String(r.kind), inFen: num(r.inFen), outFen: num(r.outFen), entries: num(r.entries) }));
  }

  async listLinesBetween(accountId: string, from: Date, to: Date): Promise<AccountLine[]> {
    const ids = await this.rowsOf([accountId]);
    const lines = await this.selectLines()
      .where(
        and(
          ids.length > 1 ? sql`${ledgerPostings.accountId} = any(${sql.param(ids)}::uuid[])` : eq(ledgerPostings.accountId, accountId),
          gte(ledgerPostings.postedAt, from),
          lt(ledgerPostings.postedAt, to),
        ),
      )
      .orderBy(asc(ledgerPostings.postedAt), asc(ledgerPostings.entryId), asc(ledgerPostings.seq));
    if (ids.length <= 1) return lines;
    // a hot account (ADR 0015): the account's running balance from its balance at `from`
    let after = await this.shardedBalanceAt(ids, from);
    return lines.map((l) => {
      after += l.amount;
      return { ...l, balanceAfter: after };
    });
  }

  async balanceAt(accountId: string, at: Date): Promise<number> {
    const ids = await this.rowsOf([accountId]);
    if (ids.length > 1) return this.shardedBalanceAt(ids, at);
    const [row] = await this.db
      .select({ balanceAfter: ledgerPostings.balanceAfter })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.accountId, accountId), lt(ledgerPostings.postedAt, at)))
      .orderBy(desc(ledgerPostings.postedAt), desc(ledgerPostings.entryId), desc(ledgerPostings.seq))
      .limit(1);
    return row?.balanceAfter ?? 0;
  }

  /** The shards' balance now less what was posted to them at or after `at`, in one statement (one snapshot). */
  private async shardedBalanceAt(ids: string[], at: Date): Promise<number> {
    const shards = sql`${sql.param(ids)}::uuid[]`;
    const r = (await this.db.execute(sql`
      select (select coalesce(sum(a.balance), 0) from ledger_accounts a where a.id = any(${shards}))
           - (select coalesce(sum(p.amount), 0) from ledger_postings p where p.account_id = any(${shards}) and p.posted_at >= ${at}) as balance`)) as unknown as Rows<{
      balance: unknown;
    }>;
    return num(r.rows[0]?.balance);
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
      select (select count(*) from ledger_accounts where shard = 0) as accounts,
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
    const orphans = (await this.db.execute(sql`
      select count(*) as n from ledger_postings p
      where not exists (select 1 from ledger_entries e where e.id = p.entry_id)
         or not exists (select 1 from ledger_accounts a where a.id = p.account_id)`)) as unknown as Rows<{ n: unknown }>;
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
      orphanPostings: num(orphans.rows[0]?.n),
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
