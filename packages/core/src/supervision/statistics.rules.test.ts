import { describe, expect, it } from 'vitest';
import {
  addFigures,
  chinaMonth,
  isPhysicalCategory,
  monthRange,
  monthsBetween,
  parseMonth,
  per10k,
  previousMonth,
  progress,
  sameMonthLastYear,
  targetActual,
  yoyGrowth,
  ZERO_FIGURES,
} from './statistics.rules.ts';

describe('statistics rules', () => {
  it('year-on-year growth against last year, none without a base', () => {
    expect(yoyGrowth(120, 100)).toBeCloseTo(0.2);
    expect(yoyGrowth(80, 100)).toBeCloseTo(-0.2);
    expect(yoyGrowth(50, 0)).toBeNull();
  });

  it('rates per 10,000 orders', () => {
    expect(per10k(3, 20_000)).toBe(1.5);
    expect(per10k(0, 500)).toBe(0);
    expect(per10k(2, 0)).toBeNull();
  });

  it('progress is actual over target; a target without a figure has none', () => {
    expect(progress(750, 1500)).toBe(0.5);
    expect(progress(2000, 1500)).toBeCloseTo(4 / 3);
    expect(progress(10, null)).toBeNull();
    expect(progress(10, 0)).toBeNull();
  });

  it('months: parsing, ranges across a year end, last year, the month before', () => {
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('26-01')).toBeNull();
    expect(parseMonth('2026-02')).toEqual({ year: 2026, month: 2 });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', until: '2027-01-01' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', until: '2026-03-01' });
    expect(sameMonthLastYear('2026-03')).toBe('2025-03');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-07')).toBe('2026-06');
  });

  it('a month is China time: 23:30 UTC on the last day is already the next month', () => {
    expect(chinaMonth(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02');
    expect(chinaMonth(new Date('2026-01-31T15:30:00Z'))).toBe('2026-01');
  });

  it('physical goods leave out software and virtual goods', () => {
    expect(isPhysicalCategory('food.snacks')).toBe(true);
    expect(isPhysicalCategory('electronics.phones')).toBe(true);
    expect(isPhysicalCategory('electronics.software')).toBe(false);
    expect(isPhysicalCategory('virtual.cards')).toBe(false);
  });

  it('a target reads its own figure', () => {
    const f = addFigures(ZERO_FIGURES, { ...ZERO_FIGURES, gmvFen: 500, physicalFen: 300, orders: 4 });
    expect(targetActual('gmv', f, 2)).toBe(500);
    expect(targetActual('physical_retail', f, 2)).toBe(300);
    expect(targetActual('orders', f, 2)).toBe(4);
    expect(targetActual('bases', f, 2)).toBe(2);
    expect(targetActual('unknown', f, 2)).toBeNull();
  });
});
