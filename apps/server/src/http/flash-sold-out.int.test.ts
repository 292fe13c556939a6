/**
 * Sold-out flash sales answered from the process's mark (ADR 0011): with the database handle poisoned, a loser's
 * attempt — signed in or not — still gets the exact 409 `orders.sold_out` body, and no session is resolved; a
 * winner's retry with its Idempotency-Key still gets its order. Two containers on one database and one hot-state
 * store (Redis with REDIS_URL) stand for two processes: the second learns the sale sold out from the first, and a
 * restock on the first — a cancelled order, an unpaid order timing out — lets the next buyer on the second buy.
 */
import type { UnitOfWork } from '@livehub/core';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';
import { type Container, createContainer } from '../container.ts';
import { buildApp } from './app.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let c2: Container;
let app2: FastifyInstance;
let streamer: TestSession;
let merchant: TestSession;
let sessionId: string;
let products: string[];

const ADDRESS = { name: '李四', phone: '13912345678', region: '北京市 海淀区', detail: '中关村大街 1 号' };

async function call(app: FastifyInstance, s: TestSession | null, url: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'POST', url, headers: { ...(s ? s.headers(true) : {}), ...headers }, payload: payload as object });
  return { status: res.statusCode, body: res.json(), raw: res.body };
}

async function until(ok: () => boolean | Promise<boolean>, ms = 8000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await ok()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function startSale(productId: string, quantity: number) {
  const sku = (await p.c.uow.read.catalog.listSkus([productId]))[0] as { id: string; priceFen: number };
  const fs = await call(p.app, streamer, `/api/live/sessions/${sessionId}/flash-sales`, {
    productId,
    skuId: sku.id,
    priceFen: Math.max(1, Math.floor(sku.priceFen / 2)),
    quantity,
    perUserLimit: 1,
    durationS: 3600,
  });
  expect(fs.status).toBe(201);
  const saleId = fs.body.id as string;
  const body = { lines: [{ skuId: sku.id, qty: 1 }], sessionId, flashSaleId: saleId, address: ADDRESS };
  return { saleId, body };
}

/** Every database access through the unit of work throws while `run` runs. */
async function withoutDatabase<T>(uow: UnitOfWork, run: () => Promise<T>): Promise<T> {
  const read = uow.read;
  const transaction = uow.transaction;
  const poisoned = new Proxy(read, {
    get() {
      throw new Error('the database was read');
    },
  });
  Object.assign(uow, { read: poisoned, transaction: () => Promise.reject(new Error('the database was written')) });
  try {
    return await run();
  } finally {
    Object.assign(uow, { read, transaction });
  }
}

beforeAll(async () => {
  // marks trusted for a minute: nothing here may depend on a re-check happening (or not) while it runs
  p = await createTestPlatform({ seed: true, clock, env: { LIVEHUB_FLASH_SOLD_OUT_MS: '60000' } });
  // a second process: its own container and app on the same database and hot-state store
  c2 = await createContainer(p.c.config, { database: p.c.database, kv: p.c.kv, fastHashing: true, clock });
  app2 = (await buildApp(c2, { logger: false, serveWeb: false })).app;
  [streamer, merchant] = await Promise.all([p.login('streamer'), p.login('merchant')]);
  const agreements = (
    await p.app.inject({ method: 'GET', url: '/api/agreements?status=in_force', headers: streamer.headers(false) })
  ).json();
  const mine = agreements.find((a: { merchantOrgId: string }) => a.merchantOrgId === merchant.me.active?.orgId);
  products = mine.versions[0].terms.products.map((x: { productId: string }) => x.productId);
  const created = await call(p.app, streamer, '/api/live/sessions', {
    title: '秒杀售罄测试',
    scheduledAt: clock.now().toISOString(),
    productIds: products,
  });
  sessionId = created.body.session.id;
  expect((await call(p.app, streamer, `/api/live/sessions/${sessionId}/start`, {})).status).toBe(200);
});
afterAll(async () => {
  await app2?.close();
  c2?.rooms.close();
  c2?.payments.sim.close();
  await c2?.orders.soldOut.stop();
  await p?.close();
});

describe('sold-out flash sales answered from the mark', () => {
  it('answers losers with 409 before the session and without the database; a winner’s key still replays', async () => {
    const { saleId, body } = await startSale(products[0] as string, 2);
    const buyers = await Promise.all(Array.from({ length: 4 }, (_, i) => p.login(`consumer_${String(i + 60).padStart(5, '0')}`)));
    const [a, b, loser, late] = buyers as [TestSession, TestSession, TestSession, TestSession];
    const won = await call(p.app, a, '/api/orders', body, { 'idempotency-key': 'soldout-win-a' });
    expect(won.status).toBe(201);
    expect((await call(p.app, b, '/api/orders', body, { 'idempotency-key': 'soldout-win-b' })).status).toBe(201);
    // the first loser goes the full way; its answer is the one the mark must repeat byte for byte
    const full = await call(p.app, loser, '/api/orders', body, { 'idempotency-key': 'soldout-lose-1' });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'orders.sold_out', field: 'flashSaleId' });
    expect(await until(() => p.c.orders.soldOut.refuses(saleId, undefined))).toBe(true);

    const sessions = vi.spyOn(p.c.identity, 'authenticateSession');
    const answers = await withoutDatabase(p.c.uow, async () => [
      await call(p.app, late, '/api/orders', body, { 'idempotency-key': 'soldout-lose-2' }),
      await call(p.app, loser, '/api/orders', body),
      // not signed in: sold out is public, the room shows it to everyone
      await call(p.app, null, '/api/orders', body),
      await call(p.app, late, '/api/orders', body, { 'accept-language': 'en-US,en;q=0.9' }),
    ]);
    expect(sessions).not.toHaveBeenCalled();
    sessions.mockRestore();
    for (const r of answers.slice(0, 3)) {
      expect(r.status).toBe(409);
      expect(r.raw).toBe(full.raw);
    }
    expect(answers[3]?.status).toBe(409);
    expect(answers[3]?.body.error.code).toBe('orders.sold_out');
    expect(answers[3]?.body.error.message).toMatch(/sold out/i);

    // the winner pressing again with its key gets its order, not "sold out"
    const again = await call(p.app, a, '/api/orders', body, { 'idempotency-key': 'soldout-win-a' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(won.body.id);
    // bad input on a sale that is not sold out, and an unknown sale, are still validated and authorized
    expect((await call(p.app, null, '/api/orders', { ...body, flashSaleId: sessionId })).status).toBe(401);
    expect((await call(p.app, late, '/api/orders', { ...body, flashSaleId: sessionId, lines: [] })).status).toBe(400);
  });

  it('a restock on one process lets the next buyer on the other buy: a cancel, then an unpaid order timing out', async () => {
    const { saleId, body } = await startSale(products[1] as string, 2);
    const buyers = await Promise.all(Array.from({ length: 4 }, (_, i) => p.login(`consumer_${String(i + 70).padStart(5, '0')}`)));
    const [a, b, c, d] = buyers as [TestSession, TestSession, TestSession, TestSession];
    const first = await call(p.app, a, '/api/orders', body);
    expect(first.status).toBe(201);
    expect((await call(p.app, b, '/api/orders', body)).status).toBe(201);
    // the second process learns of the sale's sell-out from the first, before anyone asks it
    expect(await until(() => c2.orders.soldOut.refuses(saleId, undefined))).toBe(true);
    const refused = await withoutDatabase(p.c.uow, () => call(app2, c, '/api/orders', body));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('orders.sold_out');

    // a winner cancels on the first process: the unit is on sale again, and the second process lets c buy it
    const cancelled = await call(p.app, a, `/api/orders/${first.body.id}/cancel`, { reason: '拍错了' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await until(() => !c2.orders.soldOut.isMarked(saleId))).toBe(true);
    const bought = await call(app2, c, '/api/orders', body);
    expect(bought.status).toBe(201);
    // that was the last unit: sold out again, on both
    expect(await until(() => p.c.orders.soldOut.refuses(saleId, undefined) && c2.orders.soldOut.refuses(saleId, undefined))).toBe(true);
    expect((await call(app2, d, '/api/orders', body)).status).toBe(409);

    // nobody pays: past the flash-sale payment window the orders time out and their units go back on sale
    clock.advance((p.c.config.flashPayMinutes + 1) * 60_000);
    const swept = await p.c.tick();
    expect(swept.expiredOrders).toBeGreaterThanOrEqual(2);
    expect(await until(() => !c2.orders.soldOut.isMarked(saleId) && !p.c.orders.soldOut.isMarked(saleId))).toBe(true);
    const late = await call(app2, d, '/api/orders', body);
    expect(late.status).toBe(201);
    expect(await p.c.uow.read.orders.countClaims(saleId)).toBe(1);
  });
});
