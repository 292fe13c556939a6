/**
 * Demo history (opt-in): a live session of the demo streamer ten days ago whose orders were paid, shipped, received
 * and — the 7-day return window having passed — completed, split and released through the real flows, so the finance
 * pages open on money: the streamer's and the MCN's commission available (and some still pending), the merchant's
 * net share paying back its slot-fee debt first, the platform's fee income, statements with lines.
 *
 * Time passes by moving the platform's own clock (`TimeTravel`, the CLI's `OffsetClock`): the orders are placed on
 * the clock ten days back, the sweeper runs two days back (completing the first session's orders) and again today
 * (completing the later ones), then the settle job releases what is due. Only the CLI's seeding passes a clock that
 * can move; tests seed without history.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';
import { deliverPaymentSucceeded } from './seed-payments.ts';

const DAY = 86_400_000;

/** A platform clock the seed may move and must put back. */
export interface TimeTravel {
  /** moves the clock by `ms` (negative: into the past) */
  shift(ms: number): void;
  /** back to the real time */
  reset(): void;
}

const BUYERS: Array<{ name: string; phone: string; region: string; detail: string }> = [
  { name: '陈晓雯', phone: '13912340001', region: '上海市 徐汇区', detail: '漕溪北路 88 号 12 楼 1203 室' },
  { name: '刘子航', phone: '13912340002', region: '江苏省 苏州市', detail: '工业园区星湖街 328 号 5 幢 502 室' },
  { name: '赵雨桐', phone: '13912340003', region: '浙江省 杭州市', detail: '西湖区文三路 90 号 3 单元 701 室' },
  { name: '孙浩然', phone: '13912340004', region: '上海市 浦东新区', detail: '张江路 665 号 8 号楼 302 室' },
  { name: '周佳怡', phone: '13912340005', region: '北京市 朝阳区', detail: '望京街 10 号院 2 号楼 1601 室' },
];

/**
 * The demo streamer's past session with the demo merchant's products (its agreement is in force): `buyers` are
 * consumer user ids; each buys one of `productIds` (1–2 pieces). Returns the orders that completed.
 */
export async function seedSettledHistory(
  c: Container,
  travel: TimeTravel,
  who: { streamer: Actor; merchant: Actor; buyers: Actor[] },
  productIds: string[],
): Promise<number> {
  if (productIds.length === 0 || who.buyers.length === 0) return 0;
  const skus = new Map<string, string>();
  for (const id of productIds) {
    const sku = (await c.uow.read.catalog.listSkus([id]))[0];
    if (sku) skus.set(id, sku.id);
  }
  const pay = async (buyer: Actor, orderId: string) => {
    const p = await c.orders.pay(buyer, orderId, 'sim');
    await deliverPaymentSucceeded(c, p.paymentId, p.amountFen, 'demo-history');
  };
  /** one session at the clock's "now": every buyer orders, pays; the merchant ships; the buyer receives */
  const session = async (title: string, buyers: Actor[]) => {
    const s = await c.live.schedule(who.streamer, {
      title,
      scheduledAt: c.clock.now().toISOString(),
      productIds,
      coHostUserIds: [],
    });
    await c.live.start(who.streamer, s.session.id);
    const placed: Array<{ buyer: Actor; orderId: string }> = [];
    for (const [i, buyer] of buyers.entries()) {
      const productId = productIds[i % productIds.length] as string;
      const skuId = skus.get(productId);
      if (!skuId) continue;
      const address = BUYERS[i % BUYERS.length] as (typeof BUYERS)[number];
      const r = await c.orders.create(buyer, { lines: [{ skuId, qty: 1 + (i % 2) }], address, sessionId: s.session.id });
      await pay(buyer, r.body.id);
      placed.push({ buyer, orderId: r.body.id });
    }
    await c.live.end(who.streamer, s.session.id);
    travel.shift(DAY);
    for (const o of placed) {
      await c.orders.ship(who.merchant, o.orderId, {
        carrier: '顺丰速运',
        trackingNo: `SF${o.orderId.replaceAll('-', '').slice(-10).toUpperCase()}`,
      });
    }
    travel.shift(DAY);
    for (const o of placed) await c.orders.deliver(o.buyer, o.orderId);
    return placed.length;
  };
  let placed = 0;
  try {
    // thirteen days ago the first session; shipped the next day, received eleven days ago
    travel.shift(-13 * DAY);
    placed += await session('双十二预热专场 · 羊毛大衣', who.buyers.slice(0, Math.max(1, who.buyers.length - 2)));
    // ten days ago a second, smaller one; received eight days ago
    travel.shift(DAY);
    placed += await session('冬日穿搭返场 · 大衣专场', who.buyers.slice(-2));
    // two days ago the sweeper completed the first session's orders (their return window had closed)
    travel.shift(6 * DAY);
    await c.orders.sweep();
  } finally {
    travel.reset();
  }
  // today it completes the second session's orders; the settle job (run by the caller) releases the first ones (T+1)
  await c.orders.sweep();
  return placed;
}
