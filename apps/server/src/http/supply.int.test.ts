/**
 * 需求协同 through the API, on PGlite and PostgreSQL (whichever the suite runs on): the demo live room sells a SKU
 * fast → one `selling_out` alert stored (however often it is computed), the merchant's and the linked supplier's
 * inboxes get it, the supplier console's endpoints show it; selling the rest raises `sold_out` once; a supplier not
 * linked sees nothing; 补货 requested once, confirmed and shipped by the supplier; bad input → 4xx.
 */
import type { Actor } from '@livehub/core';
import { adjustStock, createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';
import { payOnSimulator } from '../seed/seed-payments.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let roomMerchant: TestSession;
let otherMerchant: TestSession;
let provider: TestSession;
let sessionId: string;
let skuId: string;
let productId: string;
let merchantOrgId: string;
let buyer: Actor;
let addressId: string;
let baseSold = 0;
let baseOrders = 0;

const drain = async () => {
  for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
};
const alertsOf = async (level?: string) =>
  (await p.c.uow.read.supply.listAlerts({ sessionIds: [sessionId], limit: 100 })).filter(
    (a) => a.skuId === skuId && (!level || a.level === level),
  );
const buy = async (qty: number) => {
  const r = await p.c.orders.create(buyer, { lines: [{ skuId, qty }], addressId, sessionId });
  await payOnSimulator(p.c, buyer, r.body.id);
};
const stockNow = async () => (await p.c.uow.read.catalog.findSku(skuId))?.stock ?? -1;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  const [live] = await p.c.uow.read.live.listSessions({ status: ['live'], limit: 5 });
  if (!live) throw new Error('the demo has a live room');
  sessionId = live.id;
  const [product] = await p.c.uow.read.live.listProducts(sessionId);
  if (!product) throw new Error('the live room sells a product');
  productId = product.productId;
  merchantOrgId = product.merchantOrgId;
  const [sku] = await p.c.uow.read.catalog.listSkus([productId]);
  if (!sku) throw new Error('the product has a SKU');
  skuId = sku.id;
  // a small stock, so the room sells it out within minutes (a test fixture: the SKU's sellable units)
  await adjustStock(p.c, skuId, 10 - sku.stock);
  const staff = (await p.c.uow.read.memberships.listForOrg(merchantOrgId)).find((m) => m.role === 'merchant_staff');
  if (!staff) throw new Error('the room’s merchant has staff');
  [roomMerchant, otherMerchant, provider] = await Promise.all([p.login(staff.username), p.login('merchant'), p.login('provider')]);
  if (otherMerchant.me.active?.orgId === merchantOrgId) otherMerchant = await p.login('merchant_0002');
  const consumer = await p.c.uow.read.users.findByUsername('consumer_00001');
  if (!consumer) throw new Error('a demo consumer');
  buyer = { userId: consumer.id, orgId: null, membershipId: null, role: 'consumer', label: 'buyer', via: 'session' };
  addressId = (
    await p.c.orders.saveAddress(buyer, {
      name: '李雷',
      phone: '13812345679',
      region: '上海市 嘉定区',
      detail: '安亭镇墨玉南路 1 号',
      isDefault: true,
    })
  ).id;
  // the seed's own room order lies 20 minutes back: out of the rate's window
  clock.advance(20 * 60_000);
});
afterAll(async () => p?.close());

