/**
 * The monitoring wall's risk score of a live room right now (实时风险分, docs/supervision.md "Monitoring wall"):
 * what the screening engine caught in the last minutes by category and severity, reports about the session,
 * complaints against its merchants, and price anomalies on its products — each contributing points with its reason
 * in words (Chinese and English) and a stable key. No I/O: the facts in, the score and its reasons out.
 */
import { CATEGORY_ZH, REPORT_CATEGORY_ZH } from './clue-feed.rules.ts';
import { declarationFinding, type SoldPrice } from './cross-border.rules.ts';
import { type PricePoint, priceFraudFindings, priceInEffect } from './price-fraud.rules.ts';

/** How far back the wall looks at a room's screening hits. */
export const RISK_HIT_WINDOW_MINUTES = 15;
/** How far back complaints against a room's merchants count. */
export const RISK_COMPLAINT_WINDOW_DAYS = 30;

/** Points per screening hit by severity (1–5): a severe hit weighs as much as many mild ones. */
export const HIT_POINTS: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 4, 4: 8, 5: 15 };
/** Caps, so no one kind of signal fills the score alone. */
export const RISK_CAPS = { hitsPerCategory: 30, hits: 60, reports: 30, complaints: 20, price: 20, crossBorder: 20 } as const;
/** A report about the session: 8 points; fraud, prohibited goods and minors 12. */
export const REPORT_POINTS = { default: 8, grave: 12 } as const;
const GRAVE_REPORTS = new Set(['fraud', 'prohibited_goods', 'minors']);
/** A complaint against one of the room's merchants in the window: 2 points. */
export const COMPLAINT_POINTS = 2;
/** A cross-border product on air whose sales cross the under-declaration threshold, or with an open clue: 10 points. */
export const CROSS_BORDER_POINTS = 10;
/** A price anomaly on a product of the room: 10 points. */
export const PRICE_POINTS = 10;
/** Levels: 高 from 60, 中 from 30, 低 above 0. */
export const RISK_LEVELS = { high: 60, medium: 30 } as const;

export type RoomRiskLevel = 'none' | 'low' | 'medium' | 'high';

export type RoomRiskKey =
  | 'screening_hits'
  | 'reports'
  | 'complaints'
  | 'price_reference_above_low'
  | 'price_raised_before_discount'
  | 'cross_border_under_declared';

export interface RoomRiskReason {
  key: RoomRiskKey;
  /** the screening or report category the reason is about, when it has one */
  category: string | null;
  count: number;
  points: number;
  zh: string;
  en: string;
}

export interface RoomRiskFacts {
  /** screening hits of the session in the last `RISK_HIT_WINDOW_MINUTES`, by category and severity */
  hits: ReadonlyArray<{ category: string; severity: number; count: number }>;
  /** reports (举报) about the session, by category */
  reports: ReadonlyArray<{ category: string; count: number }>;
  /** complaints against the session's merchants in the last `RISK_COMPLAINT_WINDOW_DAYS` */
  complaints: number;
  /** price anomalies on the session's products (see `priceAnomalies`) */
  price: ReadonlyArray<PriceAnomaly>;
  /** cross-border products on air (see `crossBorderOnAir`); absent: none */
  crossBorder?: ReadonlyArray<CrossBorderOnAir>;
}

/** A cross-border product on air: its declaration, the session's sales of it so far, and an open clue on it. */
export interface CrossBorderOnAir {
  productId: string;
  title: string;
  originCountry: string;
  originName: string;
  importMode: '1210' | '9610';
  declaredValueFen: number;
  units: number;
  medianFen: number | null;
  ratio: number | null;
  /** the session's sales so far cross the under-declaration threshold (`declarationFinding`) */
  flagged: boolean;
  /** an open `under_declaration` clue on the product */
  openClue: boolean;
}

/** A cross-border product on air read with the one under-declaration rule (`declarationFinding`, cross-border.rules.ts). */
export function crossBorderOnAir(
  product: {
    productId: string;
    title: string;
    originCountry: string;
    originName: string;
    importMode: '1210' | '9610';
    declaredValueFen: number;
  },
  sold: readonly SoldPrice[],
  openClue: boolean,
): CrossBorderOnAir {
  const d = declarationFinding(product.declaredValueFen, sold);
  return { ...product, units: d.units, medianFen: d.medianFen, ratio: d.ratio, flagged: d.flagged, openClue };
}

