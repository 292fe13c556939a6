/**
 * The ledger service on the real database (PGlite, and PostgreSQL when DATABASE_URL is set): idempotent posts,
 * reversals, closed accounts, posting inside a caller's transaction; a property test over random sequences of
 * transfers, reversals and replays against a model; the mutant repository `verify` catches; and concurrent posts
 * on a hot account with a floor.
 */
import { randomUUID } from 'node:crypto';
import {
  AppError,
  AuditService,
  SYSTEM_ACTOR,
  cliActor,
  type EntryInput,
  type LedgerAccountRecord,
  LedgerService,
  PLATFORM_PARTY,
  type Repositories,
  type UnitOfWork,
} from '@livehub/core';
import { availableDrivers, openTestDatabase, type TestDatabase } from '@livehub/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const clock = { now: () => new Date() };
const ids = { next: () => randomUUID() };
const ledgerOn = (uow: UnitOfWork) => new LedgerService({ uow, clock, ids, audit: new AuditService({ clock, ids }) });

async function refusal(p: Promise<unknown>): Promise<[string, string | undefined]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return [e.code, e.field];
    throw e;
  }
  return ['none', undefined];
}

const transfer = (key: string, from: string, to: string, amount: number): EntryInput => ({
  businessKey: key,
  kind: 'transfer',
  postings: [
    { accountId: from, amount: -amount },
    { accountId: to, amount },
  ],
});

