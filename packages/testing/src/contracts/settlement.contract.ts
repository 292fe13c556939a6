/**
 * Contract cases of the ledger port (结算台账): accounts opened once per party and kind, entries unique by business
 * key, accounts locked and changed only within their floor, postings listed newest first with keyset paging, and
 * the aggregates `verify` reads.
 */
import type { LedgerAccountRecord, LedgerEntryRecord, LedgerPostingRecord, OrderSettlementRecord, SlotFeeRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, T0, uuid } from './fixtures.ts';

function account(over: Partial<LedgerAccountRecord> = {}): LedgerAccountRecord {
  return {
    id: uuid(),
    partyId: uuid(),
    kind: 'merchant_available',
    floor: 0,
    status: 'open',
    balance: 0,
    version: 1,
    createdAt: T0,
    closedAt: null,
    shard: 0,
    ...over,
  };
}

function entry(over: Partial<LedgerEntryRecord> = {}): LedgerEntryRecord {
  return { id: uuid(), businessKey: `test:${uuid()}`, kind: 'transfer', memo: null, reversesEntryId: null, postedAt: T0, ...over };
}

const posting = (e: LedgerEntryRecord, seq: number, accountId: string, amount: number, balanceAfter: number): LedgerPostingRecord => ({
  entryId: e.id,
  seq,
  accountId,
  amount,
  balanceAfter,
  postedAt: e.postedAt,
});