describe('suppliers', () => {
  it('the seed links the live room’s merchant to the demo service provider; the provider lists its merchants', async () => {
    const mine = await p.call(roomMerchant, 'GET', '/api/supply/suppliers');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((l: { supplierName: string }) => l.supplierName)).toContain('上海云链供应链管理有限公司');
    const merchants = await p.call(provider, 'GET', '/api/supply/merchants');
    expect(merchants.status).toBe(200);
    expect(merchants.body.items.map((l: { merchantOrgId: string }) => l.merchantOrgId)).toContain(merchantOrgId);
  });

  it('bad input → 4xx with the field, nothing stored', async () => {
    const before = (await p.c.uow.read.supply.listLinks({ merchantOrgIds: [merchantOrgId] })).length;
    const nobody = await p.call(roomMerchant, 'POST', '/api/supply/suppliers', {
      supplierOrgId: '00000000-0000-7000-8000-000000000000',
      productIds: null,
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error).toMatchObject({ code: 'supply.bad_supplier', field: 'supplierOrgId' });
    const self = await p.call(roomMerchant, 'POST', '/api/supply/suppliers', { supplierOrgId: merchantOrgId, productIds: null });
    expect(self.body.error).toMatchObject({ code: 'supply.bad_supplier', field: 'supplierOrgId' });
    const other = await p.c.uow.read.catalog.listProducts({ merchantOrgId: otherMerchant.me.active?.orgId ?? '', limit: 1 });
    const notMine = await p.call(roomMerchant, 'POST', '/api/supply/suppliers', {
      supplierOrgId: provider.me.active?.orgId,
      productIds: [other[0]?.id],
    });
    expect(notMine.status).toBe(400);
    expect(notMine.body.error).toMatchObject({ code: 'supply.not_your_product', field: 'productIds.0' });
    const extra = await p.call(roomMerchant, 'POST', '/api/supply/suppliers', {
      supplierOrgId: provider.me.active?.orgId,
      productIds: null,
      x: 1,
    });
    expect(extra.status).toBe(400);
    const noAccept = await p.call(provider, 'GET', '/api/supply/demand/stream');
    expect(noAccept.status).toBe(400);
    expect(noAccept.body.error.code).toBe('supply.demand_stream_accept');
    expect((await p.call(provider, 'GET', '/api/supply/demand/sessions/not-a-uuid')).status).toBe(400);
    expect((await p.c.uow.read.supply.listLinks({ merchantOrgIds: [merchantOrgId] })).length).toBe(before);
  });

  it('the evaluator organization (a service provider only for 绩效评价) is no supplier; the supply-chain provider is', async () => {
    const evaluator = await p.login('evaluator');
    const evaluatorOrgId = evaluator.me.active?.orgId ?? '';
    expect((await p.c.uow.read.orgs.findById(evaluatorOrgId))?.kind).toBe('service_provider');
    const options = await p.call(roomMerchant, 'GET', '/api/supply/supplier-options');
    expect(options.status).toBe(200);
    const ids = options.body.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(provider.me.active?.orgId);
    expect(ids).not.toContain(evaluatorOrgId);
    const named = await p.call(roomMerchant, 'POST', '/api/supply/suppliers', { supplierOrgId: evaluatorOrgId, productIds: null });
    expect(named.status).toBe(400);
    expect(named.body.error).toMatchObject({ code: 'supply.bad_supplier', field: 'supplierOrgId' });
  });
});

describe('live demand', () => {
  it('nothing sold yet: no projection, no alert', async () => {
    const r = await p.call(roomMerchant, 'GET', `/api/supply/demand/sessions/${sessionId}`);
    expect(r.status).toBe(200);
    const row = r.body.skus.find((s: { skuId: string }) => s.skuId === skuId);
    expect(row).toMatchObject({ stock: 10, level: null, soldLastMinute: 0, ratePerMinute: 0, projectedMinutes: null });
    baseSold = row.soldTotal;
    baseOrders = row.ordersPaid;
    expect(await alertsOf()).toEqual([]);
  });

  it('the room sells fast → one selling_out alert, however often computed; merchant and supplier inboxes get it', async () => {
    for (let i = 0; i < 4; i++) await buy(2);
    expect(await stockNow()).toBe(2);
    const r = await p.call(roomMerchant, 'GET', '/api/supply/demand');
    expect(r.status).toBe(200);
    const row = r.body.sessions
      .find((s: { sessionId: string }) => s.sessionId === sessionId)
      ?.skus.find((s: { skuId: string }) => s.skuId === skuId);
    expect(row).toMatchObject({ stock: 2, soldTotal: baseSold + 8, soldLastMinute: 8, ordersPaid: baseOrders + 4, level: 'selling_out' });
    expect(row.projectedMinutes).toBeLessThanOrEqual(30);
    await p.call(provider, 'GET', '/api/supply/demand');
    await p.c.demand.sweep();
    await p.c.tick();
    const alerts = await alertsOf('selling_out');
    expect(alerts).toHaveLength(1);
    await drain();
    for (const s of [roomMerchant, provider]) {
      const inbox = await p.call(s, 'GET', '/api/notifications?kind=supply.demand_alert');
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.length).toBe(1);
      expect(inbox.body.items[0].title.zh).toMatch(/预计 \d+ 分钟售罄/);
    }
  });

  it('the supplier console shows the session and its alert; a supplier not linked sees nothing', async () => {
    const board = await p.call(provider, 'GET', '/api/supply/demand');
    expect(board.status).toBe(200);
    const s = board.body.sessions.find((x: { sessionId: string }) => x.sessionId === sessionId);
    expect(s?.skus.some((x: { skuId: string }) => x.skuId === skuId)).toBe(true);
    expect(board.body.alerts.some((a: { skuId: string; level: string }) => a.skuId === skuId && a.level === 'selling_out')).toBe(true);
    const alerts = await p.call(provider, 'GET', '/api/supply/alerts');
    expect(alerts.body.items.some((a: { skuId: string }) => a.skuId === skuId)).toBe(true);

    const stranger = await p.call(otherMerchant, 'GET', '/api/supply/demand');
    expect(stranger.status).toBe(200);
    expect(stranger.body.sessions.some((x: { sessionId: string }) => x.sessionId === sessionId)).toBe(false);
    expect(stranger.body.alerts.some((a: { sessionId: string }) => a.sessionId === sessionId)).toBe(false);
    expect((await p.call(otherMerchant, 'GET', `/api/supply/demand/sessions/${sessionId}`)).status).toBe(404);
    expect(
      (await p.call(otherMerchant, 'GET', '/api/supply/merchants')).body.items.some(
        (l: { merchantOrgId: string }) => l.merchantOrgId === merchantOrgId,
      ),
    ).toBe(false);
  });

  it('selling the rest raises sold_out once', async () => {
    await buy(2);
    expect(await stockNow()).toBe(0);
    await p.c.demand.sweep();
    await p.c.demand.sweep();
    expect(await alertsOf('sold_out')).toHaveLength(1);
    expect(await alertsOf('selling_out')).toHaveLength(1);
  });
});

