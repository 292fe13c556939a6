/**
 * The enforcement modes' side of scoring: the first-offence waiver per rule category (首违不罚 configured per
 * category) and relaxed categories for a span of time (监管沙盒), examples and the monotonic property under any
 * policy (a new violation never raises a score).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL as M } from './default-model.ts';
import type { CreditEvent } from './events.ts';
import { validateFirstOffence, validateModel } from './model.ts';
import { type PartyPolicy, scoreAll, scoreParty } from './score.ts';

const DAY = 86_400_000;
const asOf = new Date('2026-12-01T00:00:00Z');
const daysAgo = (n: number) => new Date(asOf.getTime() - n * DAY);
const CATEGORIES = ['absolute_claim', 'price_fraud', 'medical_claim'] as const;

function violation(id: string, severity: number, category: (typeof CATEGORIES)[number], ago: number): CreditEvent {
  return {
    id,
    partyId: 'p1',
    partyKind: 'streamer',
    kind: 'violation.confirmed',
    at: daysAgo(ago),
    data: { severity, category, ruleId: 'R' },
  };
}
const compliance = (events: CreditEvent[], policy?: PartyPolicy) =>
  scoreParty('p1', 'streamer', events, M, asOf, policy).dimensions.find((d) => d.key === 'compliance')!.score;
const reason = { zh: '监管沙盒：数字人主播', en: 'sandbox: digital-human streamers' };

describe('first offence per rule category', () => {
  const byCategory: PartyPolicy = { firstOffence: { ...M.firstOffence, byCategory: { price_fraud: 0, absolute_claim: 2 } } };

  it('never waives a category set to 0, and waives another up to its own severity', () => {
    expect(compliance([violation('a', 1, 'price_fraud', 0)], byCategory)).toBe(96);
    expect(compliance([violation('a', 2, 'absolute_claim', 0)], byCategory)).toBe(100);
    expect(compliance([violation('a', 3, 'absolute_claim', 0)], byCategory)).toBe(88);
    // a category not named keeps the policy's maxSeverity
    expect(compliance([violation('a', 2, 'medical_claim', 0)], byCategory)).toBe(100);
  });

  it('the model can carry byCategory too, and the model validates it', () => {
    const model = { ...M, firstOffence: { ...M.firstOffence, byCategory: { price_fraud: 0 } } };
    expect(validateModel(model)).toEqual([]);
    expect(scoreParty('p1', 'streamer', [violation('a', 1, 'price_fraud', 0)], model, asOf).total).toBeLessThan(100);
    expect(validateFirstOffence({ windowDays: 365, maxSeverity: 2, byCategory: { bribery: 1, price_fraud: 9 } }, 'fo')).toEqual([
      { path: 'fo.byCategory.bribery', code: 'unknown_category' },
      { path: 'fo.byCategory.price_fraud', code: 'out_of_range' },
    ]);
  });
});

describe('relaxed categories (sandbox)', () => {
  const halved: PartyPolicy = { relax: [{ category: 'medical_claim', factor: 0.5, from: daysAgo(30), to: daysAgo(-30), reason }] };

  it('halves a violation of the category inside the span, says why, and leaves others whole', () => {
    const s = scoreParty('p1', 'streamer', [violation('a', 5, 'medical_claim', 1)], M, asOf, halved);
    const c = s.contributions.find((x) => x.eventId === 'a')!;
    expect(c.points).toBeCloseTo(-10 * 0.5 ** (1 / 180), 2);
    expect(c.relaxed).toMatchObject({ factor: 0.5, zh: reason.zh });
    expect(compliance([violation('b', 5, 'price_fraud', 1)], halved)).toBe(compliance([violation('b', 5, 'price_fraud', 1)]));
  });

  it('a violation after the end date counts in full', () => {
    const ended: PartyPolicy = { relax: [{ category: 'medical_claim', factor: 0, from: daysAgo(60), to: daysAgo(10), reason }] };
    expect(compliance([violation('a', 5, 'medical_claim', 5)], ended)).toBe(compliance([violation('a', 5, 'medical_claim', 5)]));
    const waived = scoreParty('p1', 'streamer', [violation('b', 5, 'medical_claim', 20)], M, asOf, ended);
    expect(waived.contributions.find((x) => x.eventId === 'b')).toMatchObject({ points: 0, relaxed: { factor: 0 } });
  });

  it('scoreAll applies each party’s policy', () => {
    const events = [violation('a', 5, 'medical_claim', 1), { ...violation('b', 5, 'medical_claim', 1), partyId: 'p2' }];
    const [p1, p2] = scoreAll(events, M, asOf, (id) => (id === 'p1' ? halved : undefined));
    expect(p1!.total).toBeGreaterThan(p2!.total);
  });
});

describe('properties under any policy', () => {
  const policyArb: fc.Arbitrary<PartyPolicy> = fc.record({
    firstOffence: fc.record({
      windowDays: fc.integer({ min: 1, max: 400 }),
      maxSeverity: fc.integer({ min: 0, max: 5 }),
      byCategory: fc.dictionary(fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 5 })),
    }),
    relax: fc.array(
      fc.record({
        category: fc.constantFrom(...CATEGORIES),
        factor: fc.double({ min: 0, max: 1, noNaN: true }),
        from: fc.integer({ min: 0, max: 400 }).map(daysAgo),
        to: fc.integer({ min: -30, max: 400 }).map(daysAgo),
        reason: fc.constant(reason),
      }),
      { maxLength: 3 },
    ),
  });
  const violationArb = (id: string) =>
    fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...CATEGORIES), fc.integer({ min: 0, max: 500 }))
      .map(([sev, cat, ago]) => violation(id, sev, cat, ago));
  const historyArb = fc
    .array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 12 })
    .chain((ids) => fc.tuple(...ids.map((_, i) => violationArb(`e${i}`))));

  it('a new violation never raises the total, whatever the policy', () => {
    fc.assert(
      fc.property(policyArb, historyArb, violationArb('new'), (policy, events, extra) => {
        const before = scoreParty('p1', 'streamer', events, M, asOf, policy);
        const after = scoreParty('p1', 'streamer', [...events, extra], M, asOf, policy);
        expect(after.total).toBeLessThanOrEqual(before.total);
      }),
    );
  });

  it('relaxing categories never lowers a score', () => {
    fc.assert(
      fc.property(policyArb, historyArb, (policy, events) => {
        const relaxedOnly = { relax: policy.relax ?? [] };
        expect(scoreParty('p1', 'streamer', events, M, asOf, relaxedOnly).total).toBeGreaterThanOrEqual(
          scoreParty('p1', 'streamer', events, M, asOf).total,
        );
      }),
    );
  });
});
