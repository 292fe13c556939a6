/**
 * 实名认证 against the identity authority and the age gate at checkout (ADR 0041), on PGlite and PostgreSQL + Redis:
 * the 二要素 check refuses a name that does not match on `name` and an unanswered check with a retryable 503 —
 * nothing stored, nothing audited; a product whose category is screened as alcohol is refused at checkout to an
 * unverified buyer, to a verified minor and to one turning 18 only this year (403 on `verification`, the product
 * named, no order, no stock taken) — on the shelf and in a flash sale — and ordered by a verified adult; a product
 * sold to anyone is not affected.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerIdNumber } from '../seed/seed-audience.ts';

let p: TestPlatform;
let streamer: TestSession;
let sessionId: string;
let adultOnly: { productId: string; skuId: string; title: string };
let plain: { productId: string; skuId: string };

const ADDRESS = { name: '陈小红', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼' };
const year = () => Number(new Date(p.c.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

const userIdOf = (s: TestSession) => s.me.user.id as string;
const profileRows = async (s: TestSession) =>
  (await p.c.database.exec(`select birth_year from consumer_profiles where user_id = '${userIdOf(s)}'`)) as unknown[];
const verifyAudits = async (s: TestSession) =>
  (await p.c.database.exec(`select 1 from audit_log where action = 'consumer.verify' and target_id = '${userIdOf(s)}'`)) as unknown[];
const ordersOf = async (s: TestSession) =>
  (await p.c.database.exec(`select id from orders where buyer_user_id = '${userIdOf(s)}'`)) as unknown[];
const stockOf = async (skuId: string) => (await p.c.uow.read.catalog.findSku(skuId))?.stock ?? -1;

/** Verifies `s` as someone `age` this year (name and number through the simulated authority). */
async function verifyAs(s: TestSession, n: number, age: number): Promise<void> {
  const r = await p.call(s, 'PUT', '/api/audience/verification', {
    name: '陈小红',
    idNumber: viewerIdNumber(n, year() - age, 'female'),
    consent: true,
  });
  expect(r.status).toBe(200);
}

