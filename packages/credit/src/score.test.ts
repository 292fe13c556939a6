/**
 * Scoring: an example per event kind and dimension, the first-offence waiver, rates, caps, tiers and measures, and
 * the properties the issue asks for (monotonic, decay, order, bounds, an explanation that adds up, voided events).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL as M } from './default-model.ts';
import { CREDIT_EVENT_KINDS, type CreditEvent, type CreditEventData, type CreditEventKind, PARTY_KINDS, type PartyKind } from './events.ts';
import { SAMPLE_EVENT_DATA } from './sample-events.ts';
import { measuresFor, scoreAll, scoreParty, tierOf, type CreditScore } from './score.ts';

const DAY = 86_400_000;
const asOf = new Date('2026-12-01T00:00:00Z');
const daysAgo = (n: number) => new Date(asOf.getTime() - n * DAY);

let seq = 0;
function ev<K extends CreditEventKind>(
  kind: K,
  data: CreditEventData[K],
  ago = 0,
  party: PartyKind = 'streamer',
  partyId = 'p1',
): CreditEvent {
  seq++;
  return { id: `e${String(seq).padStart(5, '0')}`, partyId, partyKind: party, kind, at: daysAgo(ago), data } as CreditEvent;
}
const score = (events: CreditEvent[], party: PartyKind = 'streamer') => scoreParty('p1', party, events, M, asOf);
const dim = (s: CreditScore, key: string) => s.dimensions.find((d) => d.key === key)!.score;
const cents = (n: number) => Math.round(n * 100);

const SAMPLE = SAMPLE_EVENT_DATA;

describe('scoreParty: examples', () => {
  it('a party with no events is 100 everywhere, tier A, no measures', () => {
    for (const party of PARTY_KINDS) {
      const s = score([], party);
      expect(s.total).toBe(100);
      expect(s.tier).toBe('A');
      expect(s.dimensions.every((d) => d.score === 100)).toBe(true);
      expect(s.modelVersion).toBe(M.version);
      expect(measuresFor(s.tier, M)).toEqual([]);
    }
  });

  // Each deduction of the default model, on each party kind it touches, today (no decay): dimension and points.
  const deductionsByKind: { [K in CreditEventKind]?: Partial<Record<PartyKind, [string, number]>> } = {
    'violation.confirmed': { merchant: ['compliance', -16], mcn: ['compliance', -16] },
    'complaint.upheld': { merchant: ['service', -6], streamer: ['reputation', -6], base: ['management', -6] },
    'refund.overdue': { merchant: ['service', -2] },
    'shipment.late': { merchant: ['logistics', -1.5], streamer: ['fulfilment', -1.5] },
    'sample.overdue': { streamer: ['fulfilment', -1.5], mcn: ['management', -1.5] },
    'certification.lapsed': { base: ['management', -10], streamer: ['compliance', -10] },
    'case.penalty': { base: ['compliance', -16] },
  };
  const deductions = Object.entries(deductionsByKind).flatMap(([kind, byParty]) =>
    Object.entries(byParty).map(([party, [key, points]]) => [kind as CreditEventKind, party as PartyKind, key, points] as const),
  );
  it.each(deductions)('%s on a %s lowers %s by %d', (kind, party, key, points) => {
    const s = score([ev(kind, SAMPLE[kind], 0, party)], party);
    expect(dim(s, key)).toBe(100 + points);
    expect(s.contributions).toEqual([expect.objectContaining({ kind, dimension: key, points, decay: 1, hint: M.hints[kind] })]);
    for (const d of s.dimensions) if (d.key !== key) expect(d.score).toBe(100);
  });

  it('a per-event maximum bounds long delays', () => {
    expect(dim(score([ev('refund.overdue', { days: 60 }, 0, 'merchant')], 'merchant'), 'service')).toBe(95);
  });

  it('restorations only give back what was lost, never above 100, and the clamp says so', () => {
    const s = score([ev('training.completed', SAMPLE['training.completed'])]);
    expect(dim(s, 'compliance')).toBe(100);
    expect(s.contributions.map((c) => [c.kind, c.points])).toEqual([
      ['training.completed', 2],
      ['clamp', -2],
    ]);
    // -8 + 6 + 4 would be 102: the clamp takes back the 2 above 100
    const restored = score([
      ev('case.penalty', { severity: 1 }),
      ev('training.completed', { hours: 6 }),
      ev('streaming.clean', { hours: 40 }),
    ]);
    expect(dim(restored, 'compliance')).toBe(100);
    expect(restored.contributions.at(-1)).toMatchObject({ kind: 'clamp', points: -2 });
  });

  it.each<[CreditEventKind, PartyKind, string, number]>([
    ['training.completed', 'merchant', 'compliance', 2],
    ['streaming.clean', 'streamer', 'compliance', 2],
    ['order.completed', 'merchant', 'logistics', 0.05],
    ['order.completed', 'streamer', 'fulfilment', 0.05],
  ])('%s on a %s restores %s by %d after a loss', (kind, party, key, points) => {
    const loss = ev('certification.lapsed', {}, 0, party);
    const late = ev('shipment.late', { days: 10 }, 0, party);
    const before = score([loss, late], party);
    const after = score([loss, late, ev(kind, SAMPLE[kind], 0, party)], party);
    expect(cents(dim(after, key) - dim(before, key))).toBe(cents(points));
  });

  it('restorations are capped in total and count only inside their window', () => {
    const loss = ev('case.penalty', { severity: 3 });
    const trainings = Array.from({ length: 5 }, () => ev('training.completed', { hours: 2 }, 10));
    const s = score([loss, ...trainings]);
    expect(dim(s, 'compliance')).toBe(100 - 24 + M.rules['training.completed'].cap!);
    expect(score([loss, ev('training.completed', { hours: 2 }, 400)]).contributions).toHaveLength(1);
    expect(score([loss, ev('order.completed', { onTime: false })]).contributions).toHaveLength(1);
  });

  it('events fade with their half-life', () => {
    const halfLife = M.rules['violation.confirmed'].halfLifeDays!;
    const s = score([ev('violation.confirmed', { severity: 5, category: 'absolute_claim', ruleId: 'A' }, halfLife)]);
    expect(s.contributions[0]).toMatchObject({ points: -10, decay: 0.5 });
    expect(dim(s, 'compliance')).toBe(90);
  });

  it('the return rate deducts by thresholds once there are enough orders', () => {
    const orders = (n: number, returns: number, party: PartyKind) => [
      ...Array.from({ length: n }, () => ev('order.completed', { onTime: false }, 5, party)),
      ...Array.from({ length: returns }, () => ev('order.returned', {}, 5, party)),
    ];
    expect(dim(score(orders(40, 2, 'merchant'), 'merchant'), 'goods')).toBe(100);
    expect(dim(score(orders(40, 3, 'merchant'), 'merchant'), 'goods')).toBe(97);
    expect(dim(score(orders(40, 5, 'merchant'), 'merchant'), 'goods')).toBe(92);
    expect(dim(score(orders(40, 10, 'streamer')), 'reputation')).toBe(85);
    expect(dim(score(orders(10, 9, 'merchant'), 'merchant'), 'goods')).toBe(100);
    const old = orders(40, 10, 'merchant').map((e) => ({ ...e, at: daysAgo(200) }));
    expect(dim(score(old, 'merchant'), 'goods')).toBe(100);
    expect(score(orders(40, 10, 'merchant'), 'merchant').contributions).toContainEqual(
      expect.objectContaining({ eventId: 'rate:return_rate', kind: 'rate', dimension: 'goods', points: -15 }),
    );
  });

  it('tiers, measures and their bounds', () => {
    expect([95, 90, 89.99, 75, 74.99, 60, 59.99, 0].map((t) => tierOf(t, M))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(measuresFor('D', M).map((m) => m.code)).toEqual(['prereview', 'no_selection', 'no_flash_sale', 'payout_hold']);
    expect(measuresFor('C', M).map((m) => m.code)).toEqual(['observation_tag', 'extra_sampling']);
    const penalties = Array.from({ length: 5 }, () => ev('case.penalty', { severity: 3 }));
    const complaints = Array.from({ length: 4 }, () => ev('complaint.upheld', { severity: 3 }));
    const d = score([...penalties, ...complaints]);
    expect(d).toMatchObject({ tier: 'D', total: 47.4 });
    expect(dim(d, 'compliance')).toBe(0);
  });

  it('ignores other parties, voided events and events after asOf', () => {
    const sev = { severity: 5, category: 'absolute_claim', ruleId: 'A' } as const;
    const others = [ev('violation.confirmed', sev, 0, 'streamer', 'p2'), ev('violation.confirmed', sev, 0, 'merchant')];
    const future = ev('violation.confirmed', sev, -1);
    const voided = { ...ev('violation.confirmed', sev, 0), voided: true };
    expect(score([...others, future, voided]).total).toBe(100);
  });
});

describe('first-offence waiver (首违不罚)', () => {
  const minor = { severity: 2, category: 'absolute_claim', ruleId: 'ABS-001' } as const;
  const severe = { severity: 3, category: 'medical_claim', ruleId: 'MED-001' } as const;

  it('waives the first minor violation, deducts the second in the window, waives one after the window again', () => {
    const window = M.firstOffence.windowDays;
    const first = ev('violation.confirmed', minor, 2 * window + 100);
    const second = ev('violation.confirmed', minor, 2 * window + 50);
    const third = ev('violation.confirmed', minor, 10);
    const s = score([third, second, first]);
    const byId = new Map(s.contributions.map((c) => [c.eventId, c]));
    expect(byId.get(first.id)).toMatchObject({ points: 0, waived: 'first_offence' });
    expect(byId.get(second.id)?.waived).toBeUndefined();
    expect(byId.get(second.id)!.points).toBeLessThan(0);
    expect(byId.get(third.id)).toMatchObject({ points: 0, waived: 'first_offence' });
  });

  it('never waives a severe violation, and a severe one makes the next minor one not a first', () => {
    const s = score([ev('violation.confirmed', severe, 30), ev('violation.confirmed', minor, 20)]);
    expect(s.contributions.filter((c) => c.waived)).toEqual([]);
    expect(s.contributions.map((c) => c.points)).toHaveLength(2);
    expect(dim(s, 'compliance')).toBeLessThan(100);
  });
});

// --- properties ---------------------------------------------------------------------------------------------------

const partyArb = fc.constantFrom(...PARTY_KINDS);
// The kinds that can only cost: deductions, and returns (they raise the return rate). A completed order is not one of
// them even when late: it widens the rate's denominator.
const NEGATIVE_KINDS = CREDIT_EVENT_KINDS.filter((k) => M.rules[k].points < 0 || k === 'order.returned');

function dataArb(kind: CreditEventKind): fc.Arbitrary<CreditEventData[CreditEventKind]> {
  switch (kind) {
    case 'violation.confirmed':
      return fc.record({
        severity: fc.integer({ min: 1, max: 5 }),
        category: fc.constant('absolute_claim' as const),
        ruleId: fc.constant('R'),
      });
    case 'complaint.upheld':
    case 'compensation.advanced':
    case 'case.penalty':
      return fc.record({ severity: fc.integer({ min: 1, max: 3 }) });
    case 'order.completed':
      return fc.record({ onTime: fc.boolean() });
    case 'refund.overdue':
    case 'shipment.late':
    case 'sample.overdue':
      return fc.record({ days: fc.integer({ min: 1, max: 30 }) });
    case 'training.completed':
    case 'streaming.clean':
      return fc.record({ hours: fc.integer({ min: 0, max: 40 }) });
    default:
      return fc.constant({});
  }
}
const eventArb = (kinds: readonly CreditEventKind[], party: PartyKind, id: string) =>
  fc
    .constantFrom(...kinds)
    .chain((kind) => fc.tuple(fc.constant(kind), dataArb(kind), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 9 })))
    .map(
      ([kind, data, ago, voided]) =>
        ({ id, partyId: 'p1', partyKind: party, kind, at: daysAgo(ago), data, voided: voided === 0 ? true : undefined }) as CreditEvent,
    );
const eventsArb = (party: PartyKind) =>
  fc
    .integer({ min: 0, max: 30 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eventArb(CREDIT_EVENT_KINDS, party, `e${i}`))));
const historyArb = partyArb.chain((party) => fc.tuple(fc.constant(party), eventsArb(party)));

describe('scoreParty: properties', () => {
  it('a new negative event never raises the total or any dimension', () => {
    fc.assert(
      fc.property(
        historyArb.chain(([party, events]) => fc.tuple(fc.constant(party), fc.constant(events), eventArb(NEGATIVE_KINDS, party, 'new'))),
        ([party, events, extra]) => {
          const before = score(events, party);
          const after = score([...events, extra], party);
          expect(after.total).toBeLessThanOrEqual(before.total);
          for (const [i, d] of after.dimensions.entries()) expect(d.score).toBeLessThanOrEqual(before.dimensions[i]!.score);
        },
      ),
    );
  });

  it('decay never makes an older event weigh more than the same event newer', () => {
    const deductionKinds = CREDIT_EVENT_KINDS.filter((k) => M.rules[k].points < 0);
    const eventKindAndData = fc.constantFrom(...deductionKinds).chain((kind) => fc.tuple(fc.constant(kind), dataArb(kind)));
    const age = fc.integer({ min: 0, max: 2_000 });
    fc.assert(
      fc.property(eventKindAndData, partyArb, age, age, ([kind, data], party, a, b) => {
        // severity above the waiver's, so a first offence is not waived and the decay shows
        const counted = 'severity' in data ? { ...data, severity: 3 } : data;
        const weigh = (ago: number) => score([{ ...ev(kind, counted as never, ago, party), id: 'x' }], party).total;
        expect(weigh(Math.max(a, b))).toBeGreaterThanOrEqual(weigh(Math.min(a, b)));
      }),
    );
  });

  it('the same events in any order give the same score', () => {
    fc.assert(
      fc.property(
        historyArb.chain(([party, events]) =>
          fc.tuple(fc.constant(party), fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        ([party, events, shuffled]) => {
          expect(score(shuffled, party)).toEqual(score(events, party));
        },
      ),
    );
  });

  it('totals and dimensions stay within [0, 100] and the explanation adds up exactly per dimension', () => {
    fc.assert(
      fc.property(historyArb, ([party, events]) => {
        const s = score(events, party);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100);
        expect(s.tier).toBe(tierOf(s.total, M));
        for (const d of s.dimensions) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
          const sum = s.contributions.filter((c) => c.dimension === d.key).reduce((acc, c) => acc + cents(c.points), 0);
          expect(10_000 + sum).toBe(cents(d.score));
        }
        for (const c of s.contributions) expect(c.decay >= 0 && c.decay <= 1).toBe(true);
      }),
    );
  });

  it('a voided event changes nothing', () => {
    fc.assert(
      fc.property(
        historyArb.chain(([party, events]) =>
          fc.tuple(fc.constant(party), fc.constant(events), eventArb(CREDIT_EVENT_KINDS, party, 'void')),
        ),
        ([party, events, extra]) => {
          expect(score([...events, { ...extra, voided: true }], party)).toEqual(score(events, party));
        },
      ),
    );
  });

  it('scoreAll gives each party what scoreParty gives it, in a fixed order', () => {
    fc.assert(
      fc.property(historyArb, historyArb, ([, a], [pb, b]) => {
        const second = b.map((e) => ({ ...e, partyId: 'p2', partyKind: pb }));
        const all = scoreAll([...a, ...second], M, asOf);
        expect(scoreAll([...second, ...a].reverse(), M, asOf)).toEqual(all);
        for (const s of all) expect(s).toEqual(scoreParty(s.partyId, s.partyKind, [...a, ...second], M, asOf));
        expect(all.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});
