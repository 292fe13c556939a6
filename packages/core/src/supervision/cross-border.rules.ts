/**
 * 跨境电商零售进口: under-declaration (低报价格) of a cross-border product's customs value, read from what buyers
 * actually paid for it in live sessions. Pure: the declared value and the sold unit prices in, a finding out
 * (docs/supervision.md, "跨境商品").
 *
 * Duties and import VAT on cross-border retail imports are levied on the actual transaction price (财关税〔2016〕18号:
 * 完税价格为实际交易价格，包括货物零售价格、运费和保险费). What buyers pay includes that tax (about 9.1 % for most goods,
 * up to about 23 % with consumption tax) and often freight, so a live price somewhat above the declared value is
 * normal. A median sold price at or above 1.5 × the declared value is beyond what tax and freight explain: the
 * declared value is then likely below the real transaction price. Fewer than 10 units sold say too little to flag.
 */

/** The ratio of the median sold unit price to the declared value from which a product is flagged, and the units it takes. */
export const UNDER_DECLARATION = { ratio: 1.5, highRatio: 3, minUnits: 10, reportDays: 30 } as const;

/** Units sold at one unit price (what the buyer paid per unit; the order lines carry no later discount). */
export interface SoldPrice {
  unitPriceFen: number;
  units: number;
}

export interface DeclarationFinding {
  declaredValueFen: number;
  units: number;
  medianFen: number | null;
  minFen: number | null;
  maxFen: number | null;
  /** median ÷ declared value, 2 decimals (null: nothing sold) */
  ratio: number | null;
  flagged: boolean;
  /** 2 from the flagging ratio, 3 from `highRatio` */
  risk: number;
}

/** The unit-weighted median of sold prices: the lower middle unit's price for an even count (never inflates). */
export function medianUnitPrice(prices: readonly SoldPrice[]): number | null {
  const sorted = prices.filter((p) => p.units > 0).sort((a, b) => a.unitPriceFen - b.unitPriceFen);
  const total = sorted.reduce((n, p) => n + p.units, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const p of sorted) {
    seen += p.units;
    if (seen >= middle) return p.unitPriceFen;
  }
  return null;
}

/** Compares what buyers paid with the declared value: flagged at `ratio` × or more over at least `minUnits` units. */
export function declarationFinding(declaredValueFen: number, prices: readonly SoldPrice[]): DeclarationFinding {
  const sold = prices.filter((p) => p.units > 0);
  const units = sold.reduce((n, p) => n + p.units, 0);
  const medianFen = medianUnitPrice(sold);
  const minFen = sold.length > 0 ? Math.min(...sold.map((p) => p.unitPriceFen)) : null;
  const maxFen = sold.length > 0 ? Math.max(...sold.map((p) => p.unitPriceFen)) : null;
  const ratio = medianFen === null || declaredValueFen <= 0 ? null : Math.round((medianFen / declaredValueFen) * 100) / 100;
  // compared in integers (median × 10 ≥ declared × 15) so rounding never decides a flag
  const flagged =
    medianFen !== null &&
    declaredValueFen > 0 &&
    units >= UNDER_DECLARATION.minUnits &&
    medianFen * 10 >= declaredValueFen * UNDER_DECLARATION.ratio * 10;
  const risk = flagged && medianFen !== null && medianFen >= declaredValueFen * UNDER_DECLARATION.highRatio ? 3 : 2;
  return { declaredValueFen, units, medianFen, minFen, maxFen, ratio, flagged, risk };
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The words of an under-declaration clue. */
export function underDeclarationSummary(facts: Record<string, unknown>): { zh: string; en: string } {
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    zh: `跨境商品涉嫌低报价格：直播成交单价中位数 ¥${yuan(n(facts.medianFen))}，为申报价格 ¥${yuan(n(facts.declaredValueFen))} 的 ${n(facts.ratio).toFixed(2)} 倍（售出 ${n(facts.units)} 件）`,
    en: `Cross-border product possibly under-declared: median live sale price ¥${yuan(n(facts.medianFen))} is ${n(facts.ratio).toFixed(2)}× its declared value ¥${yuan(n(facts.declaredValueFen))} (${n(facts.units)} units sold)`,
  };
}