const order = (s: TestSession, skuId: string) => p.call(s, 'POST', '/api/orders', { lines: [{ skuId, qty: 1 }], address: ADDRESS });

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  streamer = await p.login('streamer');
  const agreements = (await p.call(streamer, 'GET', '/api/agreements?status=in_force')).body;
  const products: string[] = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
  // two approved products of the session in different categories: one becomes adult-only (its category screened as alcohol)
  const rows = (await p.c.database.exec(
    `select p.id, p.title, p.category_id, s.id as sku_id from products p join product_skus s on s.product_id = p.id
     where p.status = 'approved' and s.stock > 10 and p.id in (${products.map((x) => `'${x}'`).join(',')}) order by p.id`,
  )) as Array<{ id: string; title: string; category_id: string; sku_id: string }>;
  const a = rows[0] as (typeof rows)[number];
  const b = rows.find((r) => r.category_id !== a.category_id && !r.category_id.startsWith(`${a.category_id}.`)) as (typeof rows)[number];
  expect(b, 'a product of another category').toBeTruthy();
  adultOnly = { productId: a.id, skuId: a.sku_id, title: a.title };
  plain = { productId: b.id, skuId: b.sku_id };
  await p.c.database.exec(`update categories set screen_as = 'alcohol' where id = '${a.category_id}'`);
  const created = await p.call(streamer, 'POST', '/api/live/sessions', {
    title: '年龄核验测试',
    scheduledAt: new Date().toISOString(),
    productIds: products,
  });
  sessionId = created.body.session.id;
  expect((await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`)).status).toBe(200);
});
afterAll(async () => p?.close());

describe('实名认证 through the identity authority (二要素)', () => {
  it('refuses a name that does not match the number on `name`: nothing stored, nothing audited', async () => {
    const me = await p.login('consumer_00070');
    const r = await p.call(me, 'PUT', '/api/audience/verification', {
      name: '张不符',
      idNumber: viewerIdNumber(70, year() - 30, 'male'),
      consent: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'matching.identity_mismatch', field: 'name' });
    expect(r.body.error.message).toBe('姓名与身份证号码不一致，请核对后重试');
    expect(await profileRows(me)).toHaveLength(0);
    expect(await verifyAudits(me)).toHaveLength(0);
    expect((await p.call(me, 'GET', '/api/audience/verification')).body).toMatchObject({ verified: false });
    const missing = await p.call(me, 'PUT', '/api/audience/verification', { idNumber: viewerIdNumber(70, 1990, 'male'), consent: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('name');
  });

  it('answers an unanswered check with a retryable 503 (Retry-After), in both languages, and stores nothing', async () => {
    const me = await p.login('consumer_00071');
    const body = { name: '王超时', idNumber: viewerIdNumber(71, year() - 30, 'male'), consent: true };
    const r = await p.call(me, 'PUT', '/api/audience/verification', body);
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({ code: 'matching.identity_unavailable' });
    expect(r.body.error.message).toBe('身份核验服务暂不可用，请 5 秒后重试（未保存任何信息）');
    const en = await p.call(me, 'PUT', '/api/audience/verification', body, { 'accept-language': 'en-US' });
    expect(en.body.error.message).toBe('The identity verification service is unavailable: try again in 5 s (nothing was stored)');
    expect(await profileRows(me)).toHaveLength(0);
    expect(await verifyAudits(me)).toHaveLength(0);
    // the same person, the check answered: verified
    expect((await p.call(me, 'PUT', '/api/audience/verification', { ...body, name: '王小明' })).status).toBe(200);
    expect(await profileRows(me)).toHaveLength(1);
  });

  it('sends 503 with Retry-After while the authority is down', async () => {
    const me = await p.login('consumer_00072');
    const sim = p.c.identityVerifier;
    sim.setAvailable(false);
    try {
      const res = await p.app.inject({
        method: 'PUT',
        url: '/api/audience/verification',
        headers: { cookie: me.cookie, 'x-csrf-token': me.csrf, 'content-type': 'application/json' },
        payload: { name: '陈小红', idNumber: viewerIdNumber(72, year() - 30, 'female'), consent: true },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      sim.setAvailable(true);
    }
    expect(await profileRows(me)).toHaveLength(0);
  });
});

describe('checkout of a product sold to adults only', () => {
  const refusedWithNothingWritten = async (s: TestSession, code: string) => {
    const before = await stockOf(adultOnly.skuId);
    const r = await order(s, adultOnly.skuId);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code, field: 'verification' });
    expect(r.body.error.message).toContain(`「${adultOnly.title}」限成年人购买`);
    expect(await ordersOf(s)).toHaveLength(0);
    expect(await stockOf(adultOnly.skuId)).toBe(before);
    return r;
  };

  it('refuses an unverified buyer, with the way to 实名认证 in the message; a plain product is ordered', async () => {
    const me = await p.login('consumer_00073');
    const r = await refusedWithNothingWritten(me, 'orders.adult_only_unverified');
    expect(r.body.error.message).toContain('请先完成实名认证');
    const en = await p.call(
      me,
      'POST',
      '/api/orders',
      { lines: [{ skuId: adultOnly.skuId, qty: 1 }], address: ADDRESS },
      {
        'accept-language': 'en-US',
      },
    );
    expect(en.body.error.message).toContain('is sold to adults only: complete the real-name verification first');
    expect((await order(me, plain.skuId)).status).toBe(201);
  });

  it('refuses a verified minor and one turning 18 only this year (only the birth year is kept)', async () => {
    const minor = await p.login('consumer_00074');
    await verifyAs(minor, 74, 16);
    const r = await refusedWithNothingWritten(minor, 'orders.adult_only_minor');
    expect(r.body.error.message).toBe(`「${adultOnly.title}」限成年人购买，未满十八周岁不能下单`);
    const eighteen = await p.login('consumer_00075');
    await verifyAs(eighteen, 75, 18);
    await refusedWithNothingWritten(eighteen, 'orders.adult_only_minor');
    // the product sold to anyone: the minor orders it
    expect((await order(minor, plain.skuId)).status).toBe(201);
  });

  it('lets a verified adult order it, on the shelf and from the live room', async () => {
    const adult = await p.login('consumer_00076');
    await verifyAs(adult, 76, 19);
    const before = await stockOf(adultOnly.skuId);
    const shelf = await order(adult, adultOnly.skuId);
    expect(shelf.status).toBe(201);
    const room = await p.call(adult, 'POST', '/api/orders', { lines: [{ skuId: adultOnly.skuId, qty: 1 }], sessionId, address: ADDRESS });
    expect(room.status).toBe(201);
    expect(await stockOf(adultOnly.skuId)).toBe(before - 2);
    expect(await ordersOf(adult)).toHaveLength(2);
  });

  it('refuses a minor in a flash sale of it (the unit goes back) and lets an adult win', async () => {
    const sku = (await p.c.uow.read.catalog.findSku(adultOnly.skuId)) as { priceFen: number };
    const fs = await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
      productId: adultOnly.productId,
      skuId: adultOnly.skuId,
      priceFen: Math.max(1, Math.floor(sku.priceFen / 2)),
      quantity: 1,
      perUserLimit: 1,
      durationS: 600,
    });
    expect(fs.status).toBe(201);
    const flashSaleId = fs.body.id ?? fs.body.flashSale?.id;
    const body = { lines: [{ skuId: adultOnly.skuId, qty: 1 }], sessionId, flashSaleId, address: ADDRESS };
    const minor = await p.login('consumer_00077');
    await verifyAs(minor, 77, 15);
    const refused = await p.call(minor, 'POST', '/api/orders', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'orders.adult_only_minor', field: 'verification' });
    expect(await ordersOf(minor)).toHaveLength(0);
    // the one unit went back: an adult wins it
    const adult = await p.login('consumer_00078');
    await verifyAs(adult, 78, 40);
    expect((await p.call(adult, 'POST', '/api/orders', body)).status).toBe(201);
  });
});
