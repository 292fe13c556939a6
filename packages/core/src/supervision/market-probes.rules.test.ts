import { describe, expect, it } from 'vitest';
import { clueSummary } from './clue-feed.rules.ts';
import {
  listRaiseIn,
  lowestInWindow,
  type SessionPricePoint,
  probeSession,
  SCARCITY,
  type SessionMarketFacts,
  type SessionProductFact,
} from './market-probes.rules.ts';

const DAY = 86_400_000;
const start = new Date('2026-11-20T12:00:00Z');
const end = new Date(start.getTime() + 2 * 3_600_000);
const daysBefore = (d: number) => new Date(start.getTime() - d * DAY);

const list = (priceFen: number, from: Date, to: Date | null): SessionPricePoint => ({
  priceFen,
  source: 'list',
  validFrom: from,
  validTo: to,
});

function product(over: Partial<SessionProductFact> = {}): SessionProductFact {
  return {
    productId: 'p1',
    merchantOrgId: 'm1',
    categoryId: 'apparel',
    requiredQualifications: [],
    heldQualifications: [],
    referencePriceFen: null,
    soldUnits: 40,
    stockLeft: 60,
    skus: [{ skuId: 's1', prices: [list(9900, daysBefore(30), null)], sessionPriceFen: 8900 }],
    ...over,
  };
}

function session(products: SessionProductFact[], scarcityClaims = 0): SessionMarketFacts {
  return { sessionId: 'sess', streamerUserId: 'u1', startedAt: start, endedAt: end, products, scarcityClaims };
}

describe('price windows', () => {
  it('the lowest price in effect over a window counts points that overlap it, not ones that ended before it', () => {
    const prices = [list(5000, daysBefore(20), daysBefore(8)), list(7000, daysBefore(8), daysBefore(2)), list(6500, daysBefore(2), null)];
    expect(lowestInWindow(prices, daysBefore(7), start)).toBe(6500);
    expect(lowestInWindow(prices, daysBefore(9), start)).toBe(5000);
    expect(lowestInWindow([], daysBefore(7), start)).toBeNull();
  });

  it('a raise is a list price higher than the list price before it, starting within the window', () => {
    const prices = [list(5000, daysBefore(20), daysBefore(3)), list(8000, daysBefore(3), null)];
    expect(listRaiseIn(prices, daysBefore(7), start)).toEqual({ beforeFen: 5000, afterFen: 8000, at: daysBefore(3) });
    // a raise eight days before is outside the window; a cut is not a raise
    expect(listRaiseIn([list(5000, daysBefore(20), daysBefore(8)), list(8000, daysBefore(8), null)], daysBefore(7), start)).toBeNull();
    expect(listRaiseIn([list(8000, daysBefore(20), daysBefore(3)), list(5000, daysBefore(3), null)], daysBefore(7), start)).toBeNull();
  });
});