export function ledgerCases(db: ContractDb): void {
  it('opens one account per party and kind, finds it by id and by party, and lists a party’s accounts by kind', async () => {
    const r = db.r();
    const a = account();
    expect(await r.ledger.openAccount(a)).toEqual({ ...a, shardIds: [a.id] });
    expect(await r.ledger.openAccount({ ...a, id: uuid() })).toEqual({ ...a, shardIds: [a.id] });
    const pending = account({ partyId: a.partyId, kind: 'merchant_pending' });
    await r.ledger.openAccount(pending);
    expect(await r.ledger.findAccount(a.id)).toEqual(a);
    expect(await r.ledger.findAccount(uuid())).toBeNull();
    expect(await r.ledger.findAccountFor(a.partyId, 'merchant_available')).toEqual(a);
    expect(await r.ledger.findAccountFor(a.partyId, 'escrow')).toBeNull();
    expect((await r.ledger.listAccounts(a.partyId)).map((x) => x.kind)).toEqual(['merchant_available', 'merchant_pending']);
  });

  it('inserts entries once per business key and finds them with their postings in order', async () => {
    const r = db.r();
    const [x, y] = [account({ floor: null }), account()];
    for (const a of [x, y]) await r.ledger.openAccount(a);
    const e1 = entry();
    const e2 = entry();
    expect(await r.ledger.insertEntries([e1, e2])).toEqual(new Set([e1.businessKey, e2.businessKey]));
    expect(await r.ledger.insertEntries([{ ...e1, id: uuid() }, entry({ businessKey: 'x' })])).toEqual(new Set(['x']));
    await r.ledger.writePostings([], [posting(e1, 1, y.id, 5, 5), posting(e1, 0, x.id, -5, -5)]);
    const [found] = await r.ledger.findEntriesByKeys([e1.businessKey]);
    expect(found).toEqual({ ...e1, postings: [posting(e1, 0, x.id, -5, -5), posting(e1, 1, y.id, 5, 5)] });
    expect((await r.ledger.findEntry(e2.id))?.postings).toEqual([]);
    expect(await r.ledger.findEntry(uuid())).toBeNull();
    expect(await r.ledger.findEntriesByKeys([])).toEqual([]);
    await expect(r.ledger.writePostings([], [posting(e2, 0, x.id, 0, 0)])).rejects.toThrow();
  });

  it('locks accounts in id order and changes balances only within their floor and while open, with the postings in the same statement', async () => {
    const uow = db.uow();
    const [a, b, c] = [account({ floor: null }), account(), account()];
    await uow.transaction(async (tx) => {
      for (const x of [c, a, b]) await tx.ledger.openAccount(x);
      const locked = await tx.ledger.lockAccounts([c.id, b.id, a.id, uuid()]);
      expect(locked.map((x) => x.id)).toEqual([a.id, b.id, c.id].sort());
      expect(await tx.ledger.lockAccounts([])).toEqual([]);
      const changed = await tx.ledger.writePostings(
        [
          { accountId: a.id, delta: -100 },
          { accountId: b.id, delta: 100 },
          { accountId: c.id, delta: -1 },
        ],
        [],
      );
      expect(changed.sort()).toEqual([a.id, b.id].sort());
    });
    const r = db.r();
    expect(await r.ledger.findAccount(a.id)).toMatchObject({ balance: -100, version: 2 });
    expect(await r.ledger.findAccount(b.id)).toMatchObject({ balance: 100, version: 2 });
    expect(await r.ledger.findAccount(c.id)).toMatchObject({ balance: 0, version: 1 });
    expect(await r.ledger.writePostings([{ accountId: b.id, delta: -100 }], [])).toEqual([b.id]);
    expect(await r.ledger.closeAccount(a.id, at(1))).toBe(false);
    expect(await r.ledger.closeAccount(b.id, at(1))).toBe(true);
    expect(await r.ledger.closeAccount(b.id, at(2))).toBe(false);
    expect(await r.ledger.findAccount(b.id)).toMatchObject({ status: 'closed', closedAt: at(1) });
    expect(await r.ledger.writePostings([{ accountId: b.id, delta: 5 }], [])).toEqual([]);
    expect(await r.ledger.writePostings([], [])).toEqual([]);
  });

  it('lists an account’s lines newest first with their entry, a page at a time', async () => {
    const r = db.r();
    const [x, y] = [account({ floor: null }), account()];
    for (const a of [x, y]) await r.ledger.openAccount(a);
    const entries = [entry({ postedAt: at(1) }), entry({ postedAt: at(2), memo: '第二笔' }), entry({ postedAt: at(2) })];
    await r.ledger.insertEntries(entries);
    await r.ledger.writePostings(
      [],
      entries.flatMap((e, i) => [posting(e, 0, x.id, -(i + 1), 0), posting(e, 1, y.id, i + 1, 0)]),
    );
    const page1 = await r.ledger.listLines(y.id, { limit: 2 });
    const newest = [...entries].sort((p, q) => q.postedAt.getTime() - p.postedAt.getTime() || (q.id < p.id ? -1 : 1));
    expect(page1.map((l) => l.entryId)).toEqual(newest.slice(0, 2).map((e) => e.id));
    expect(page1[0]).toMatchObject({ accountId: y.id, seq: 1, kind: 'transfer' });
    const last = page1[1] as { postedAt: Date; entryId: string };
    const page2 = await r.ledger.listLines(y.id, { limit: 2, before: { postedAt: last.postedAt, entryId: last.entryId } });
    expect(page2.map((l) => l.entryId)).toEqual([newest[2]?.id]);
    expect(page2[0]?.businessKey).toBe(newest[2]?.businessKey);
  });

  it('lists an account’s lines of a period in posting order and reads its balance at an instant from the last line before it', async () => {
    const r = db.r();
    const [x, y] = [account({ floor: null }), account()];
    for (const a of [x, y]) await r.ledger.openAccount(a);
    expect(await r.ledger.balanceAt(y.id, at(10))).toBe(0);
    // two entries at the same instant: posting order is entry id order (ids are time-ordered), then seq
    const e = [
      entry({ postedAt: at(1) }),
      entry({ postedAt: at(2) }),
      entry({ postedAt: at(2), kind: 'order.paid' }),
      entry({ postedAt: at(3) }),
    ];
    await r.ledger.insertEntries(e);
    const amounts = [100, 50, -30, 7];
    let bal = 0;
    await r.ledger.writePostings(
      [],
      e.map((en, i) => {
        bal += amounts[i] as number;
        return posting(en, 0, y.id, amounts[i] as number, bal);
      }),
    );
    const period = await r.ledger.listLinesBetween(y.id, at(2), at(3));
    expect(period.map((l) => [l.entryId, l.amount, l.balanceAfter])).toEqual([
      [e[1]?.id, 50, 150],
      [e[2]?.id, -30, 120],
    ]);
    expect(period[1]).toMatchObject({ businessKey: e[2]?.businessKey, kind: 'order.paid', accountId: y.id });
    expect(await r.ledger.listLinesBetween(y.id, at(4), at(5))).toEqual([]);
    expect(await r.ledger.listLinesBetween(x.id, at(0), at(9))).toEqual([]);
    expect(await r.ledger.balanceAt(y.id, at(1))).toBe(0);
    expect(await r.ledger.balanceAt(y.id, at(2))).toBe(100);
    expect(await r.ledger.balanceAt(y.id, at(3))).toBe(120);
    expect(await r.ledger.balanceAt(y.id, at(9))).toBe(127);
  });

  it('lists the entries of some kinds posted in a period, with their postings', async () => {
    const r = db.r();
    const [x, y] = [account({ floor: null }), account()];
    for (const a of [x, y]) await r.ledger.openAccount(a);
    const day = new Date(Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000);
    const h = (n: number) => new Date(day.getTime() + n * 3_600_000);
    const paid = entry({ postedAt: h(1), kind: 'order.paid' });
    const refund = entry({ postedAt: h(2), kind: 'refund.paid' });
    const other = entry({ postedAt: h(3), kind: 'transfer' });
    const late = entry({ postedAt: h(30), kind: 'order.paid' });
    await r.ledger.insertEntries([paid, refund, other, late]);
    await r.ledger.writePostings(
      [],
      [paid, refund, other, late].flatMap((en) => [posting(en, 0, x.id, -5, 0), posting(en, 1, y.id, 5, 0)]),
    );
    const found = await r.ledger.listEntriesOfKinds(['order.paid', 'refund.paid'], h(0), h(24));
    expect(found.map((f) => f.id)).toEqual([paid.id, refund.id]);
    expect(found[0]?.postings.map((p) => p.amount)).toEqual([-5, 5]);
    expect(await r.ledger.listEntriesOfKinds([], h(0), h(24))).toEqual([]);
  });

  it('posts in one call: new entries only, their accounts as locked before, the guarded change and the running balances', async () => {
    const r = db.r();
    const [src, low, closed] = [account({ floor: null }), account({ balance: 0 }), account({ floor: null })];
    for (const a of [src, low, closed]) await r.ledger.openAccount(a);
    await r.ledger.closeAccount(closed.id, T0);
    const e1 = entry();
    const e2 = entry();
    const rows = (e: LedgerEntryRecord, pairs: Array<[string, number]>) =>
      pairs.map(([accountId, amount], seq) => ({ entryId: e.id, seq, accountId, amount }));
    // two entries over the same accounts: the running balance follows the order given
    const first = await r.ledger.postEntries(
      [e1, e2],
      [
        ...rows(e1, [
          [src.id, -30],
          [low.id, 30],
        ]),
        ...rows(e2, [
          [src.id, -12],
          [low.id, 12],
        ]),
      ],
      T0,
    );
    expect(first.inserted).toEqual(new Set([e1.businessKey, e2.businessKey]));
    expect(first.accounts.map((a) => [a.id, a.balance, a.changed]).sort()).toEqual(
      [
        [src.id, 0, true],
        [low.id, 0, true],
      ].sort(),
    );
    expect((await r.ledger.findEntriesByKeys([e2.businessKey]))[0]?.postings.map((p) => p.balanceAfter)).toEqual([-42, 42]);
    // a replayed key posts nothing; the floor guard leaves the account unchanged (the caller rolls back)
    const e3 = entry();
    const again = await r.ledger.postEntries(
      [{ ...e1, id: uuid() }, e3],
      rows(e3, [
        [low.id, -50],
        [src.id, 50],
      ]),
      T0,
    );
    expect(again.inserted).toEqual(new Set([e3.businessKey]));
    expect(again.accounts.find((a) => a.id === low.id)).toMatchObject({ balance: 42, floor: 0, changed: false });
    // a closed account is returned as closed and unchanged; an unknown one is not returned
    const e4 = entry();
    const odd = await r.ledger.postEntries(
      [e4],
      rows(e4, [
        [closed.id, -1],
        [uuid(), 1],
      ]),
      T0,
    );
    expect(odd.accounts).toEqual([{ id: closed.id, balance: 0, floor: null, status: 'closed', changed: false }]);
    expect(await r.ledger.postEntries([], [], T0)).toEqual({ inserted: new Set(), accounts: [] });
  });

  it('a hot account: shards opened once, its balance the sum, lines merged with its running balance, its balance at a date', async () => {
    const r = db.r();
    const hot = account({ kind: 'provider_clearing', floor: null });
    const shards = [uuid(), uuid()];
    expect((await r.ledger.openAccount(hot, shards)).shardIds).toEqual([hot.id, ...shards]);
    expect((await r.ledger.openAccount({ ...hot, id: uuid() }, [uuid(), uuid()])).shardIds).toEqual([hot.id, ...shards]);
    const m = account({ floor: null });
    await r.ledger.openAccount(m);
    const rows = [hot.id, ...shards] as [string, string, string];
    for (const [i, row] of rows.entries()) {
      const e = entry({ postedAt: at(i) });
      await r.ledger.postEntries(
        [e],
        [
          { entryId: e.id, seq: 0, accountId: row, amount: -(i + 1) * 100 },
          { entryId: e.id, seq: 1, accountId: m.id, amount: (i + 1) * 100 },
        ],
        e.postedAt,
      );
    }
    expect((await r.ledger.findAccount(hot.id))?.balance).toBe(-600);
    expect((await r.ledger.findAccount(rows[1]))?.balance).toBe(-200);
    expect((await r.ledger.findAccountFor(hot.partyId, 'provider_clearing'))?.balance).toBe(-600);
    expect((await r.ledger.listAccounts(hot.partyId)).map((a) => [a.id, a.balance])).toEqual([[hot.id, -600]]);
    const page = await r.ledger.listLines(hot.id, { limit: 2 });
    expect(page.map((l) => [l.amount, l.balanceAfter])).toEqual([
      [-300, -600],
      [-200, -300],
    ]);
    const last = page[1] as (typeof page)[number];
    const rest = await r.ledger.listLines(hot.id, { limit: 2, before: { postedAt: last.postedAt, entryId: last.entryId } });
    expect(rest.map((l) => [l.amount, l.balanceAfter])).toEqual([[-100, -100]]);
    expect(await r.ledger.balanceAt(hot.id, at(1.5))).toBe(-300);
    expect((await r.ledger.listLinesBetween(hot.id, at(1), at(3))).map((l) => [l.amount, l.balanceAfter])).toEqual([
      [-200, -300],
      [-300, -600],
    ]);
    const unknown = uuid();
    expect(await r.ledger.headsOf([rows[2], hot.id, m.id, unknown])).toEqual(
      new Map([
        [rows[2], hot.id],
        [hot.id, hot.id],
        [m.id, m.id],
      ]),
    );
  });

  it('reports in aggregate the entries that do not sum to zero and the balances that drift from their postings', async () => {
    const r = db.r();
    const before = await r.ledger.aggregates(1000);
    const [x, y] = [account({ floor: null }), account()];
    for (const a of [x, y]) await r.ledger.openAccount(a);
    const good = entry();
    const lopsided = entry();
    await r.ledger.insertEntries([good, lopsided]);
    // the balances move with the good entry's postings only: the lopsided one leaves y's balance behind its postings
    const moved = await r.ledger.writePostings(
      [
        { accountId: x.id, delta: -7 },
        { accountId: y.id, delta: 7 },
      ],
      // and one posting of neither a stored entry nor an account: an orphan (the table has no foreign keys)
      [posting(good, 0, x.id, -7, -7), posting(good, 1, y.id, 7, 7), posting(lopsided, 0, y.id, 3, 10), posting(entry(), 0, uuid(), 5, 5)],
    );
    expect(moved.sort()).toEqual([x.id, y.id].sort());
    const after = await r.ledger.aggregates(1000);
    expect(after.accounts - before.accounts).toBe(2);
    expect(after.entries - before.entries).toBe(2);
    expect(after.postings - before.postings).toBe(4);
    expect(after.orphanPostings - before.orphanPostings).toBe(1);
    expect(after.balanceTotal).toBe(before.balanceTotal);
    expect(after.unbalancedEntries).toContainEqual({ entryId: lopsided.id, sum: 3, postings: 1 });
    expect(after.unbalancedEntries.map((u) => u.entryId)).not.toContain(good.id);
    expect(after.driftedAccounts).toContainEqual({ accountId: y.id, balance: 7, postingsSum: 10 });
    expect(after.driftedAccounts.map((d) => d.accountId)).not.toContain(x.id);
    expect(after.belowFloor.map((d) => d.accountId)).not.toContain(x.id);
  });
  it('sums positive postings into the accounts per Asia/Shanghai day, within the period, oldest first', async () => {
    const r = db.r();
    const [src, a, b, other] = [account({ floor: null }), account(), account(), account()];
    for (const x of [src, a, b, other]) await r.ledger.openAccount(x);
    // T0 is 08:00 in Shanghai on 1 January; at(16) is midnight of 2 January there, at(-9) 23:00 on 31 December
    const entries = [at(-9), at(1), at(15), at(16), at(40), at(2)].map((t) => entry({ postedAt: t }));
    await r.ledger.insertEntries(entries);
    const [e0, e1, e2, e3, e4, e5] = entries as [
      LedgerEntryRecord,
      LedgerEntryRecord,
      LedgerEntryRecord,
      LedgerEntryRecord,
      LedgerEntryRecord,
      LedgerEntryRecord,
    ];
    await r.ledger.writePostings(
      [],
      [
        posting(e0, 0, src.id, -100, 0),
        posting(e0, 1, a.id, 100, 0),
        posting(e1, 0, src.id, -20, 0),
        posting(e1, 1, a.id, 20, 0),
        posting(e2, 0, src.id, -5, 0),
        posting(e2, 1, b.id, 5, 0),
        posting(e3, 0, src.id, -7, 0),
        posting(e3, 1, a.id, 7, 0),
        posting(e4, 0, src.id, -1000, 0),
        posting(e4, 1, a.id, 1000, 0),
        // money leaving an account is not income; money into another party's account is not counted
        posting(e5, 0, a.id, -3, 0),
        posting(e5, 1, other.id, 3, 0),
      ],
    );
    expect(await r.ledger.incomeByDay([a.id, b.id], at(-24), at(40))).toEqual([
      { day: '2025-12-31', amount: 100 },
      { day: '2026-01-01', amount: 25 },
      { day: '2026-01-02', amount: 7 },
    ]);
    expect(await r.ledger.incomeByDay([a.id], at(0), at(41))).toEqual([
      { day: '2026-01-01', amount: 20 },
      { day: '2026-01-02', amount: 7 },
      { day: '2026-01-03', amount: 1000 },
    ]);
    expect(await r.ledger.incomeByDay([], at(-24), at(40))).toEqual([]);
  });
}

