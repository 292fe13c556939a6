/**
 * The one definition of a price anomaly (价格欺诈线索) under 明码标价和禁止价格欺诈规定 (SAMR Order 56), read the same
 * way by the monitoring wall while a room is live (`roomRisk` reasons) and by the session-end detector that raises
 * `price_fraud` clues (`probeSession`). Pure: a product's price history, its reference price and what the session
 * offers in, findings out (docs/supervision.md, "Price anomalies: one rule").
 *
 * The promotion is the live session, so every window is measured from the session's start, never from "now":
 * - 虚构原价 (`fictitious_reference`): the product's reference ("original", 划线) price is above the lowest price each of
 *   its SKUs was offered at in the 7 days before the start — above every SKU's 7-day low, so a product whose dearest
 *   SKU did cost that much is not flagged. High risk from twice that low.
 * - 先提价后打折 (`raise_then_discount`): a SKU's list price raised within those 7 days, then offered in the session at
 *   a "discount" to no less than it cost before the raise (and less than the raised price). Always high risk.
 * At most one finding of each pattern per product; a raise is reported before a reference price.
 */

export interface PricePoint {
  priceFen: number;
  source: 'list' | 'promotion' | 'flash_sale';
  validFrom: Date;
  validTo: Date | null;
}

export interface PriceFraudSku {
  skuId: string;
  /** its price points in effect at any time from (at least) 7 days before the session's start */
  prices: PricePoint[];
  /** what the session offers it at: the lowest unit price paid (session end) or in effect now (live); null: none */
  offeredFen: number | null;
}

export interface PriceFraudInput {
  referencePriceFen: number | null;
  skus: readonly PriceFraudSku[];
  /** the session's start: the 7-day window ends here */
  sessionStart: Date;
}

export type PriceFinding =
  | {
      pattern: 'raise_then_discount';
      risk: 3;
      skuId: string;
      beforeFen: number;
      raisedFen: number;
      raisedAt: Date;
      offeredFen: number;
    }
  | { pattern: 'fictitious_reference'; risk: 2 | 3; referencePriceFen: number; lowest7dFen: number };

const DAY = 86_400_000;
/** The window before the session the reference price and a raise are measured over (Order 56). */
export const PRICE_WINDOW_DAYS = 7;

/** The lowest price in effect at any moment of [from, to) among `prices` (null: none in effect). */
export function lowestInWindow(prices: readonly PricePoint[], from: Date, to: Date): number | null {
  let low: number | null = null;
  for (const p of prices) {
    const end = p.validTo ?? new Date(8.64e15);
    if (p.validFrom < to && end > from) low = low === null ? p.priceFen : Math.min(low, p.priceFen);
  }
  return low;
}

/** The largest list-price raise within [from, to): the raise and the list price in effect just before it. */
export function listRaiseIn(prices: readonly PricePoint[], from: Date, to: Date): { beforeFen: number; afterFen: number; at: Date } | null {
  const list = prices.filter((p) => p.source === 'list').sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  let found: { beforeFen: number; afterFen: number; at: Date } | null = null;
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1] as PricePoint;
    const cur = list[i] as PricePoint;
    if (cur.validFrom >= from && cur.validFrom < to && cur.priceFen > prev.priceFen)
      if (!found || cur.priceFen - prev.priceFen > found.afterFen - found.beforeFen)
        found = { beforeFen: prev.priceFen, afterFen: cur.priceFen, at: cur.validFrom };
  }
  return found;
}

/** The lowest price among the points in effect at `at` (null: none). What a live room offers a SKU at right now. */
export function priceInEffect(prices: readonly PricePoint[], at: Date): number | null {
  let low: number | null = null;
  for (const p of prices)
    if (p.validFrom <= at && (p.validTo === null || p.validTo > at)) low = low === null ? p.priceFen : Math.min(low, p.priceFen);
  return low;
}

/** The price anomalies of one product offered in a session (see the file's head). */
export function priceFraudFindings(input: PriceFraudInput): PriceFinding[] {
  const start = input.sessionStart;
  const weekBefore = new Date(start.getTime() - PRICE_WINDOW_DAYS * DAY);
  const out: PriceFinding[] = [];
  for (const s of input.skus) {
    const raise = listRaiseIn(s.prices, weekBefore, start);
    if (raise && s.offeredFen !== null && s.offeredFen >= raise.beforeFen && s.offeredFen < raise.afterFen) {
      out.push({
        pattern: 'raise_then_discount',
        risk: 3,
        skuId: s.skuId,
        beforeFen: raise.beforeFen,
        raisedFen: raise.afterFen,
        raisedAt: raise.at,
        offeredFen: s.offeredFen,
      });
      break;
    }
  }
  if (input.referencePriceFen === null) return out;
  const lows = input.skus.map((s) => lowestInWindow(s.prices, weekBefore, start)).filter((x): x is number => x !== null);
  if (lows.length === 0) return out;
  const highestLow = Math.max(...lows);
  if (input.referencePriceFen > highestLow)
    out.push({
      pattern: 'fictitious_reference',
      risk: input.referencePriceFen >= highestLow * 2 ? 3 : 2,
      referencePriceFen: input.referencePriceFen,
      lowest7dFen: highestLow,
    });
  return out;
}
