/** Each reason in words, said when it is true of the pair and not otherwise; and the ranking that follows. */
import { describe, expect, it } from 'vitest';
import { MatchingEngine } from './engine.ts';
import type { Interaction, MatchMerchant, MatchProduct, MatchStreamer } from './types.ts';

const DAY = 86_400_000;
const base = (id: string, over: Partial<MatchProduct> = {}): MatchProduct => ({
  id,
  category: 'cosmetics',
  merchant: 'm1',
  priceFen: 10_000,
  commissionBp: 2000,
  returnRate: 0.1,
  complaintRate: 0.02,
  conversionRate: 0.05,
  ...over,
});
const merchants: MatchMerchant[] = [
  { id: 'm1', admitted: true, creditTier: 'B' },
  { id: 'mA', admitted: true, creditTier: 'A' },
];
const woman: MatchStreamer = {
  id: 'sw',
  categories: ['cosmetics'],
  audience: { female: 0.78, age25_34: 0.6, age18_24: 0.3, age35_44: 0.1 },
};
const man: MatchStreamer = { id: 'sm', categories: ['electronics'], audience: { female: 0.2, age18_24: 0.7, age25_34: 0.3 } };

function engine(products: MatchProduct[], history: Interaction[] = [], streamers = [woman, man]) {
  return MatchingEngine.build({ products, streamers, merchants }, { history, als: { factors: 4, iterations: 3 } });
}
const reasons = (e: MatchingEngine, s: string, p: string, personalised = true) =>
  e.explain(e.streamerIndex.get(s) as number, e.productIndex.get(p) as number, personalised);
const codes = (e: MatchingEngine, s: string, p: string, personalised = true) => reasons(e, s, p, personalised).map((r) => r.code);
const zh = (e: MatchingEngine, s: string, p: string) => reasons(e, s, p).map((r) => r.zh);

describe('reasons', () => {
  const others = Array.from({ length: 9 }, (_, i) =>
    base(`o${i}`, { commissionBp: 1000 + i * 100, returnRate: 0.2, complaintRate: 0.05, conversionRate: 0.04 }),
  );

  it('近30天同类目成交前10%: the best seller of its category, not a product nobody sold', () => {
    const history: Interaction[] = [];
    for (let i = 0; i < 20; i++) history.push({ streamer: 'sm', product: 'star', kind: 'sale', at: i * DAY });
    // a bigger seller, but more than 30 days ago
    for (let i = 0; i < 40; i++) history.push({ streamer: 'sm', product: 'former', kind: 'sale', at: -40 * DAY });
    history.push({ streamer: 'sm', product: 'o1', kind: 'click', at: 0 });
    const e = engine([base('star'), base('former'), ...others], history);
    expect(zh(e, 'sw', 'star')).toContain('近30天同类目成交前10%');
    expect(codes(e, 'sw', 'former')).not.toContain('category_top_seller');
    expect(codes(e, 'sw', 'o5')).not.toContain('category_top_seller');
  });

  it('粉丝女性占78%，与该商品受众一致 — and nothing about gender for a product meant for men', () => {
    const e = engine([base('lipstick', { audience: { female: 0.9 } }), base('razor', { audience: { female: 0.1 } }), ...others]);
    expect(zh(e, 'sw', 'lipstick')).toContain('粉丝女性占78%，与该商品受众一致');
    expect(codes(e, 'sw', 'razor')).not.toContain('audience_gender');
    expect(zh(e, 'sm', 'razor')).toContain('粉丝男性占80%，与该商品受众一致');
  });

  it('the main age group agrees', () => {
    const e = engine([
      base('serum', { audience: { age25_34: 0.7, age35_44: 0.3 } }),
      base('toy', { audience: { under18: 0.9 } }),
      ...others,
    ]);
    expect(zh(e, 'sw', 'serum')).toContain('粉丝以25–34岁为主（60%），与该商品受众一致');
    expect(codes(e, 'sw', 'toy')).not.toContain('audience_age');
  });

  it('佣金高于同类中位数, 退货率低, 投诉率低, 转化率高于同类中位数, 商家信用A级 — only when true', () => {
    const e = engine([
      base('good', { merchant: 'mA', commissionBp: 3000, returnRate: 0.05, complaintRate: 0.01, conversionRate: 0.09 }),
      base('bad', { commissionBp: 500, returnRate: 0.4, complaintRate: 0.2, conversionRate: 0.01 }),
      ...others,
    ]);
    const good = zh(e, 'sw', 'good');
    expect(good).toContain('退货率低');
    expect(good).toContain('投诉率低');
    expect(good).toContain('转化率高于同类中位数');
    expect(good).toContain('商家信用A级');
    expect(good.some((r) => r.startsWith('佣金高于同类中位数'))).toBe(true);
    const bad = codes(e, 'sw', 'bad');
    for (const c of ['returns_low', 'complaints_low', 'conversion_high', 'merchant_credit', 'commission_above_median'])
      expect(bad).not.toContain(c);
  });

  it('the declared category for a newcomer, the category share once there is a history', () => {
    const e0 = engine([base('x'), ...others]);
    expect(zh(e0, 'sw', 'x')).toContain('属于您的主营类目「cosmetics」');
    expect(codes(e0, 'sm', 'x')).not.toContain('declared_category');
    const history: Interaction[] = others.map((p, i) => ({ streamer: 'sw', product: p.id, kind: 'sale' as const, at: i * DAY }));
    const e1 = engine([base('x'), ...others], history);
    expect(zh(e1, 'sw', 'x').some((r) => /^您近期带货以「cosmetics」为主（占\d+%）$/.test(r))).toBe(true);
  });

  it('the price band, the own history, similar streamers and the cold start', () => {
    const history: Interaction[] = [];
    for (let i = 0; i < 9; i++)
      for (const s of ['sw', 'sx', 'sy']) history.push({ streamer: s, product: `o${i}`, kind: 'sale', at: i * DAY });
    history.push({ streamer: 'sx', product: 'twin', kind: 'sale', at: DAY }, { streamer: 'sy', product: 'twin', kind: 'sale', at: DAY });
    const streamers = [woman, man, { ...woman, id: 'sx' }, { ...woman, id: 'sy' }];
    const e = engine([base('twin'), base('fresh', { priceFen: 9_000_000 }), ...others], history, streamers);
    expect(zh(e, 'sw', 'o1').some((r) => /^价格在您常带的价位内（¥\d+–¥\d+）$/.test(r))).toBe(true);
    expect(codes(e, 'sw', 'fresh')).not.toContain('price_band');
    expect(zh(e, 'sw', 'o1')).toContain('您近期关注或带过该商品');
    expect(codes(e, 'sw', 'twin')).not.toContain('own_history');
    expect(zh(e, 'sw', 'twin')).toContain('与您选品相近的主播也在带');
    expect(zh(e, 'sw', 'fresh')).toContain('新品：按类目与属性推荐');
  });

  it('the non-personalised ranking says so and states only the product’s own merits', () => {
    const e = engine([base('lipstick', { merchant: 'mA', audience: { female: 0.9 } }), ...others]);
    const c = codes(e, 'sw', 'lipstick', false);
    expect(c).toContain('not_personalised');
    expect(c).toContain('merchant_credit');
    for (const personal of ['audience_gender', 'declared_category', 'price_band', 'own_history', 'similar_streamers'])
      expect(c).not.toContain(personal);
    // the same order for everyone
    const a = e.rankProducts('sw', { k: 5, personalised: false }).map((r) => r.id);
    const b = e.rankProducts('sm', { k: 5, personalised: false }).map((r) => r.id);
    expect(a).toEqual(b);
  });
});