export interface RoomRisk {
  score: number;
  level: RoomRiskLevel;
  /** highest points first */
  reasons: RoomRiskReason[];
}

const catZh = (c: string) => CATEGORY_ZH[c] ?? c;
const sevPoints = (s: number) => HIT_POINTS[Math.max(1, Math.min(5, Math.round(s)))] ?? 1;

export function riskLevel(score: number): RoomRiskLevel {
  if (score >= RISK_LEVELS.high) return 'high';
  if (score >= RISK_LEVELS.medium) return 'medium';
  return score > 0 ? 'low' : 'none';
}

/** The room's score (0–100) and the reasons that make it up. */
export function roomRisk(f: RoomRiskFacts): RoomRisk {
  const reasons: RoomRiskReason[] = [];

  // screening hits, one reason per category: Σ points by severity, capped per category and in all
  const byCat = new Map<string, { count: number; points: number; maxSeverity: number }>();
  for (const h of f.hits) {
    if (h.count <= 0) continue;
    const c = byCat.get(h.category) ?? { count: 0, points: 0, maxSeverity: 0 };
    c.count += h.count;
    c.points += h.count * sevPoints(h.severity);
    c.maxSeverity = Math.max(c.maxSeverity, h.severity);
    byCat.set(h.category, c);
  }
  let hitRoom: number = RISK_CAPS.hits;
  const cats = [...byCat.entries()].sort((a, b) => b[1].points - a[1].points || a[0].localeCompare(b[0]));
  for (const [category, c] of cats) {
    const points = Math.min(c.points, RISK_CAPS.hitsPerCategory, hitRoom);
    hitRoom -= points;
    reasons.push({
      key: 'screening_hits',
      category,
      count: c.count,
      points,
      zh: `近${RISK_HIT_WINDOW_MINUTES}分钟${catZh(category)}命中 ${c.count} 次（最高严重程度 ${c.maxSeverity}）`,
      en: `${c.count} ${category.replaceAll('_', ' ')} hits in the last ${RISK_HIT_WINDOW_MINUTES} minutes (max severity ${c.maxSeverity})`,
    });
  }

  // reports about the session, one reason in all, naming the categories
  const reports = f.reports.filter((r) => r.count > 0);
  const reportCount = reports.reduce((n, r) => n + r.count, 0);
  if (reportCount > 0) {
    const raw = reports.reduce((n, r) => n + r.count * (GRAVE_REPORTS.has(r.category) ? REPORT_POINTS.grave : REPORT_POINTS.default), 0);
    const names = [...reports].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    reasons.push({
      key: 'reports',
      category: names[0]?.category ?? null,
      count: reportCount,
      points: Math.min(raw, RISK_CAPS.reports),
      zh: `本场直播被举报 ${reportCount} 次（${names.map((r) => REPORT_CATEGORY_ZH[r.category] ?? r.category).join('、')}）`,
      en: `Reported ${reportCount} time${reportCount === 1 ? '' : 's'} (${names.map((r) => r.category.replaceAll('_', ' ')).join(', ')})`,
    });
  }

  if (f.complaints > 0) {
    reasons.push({
      key: 'complaints',
      category: null,
      count: f.complaints,
      points: Math.min(f.complaints * COMPLAINT_POINTS, RISK_CAPS.complaints),
      zh: `带货商家近${RISK_COMPLAINT_WINDOW_DAYS}天被投诉 ${f.complaints} 件`,
      en: `${f.complaints} complaint${f.complaints === 1 ? '' : 's'} against its merchants in ${RISK_COMPLAINT_WINDOW_DAYS} days`,
    });
  }

  let priceRoom: number = RISK_CAPS.price;
  for (const a of f.price) {
    const points = Math.min(PRICE_POINTS, priceRoom);
    priceRoom -= points;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    reasons.push(
      a.kind === 'price_reference_above_low'
        ? {
            key: a.kind,
            category: null,
            count: 1,
            points,
            zh: `「${a.productTitle}」划线价 ¥${yuan(a.referenceFen)} 高于开播前7日最低价 ¥${yuan(a.lowFen)}`,
            en: `“${a.productTitle}” shows a reference price of ¥${yuan(a.referenceFen)} above its low of ¥${yuan(a.lowFen)} in the 7 days before the session`,
          }
        : {
            key: a.kind,
            category: null,
            count: 1,
            points,
            zh: `「${a.productTitle}」开播前7日内由 ¥${yuan(a.beforeFen)} 提价至 ¥${yuan(a.raisedFen)}，直播中“优惠”至 ¥${yuan(a.discountFen)}`,
            en: `“${a.productTitle}” was raised from ¥${yuan(a.beforeFen)} to ¥${yuan(a.raisedFen)} within 7 days before the session, then “discounted” to ¥${yuan(a.discountFen)}`,
          },
    );
  }

  let crossRoom: number = RISK_CAPS.crossBorder;
  for (const x of f.crossBorder ?? []) {
    if (!x.flagged && !x.openClue) continue;
    const points = Math.min(CROSS_BORDER_POINTS, crossRoom);
    crossRoom -= points;
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const mode = x.importMode === '1210' ? '保税备货 1210' : '直购进口 9610';
    const modeEn = x.importMode === '1210' ? 'bonded 1210' : 'direct 9610';
    const sold =
      x.flagged && x.medianFen !== null
        ? {
            zh: `本场成交单价中位数 ¥${yuan(x.medianFen)} 为申报价格 ¥${yuan(x.declaredValueFen)} 的 ${(x.ratio ?? 0).toFixed(2)} 倍`,
            en: `median sale price here ¥${yuan(x.medianFen)} is ${(x.ratio ?? 0).toFixed(2)}× its declared ¥${yuan(x.declaredValueFen)}`,
          }
        : { zh: '已有未办结的低报价格线索', en: 'an open under-declaration clue' };
    reasons.push({
      key: 'cross_border_under_declared',
      category: null,
      count: 1,
      points,
      zh: `跨境商品「${x.title}」（${mode}，原产${x.originName}）涉嫌低报价格：${sold.zh}`,
      en: `Cross-border “${x.title}” (${modeEn}, from ${x.originCountry}) possibly under-declared: ${sold.en}`,
    });
  }

  reasons.sort((a, b) => b.points - a.points);
  const score = Math.min(
    100,
    reasons.reduce((n, r) => n + r.points, 0),
  );
  return { score, level: riskLevel(score), reasons };
}