describe('价格欺诈 at the session end', () => {
  it('先提价后打折: raised 3 days before, then "discounted" to no less than before the raise', () => {
    const p = product({
      skus: [{ skuId: 's1', prices: [list(5000, daysBefore(20), daysBefore(3)), list(8000, daysBefore(3), null)], sessionPriceFen: 5500 }],
    });
    const [t] = probeSession(session([p]));
    expect(t).toMatchObject({
      subjectKind: 'product',
      signal: { kind: 'price_fraud', subjectId: 'p1', source: 'price:sess:p1' },
      raise: {
        rule: 'price_fraud',
        risk: 3,
        facts: { pattern: 'raise_then_discount', beforeFen: 5000, raisedFen: 8000, sessionPriceFen: 5500 },
      },
    });
    expect(clueSummary('price_fraud', t?.raise?.facts ?? {}).zh).toContain('先提价后打折');
  });

  it('a real discount below the price before the raise, or no discount at all, is not 先提价后打折', () => {
    const prices = [list(5000, daysBefore(20), daysBefore(3)), list(8000, daysBefore(3), null)];
    expect(probeSession(session([product({ skus: [{ skuId: 's1', prices, sessionPriceFen: 4900 }] })]))).toEqual([]);
    expect(probeSession(session([product({ skus: [{ skuId: 's1', prices, sessionPriceFen: 8000 }] })]))).toEqual([]);
    expect(probeSession(session([product({ skus: [{ skuId: 's1', prices, sessionPriceFen: null }] })]))).toEqual([]);
  });

  it('虚构原价: a reference price above every SKU’s 7-day lowest price; at or below it is lawful', () => {
    const p = product({ referencePriceFen: 19900 });
    const [t] = probeSession(session([p]));
    expect(t?.raise).toMatchObject({
      rule: 'price_fraud',
      risk: 3,
      facts: { pattern: 'fictitious_reference', referencePriceFen: 19900, lowest7dFen: 9900 },
    });
    expect(clueSummary('price_fraud', t?.raise?.facts ?? {}).zh).toContain('虚构原价');
    expect(probeSession(session([product({ referencePriceFen: 12900 })]))[0]?.raise?.risk).toBe(2);
    expect(probeSession(session([product({ referencePriceFen: 9900 })]))).toEqual([]);
    // a product first listed during the session has no 7-day history: nothing to compare with
    expect(
      probeSession(
        session([product({ referencePriceFen: 19900, skus: [{ skuId: 's1', prices: [list(9900, start, null)], sessionPriceFen: 9900 }] })]),
      ),
    ).toEqual([]);
  });

  it('a reference price is held against the dearest SKU’s low: a cheap SKU does not make a dear one’s reference false', () => {
    const p = product({
      referencePriceFen: 15000,
      skus: [
        { skuId: 's1', prices: [list(5000, daysBefore(30), null)], sessionPriceFen: null },
        { skuId: 's2', prices: [list(15000, daysBefore(30), null)], sessionPriceFen: null },
      ],
    });
    expect(probeSession(session([p]))).toEqual([]);
  });
});

describe('虚假稀缺 at the session end', () => {
  it('scarcity claimed while four units were left for each one sold, and at least 50 left', () => {
    const [t] = probeSession(session([product({ soldUnits: 10, stockLeft: 400 })], 2));
    expect(t).toMatchObject({
      subjectKind: 'user',
      signal: { kind: 'false_scarcity', subjectId: 'u1', source: 'scarcity:sess' },
      raise: { rule: 'false_scarcity', risk: 2, facts: { claims: 2, soldUnits: 10, stockLeft: 400 } },
    });
    expect(probeSession(session([product({ soldUnits: 10, stockLeft: 400 })], SCARCITY.highClaims))[0]?.raise?.risk).toBe(3);
  });

  it('a claim that came true (little left, or most of it sold) or no claim at all raises nothing', () => {
    expect(probeSession(session([product({ soldUnits: 480, stockLeft: 20 })], 3))).toEqual([]);
    expect(probeSession(session([product({ soldUnits: 100, stockLeft: 300 })], 3))).toEqual([]);
    expect(probeSession(session([product({ soldUnits: 0, stockLeft: 30 })], 3))).toEqual([]);
    expect(probeSession(session([product({ soldUnits: 0, stockLeft: 5000 })], 0))).toEqual([]);
  });
});

describe('超范围经营 at the session end', () => {
  it('a category qualification the merchant did not hold at the start: high when sold, medium when only offered', () => {
    const p = product({ categoryId: 'food', requiredQualifications: ['food_licence'], heldQualifications: ['business_licence'] });
    const [t] = probeSession(session([p]));
    expect(t).toMatchObject({
      subjectKind: 'organization',
      signal: { kind: 'unqualified', subjectId: 'm1', source: 'unqualified:sess:p1' },
      raise: { rule: 'unqualified_category', risk: 3, facts: { missing: ['food_licence'], productId: 'p1' } },
    });
    expect(clueSummary('unqualified_category', t?.raise?.facts ?? {}).zh).toContain('超范围经营');
    expect(probeSession(session([{ ...p, soldUnits: 0 }]))[0]?.raise?.risk).toBe(2);
  });

  it('every required qualification held: nothing', () => {
    const p = product({ requiredQualifications: ['food_licence'], heldQualifications: ['food_licence', 'business_licence'] });
    expect(probeSession(session([p]))).toEqual([]);
  });
});
