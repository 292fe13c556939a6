import { describe, expect, it } from 'vitest';
import {
  alertLevel,
  CART_SEEN_TTL_MS,
  cartSeenKey,
  cartSeenSubject,
  type DemandLine,
  DEMAND_RULES,
  ewmaRate,
  linkCovers,
  projectSellOut,
  sessionMinute,
  skuDemand,
  suggestedQty,
} from './demand.rules.ts';

const MIN = 60_000;
const T0 = new Date('2026-12-01T12:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * MIN);
let n = 0;
const line = (createdMin: number, paidMin: number | null, qty = 1, skuId = 'sku-a'): DemandLine => ({
  orderId: `o${++n}`,
  skuId,
  productId: 'p1',
  qty,
  createdAt: at(createdMin),
  paidAt: paidMin === null ? null : at(paidMin),
});

describe('ewmaRate', () => {
  it('is 0 for no minutes or only zeros', () => {
    expect(ewmaRate([])).toBe(0);
    expect(ewmaRate([0, 0, 0])).toBe(0);
  });
  it('a steady rate stays that rate; the newest minute weighs alpha', () => {
    expect(ewmaRate([6, 6, 6, 6])).toBe(6);
    expect(ewmaRate([0, 10], 0.5)).toBe(5);
    expect(ewmaRate([10, 0], 0.5)).toBe(5);
    expect(ewmaRate([0, 0, 8], 0.5)).toBe(4);
  });
});

describe('projectSellOut', () => {
  it('stock over rate, in minutes', () => expect(projectSellOut(60, 5)).toBe(12));
  it('0 when nothing is left, null when nothing sells', () => {
    expect(projectSellOut(0, 5)).toBe(0);
    expect(projectSellOut(-2, 0)).toBe(0);
    expect(projectSellOut(100, 0)).toBeNull();
  });
});

describe('alertLevel', () => {
  it('selling_out at or under the threshold, none above', () => {
    expect(alertLevel(60, 12, 30)).toBe('selling_out');
    expect(alertLevel(60, 30, 30)).toBe('selling_out');
    expect(alertLevel(60, 31, 30)).toBeNull();
  });
  it('sold_out when the stock is gone after selling', () => expect(alertLevel(0, 0, 5)).toBe('sold_out'));
  it('no alert when nothing sells (even at zero stock, or no projection)', () => {
    expect(alertLevel(0, 0, 0)).toBeNull();
    expect(alertLevel(5, null, 0)).toBeNull();
    expect(alertLevel(5, null, 3)).toBeNull();
  });
});

describe('suggestedQty', () => {
  it('covers an hour of selling beyond the stock left, at least 1', () => {
    expect(suggestedQty(20, 5)).toBe(280);
    expect(suggestedQty(0, 0.5)).toBe(30);
    expect(suggestedQty(1000, 1)).toBe(1);
  });
});

describe('skuDemand', () => {
  it('nothing sells: no rate, no projection', () => {
    const d = skuDemand([line(1, null), line(2, null)], T0, at(5)).get('sku-a');
    expect(d).toMatchObject({ soldTotal: 0, ordersPlaced: 2, ordersPaid: 0, ratePerMinute: 0 });
    expect(projectSellOut(50, d?.ratePerMinute ?? 0)).toBeNull();
  });
  it('counts sold by payment time and placed by creation time, per minute since the start', () => {
    const lines = [line(0.5, 1.2, 2), line(1.5, 1.6, 1), line(4.2, null, 3), line(4.5, 4.9, 4), line(4.6, 4.95, 1, 'sku-b')];
    const m = skuDemand(lines, T0, at(5));
    const a = m.get('sku-a');
    expect(a?.soldTotal).toBe(7);
    expect(a?.ordersPaid).toBe(3);
    expect(a?.ordersPlaced).toBe(4);
    expect(a?.soldLastMinute).toBe(4);
    expect(a?.ordersPlacedLastMinute).toBe(2);
    expect(a?.minutes).toEqual([
      { minute: 0, sold: 0, placed: 1, carts: 0 },
      { minute: 1, sold: 3, placed: 1, carts: 0 },
      { minute: 2, sold: 0, placed: 0, carts: 0 },
      { minute: 3, sold: 0, placed: 0, carts: 0 },
      { minute: 4, sold: 4, placed: 2, carts: 0 },
    ]);
    expect(m.get('sku-b')?.soldTotal).toBe(1);
  });
  it('a fast seller projects a near sell-out and raises selling_out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => line(i / 10, i / 10 + 0.01, 1));
    const d = skuDemand(lines, T0, at(5));
    const a = d.get('sku-a');
    expect(a?.ratePerMinute).toBeGreaterThan(5);
    const minutes = projectSellOut(40, a?.ratePerMinute ?? 0);
    expect(minutes).not.toBeNull();
    expect(alertLevel(40, minutes, a?.soldTotal ?? 0)).toBe('selling_out');
  });
});

