/**
 * The detectors that look at a live session once it ends (`live.ended`), with the market's facts about it: its
 * products' price history, the units sold in it and left after it, the qualifications its merchants held, and the
 * scarcity claims the screening engine heard in it. Pure: facts in, clue triggers out (docs/supervision.md,
 * "Detectors at the session's end").
 *
 * - 价格欺诈 (`price_fraud`, 明码标价和禁止价格欺诈规定 Art. 19–20, the one rule in price-fraud.rules.ts, which the wall
 *   reads too): a reference ("original", 划线) price above every SKU's
 *   lowest price of the 7 days before the session (虚构原价), or a list price raised within those 7 days and then
 *   "discounted" in the session to no less than it was before the raise (先提价后打折).
 * - 虚假稀缺 (`false_scarcity`): "最后三单 / 马上售罄" heard in the session while most of the stock was still there at its
 *   end — at least four units left for each one sold, and at least 50 left.
 * - 低报价格 (`under_declaration`, 跨境电商零售进口): a cross-border product whose median unit price paid in the session
 *   is at least 1.5 × its declared customs value, over at least 10 units (cross-border.rules.ts).
 * - 超范围经营 (`unqualified_category`): a product offered in the session in a category whose required qualification
 *   (食品经营许可证 …) the merchant did not hold valid at the session's start — lapsed or revoked since its review.
 */
import type { ClueEvidence } from '@livehub/contracts';
import type { ClueTrigger } from './clue-feed.rules.ts';
import { declarationFinding, type SoldPrice } from './cross-border.rules.ts';
import { type PricePoint, priceFraudFindings } from './price-fraud.rules.ts';

export { listRaiseIn, lowestInWindow, PRICE_WINDOW_DAYS } from './price-fraud.rules.ts';

/** A SKU's price point (the same shape the one price rule reads, price-fraud.rules.ts). */
export type SessionPricePoint = PricePoint;

export interface SessionProductFact {
  productId: string;
  merchantOrgId: string;
  categoryId: string;
  /** every qualification the category path requires (root first, as the product review reads it) */
  requiredQualifications: string[];
  /** qualification types the merchant (or the product's own documents) held valid at the session's start */
  heldQualifications: string[];
  referencePriceFen: number | null;
  /** units of the session's paid orders of this product */
  soldUnits: number;
  /** units left on its SKUs when the facts were read (the session's end) */
  stockLeft: number;
  /** 申报价格 of a cross-border product (absent or null: a domestic product) */
  declaredValueFen?: number | null;
  /** the unit prices paid in the session's paid orders of this product, with their units */
  soldPrices?: SoldPrice[];
  skus: Array<{
    skuId: string;
    /** price points in effect at any time from 30 days before the start to the end, oldest first */
    prices: SessionPricePoint[];
    /** the lowest unit price paid for it in the session (null: not sold in it) */
    sessionPriceFen: number | null;
  }>;
}

export interface SessionMarketFacts {
  sessionId: string;
  streamerUserId: string;
  startedAt: Date;
  endedAt: Date;
  products: SessionProductFact[];
  /** screening events in the session with a scarcity claim (the `claim.scarcity` signals) */
  scarcityClaims: number;
}

/** 虚假稀缺: units left for each unit sold, and at least this many left, for a scarcity claim to be false. */
export const SCARCITY = { leftPerSold: 4, minLeft: 50, highClaims: 3 } as const;

