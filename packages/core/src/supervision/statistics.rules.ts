/**
 * 统计分析's arithmetic, pure (docs/supervision.md, "Statistics against targets"): periods in China time, year-on-year
 * growth, rates per 10,000 orders, progress against a target, and which categories are physical goods
 * (实物商品网上零售额 counts physical goods only).
 */

/** A rollup row's figures (money in fen). */
export interface StatsFigures {
  gmvFen: number;
  orders: number;
  refundFen: number;
  physicalFen: number;
  sessions: number;
  complaints: number;
  violations: number;
}

export const ZERO_FIGURES: StatsFigures = {
  gmvFen: 0,
  orders: 0,
  refundFen: 0,
  physicalFen: 0,
  sessions: 0,
  complaints: 0,
  violations: 0,
};

export function addFigures(a: StatsFigures, b: StatsFigures): StatsFigures {
  return {
    gmvFen: a.gmvFen + b.gmvFen,
    orders: a.orders + b.orders,
    refundFen: a.refundFen + b.refundFen,
    physicalFen: a.physicalFen + b.physicalFen,
    sessions: a.sessions + b.sessions,
    complaints: a.complaints + b.complaints,
    violations: a.violations + b.violations,
  };
}

/** Categories that are not physical goods (software, virtual goods, services): left out of 实物商品网上零售额. */
export const NON_PHYSICAL_CATEGORIES: readonly string[] = ['electronics.software', 'virtual', 'services'];

export function isPhysicalCategory(categoryId: string): boolean {
  return !NON_PHYSICAL_CATEGORIES.some((c) => categoryId === c || categoryId.startsWith(`${c}.`));
}

/** Year-on-year growth: (this − last) ÷ last; null when last year had nothing to compare with. */
export function yoyGrowth(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

/** A rate per 10,000 orders (投诉率, 违规率); null without orders. */
export function per10k(count: number, orders: number): number | null {
  if (orders <= 0) return null;
  return (count * 10_000) / orders;
}

/** Progress against a target: actual ÷ target (1 = met); null when the target has no figure. */
export function progress(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return actual / target;
}

/** `YYYY-MM` checked: a month from 2000-01 to 2099-12. */
export function parseMonth(month: string): { year: number; month: number } | null {
  const m = /^(20\d\d)-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The months `from`..`to` inclusive (`YYYY-MM`); empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const a = parseMonth(from);
  const b = parseMonth(to);
  if (!a || !b) return [];
  const out: string[] = [];
  let y = a.year;
  let m = a.month;
  while (y < b.year || (y === b.year && m <= b.month)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
  return out;
}

/** The same month a year earlier. */
export function sameMonthLastYear(month: string): string {
  const p = parseMonth(month);
  if (!p) throw new Error(`not a month: ${month}`);
  return `${p.year - 1}-${String(p.month).padStart(2, '0')}`;
}

/** A month's first day and the next month's first day (`YYYY-MM-DD`, China dates). */
export function monthRange(month: string): { from: string; until: string } {
  const p = parseMonth(month);
  if (!p) throw new Error(`not a month: ${month}`);
  const next = p.month === 12 ? `${p.year + 1}-01` : `${p.year}-${String(p.month + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, until: `${next}-01` };
}

/** The China-time month (`YYYY-MM`) of an instant. */
export function chinaMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const p = parseMonth(month);
  if (!p) throw new Error(`not a month: ${month}`);
  return p.month === 1 ? `${p.year - 1}-12` : `${p.year}-${String(p.month - 1).padStart(2, '0')}`;
}

/** The metrics a target can be set on, and how the actual is read from a year's figures. */
export const TARGET_METRICS = ['gmv', 'physical_retail', 'orders', 'bases'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export function targetActual(metric: string, f: StatsFigures, bases: number): number | null {
  switch (metric) {
    case 'gmv':
      return f.gmvFen;
    case 'physical_retail':
      return f.physicalFen;
    case 'orders':
      return f.orders;
    case 'bases':
      return bases;
    default:
      return null;
  }
}