describe('加购 in the demand', () => {
  it('the session minute running at a moment is the last minute of the series built then', () => {
    expect(sessionMinute(T0, at(-1))).toBe(0);
    expect(sessionMinute(T0, T0)).toBe(0);
    expect(sessionMinute(T0, at(0.5))).toBe(0);
    expect(sessionMinute(T0, at(1))).toBe(0);
    expect(sessionMinute(T0, at(1.01))).toBe(1);
    expect(sessionMinute(T0, at(4.2))).toBe(4);
    const d = skuDemand([line(0.5, 0.6)], T0, at(4.2)).get('sku-a');
    expect(d?.minutes.at(-1)?.minute).toBe(sessionMinute(T0, at(4.2)));
  });
  it('joins the counters as their own series, in the total and the running minute, moving no rate', () => {
    const lines = [line(1.5, 1.6, 2), line(3.5, 3.6, 1)];
    const carts = [
      { skuId: 'sku-a', minute: 1, adds: 4 },
      { skuId: 'sku-a', minute: 4, adds: 3 },
      { skuId: 'sku-c', minute: 2, adds: 5 },
    ];
    const without = skuDemand(lines, T0, at(4.5)).get('sku-a');
    const m = skuDemand(lines, T0, at(4.5), DEMAND_RULES, carts);
    const a = m.get('sku-a');
    expect(a).toMatchObject({ cartAdds: 7, cartAddsThisMinute: 3, soldTotal: 3, productId: 'p1' });
    expect(a?.ratePerMinute).toBe(without?.ratePerMinute);
    expect(a?.minutes.map((x) => x.carts)).toEqual([0, 4, 0, 0, 3]);
    expect(a?.minutes.map((x) => x.sold)).toEqual(without?.minutes.map((x) => x.sold));
    // a SKU only added to carts: its own entry, no sales, no rate, its product not known from the lines
    expect(m.get('sku-c')).toMatchObject({ cartAdds: 5, cartAddsThisMinute: 0, soldTotal: 0, ratePerMinute: 0, productId: null });
    expect(m.get('sku-c')?.minutes.map((x) => x.carts)).toEqual([0, 0, 5, 0, 0]);
  });
  it('a counter of a minute the board has not reached yet lands in its running minute', () => {
    const a = skuDemand([], T0, at(2), DEMAND_RULES, [{ skuId: 'sku-a', minute: 2, adds: 1 }]).get('sku-a');
    expect(a).toMatchObject({ cartAdds: 1, cartAddsThisMinute: 1 });
    expect(a?.minutes.map((x) => x.carts)).toEqual([0, 1]);
  });
  it('the repeat key is per session, SKU, minute and viewer, and outlives its minute', () => {
    const subjects = new Set([
      cartSeenSubject('s1', 'k1', 3, 'u1'),
      cartSeenSubject('s1', 'k1', 4, 'u1'),
      cartSeenSubject('s1', 'k2', 3, 'u1'),
      cartSeenSubject('s1', 'k1', 3, 'u2'),
      cartSeenSubject('s2', 'k1', 3, 'u1'),
    ]);
    expect(subjects.size).toBe(5);
    expect(cartSeenKey('s1', 'h')).toBe('cart:seen:s1:h');
    expect(CART_SEEN_TTL_MS).toBeGreaterThan(60_000);
  });
});

describe('linkCovers', () => {
  it('all products or the listed ones', () => {
    expect(linkCovers(null, 'p')).toBe(true);
    expect(linkCovers(['p'], 'p')).toBe(true);
    expect(linkCovers(['q'], 'p')).toBe(false);
  });
});
