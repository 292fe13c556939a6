import { describe, expect, it } from 'vitest';
import { crossBorderOnAir, type PricePointFact, priceAnomalies, RISK_CAPS, riskLevel, roomRisk } from './room-risk.rules.ts';

const none = { hits: [], reports: [], complaints: 0, price: [] };
const DAY = 86_400_000;
const at = new Date('2026-12-05T12:00:00Z');
const ago = (days: number) => new Date(at.getTime() - days * DAY);

describe('roomRisk', () => {
  it('a quiet room scores 0 with no reasons', () => {
    expect(roomRisk(none)).toEqual({ score: 0, level: 'none', reasons: [] });
  });

  it('weighs screening hits by severity, one reason per category in words, the heaviest first', () => {
    const r = roomRisk({
      ...none,
      hits: [
        { category: 'absolute_claim', severity: 2, count: 3 },
        { category: 'medical_claim', severity: 4, count: 2 },
        { category: 'medical_claim', severity: 3, count: 1 },
      ],
    });
    expect(r.reasons.map((x) => [x.key, x.category, x.count, x.points])).toEqual([
      ['screening_hits', 'medical_claim', 3, 20],
      ['screening_hits', 'absolute_claim', 3, 6],
    ]);
    expect(r.reasons[0]?.zh).toBe('近15分钟医疗功效宣称命中 3 次（最高严重程度 4）');
    expect(r.reasons[0]?.en).toContain('3 medical claim hits');
    expect(r.score).toBe(26);
    expect(r.level).toBe('low');
  });

  it('caps one category and all hits, so a flood of one kind does not fill the score alone', () => {
    const r = roomRisk({
      ...none,
      hits: [
        { category: 'prohibited_goods', severity: 5, count: 10 },
        { category: 'medical_claim', severity: 5, count: 10 },
        { category: 'price_fraud', severity: 5, count: 10 },
      ],
    });
    expect(r.reasons.map((x) => x.points)).toEqual([30, 30, 0]);
    expect(r.score).toBe(RISK_CAPS.hits);
    expect(r.level).toBe('high');
  });

  it('counts reports about the session (fraud, prohibited goods, minors weigh more) and complaints against its merchants', () => {
    const r = roomRisk({
      ...none,
      reports: [
        { category: 'fraud', count: 1 },
        { category: 'vulgar', count: 2 },
      ],
      complaints: 4,
    });
    expect(r.reasons).toEqual([
      expect.objectContaining({ key: 'reports', count: 3, points: 28, zh: '本场直播被举报 3 次（色情低俗、诈骗）' }),
      expect.objectContaining({ key: 'complaints', count: 4, points: 8, zh: '带货商家近30天被投诉 4 件' }),
    ]);
    expect(r.score).toBe(36);
    expect(r.level).toBe('medium');
    expect(roomRisk({ ...none, complaints: 50 }).score).toBe(RISK_CAPS.complaints);
  });

  it('adds price anomalies with the product and the prices in words, at most 20 points', () => {
    const a = { kind: 'price_reference_above_low' as const, productId: 'p', productTitle: '滩羊肉', referenceFen: 19_900, lowFen: 9_900 };
    const r = roomRisk({ ...none, price: [a, a, a] });
    expect(r.reasons.map((x) => x.points)).toEqual([10, 10, 0]);
    expect(r.reasons[0]?.zh).toBe('「滩羊肉」划线价 ¥199.00 高于开播前7日最低价 ¥99.00');
    expect(r.score).toBe(20);
  });

  it('never goes above 100', () => {
    const r = roomRisk({
      hits: [
        { category: 'prohibited_goods', severity: 5, count: 9 },
        { category: 'medical_claim', severity: 5, count: 9 },
      ],
      reports: [{ category: 'fraud', count: 9 }],
      complaints: 99,
      price: [{ kind: 'price_reference_above_low', productId: 'p', productTitle: 'x', referenceFen: 2, lowFen: 1 }],
    });
    expect(r.score).toBe(100);
    expect(riskLevel(59)).toBe('medium');
    expect(riskLevel(29)).toBe('low');
  });
});

