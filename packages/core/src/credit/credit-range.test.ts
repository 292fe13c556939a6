/**
 * A recompute's range scoring as pure functions: the scoring text cut into events (JSON data with escaped tabs,
 * newlines and Chinese, no trailing newline), every party scored as the engine scores it, only what changed written,
 * a cleared party back to full marks, the moves' reasons, the policy table, and the inline scorer.
 */
import { type CreditEvent, DEFAULT_MODEL as M, scoreParty } from '@livehub/credit';
import { describe, expect, it } from 'vitest';
import { type CreditPolicyTable, cutScoringLines, InlineCreditRangeScorer, scoreRange, scoreRecord } from './credit-range.ts';
import type { CreditStoredScore } from './credit.repository.ts';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const P1 = '10000000-0000-4000-8000-000000000001';
const P2 = '10000000-0000-4000-8000-000000000002';
const P3 = '10000000-0000-4000-8000-000000000003';

const ev = (id: string, partyId: string, kind: CreditEvent['kind'], daysAgo: number, data: Record<string, unknown>): CreditEvent =>
  ({ id, partyId, partyKind: 'streamer', kind, at: new Date(now.getTime() - daysAgo * DAY), data }) as CreditEvent;
/** the repository's line for an event (what the `scoring_line` column holds) */
const line = (e: CreditEvent) => [e.partyId, e.partyKind, e.kind, e.at.getTime(), e.id, JSON.stringify(e.data)].join('\t');

const P1_EVENTS = [
  ev('e1', P1, 'violation.confirmed', 10, { severity: 4, category: 'absolute_claim', ruleId: 'R1', note: '含\t制表符\n与换行' }),
  ev('e2', P1, 'violation.confirmed', 40, { severity: 5, category: 'false_advertising', ruleId: 'R2' }),
  ev('e3', P1, 'order.completed', 3, { onTime: true }),
];
const P2_EVENTS = [ev('e4', P2, 'order.returned', 5, {}), ev('e5', P2, 'order.completed', 6, { onTime: false })];
const FUTURE = ev('e6', P2, 'case.penalty', -1, { severity: 5 });
const TEXT = [...P1_EVENTS, FUTURE, ...P2_EVENTS].map(line).join('\n');

const stored = (partyId: string, events: CreditEvent[], over: Partial<CreditStoredScore> = {}): CreditStoredScore => {
  const { computedAt: _, ...record } = scoreRecord(scoreParty(partyId, 'streamer', events, M, now), now, now);
  return { ...record, ...over };
};

describe('cutScoringLines', () => {
  it('reads every field of every line, the data as JSON whatever it holds', () => {
    const events = cutScoringLines(TEXT);
    expect(events).toHaveLength(6);
    expect(events[0]).toEqual(P1_EVENTS[0]);
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e6', 'e4', 'e5']);
    expect(events[0]!.data.note).toBe('含\t制表符\n与换行');
  });

  it('reads nothing from an empty text', () => {
    expect(cutScoringLines('')).toEqual([]);
  });
});

describe('scoreRange', () => {
  it('scores every party as the engine does, leaving out events later than now', () => {
    const out = scoreRange({ model: M, now }, { lines: TEXT, stored: [] });
    expect(out.parties).toBe(2);
    expect(out.rescored).toEqual([]);
    const byParty = new Map(out.records.map((r) => [r.partyId, r]));
    expect(byParty.get(P1)).toEqual(scoreRecord(scoreParty(P1, 'streamer', P1_EVENTS, M, now), now, now));
    expect(byParty.get(P2)).toEqual(scoreRecord(scoreParty(P2, 'streamer', P2_EVENTS, M, now), now, now));
    // a first score below A is a move from nowhere; a first score in A is none
    const p1 = byParty.get(P1)!;
    expect(p1.tier).not.toBe('A');
    expect(out.moves).toEqual([
      {
        partyId: P1,
        partyKind: 'streamer',
        fromTier: null,
        toTier: p1.tier,
        totalCenti: p1.totalCenti,
        modelVersion: M.version,
        reason: 'recompute',
        at: now,
      },
    ]);
  });

  it('writes only what changed, brings a party without events back to full marks, and names a model change', () => {
    const out = scoreRange(
      { model: M, now },
      {
        lines: TEXT,
        stored: [
          stored(P1, P1_EVENTS), // the same: nothing to write
          stored(P2, P2_EVENTS, { totalCenti: 1234, tier: 'C', modelVersion: 'old' }), // drifted, another model
          stored(P3, [], { totalCenti: 5000, tier: 'D' }), // its events were voided
        ],
      },
    );
    expect(out.parties).toBe(3);
    expect(out.records.map((r) => r.partyId).sort()).toEqual([P2, P3]);
    expect(out.rescored.map((r) => [r.partyId, r.events.length])).toEqual([
      [P2, 2],
      [P3, 0],
    ]);
    expect(out.records.find((r) => r.partyId === P3)).toMatchObject({ totalCenti: 10_000, tier: 'A' });
    expect(out.moves.map((m) => [m.partyId, m.fromTier, m.reason])).toEqual([
      [P2, 'C', 'model'],
      [P3, 'D', 'recompute'],
    ]);
  });

  it('keeps the stored tierSince when the tier did not change', () => {
    const since = new Date(now.getTime() - 30 * DAY);
    const before = stored(P1, P1_EVENTS, { tierSince: since, totalCenti: 1 });
    const out = scoreRange({ model: M, now }, { lines: P1_EVENTS.map(line).join('\n'), stored: [before] });
    expect(out.records).toHaveLength(1);
    expect(out.records[0]!.tierSince).toEqual(since);
    expect(out.moves).toEqual([]);
  });

  it('scores each party with its own policy from the table, everyone else with the fallback', () => {
    const waiveAll: CreditPolicyTable['fallback'] = {
      relax: ['absolute_claim', 'false_advertising'].map((category) => ({
        category,
        factor: 0,
        from: new Date(0),
        to: now,
        reason: { zh: '监管沙盒「测试」', en: 'sandbox "test"' },
      })),
    };
    const policies: CreditPolicyTable = { fallback: {}, parties: new Map([[P1, waiveAll]]) };
    const out = scoreRange({ model: M, now, policies }, { lines: TEXT, stored: [] });
    const p1 = out.records.find((r) => r.partyId === P1)!;
    expect(p1).toEqual(scoreRecord(scoreParty(P1, 'streamer', P1_EVENTS, M, now, waiveAll), now, now));
    expect(p1.tier).toBe('A');
    expect(out.records.find((r) => r.partyId === P2)).toEqual(scoreRecord(scoreParty(P2, 'streamer', P2_EVENTS, M, now, {}), now, now));
  });
});

describe('InlineCreditRangeScorer', () => {
  it('answers what scoreRange answers', async () => {
    const session = new InlineCreditRangeScorer().open({ model: M, now });
    expect(await session.score({ lines: TEXT, stored: [] })).toEqual(scoreRange({ model: M, now }, { lines: TEXT, stored: [] }));
    await session.close();
  });
});
