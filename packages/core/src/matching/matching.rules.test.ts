/**
 * The mapping from records to the engine's input: each hard constraint the engine supports is fed from a record
 * field, and a pair ruled out by it never comes back from the engine (a streamer without the category's licence
 * never gets that product).
 */
import { MatchingEngine } from '@livehub/matching';
import { describe, expect, it } from 'vitest';
import {
  audienceShares,
  describeViolation,
  topRegions,
  factorsFor,
  nameCategories,
  nameCategoriesEn,
  poolPlan,
  thirdPerson,
  toEngineInput,
  topicCategories,
} from './matching.rules.ts';
import type { MatchAudienceCounts, MatchPoolProductRecord, MatchSnapshot, MatchStreamerRecord } from './matching.types.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const M1 = 'm-1';

const product = (id: string, over: Partial<MatchPoolProductRecord> = {}): MatchPoolProductRecord => ({
  id,
  merchantOrgId: M1,
  categoryId: 'apparel.women',
  status: 'approved',
  minPriceFen: 9900,
  referencePriceFen: null,
  stock: 1000,
  sampleAvailable: true,
  sampleStock: 5,
  salesCount: 0,
  plans: [{ type: 'open', commissionBp: 2000, partners: [] }],
  ...over,
});

const streamer = (userId: string, over: Partial<MatchStreamerRecord> = {}): MatchStreamerRecord => ({
  userId,
  mcnOrgId: 'mcn-1',
  status: 'certified',
  certifiedUntil: null,
  topics: ['服饰'],
  professionalLicence: false,
  pastCategories: [],
  avgUnitsPerSessionProduct: 0,
  creditTier: null,
  audience: null,
  ...over,
});

function snapshot(over: Partial<MatchSnapshot> = {}): MatchSnapshot {
  return {
    products: [product('p-ok')],
    categories: [
      { id: 'apparel', parentId: null, liveRule: 'allowed', screenAs: 'apparel', nameZh: '服饰鞋包', nameEn: 'Apparel' },
      { id: 'apparel.women', parentId: 'apparel', liveRule: 'allowed', screenAs: 'apparel', nameZh: '女装', nameEn: 'Women' },
      { id: 'drug.otc', parentId: 'drug', liveRule: 'restricted', screenAs: 'drug', nameZh: '非处方药', nameEn: 'OTC' },
      { id: 'tobacco.ecig', parentId: 'tobacco', liveRule: 'prohibited', screenAs: 'tobacco', nameZh: '电子烟', nameEn: 'E-cigarettes' },
      { id: 'food.wine', parentId: 'food', liveRule: 'restricted', screenAs: 'alcohol', nameZh: '酒类', nameEn: 'Wine' },
    ],
    streamers: [streamer('s-1')],
    merchants: [{ orgId: M1, status: 'admitted', creditTier: null }],
    history: [],
    ...over,
  };
}

/** Builds the engine from the mapped snapshot and returns s-1's recommendations and the why-not codes of `pid`. */
function run(snap: MatchSnapshot, pid: string, tiers: Record<string, { tier: 'A' | 'B' | 'C' | 'D'; measures: string[] }> = {}) {
  const { catalog, history } = toEngineInput(snap, (id) => tiers[id], NOW);
  const e = MatchingEngine.build(catalog, { history, asOf: NOW.getTime(), factors: factorsFor(null, catalog) });
  const ids = e.rankProducts('s-1', { k: 50 }).map((r) => r.id);
  const codes = e.whyNot('s-1', pid).map((v) => v.code);
  return { ids, codes, catalog };
}

