/**
 * 采购单 through the API, on PGlite and PostgreSQL (whichever the suite runs on): the merchant orders from its
 * seeded supplier (the service provider running 云链嘉定中心仓) into its own warehouse; the supplier confirms and ships
 * with a tracking number; two receipts with a quality check put the accepted units into stock through the ledger
 * (movements `receipt`, referencing the order; sellable rises by exactly the accepted units). Decline, cancel and
 * close short; bad input — an unlinked supplier, another merchant's SKU or warehouse, a repeated SKU, a date in the
 * past, receiving more than ordered without a reason, shipping more than ordered, a step out of turn, someone
 * else's order — is a clear 4xx with the field, and nothing is changed.
 */
import { createTestPlatform, openWarehouse, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let merchant: TestSession;
let other: TestSession;
let provider: TestSession;
let consumer: TestSession;
let providerOrgId: string;
let skuA: string;
let skuB: string;
let warehouseId: string;

/** the China day `days` after now */
const day = (days: number) => new Date(clock.now().getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const sellable = async (skuId: string) => (await p.c.uow.read.inventory.skuFacts(skuId))?.sellable ?? Number.NaN;
const onHand = async (skuId: string, wh: string) =>
  (await p.c.uow.read.inventory.levels({ skuIds: [skuId], warehouseId: wh }))[0]?.onHand ?? 0;
const poCount = async () => (await p.c.uow.read.supply.listPurchaseOrders({ limit: 10_000 })).length;

const order = (s: TestSession, body: Record<string, unknown>) => p.call(s, 'POST', '/api/supply/purchase-orders', body);
const newOrder = (
  lines = [
    { skuId: skuA, qty: 10, unitCostFen: 1_250 },
    { skuId: skuB, qty: 5, unitCostFen: 800 },
  ],
) => order(merchant, { supplierOrgId: providerOrgId, warehouseId, expectedOn: day(3), note: '年货节备货', lines });

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [merchant, other, provider, consumer] = await p.loginAll('merchant', 'merchant_0001', 'provider', 'consumer_00041');
  providerOrgId = provider.me.active?.orgId as string;
  const merchantOrgId = merchant.me.active?.orgId as string;
  const skus = await p.c.uow.read.inventory.merchantSkus(merchantOrgId);
  expect(skus.length).toBeGreaterThanOrEqual(2);
  [skuA, skuB] = [skus[0]?.skuId as string, skus[1]?.skuId as string];
  warehouseId = await openWarehouse(p, merchant, '采购收货仓', '上海市 嘉定区', '嘉定工业区 8 号');
}, 300_000);
afterAll(async () => p?.close());

