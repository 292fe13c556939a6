/**
 * Orders through the API: an order from a live room carries its attribution and holds stock; Idempotency-Key
 * replays and conflicts; bad input refused with stock untouched; the simulated provider's payment page and signed
 * notifications (forged and replayed ones refused); shipping, delivery, a 7-day no-reason return with the refund
 * reversing commission; the statutory exemption; unpaid orders timing out; a flash sale that sells exactly its
 * quantity under concurrency with the per-user limit.
 */
import { flashSaleKeys } from '@livehub/core';
import { adjustStock, createTestPlatform, type TestPlatform, type TestSession, until } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let admin: TestSession;
let streamer: TestSession;
let merchant: TestSession;
let consumer: TestSession;
let sessionId: string;
let products: string[];
const skuOf = new Map<string, { id: string; priceFen: number }>();
let commissionBpOf = new Map<string, number>();

const ADDRESS = { name: '张三丰', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼' };
const DAY = 86_400_000;

const call = (
  s: TestSession | null,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) => p.call(s, method, url, payload, headers);

/** The consumer asks to return `qty` of an order's first line. */
const askReturn = (orderId: string, kind: 'no_reason' | 'quality', reason: string, qty: number) =>
  call(consumer, 'POST', `/api/orders/${orderId}/returns`, { kind, reason, lines: [{ lineNo: 1, qty }] });

async function stockOf(skuId: string): Promise<number> {
  return (await p.c.uow.read.catalog.findSku(skuId))?.stock ?? -1;
}

/** The streamer starts a flash sale at half price for a product of the session's first SKU. */
async function flashSale(productId: string, quantity: number, perUserLimit: number) {
  const sku = skuOf.get(productId) as { id: string; priceFen: number };
  const fs = await call(streamer, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
    productId,
    skuId: sku.id,
    priceFen: Math.max(1, Math.floor(sku.priceFen / 2)),
    quantity,
    perUserLimit,
    durationS: 600,
  });
  expect(fs.status).toBe(201);
  return { sku, fs };
}

/** Pays an order on the simulated provider's page and waits for the notification to land. */
async function payOrder(buyer: TestSession, orderId: string) {
  const pay = await call(buyer, 'POST', `/api/orders/${orderId}/pay`, {});
  expect(pay.status).toBe(200);
  const url = new URL(pay.body.payUrl);
  const page = await call(null, 'GET', `${url.pathname}${url.search}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('模拟支付');
  // the payer reads the order number and the state in words, not a code
  expect(page.body).toContain('待支付');
  expect(page.body).not.toMatch(/状态 Status <span data-testid="sim-status">pending/);
  const confirm = await call(null, 'POST', `${url.pathname}/confirm`, { t: url.searchParams.get('t'), outcome: 'succeed' });
  expect(confirm.status).toBe(200);
  const paid = await until(
    () => call(buyer, 'GET', `/api/orders/${orderId}`),
    (r) => r.body.status === 'paid',
  );
  expect(paid.body.status).toBe('paid');
  return pay.body.paymentId as string;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [admin, streamer, merchant, consumer] = await p.loginAll('admin', 'streamer', 'merchant', 'consumer');
  const agreements = (await call(streamer, 'GET', '/api/agreements?status=in_force')).body;
  const mine = agreements.find((a: { merchantOrgId: string }) => a.merchantOrgId === merchant.me.active?.orgId);
  expect(mine, 'the demo streamer has an agreement in force with the demo merchant').toBeTruthy();
  products = mine.versions[0].terms.products.map((x: { productId: string }) => x.productId);
  commissionBpOf = new Map(
    mine.versions[0].terms.products.map((x: { productId: string; commissionBp: number }) => [x.productId, x.commissionBp]),
  );
  const created = await call(streamer, 'POST', '/api/live/sessions', {
    title: '下单测试直播间',
    scheduledAt: clock.now().toISOString(),
    productIds: products,
  });
  sessionId = created.body.session.id;
  expect((await call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`)).status).toBe(200);
  for (const id of products) {
    const sku = (await p.c.uow.read.catalog.listSkus([id]))[0];
    if (sku) skuOf.set(id, { id: sku.id, priceFen: sku.priceFen });
  }
});
afterAll(async () => p?.close());