describe('records → engine input: each hard constraint fed', () => {
  it('an eligible product is recommended (the control)', () => {
    const r = run(snapshot(), 'p-ok');
    expect(r.ids).toEqual(['p-ok']);
    expect(r.codes).toEqual([]);
  });

  it('licence: a drug product needs the medicine licence; a streamer without it never gets it', () => {
    const drug = product('p-drug', { categoryId: 'drug.otc' });
    const without = run(snapshot({ products: [product('p-ok'), drug] }), 'p-drug');
    expect(without.ids).not.toContain('p-drug');
    expect(without.codes).toContain('licence_missing');
    // a licence document alone is not enough without the topic; topic + document is
    const topicOnly = run(snapshot({ products: [drug], streamers: [streamer('s-1', { topics: ['医疗卫生'] })] }), 'p-drug');
    expect(topicOnly.ids).toEqual([]);
    const licensed = run(
      snapshot({ products: [drug], streamers: [streamer('s-1', { topics: ['医疗卫生'], professionalLicence: true })] }),
      'p-drug',
    );
    expect(licensed.ids).toEqual(['p-drug']);
  });

  it('certification: a streamer not certified, or past its certification, gets nothing', () => {
    expect(run(snapshot({ streamers: [streamer('s-1', { status: 'suspended' })] }), 'p-ok').codes).toContain('streamer_not_certified');
    const expired = run(snapshot({ streamers: [streamer('s-1', { certifiedUntil: new Date('2026-11-01') })] }), 'p-ok');
    expect(expired.ids).toEqual([]);
    expect(expired.codes).toContain('streamer_not_certified');
  });

  it('credit: tier D or no_selection bars the streamer and the merchant', () => {
    expect(run(snapshot(), 'p-ok', { 's-1': { tier: 'D', measures: ['no_selection'] } }).codes).toContain('streamer_barred');
    const m = run(snapshot(), 'p-ok', { [M1]: { tier: 'C', measures: ['no_selection'] } });
    expect(m.ids).toEqual([]);
    expect(m.codes).toContain('merchant_barred');
  });

  it('merchant admission, review state and the category rule', () => {
    expect(run(snapshot({ merchants: [{ orgId: M1, status: 'suspended', creditTier: null }] }), 'p-ok').codes).toContain(
      'merchant_not_admitted',
    );
    expect(run(snapshot({ products: [product('p-ok', { status: 'delisted' })] }), 'p-ok').codes).toContain('product_not_approved');
    const ecig = run(snapshot({ products: [product('p-e', { categoryId: 'tobacco.ecig' })] }), 'p-e');
    expect(ecig.ids).toEqual([]);
    expect(ecig.codes).toContain('category_prohibited');
    expect(ecig.catalog.products[0]?.adultOnly).toBe(true);
  });

  it('plans: a targeted plan naming someone else is closed; naming the streamer or its MCN is open', () => {
    const other = [{ type: 'targeted' as const, commissionBp: 3000, partners: [{ kind: 'streamer' as const, id: 's-2' }] }];
    expect(run(snapshot({ products: [product('p-t', { plans: other })] }), 'p-t').codes).toContain('plan_not_open');
    const mine = [{ type: 'exclusive' as const, commissionBp: 3000, partners: [{ kind: 'mcn' as const, id: 'mcn-1' }] }];
    expect(run(snapshot({ products: [product('p-t', { plans: mine })] }), 'p-t').ids).toEqual(['p-t']);
    expect(poolPlan([...other, { type: 'open', commissionBp: 1500, partners: [] }])).toEqual({
      plan: { type: 'open', partners: [] },
      commissionBp: 1500,
    });
  });

  it('stock: below the units the streamer sells per session; sample stock feeds the sample flag', () => {
    const r = run(
      snapshot({ products: [product('p-s', { stock: 10 })], streamers: [streamer('s-1', { avgUnitsPerSessionProduct: 40 })] }),
      'p-s',
    );
    expect(r.ids).toEqual([]);
    expect(r.codes).toContain('stock_short');
    expect(run(snapshot({ products: [product('p-n', { sampleStock: 0 })] }), 'p-n').catalog.products[0]?.sampleAvailable).toBe(false);
  });

  it('history and categories: sales, samples, topics → the streamer’s categories; category names in the reasons', () => {
    expect(topicCategories(['美妆', '护肤', '好物分享'])).toEqual(['cosmetics']);
    const { catalog, history } = toEngineInput(
      snapshot({
        streamers: [streamer('s-1', { pastCategories: ['food.snacks'] })],
        history: [{ streamerUserId: 's-1', productId: 'p-ok', kind: 'sale', at: new Date('2026-11-20'), gmvFen: 5000 }],
      }),
      () => undefined,
      NOW,
    );
    expect(catalog.streamers[0]?.categories).toEqual(['food', 'apparel']);
    expect(catalog.products[0]?.gmv30dFen).toBe(5000);
    expect(history).toEqual([{ streamer: 's-1', product: 'p-ok', kind: 'sale', at: new Date('2026-11-20').getTime(), gmvFen: 5000 }]);
    expect(nameCategories('您近期带货以「apparel」为主', new Map([['apparel', '服饰鞋包']]))).toBe('您近期带货以「服饰鞋包」为主');
    expect(thirdPerson('属于您的主营类目「美妆」')).toBe('属于其主营类目「美妆」');
    expect(nameCategoriesEn('62% of your recent activity is in cosmetics', new Map([['cosmetics', 'Cosmetics']]))).toBe(
      '62% of your recent activity is in Cosmetics',
    );
    expect(thirdPerson('价格在您常带的价位内')).toBe('价格在该主播常带的价位内');
  });

  it('the licence is named in words in the why-not', () => {
    const { catalog } = toEngineInput(snapshot({ products: [product('p-drug', { categoryId: 'drug.otc' })] }), () => undefined, NOW);
    const v = describeViolation({ code: 'licence_missing', zh: '缺少该类目所需资质：medicine', en: '' }, catalog.products[0]);
    expect(v.zh).toBe('缺少该类目所需资质：医疗卫生职业资格');
  });
});

