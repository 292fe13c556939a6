/**
 * Stock is conserved, always: for a SKU, stock left + units held or sold by orders + units carved out for flash
 * sales (less what the sales gave back) = what was put in. fast-check drives random sequences of the operations
 * that move stock — shelf orders, flash sales and their orders, payments (through signed notifications),
 * cancellations, unpaid timeouts, refunds before shipping, the sale's end — through the real services and database,
 * and checks the sum after every step, with each sale's claims equal to its orders' units and never above its
 * quantity, and its counter equal to quantity − claims while it runs.
 */
import type { Actor } from '@livehub/core';
import { AppError, flashSaleKeys } from '@livehub/core';
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let sessionId: string;
let productId: string;
let skuId: string;
let priceFen: number;
let streamerActor: Actor;
const buyers: Actor[] = [];
const ADDRESS = { name: '李四', phone: '13900001111', region: '浙江省 杭州市', detail: '西湖区文三路 1 号' };

const actorOf = (userId: string, role: Actor['role'], label: string): Actor => ({
  userId,
  label,
  orgId: null,
  membershipId: null,
  role,
  via: 'session',
});

type Op =
  | { t: 'order'; who: number; qty: number }
  | { t: 'pay'; k: number }
  | { t: 'cancel'; k: number }
  | { t: 'refund'; k: number }
  | { t: 'expire' }
  | { t: 'flash'; qty: number; limit: number }
  | { t: 'flashBuy'; who: number; qty: number; after: 'none' | 'pay' | 'refund' | 'cancel' }
  | { t: 'endFlash' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('order' as const), who: fc.nat(5), qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('pay' as const), k: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), k: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('refund' as const), k: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'expire' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('flash' as const), qty: fc.integer({ min: 1, max: 4 }), limit: fc.integer({ min: 1, max: 2 }) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('flashBuy' as const),
      who: fc.nat(5),
      qty: fc.integer({ min: 1, max: 2 }),
      after: fc.constantFrom('none' as const, 'pay' as const, 'refund' as const, 'cancel' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'endFlash' as const }) },
);

/** stock left + non-flash units held or sold + flash carve-outs still out = the SKU's total. */
async function accounted(): Promise<number> {
  const r = p.c.uow.read;
  const sku = await r.catalog.findSku(skuId);
  const { held, sold } = await r.orders.reservationTotals(skuId);
  const sales = await r.orders.listFlashSales({ sessionId, limit: 1000 });
  let carved = 0;
  for (const f of sales.filter((x) => x.skuId === skuId)) {
    carved += f.quantity - f.returnedQty;
    const claims = await r.orders.countClaims(f.id);
    expect(claims).toBeLessThanOrEqual(f.quantity);
    if (f.status === 'scheduled') expect(await p.c.kv.counters.get(flashSaleKeys.left(f.id))).toBe(f.quantity - claims);
    else expect(f.quantity - f.returnedQty).toBe(claims);
  }
  return (sku?.stock ?? 0) + held + sold + carved;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  const streamer = await p.login('streamer');
  const headers = streamer.headers(true);
  const agreements = (await p.app.inject({ method: 'GET', url: '/api/agreements?status=in_force', headers })).json();
  const products: string[] = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
  const created = await p.app.inject({
    method: 'POST',
    url: '/api/live/sessions',
    headers,
    payload: { title: '库存守恒', scheduledAt: clock.now().toISOString(), productIds: products },
  });
  sessionId = created.json().session.id;
  expect((await p.app.inject({ method: 'POST', url: `/api/live/sessions/${sessionId}/start`, headers })).statusCode).toBe(200);
  productId = products[0] as string;
  const sku = (await p.c.uow.read.catalog.listSkus([productId]))[0];
  if (!sku) throw new Error('no sku');
  skuId = sku.id;
  priceFen = sku.priceFen;
  streamerActor = actorOf(streamer.me.user.id, 'streamer', 'streamer');
  for (let i = 1; i <= 6; i++) {
    const s = await p.login(`consumer_${String(i + 40).padStart(5, '0')}`);
    buyers.push(actorOf(s.me.user.id, 'consumer', `consumer-${i}`));
  }
});
afterAll(async () => p?.close());

describe('stock conservation', () => {
  it('holds after every step of random order, payment, cancel, timeout, refund and flash-sale sequences', async () => {
    const orders = p.c.orders;
    const sim = p.c.payments.sim;
    const total = await accounted();
    const payNow = async (buyer: Actor, orderId: string) => {
      const pay = await orders.pay(buyer, orderId, 'sim');
      const n = sim.signed({
        kind: 'payment.succeeded',
        paymentId: pay.paymentId,
        refundId: null,
        amountFen: pay.amountFen,
        providerRef: 'p',
        reason: null,
      });
      await orders.onNotification('sim', n.headers, n.body);
    };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const placed: Array<{ id: string; buyer: Actor }> = [];
        let flash: string | null = null;
        for (const op of ops) {
          try {
            if (op.t === 'order') {
              const buyer = buyers[op.who] as Actor;
              const r = await orders.create(buyer, { lines: [{ skuId, qty: op.qty }], sessionId, address: ADDRESS });
              placed.push({ id: r.body.id, buyer });
            } else if (op.t === 'flashBuy' && flash) {
              const buyer = buyers[op.who] as Actor;
              const r = await orders.create(buyer, { lines: [{ skuId, qty: op.qty }], sessionId, flashSaleId: flash, address: ADDRESS });
              placed.push({ id: r.body.id, buyer });
              if (op.after === 'cancel') await orders.cancel(buyer, r.body.id, '随机取消');
              if (op.after === 'pay' || op.after === 'refund') await payNow(buyer, r.body.id);
              if (op.after === 'refund') await orders.refundUnshipped(buyer, r.body.id, '随机退款');
            } else if ((op.t === 'pay' || op.t === 'cancel' || op.t === 'refund') && placed.length > 0) {
              const o = placed[op.k % placed.length] as { id: string; buyer: Actor };
              if (op.t === 'cancel') await orders.cancel(o.buyer, o.id, '随机取消');
              else if (op.t === 'refund') await orders.refundUnshipped(o.buyer, o.id, '随机退款');
              else await payNow(o.buyer, o.id);
            } else if (op.t === 'expire') {
              clock.advance(16 * 60_000);
              await orders.sweep();
            } else if (op.t === 'flash') {
              const f = await orders.createFlashSale(streamerActor, sessionId, {
                productId,
                skuId,
                priceFen: Math.max(1, priceFen - 1),
                quantity: op.qty,
                perUserLimit: op.limit,
                durationS: 3600,
              });
              flash = f.id;
            } else if (op.t === 'endFlash' && flash) {
              await orders.endFlashSale(streamerActor, flash);
              flash = null;
            }
          } catch (e) {
            // refusals (sold out, limits, illegal transitions) are part of the game; anything else is a bug
            if (!(e instanceof AppError)) throw e;
          }
          expect(await accounted()).toBe(total);
        }
      }),
      { numRuns: 30 },
    );
  });
});
