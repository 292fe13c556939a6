/** The offline evaluation: the metrics on hand-worked cases, the time split, line parsing and the refusals. */
import { describe, expect, it } from 'vitest';
import { EvaluationError, evaluate, metrics, parseHistoryLine, splitByTime } from './evaluate.ts';
import type { Interaction } from './types.ts';

describe('metrics', () => {
  it('hit rate counts test pairs found in the top k; NDCG discounts by rank and is averaged per streamer', () => {
    const ranked = new Map([
      ['a', ['x', 'y', 'z']],
      ['b', ['z', 'x']],
    ]);
    const test = new Map([
      ['a', new Set(['y', 'w'])],
      ['b', new Set(['z'])],
    ]);
    const m = metrics(ranked, test, 2);
    expect(m.hitRate).toBeCloseTo(2 / 3, 10); // a: y (w missing); b: z
    const ndcgA = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(m.ndcg).toBeCloseTo((ndcgA + 1) / 2, 10);
    // k cuts the list: with k = 1, a finds nothing
    expect(metrics(ranked, test, 1).hitRate).toBeCloseTo(1 / 3, 10);
  });
  it('a streamer with no list scores zero; an empty test set scores zero', () => {
    expect(metrics(new Map(), new Map([['a', new Set(['x'])]]), 5)).toEqual({ hitRate: 0, ndcg: 0 });
    expect(metrics(new Map(), new Map(), 5)).toEqual({ hitRate: 0, ndcg: 0 });
  });
});

const ev = (streamer: string, product: string, kind: Interaction['kind'], at: number): Interaction => ({ streamer, product, kind, at });

describe('splitByTime', () => {
  it('tests on the last 20 % of sales and trains on everything before the first of them', () => {
    const xs: Interaction[] = [];
    for (let i = 0; i < 10; i++) xs.push(ev('s', `p${i}`, 'sale', i * 10), ev('s', `p${i}`, 'click', i * 10 + 5));
    const { train, test, cutAt } = splitByTime(xs);
    expect(cutAt).toBe(80);
    expect(test.map((e) => e.product)).toEqual(['p8', 'p9']);
    expect(train.every((e) => e.at < 80)).toBe(true);
    expect(train).toHaveLength(16);
  });
  it('needs two sales', () => {
    expect(() => splitByTime([ev('s', 'p', 'sale', 1), ev('s', 'p', 'click', 2)])).toThrow(EvaluationError);
  });
});

describe('parseHistoryLine', () => {
  it('reads the three kinds of line', () => {
    expect(parseHistoryLine({ type: 'product', id: 'p', category: 'food', priceFen: 100, commissionBp: 500, merchant: 'm' })).toMatchObject(
      { ok: true, line: { type: 'product' } },
    );
    expect(parseHistoryLine({ type: 'streamer', id: 's', categories: ['food'], audience: { female: 0.7, age18_24: 0.3 } })).toMatchObject({
      ok: true,
      line: { type: 'streamer', streamer: { audience: { female: 0.7, age18_24: 0.3 } } },
    });
    expect(parseHistoryLine({ streamer: 's', product: 'p', kind: 'sale', at: '2026-06-01T00:00:00Z', gmvFen: 990 })).toEqual({
      ok: true,
      line: {
        type: 'interaction',
        interaction: { streamer: 's', product: 'p', kind: 'sale', at: Date.parse('2026-06-01T00:00:00Z'), gmvFen: 990 },
      },
    });
  });
  it('names the field that is wrong', () => {
    const err = (v: unknown) => (parseHistoryLine(v) as { error: string }).error;
    expect(err([])).toMatch(/object/);
    expect(err({ type: 'product', id: 'p', category: 'food', priceFen: -1, commissionBp: 0, merchant: 'm' })).toMatch(/^priceFen/);
    expect(err({ type: 'product', id: 'p', category: 'food', priceFen: 1, commissionBp: 9001, merchant: 'm' })).toMatch(/^commissionBp/);
    expect(err({ type: 'streamer', id: 's', categories: 'food' })).toMatch(/^categories/);
    expect(err({ type: 'streamer', id: 's', categories: [], audience: { female: 2 } })).toMatch(/^audience\.female/);
    expect(err({ type: 'order' })).toMatch(/^type/);
    expect(err({ streamer: 's', product: 'p', kind: 'like', at: 1 })).toMatch(/^kind/);
    expect(err({ streamer: 's', product: 'p', kind: 'sale', at: 'yesterday' })).toMatch(/^at/);
    expect(err({ streamer: '', product: 'p', kind: 'sale', at: 1 })).toMatch(/^streamer/);
  });
});

describe('evaluate', () => {
  const products = ['a', 'b', 'c', 'd'].map((id, i) => ({
    id,
    category: i < 2 ? 'food' : 'home',
    merchant: 'm',
    priceFen: 1000,
    commissionBp: 500,
  }));
  const streamers = [
    { id: 's1', categories: ['food'], audience: {} },
    { id: 's2', categories: ['home'], audience: {} },
  ];
  it('refuses k ≤ 0 and an empty history', () => {
    expect(() => evaluate({ products, streamers, interactions: [ev('s1', 'a', 'sale', 1), ev('s1', 'a', 'sale', 2)] }, 0)).toThrow(
      /k must be a positive/,
    );
    expect(() => evaluate({ products, streamers, interactions: [] }, 5)).toThrow(/no interactions/);
    expect(() => evaluate({ products: [], streamers, interactions: [] }, 5)).toThrow(/no product/);
  });
  it('answers every key, with the ratios computed from the hit rates', () => {
    const xs: Interaction[] = [];
    for (let d = 0; d < 10; d++)
      xs.push(ev('s1', 'a', 'sale', d * 10), ev('s2', 'c', 'sale', d * 10 + 1), ev('s2', 'd', 'click', d * 10 + 2));
    const r = evaluate({ products, streamers, interactions: xs }, 1);
    expect(r.hit_rate_at_k).toBe(1); // both keep selling what they sold
    expect(r.blend_hit_rate_at_k).toBe(1);
    expect(r.popularity_hit_rate_at_k).toBe(0.5); // one list for all: a or c
    expect(r.ratio).toBe(2);
    expect(r.ratio_vs_blend).toBe(1);
    expect(r.test_streamers).toBe(2);
  });
});