for (const driver of availableDrivers()) {
  describe(`ledger on ${driver}`, () => {
    let t: TestDatabase;
    let ledger: LedgerService;
    /** a provider clearing account (no floor) and a merchant's available account (floor 0), fresh per call */
    async function pair(): Promise<[LedgerAccountRecord, LedgerAccountRecord]> {
      const clearing = await ledger.openAccount(randomUUID(), 'provider_clearing');
      const merchant = await ledger.openAccount(randomUUID(), 'merchant_available');
      return [clearing, merchant];
    }
    beforeAll(async () => {
      t = await openTestDatabase(driver, { poolSize: 12 });
      ledger = ledgerOn(t.database.uow);
    });
    afterAll(async () => t.drop());

    it('posts an entry once per business key: a replay returns the first, other postings under the key are refused', async () => {
      const [c, m] = await pair();
      const first = await ledger.post(transfer('order:1:paid', c.id, m.id, 1999));
      expect(first.replayed).toBe(false);
      expect(first.entry.postings.map((p) => [p.amount, p.balanceAfter])).toEqual([
        [-1999, -1999],
        [1999, 1999],
      ]);
      const again = await ledger.post({ ...transfer('order:1:paid', c.id, m.id, 1999), postings: [...first.entry.postings].reverse() });
      expect(again).toMatchObject({ replayed: true, entry: { id: first.entry.id } });
      expect(await refusal(ledger.post(transfer('order:1:paid', c.id, m.id, 2000)))).toEqual(['ledger.key_reused', 'businessKey']);
      expect((await ledger.account(m.id)).balance).toBe(1999);
      expect(await ledger.openAccount(m.partyId, 'merchant_available')).toMatchObject({ id: m.id, balance: 1999 });
      expect((await ledger.balances(m.partyId)).map((a) => a.kind)).toEqual(['merchant_available']);
    });

    it('refuses bad input with the field and leaves the ledger untouched', async () => {
      const [c, m] = await pair();
      const before = await ledger.verify();
      expect(await refusal(ledger.post(transfer('bad:1', c.id, m.id, 0)))).toEqual(['ledger.amount_invalid', 'postings.0.amount']);
      expect(await refusal(ledger.post(transfer('bad:2', c.id, m.id, -5)))).toEqual([
        'ledger.insufficient_balance',
        'postings.1.accountId',
      ]);
      expect(await refusal(ledger.post({ ...transfer('bad:3', c.id, m.id, 5), postings: [{ accountId: c.id, amount: 5 }] }))).toEqual([
        'ledger.too_few_postings',
        'postings',
      ]);
      expect(await refusal(ledger.post(transfer('bad:4', m.id, c.id, 1)))).toEqual(['ledger.insufficient_balance', 'postings.0.accountId']);
      expect(await refusal(ledger.post(transfer('bad:5', c.id, randomUUID(), 1)))).toEqual([
        'ledger.account_not_found',
        'postings.1.accountId',
      ]);
      expect(await refusal(ledger.entry(randomUUID()))).toEqual(['ledger.entry_not_found', 'entryId']);
      const after = await ledger.verify();
      expect(after).toMatchObject({ ok: true, entries: before.entries, postings: before.postings });
    });

    it('reverses an entry once, and refuses a reversal that would take a balance below its floor', async () => {
      const [c, m] = await pair();
      const paid = await ledger.post(transfer(`pay:${m.id}`, c.id, m.id, 500));
      const rev = await ledger.reverse(paid.entry.id, '录入错误');
      expect(rev.entry).toMatchObject({ kind: 'reversal', reversesEntryId: paid.entry.id, memo: '录入错误' });
      expect((await ledger.reverse(paid.entry.id, '再次')).replayed).toBe(true);
      expect((await ledger.account(m.id)).balance).toBe(0);
      const p2 = await ledger.post(transfer(`pay2:${m.id}`, c.id, m.id, 300));
      await ledger.post(transfer(`payout:${m.id}`, m.id, c.id, 200));
      expect(await refusal(ledger.reverse(p2.entry.id, '超额冲正'))).toEqual(['ledger.insufficient_balance', 'postings.1.accountId']);
      const lines = await ledger.lines(m.id, { limit: 2 });
      expect(lines.map((l) => l.amount).sort()).toEqual([-200, 300].sort());
      expect((await ledger.lines(m.id, { before: lines[1], limit: 10 })).map((l) => l.businessKey)).toEqual(
        expect.arrayContaining([`reversal:${paid.entry.id}`, `pay:${m.id}`]),
      );
    });

    it('closes only an empty account, with an audit entry, and refuses posting to it afterwards', async () => {
      const [c, m] = await pair();
      await ledger.post(transfer(`c:${m.id}`, c.id, m.id, 10));
      const actor = cliActor('test');
      expect(await refusal(ledger.close(actor, m.id))).toEqual(['ledger.account_not_empty', 'accountId']);
      await ledger.post(transfer(`d:${m.id}`, m.id, c.id, 10));
      expect(await ledger.close(actor, m.id)).toMatchObject({ status: 'closed', balance: 0 });
      expect(await refusal(ledger.post(transfer(`e:${m.id}`, c.id, m.id, 1)))).toEqual(['ledger.account_closed', 'postings.1.accountId']);
      const audit = await t.database.uow.read.audit.scan(0, 100_000);
      expect(audit.some((a) => a.action === 'ledger.account_closed' && a.targetId === m.id)).toBe(true);
    });

    it('posts in the caller’s transaction: when the business change fails, no entry and no balance remain', async () => {
      const [c, m] = await pair();
      await expect(
        t.database.uow.transaction(async (tx) => {
          await ledger.postIn(tx, transfer(`tx:${m.id}`, c.id, m.id, 42));
          throw new Error('the order update failed');
        }),
      ).rejects.toThrow('the order update failed');
      expect((await ledger.account(m.id)).balance).toBe(0);
      expect(await t.database.uow.read.ledger.findEntriesByKeys([`tx:${m.id}`])).toEqual([]);
      // postMany: all or none — the second entry crosses a floor, so the first is not kept either
      expect(await refusal(ledger.postMany([transfer(`m1:${m.id}`, c.id, m.id, 5), transfer(`m2:${m.id}`, m.id, c.id, 6)]))).toEqual([
        'ledger.insufficient_balance',
        'postings.0.accountId',
      ]);
      expect((await ledger.account(m.id)).balance).toBe(0);
      const both = await ledger.postMany([transfer(`m1:${m.id}`, c.id, m.id, 5), transfer(`m2:${m.id}`, m.id, c.id, 5)]);
      expect(both.map((r) => r.replayed)).toEqual([false, false]);
    });

    it('keeps every entry at zero, every balance equal to its postings and every floor, over random sequences', async () => {
      type Op =
        | { op: 'transfer'; from: number; to: number; amount: number }
        | { op: 'reverse'; k: number }
        | { op: 'replay'; k: number }
        | { op: 'batch'; n: number; amount: number };
      const opArb: fc.Arbitrary<Op> = fc.oneof(
        {
          weight: 6,
          arbitrary: fc.record({
            op: fc.constant('transfer' as const),
            from: fc.nat(4),
            to: fc.nat(4),
            amount: fc.integer({ min: 1, max: 500 }),
          }),
        },
        { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), k: fc.nat(50) }) },
        { weight: 2, arbitrary: fc.record({ op: fc.constant('replay' as const), k: fc.nat(50) }) },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('batch' as const),
            n: fc.integer({ min: 2, max: 4 }),
            amount: fc.integer({ min: 1, max: 200 }),
          }),
        },
      );
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
          const run = randomUUID();
          // account 0: provider clearing (no floor); 1–4: floor 0
          const kinds = [
            'provider_clearing',
            'merchant_available',
            'streamer_commission_available',
            'mcn_commission_available',
            'escrow',
          ] as const;
          const accounts = await Promise.all(kinds.map((k) => ledger.openAccount(randomUUID(), k)));
          const ids = accounts.map((a) => a.id);
          const model = new Map(ids.map((id) => [id, 0]));
          const floors = new Map(accounts.map((a) => [a.id, a.floor]));
          const posted: Array<{ input: EntryInput; id: string }> = [];
          const fits = (e: EntryInput, m: Map<string, number>) => {
            const next = new Map(m);
            for (const p of e.postings) {
              const b = (next.get(p.accountId) ?? 0) + p.amount;
              const floor = floors.get(p.accountId) ?? null;
              if (p.amount < 0 && floor !== null && b < floor) return null;
              next.set(p.accountId, b);
            }
            return next;
          };
          let seq = 0;
          for (const o of ops) {
            if (o.op === 'transfer' || o.op === 'batch') {
              const entries =
                o.op === 'transfer'
                  ? o.from === o.to
                    ? []
                    : [transfer(`${run}:${seq++}`, ids[o.from] as string, ids[o.to] as string, o.amount)]
                  : Array.from({ length: o.n }, (_, i) =>
                      transfer(`${run}:${seq++}`, ids[i % 5] as string, ids[(i + 1) % 5] as string, o.amount),
                    );
              if (entries.length === 0) continue;
              let expected: Map<string, number> | null = model;
              for (const e of entries) expected = expected && fits(e, expected);
              const r = await refusal(
                ledger.postMany(entries).then((rs) => {
                  rs.forEach((x, i) => {
                    posted.push({ input: entries[i] as EntryInput, id: x.entry.id });
                  });
                }),
              );
              if (expected) {
                expect(r).toEqual(['none', undefined]);
                for (const [k, v] of expected) model.set(k, v);
              } else expect(r[0]).toBe('ledger.insufficient_balance');
            } else if (posted.length > 0) {
              const target = posted[o.k % posted.length] as { input: EntryInput; id: string };
              if (o.op === 'replay') {
                const r = await ledger.post(target.input);
                expect(r).toMatchObject({ replayed: true, entry: { id: target.id } });
              } else {
                const entry = await ledger.entry(target.id);
                // the model keeps accounts: a hot account's posting (provider clearing) is on one of its shards
                const heads = await t.database.uow.read.ledger.headsOf(entry.postings.map((p) => p.accountId));
                const reversal = {
                  businessKey: `reversal:${target.id}`,
                  kind: 'reversal',
                  postings: entry.postings.map((p) => ({ accountId: heads.get(p.accountId) ?? p.accountId, amount: -p.amount })),
                };
                const done = (await t.database.uow.read.ledger.findEntriesByKeys([reversal.businessKey])).length > 0;
                const expected = done ? model : fits(reversal, model);
                const r = await refusal(ledger.reverse(target.id, 'property'));
                if (expected) {
                  expect(r).toEqual(['none', undefined]);
                  for (const [k, v] of expected) model.set(k, v);
                } else expect(r[0]).toBe('ledger.insufficient_balance');
              }
            }
          }
          for (const a of accounts) {
            const stored = await ledger.account(a.id);
            expect(stored.balance).toBe(model.get(a.id));
            if (stored.floor !== null) expect(stored.balance).toBeGreaterThanOrEqual(stored.floor);
          }
          const v = await ledger.verify();
          expect(v).toMatchObject({ ok: true, unbalancedEntries: [], driftedAccounts: [], belowFloor: [], balanceTotal: 0 });
        }),
        { numRuns: driver === 'pglite' ? 20 : 12 },
      );
    });

    it('holds a hot account’s floor under many concurrent posts, and serves concurrent transfers both ways without deadlock', async () => {
      const [c, hot] = await pair();
      await ledger.post(transfer(`fund:${hot.id}`, c.id, hot.id, 1000));
      const takes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => ledger.post(transfer(`take:${hot.id}:${i}`, hot.id, c.id, 30))),
      );
      const ok = takes.filter((r) => r.status === 'fulfilled').length;
      for (const r of takes) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('ledger.insufficient_balance');
      expect(ok).toBe(33);
      expect((await ledger.account(hot.id)).balance).toBe(1000 - 33 * 30);

      const [c2, other] = await pair();
      await ledger.post(transfer(`fund:${other.id}`, c2.id, other.id, 1000));
      const both = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 === 0
            ? ledger.post(transfer(`ab:${hot.id}:${i}`, hot.id, other.id, 1))
            : ledger.post(transfer(`ba:${hot.id}:${i}`, other.id, hot.id, 1)),
        ),
      );
      expect(both).toHaveLength(40);
      expect((await ledger.account(hot.id)).balance).toBe(10);
      const same = await Promise.all(Array.from({ length: 10 }, () => ledger.post(transfer(`once:${hot.id}`, c.id, hot.id, 7))));
      expect(new Set(same.map((r) => r.entry.id)).size).toBe(1);
      expect(same.filter((r) => !r.replayed)).toHaveLength(1);
      expect((await ledger.account(hot.id)).balance).toBe(17);
      expect(await ledger.verify()).toMatchObject({ ok: true });
    });

    it('spreads a hot account’s concurrent posts over its shards, read back as one account; a replay from another process is a replay', async () => {
      const fee = await ledger.openAccount(randomUUID(), 'platform_fee_revenue');
      const [c] = await pair();
      const posts = await Promise.all(
        Array.from({ length: 48 }, (_, i) => ledger.post(transfer(`fee:${fee.id}:${i}`, c.id, fee.id, i + 1))),
      );
      const rows = new Set(posts.map((p) => p.entry.postings[1]?.accountId));
      // 48 transactions each pick one of its 16 rows: all landing on one row has odds of 16^-47
      expect(rows.size).toBeGreaterThan(1);
      const heads = await t.database.uow.read.ledger.headsOf([...rows].filter((x): x is string => x !== undefined));
      expect(new Set(heads.values())).toEqual(new Set([fee.id]));
      const total = (48 * 49) / 2;
      expect((await ledger.account(fee.id)).balance).toBe(total);
      const lines = await ledger.lines(fee.id, { limit: 100 });
      expect(lines).toHaveLength(48);
      expect(lines[0]?.balanceAfter).toBe(total);
      for (let i = 1; i < lines.length; i++)
        expect(lines[i]?.balanceAfter).toBe((lines[i - 1]?.balanceAfter ?? 0) - (lines[i - 1]?.amount ?? 0));
      expect((lines.at(-1)?.balanceAfter ?? 0) - (lines.at(-1)?.amount ?? 0)).toBe(0);
      // another process's ledger does not know the shards: the replay compares by account and is still a replay
      const other = ledgerOn(t.database.uow);
      const again = await other.post(transfer(`fee:${fee.id}:0`, c.id, fee.id, 1));
      expect(again).toMatchObject({ replayed: true, entry: { id: posts[0]?.entry.id } });
      expect(await refusal(other.post(transfer(`fee:${fee.id}:0`, c.id, fee.id, 2)))).toEqual(['ledger.key_reused', 'businessKey']);
      // a reversal goes back to the rows the entry used
      await ledger.reverse(posts[5]?.entry.id ?? '', 'test');
      expect((await ledger.account(fee.id)).balance).toBe(total - 6);
      expect(await refusal(ledger.close(SYSTEM_ACTOR, fee.id))).toEqual(['request.invalid', 'accountId']);
      expect(await ledger.verify()).toMatchObject({ ok: true, orphanPostings: 0 });
    });
  });
}