describe('补货', () => {
  it('the supplier asks once, confirms and ships; the merchant sees it; wrong steps are refused', async () => {
    const [alert] = await alertsOf('selling_out');
    const r = await p.call(provider, 'POST', '/api/supply/replenishments', { alertId: alert?.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'requested', qty: alert?.suggestedQty, merchantOrgId });
    const again = await p.call(provider, 'POST', '/api/supply/replenishments', { alertId: alert?.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('supply.replenishment_exists');
    const stranger = await p.call(otherMerchant, 'POST', '/api/supply/replenishments', { alertId: alert?.id });
    expect(stranger.status).toBe(404);

    const seen = await p.call(roomMerchant, 'GET', '/api/supply/replenishments');
    expect(seen.body.items.some((x: { id: string }) => x.id === r.body.id)).toBe(true);
    expect((await p.call(roomMerchant, 'POST', `/api/supply/replenishments/${r.body.id}/confirm`)).status).toBe(404);
    expect((await p.call(provider, 'POST', `/api/supply/replenishments/${r.body.id}/ship`)).status).toBe(409);
    const confirmed = await p.call(provider, 'POST', `/api/supply/replenishments/${r.body.id}/confirm`);
    expect(confirmed.body).toMatchObject({ status: 'confirmed' });
    const shipped = await p.call(provider, 'POST', `/api/supply/replenishments/${r.body.id}/ship`);
    expect(shipped.body).toMatchObject({ status: 'shipped' });
    await drain();
    const inbox = await p.call(roomMerchant, 'GET', '/api/notifications?kind=supply.replenishment_shipped');
    expect(inbox.body.items.length).toBe(1);
  });

  it('the merchant asks its only supplier of the product; a bad alert id is 404 on alertId', async () => {
    const [alert] = await alertsOf('sold_out');
    const r = await p.call(roomMerchant, 'POST', '/api/supply/replenishments', { alertId: alert?.id, qty: 50 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ qty: 50, supplierName: '上海云链供应链管理有限公司' });
    const bad = await p.call(roomMerchant, 'POST', '/api/supply/replenishments', { alertId: '00000000-0000-7000-8000-000000000000' });
    expect(bad.status).toBe(404);
    expect(bad.body.error).toMatchObject({ code: 'supply.alert_not_found', field: 'alertId' });
    expect((await p.call(roomMerchant, 'POST', '/api/supply/replenishments', { alertId: alert?.id, qty: 0 })).status).toBe(400);
  });
});