describe('priceAnomalies (the wall reading the one price rule)', () => {
  const product = { id: 'p1', title: '滩羊肉', referencePriceFen: null as number | null };
  const pt = (priceFen: number, source: PricePointFact['source'], from: Date, to: Date | null, skuId = 's1'): PricePointFact => ({
    skuId,
    priceFen,
    source,
    from,
    to,
  });
  // the room went live two hours ago
  const start = new Date(at.getTime() - 2 * 3_600_000);

  it('flags a reference price above the lowest price of the 7 days before the session, not one at or below it', () => {
    const points = [pt(9_900, 'list', ago(30), ago(2)), pt(12_900, 'list', ago(2), null)];
    expect(priceAnomalies({ ...product, referencePriceFen: 12_900 }, points, start, at)).toEqual([
      { kind: 'price_reference_above_low', productId: 'p1', productTitle: '滩羊肉', referenceFen: 12_900, lowFen: 9_900 },
    ]);
    // the low from before the window does not count
    expect(
      priceAnomalies(
        { ...product, referencePriceFen: 12_900 },
        [pt(5_000, 'list', ago(30), ago(8)), pt(12_900, 'list', ago(8), null)],
        start,
        at,
      ),
    ).toEqual([]);
    expect(priceAnomalies({ ...product, referencePriceFen: 9_900 }, [pt(9_900, 'list', ago(30), null)], start, at)).toEqual([]);
  });

  it('a price cut during the session is not a 7-day low: the window ends at the start', () => {
    const points = [pt(12_900, 'list', ago(30), ago(0.01)), pt(9_900, 'flash_sale', ago(0.01), null)];
    expect(priceAnomalies({ ...product, referencePriceFen: 12_900 }, points, start, at)).toEqual([]);
  });

  it('flags a list price raised within the 7 days before the session, then "discounted" in it (先提价后打折)', () => {
    const points = [pt(10_000, 'list', ago(20), ago(3)), pt(15_000, 'list', ago(3), ago(0.01)), pt(12_000, 'promotion', ago(0.01), null)];
    expect(priceAnomalies(product, points, start, at)).toEqual([
      {
        kind: 'price_raised_before_discount',
        productId: 'p1',
        productTitle: '滩羊肉',
        beforeFen: 10_000,
        raisedFen: 15_000,
        discountFen: 12_000,
      },
    ]);
  });

  it('leaves an honest discount alone: the same list price all week, a raise before the window, a discount below the old price', () => {
    expect(priceAnomalies(product, [pt(10_000, 'list', ago(20), ago(0.01)), pt(8_000, 'flash_sale', ago(0.01), null)], start, at)).toEqual(
      [],
    );
    expect(
      priceAnomalies(
        product,
        [pt(10_000, 'list', ago(20), ago(9)), pt(15_000, 'list', ago(9), ago(0.01)), pt(12_000, 'promotion', ago(0.01), null)],
        start,
        at,
      ),
    ).toEqual([]);
    expect(
      priceAnomalies(
        product,
        [pt(10_000, 'list', ago(20), ago(3)), pt(15_000, 'list', ago(3), ago(0.01)), pt(9_000, 'promotion', ago(0.01), null)],
        start,
        at,
      ),
    ).toEqual([]);
    // a raise with no discount after it is only a raise
    expect(priceAnomalies(product, [pt(10_000, 'list', ago(6), ago(1)), pt(15_000, 'list', ago(1), null)], start, at)).toEqual([]);
  });
});

describe('cross-border products on air', () => {
  const lamb = {
    productId: 'p9',
    title: '新西兰羔羊排',
    originCountry: 'NZ',
    originName: '新西兰',
    importMode: '1210' as const,
    declaredValueFen: 10_000,
  };

  it('reads the session’s sales with the one under-declaration rule', () => {
    expect(crossBorderOnAir(lamb, [], false)).toMatchObject({ units: 0, medianFen: null, ratio: null, flagged: false, openClue: false });
    expect(crossBorderOnAir(lamb, [{ unitPriceFen: 16_000, units: 10 }], false)).toMatchObject({ units: 10, ratio: 1.6, flagged: true });
    // 1.49 × or fewer than 10 units: not flagged
    expect(crossBorderOnAir(lamb, [{ unitPriceFen: 14_900, units: 40 }], false).flagged).toBe(false);
    expect(crossBorderOnAir(lamb, [{ unitPriceFen: 30_000, units: 9 }], false).flagged).toBe(false);
  });

  it('an honest one adds nothing; a flagged one or an open clue adds 10 points with the mode and origin in words, 20 at most', () => {
    expect(roomRisk({ ...none, crossBorder: [crossBorderOnAir(lamb, [{ unitPriceFen: 12_000, units: 30 }], false)] })).toEqual({
      score: 0,
      level: 'none',
      reasons: [],
    });
    const flagged = crossBorderOnAir(lamb, [{ unitPriceFen: 16_000, units: 10 }], false);
    const r = roomRisk({ ...none, crossBorder: [flagged] });
    expect(r.reasons).toEqual([expect.objectContaining({ key: 'cross_border_under_declared', points: 10, count: 1 })]);
    expect(r.reasons[0]?.zh).toBe(
      '跨境商品「新西兰羔羊排」（保税备货 1210，原产新西兰）涉嫌低报价格：本场成交单价中位数 ¥160.00 为申报价格 ¥100.00 的 1.60 倍',
    );
    const clued = crossBorderOnAir(lamb, [], true);
    expect(roomRisk({ ...none, crossBorder: [clued] }).reasons[0]?.zh).toContain('已有未办结的低报价格线索');
    expect(roomRisk({ ...none, crossBorder: [flagged, clued, flagged] }).score).toBe(20);
  });
});
