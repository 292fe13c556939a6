/**
 * The catalog and the selection center through the API: categories with live-sale rules, the key-trademark
 * protection list, products with price history, product review (automatic pre-checks, then a reviewer),
 * commission plans and their conflicts, Chinese search with audiences, sample requests end to end with overdue
 * flagging, and live service agreements with hashed versions — each step visible to the right party only, and
 * bad input refused with field-level errors and nothing half-written.
 */
import { createTestPlatform, productDraft, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.parse('2026-06-01T02:00:00Z'));
let p: TestPlatform;
let admin: TestSession;
let reviewer: TestSession;
let merchant: TestSession;
let merchant2: TestSession;
let streamer: TestSession;
let streamerOtherMcn: TestSession;
let consumer: TestSession;

/** A whole 1×1 PNG (uploads are checked to be whole files). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const day = (n: number) => new Date(clock.now().getTime() + n * 86_400_000).toISOString();

const call = (s: TestSession | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => p.call(s, method, url, payload);

async function upload(s: TestSession, docType: string, body = PNG, type = 'image/png') {
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/documents?docType=${docType}&filename=x`,
    headers: { ...s.headers(), 'content-type': type },
    payload: body,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** The merchant lists a product (the default one, with `over` on top). */
const createProduct = (over: Record<string, unknown> = {}) => call(merchant, 'POST', '/api/catalog/products', productDraft(over));

async function approve(productId: string) {
  const sub = await call(merchant, 'POST', `/api/catalog/products/${productId}/submit`);
  expect(sub.status).toBe(200);
  expect(sub.body.step).toBe('review');
  const act = await call(reviewer, 'POST', `/api/applications/${sub.body.applicationId}/actions`, { action: 'approve' });
  expect(act.status).toBe(200);
  const view = await call(merchant, 'GET', `/api/catalog/products/${productId}`);
  expect(view.body.status).toBe('approved');
  return view.body;
}

async function openPlan(productId: string, over: Record<string, unknown> = {}) {
  return call(merchant, 'POST', '/api/selection/plans', {
    productId,
    type: 'open',
    commissionBp: 2000,
    slotFeeFen: 0,
    startsAt: day(-1),
    endsAt: day(30),
    ...over,
  });
}

/** Moves the clock; sessions are signed in again (they expire with time, as they should). */
async function advanceDays(n: number): Promise<void> {
  clock.advance(n * 86_400_000);
  await signIn();
}

async function signIn(): Promise<void> {
  [admin, reviewer, merchant, merchant2, streamer, streamerOtherMcn, consumer] = await p.loginAll(
    'admin',
    'reviewer',
    'merchant',
    'merchant_0001',
    'streamer',
    'streamer_0003',
    'consumer',
  );
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  await signIn();
});
afterAll(async () => p?.close());

