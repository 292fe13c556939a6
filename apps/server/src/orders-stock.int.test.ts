/**
 * The stock ledger is the one truth (docs/supply.md § Stock model): receipts, transfers, adjustments, shipments and
 * received returns across two warehouses are mixed into the sequences, and after every step, per SKU and warehouse,
 * on hand equals the sum of the ledger's movements, the projection equals that sum, sellable is never negative,
 * reserved never exceeds on hand, and on hand = sellable + buffer + reserved (never oversold).
 *
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
import { deliverPaymentSucceeded } from './seed/seed-payments.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let sessionId: string;
let productId: string;
let skuId: string;
let priceFen: number;
let streamerActor: Actor;
let merchantActor: Actor;
/** the merchant's default warehouse and a second one */
const warehouses: string[] = [];
/** every flash-sale order placed in any run, and those shipped (their units have left the carve-out's warehouse) */
const flashOrders = new Set<string>();
const shippedFlashOrders: string[] = [];
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
  | { t: 'endFlash' }
  | { t: 'receipt'; wh: number; qty: number }
  | { t: 'transfer'; wh: number; qty: number }
  | { t: 'adjust'; wh: number; qty: number }
  | { t: 'ship'; k: number; wh: number }
  | { t: 'returnBack'; k: number };

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
  { weight: 2, arbitrary: fc.record({ t: fc.constant('receipt' as const), wh: fc.nat(1), qty: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('transfer' as const), wh: fc.nat(1), qty: fc.integer({ min: 1, max: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('adjust' as const), wh: fc.nat(1), qty: fc.integer({ min: -6, max: 4 }).filter((n) => n !== 0) }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('ship' as const), k: fc.nat(20), wh: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('returnBack' as const), k: fc.nat(20) }) },
);

/**
 * The ledger's identities: per warehouse, on hand = Σ movements = the projection; sellable ≥ 0; on hand in all
 * warehouses = sellable + buffer + reserved (non-flash held and sold + flash carve-outs still out − flash units
 * shipped), so reserved never exceeds on hand. Returns the reserved units.
 */
async function ledgerHolds(): Promise<void> {
  const r = p.c.uow.read;
  const sku = await r.inventory.skuFacts(skuId);
  if (!sku) throw new Error('no sku');
  expect(sku.sellable).toBeGreaterThanOrEqual(0);
  const movements = await r.inventory.skuMovements(skuId);
  const levels = await r.inventory.levels({ skuIds: [skuId] });
  const sums = new Map<string, number>();
  for (const m of movements) sums.set(m.warehouseId, (sums.get(m.warehouseId) ?? 0) + m.qty);
  for (const [wh, n] of sums) {
    expect(n).toBeGreaterThanOrEqual(0);
    expect(levels.find((l) => l.warehouseId === wh)?.onHand ?? 0).toBe(n);
  }
  for (const l of levels) expect(sums.get(l.warehouseId) ?? 0).toBe(l.onHand);
  const onHand = levels.reduce((n, l) => n + l.onHand, 0);
  const { held, sold } = await r.orders.reservationTotals(skuId);
  let carved = 0;
  for (const f of (await r.orders.listFlashSales({ sessionId, limit: 1000 })).filter((x) => x.skuId === skuId))
    carved += f.quantity - f.returnedQty;
  let flashShipped = 0;
  for (const id of shippedFlashOrders)
    for (const x of await r.orders.listReservations(id)) if (x.skuId === skuId && x.status === 'shipped') flashShipped += x.qty;
  const reserved = held + sold + carved - flashShipped;
  expect(reserved).toBeGreaterThanOrEqual(0);
  expect(reserved).toBeLessThanOrEqual(onHand);
  expect(onHand).toBe(sku.sellable + sku.safetyBuffer + reserved);
}

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
  const merchant = await p.login('merchant');
  merchantActor = { ...actorOf(merchant.me.user.id, 'merchant_staff', 'merchant'), orgId: merchant.me.active?.orgId ?? null };
  const own = await p.c.inventory.listWarehouses(merchantActor);
  const first = own.find((w) => w.isDefault) ?? own[0];
  if (!first) throw new Error('no default warehouse');
  warehouses.push(
    first.id,
    (await p.c.inventory.createWarehouse(merchantActor, { name: '二号仓', region: '浙江省 杭州市', address: '' })).id,
  );
  for (let i = 1; i <= 6; i++) {
    const s = await p.login(`consumer_${String(i + 40).padStart(5, '0')}`);
    buyers.push(actorOf(s.me.user.id, 'consumer', `consumer-${i}`));
  }
}, 300_000);
afterAll(async () => p?.close());

describe('stock conservation', () => {
  it('holds after every step of random order, payment, cancel, timeout, refund and flash-sale sequences', async () => {
    const orders = p.c.orders;
    const _sim = p.c.payments.sim;
    await ledgerHolds();
    const payNow = async (buyer: Actor, orderId: string) => {
      const pay = await orders.pay(buyer, orderId, 'sim');
      await deliverPaymentSucceeded(p.c, pay.paymentId, pay.amountFen, 'p');
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
              flashOrders.add(r.body.id);
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
            } else if (op.t === 'receipt') {
              const wh = warehouses[op.wh] as string;
              await p.c.uow.transaction((tx) =>
                p.c.stock.postIn(tx, merchantActor, { skuId, warehouseId: wh, kind: 'receipt', qty: op.qty, refType: 'test' }),
              );
            } else if (op.t === 'transfer') {
              const [from, to] = op.wh === 0 ? warehouses : [...warehouses].reverse();
              await p.c.inventory.transfer(merchantActor, {
                skuId,
                fromWarehouseId: from as string,
                toWarehouseId: to as string,
                qty: op.qty,
              });
            } else if (op.t === 'adjust') {
              await p.c.inventory.adjust(merchantActor, { skuId, warehouseId: warehouses[op.wh] as string, qty: op.qty, reason: '盘点' });
            } else if (op.t === 'ship' && placed.length > 0) {
              const o = placed[op.k % placed.length] as { id: string; buyer: Actor };
              const no = `SF${o.id.replaceAll('-', '').slice(-10).toUpperCase()}`;
              await orders.ship(merchantActor, o.id, { carrier: 'SF', trackingNo: no, warehouseId: warehouses[op.wh] });
              if (flashOrders.has(o.id)) shippedFlashOrders.push(o.id);
            } else if (op.t === 'returnBack' && placed.length > 0) {
              const o = placed[op.k % placed.length] as { id: string; buyer: Actor };
              await orders.deliver(o.buyer, o.id);
              const lines = (await p.c.uow.read.orders.listLines([o.id])).map((l) => ({ lineNo: l.lineNo, qty: l.qty }));
              const ret = await p.c.returns.request(o.buyer, o.id, { kind: 'no_reason', reason: '不想要了', lines });
              await p.c.returns.approve(merchantActor, ret.id);
              await p.c.returns.shipBack(o.buyer, ret.id, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
              await p.c.returns.receive(merchantActor, ret.id, false);
            }
          } catch (e) {
            // refusals (sold out, limits, illegal transitions) are part of the game; anything else is a bug
            if (!(e instanceof AppError)) throw e;
          }
          // the claims and counters of every sale still check out; the units themselves are the ledger's identity
          await accounted();
          await ledgerHolds();
        }
      }),
      { numRuns: 30 },
    );
  }, 600_000);
});
