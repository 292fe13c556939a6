/**
 * Live demand (需求协同), pure: a session's order lines → per SKU per minute sold and placed, the sell rate (an EWMA
 * over the recent minutes), the projected sell-out time against the SKU's sellable stock (预计售罄), the alert level
 * and the quantity a replenishment suggests. No I/O. docs/supply.md § Live demand.
 */
import type { DemandAlertLevel } from '@livehub/contracts';
import type { CartAddCount } from './supply.types.ts';

export const DEMAND_RULES = {
  /** minutes the rate looks back over */
  windowMinutes: 10,
  /** weight of the newest minute in the EWMA */
  alpha: 0.5,
  /** a projection at or under this many minutes raises `selling_out` */
  sellingOutMinutes: 30,
  /** a replenishment covers this many minutes of selling at the current rate */
  coverMinutes: 60,
  /** per-minute series kept in a view (the most recent ones) */
  seriesMinutes: 240,
} as const;

const MINUTE = 60_000;

/** One order line of a session, as the orders context reads it. */
export interface DemandLine {
  orderId: string;
  skuId: string;
  productId: string;
  qty: number;
  createdAt: Date;
  /** null while unpaid (or never paid) */
  paidAt: Date | null;
}

export interface SkuDemand {
  skuId: string;
  /** null when only 加购 of the SKU are known (no order line yet) */
  productId: string | null;
  soldTotal: number;
  soldLastMinute: number;
  ordersPaid: number;
  ordersPlaced: number;
  ordersPlacedLastMinute: number;
  /** 加购 in the session, and in its running minute */
  cartAdds: number;
  cartAddsThisMinute: number;
  ratePerMinute: number;
  /**
   * per minute since the session started: units sold (by payment time), orders placed (by creation time), 加购
   * (by the minute they were counted in)
   */
  minutes: Array<{ minute: number; sold: number; placed: number; carts: number }>;
}

/**
 * The session minute running at a moment — the last minute of the series a board built at that moment shows: 0 = the
 * session's first minute; a minute's closing instant (exactly N minutes in) is still in it; before the start is 0.
 */
export const sessionMinute = (startedAt: Date, at: Date): number =>
  Math.max(0, Math.ceil((at.getTime() - startedAt.getTime()) / MINUTE) - 1);

/**
 * The shared-store key that remembers one viewer's 加购 of one SKU in one session minute (ADR 0042): `hashed` is the
 * deployment's keyed hash of session, SKU, minute and viewer, so the key neither names the viewer nor links its taps
 * across SKUs or minutes.
 */
export const cartSeenKey = (sessionId: string, hashed: string): string => `cart:seen:${sessionId}:${hashed}`;

/** What `hashed` in `cartSeenKey` is a keyed hash of. */
export const cartSeenSubject = (sessionId: string, skuId: string, minute: number, userId: string): string =>
  `cart:${sessionId}:${skuId}:${minute}:${userId}`;

/** How long a counted 加购 is remembered: past the end of its minute, whenever in the minute it came. */
export const CART_SEEN_TTL_MS = 2 * MINUTE;

/**
 * The EWMA of units per minute, oldest minute first: the first minute seeds it, each later one weighs `alpha`.
 * An empty list, or only zeros, is 0.
 */
export function ewmaRate(unitsPerMinute: readonly number[], alpha: number = DEMAND_RULES.alpha): number {
  if (unitsPerMinute.length === 0) return 0;
  let r = unitsPerMinute[0] ?? 0;
  for (const u of unitsPerMinute.slice(1)) r = alpha * u + (1 - alpha) * r;
  return r;
}

/**
 * Minutes until `stock` sellable units run out at `ratePerMinute`: 0 when none is left, null when nothing sells
 * (no projection, no alert).
 */
export function projectSellOut(stock: number, ratePerMinute: number): number | null {
  if (stock <= 0) return 0;
  if (!(ratePerMinute > 0)) return null;
  return stock / ratePerMinute;
}

/**
 * The alert a SKU calls for: `sold_out` when its stock is gone after selling in this session, `selling_out` when
 * the projection is at or under the threshold; null otherwise — and always null when the session sold none of it.
 */
export function alertLevel(
  stock: number,
  projectedMinutes: number | null,
  soldInSession: number,
  sellingOutMinutes: number = DEMAND_RULES.sellingOutMinutes,
): DemandAlertLevel | null {
  if (soldInSession <= 0) return null;
  if (stock <= 0) return 'sold_out';
  if (projectedMinutes !== null && projectedMinutes <= sellingOutMinutes) return 'selling_out';
  return null;
}

/** Units to replenish: what `coverMinutes` of selling at the rate needs beyond the stock left; at least 1. */
export function suggestedQty(stock: number, ratePerMinute: number, coverMinutes: number = DEMAND_RULES.coverMinutes): number {
  return Math.max(1, Math.ceil(ratePerMinute * coverMinutes - Math.max(0, stock)));
}

