/**
 * The full credit recompute on the real database (PGlite, and PostgreSQL when DATABASE_URL is set): parties in
 * every id range, events of every kind with JSON data, a voided event, an event after `asOf`, a party whose every
 * event was voided. Every score the recompute stores equals the engine's `scoreParty` over the party's events as
 * recorded; tier moves are written for the parties that left A; a second run writes nothing and moves no one; a
 * stored score that drifted from its events is put right. Run with the ranges scored on the recompute's thread and
 * through a scorer that answers late and out of order (as a worker thread may), and with a scorer that fails.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_MODEL, scoreParty } from '@livehub/credit';
import {
  AuditService,
  type CreditEventKind,
  type CreditEventRecord,
  type CreditPartyKind,
  type CreditRangeScorer,
  CreditRecomputeService,
  CreditService,
  scoreRange,
  StaticCreditModel,
  SYSTEM_ACTOR,
  toEngineEvent,
} from '@livehub/core';
import { availableDrivers, openTestDatabase, type TestDatabase } from '@livehub/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const asOf = new Date('2026-12-01T00:00:00Z');
const clock = { now: () => asOf };
const ids = { next: () => randomUUID() };

const KINDS: Array<[CreditEventKind, Record<string, unknown>]> = [
  ['violation.confirmed', { severity: 4, category: 'absolute_claim', ruleId: 'r1' }],
  ['complaint.upheld', { severity: 2 }],
  ['order.completed', { onTime: true }],
  ['order.completed', { onTime: false }],
  ['order.returned', {}],
  ['refund.overdue', { days: 6 }],
  ['shipment.late', { days: 3 }],
  ['sample.overdue', { days: 9 }],
  ['certification.lapsed', {}],
  ['case.penalty', { severity: 3 }],
  ['training.completed', { hours: 2.5 }],
  ['streaming.clean', { hours: 3.25 }],
];
const PARTY_KINDS: CreditPartyKind[] = ['merchant', 'streamer', 'mcn', 'base'];

/** Scores each range like the default, but answers after a delay that is longest for the earliest ranges. */
const lateScorer: CreditRangeScorer = {
  open(context) {
    let n = 0;
    return {
      score: (job) => {
        const delay = Math.max(0, 16 - n++);
        return new Promise((resolve) => setTimeout(() => resolve(scoreRange(context, job)), delay));
      },
      close: async () => {},
    };
  },
};

const SCORERS: Array<[string, CreditRangeScorer | undefined]> = [
  ['on its own thread', undefined],
  ['with ranges answered late and out of order', lateScorer],
];

const CASES = availableDrivers().flatMap((driver) => SCORERS.map(([how, scorer]) => ({ driver, how, scorer })));