function settlement(over: Partial<OrderSettlementRecord> = {}): OrderSettlementRecord {
  return {
    orderId: uuid(),
    merchantOrgId: uuid(),
    settledFen: 10_000,
    shares: [
      { role: 'merchant', partyId: uuid(), kind: 'merchant_pending', amountFen: 9_000, reversedFen: 0 },
      { role: 'platform', partyId: uuid(), kind: 'platform_fee_revenue', amountFen: 1_000, reversedFen: 0 },
    ],
    completedAt: T0,
    releaseDueAt: at(24),
    releasedAt: null,
    settledAt: T0,
    version: 1,
    ...over,
  };
}

/** Contract cases of the money flows' records: fee rates per category and order settlements. */
export function settlementCases(db: ContractDb): void {
  it('keeps one fee rate per category, replaced on put, read by category', async () => {
    const r = db.r();
    const cat = `test.${uuid().slice(0, 8)}`;
    await r.settlement.putFeeRate({ categoryId: cat, feeBp: 300, updatedBy: null, updatedAt: T0 });
    await r.settlement.putFeeRate({ categoryId: cat, feeBp: 450, updatedBy: uuid(), updatedAt: at(1) });
    const [got] = await r.settlement.feeRatesFor([cat, 'test.none']);
    expect([got?.categoryId, got?.feeBp, got?.updatedAt]).toEqual([cat, 450, at(1)]);
    expect((await r.settlement.feeRatesFor([])).length).toBe(0);
    expect((await r.settlement.listFeeRates()).filter((x) => x.categoryId === cat).length).toBe(1);
  });

  it('inserts an order settlement once, updates it only from the version read, and lists releases due', async () => {
    const r = db.r();
    const s = settlement({ releaseDueAt: at(-50_000) });
    expect(await r.settlement.insertOrderSettlement(s)).toBe(true);
    expect(await r.settlement.insertOrderSettlement({ ...s, settledFen: 1 })).toBe(false);
    expect(await r.settlement.findOrderSettlement(s.orderId)).toEqual(s);
    expect(await r.settlement.findOrderSettlement(uuid())).toBeNull();
    const other = uuid();
    expect(await r.settlement.settledOrderIds([s.orderId, other])).toEqual(new Set([s.orderId]));
    expect(await r.settlement.settledOrderIds([])).toEqual(new Set());
    const due = (await r.settlement.listReleaseDue(at(-49_999), 1000)).map((x) => x.orderId);
    expect(due).toContain(s.orderId);
    expect((await r.settlement.listReleaseDue(at(-50_001), 1000)).map((x) => x.orderId)).not.toContain(s.orderId);
    const shares = s.shares.map((x) => ({ ...x, reversedFen: x.role === 'merchant' ? 900 : 100 }));
    expect(await r.settlement.updateOrderSettlement({ ...s, shares, version: 2 }, 1)).toBe(true);
    expect(await r.settlement.updateOrderSettlement({ ...s, version: 2 }, 1)).toBe(false);
    await db.uow().transaction(async (tx) => {
      const locked = await tx.settlement.findOrderSettlement(s.orderId, { lock: true });
      expect(locked?.shares.map((x) => x.reversedFen)).toEqual([900, 100]);
      expect(await tx.settlement.updateOrderSettlement({ ...(locked as OrderSettlementRecord), releasedAt: at(-1), version: 3 }, 2)).toBe(
        true,
      );
    });
    expect((await r.settlement.listReleaseDue(T0, 1000)).map((x) => x.orderId)).not.toContain(s.orderId);
    expect((await r.settlement.findOrderSettlement(s.orderId))?.releasedAt).toEqual(at(-1));
  });

  it('inserts a slot fee once per agreement version, lists the held ones and those due, and settles each once', async () => {
    const r = db.r();
    const agreementId = uuid();
    const fee = (version: number, startsAt: Date): SlotFeeRecord => ({
      agreementId,
      version,
      merchantOrgId: uuid(),
      streamerUserId: uuid(),
      mcnOrgId: null,
      amountFen: 50_000,
      streamerShareBp: 7_000,
      startsAt,
      status: 'held',
      chargedAt: T0,
      settledAt: null,
    });
    const v1 = fee(1, at(-60_000));
    const v2 = fee(2, at(60_000));
    expect(await r.settlement.insertSlotFee(v1)).toBe(true);
    expect(await r.settlement.insertSlotFee({ ...v1, amountFen: 1 })).toBe(false);
    expect(await r.settlement.insertSlotFee(v2)).toBe(true);
    expect(await r.settlement.listHeldSlotFees(agreementId)).toEqual([v1, v2]);
    const due = (await r.settlement.listSlotFeesDue(T0, 1000)).filter((f) => f.agreementId === agreementId);
    expect(due.map((f) => f.version)).toEqual([1]);
    await db.uow().transaction(async (tx) => {
      expect((await tx.settlement.listHeldSlotFees(agreementId, { lock: true })).length).toBe(2);
      expect(await tx.settlement.settleSlotFee(agreementId, 1, 'released', at(1))).toBe(true);
    });
    expect(await r.settlement.settleSlotFee(agreementId, 1, 'returned', at(2))).toBe(false);
    expect(await r.settlement.settleSlotFee(agreementId, 2, 'returned', at(2))).toBe(true);
    expect(await r.settlement.listHeldSlotFees(agreementId)).toEqual([]);
    expect((await r.settlement.listSlotFeesDue(at(70_000), 1000)).filter((f) => f.agreementId === agreementId)).toEqual([]);
  });
}
