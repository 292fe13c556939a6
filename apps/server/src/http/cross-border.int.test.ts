/**
 * 跨境电商零售进口 through the API, on PGlite and PostgreSQL: a merchant lists a cross-border product with its declared
 * value, origin and import mode (bad declarations answered field by field), a reviewer approves it; the demo lamb
 * room, its products marked cross-border, ends honestly declared — no clue — and its next session sells one of them
 * at three times its declared value: ending it raises one 低报价格 (`under_declaration`) clue, the honest one none; the
 * regulator's report lists them all with the flagged one first.
 */
import type { ProductRecord } from '@livehub/core';
import { ManualClock } from '../adapters/runtime.ts';
import { payOnSimulator } from '../seed/seed-payments.ts';
import { createTestPlatform, drainOutbox, testActor, type TestPlatform, type TestSession } from '@livehub/server/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
const DAY = 86_400_000;
const clock = new ManualClock(Date.now());
/** the lamb session's cross-border order, the products and their merchant (the return tests take them on) */
const shared = { orderId: '', dearId: '', honestId: '', honestSkuId: '', merchantOrgId: '' };
let scjgj: TestSession;
let admin: TestSession;
let merchant: TestSession;
let reviewer: TestSession;

const drain = () => drainOutbox(p.c);
const clues = async (rule: string) => {
  const r = await p.call(scjgj, 'GET', `/api/supervision/clues?rule=${rule}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as Array<Record<string, unknown> & { id: string; subjectId: string; summary: { zh: string } }>;
};
/** whether the audit log holds `action` on this target */
const audited = async (action: string, targetId: string) =>
  (await p.c.uow.read.audit.list({ action, limit: 500 })).some((e) => e.targetId === targetId);
const person = testActor;

const product = (over: Record<string, unknown> = {}) => ({
  title: '新西兰进口 麦卢卡蜂蜜 UMF10+ 250g',
  description: '新西兰原装进口，保税仓发货。',
  claims: ['原装进口'],
  categoryId: 'home.kitchen',
  skus: [{ name: '250g', priceFen: 29900, stock: 200 }],
  crossBorder: { declaredValueFen: 25000, originCountry: 'NZ', importMode: '1210' },
  ...over,
});
/** The merchant lists `body` (a draft product) through the API. */
const listProduct = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  p.call(merchant, 'POST', '/api/catalog/products', body, headers);

/** Marks a product cross-border with this declared value, as the merchant's form would have (without a new review). */
async function declare(productId: string, declaredValueFen: number): Promise<ProductRecord> {
  return p.c.uow.transaction(async (tx) => {
    const cur = (await tx.catalog.findProduct(productId)) as ProductRecord;
    const next = {
      ...cur,
      crossBorder: true,
      declaredValueFen,
      originCountry: 'NZ',
      importMode: '1210' as const,
      version: cur.version + 1,
    };
    expect(await tx.catalog.updateProduct(next, cur.version)).toBe(true);
    return next;
  });
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [scjgj, admin, merchant, reviewer] = await p.loginAll('regulator', 'admin', 'merchant', 'reviewer');
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('cross-border products (跨境)', () => {
  let listedId: string;

  it('refuses a cross-border declaration without a positive declared value or with an unknown origin, field by field, in both languages', async () => {
    const zero = await listProduct(product({ crossBorder: { declaredValueFen: 0, originCountry: 'NZ', importMode: '1210' } }));
    expect(zero.status).toBe(400);
    expect(zero.body.error).toMatchObject({ code: 'request.invalid', field: 'crossBorder.declaredValueFen' });
    const missing = await listProduct(product({ crossBorder: { originCountry: 'NZ', importMode: '1210' } }), {
      'accept-language': 'en-US',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ field: 'crossBorder.declaredValueFen' });
    expect(String(missing.body.error.details?.issue ?? missing.body.error.message)).toMatch(/declared/i);
    const origin = await listProduct(product({ crossBorder: { declaredValueFen: 100, originCountry: 'XX', importMode: '1210' } }));
    expect(origin.status).toBe(400);
    expect(origin.body.error).toMatchObject({ field: 'crossBorder.originCountry' });
    const mode = await listProduct(product({ crossBorder: { declaredValueFen: 100, originCountry: 'NZ', importMode: '0110' } }));
    expect(mode.body.error).toMatchObject({ field: 'crossBorder.importMode' });
  });

  it('lists a cross-border product with its declaration; a reviewer approves it as any other', async () => {
    const created = await listProduct(product());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.crossBorder).toEqual({ declaredValueFen: 25000, originCountry: 'NZ', originName: '新西兰', importMode: '1210' });
    listedId = created.body.id;
    const sub = await p.call(merchant, 'POST', `/api/catalog/products/${listedId}/submit`);
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.step).toBe('review');
    const act = await p.call(reviewer, 'POST', `/api/applications/${sub.body.applicationId}/actions`, { action: 'approve' });
    expect(act.status).toBe(200);
    const view = await p.call(merchant, 'GET', `/api/catalog/products/${listedId}`);
    expect(view.body).toMatchObject({ status: 'approved', crossBorder: { originName: '新西兰' } });
    // a domestic product carries no declaration
    const domestic = await listProduct(product({ crossBorder: undefined, title: '国产不锈钢保温杯 500ml 商务款' }));
    expect(domestic.status).toBe(201);
    expect(domestic.body.crossBorder).toBeNull();
  });

  it('a session selling a cross-border product far above its declared value raises under_declaration; an honest one none', async () => {
    const r = p.c.uow.read;
    const live = (await r.live.listSessions({ status: ['live'], limit: 20 })).find((s) => s.title.includes('滩羊'));
    expect(live, 'the demo district has the lamb session live').toBeDefined();
    const productIds = (await r.live.listProducts(live?.id as string)).map((x) => x.productId);
    expect(productIds.length).toBeGreaterThanOrEqual(2);
    const [dearId, honestId] = productIds as [string, string];
    const streamer = person(live?.streamerUserId as string, 'streamer', live?.mcnOrgId ?? null);
    const consumer = await p.login('consumer');
    const buyer = person(consumer.me.user.id, 'consumer', null);
    const [dearSku] = await r.catalog.listSkus([dearId]);
    const [honestSku] = await r.catalog.listSkus([honestId]);
    const dearPrice = dearSku?.priceFen as number;
    const honestPrice = honestSku?.priceFen as number;

    // the room as it is, both products declared at what they sell for: its end raises nothing
    await declare(dearId, dearPrice);
    await declare(honestId, honestPrice);
    expect((await p.call(admin, 'POST', `/api/live/sessions/${live?.id}/end`, { reason: '平台巡查结束直播' })).status).toBe(200);
    await drain();
    expect(await clues('under_declaration')).toEqual([]);

    // its next session: twelve units of each; one declared at a third of its price
    const next = await p.c.live.schedule(streamer, {
      title: '盐池滩羊 · 跨境专场',
      scheduledAt: p.c.clock.now().toISOString(),
      productIds,
      coHostUserIds: [],
    });
    await p.c.live.start(streamer, next.session.id);
    await declare(dearId, Math.floor(dearPrice / 3));
    const order = await p.c.orders.create(buyer, {
      lines: [
        { skuId: dearSku?.id as string, qty: 12 },
        { skuId: honestSku?.id as string, qty: 12 },
      ],
      address: { name: '王小明', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号' },
      sessionId: next.session.id,
    });
    await payOnSimulator(p.c, buyer, order.body.id);
    Object.assign(shared, {
      orderId: order.body.id,
      dearId,
      honestId,
      honestSkuId: honestSku?.id as string,
      merchantOrgId: (await r.catalog.findProduct(dearId))?.merchantOrgId as string,
    });
    await p.c.live.end(streamer, next.session.id);
    await drain();

    const raised = await clues('under_declaration');
    expect(raised.map((c) => c.subjectId)).toEqual([dearId]);
    expect(raised[0]).toMatchObject({
      subjectKind: 'product',
      riskLevel: 3,
      departmentCode: 'scjgj',
      facts: { declaredValueFen: Math.floor(dearPrice / 3), medianFen: dearPrice, units: 12, sessionId: next.session.id },
    });
    expect(raised[0]?.summary.zh).toContain('低报价格');

    // the regulator's report: every cross-border product, the under-declared one first and flagged, by name
    const report = await p.call(scjgj, 'GET', '/api/supervision/cross-border');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ windowDays: 30, ratioThreshold: 1.5, minUnits: 10 });
    const rows = report.body.items as Array<Record<string, unknown>>;
    expect(rows[0]).toMatchObject({
      productId: dearId,
      flagged: true,
      declaredValueFen: Math.floor(dearPrice / 3),
      medianFen: dearPrice,
      originName: '新西兰',
    });
    expect(rows.find((x) => x.productId === honestId)).toMatchObject({ flagged: false, ratio: 1, medianFen: honestPrice });
    expect(rows.find((x) => x.productId === listedId)).toMatchObject({ flagged: false, units: 0, ratio: null, title: product().title });
    expect(rows.every((x) => typeof x.merchantName === 'string' && x.merchantName !== '')).toBe(true);

    // the same as an Excel workbook: Chinese headers, names, yuan
    const file = await p.app.inject({ method: 'GET', url: '/api/supervision/cross-border.xlsx', headers: scjgj.headers(false) });
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('跨境商品') as ExcelJS.Worksheet;
    expect(ws.getRow(2).getCell(5).value).toBe('申报价格（元）');
    expect(ws.getRow(3).getCell(1).value).toBe(rows[0]?.title);
    expect(ws.getRow(3).getCell(3).value).toBe('新西兰');
    expect(ws.getRow(3).getCell(5).value).toBe(Math.floor(dearPrice / 3) / 100);
    expect(ws.getRow(3).getCell(11).value).toBe('涉嫌低报');
  });

  it('the report is the regulators’: a merchant or an administrator is refused, no session is told to sign in', async () => {
    expect((await p.call(merchant, 'GET', '/api/supervision/cross-border')).status).toBe(403);
    expect((await p.call(admin, 'GET', '/api/supervision/cross-border')).status).toBe(403);
    expect((await p.call(null, 'GET', '/api/supervision/cross-border')).status).toBe(401);
    expect((await p.call(merchant, 'GET', '/api/supervision/cross-border.xlsx')).status).toBe(403);
  });
});

describe('cross-border returns (跨境退货, 海关总署公告2020年第45号)', () => {
  let seller: TestSession;
  let consumer: TestSession;
  const ADDRESS = { name: '王小明', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号' };

  /** ships and delivers an order; answers its shipment time (customs release) */
  async function shipAndDeliver(orderId: string): Promise<Date> {
    const shipped = await p.call(seller, 'POST', `/api/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect((await p.call(consumer, 'POST', `/api/orders/${orderId}/deliver`)).body.status).toBe('delivered');
    return (await p.c.uow.read.orders.findOrder(orderId))?.shippedAt as Date;
  }

  beforeAll(async () => {
    expect(shared.orderId, 'the session test ran first').not.toBe('');
    seller = await p.login('merchant_0005');
    expect(seller.me.active?.orgId, 'merchant_0005 sells the lamb').toBe(shared.merchantOrgId);
    consumer = await p.login('consumer');
  });

  it('walks requested → approved → declared → returned_to_bonded with the 30-day countdown; the domestic steps are refused', async () => {
    const released = await shipAndDeliver(shared.orderId);
    const asked = await p.call(consumer, 'POST', `/api/orders/${shared.orderId}/returns`, {
      kind: 'quality',
      reason: '包装破损，商品变质',
      lines: [{ lineNo: 1, qty: 2 }],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const id = asked.body.id as string;
    expect(asked.body).toMatchObject({ status: 'requested', crossBorder: { daysLeft: 30, overdue: false, customsDeclarationNo: null } });
    expect(asked.body.crossBorder.arriveBy).toBe(new Date(released.getTime() + 30 * DAY).toISOString());

    expect((await p.call(seller, 'POST', `/api/returns/${id}/approve`)).body.status).toBe('approved');
    // a cross-border return is not shipped back to the merchant nor received by it: customs' two steps instead
    const ship = await p.call(consumer, 'POST', `/api/returns/${id}/ship`, { carrier: '中通快递', trackingNo: 'ZT998877665' });
    expect(ship.status).toBe(409);
    expect(ship.body.error.code).toBe('returns.illegal');
    expect((await p.call(seller, 'POST', `/api/returns/${id}/receive`, { refundNow: true })).status).toBe(409);
    expect((await p.call(seller, 'POST', `/api/returns/${id}/arrive`, { refundNow: true })).status).toBe(409);
    expect((await p.call(seller, 'POST', `/api/returns/${id}/refund`)).status).toBe(409);

    const bad = await p.call(seller, 'POST', `/api/returns/${id}/declare`, { customsDeclarationNo: '!' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('customsDeclarationNo');
    expect((await p.call(consumer, 'POST', `/api/returns/${id}/declare`, { customsDeclarationNo: 'TH2026120100001' })).status).toBe(403);
    const declared = await p.call(seller, 'POST', `/api/returns/${id}/declare`, { customsDeclarationNo: 'TH2026120100001' });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body).toMatchObject({ status: 'declared', crossBorder: { customsDeclarationNo: 'TH2026120100001' } });

    const arrived = await p.call(seller, 'POST', `/api/returns/${id}/arrive`, { refundNow: true });
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(200);
    expect(arrived.body).toMatchObject({ status: 'returned_to_bonded', refundIssued: true });
    expect(arrived.body.crossBorder.arrivedAt).toBeTruthy();

    for (const action of ['return.request', 'return.approve', 'return.declare', 'return.arrive'])
      expect(await audited(action, id), action).toBe(true);
  });

  it('a return whose goods are not back within 30 days is flagged overdue by the sweep; customs steps are refused, the refund is still owed', async () => {
    const buyer = person(consumer.me.user.id, 'consumer', null);
    const order = await p.c.orders.create(buyer, { lines: [{ skuId: shared.honestSkuId, qty: 1 }], address: ADDRESS });
    await payOnSimulator(p.c, buyer, order.body.id);
    await shipAndDeliver(order.body.id);
    const asked = await p.call(consumer, 'POST', `/api/orders/${order.body.id}/returns`, {
      kind: 'quality',
      reason: '商品与描述不符',
      lines: [{ lineNo: 1, qty: 1 }],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const id = asked.body.id as string;
    expect((await p.call(seller, 'POST', `/api/returns/${id}/approve`)).body.status).toBe('approved');
    expect((await p.call(seller, 'POST', `/api/returns/${id}/declare`, { customsDeclarationNo: 'TH2026120100002' })).body.status).toBe(
      'declared',
    );
    // nothing is overdue yet
    expect((await p.c.tick()).crossBorderReturnsOverdue).toBe(0);

    clock.advance(31 * DAY);
    [seller, consumer] = await Promise.all([p.login('merchant_0005'), p.login('consumer')]);
    const late = await p.call(seller, 'POST', `/api/returns/${id}/arrive`, { refundNow: true });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('returns.cross_border_deadline');
    expect(late.body.error.message).toContain('原监管作业场所');

    expect((await p.c.tick()).crossBorderReturnsOverdue).toBe(1);
    // flagged once
    expect((await p.c.tick()).crossBorderReturnsOverdue).toBe(0);
    const seen = (await p.call(consumer, 'GET', `/api/orders/${order.body.id}/returns`)).body as Array<Record<string, unknown>>;
    expect(seen[0]).toMatchObject({ status: 'declared', crossBorder: { overdue: true, overdueFlagged: true } });
    expect(await audited('return.cross_border_overdue', id)).toBe(true);

    const refunded = await p.call(seller, 'POST', `/api/returns/${id}/refund`);
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.refundIssued).toBe(true);
    expect((await p.call(seller, 'POST', `/api/returns/${id}/refund`)).status).toBe(409);
  });
});