describe.each(CASES)('credit recompute on $driver, scoring $how', ({ driver, scorer }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.drop());

  it('stores exactly what the engine scores from each party’s events, and writes nothing the second time', async () => {
    const audit = new AuditService({ clock, ids });
    const model = new StaticCreditModel();
    const credit = new CreditService({
      uow: t.database.uow,
      clock,
      ids,
      audit,
      model,
      parties: { resolve: async () => new Map() },
    });
    const recompute = new CreditRecomputeService({ uow: t.database.uow, clock, ids, audit, credit, scorer });

    // 40 parties, their ids spread over every range; each with 1–30 events drawn in a fixed pattern
    const parties = Array.from({ length: 40 }, (_, i) => ({
      id: `${(i % 16).toString(16)}${randomUUID().slice(1)}`,
      kind: PARTY_KINDS[i % 4]!,
    }));
    const events: CreditEventRecord[] = [];
    parties.forEach((p, i) => {
      for (let k = 0; k < 1 + ((i * 7) % 30); k++) {
        const [kind, data] = KINDS[(i + k * 5) % KINDS.length]!;
        events.push({
          id: randomUUID(),
          partyId: p.id,
          partyKind: p.kind,
          kind,
          at: new Date(asOf.getTime() - ((i * 13 + k * 29) % 400) * DAY - (k % 2) * 1234),
          data,
          source: `test:${i}:${k}`,
          voidedAt: k === 2 ? asOf : null,
          voidReason: k === 2 ? 'appeal upheld' : null,
          recordedBy: null,
          createdAt: asOf,
        });
      }
    });
    // one event after asOf (not counted yet), one party whose only event was voided (it had a score before)
    events.push({ ...events[0]!, id: randomUUID(), at: new Date(asOf.getTime() + DAY), source: 'test:future' });
    const cleared = `f${randomUUID().slice(1)}`;
    events.push({
      ...events[0]!,
      id: randomUUID(),
      partyId: cleared,
      partyKind: 'merchant',
      kind: 'case.penalty',
      data: { severity: 3 },
      source: 'test:cleared',
      voidedAt: asOf,
      voidReason: 'appeal upheld',
    });
    await t.database.uow.transaction((tx) => tx.credit.insertEvents(events));
    await t.database.uow.transaction((tx) =>
      tx.credit.upsertScores([
        {
          partyId: cleared,
          partyKind: 'merchant',
          totalCenti: 7600,
          tier: 'B',
          modelVersion: DEFAULT_MODEL.version,
          dimensions: [],
          computedAt: asOf,
          tierSince: asOf,
        },
      ]),
    );

    const first = await recompute.recompute(SYSTEM_ACTOR);
    expect(first.parties).toBe(41);
    expect(first.events).toBe(events.length);
    const read = t.database.uow.read.credit;
    for (const p of [...parties, { id: cleared, kind: 'merchant' as const }]) {
      const expected = scoreParty(p.id, p.kind, (await read.eventsOf(p.id)).map(toEngineEvent), DEFAULT_MODEL, asOf);
      const stored = await read.score(p.id);
      expect(stored, p.id).toMatchObject({
        partyKind: p.kind,
        totalCenti: Math.round(expected.total * 100),
        tier: expected.tier,
        modelVersion: DEFAULT_MODEL.version,
        dimensions: expected.dimensions.map((d) => ({ key: d.key, score: d.score })),
      });
    }
    const clearedScore = await read.score(cleared);
    expect(clearedScore).toMatchObject({ tier: 'A', totalCenti: 10_000 });
    const moved = (await read.listScores({ limit: 100 })).filter((s) => s.tier !== 'A').length;
    expect(moved).toBeGreaterThan(0);
    expect(first.tierChanges).toBe(moved + 1); // every party that left A, and the cleared one back to A

    const again = await recompute.recompute(SYSTEM_ACTOR);
    expect(again).toMatchObject({ parties: 41, events: events.length, tierChanges: 0, written: 0 });

    // a stored score that no longer matches its events is rewritten, and only that one
    const victim = parties[5]!;
    const before = await read.score(victim.id);
    await t.database.uow.transaction((tx) => tx.credit.upsertScores([{ ...before!, totalCenti: 1 }]));
    const fixed = await recompute.recompute(SYSTEM_ACTOR);
    expect(fixed.written).toBe(1);
    expect((await read.score(victim.id))?.totalCenti).toBe(before?.totalCenti);
  });
});

describe.each(availableDrivers())('credit recompute on %s, when a range cannot be scored', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
  });
  afterAll(async () => t?.drop());

  it('fails with the scorer’s error and closes the session; the ranges written before keep their scores with their moves', async () => {
    const audit = new AuditService({ clock, ids });
    const credit = new CreditService({
      uow: t.database.uow,
      clock,
      ids,
      audit,
      model: new StaticCreditModel(),
      parties: { resolve: async () => new Map() },
    });
    let closed = false;
    let calls = 0;
    const failing: CreditRangeScorer = {
      open(context) {
        return {
          score: async (job) => {
            if (++calls === 3) throw new Error('scorer down');
            return scoreRange(context, job);
          },
          close: async () => {
            closed = true;
          },
        };
      },
    };
    const party = `0${randomUUID().slice(1)}`;
    // four penalties: enough to leave A
    await t.database.uow.transaction((tx) =>
      tx.credit.insertEvents(
        [1, 2, 3, 4].map((k) => ({
          id: randomUUID(),
          partyId: party,
          partyKind: 'merchant' as const,
          kind: 'case.penalty' as const,
          at: new Date(asOf.getTime() - k * DAY),
          data: { severity: 5 },
          source: `test:failing:${k}`,
          voidedAt: null,
          voidReason: null,
          recordedBy: null,
          createdAt: asOf,
        })),
      ),
    );
    const recompute = new CreditRecomputeService({ uow: t.database.uow, clock, ids, audit, credit, scorer: failing });
    await expect(recompute.recompute(SYSTEM_ACTOR)).rejects.toThrow('scorer down');
    expect(closed).toBe(true);
    const read = t.database.uow.read;
    // range 0 was written before range 2 failed: its party's score and its move out of A together
    const stored = await read.credit.score(party);
    expect(stored?.tier).not.toBe('A');
    expect(await read.credit.tierMovesOf(party, 10)).toMatchObject([{ fromTier: null, toTier: stored?.tier, reason: 'recompute' }]);
    // the recompute as a whole did not happen
    expect(await read.audit.list({ limit: 10, action: 'credit.recompute' })).toEqual([]);
  });
});