describe('the stored audience (aggregate counts) → the audience fit and the minors rule', () => {
  const counts = (over: Partial<MatchAudienceCounts> = {}): MatchAudienceCounts => ({
    viewers: 100,
    female: 78,
    male: 22,
    under18: 20,
    age18_24: 30,
    age25_34: 40,
    age35_44: 10,
    age45plus: 0,
    regions: { '310000': 50, '320000': 30, '330000': 15, '110000': 5 },
    ...over,
  });
  const wine = product('p-wine', { categoryId: 'food.wine' });

  it('shares among the viewers of known gender and age; too few known: nothing said', () => {
    const a = audienceShares(counts({ female: 39, male: 11 }));
    expect(a.female).toBeCloseTo(0.78);
    expect(a.under18).toBeCloseTo(0.2);
    expect(a.age25_34).toBeCloseTo(0.4);
    expect(audienceShares(counts({ female: 10, male: 5, under18: 5, age18_24: 5, age25_34: 5, age35_44: 0 }))).toEqual({});
    expect(audienceShares(null)).toEqual({});
    expect(topRegions(counts(), 3).map((r) => r.region)).toEqual(['310000', '320000', '330000']);
    expect(topRegions(counts())[0]?.share).toBeCloseTo(0.5);
  });

  it('an audience with 20% 未成年 never gets wine, and the why-not says so; an adult audience may', () => {
    const young = run(snapshot({ products: [product('p-ok'), wine], streamers: [streamer('s-1', { audience: counts() })] }), 'p-wine');
    expect(young.ids).toEqual(['p-ok']);
    expect(young.codes).toEqual(['audience_restricted']);
    const adult = run(
      snapshot({ products: [product('p-ok'), wine], streamers: [streamer('s-1', { audience: counts({ under18: 2, age18_24: 48 }) })] }),
      'p-wine',
    );
    expect(adult.ids).toContain('p-wine');
    // no audience recorded: the rule has nothing to bite on (documented; the stored aggregate is its input)
    expect(run(snapshot({ products: [wine] }), 'p-wine').codes).toEqual([]);
  });

  it('the audience reaches the engine: 粉丝女性占78%, for a product meant for women', () => {
    const { catalog, history } = toEngineInput(snapshot({ streamers: [streamer('s-1', { audience: counts() })] }), () => undefined, NOW);
    expect(catalog.streamers[0]?.audience.female).toBeCloseTo(0.78);
    const products = catalog.products.map((p) => ({ ...p, audience: { female: 0.9 } }));
    const e = MatchingEngine.build({ ...catalog, products }, { history, asOf: NOW.getTime(), factors: factorsFor(null, catalog) });
    const reasons = e.explain(0, 0).map((r) => r.zh);
    expect(reasons).toContain('粉丝女性占78%，与该商品受众一致');
  });
});