/** Rounds a rate or a projection for display and storage (one decimal). */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Per SKU: the session's lines bucketed per minute since `startedAt` (sold by payment time, placed by creation time),
 * the last minute's counts (the 60 s before `now`) and the EWMA rate over the `windowMinutes` whole minutes before
 * `now` (fewer when the session is younger). Unpaid orders count as placed, never as sold. The 加购 counters join
 * as their own series (`carts`); they move no rate and no projection (docs/supply.md § Live demand).
 */
export function skuDemand(
  lines: readonly DemandLine[],
  startedAt: Date,
  now: Date,
  rules = DEMAND_RULES,
  carts: readonly CartAddCount[] = [],
): Map<string, SkuDemand> {
  const out = new Map<string, SkuDemand>();
  const start = startedAt.getTime();
  const t = now.getTime();
  const elapsedMinutes = Math.max(1, Math.ceil((t - start) / MINUTE));
  const window = Math.min(rules.windowMinutes, elapsedMinutes);
  const acc = new Map<
    string,
    {
      d: SkuDemand;
      paid: Set<string>;
      placed: Set<string>;
      placedLast: Set<string>;
      recent: number[];
      series: Map<number, { sold: number; placed: number; carts: number }>;
    }
  >();
  const entry = (skuId: string, productId: string | null) => {
    let a = acc.get(skuId);
    if (!a) {
      a = {
        d: {
          skuId,
          productId,
          soldTotal: 0,
          soldLastMinute: 0,
          ordersPaid: 0,
          ordersPlaced: 0,
          ordersPlacedLastMinute: 0,
          cartAdds: 0,
          cartAddsThisMinute: 0,
          ratePerMinute: 0,
          minutes: [],
        },
        paid: new Set<string>(),
        placed: new Set<string>(),
        placedLast: new Set<string>(),
        recent: Array.from({ length: window }, () => 0),
        series: new Map<number, { sold: number; placed: number; carts: number }>(),
      };
      acc.set(skuId, a);
    }
    if (a.d.productId === null) a.d.productId = productId;
    return a;
  };
  const lastMinute = sessionMinute(startedAt, now);
  for (const l of lines) {
    const a = entry(l.skuId, l.productId);
    const created = l.createdAt.getTime();
    if (created <= t) {
      a.placed.add(l.orderId);
      if (created > t - MINUTE) a.placedLast.add(l.orderId);
      const m = Math.max(0, Math.floor((created - start) / MINUTE));
      const b = a.series.get(m) ?? { sold: 0, placed: 0, carts: 0 };
      b.placed += 1;
      a.series.set(m, b);
    }
    if (l.paidAt && l.paidAt.getTime() <= t) {
      const paid = l.paidAt.getTime();
      a.d.soldTotal += l.qty;
      a.paid.add(l.orderId);
      if (paid > t - MINUTE) a.d.soldLastMinute += l.qty;
      // minutes before now, newest = index window-1 (the EWMA runs oldest first)
      const ago = Math.floor((t - paid) / MINUTE);
      if (ago < window) a.recent[window - 1 - ago] = (a.recent[window - 1 - ago] ?? 0) + l.qty;
      const m = Math.max(0, Math.floor((paid - start) / MINUTE));
      const b = a.series.get(m) ?? { sold: 0, placed: 0, carts: 0 };
      b.sold += l.qty;
      a.series.set(m, b);
    }
  }
  for (const c of carts) {
    if (c.adds <= 0) continue;
    // a tap at the very instant a minute turns is in that minute; the series ends on the minute before it
    const m = Math.min(c.minute, lastMinute);
    const a = entry(c.skuId, null);
    a.d.cartAdds += c.adds;
    if (m === lastMinute) a.d.cartAddsThisMinute += c.adds;
    const b = a.series.get(m) ?? { sold: 0, placed: 0, carts: 0 };
    b.carts += c.adds;
    a.series.set(m, b);
  }
  const firstMinute = Math.max(0, lastMinute - rules.seriesMinutes + 1);
  for (const [skuId, a] of acc) {
    a.d.ordersPaid = a.paid.size;
    a.d.ordersPlaced = a.placed.size;
    a.d.ordersPlacedLastMinute = a.placedLast.size;
    a.d.ratePerMinute = ewmaRate(a.recent, rules.alpha);
    for (let m = firstMinute; m <= lastMinute; m++) {
      const b = a.series.get(m) ?? { sold: 0, placed: 0, carts: 0 };
      a.d.minutes.push({ minute: m, sold: b.sold, placed: b.placed, carts: b.carts });
    }
    out.set(skuId, a.d);
  }
  return out;
}

/** Does a supplier link cover a product: every product (null) or the listed ones. */
export const linkCovers = (productIds: readonly string[] | null, productId: string): boolean =>
  productIds === null || productIds.includes(productId);
