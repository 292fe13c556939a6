/**
 * 库存 through the API, on PGlite and PostgreSQL (whichever the suite runs on): warehouses, adjustments with a
 * reason, transfers, the safety buffer, the movement list and a SKU's trace from its receipt to the buyer's order;
 * shipping from a chosen warehouse. Bad input — shipping from an empty warehouse, a negative adjustment below
 * reserved, an unknown warehouse, another merchant's warehouse — is a clear 4xx with the field and nothing changed.
 */
import type { Actor } from '@livehub/core';
import { createTestPlatform, openWarehouse, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';
import { deliverPaymentSucceeded } from '../seed/seed-payments.ts';

const clock = new ManualClock(Date.now());
const ADDRESS = { name: '李四', phone: '13900001111', region: '浙江省 杭州市', detail: '西湖区文三路 1 号' };
let p: TestPlatform;
let merchant: TestSession;
let other: TestSession;
let provider: TestSession;
let admin: TestSession;
let sessionId: string;
let skuId: string;
let defaultWh: string;
let secondWh: string;
let buyer: Actor;

const levelOf = async () =>
  (await p.call(merchant, 'GET', '/api/inventory/levels')).body.items.find((x: { skuId: string }) => x.skuId === skuId);
const movementCount = async () => (await p.c.uow.read.inventory.skuMovements(skuId)).length;

async function paidOrder(qty: number): Promise<string> {
  const r = await p.c.orders.create(buyer, { lines: [{ skuId, qty }], sessionId, address: ADDRESS });
  const pay = await p.c.orders.pay(buyer, r.body.id, 'sim');
  await deliverPaymentSucceeded(p.c, pay.paymentId, pay.amountFen, 'p');
  return r.body.id;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [merchant, other, provider, admin] = await p.loginAll('merchant', 'merchant_0001', 'provider', 'admin');
  const streamer = await p.login('streamer');
  const agreements = (await p.call(streamer, 'GET', '/api/agreements?status=in_force')).body;
  const products: string[] = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
  const created = await p.call(streamer, 'POST', '/api/live/sessions', {
    title: '库存',
    scheduledAt: clock.now().toISOString(),
    productIds: products,
  });
  sessionId = created.body.session.id;
  expect((await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`)).status).toBe(200);
  const sku = (await p.c.uow.read.catalog.listSkus([products[0] as string]))[0];
  if (!sku) throw new Error('no sku');
  skuId = sku.id;
  const c = await p.login('consumer_00041');
  buyer = { userId: c.me.user.id, label: 'buyer', orgId: null, membershipId: null, role: 'consumer', via: 'session' };
}, 300_000);
afterAll(async () => p?.close());

describe('inventory', () => {
  it('lists the default warehouse with the stock received from the supplier, adds a second one', async () => {
    const list = await p.call(merchant, 'GET', '/api/inventory/warehouses');
    expect(list.status).toBe(200);
    const def = list.body.items.find((w: { isDefault: boolean }) => w.isDefault);
    expect(def.name).toBe('默认仓');
    defaultWh = def.id;
    secondWh = await openWarehouse(p, merchant, '杭州二号仓', '浙江省 杭州市', '余杭区 1 号');
    expect(
      (await p.call(merchant, 'POST', '/api/inventory/warehouses', { name: '杭州二号仓', region: '', address: '' })).body.error.code,
    ).toBe('inventory.name_taken');
    const trace = await p.call(merchant, 'GET', `/api/inventory/skus/${skuId}/trace`);
    expect(trace.status).toBe(200);
    // the demo's stock came from 上海云链 as a received purchase order (seed-stock.ts), not as an opening
    expect(trace.body.movements[0]).toMatchObject({ kind: 'receipt', refType: 'purchase_order', warehouseId: defaultWh });
    const lvl = await levelOf();
    expect(lvl.onHand).toBe(lvl.sellable + lvl.reserved + lvl.safetyBuffer);
  });

  it('adjusts with a reason, transfers, sets a buffer; refuses below reserved with nothing changed', async () => {
    const before = await levelOf();
    const up = await p.call(merchant, 'POST', '/api/inventory/adjustments', { skuId, warehouseId: defaultWh, qty: 10, reason: '盘盈' });
    expect(up.status).toBe(201);
    expect((await levelOf()).sellable).toBe(before.sellable + 10);
    const noReason = await p.call(merchant, 'POST', '/api/inventory/adjustments', { skuId, warehouseId: defaultWh, qty: -1, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');

    const t = await p.call(merchant, 'POST', '/api/inventory/transfers', {
      skuId,
      fromWarehouseId: defaultWh,
      toWarehouseId: secondWh,
      qty: 4,
    });
    expect(t.status).toBe(201);
    expect(t.body.movements.map((m: { kind: string }) => m.kind)).toEqual(['transfer_out', 'transfer_in']);
    const after = await levelOf();
    expect(after.sellable).toBe(before.sellable + 10);
    expect(after.warehouses.find((w: { warehouseId: string }) => w.warehouseId === secondWh).onHand).toBe(4);

    // an order reserves 2; writing off all that is sellable and one more is below reserved
    const orderId = await paidOrder(2);
    const lvl = await levelOf();
    expect(lvl.reserved).toBeGreaterThanOrEqual(2);
    const n = await movementCount();
    const tooMuch = await p.call(merchant, 'POST', '/api/inventory/adjustments', {
      skuId,
      warehouseId: defaultWh,
      qty: -(lvl.sellable + 1),
      reason: '报损',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('inventory.below_reserved');
    expect(tooMuch.body.error.field).toBe('qty');
    expect(await movementCount()).toBe(n);
    expect((await levelOf()).sellable).toBe(lvl.sellable);

    const buf = await p.call(merchant, 'POST', `/api/inventory/skus/${skuId}/safety-buffer`, { safetyBuffer: 3 });
    expect(buf.status).toBe(200);
    expect(buf.body.sellable).toBe(lvl.sellable - 3);
    expect((await p.call(merchant, 'POST', `/api/inventory/skus/${skuId}/safety-buffer`, { safetyBuffer: 0 })).body.sellable).toBe(
      lvl.sellable,
    );

    // shipping from a warehouse without enough: 409 on warehouseId, nothing changed
    const empty = (await p.call(merchant, 'POST', '/api/inventory/warehouses', { name: '空仓', region: '', address: '' })).body.id;
    const refused = await p.call(merchant, 'POST', `/api/orders/${orderId}/ship`, {
      carrier: 'SF',
      trackingNo: 'SF1234567890',
      warehouseId: empty,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.field).toBe('warehouseId');
    expect((await p.c.uow.read.orders.findOrder(orderId))?.status).toBe('paid');
    expect(await movementCount()).toBe(n);
    const unknown = await p.call(merchant, 'POST', `/api/orders/${orderId}/ship`, {
      carrier: 'SF',
      trackingNo: 'SF1234567890',
      warehouseId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('warehouseId');

    // from the second warehouse: on hand there falls by 2, sellable stays, the trace ends at the buyer's order
    const ok = await p.call(merchant, 'POST', `/api/orders/${orderId}/ship`, {
      carrier: 'SF',
      trackingNo: 'SF1234567890',
      warehouseId: secondWh,
    });
    expect(ok.status).toBe(200);
    const shipped = await levelOf();
    expect(shipped.sellable).toBe(lvl.sellable);
    expect(shipped.warehouses.find((w: { warehouseId: string }) => w.warehouseId === secondWh).onHand).toBe(2);
    const trace = (await p.call(merchant, 'GET', `/api/inventory/skus/${skuId}/trace`)).body.movements;
    expect(trace.at(-1)).toMatchObject({ kind: 'shipment', qty: -2, refType: 'order', refId: orderId, warehouseId: secondWh });

    const page = await p.call(merchant, 'GET', `/api/inventory/movements?skuId=${skuId}&kind=shipment&limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
  });

  it('keeps other tenants out: another merchant’s warehouse and SKU are not found, the admin reads', async () => {
    const n = await movementCount();
    const foreign = await p.call(other, 'POST', '/api/inventory/adjustments', { skuId, warehouseId: defaultWh, qty: 1, reason: '盘盈' });
    expect(foreign.status).toBe(404);
    const ownWh = (await p.call(other, 'GET', '/api/inventory/warehouses')).body.items;
    expect(ownWh.some((w: { id: string }) => w.id === defaultWh)).toBe(false);
    const otherWh = (await p.call(other, 'POST', '/api/inventory/warehouses', { name: '别家仓', region: '', address: '' })).body.id;
    const intoForeign = await p.call(merchant, 'POST', '/api/inventory/transfers', {
      skuId,
      fromWarehouseId: defaultWh,
      toWarehouseId: otherWh,
      qty: 1,
    });
    expect(intoForeign.status).toBe(404);
    expect(intoForeign.body.error.field).toBe('toWarehouseId');
    expect((await p.call(other, 'GET', `/api/inventory/skus/${skuId}/trace`)).status).toBe(404);
    expect(await movementCount()).toBe(n);
    expect((await p.call(admin, 'GET', '/api/inventory/warehouses')).status).toBe(200);
    expect((await p.call(admin, 'POST', '/api/inventory/warehouses', { name: 'x', region: '', address: '' })).status).toBe(403);
  });

  it('a service provider’s warehouse holds a client merchant’s stock', async () => {
    const wh = await p.call(provider, 'POST', '/api/inventory/warehouses', { name: '云链嘉兴仓', region: '浙江省 嘉兴市', address: '' });
    expect(wh.status).toBe(201);
    expect(wh.body.ownerKind).toBe('service_provider');
    const before = await p.call(merchant, 'POST', '/api/inventory/transfers', {
      skuId,
      fromWarehouseId: defaultWh,
      toWarehouseId: wh.body.id,
      qty: 1,
    });
    expect(before.status).toBe(404);
    const merchantOrg = merchant.me.active?.orgId;
    expect((await p.call(provider, 'POST', `/api/inventory/warehouses/${wh.body.id}/clients`, { merchantOrgId: merchantOrg })).status).toBe(
      200,
    );
    const t = await p.call(merchant, 'POST', '/api/inventory/transfers', {
      skuId,
      fromWarehouseId: defaultWh,
      toWarehouseId: wh.body.id,
      qty: 1,
    });
    expect(t.status).toBe(201);
    const seen = await p.call(provider, 'GET', `/api/inventory/levels?warehouseId=${wh.body.id}`);
    expect(seen.body.items.find((x: { skuId: string }) => x.skuId === skuId).warehouses).toContainEqual({
      warehouseId: wh.body.id,
      onHand: 1,
    });
    expect((await p.call(provider, 'GET', `/api/inventory/movements?warehouseId=${wh.body.id}`)).body.total).toBe(1);
  });
});
