import { describe, expect, it } from 'vitest';
import { probeSession, type SessionMarketFacts } from './market-probes.rules.ts';
import { type PricePoint, priceFraudFindings, priceInEffect } from './price-fraud.rules.ts';
import { priceAnomalies } from './room-risk.rules.ts';

const DAY = 86_400_000;
const start = new Date('2026-12-05T12:00:00Z');
const ago = (days: number) => new Date(start.getTime() - days * DAY);
const pt = (priceFen: number, source: PricePoint['source'], from: Date, to: Date | null): PricePoint => ({
  priceFen,
  source,
  validFrom: from,
  validTo: to,
});

describe('priceFraudFindings (明码标价和禁止价格欺诈规定, one rule)', () => {
  it('虚构原价: reference above every SKU’s 7-day low; high risk from twice it', () => {
    const skus = [
      { skuId: 'a', prices: [pt(5_000, 'list', ago(30), null)], offeredFen: null },
      { skuId: 'b', prices: [pt(8_000, 'list', ago(30), null)], offeredFen: null },
    ];
    expect(priceFraudFindings({ referencePriceFen: 8_000, skus, sessionStart: start })).toEqual([]);
    expect(priceFraudFindings({ referencePriceFen: 9_000, skus, sessionStart: start })).toEqual([
      { pattern: 'fictitious_reference', risk: 2, referencePriceFen: 9_000, lowest7dFen: 8_000 },
    ]);
    expect(priceFraudFindings({ referencePriceFen: 16_000, skus, sessionStart: start })[0]).toMatchObject({ risk: 3 });
    // no price history in the window, no finding
    expect(
      priceFraudFindings({ referencePriceFen: 16_000, skus: [{ skuId: 'a', prices: [], offeredFen: null }], sessionStart: start }),
    ).toEqual([]);
  });

  it('先提价后打折: a raise within the 7 days, offered at or above the old price and below the raised one', () => {
    const prices = [pt(10_000, 'list', ago(20), ago(2)), pt(15_000, 'list', ago(2), null)];
    const one = (offeredFen: number | null) =>
      priceFraudFindings({ referencePriceFen: null, skus: [{ skuId: 's', prices, offeredFen }], sessionStart: start });
    expect(one(12_000)).toEqual([
      { pattern: 'raise_then_discount', risk: 3, skuId: 's', beforeFen: 10_000, raisedFen: 15_000, raisedAt: ago(2), offeredFen: 12_000 },
    ]);
    expect(one(10_000)).toHaveLength(1);
    expect(one(9_999)).toEqual([]);
    expect(one(15_000)).toEqual([]);
    expect(one(null)).toEqual([]);
  });

  it('reports a raise before a reference price, one of each at most', () => {
    const prices = [pt(10_000, 'list', ago(20), ago(2)), pt(15_000, 'list', ago(2), null)];
    const f = priceFraudFindings({
      referencePriceFen: 30_000,
      skus: [
        { skuId: 's1', prices, offeredFen: 12_000 },
        { skuId: 's2', prices, offeredFen: 12_000 },
      ],
      sessionStart: start,
    });
    expect(f.map((x) => x.pattern)).toEqual(['raise_then_discount', 'fictitious_reference']);
  });

  it('priceInEffect: the lowest price in effect at a moment', () => {
    const prices = [pt(10_000, 'list', ago(20), null), pt(8_000, 'flash_sale', ago(1), ago(0.5))];
    expect(priceInEffect(prices, ago(0.75))).toBe(8_000);
    expect(priceInEffect(prices, ago(0.25))).toBe(10_000);
    expect(priceInEffect(prices, ago(30))).toBeNull();
  });

  it('the wall and the session-end detector agree on the same facts', () => {
    const prices = [pt(10_000, 'list', ago(20), ago(2)), pt(15_000, 'list', ago(2), start), pt(12_000, 'promotion', start, null)];
    const now = new Date(start.getTime() + 3_600_000);
    const wall = priceAnomalies(
      { id: 'p', title: '茶叶', referencePriceFen: 30_000 },
      prices.map((p) => ({ skuId: 's', priceFen: p.priceFen, source: p.source, from: p.validFrom, to: p.validTo })),
      start,
      now,
    );
    const facts: SessionMarketFacts = {
      sessionId: 'ls',
      streamerUserId: 'u',
      startedAt: start,
      endedAt: now,
      scarcityClaims: 0,
      products: [
        {
          productId: 'p',
          merchantOrgId: 'm',
          categoryId: 'c',
          requiredQualifications: [],
          heldQualifications: [],
          referencePriceFen: 30_000,
          soldUnits: 1,
          stockLeft: 10,
          skus: [{ skuId: 's', prices, sessionPriceFen: 12_000 }],
        },
      ],
    };
    const [clue] = probeSession(facts);
    expect(wall.map((a) => a.kind)).toEqual(['price_raised_before_discount', 'price_reference_above_low']);
    expect(clue?.raise?.facts).toMatchObject({
      pattern: 'raise_then_discount',
      beforeFen: 10_000,
      raisedFen: 15_000,
      sessionPriceFen: 12_000,
    });
    expect(wall[0]).toMatchObject({ beforeFen: 10_000, raisedFen: 15_000, discountFen: 12_000 });
  });
});