describe('orders', () => {
  let orderId: string;

  it('creates an order from the room with attribution, holds stock, masks the address, replays by Idempotency-Key', async () => {
    const sku = skuOf.get(products[0] as string) as { id: string; priceFen: number };
    const before = await stockOf(sku.id);
    const body = { lines: [{ skuId: sku.id, qty: 2 }], sessionId, address: ADDRESS };
    const key = { 'idempotency-key': `test-${Date.now()}-a` };
    const r = await call(consumer, 'POST', '/api/orders', body, key);
    expect(r.status).toBe(201);
    orderId = r.body.id;
    expect(r.body.status).toBe('created');
    expect(r.body.totalFen).toBe(sku.priceFen * 2);
    expect(r.body.attribution.sessionId).toBe(sessionId);
    expect(r.body.attribution.streamerName).toBeTruthy();
    expect(r.body.address.phone).toBe('138****5678');
    expect(JSON.stringify(r.body)).not.toContain('墨玉南路');
    expect(r.body.lines[0].commissionFen).toBeUndefined();
    expect(await stockOf(sku.id)).toBe(before - 2);

    const again = await call(consumer, 'POST', '/api/orders', body, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(orderId);
    expect(await stockOf(sku.id)).toBe(before - 2);
    const other = await call(consumer, 'POST', '/api/orders', { ...body, lines: [{ skuId: sku.id, qty: 1 }] }, key);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('orders.idempotency_conflict');

    // the merchant sees commission, the streamer sees the order, another consumer does not
    const asMerchant = await call(merchant, 'GET', `/api/orders/${orderId}`);
    expect(asMerchant.status).toBe(200);
    const bp = commissionBpOf.get(products[0] as string) ?? 0;
    expect(bp).toBeGreaterThan(0);
    expect(asMerchant.body.lines[0].commissionFen).toBe(Math.floor((sku.priceFen * 2 * bp) / 10_000));
    const asStreamer = await call(streamer, 'GET', `/api/orders?as=streamer&sessionId=${sessionId}`);
    expect(asStreamer.body.map((o: { id: string }) => o.id)).toContain(orderId);
    const stranger = await p.login('consumer_00002');
    expect((await call(stranger, 'GET', `/api/orders/${orderId}`)).status).toBe(404);
  });

  it('refuses bad input field by field and leaves stock untouched', async () => {
    const sku = skuOf.get(products[0] as string) as { id: string; priceFen: number };
    const before = await stockOf(sku.id);
    const cases: Array<[unknown, string, number]> = [
      [{ lines: [{ skuId: sku.id, qty: 0 }], address: ADDRESS }, 'lines.0.qty', 400],
      [{ lines: [{ skuId: sku.id, qty: 1.5 }], address: ADDRESS }, 'lines.0.qty', 400],
      [{ lines: [{ skuId: sku.id, qty: 1 }] }, 'address', 400],
      [{ lines: [{ skuId: sku.id, qty: 1 }], address: { ...ADDRESS, phone: '12345' } }, 'address.phone', 400],
      [{ lines: [{ skuId: '00000000-0000-7000-8000-000000000000', qty: 1 }], address: ADDRESS }, 'lines.0.skuId', 400],
      [
        {
          lines: [
            { skuId: sku.id, qty: 99 },
            { skuId: sku.id, qty: 1 },
          ],
          address: ADDRESS,
        },
        'lines',
        400,
      ],
      [{ lines: [{ skuId: sku.id, qty: 99 }], address: ADDRESS, sessionId: '00000000-0000-7000-8000-000000000000' }, 'sessionId', 404],
    ];
    for (const [payload, field, status] of cases) {
      const r = await call(consumer, 'POST', '/api/orders', payload);
      expect(r.status, JSON.stringify(payload)).toBe(status);
      expect(r.body.error.field).toBe(field);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]|[a-z]/i);
    }
    // more than the stock: a 409 naming what is left (the SKU is brought down to 5 units for it, then back)
    await adjustStock(p.c, sku.id, 5 - before);
    const tooMany = await call(consumer, 'POST', '/api/orders', { lines: [{ skuId: sku.id, qty: 6 }], address: ADDRESS });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('orders.insufficient_stock');
    expect(await stockOf(sku.id)).toBe(5);
    await adjustStock(p.c, sku.id, before - 5);
    const badKey = await call(
      consumer,
      'POST',
      '/api/orders',
      { lines: [{ skuId: sku.id, qty: 1 }], address: ADDRESS },
      { 'idempotency-key': 'x' },
    );
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.field).toBe('Idempotency-Key');
    expect(await stockOf(sku.id)).toBe(before);
  });

  it('pays through the simulated provider; forged and replayed notifications are refused', async () => {
    // the buyer's own page counts the orders waiting on them; API tokens are not a buyer's business
    const cards = async () =>
      Object.fromEntries(
        ((await call(consumer, 'GET', '/api/workbench')).body.cards as Array<{ key: string; value: number }>).map((c) => [c.key, c.value]),
      );
    const before = await cards();
    expect(before).not.toHaveProperty('api_tokens');
    expect(before.orders_to_pay).toBeGreaterThanOrEqual(1);
    const paymentId = await payOrder(consumer, orderId);
    expect((await cards()).orders_to_pay).toBe((before.orders_to_pay as number) - 1);
    const sim = p.c.payments.sim;
    // forged: signed with another key
    const genuine = sim.signed({ kind: 'payment.succeeded', paymentId, refundId: null, amountFen: 1, providerRef: 'x', reason: null });
    const forged = await p.app.inject({
      method: 'POST',
      url: '/api/payments/notify/sim',
      headers: { ...genuine.headers, 'x-sim-signature': Buffer.alloc(32).toString('base64') },
      payload: genuine.body,
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('payments.bad_signature');
    // stale: a notification from ten minutes ago
    const old = sim.signed(
      { kind: 'payment.succeeded', paymentId, refundId: null, amountFen: 1, providerRef: 'x', reason: null },
      clock.now().getTime() - 10 * 60_000,
    );
    const stale = await p.app.inject({ method: 'POST', url: '/api/payments/notify/sim', headers: old.headers, payload: old.body });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.code).toBe('payments.stale');
    // replayed: the same notification twice
    const once = sim.signed({ kind: 'payment.failed', paymentId, refundId: null, amountFen: 0, providerRef: 'x', reason: 'late' });
    const first = await p.app.inject({ method: 'POST', url: '/api/payments/notify/sim', headers: once.headers, payload: once.body });
    expect(first.statusCode).toBe(200);
    const replay = await p.app.inject({ method: 'POST', url: '/api/payments/notify/sim', headers: once.headers, payload: once.body });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('payments.replayed');
    expect((await call(consumer, 'GET', `/api/orders/${orderId}`)).body.status).toBe('paid');
  });

  it('ships, delivers, takes a 7-day no-reason return and refunds it, reversing the commission', async () => {
    const foreign = await p.login('merchant_0002');
    expect((await call(foreign, 'POST', `/api/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890' })).status).toBe(
      404,
    );
    const badShip = await call(merchant, 'POST', `/api/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: '!' });
    expect(badShip.status).toBe(400);
    expect(badShip.body.error.field).toBe('trackingNo');
    const label = await call(merchant, 'GET', `/api/orders/${orderId}/shipping-label`);
    expect(label.status).toBe(200);
    expect(label.body.detail).toContain('墨玉南路');
    const shipped = await call(merchant, 'POST', `/api/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    // a return before delivery is refused
    const early = await askReturn(orderId, 'no_reason', '不想要了', 1);
    expect(early.status).toBe(409);
    const delivered = await call(consumer, 'POST', `/api/orders/${orderId}/deliver`);
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.returnBy).toBeTruthy();

    const tooMany = await askReturn(orderId, 'no_reason', '不想要了', 3);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('returns.invalid_line');
    const req = await askReturn(orderId, 'no_reason', '尺码不合适', 2);
    expect(req.status).toBe(201);
    const rid = req.body.id;
    expect((await call(consumer, 'POST', `/api/returns/${rid}/approve`)).status).toBe(403);
    expect((await call(merchant, 'POST', `/api/returns/${rid}/approve`)).body.status).toBe('approved');
    expect((await call(consumer, 'POST', `/api/returns/${rid}/ship`, { carrier: '中通快递', trackingNo: 'ZT998877665' })).body.status).toBe(
      'shipped_back',
    );
    const received = await call(merchant, 'POST', `/api/returns/${rid}/receive`, { refundNow: true });
    expect(received.body.status).toBe('received');
    expect(received.body.refundDueAt).toBeTruthy();
    const refunded = await until(
      () => call(consumer, 'GET', `/api/orders/${orderId}`),
      (r) => r.body.status === 'refunded',
    );
    expect(refunded.body.status).toBe('refunded');
    expect(refunded.body.refundedFen).toBe(refunded.body.totalFen);
    const lines = await p.c.uow.read.orders.listLines([orderId]);
    expect(lines[0]?.returnedQty).toBe(2);
    expect(lines[0]?.reversedCommissionFen).toBe(lines[0]?.commissionFen);
    const ret = await call(consumer, 'GET', `/api/orders/${orderId}/returns`);
    expect(ret.body[0].status).toBe('refunded');
  });

  it('refuses a no-reason return for an exempt category and after the window', async () => {
    const productId = products[1] ?? (products[0] as string);
    const product = await p.c.uow.read.catalog.findProduct(productId);
    const sku = skuOf.get(productId) as { id: string; priceFen: number };
    const make = async () => {
      const o = await call(consumer, 'POST', '/api/orders', { lines: [{ skuId: sku.id, qty: 1 }], sessionId, address: ADDRESS });
      expect(o.status).toBe(201);
      await payOrder(consumer, o.body.id);
      await call(merchant, 'POST', `/api/orders/${o.body.id}/ship`, { carrier: '顺丰速运', trackingNo: 'SF0000000001' });
      await call(consumer, 'POST', `/api/orders/${o.body.id}/deliver`);
      return o.body.id as string;
    };
    const late = await make();
    // delivered eight days ago (moving the clock would also end everyone's sign-in)
    const o = await p.c.uow.read.orders.findOrder(late);
    if (!o) throw new Error('order missing');
    await p.c.uow.transaction((tx) =>
      tx.orders.updateOrder({ ...o, deliveredAt: new Date(clock.now().getTime() - 8 * DAY), version: o.version + 1 }, o.version),
    );
    const closed = await askReturn(late, 'no_reason', '不想要了', 1);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('returns.window_closed');
    expect(closed.body.error.message).toContain('七天');
    // a quality problem is still heard after the window
    expect((await askReturn(late, 'quality', '质量问题', 1)).status).toBe(201);

    const cat = await call(admin, 'PATCH', `/api/catalog/categories/${product?.categoryId}`, {
      noReasonReturn: false,
      reason: '测试：鲜活易腐',
    });
    expect(cat.status).toBe(200);
    try {
      const exempt = await make();
      const r = await askReturn(exempt, 'no_reason', '不想要了', 1);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('returns.exempt');
      const quality = await askReturn(exempt, 'quality', '收到时已损坏', 1);
      expect(quality.status).toBe(201);
    } finally {
      await call(admin, 'PATCH', `/api/catalog/categories/${product?.categoryId}`, { noReasonReturn: true, reason: '测试结束' });
    }
  });

  it('cancels unpaid orders after the deadline and puts the stock back', async () => {
    const sku = skuOf.get(products[0] as string) as { id: string; priceFen: number };
    // let every order already waiting (the demo data's unpaid one) time out first
    clock.advance(16 * 60_000);
    await p.c.tick();
    const before = await stockOf(sku.id);
    const o = await call(consumer, 'POST', '/api/orders', { lines: [{ skuId: sku.id, qty: 1 }], address: ADDRESS });
    expect(await stockOf(sku.id)).toBe(before - 1);
    // the buyer opens the payment page, then walks away
    const opened = await call(consumer, 'POST', `/api/orders/${o.body.id}/pay`, {});
    expect(opened.status).toBe(200);
    const payUrl = new URL(opened.body.payUrl);
    clock.advance(16 * 60_000);
    // past the deadline the provider's page is closed before the sweep has run
    const late = await call(null, 'POST', `${payUrl.pathname}/confirm`, { t: payUrl.searchParams.get('t'), outcome: 'succeed' });
    expect(late.body).toEqual({ status: 'expired' });
    await p.c.tick();
    const after = await call(consumer, 'GET', `/api/orders/${o.body.id}`);
    expect(after.body.status).toBe('cancelled');
    expect(after.body.cancelReason).toBe('payment timeout');
    expect(await stockOf(sku.id)).toBe(before);
    const payment = await p.c.uow.read.orders.findPayment(opened.body.paymentId);
    expect(payment).toMatchObject({ status: 'expired', failureReason: 'payment timeout' });
    const page = await call(null, 'GET', `${payUrl.pathname}${payUrl.search}`);
    expect(page.body).toContain('sim-closed');
    expect(page.body).not.toContain('sim-pay');
    const pay = await call(consumer, 'POST', `/api/orders/${o.body.id}/pay`, {});
    expect(pay.status).toBe(409);
    // a payer who completed the closed payment anyway (the provider's success arrives late) gets the money back
    p.c.payments.sim.answer(payment as NonNullable<typeof payment>, 'succeed');
    const refunds = await until(
      () => p.c.uow.read.orders.listRefunds(o.body.id),
      (r) => r.length > 0,
    );
    expect(refunds[0]).toMatchObject({ paymentId: opened.body.paymentId, amountFen: sku.priceFen });
    expect((await p.c.uow.read.orders.findPayment(opened.body.paymentId))?.status).toBe('succeeded');
    expect((await call(consumer, 'GET', `/api/orders/${o.body.id}`)).body.status).toBe('cancelled');
  });

  it('sells a flash sale exactly to its quantity under concurrency, with the per-user limit', async () => {
    const sku = skuOf.get(products[0] as string) as { id: string; priceFen: number };
    const stockBefore = await stockOf(sku.id);
    const bad = await call(streamer, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
      productId: products[0],
      skuId: sku.id,
      priceFen: sku.priceFen + 1,
      quantity: 5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('priceFen');
    const fs = await call(streamer, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
      productId: products[0],
      skuId: sku.id,
      priceFen: Math.max(1, Math.floor(sku.priceFen / 2)),
      quantity: 5,
      perUserLimit: 1,
      durationS: 600,
    });
    expect(fs.status).toBe(201);
    expect(await stockOf(sku.id)).toBe(stockBefore - 5);
    const buyers = await Promise.all(Array.from({ length: 8 }, (_, i) => p.login(`consumer_${String(i + 10).padStart(5, '0')}`)));
    const buy = (s: TestSession, qty = 1) =>
      call(s, 'POST', '/api/orders', { lines: [{ skuId: sku.id, qty }], sessionId, flashSaleId: fs.body.id, address: ADDRESS });
    const results = await Promise.all(buyers.map((b) => buy(b)));
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'orders.sold_out')).toBe(true);
    const winner = buyers[results.findIndex((r) => r.status === 201)] as TestSession;
    const twice = await buy(winner);
    expect(twice.status).toBe(409);
    expect(['orders.limit_exceeded', 'orders.sold_out']).toContain(twice.body.error.code);
    expect(await p.c.uow.read.orders.countClaims(fs.body.id)).toBe(5);
    const listed = await call(consumer, 'GET', `/api/live/sessions/${sessionId}/flash-sales`);
    expect(listed.body[0].left).toBe(0);
    expect(listed.body[0].sold).toBe(5);

    // a winner cancels: the unit goes back on sale and someone else gets it
    const cancelled = results.find((r) => r.status === 201);
    const who = buyers[results.indexOf(cancelled as (typeof results)[number])] as TestSession;
    expect((await call(who, 'POST', `/api/orders/${cancelled?.body.id}/cancel`, { reason: '拍错了' })).body.status).toBe('cancelled');
    const loser = buyers[results.findIndex((r) => r.status === 409)] as TestSession;
    expect((await buy(loser)).status).toBe(201);
    // ending the sale returns nothing (all sold) and the stock accounting holds
    await call(streamer, 'POST', `/api/flash-sales/${fs.body.id}/end`);
    expect(await stockOf(sku.id)).toBe(stockBefore - 5);
  });
  it('writes a burst of flash-sale winners together: distinct slots, an intact audit chain, keys that replay', async () => {
    const { sku, fs } = await flashSale(products[1] as string, 10, 2);
    const buyers = await Promise.all(Array.from({ length: 14 }, (_, i) => p.login(`consumer_${String(i + 30).padStart(5, '0')}`)));
    const body = { lines: [{ skuId: sku.id, qty: 1 }], sessionId, flashSaleId: fs.body.id, address: ADDRESS };
    const twin = buyers[0] as TestSession;
    const attempts = [
      // the first buyer's client sends the same request twice at once (a retry racing the original)
      call(twin, 'POST', '/api/orders', body, { 'idempotency-key': 'twin-key-0001' }),
      call(twin, 'POST', '/api/orders', body, { 'idempotency-key': 'twin-key-0001' }),
      ...buyers.slice(1).map((b, i) => call(b, 'POST', '/api/orders', body, { 'idempotency-key': `burst-key-${i}` })),
    ];
    const results = await Promise.all(attempts);
    const made = results.filter((r) => r.status === 201);
    const orderIds = new Set(made.map((r) => r.body.id));
    expect(results.every((r) => r.status === 201 || r.body.error.code === 'orders.sold_out')).toBe(true);
    // the twin made at most one order: when both got through, they answer with the same one, and the unit the
    // second one had taken went back on sale
    if (results[0]?.status === 201 && results[1]?.status === 201) expect(results[0].body.id).toBe(results[1].body.id);
    const listed = (await call(consumer, 'GET', `/api/live/sessions/${sessionId}/flash-sales`)).body.find(
      (x: { id: string }) => x.id === fs.body.id,
    );
    expect(orderIds.size).toBeGreaterThanOrEqual(9);
    expect(orderIds.size + listed.left).toBe(10);
    expect(listed.sold).toBe(orderIds.size);
    const claims = await p.c.uow.read.orders.claimsByUser(fs.body.id);
    expect(claims.reduce((n, c) => n + c.n, 0)).toBe(orderIds.size);
    expect(claims.every((c) => c.n <= 2)).toBe(true);
    // every winner's key replays its own order
    for (const [i, r] of results.entries()) {
      if (r.status !== 201 || i === 1) continue;
      const again = await call(buyers[Math.max(0, i - 1)] as TestSession, 'POST', '/api/orders', body, {
        'idempotency-key': i === 0 ? 'twin-key-0001' : `burst-key-${i - 2}`,
      });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(r.body.id);
    }
    const verified = await p.c.audit.verify(p.c.uow.read);
    expect(verified.ok).toBe(true);
    // paging through the merchant's orders three at a time finds each once, though the group shares its time
    const all = (await call(merchant, 'GET', `/api/orders?as=merchant&sessionId=${sessionId}&limit=200`)).body as Array<{
      id: string;
      createdAt: string;
    }>;
    expect(all.length).toBeGreaterThan(6);
    const paged: string[] = [];
    let cursor = '';
    for (let i = 0; i < 100; i++) {
      const page = (await call(merchant, 'GET', `/api/orders?as=merchant&sessionId=${sessionId}&limit=3${cursor}`)).body as typeof all;
      paged.push(...page.map((o) => o.id));
      const last = page.at(-1);
      if (page.length < 3 || !last) break;
      cursor = `&before=${encodeURIComponent(last.createdAt)}&beforeId=${last.id}`;
    }
    expect(paged).toEqual(all.map((o) => o.id));
    const created = (await p.c.uow.read.audit.list({ limit: 200, action: 'order.create' })).filter((e) => orderIds.has(e.targetId ?? ''));
    expect(created).toHaveLength(orderIds.size);
    await call(streamer, 'POST', `/api/flash-sales/${fs.body.id}/end`);
  });

  it('keeps the per-user limit in the database and corrects a per-user counter that counts a dead attempt', async () => {
    const { sku, fs } = await flashSale(products[0] as string, 4, 1);
    const [ghost, buyer] = await Promise.all([p.login('consumer_00050'), p.login('consumer_00051')]);
    const body = { lines: [{ skuId: sku.id, qty: 1 }], sessionId, flashSaleId: fs.body.id, address: ADDRESS };
    // an attempt that died with its process: the buyer's counter says 1, the database holds nothing for them
    await p.c.kv.counters.incr(flashSaleKeys.user(fs.body.id, ghost.me.user.id), 1);
    const bought = await call(ghost, 'POST', '/api/orders', body);
    expect(bought.status, JSON.stringify(bought.body)).toBe(201);
    // the limit holds: the next attempt is refused by the counter, and the database agrees
    const again = await call(ghost, 'POST', '/api/orders', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('orders.limit_exceeded');
    // a counter that says too little is caught by the unique (sale, buyer, unit) index
    const won = await call(buyer, 'POST', '/api/orders', body);
    expect(won.status).toBe(201);
    await p.c.kv.counters.set(flashSaleKeys.user(fs.body.id, buyer.me.user.id), 0);
    const over = await call(buyer, 'POST', '/api/orders', body);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('orders.limit_exceeded');
    expect(await p.c.uow.read.orders.countUserClaims(fs.body.id, buyer.me.user.id)).toBe(1);
    // what the refused attempts took went back: 2 sold, 2 left
    const listed = (await call(consumer, 'GET', `/api/live/sessions/${sessionId}/flash-sales`)).body.find(
      (x: { id: string }) => x.id === fs.body.id,
    );
    expect({ sold: listed.sold, left: listed.left }).toEqual({ sold: 2, left: 2 });
    await call(streamer, 'POST', `/api/flash-sales/${fs.body.id}/end`);
    // the ended sale's counters are gone, every buyer's included
    const id = fs.body.id;
    const keys = [flashSaleKeys.left(id), flashSaleKeys.user(id, ghost.me.user.id), flashSaleKeys.user(id, buyer.me.user.id)];
    for (const k of [...keys, flashSaleKeys.corrected(id, ghost.me.user.id)]) expect(await p.c.kv.counters.get(k), k).toBeNull();
  });

  it('counts the session’s paid orders and GMV live and keeps them when it ends', async () => {
    const live = await call(streamer, 'GET', `/api/live/sessions/${sessionId}`);
    expect(live.body.stats.orders).toBeGreaterThanOrEqual(3);
    expect(live.body.stats.gmvFen).toBeGreaterThan(0);
    const ended = await call(streamer, 'POST', `/api/live/sessions/${sessionId}/end`, {});
    expect(ended.status).toBe(200);
    expect(ended.body.stats.orders).toBe(live.body.stats.orders);
    expect(ended.body.stats.gmvFen).toBe(live.body.stats.gmvFen);
  });
});