describe('ledger mutation: a repository that skips one balance update', () => {
  it('is caught by verify (the balance drifts from its postings)', async () => {
    const t = await openTestDatabase('pglite');
    try {
      const uow = t.database.uow;
      const skipping = (repos: Repositories): Repositories => ({
        ...repos,
        ledger: Object.assign(Object.create(repos.ledger) as Repositories['ledger'], {
          // posts for real, then takes the first account's change back: as if its balance UPDATE had been skipped
          postEntries: async (...args: Parameters<Repositories['ledger']['postEntries']>) => {
            const r = await repos.ledger.postEntries(...args);
            const first = args[1][0];
            if (first) {
              const delta = args[1].filter((p) => p.accountId === first.accountId).reduce((sum, p) => sum + p.amount, 0);
              await repos.ledger.writePostings([{ accountId: first.accountId, delta: -delta }], []);
            }
            return r;
          },
        }),
      });
      const mutant: UnitOfWork = { read: uow.read, transaction: (work) => uow.transaction((repos) => work(skipping(repos))) };
      const honest = ledgerOn(uow);
      const c = await honest.openAccount(PLATFORM_PARTY, 'provider_clearing');
      const m = await honest.openAccount(randomUUID(), 'merchant_available');
      await honest.post(transfer('honest', c.id, m.id, 100));
      expect(await honest.verify()).toMatchObject({ ok: true });
      await ledgerOn(mutant).post(transfer('mutant', c.id, m.id, 100));
      const v = await honest.verify();
      expect(v.ok).toBe(false);
      expect(v.driftedAccounts).toHaveLength(1);
      expect(v.balanceTotal).not.toBe(0);
    } finally {
      await t.drop();
    }
  });
});
