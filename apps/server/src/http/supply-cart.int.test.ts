/**
 * 加购 in the live room through the API, on PGlite and PostgreSQL (whichever the suite runs on): signed-in viewers'
 * taps counted per session × SKU × minute, a viewer's repeat within a minute counted once, the counts on the
 * merchant's demand board per minute next to sales; a SKU not on sale in the session, an unknown session and a
 * caller who is not a consumer refused; the counter table holds no viewer.
 */
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let merchant: TestSession;
let viewerA: TestSession;
let viewerB: TestSession;
let sessionId: string;
let skuId: string;
let otherSkuId: string;

interface SkuRow {
  skuId: string;
  cartAdds: number;
  cartAddsThisMinute: number;
  minutes: Array<{ minute: number; sold: number; placed: number; carts: number }>;
}

const tap = (s: TestSession | null, sku: unknown, session = sessionId) =>
  p.call(s, 'POST', `/api/supply/live/sessions/${session}/cart-adds`, { skuId: sku });
const boardRow = async (): Promise<SkuRow> => {
  const r = await p.call(merchant, 'GET', `/api/supply/demand/sessions/${sessionId}`);
  expect(r.status).toBe(200);
  const row = (r.body.skus as SkuRow[]).find((k) => k.skuId === skuId);
  if (!row) throw new Error('the SKU is on the board');
  return row;
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  const [live] = await p.c.uow.read.live.listSessions({ status: ['live'], limit: 5 });
  if (!live) throw new Error('the demo has a live room');
  sessionId = live.id;
  const onSession = await p.c.uow.read.live.listProducts(sessionId);
  const [product] = onSession;
  if (!product) throw new Error('the live room sells a product');
  const [sku] = await p.c.uow.read.catalog.listSkus([product.productId]);
  if (!sku) throw new Error('the product has a SKU');
  skuId = sku.id;
  const staff = (await p.c.uow.read.memberships.listForOrg(product.merchantOrgId)).find((m) => m.role === 'merchant_staff');
  if (!staff) throw new Error('the room’s merchant has staff');
  // a SKU of a product of the same merchant that is not on the session
  const mine = await p.c.uow.read.catalog.listProducts({ merchantOrgId: product.merchantOrgId, limit: 200 });
  const offSession = mine.find((x) => !onSession.some((o) => o.productId === x.id));
  if (!offSession) throw new Error('the merchant has a product off the session');
  const [other] = await p.c.uow.read.catalog.listSkus([offSession.id]);
  if (!other) throw new Error('that product has a SKU');
  otherSkuId = other.id;
  [merchant, viewerA, viewerB] = await Promise.all([p.login(staff.username), p.login('consumer_00061'), p.login('consumer_00062')]);
  // a fresh minute of the session, away from the seed's history
  clock.advance(30 * 60_000);
});
afterAll(async () => p?.close());

describe('加购 in the live room', () => {
  it('counts each viewer once per SKU per minute and shows the counts per minute on the board', async () => {
    const before = await boardRow();
    const first = await tap(viewerA, skuId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ sessionId, skuId, counted: true });
    const minute = first.body.minute as number;
    // the same viewer again within the minute: answered, not counted
    const again = await tap(viewerA, skuId);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ minute, counted: false });
    expect((await tap(viewerB, skuId)).body).toMatchObject({ minute, counted: true });

    const row = await boardRow();
    expect(row.cartAdds).toBe(before.cartAdds + 2);
    expect(row.cartAddsThisMinute).toBe(2);
    expect(row.minutes.find((m) => m.minute === minute)?.carts).toBe(2);

    // the next minute: viewer A counts again, in that minute
    clock.advance(60_000);
    const next = await tap(viewerA, skuId);
    expect(next.body).toMatchObject({ minute: minute + 1, counted: true });
    const later = await boardRow();
    expect(later.cartAdds).toBe(before.cartAdds + 3);
    expect(later.cartAddsThisMinute).toBe(1);
    expect(later.minutes.find((m) => m.minute === minute)?.carts).toBe(2);
    expect(later.minutes.find((m) => m.minute === minute + 1)?.carts).toBe(1);

    // the aggregate: session × SKU × minute and a count, no viewer
    const stored = (await p.c.uow.read.supply.cartAdds(sessionId)).filter((c) => c.skuId === skuId && c.minute >= minute);
    expect(stored).toEqual([
      { skuId, minute, adds: 2 },
      { skuId, minute: minute + 1, adds: 1 },
    ]);
  });

  it('refuses a SKU not on sale in the session, a malformed one and an unknown session, counting nothing', async () => {
    const before = await p.c.uow.read.supply.cartAdds(sessionId);
    const offSession = await tap(viewerA, otherSkuId);
    expect(offSession.status).toBe(400);
    expect(offSession.body.error).toMatchObject({ code: 'supply.sku_not_on_sale', field: 'skuId' });
    expect(offSession.body.error.message).toContain('规格');
    const unknown = await tap(viewerA, randomUUID());
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'supply.sku_not_on_sale', field: 'skuId' });
    const malformed = await tap(viewerA, 'not-a-sku');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'request.invalid', field: 'skuId' });
    const noSession = await tap(viewerA, skuId, randomUUID());
    expect(noSession.status).toBe(404);
    expect(noSession.body.error).toMatchObject({ code: 'supply.cart_session_not_found', field: 'id' });
    expect(await p.c.uow.read.supply.cartAdds(sessionId)).toEqual(before);
  });

  it('refuses a session that is not live', async () => {
    const [ended] = await p.c.uow.read.live.listSessions({ status: ['ended'], limit: 1 });
    if (!ended) throw new Error('the demo has an ended session');
    const [product] = await p.c.uow.read.live.listProducts(ended.id);
    const [sku] = product ? await p.c.uow.read.catalog.listSkus([product.productId]) : [];
    const r = await tap(viewerB, sku?.id ?? skuId, ended.id);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'supply.cart_session_not_live', field: 'id' });
    expect(await p.c.uow.read.supply.cartAdds(ended.id)).toEqual([]);
  });

  it('refuses a caller who is not a consumer, and a signed-out one', async () => {
    const before = await p.c.uow.read.supply.cartAdds(sessionId);
    const staff = await tap(merchant, skuId);
    expect(staff.status).toBe(403);
    expect(staff.body.error.code.length).toBeGreaterThan(0);
    expect((await tap(null, skuId)).status).toBe(401);
    expect(await p.c.uow.read.supply.cartAdds(sessionId)).toEqual(before);
  });
});