describe('a purchase order from order to stock', () => {
  let id: string;

  it('the merchant orders from its supplier; the supplier sees it and is told', async () => {
    const r = await newOrder();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'sent',
      supplierOrgId: providerOrgId,
      warehouseName: '采购收货仓',
      expectedOn: day(3),
      note: '年货节备货',
      totalFen: 10 * 1_250 + 5 * 800,
    });
    expect(r.body.number).toMatch(/^CG\d{8}[0-9A-F]{8}$/);
    expect(r.body.lines.map((l: { lineNo: number; qty: number }) => [l.lineNo, l.qty])).toEqual([
      [1, 10],
      [2, 5],
    ]);
    expect(r.body.lines[0].productName).not.toBe('商品');
    id = r.body.id;
    const theirs = await p.call(provider, 'GET', '/api/supply/purchase-orders?status=sent');
    expect(theirs.body.items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await p.call(provider, 'GET', `/api/supply/purchase-orders/${id}`)).body.merchantName).toBe(r.body.merchantName);
    for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
    const inbox = await p.call(provider, 'GET', '/api/notifications');
    expect(
      inbox.body.items.some(
        (n: { kind: string; title: { zh: string } }) => n.kind === 'supply.po_sent' && n.title.zh.includes(r.body.number),
      ),
    ).toBe(true);
  });

  it('receiving before shipping, or the merchant confirming, is refused', async () => {
    const early = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${id}/receive`, {
      lines: [{ lineNo: 1, accepted: 1, rejected: 0 }],
    });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'supply.po_state', field: 'status' });
    expect((await p.call(merchant, 'POST', `/api/supply/purchase-orders/${id}/confirm`)).body.error.code).toBe('supply.po_not_found');
  });

  it('the supplier confirms and ships with a tracking number; shipping more than ordered is refused', async () => {
    expect((await p.call(provider, 'POST', `/api/supply/purchase-orders/${id}/confirm`)).body.status).toBe('confirmed');
    const again = await p.call(provider, 'POST', `/api/supply/purchase-orders/${id}/confirm`);
    expect(again.status).toBe(409);
    const tooMany = await p.call(provider, 'POST', `/api/supply/purchase-orders/${id}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
      lines: [{ lineNo: 1, qty: 11 }],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'supply.po_bad_line', field: 'lines.0.qty' });
    const shipped = await p.call(provider, 'POST', `/api/supply/purchase-orders/${id}/ship`, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(shipped.body.lines.map((l: { shipped: number }) => l.shipped)).toEqual([10, 5]);
  });

  it('two receipts with a quality check: accepted units enter stock through the ledger, rejected ones do not', async () => {
    const [sellA, sellB, handA] = [await sellable(skuA), await sellable(skuB), await onHand(skuA, warehouseId)];
    const first = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${id}/receive`, {
      lines: [{ lineNo: 1, accepted: 6, rejected: 1 }],
      note: '第一批',
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('partially_received');
    expect(first.body.lines[0]).toMatchObject({ received: 6, rejected: 1 });
    expect(await sellable(skuA)).toBe(sellA + 6);
    expect(await onHand(skuA, warehouseId)).toBe(handA + 6);

    // over what was ordered (6 + 1 + 4 > 10) needs a reason
    const over = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${id}/receive`, {
      lines: [
        { lineNo: 2, accepted: 5, rejected: 0 },
        { lineNo: 1, accepted: 4, rejected: 0 },
      ],
    });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: 'supply.over_receipt', field: 'lines.1.reason' });
    expect(await sellable(skuB)).toBe(sellB);

    const second = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${id}/receive`, {
      lines: [
        { lineNo: 2, accepted: 5, rejected: 0 },
        { lineNo: 1, accepted: 4, rejected: 0, reason: '供应商多发 1 件赠品' },
      ],
    });
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('received');
    expect(second.body.endedAt).not.toBeNull();
    expect(second.body.receipts).toHaveLength(2);
    expect(second.body.receipts[1].lines[1]).toMatchObject({ lineNo: 1, accepted: 4, reason: '供应商多发 1 件赠品' });
    // the receiver by name, not by account
    const me = (await p.call(merchant, 'GET', '/api/auth/me')).body;
    expect(second.body.receipts[0].receivedBy).toBe(me.user.displayName);
    expect(me.user.displayName).not.toBe(me.user.username);
    expect(await sellable(skuA)).toBe(sellA + 10);
    expect(await sellable(skuB)).toBe(sellB + 5);

    const moves = await p.call(merchant, 'GET', `/api/inventory/movements?warehouseId=${warehouseId}&kind=receipt`);
    expect(moves.status).toBe(200);
    const receipts = moves.body.items.filter((m: { refId: string | null }) => m.refId === id);
    expect(receipts.map((m: { qty: number }) => m.qty).sort()).toEqual([4, 5, 6]);
    expect(
      (await p.call(merchant, 'POST', `/api/supply/purchase-orders/${id}/receive`, { lines: [{ lineNo: 1, accepted: 1, rejected: 0 }] }))
        .status,
    ).toBe(409);
  });
});

describe('转采购单: a purchase order answering a 补货 request', () => {
  it('takes the request’s supplier, SKU and quantity into the 默认仓, once per request', async () => {
    const facts = await p.c.uow.read.inventory.skuFacts(skuA);
    const alertId = crypto.randomUUID();
    await p.c.uow.transaction((tx) =>
      tx.supply.insertAlert({
        id: alertId,
        sessionId: crypto.randomUUID(),
        merchantOrgId: facts?.merchantOrgId as string,
        productId: facts?.productId as string,
        skuId: skuA,
        level: 'selling_out',
        stock: 4,
        ratePerMinute: 3,
        projectedMinutes: 1.3,
        suggestedQty: 90,
        createdAt: clock.now(),
      }),
    );
    const req = await p.call(merchant, 'POST', '/api/supply/replenishments', { alertId });
    expect(req.status).toBe(201);
    expect(req.body.supplierOrgId).toBe(providerOrgId);
    const po = await p.call(merchant, 'POST', `/api/supply/replenishments/${req.body.id}/purchase-order`, { unitCostFen: 1_100 });
    expect(po.status).toBe(201);
    expect(po.body).toMatchObject({
      status: 'sent',
      supplierOrgId: providerOrgId,
      replenishmentId: req.body.id,
      warehouseName: '默认仓',
      expectedOn: day(1),
    });
    expect(po.body.lines).toMatchObject([{ skuId: skuA, qty: 90, unitCostFen: 1_100 }]);
    const listed = (await p.call(merchant, 'GET', '/api/supply/replenishments')).body.items.find(
      (x: { id: string }) => x.id === req.body.id,
    );
    expect(listed).toMatchObject({ purchaseOrderId: po.body.id, purchaseOrderNumber: po.body.number });
    const again = await p.call(merchant, 'POST', `/api/supply/replenishments/${req.body.id}/purchase-order`, { unitCostFen: 1_100 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'supply.replenishment_ordered', field: 'replenishmentId' });
    const theirs = await p.call(other, 'POST', `/api/supply/replenishments/${req.body.id}/purchase-order`, { unitCostFen: 1 });
    expect(theirs.status).toBe(404);
    const bad = await p.call(merchant, 'POST', `/api/supply/replenishments/${req.body.id}/purchase-order`, {});
    expect([bad.status, bad.body.error.field]).toEqual([400, 'unitCostFen']);
  });
});

describe('decline, cancel, close short', () => {
  it('the supplier declines with a reason; the merchant cannot cancel it then', async () => {
    const r = await newOrder();
    const d = await p.call(provider, 'POST', `/api/supply/purchase-orders/${r.body.id}/decline`, { reason: '原料缺货，无法按期交付' });
    expect(d.body).toMatchObject({ status: 'declined', endReason: '原料缺货，无法按期交付' });
    const c = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${r.body.id}/cancel`, { reason: '不再需要' });
    expect(c.status).toBe(409);
    const bare = await p.call(provider, 'POST', `/api/supply/purchase-orders/${r.body.id}/decline`, { reason: '' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe('reason');
  });

  it('the merchant cancels a confirmed order before it ships', async () => {
    const r = await newOrder();
    await p.call(provider, 'POST', `/api/supply/purchase-orders/${r.body.id}/confirm`);
    const c = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${r.body.id}/cancel`, { reason: '活动取消' });
    expect(c.body).toMatchObject({ status: 'cancelled', endReason: '活动取消' });
    expect(
      (await p.call(provider, 'POST', `/api/supply/purchase-orders/${r.body.id}/ship`, { carrier: '京东物流', trackingNo: 'JD0001' }))
        .status,
    ).toBe(409);
  });

  it('a partial shipment, partly received, is closed short', async () => {
    const r = await newOrder();
    const idc = r.body.id;
    await p.call(provider, 'POST', `/api/supply/purchase-orders/${idc}/confirm`);
    const s = await p.call(provider, 'POST', `/api/supply/purchase-orders/${idc}/ship`, {
      carrier: '中通快递',
      trackingNo: 'ZT778899',
      lines: [{ lineNo: 1, qty: 4 }],
    });
    expect(s.body.lines.map((l: { shipped: number }) => l.shipped)).toEqual([4, 0]);
    expect((await p.call(merchant, 'POST', `/api/supply/purchase-orders/${idc}/close`, { reason: '先收这些' })).status).toBe(409);
    await p.call(merchant, 'POST', `/api/supply/purchase-orders/${idc}/receive`, { lines: [{ lineNo: 1, accepted: 4, rejected: 0 }] });
    const closed = await p.call(merchant, 'POST', `/api/supply/purchase-orders/${idc}/close`, { reason: '余量不再补发' });
    expect(closed.body).toMatchObject({ status: 'closed', endReason: '余量不再补发' });
  });
});

describe('bad input leaves nothing written', () => {
  it('refuses each with its field', async () => {
    const before = await poCount();
    const otherSku = (await p.c.uow.read.inventory.merchantSkus(other.me.active?.orgId as string))[0]?.skuId as string;
    const otherWh = (await p.call(other, 'GET', '/api/inventory/warehouses')).body.items[0].id as string;
    const base = { supplierOrgId: providerOrgId, warehouseId, expectedOn: day(3), lines: [{ skuId: skuA, qty: 1, unitCostFen: 100 }] };
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ ...base, supplierOrgId: other.me.active?.orgId }, 400, 'supply.not_your_supplier', 'supplierOrgId'],
      [{ ...base, warehouseId: otherWh }, 404, 'inventory.warehouse_not_found', 'warehouseId'],
      [{ ...base, lines: [{ skuId: otherSku, qty: 1, unitCostFen: 1 }] }, 404, 'inventory.sku_not_found', 'lines.0.skuId'],
      [{ ...base, lines: [base.lines[0], base.lines[0]] }, 400, 'supply.po_bad_line', 'lines.1.skuId'],
      [{ ...base, expectedOn: day(-1) }, 400, 'supply.po_expected_past', 'expectedOn'],
      [{ ...base, expectedOn: '2026-02-30' }, 400, 'request.invalid', 'expectedOn'],
      [{ ...base, lines: [] }, 400, 'request.invalid', 'lines'],
      [{ ...base, lines: [{ skuId: skuA, qty: 0, unitCostFen: 1 }] }, 400, 'request.invalid', 'lines.0.qty'],
    ];
    for (const [body, status, code, field] of cases) {
      const r = await order(merchant, body);
      expect([r.status, r.body.error?.code, r.body.error?.field], code).toEqual([status, code, field]);
    }
    expect(await poCount()).toBe(before);
  });

  it('keeps other tenants out, and answers in English when asked', async () => {
    const r = await newOrder();
    expect((await p.call(other, 'GET', `/api/supply/purchase-orders/${r.body.id}`)).status).toBe(404);
    expect((await p.call(other, 'POST', `/api/supply/purchase-orders/${r.body.id}/cancel`, { reason: '别人的单' })).status).toBe(404);
    expect((await p.call(other, 'GET', '/api/supply/purchase-orders')).body.items.map((x: { id: string }) => x.id)).not.toContain(
      r.body.id,
    );
    expect((await p.call(consumer, 'GET', '/api/supply/purchase-orders')).status).toBe(403);
    const en = await p.call(
      merchant,
      'POST',
      '/api/supply/purchase-orders',
      { supplierOrgId: providerOrgId, warehouseId, expectedOn: day(-2), lines: [{ skuId: skuA, qty: 1, unitCostFen: 1 }] },
      { 'accept-language': 'en-US' },
    );
    expect(en.body.error.message).toBe('The expected arrival date cannot be before today');
  });
});