describe('categories and brands', () => {
  it('serves the category tree with live-sale rules; only the platform changes a rule, audited', async () => {
    const cats = await call(merchant, 'GET', '/api/catalog/categories');
    const rx = cats.body.find((c: { id: string }) => c.id === 'drug.prescription');
    expect(rx).toMatchObject({ liveRule: 'prohibited', parentId: 'drug', basis: expect.stringContaining('药品网络销售监督管理办法') });
    expect(cats.body.find((c: { id: string }) => c.id === 'health_food').requiredDisclaimer).toBe('本品不能代替药物');
    expect((await call(merchant, 'PATCH', '/api/catalog/categories/handicraft', { liveRule: 'restricted', reason: '测试' })).status).toBe(
      403,
    );
    const bad = await call(admin, 'PATCH', '/api/catalog/categories/handicraft', { liveRule: 'forbidden', reason: '测试' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('liveRule');
    const ok = await call(admin, 'PATCH', '/api/catalog/categories/books', { noReasonReturn: true, reason: '图书适用七日无理由退货' });
    expect(ok.status).toBe(200);
    const audit = await call(admin, 'GET', '/api/audit?action=category.update');
    expect(audit.body.items[0]).toMatchObject({ targetType: 'category', targetId: 'books' });
  });

  it('keeps the key-trademark protection list: a protected brand needs an authorization', async () => {
    const brand = await call(admin, 'POST', '/api/catalog/brands', { name: '沪上老字号', trademarkNo: '12345678' });
    expect(brand.status).toBe(201);
    const dup = await call(merchant, 'POST', '/api/catalog/brands', { name: ' 沪上老字号 ' });
    expect(dup.status).toBe(409);
    // merchants cannot edit the list; the platform can
    expect((await call(merchant, 'POST', `/api/catalog/brands/${brand.body.id}/protection`, { protected: true, reason: 'x' })).status).toBe(
      403,
    );
    const prot = await call(admin, 'POST', `/api/catalog/brands/${brand.body.id}/protection`, {
      protected: true,
      reason: '列入重点商标保护名录',
    });
    expect(prot.body.protected).toBe(true);
    const before = (await call(merchant, 'GET', '/api/catalog/products')).body.length;
    const refused = await createProduct({ brandId: brand.body.id, title: '沪上老字号 雪花膏 经典款' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'catalog.brand_unauthorized', field: 'brandId' });
    expect(refused.body.error.message).toContain('沪上老字号');
    expect((await call(merchant, 'GET', '/api/catalog/products')).body.length).toBe(before);
    // an authorization document from the rights holder lets the merchant list it
    const doc = await upload(merchant, 'brand_authorization', PDF, 'application/pdf');
    const wrongDoc = await upload(merchant, 'other', PDF, 'application/pdf');
    expect(
      (
        await call(merchant, 'POST', '/api/catalog/brand-authorizations', {
          brandId: brand.body.id,
          documentId: wrongDoc,
          validUntil: '2027-12-31',
        })
      ).status,
    ).toBe(400);
    const auth = await call(merchant, 'POST', '/api/catalog/brand-authorizations', {
      brandId: brand.body.id,
      documentId: doc,
      validUntil: '2027-12-31',
    });
    expect(auth.status).toBe(201);
    const listed = await createProduct({ brandId: brand.body.id, title: '沪上老字号 雪花膏 经典款' });
    expect(listed.status).toBe(201);
    expect(listed.body.brand).toMatchObject({ name: '沪上老字号', protected: true });
    // another merchant still may not
    const other = await call(merchant2, 'POST', '/api/catalog/products', productDraft({ brandId: brand.body.id }));
    expect(other.body.error.code).toBe('catalog.brand_unauthorized');
  });
});

describe('products and review', () => {
  it('refuses bad input field by field and writes nothing', async () => {
    const before = (await call(merchant, 'GET', '/api/catalog/products')).body.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [productDraft({ skus: [{ name: '默认', priceFen: 0, stock: 1 }] }), 'skus.0.priceFen'],
      [productDraft({ skus: [{ name: '默认', priceFen: 99.5, stock: 1 }] }), 'skus.0.priceFen'],
      [productDraft({ skus: [{ name: '默认', priceFen: -100, stock: 1 }] }), 'skus.0.priceFen'],
      [productDraft({ skus: [] }), 'skus'],
      [productDraft({ categoryId: 'no.such' }), 'categoryId'],
      [productDraft({ title: 'ab' }), 'title'],
      [productDraft({ referencePriceFen: '299' }), 'referencePriceFen'],
      [productDraft({ imageIds: ['00000000-0000-4000-8000-000000000000'] }), 'imageIds.0'],
    ];
    for (const [body, field] of cases) {
      const r = await call(merchant, 'POST', '/api/catalog/products', body);
      expect(r.status, field).toBe(field === 'imageIds.0' ? 404 : 400);
      expect(r.body.error.field, JSON.stringify(body).slice(0, 80)).toBe(field);
    }
    const en = await p.app.inject({
      method: 'POST',
      url: '/api/catalog/products',
      headers: { ...merchant.headers(), 'accept-language': 'en-US' },
      payload: productDraft({ categoryId: 'no.such' }),
    });
    expect(en.json().error.message).toBe('No such product category');
    expect((await call(merchant, 'GET', '/api/catalog/products')).body.length).toBe(before);
    // only merchants list; a consumer or streamer cannot
    expect((await call(consumer, 'POST', '/api/catalog/products', productDraft())).status).toBe(403);
    expect((await call(streamer, 'POST', '/api/catalog/products', productDraft())).status).toBe(403);
  });

  it('approves a clean product after the pre-checks and a reviewer; tenants see only their own', async () => {
    const img = await upload(merchant, 'product_image');
    const created = await createProduct({ imageIds: [img] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', merchantName: expect.any(String) });
    expect(created.body.categoryPath.map((c: { id: string }) => c.id)).toEqual(['home', 'home.kitchen']);
    const id = created.body.id;
    // invisible to another merchant, a consumer and a streamer (not in the pool yet)
    for (const s of [merchant2, consumer, streamer]) expect((await call(s, 'GET', `/api/catalog/products/${id}`)).status).toBe(404);
    const approved = await approve(id);
    expect(approved.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    // the application shows the product by name in the reviewer's records
    const app = await call(reviewer, 'GET', `/api/applications/${approved.reviewApplicationId}`);
    expect(app.body).toMatchObject({ kind: 'product_review', subjectName: productDraft().title, status: 'approved' });
    // editing the content of an approved product sends it back to review; price changes do not
    const sku = approved.skus[0].id;
    const price = await call(merchant, 'PATCH', `/api/catalog/products/${id}/skus/${sku}`, { priceFen: 7900 });
    expect(price.body.status).toBe('approved');
    const edited = await call(merchant, 'PATCH', `/api/catalog/products/${id}`, { title: '316不锈钢真空保温杯 升级款 500ml' });
    expect(edited.body).toMatchObject({ status: 'draft', statusReason: 'content_changed' });
    await approve(id);
  });

  it('rejects a prescription drug and a banned claim at once, with the rule and its legal basis', async () => {
    const rx = await createProduct({ title: '阿莫西林胶囊 0.25g×24粒', categoryId: 'drug.prescription', claims: [] });
    const sub = await call(merchant, 'POST', `/api/catalog/products/${rx.body.id}/submit`);
    expect(sub.body.step).toBe('rejected');
    const view = (await call(merchant, 'GET', `/api/catalog/products/${rx.body.id}`)).body;
    expect(view.status).toBe('rejected');
    const failed = view.checks.find((c: { ok: boolean; check: string }) => !c.ok && c.check === 'category');
    expect(failed).toMatchObject({
      blocking: true,
      ruleId: 'CAT-drug.prescription',
      basis: expect.stringContaining('药品网络销售监督管理办法'),
    });
    expect(view.statusReason).toContain('禁止直播销售');

    const claim = await createProduct({ title: '负离子保温杯 根治高血压 降血糖', categoryId: 'home.kitchen' });
    const sub2 = await call(merchant, 'POST', `/api/catalog/products/${claim.body.id}/submit`);
    expect(sub2.body.step).toBe('rejected');
    const v2 = (await call(merchant, 'GET', `/api/catalog/products/${claim.body.id}`)).body;
    const hit = v2.checks.find((c: { check: string; blocking: boolean }) => c.check === 'screening' && c.blocking);
    expect(hit).toMatchObject({ ruleId: expect.stringMatching(/^[A-Z]+-\d+/), basis: expect.stringContaining('广告法') });
    // the timeline of the application carries the findings too
    const app = await call(merchant, 'GET', `/api/applications/${v2.reviewApplicationId}`);
    expect(app.body.events.find((e: { action: string }) => e.action === 'pre_checks').detail.blocking.length).toBeGreaterThan(0);
    // fixed and resubmitted (a new review), it passes
    await call(merchant, 'PATCH', `/api/catalog/products/${claim.body.id}`, { title: '负离子保温杯 大容量 500ml' });
    const again = await call(merchant, 'POST', `/api/catalog/products/${claim.body.id}/submit`);
    expect(again.body.step).toBe('review');
  });

  it('requires the category’s qualification and statement: health food without 本品不能代替药物 or a licence is rejected', async () => {
    const hf = await createProduct({ title: '灵芝孢子粉胶囊 60粒', categoryId: 'health_food', claims: [] });
    const sub = await call(merchant, 'POST', `/api/catalog/products/${hf.body.id}/submit`);
    expect(sub.body.step).toBe('rejected');
    const checks = (await call(merchant, 'GET', `/api/catalog/products/${hf.body.id}`)).body.checks;
    expect(checks.filter((c: { ok: boolean }) => !c.ok).map((c: { ruleId: string }) => c.ruleId)).toEqual(
      expect.arrayContaining(['QUAL-food_licence', 'QUAL-health_food_registration', 'DISC-health_food']),
    );
  });

  it('returns a product for changes; the merchant resubmits the same review', async () => {
    const created = await createProduct({ title: '纯棉四件套 1.8米床 简约条纹', categoryId: 'home.textile' });
    const sub = await call(merchant, 'POST', `/api/catalog/products/${created.body.id}/submit`);
    // in review: not editable
    expect((await call(merchant, 'PATCH', `/api/catalog/products/${created.body.id}`, { title: '纯棉四件套 改' })).status).toBe(409);
    const ret = await call(reviewer, 'POST', `/api/applications/${sub.body.applicationId}/actions`, {
      action: 'return',
      reason: '主图与标题不符，请补充实拍图',
    });
    expect(ret.status).toBe(200);
    const returned = (await call(merchant, 'GET', `/api/catalog/products/${created.body.id}`)).body;
    expect(returned).toMatchObject({ status: 'returned', statusReason: '主图与标题不符，请补充实拍图' });
    const re = await call(merchant, 'POST', `/api/catalog/products/${created.body.id}/submit`);
    expect(re.body).toMatchObject({ applicationId: sub.body.applicationId, step: 'review' });
  });

  it('flags a reference price above the 7-day lowest price for the reviewer (price history)', async () => {
    const created = await createProduct({ title: '竹纤维浴巾 加厚 70×140', categoryId: 'home.textile', referencePriceFen: 29900 });
    const skuId = created.body.skus[0].id;
    clock.advance(2 * 86_400_000);
    await call(merchant, 'PATCH', `/api/catalog/products/${created.body.id}/skus/${skuId}`, { priceFen: 6900 });
    clock.advance(86_400_000);
    await call(merchant, 'PATCH', `/api/catalog/products/${created.body.id}/skus/${skuId}`, { priceFen: 9900 });
    const hist = await call(merchant, 'GET', `/api/catalog/products/${created.body.id}/skus/${skuId}/prices`);
    expect(hist.body.points.map((x: { priceFen: number }) => x.priceFen)).toEqual([8900, 6900, 9900]);
    expect(hist.body.lowest7dPriceFen).toBe(6900);
    expect((await call(merchant2, 'GET', `/api/catalog/products/${created.body.id}/skus/${skuId}/prices`)).status).toBe(404);
    const sub = await call(merchant, 'POST', `/api/catalog/products/${created.body.id}/submit`);
    expect(sub.body.step).toBe('review'); // not blocking: the reviewer decides
    const price = sub.body.product.checks.find((c: { check: string }) => c.check === 'price');
    expect(price).toMatchObject({ ok: false, blocking: false, ruleId: 'PRC-001' });
  });
});

describe('selection center', () => {
  let cup: { id: string };
  let coat: { id: string };

  beforeAll(async () => {
    const a = await createProduct({ title: '316不锈钢 保温杯 商务款 450ml', categoryId: 'home.kitchen' });
    cup = await approve(a.body.id);
    const b = await call(
      merchant,
      'POST',
      '/api/catalog/products',
      productDraft({
        title: '双面羊毛大衣 女 中长款 驼色',
        categoryId: 'apparel.women',
        claims: ['100%羊毛'],
        sampleAvailable: false,
        sampleStock: 0,
        skus: [{ name: 'M', priceFen: 129900, stock: 40 }],
      }),
    );
    coat = await approve(b.body.id);
  });

  it('validates commission plans and refuses an exclusive plan that conflicts, naming the conflict', async () => {
    const high = await openPlan(cup.id, { commissionBp: 9100 });
    expect(high.status).toBe(400);
    expect(high.body.error.field).toBe('commissionBp');
    const frac = await openPlan(cup.id, { commissionBp: 12.5 });
    expect(frac.body.error.field).toBe('commissionBp');
    const backwards = await openPlan(cup.id, { startsAt: day(5), endsAt: day(1) });
    expect(backwards.body.error.field).toBe('endsAt');
    const excl2 = await openPlan(cup.id, { type: 'exclusive', partners: [] });
    expect(excl2.body.error.field).toBe('partners');
    const draft = await createProduct({ title: '未审核的商品 保温壶' });
    expect((await openPlan(draft.body.id)).body.error.code).toBe('selection.product_not_approved');
    const open = await openPlan(cup.id);
    expect(open.status).toBe(201);
    const exclusive = await openPlan(cup.id, { type: 'exclusive', partners: [{ kind: 'streamer', id: streamer.me.user.id }] });
    expect(exclusive.status).toBe(409);
    expect(exclusive.body.error).toMatchObject({
      code: 'selection.plan_conflict',
      field: 'type',
      details: { planId: open.body.id, existing: 'open' },
    });
    expect(exclusive.body.error.message).toContain(open.body.id);
    expect(exclusive.body.error.message).toContain('独家计划不能与公开或定向计划');
    // an exclusive plan for a later period is fine; an open one overlapping it is not
    const later = await openPlan(cup.id, {
      type: 'exclusive',
      startsAt: day(40),
      endsAt: day(50),
      partners: [{ kind: 'streamer', id: streamer.me.user.id }],
    });
    expect(later.status).toBe(201);
    expect((await openPlan(cup.id, { startsAt: day(45), endsAt: day(60) })).body.error.message).toContain(later.body.id);
    // the MCN agencies a merchant may name (names only); streamers do not list them
    const mcns = await call(merchant, 'GET', '/api/selection/mcns');
    expect(mcns.body.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(mcns.body[0]).sort()).toEqual(['id', 'name']);
    expect((await call(streamer, 'GET', '/api/selection/mcns')).status).toBe(403);
    const viaMcn = await openPlan(coat.id, {
      type: 'targeted',
      startsAt: day(70),
      endsAt: day(80),
      partners: [{ kind: 'mcn', id: mcns.body[0].id }],
    });
    expect(viaMcn.status).toBe(201);
    // a targeted plan names certified streamers or MCNs only
    const bogus = await openPlan(coat.id, { type: 'targeted', partners: [{ kind: 'streamer', id: consumer.me.user.id }] });
    expect(bogus.body.error).toMatchObject({ code: 'selection.partner_invalid', field: 'partners.0.id' });
    // another merchant cannot plan my product
    expect(
      (
        await call(merchant2, 'POST', '/api/selection/plans', {
          productId: cup.id,
          type: 'open',
          commissionBp: 100,
          startsAt: day(0),
          endsAt: day(3),
        })
      ).status,
    ).toBe(404);
  });

  it('finds products by Chinese search within the plans offered to the caller', async () => {
    const targeted = await openPlan(coat.id, {
      type: 'targeted',
      commissionBp: 3000,
      partners: [{ kind: 'streamer', id: streamer.me.user.id }],
    });
    expect(targeted.status).toBe(201);
    const search = async (s: TestSession, q: string, extra = '') =>
      call(s, 'GET', `/api/selection/search?q=${encodeURIComponent(q)}${extra}`);
    const cups = await search(streamer, '保温杯 316');
    expect(cups.status).toBe(200);
    expect(cups.body.items.map((i: { productId: string }) => i.productId)).toContain(cup.id);
    expect(cups.body.items.every((i: { title: string }) => i.title.includes('保温杯') && i.title.includes('316'))).toBe(true);
    // width and case folding: full-width digits find it too
    expect((await search(streamer, '保溫杯 ３１６')).body.items.map((i: { productId: string }) => i.productId)).toContain(cup.id);
    const coats = await search(streamer, '羊毛 大衣');
    expect(coats.body.items.map((i: { productId: string }) => i.productId)).toEqual([coat.id]);
    expect(coats.body.items[0]).toMatchObject({ commissionBp: 3000, planTypes: ['targeted'], minPriceFen: 129900 });
    // a streamer of another MCN is not offered the targeted coat
    expect((await search(streamerOtherMcn, '羊毛 大衣')).body.items).toEqual([]);
    expect((await call(streamerOtherMcn, 'GET', `/api/catalog/products/${coat.id}`)).status).toBe(404);
    expect((await call(streamer, 'GET', `/api/catalog/products/${coat.id}`)).status).toBe(200);
    // filters
    const none = await search(streamer, '保温杯', '&priceMinFen=100000');
    expect(none.body.items).toEqual([]);
    const withSamples = await search(streamer, '', '&sampleAvailable=true&category=home');
    expect(withSamples.body.items.map((i: { productId: string }) => i.productId)).toContain(cup.id);
    expect(withSamples.body.items.map((i: { productId: string }) => i.productId)).not.toContain(coat.id);
    const bad = await call(streamer, 'GET', '/api/selection/search?commissionMinBp=9500');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('commissionMinBp');
    // consumers and merchants do not browse the pool
    expect((await search(consumer, '保温杯')).status).toBe(403);
    expect((await search(merchant, '保温杯')).status).toBe(403);
    // the plans a streamer sees are the ones offered to them
    const pool = await call(streamer, 'GET', `/api/selection/products/${cup.id}`);
    expect(pool.body.plans.map((x: { type: string }) => x.type).sort()).toEqual(['exclusive', 'open']);
    const poolOther = await call(streamerOtherMcn, 'GET', `/api/selection/products/${cup.id}`);
    expect(poolOther.body.plans.map((x: { type: string }) => x.type)).toEqual(['open']);
    // delisting takes it out of the pool at once
    const del = await call(merchant, 'POST', `/api/catalog/products/${coat.id}/delist`, { reason: '换季下架' });
    expect(del.body.status).toBe('delisted');
    expect((await search(streamer, '羊毛 大衣')).body.items).toEqual([]);
  });

  it('runs a sample request from request to overdue, each step by the right party, contacts masked', async () => {
    const noSamples = await createProduct({ title: '无样品的保温杯 316 测试款', sampleAvailable: false, sampleStock: 0 });
    await approve(noSamples.body.id);
    await openPlan(noSamples.body.id);
    const contact = { recipient: '陈嘉怡', phone: '13812345678', address: '上海市嘉定区云谷路 88 号 3 栋 1201' };
    const refused = await call(streamer, 'POST', '/api/samples', { productId: noSamples.body.id, ...contact });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('selection.no_samples');
    const badPhone = await call(streamer, 'POST', '/api/samples', { productId: cup.id, ...contact, phone: '12345' });
    expect(badPhone.body.error.field).toBe('phone');
    const req = await call(streamer, 'POST', '/api/samples', { productId: cup.id, ...contact, note: '下周三直播' });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ status: 'requested', phone: '138****5678', recipient: '陈**' });
    expect(req.body.address).not.toContain('88');
    expect((await call(streamer, 'POST', '/api/samples', { productId: cup.id, ...contact })).body.error.code).toBe('selection.sample_open');
    const id = req.body.id;
    // the merchant sees it; another merchant and another streamer do not
    expect((await call(merchant, 'GET', '/api/samples')).body.map((s: { id: string }) => s.id)).toContain(id);
    expect((await call(merchant2, 'GET', `/api/samples/${id}`)).status).toBe(404);
    expect((await call(streamerOtherMcn, 'GET', `/api/samples/${id}`)).status).toBe(404);
    // wrong party, wrong order
    expect((await call(streamer, 'POST', `/api/samples/${id}/actions`, { action: 'approve' })).status).toBe(403);
    expect(
      (await call(merchant, 'POST', `/api/samples/${id}/actions`, { action: 'ship', carrier: '顺丰速运', trackingNo: 'SF1234567890' }))
        .status,
    ).toBe(409);
    expect((await call(merchant, 'GET', `/api/samples/${id}/shipping-label`)).status).toBe(409);
    const approved = await call(merchant, 'POST', `/api/samples/${id}/actions`, { action: 'approve' });
    expect(approved.body.status).toBe('approved');
    const label = await call(merchant, 'GET', `/api/samples/${id}/shipping-label`);
    expect(label.body).toEqual(contact);
    expect((await call(admin, 'GET', '/api/audit?action=sample.shipping_label')).body.items.length).toBeGreaterThan(0);
    const noTracking = await call(merchant, 'POST', `/api/samples/${id}/actions`, { action: 'ship', carrier: '顺丰速运' });
    expect(noTracking.body.error.field).toBe('trackingNo');
    const shipped = await call(merchant, 'POST', `/api/samples/${id}/actions`, {
      action: 'ship',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(shipped.body).toMatchObject({ status: 'shipped', trackingNo: 'SF1234567890' });
    const received = await call(streamer, 'POST', `/api/samples/${id}/actions`, { action: 'receive' });
    expect(received.body.featureDueAt).not.toBeNull();
    // the MCN manager of the streamer's agency sees it
    const mcn = await p.login('mcn');
    expect((await call(mcn, 'GET', '/api/samples')).body.map((s: { id: string }) => s.id)).toContain(id);
    // 15 days later, neither featured nor returned: flagged overdue by the periodic sweep
    await advanceDays(15);
    const tick = await p.c.tick();
    expect(tick.overdueSamples).toBeGreaterThanOrEqual(1);
    const overdue = await call(merchant, 'GET', '/api/samples?overdue=true');
    expect(overdue.body.map((s: { id: string }) => s.id)).toContain(id);
    // the streamer returns it; the merchant confirms; the sample goes back to stock
    const stockBefore = (await call(merchant, 'GET', `/api/catalog/products/${cup.id}`)).body.sampleStock;
    await call(streamer, 'POST', `/api/samples/${id}/actions`, { action: 'ship_return', carrier: '中通快递', trackingNo: 'ZT9876543210' });
    const done = await call(merchant, 'POST', `/api/samples/${id}/actions`, { action: 'confirm_return' });
    expect(done.body.status).toBe('returned');
    expect(done.body.history.map((h: { action: string }) => h.action)).toEqual([
      'request',
      'approve',
      'ship',
      'receive',
      'overdue',
      'ship_return',
      'confirm_return',
    ]);
    expect((await call(merchant, 'GET', `/api/catalog/products/${cup.id}`)).body.sampleStock).toBe(stockBefore + 1);
  });

  it('signs a live service agreement: versions hashed, every party accepts, the live room can ask', async () => {
    const terms = {
      products: [{ productId: cup.id, commissionBp: 2500 }],
      streamerShareBp: 7000,
      slotFeeFen: 50_000,
      startsOn: day(0).slice(0, 10),
      endsOn: day(30).slice(0, 10),
    };
    const bad = await call(merchant, 'POST', '/api/agreements', {
      streamerUserId: streamer.me.user.id,
      terms: { ...terms, products: [{ productId: cup.id, commissionBp: 9500 }] },
    });
    expect(bad.body.error.field).toBe('terms.products.0.commissionBp');
    const created = await call(merchant, 'POST', '/api/agreements', { streamerUserId: streamer.me.user.id, withMcn: true, terms });
    expect(created.status).toBe(201);
    const a = created.body;
    expect(a).toMatchObject({ status: 'pending', parties: ['merchant', 'streamer', 'mcn'], myParty: 'merchant' });
    expect(a.versions[0]).toMatchObject({ version: 1, hashValid: true, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(a.versions[0].acceptances.map((x: { party: string }) => x.party)).toEqual(['merchant']);
    // strangers do not see it
    expect((await call(merchant2, 'GET', `/api/agreements/${a.id}`)).status).toBe(404);
    expect((await call(streamerOtherMcn, 'GET', `/api/agreements/${a.id}`)).status).toBe(404);
    // accepting a text other than the one shown is refused
    const wrong = await call(streamer, 'POST', `/api/agreements/${a.id}/accept`, { version: 1, contentHash: 'f'.repeat(64) });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('agreement.hash_mismatch');
    const accepted = await call(streamer, 'POST', `/api/agreements/${a.id}/accept`, { version: 1, contentHash: a.versions[0].contentHash });
    expect(accepted.body.status).toBe('pending'); // the MCN has not accepted yet
    const q = `/api/agreements/in-force?merchantOrgId=${a.merchantOrgId}&streamerUserId=${streamer.me.user.id}&productId=${cup.id}`;
    expect((await call(streamer, 'GET', q)).body.inForce).toBe(false);
    const mcn = await p.login('mcn');
    const inForce = await call(mcn, 'POST', `/api/agreements/${a.id}/accept`, { version: 1, contentHash: a.versions[0].contentHash });
    expect(inForce.body).toMatchObject({ status: 'in_force', inForceVersion: 1 });
    expect((await call(streamer, 'GET', q)).body).toMatchObject({ inForce: true, agreementId: a.id, version: 1 });
    expect(
      (await call(streamer, 'POST', `/api/agreements/${a.id}/accept`, { version: 1, contentHash: a.versions[0].contentHash })).body.error
        .code,
    ).toBe('agreement.already_accepted');
    // an amendment is a new version; version 1 stays in force until all accept version 2
    const amended = await call(streamer, 'POST', `/api/agreements/${a.id}/versions`, { terms: { ...terms, slotFeeFen: 0 } });
    expect(amended.body).toMatchObject({ currentVersion: 2, inForceVersion: 1, status: 'in_force' });
    expect(amended.body.versions[1].contentHash).not.toBe(amended.body.versions[0].contentHash);
    const stale = await call(merchant, 'POST', `/api/agreements/${a.id}/accept`, { version: 1, contentHash: a.versions[0].contentHash });
    expect(stale.body.error.code).toBe('agreement.version_stale');
    // every write is audited
    const audit = await call(admin, 'GET', '/api/audit?action=agreement.accept');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
    // the workbenches count what waits for each side
    const cards = async (s: TestSession) =>
      Object.fromEntries(
        ((await call(s, 'GET', '/api/workbench')).body.cards as Array<{ key: string; value: number }>).map((c) => [c.key, c.value]),
      );
    expect((await cards(streamer)).agreements_in_force).toBeGreaterThanOrEqual(1);
    expect((await cards(merchant)).products_approved).toBeGreaterThanOrEqual(2);
    // terminated: no longer in force
    const term = await call(merchant, 'POST', `/api/agreements/${a.id}/terminate`, { reason: '合作结束' });
    expect(term.body.status).toBe('terminated');
    expect((await call(streamer, 'GET', q)).body.inForce).toBe(false);
  });
});
