/** The stored model's rules: the schedule (China time), the count of new interactions, the byte form, the fold-in path. */
import { type Interaction, MatchingEngine, type MatchProduct, type MatchStreamer } from '@livehub/matching';
import { describe, expect, it } from 'vitest';
import {
  countNewInteractions,
  decodeFactors,
  encodeFactors,
  freshStreamers,
  nextRetrainAt,
  type RetrainSchedule,
  retrainDue,
} from './matching-model.rules.ts';
import { extractFactors, factorsFor } from './matching.rules.ts';

const nightly: RetrainSchedule = { intervalHours: 24, quietHourCst: 3, minNewInteractions: 20 };
const utc = (s: string) => new Date(s);

describe('nextRetrainAt / retrainDue', () => {
  it('no model yet: due at once; interval 0: never', () => {
    expect(retrainDue(utc('2026-12-06T10:00:00Z'), null, nightly)).toEqual({ due: true });
    expect(nextRetrainAt(utc('2026-12-06T10:00:00Z'), { ...nightly, intervalHours: 0 })).toBeNull();
    expect(retrainDue(utc('2026-12-06T10:00:00Z'), null, { ...nightly, intervalHours: 0 })).toMatchObject({ due: false, reason: 'off' });
  });

  it('nightly: at 03:00 China time (19:00 UTC the day before), whether the last run was scheduled or at noon', () => {
    // scheduled run at 03:00:30 CST on 6 Dec = 19:00:30 UTC on 5 Dec → next 03:00 CST on 7 Dec
    expect(nextRetrainAt(utc('2026-12-05T19:00:30Z'), nightly)?.toISOString()).toBe('2026-12-06T19:00:00.000Z');
    // an admin retrained at 10:00 CST on 6 Dec (02:00 UTC) → still the next quiet hour, 03:00 CST on 7 Dec
    expect(nextRetrainAt(utc('2026-12-06T02:00:00Z'), nightly)?.toISOString()).toBe('2026-12-06T19:00:00.000Z');
    // retrained at 01:00 CST (17:00 UTC the day before): not again two hours later, the night after
    expect(nextRetrainAt(utc('2026-12-05T17:00:00Z'), nightly)?.toISOString()).toBe('2026-12-06T19:00:00.000Z');
    expect(retrainDue(utc('2026-12-06T18:59:59Z'), utc('2026-12-06T02:00:00Z'), nightly).due).toBe(false);
    expect(retrainDue(utc('2026-12-06T19:00:00Z'), utc('2026-12-06T02:00:00Z'), nightly).due).toBe(true);
  });

  it('every two days at 04:00; and intervals under a day ignore the hour', () => {
    const two = { ...nightly, intervalHours: 48, quietHourCst: 4 };
    expect(nextRetrainAt(utc('2026-12-05T20:00:00Z'), two)?.toISOString()).toBe('2026-12-07T20:00:00.000Z');
    expect(nextRetrainAt(utc('2026-12-06T10:15:00Z'), { ...nightly, intervalHours: 6 })?.toISOString()).toBe('2026-12-06T16:15:00.000Z');
  });
});

describe('new interactions', () => {
  const h: Interaction[] = [
    { streamer: 's1', product: 'p1', kind: 'click', at: 10 },
    { streamer: 's2', product: 'p1', kind: 'sale', at: 20 },
    { streamer: 's3', product: 'p2', kind: 'impression', at: 30 },
  ];
  it('counts what is newer than the last model (everything when there is none)', () => {
    expect(countNewInteractions(h, null)).toBe(3);
    expect(countNewInteractions(h, 20)).toBe(1);
  });
  it('names the streamers whose vectors need folding in', () => {
    expect([...freshStreamers(h, 15)].sort()).toEqual(['s2', 's3']);
    expect(freshStreamers(h, 30).size).toBe(0);
  });
});

// a small world: g-streamers take the a-products, h-streamers the b-products
const product = (id: string): MatchProduct => ({ id, category: 'food', merchant: 'm1', priceFen: 5000, commissionBp: 2000 });
const streamer = (id: string): MatchStreamer => ({ id, categories: ['food'], audience: {} });
const A = ['a1', 'a2', 'a3', 'a4'];
const B = ['b1', 'b2', 'b3', 'b4'];
const DAY = 86_400_000;
const catalog = {
  products: [...A, ...B].map(product),
  streamers: [...['g0', 'g1', 'g2', 'g3', 'h0', 'h1', 'h2', 'h3'].map(streamer), streamer('t')],
  merchants: [{ id: 'm1', admitted: true }],
};
const history: Interaction[] = [];
for (let i = 0; i < 4; i++)
  for (let j = 0; j < 4; j++)
    if (i !== j) {
      history.push({ streamer: `g${i}`, product: A[j] as string, kind: 'sale', at: 5 * DAY });
      history.push({ streamer: `h${i}`, product: B[j] as string, kind: 'sale', at: 5 * DAY });
    }
history.push({ streamer: 't', product: 'a1', kind: 'sample', at: 5 * DAY });

describe('the stored factors', () => {
  const trained = MatchingEngine.build(catalog, { history, asOf: 6 * DAY, als: { factors: 4, iterations: 8 } });
  const factors = extractFactors(trained);

  it('round-trip exactly through bytes', () => {
    const back = decodeFactors(encodeFactors(factors));
    expect(back.dim).toBe(4);
    expect([...back.streamers.keys()]).toEqual([...factors.streamers.keys()]);
    for (const [id, v] of factors.products) expect([...(back.products.get(id) as Float32Array)]).toEqual([...v]);
    for (const [id, v] of factors.streamers) expect([...(back.streamers.get(id) as Float32Array)]).toEqual([...v]);
  });

  it('refuse bytes that are not a model', () => {
    expect(() => decodeFactors(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(RangeError);
    const bytes = encodeFactors(factors);
    expect(() => decodeFactors(bytes.subarray(0, bytes.length - 4))).toThrow(RangeError);
  });

  it('the service path: a click after the training, folded in against the stored factors, lifts what is like it', () => {
    const stored = decodeFactors(encodeFactors(factors));
    const withClick = [...history, { streamer: 't', product: 'b1', kind: 'click' as const, at: 6 * DAY }];
    const build = () => MatchingEngine.build(catalog, { history: withClick, asOf: 6 * DAY, factors: factorsFor(stored, catalog) });
    const stale = build();
    const fresh = build();
    for (const s of freshStreamers(withClick, 5 * DAY)) fresh.foldIn(s, []);
    const sc = (e: MatchingEngine, p: string) => e.score(e.streamerIndex.get('t') as number, e.productIndex.get(p) as number);
    for (const p of ['b2', 'b3', 'b4']) expect(sc(fresh, p)).toBeGreaterThan(sc(stale, p));
    const off = (e: MatchingEngine) => e.rankProducts('t', { k: 8, personalised: false }).map((r) => [r.id, r.score]);
    expect(off(fresh)).toEqual(off(stale));
  });
});