/** The signal kind a scarcity claim heard in a session is counted under (subject: the session). */
export const SCARCITY_SIGNAL = 'claim.scarcity';

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The clue triggers of one ended session. A session probed twice raises nothing twice (sources are per session). */
export function probeSession(f: SessionMarketFacts): ClueTrigger[] {
  const out: ClueTrigger[] = [];
  const sessionEvidence: ClueEvidence = { kind: 'live_session', id: f.sessionId, at: f.endedAt.toISOString() };
  for (const p of f.products) {
    const price = priceFinding(p, f.startedAt);
    if (price)
      out.push({
        signal: { kind: 'price_fraud', subjectId: p.productId, source: `price:${f.sessionId}:${p.productId}`, at: f.endedAt },
        subjectKind: 'product',
        evidence: sessionEvidence,
        raise: { rule: 'price_fraud', risk: price.risk, facts: { ...price.facts, sessionId: f.sessionId, merchantOrgId: p.merchantOrgId } },
      });
    if (p.declaredValueFen) {
      const d = declarationFinding(p.declaredValueFen, p.soldPrices ?? []);
      if (d.flagged)
        out.push({
          signal: { kind: 'under_declaration', subjectId: p.productId, source: `declared:${f.sessionId}:${p.productId}`, at: f.endedAt },
          subjectKind: 'product',
          evidence: sessionEvidence,
          raise: {
            rule: 'under_declaration',
            risk: d.risk,
            facts: {
              declaredValueFen: d.declaredValueFen,
              medianFen: d.medianFen,
              minFen: d.minFen,
              maxFen: d.maxFen,
              ratio: d.ratio,
              units: d.units,
              sessionId: f.sessionId,
              merchantOrgId: p.merchantOrgId,
            },
          },
        });
    }
    const missing = p.requiredQualifications.filter((q) => !p.heldQualifications.includes(q));
    if (missing.length > 0)
      out.push({
        signal: { kind: 'unqualified', subjectId: p.merchantOrgId, source: `unqualified:${f.sessionId}:${p.productId}`, at: f.endedAt },
        subjectKind: 'organization',
        evidence: { kind: 'product', id: p.productId, at: f.endedAt.toISOString() },
        raise: {
          rule: 'unqualified_category',
          risk: p.soldUnits > 0 ? 3 : 2,
          facts: { categoryId: p.categoryId, missing, productId: p.productId, sessionId: f.sessionId, soldUnits: p.soldUnits },
        },
      });
  }
  const sold = f.products.reduce((s, p) => s + p.soldUnits, 0);
  const left = f.products.reduce((s, p) => s + p.stockLeft, 0);
  if (f.scarcityClaims > 0 && f.products.length > 0 && left >= SCARCITY.minLeft && left >= SCARCITY.leftPerSold * Math.max(sold, 1))
    out.push({
      signal: { kind: 'false_scarcity', subjectId: f.streamerUserId, source: `scarcity:${f.sessionId}`, at: f.endedAt },
      subjectKind: 'user',
      evidence: sessionEvidence,
      raise: {
        rule: 'false_scarcity',
        risk: f.scarcityClaims >= SCARCITY.highClaims ? 3 : 2,
        facts: { claims: f.scarcityClaims, soldUnits: sold, stockLeft: left, sessionId: f.sessionId },
      },
    });
  return out;
}

/** The session-end reading of the one price rule: the first finding (a raise before a reference price), as clue facts. */
function priceFinding(p: SessionProductFact, start: Date): { risk: number; facts: Record<string, unknown> } | null {
  const [f] = priceFraudFindings({
    referencePriceFen: p.referencePriceFen,
    sessionStart: start,
    skus: p.skus.map((s) => ({ skuId: s.skuId, prices: s.prices, offeredFen: s.sessionPriceFen })),
  });
  if (!f) return null;
  if (f.pattern === 'raise_then_discount')
    return {
      risk: f.risk,
      facts: {
        pattern: f.pattern,
        skuId: f.skuId,
        beforeFen: f.beforeFen,
        raisedFen: f.raisedFen,
        raisedAt: f.raisedAt.toISOString(),
        sessionPriceFen: f.offeredFen,
      },
    };
  return { risk: f.risk, facts: { pattern: f.pattern, referencePriceFen: f.referencePriceFen, lowest7dFen: f.lowest7dFen } };
}

/** The words of a price-fraud clue. */
export function priceFraudSummary(facts: Record<string, unknown>): { zh: string; en: string } {
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (facts.pattern === 'raise_then_discount')
    return {
      zh: `先提价后打折：开播前7日内由 ¥${yuan(n(facts.beforeFen))} 提至 ¥${yuan(n(facts.raisedFen))}，直播中以 ¥${yuan(n(facts.sessionPriceFen))} “优惠”售出`,
      en: `Raised before a discount: ¥${yuan(n(facts.beforeFen))} → ¥${yuan(n(facts.raisedFen))} within 7 days before the session, then sold at ¥${yuan(n(facts.sessionPriceFen))} as a "discount"`,
    };
  return {
    zh: `虚构原价：划线价 ¥${yuan(n(facts.referencePriceFen))} 高于开播前7日最低成交价 ¥${yuan(n(facts.lowest7dFen))}`,
    en: `Fictitious reference price: ¥${yuan(n(facts.referencePriceFen))} above the 7-day lowest price ¥${yuan(n(facts.lowest7dFen))}`,
  };
}
