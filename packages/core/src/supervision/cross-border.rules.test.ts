import { describe, expect, it } from 'vitest';
import { clueSummary } from './clue-feed.rules.ts';
import { declarationFinding, medianUnitPrice, UNDER_DECLARATION } from './cross-border.rules.ts';
import { probeSession, type SessionMarketFacts, type SessionProductFact } from './market-probes.rules.ts';

const start = new Date('2026-11-20T12:00:00Z');
const end = new Date(start.getTime() + 2 * 3_600_000);

function product(over: Partial<SessionProductFact> = {}): SessionProductFact {
  return {
    productId: 'p1',
    merchantOrgId: 'm1',
    categoryId: 'beauty',
    requiredQualifications: [],
    heldQualifications: [],
    referencePriceFen: null,
    soldUnits: 20,
    stockLeft: 10,
    skus: [],
    ...over,
  };
}
const session = (products: SessionProductFact[]): SessionMarketFacts => ({
  sessionId: 'sess',
  streamerUserId: 'u1',
  startedAt: start,
  endedAt: end,
  products,
  scarcityClaims: 0,
});

describe('the median sold unit price', () => {
  it('weighs each price by its units and takes the lower middle unit for an even count', () => {
    expect(
      medianUnitPrice([
        { unitPriceFen: 100, units: 1 },
        { unitPriceFen: 900, units: 3 },
      ]),
    ).toBe(900);
    expect(
      medianUnitPrice([
        { unitPriceFen: 100, units: 2 },
        { unitPriceFen: 900, units: 2 },
      ]),
    ).toBe(100);
    expect(medianUnitPrice([{ unitPriceFen: 500, units: 1 }])).toBe(500);
    // order of the input does not matter
    expect(
      medianUnitPrice([
        { unitPriceFen: 900, units: 3 },
        { unitPriceFen: 100, units: 1 },
      ]),
    ).toBe(900);
  });

  it('is null when nothing was sold', () => {
    expect(medianUnitPrice([])).toBeNull();
    expect(medianUnitPrice([{ unitPriceFen: 500, units: 0 }])).toBeNull();
  });
});

describe('under-declaration (低报价格)', () => {
  it('flags a median at 1.5 × the declared value over enough units, with min, max and the ratio', () => {
    const f = declarationFinding(10_000, [
      { unitPriceFen: 14_000, units: 4 },
      { unitPriceFen: 15_000, units: 6 },
    ]);
    expect(f).toMatchObject({ units: 10, medianFen: 15_000, minFen: 14_000, maxFen: 15_000, ratio: 1.5, flagged: true, risk: 2 });
  });

  it('is high risk from 3 × the declared value', () => {
    expect(declarationFinding(10_000, [{ unitPriceFen: 30_000, units: 12 }])).toMatchObject({ flagged: true, risk: 3, ratio: 3 });
    expect(declarationFinding(10_000, [{ unitPriceFen: 29_999, units: 12 }])).toMatchObject({ flagged: true, risk: 2 });
  });

  it('does not flag a price just under the factor (tax-inclusive pricing and freight explain it)', () => {
    // 1.49 ×: what the comprehensive tax plus freight can account for
    expect(declarationFinding(10_000, [{ unitPriceFen: 14_999, units: 100 }]).flagged).toBe(false);
    expect(declarationFinding(10_000, [{ unitPriceFen: 11_000, units: 100 }])).toMatchObject({ flagged: false, ratio: 1.1 });
  });

  it('does not flag too few units, however high the price', () => {
    const f = declarationFinding(10_000, [{ unitPriceFen: 90_000, units: UNDER_DECLARATION.minUnits - 1 }]);
    expect(f).toMatchObject({ flagged: false, units: 9, ratio: 9 });
  });

  it('does not flag a few dear units when most sold near the declared value (the median, not the maximum)', () => {
    const f = declarationFinding(10_000, [
      { unitPriceFen: 10_500, units: 30 },
      { unitPriceFen: 50_000, units: 5 },
    ]);
    expect(f).toMatchObject({ flagged: false, medianFen: 10_500, maxFen: 50_000 });
  });

  it('reports nothing sold as no ratio and no flag', () => {
    expect(declarationFinding(10_000, [])).toMatchObject({
      units: 0,
      medianFen: null,
      minFen: null,
      maxFen: null,
      ratio: null,
      flagged: false,
    });
  });
});

describe('the session-end probe', () => {
  const dear = [{ unitPriceFen: 39_900, units: 25 }];

  it('raises under_declaration on the product when a cross-border product sold far above its declared value', () => {
    const t = probeSession(session([product({ declaredValueFen: 12_000, soldPrices: dear })]));
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({
      subjectKind: 'product',
      signal: { kind: 'under_declaration', subjectId: 'p1', source: 'declared:sess:p1' },
      evidence: { kind: 'live_session', id: 'sess' },
      raise: { rule: 'under_declaration', risk: 3, facts: { declaredValueFen: 12_000, medianFen: 39_900, units: 25, merchantOrgId: 'm1' } },
    });
    const words = clueSummary('under_declaration', t[0]?.raise?.facts ?? {});
    expect(words.zh).toContain('低报价格');
    expect(words.zh).toContain('¥120.00');
    expect(words.en).toContain('3.33×');
  });

  it('raises nothing for a domestic product at the same prices, nor for an honest declaration', () => {
    expect(probeSession(session([product({ soldPrices: dear })]))).toEqual([]);
    expect(probeSession(session([product({ declaredValueFen: null, soldPrices: dear })]))).toEqual([]);
    expect(probeSession(session([product({ declaredValueFen: 36_000, soldPrices: dear })]))).toEqual([]);
  });
});