describe('ranking', () => {
  it('is the full sort of the eligible scores, cut at k (partial selection loses nothing)', () => {
    const products = Array.from({ length: 300 }, (_, i) =>
      base(`p${i}`, {
        category: i % 3 ? 'cosmetics' : 'electronics',
        priceFen: 1000 + i * 97,
        commissionBp: (i * 37) % 9000,
        audience: { female: (i % 10) / 10 },
      }),
    );
    const history: Interaction[] = [];
    for (let i = 0; i < 600; i++)
      history.push({ streamer: i % 2 ? 'sw' : 'sm', product: `p${(i * 7) % 300}`, kind: i % 5 ? 'click' : 'sale', at: i * 3_600_000 });
    const e = engine(products, history);
    for (const s of ['sw', 'sm']) {
      const si = e.streamerIndex.get(s) as number;
      const all = products.map((_, pi) => ({ pi, score: e.score(si, pi) })).sort((x, y) => y.score - x.score);
      const got = e.rankProducts(s, { k: 25 });
      expect(got.map((r) => r.score)).toEqual(all.slice(0, 25).map((x) => expect.closeTo(x.score, 4)));
    }
    const women = e.rankProducts('sw', { k: 30 }).filter((r) => (r.item.audience?.female ?? 0) >= 0.5).length;
    const men = e.rankProducts('sm', { k: 30 }).filter((r) => (r.item.audience?.female ?? 0) >= 0.5).length;
    expect(women).toBeGreaterThan(men);
  });

  it('folds fresh events in: the next query ranks with them, and a full rebuild agrees on the own history', () => {
    const products = Array.from({ length: 60 }, (_, i) =>
      base(`p${i}`, { category: i < 30 ? 'cosmetics' : 'electronics', priceFen: 2000 + i * 100 }),
    );
    const history: Interaction[] = [];
    // sw sells electronics, sm cosmetics
    for (let i = 0; i < 200; i++)
      history.push({ streamer: i % 2 ? 'sw' : 'sm', product: `p${(i % 2 ? 30 : 0) + ((i * 7) % 30)}`, kind: 'sale', at: i * 3_600_000 });
    const e = engine(products, history);
    const rankOf = (id: string) => e.rankProducts('sm', { k: 60 }).findIndex((r) => r.id === id);
    const before = ['p31', 'p33', 'p35'].map(rankOf);
    const fresh: Interaction[] = [30, 31, 32, 33, 34, 35].flatMap((n) =>
      [1, 2, 3, 4, 5].map((h) => ({ streamer: 'sm', product: `p${n}`, kind: 'sale' as const, at: 200 * 3_600_000 + h })),
    );
    e.foldIn('sm', fresh);
    const after = ['p31', 'p33', 'p35'].map(rankOf);
    for (const [i, r] of after.entries()) expect(r).toBeLessThan(before[i] as number);
    const explained = e.rankProducts('sm', { k: 60, explain: true }).find((r) => r.id === 'p31');
    expect(explained?.reasons?.map((x) => x.code)).toContain('own_history');
    // the other streamers are untouched
    const sw = engine(products, history)
      .rankProducts('sw', { k: 10 })
      .map((r) => r.id);
    expect(e.rankProducts('sw', { k: 10 }).map((r) => r.id)).toEqual(sw);
    expect(() => e.foldIn('nobody', fresh)).toThrow(/unknown streamer/);
  });

  it('refuses an unknown streamer or product', () => {
    const e = engine([base('a')]);
    expect(() => e.rankProducts('nobody', { k: 5 })).toThrow(/unknown streamer/);
    expect(() => e.rankStreamers('nothing', { k: 5 })).toThrow(/unknown product/);
  });
});