/** A price point of one SKU as the catalog keeps it: the price in effect over [from, to). */
export interface PricePointFact {
  skuId: string;
  priceFen: number;
  source: 'list' | 'promotion' | 'flash_sale';
  from: Date;
  to: Date | null;
}

export type PriceAnomaly =
  | { kind: 'price_reference_above_low'; productId: string; productTitle: string; referenceFen: number; lowFen: number }
  | {
      kind: 'price_raised_before_discount';
      productId: string;
      productTitle: string;
      beforeFen: number;
      raisedFen: number;
      discountFen: number;
    };

/**
 * The price anomalies of one product in a live room at `now`: the one price rule (`priceFraudFindings`,
 * price-fraud.rules.ts — the same the session-end `price_fraud` detector reads), its 7-day window ending at the
 * session's start, with what each SKU is offered at now (the lowest price in effect). At most one of each kind.
 */
export function priceAnomalies(
  product: { id: string; title: string; referencePriceFen: number | null },
  points: readonly PricePointFact[],
  sessionStart: Date,
  now: Date,
): PriceAnomaly[] {
  const bySku = new Map<string, PricePoint[]>();
  for (const p of points)
    bySku.set(p.skuId, [...(bySku.get(p.skuId) ?? []), { priceFen: p.priceFen, source: p.source, validFrom: p.from, validTo: p.to }]);
  const findings = priceFraudFindings({
    referencePriceFen: product.referencePriceFen,
    sessionStart,
    skus: [...bySku.entries()].map(([skuId, prices]) => ({ skuId, prices, offeredFen: priceInEffect(prices, now) })),
  });
  return findings.map((f) =>
    f.pattern === 'raise_then_discount'
      ? {
          kind: 'price_raised_before_discount',
          productId: product.id,
          productTitle: product.title,
          beforeFen: f.beforeFen,
          raisedFen: f.raisedFen,
          discountFen: f.offeredFen,
        }
      : {
          kind: 'price_reference_above_low',
          productId: product.id,
          productTitle: product.title,
          referenceFen: f.referencePriceFen,
          lowFen: f.lowest7dFen,
        },
  );
}
