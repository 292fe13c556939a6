/**
 * Hard constraints: each one on its own, and the property the issue asks for — over random catalogues, histories and
 * queries, no recommendation (products for a streamer, streamers for a product, personalised or not) ever breaks
 * one, and nothing eligible is left out when fewer than k are eligible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { violations } from './constraints.ts';
import { MatchingEngine } from './engine.ts';
import { TopK } from './topk.ts';
import type { Interaction, MatchMerchant, MatchProduct, MatchStreamer } from './types.ts';

const merchant: MatchMerchant = { id: 'm1', admitted: true, creditTier: 'B' };
const product: MatchProduct = { id: 'p1', category: 'food', merchant: 'm1', priceFen: 5000, commissionBp: 1000 };
const streamer: MatchStreamer = { id: 's1', categories: ['food'], audience: { female: 0.6, age25_34: 0.5 } };
const codes = (s: MatchStreamer, p: MatchProduct, m: MatchMerchant | undefined = merchant) => violations(s, p, m).map((v) => v.code);

describe('each hard constraint', () => {
  it('allows a plain pair', () => expect(codes(streamer, product)).toEqual([]));
  it('streamer certification and credit measures', () => {
    expect(codes({ ...streamer, certified: false }, product)).toEqual(['streamer_not_certified']);
    expect(codes({ ...streamer, measures: ['no_selection'] }, product)).toEqual(['streamer_barred']);
    expect(codes({ ...streamer, creditTier: 'D' }, product)).toEqual(['streamer_barred']);
    expect(codes({ ...streamer, creditTier: 'C' }, product)).toEqual([]);
  });
  it('professional licences for the category', () => {
    const drug = { ...product, requiredLicences: ['pharmacist'] };
    expect(codes(streamer, drug)).toEqual(['licence_missing']);
    expect(violations(streamer, drug, merchant)[0]?.zh).toContain('pharmacist');
    expect(codes({ ...streamer, licences: ['pharmacist'] }, drug)).toEqual([]);
  });
  it('product review state and category rule', () => {
    for (const status of ['draft', 'in_review', 'returned', 'rejected', 'delisted'] as const)
      expect(codes(streamer, { ...product, status })).toEqual(['product_not_approved']);
    expect(codes(streamer, { ...product, liveRule: 'prohibited' })).toEqual(['category_prohibited']);
    expect(codes(streamer, { ...product, liveRule: 'restricted' })).toEqual([]);
  });
  it('merchant admission, tiers and measures', () => {
    expect(violations(streamer, product, undefined).map((v) => v.code)).toEqual(['merchant_not_admitted']);
    expect(codes(streamer, product, { ...merchant, admitted: false })).toEqual(['merchant_not_admitted']);
    expect(codes(streamer, product, { ...merchant, creditTier: 'D' })).toEqual(['merchant_barred']);
    expect(codes(streamer, product, { ...merchant, measures: ['no_selection'] })).toEqual(['merchant_barred']);
  });
  it('exclusive and targeted plans, to the streamer or its MCN', () => {
    const targeted = { ...product, plan: { type: 'targeted' as const, partners: ['s2', 'mcn9'] } };
    expect(codes(streamer, targeted)).toEqual(['plan_not_open']);
    expect(codes({ ...streamer, id: 's2' }, targeted)).toEqual([]);
    expect(codes({ ...streamer, mcn: 'mcn9' }, targeted)).toEqual([]);
    const exclusive = { ...product, plan: { type: 'exclusive' as const, partners: ['s2'] } };
    expect(violations(streamer, exclusive, merchant)[0]?.zh).toContain('独家');
  });
  it('stock against the expected demand, sample availability', () => {
    expect(codes({ ...streamer, expectedUnits: 500 }, { ...product, stock: 200 })).toEqual(['stock_short']);
    expect(codes({ ...streamer, expectedUnits: 200 }, { ...product, stock: 200 })).toEqual([]);
    expect(codes({ ...streamer, requiresSample: true }, product)).toEqual(['no_sample']);
    expect(codes({ ...streamer, requiresSample: true }, { ...product, sampleAvailable: true })).toEqual([]);
  });
  it('no adult-only product (alcohol) to a young audience', () => {
    const liquor = { ...product, adultOnly: true };
    expect(codes({ ...streamer, audience: { under18: 0.2 } }, liquor)).toEqual(['audience_restricted']);
    expect(violations({ ...streamer, audience: { under18: 0.2 } }, liquor, merchant)[0]?.zh).toContain('未成年人占20%');
    expect(codes({ ...streamer, audience: { under18: 0.01 } }, liquor)).toEqual([]);
  });
});

const LICENCES = ['pharmacist', 'nutritionist', 'medical_device', 'agri_cert'];
const CATS = ['food', 'drug', 'cosmetics', 'liquor'];
const arbProduct = (i: number) =>
  fc
    .record({
      category: fc.constantFrom(...CATS),
      merchant: fc.constantFrom('m0', 'm1', 'm2', 'm3', 'mX'),
      priceFen: fc.integer({ min: 100, max: 1_000_000 }),
      commissionBp: fc.integer({ min: 0, max: 9000 }),
      status: fc.constantFrom('approved', 'approved', 'approved', 'in_review', 'delisted', undefined),
      liveRule: fc.constantFrom('allowed', 'restricted', 'prohibited', undefined),
      requiredLicences: fc.subarray(LICENCES, { maxLength: 2 }),
      adultOnly: fc.boolean(),
      stock: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      sampleAvailable: fc.boolean(),
      plan: fc.option(
        fc.record({
          type: fc.constantFrom('targeted' as const, 'exclusive' as const),
          partners: fc.subarray(['s0', 's1', 's2', 'mcnA', 'mcnB'], { minLength: 1 }),
        }),
        { nil: undefined },
      ),
      returnRate: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
    })
    .map((p): MatchProduct => ({ id: `p${i}`, ...p }) as MatchProduct);
const arbStreamer = (i: number) =>
  fc
    .record({
      categories: fc.subarray(CATS, { maxLength: 2 }),
      female: fc.double({ min: 0, max: 1, noNaN: true }),
      under18: fc.double({ min: 0, max: 0.3, noNaN: true }),
      certified: fc.constantFrom(true, true, true, false, undefined),
      licences: fc.subarray(LICENCES),
      mcn: fc.option(fc.constantFrom('mcnA', 'mcnB'), { nil: undefined }),
      expectedUnits: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
      requiresSample: fc.boolean(),
      measures: fc.constantFrom([], [], ['no_selection']),
    })
    .map(
      ({ female, under18, ...s }): MatchStreamer =>
        ({ id: `s${i}`, audience: { female, under18, age25_34: 1 - under18 }, ...s }) as MatchStreamer,
    );
const arbCatalog = fc.integer({ min: 1, max: 40 }).chain((np) =>
  fc.integer({ min: 1, max: 12 }).chain((ns) =>
    fc.record({
      products: fc.tuple(...Array.from({ length: np }, (_, i) => arbProduct(i))),
      streamers: fc.tuple(...Array.from({ length: ns }, (_, i) => arbStreamer(i))),
      merchants: fc.tuple(
        ...['m0', 'm1', 'm2', 'm3'].map((id) =>
          fc
            .record({
              admitted: fc.boolean(),
              creditTier: fc.constantFrom('A', 'B', 'C', 'D') as fc.Arbitrary<MatchMerchant['creditTier']>,
            })
            .map((m) => ({ id, ...m })),
        ),
      ),
      events: fc.array(
        fc.record({
          s: fc.nat({ max: ns - 1 }),
          p: fc.nat({ max: np - 1 }),
          kind: fc.constantFrom('impression', 'click', 'sample', 'agreement', 'sale') as fc.Arbitrary<Interaction['kind']>,
          at: fc.integer({ min: 0, max: 30 * 86_400_000 }),
        }),
        { maxLength: 80 },
      ),
      k: fc.integer({ min: 1, max: 50 }),
    }),
  ),
);

describe('no hard constraint is ever violated', () => {
  it('over random catalogues, histories and queries, in both directions (and for a merchant), personalised or not, one by one or in a batch', () => {
    fc.assert(
      fc.property(arbCatalog, ({ products, streamers, merchants, events, k }) => {
        const history: Interaction[] = events.map((e) => ({ streamer: `s${e.s}`, product: `p${e.p}`, kind: e.kind, at: e.at }));
        const engine = MatchingEngine.build({ products, streamers, merchants }, { history, als: { factors: 4, iterations: 2 } });
        const m = new Map(merchants.map((x) => [x.id, x]));
        for (const s of streamers) {
          const eligible = products.filter((p) => violations(s, p, m.get(p.merchant)).length === 0);
          for (const personalised of [true, false]) {
            const got = engine.rankProducts(s.id, { k, personalised, explain: true });
            for (const r of got) expect(violations(s, r.item, m.get(r.item.merchant)), `${s.id} ← ${r.id}`).toEqual([]);
            expect(got.length).toBe(Math.min(k, eligible.length));
            expect(new Set(got.map((r) => r.id)).size).toBe(got.length);
          }
        }
        // the batch form gives the same lists, block by block
        const heaps = streamers.map(() => new TopK(k));
        engine.rankBlockInto(0, streamers.length, heaps);
        streamers.forEach((s, si) => {
          const one = engine.rankProducts(s.id, { k }).map((r) => r.id);
          expect((heaps[si] as TopK).sorted().map((r) => (products[r.id] as MatchProduct).id)).toEqual(one);
        });
        for (const p of products) {
          const eligible = streamers.filter((s) => violations(s, p, m.get(p.merchant)).length === 0);
          const got = engine.rankStreamers(p.id, { k, explain: true });
          for (const r of got) expect(violations(r.item, p, m.get(p.merchant)), `${p.id} → ${r.id}`).toEqual([]);
          expect(got.length).toBe(Math.min(k, eligible.length));
        }
        for (const mid of new Set(products.map((p) => p.merchant))) {
          const ofMerchant = products.filter((p) => p.merchant === mid);
          const eligible = streamers.filter((s) => ofMerchant.some((p) => violations(s, p, m.get(mid)).length === 0));
          const got = engine.rankStreamersForMerchant(mid, { k });
          for (const r of got) {
            const p = ofMerchant.find((x) => x.id === r.product) as MatchProduct;
            expect(violations(r.item, p, m.get(mid)), `${mid}/${p.id} → ${r.id}`).toEqual([]);
          }
          expect(got.length).toBe(Math.min(k, eligible.length));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds with more licences than the fast path has bits (the slow check takes over)', () => {
    const many = Array.from({ length: 40 }, (_, i) => `lic${i}`);
    const products: MatchProduct[] = many.map((l, i) => ({
      id: `p${i}`,
      category: 'c',
      merchant: 'm',
      priceFen: 100,
      commissionBp: 0,
      requiredLicences: [l],
    }));
    const streamers: MatchStreamer[] = [{ id: 's', categories: ['c'], audience: {}, licences: ['lic35', 'lic3'] }];
    const engine = MatchingEngine.build({ products, streamers, merchants: [{ id: 'm', admitted: true }] });
    expect(
      engine
        .rankProducts('s', { k: 40 })
        .map((r) => r.id)
        .sort(),
    ).toEqual(['p3', 'p35']);
    expect(engine.whyNot('s', 'p36').map((v) => v.code)).toEqual(['licence_missing']);
  });
});
