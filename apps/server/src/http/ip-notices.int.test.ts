/**
 * 知识产权保护 end to end through the API, on PGlite and PostgreSQL (电子商务法 Art. 42–45): the holder of a protected
 * brand files a notice → the product is taken down at once and cannot be ordered, the merchant's inbox has it → the
 * merchant's counter-notice reaches the holder → 15 days pass with nothing reported → the sweep restores it; a holder
 * who reports a lawsuit in time keeps it down; a notice the office finds wrong is restored. Bad input (a brand not on
 * the list, a non-holder, another merchant's counter-notice, a step out of order, missing or foreign evidence) is
 * refused with the field and nothing changed.
 */
import { ManualClock } from '../adapters/runtime.ts';
import { createTestPlatform, drainOutbox, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const clock = new ManualClock(Date.parse('2026-12-01T02:00:00Z')); // 10:00 in China
const ADDRESS = { name: '张三丰', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼' };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let p: TestPlatform;
let holder: TestSession; // 嘉织's registered holder (the demo merchant)
let infringer: TestSession; // another merchant selling products
let thirdMerchant: TestSession;
let ipo: TestSession; // 知识产权局
let scjgj: TestSession; // 市场监管局 (not the IP office)
let consumer: TestSession;
let brandId: string;
let unprotectedBrandId: string;
let products: string[];

const drain = () => drainOutbox(p.c);
const ok = (r: { status: number; body: unknown }, status = 200) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as ReturnType<typeof JSON.parse>;
};
/** An infringement notice on the protected brand filed by `who` through the API (`over` on top of the body). */
const fileNotice = (
  who: TestSession,
  productId: unknown,
  statement: string,
  evidenceDocumentIds: string[],
  over: Record<string, unknown> = {},
) => p.call(who, 'POST', '/api/ip-notices', { brandId, productId, statement, evidenceDocumentIds, ...over });
const upload = async (s: TestSession, docType = 'product_image') => {
  const up = await p.app.inject({
    method: 'POST',
    url: `/api/documents?docType=${docType}&filename=evidence.png`,
    headers: { ...s.headers(), 'content-type': 'image/png' },
    payload: PNG,
  });
  expect(up.statusCode, up.body).toBe(201);
  return up.json().id as string;
};
const statusOf = async (productId: string) => (await p.c.uow.read.catalog.findProduct(productId))?.status;
let orderNo = 0;
const order = async (productId: string) => {
  const sku = (await p.c.uow.read.catalog.listSkus([productId]))[0];
  return p.call(
    consumer,
    'POST',
    '/api/orders',
    { lines: [{ skuId: sku?.id, qty: 1 }], address: ADDRESS },
    {
      'idempotency-key': `ip-notice-order-${++orderNo}`,
    },
  );
};
const inbox = async (s: TestSession) => ok(await p.call(s, 'GET', '/api/notifications')).items as Array<{ kind: string; link: string }>;
const auditCount = () => p.c.uow.read.audit.count();

const loginAll = async () => {
  [holder, infringer, thirdMerchant, ipo, scjgj, consumer] = await p.loginAll(
    'merchant',
    'merchant_0001',
    'merchant_0002',
    'reg_ipo',
    'regulator',
    'consumer',
  );
};
/** moves the clock (sessions do not outlive such jumps: everyone signs in again) */
const at = async (iso: string) => {
  clock.set(new Date(iso));
  await loginAll();
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  await loginAll();
  const brands = await p.c.uow.read.catalog.listBrands({ limit: 200 });
  brandId = brands.find((b) => b.name === '嘉织')?.id as string;
  unprotectedBrandId = brands.find((b) => b.name === '静澜')?.id as string;
  expect(brandId && unprotectedBrandId).toBeTruthy();
  const listed = await p.c.uow.read.catalog.listProducts({
    merchantOrgId: infringer.me.active?.orgId as string,
    status: ['approved'],
    limit: 4,
  });
  products = listed.map((x) => x.id);
  expect(products.length).toBeGreaterThanOrEqual(3);
  await drain();
}, 180_000);

afterAll(async () => {
  await p?.close();
});

describe('notice → takedown → counter-notice → 15 days → restored', () => {
  let id: string;

  it('takes the product down at once; it cannot be ordered; the merchant’s inbox has the notice', async () => {
    const productId = products[0] as string;
    const first = await order(productId);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const evidence = await upload(holder);
    const n = ok(await fileNotice(holder, productId, '该商品使用「嘉织」注册商标，权利人从未授权，系假冒商品。', [evidence]), 201);
    id = n.id;
    expect(n).toMatchObject({ status: 'taken_down', takenDown: true, brandName: '嘉织', trademarkNo: '52718830', filedByRole: 'holder' });
    expect(n.noticeNo).toMatch(/^IPN-20261201-/);
    expect(n.productName).toBeTruthy();
    expect(n.merchantName).toBeTruthy();
    expect(await statusOf(productId)).toBe('delisted');
    const refused = await order(productId);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    await drain();
    expect((await inbox(infringer)).some((i) => i.kind === 'ip.notice_filed' && i.link === `/ip-notices?notice=${id}`)).toBe(true);
    // the merchant sees it, may counter; the holder may not counter its own notice
    const seen = ok(await p.call(infringer, 'GET', `/api/ip-notices/${id}`));
    expect(seen.actions).toEqual(['counter']);
    expect(ok(await p.call(holder, 'GET', `/api/ip-notices/${id}`)).actions).toEqual(['withdraw']);
    // a second notice on the same product and mark while this one is open
    const again = await fileNotice(holder, productId, '重复提交的侵权通知，内容相同。', [evidence]);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'supervision.ip_open_notice', field: 'productId' } });
  });

  it('refuses bad counter-notices with nothing changed: another merchant (404), no evidence, foreign evidence', async () => {
    const before = await auditCount();
    const mine = await upload(infringer, 'brand_authorization');
    const foreign = await p.call(thirdMerchant, 'POST', `/api/ip-notices/${id}/counter`, {
      statement: '我们不是这个商品的商家，但想提交反通知。',
      evidenceDocumentIds: [await upload(thirdMerchant, 'brand_authorization')],
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ error: { code: 'supervision.ip_notice_not_found' } });
    expect((await p.call(thirdMerchant, 'GET', `/api/ip-notices/${id}`)).status).toBe(404);
    const empty = await p.call(infringer, 'POST', `/api/ip-notices/${id}/counter`, {
      statement: '本商品为正品，有品牌授权。',
      evidenceDocumentIds: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('evidenceDocumentIds');
    expect(empty.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const theirs = await p.call(infringer, 'POST', `/api/ip-notices/${id}/counter`, {
      statement: '本商品为正品，有品牌授权。',
      evidenceDocumentIds: [mine, await upload(holder)],
    });
    expect(theirs.status).toBe(400);
    expect(theirs.body).toMatchObject({ error: { code: 'supervision.ip_evidence_invalid', field: 'evidenceDocumentIds.1' } });
    // uploads are audited; the refused steps are not
    expect(await auditCount()).toBe(before + 3);
    expect(ok(await p.call(infringer, 'GET', `/api/ip-notices/${id}`)).status).toBe('taken_down');
  });

  it('forwards the counter-notice to the holder with the 15 days; a second counter-notice is a 409', async () => {
    const evidence = await upload(infringer, 'brand_authorization');
    const n = ok(
      await p.call(infringer, 'POST', `/api/ip-notices/${id}/counter`, {
        statement: '本店商品来自品牌授权经销商，附授权书，不存在侵权行为。',
        evidenceDocumentIds: [evidence],
      }),
    );
    expect(n.status).toBe('countered');
    // forwarded 2026-12-01 10:00 China time: the 15 days end at 24:00 on 12-16
    expect(n.actionDueAt).toBe('2026-12-16T16:00:00.000Z');
    expect(n.daysLeft).toBe(15);
    await drain();
    expect((await inbox(holder)).some((i) => i.kind === 'ip.counter_forwarded')).toBe(true);
    expect(ok(await p.call(holder, 'GET', `/api/ip-notices/${id}`)).actions).toEqual(['report_action', 'withdraw']);
    // the holder reads the merchant's evidence (the document store's read grant)
    expect((await p.call(holder, 'GET', `/api/documents/${evidence}/content`)).status).toBe(200);
    const twice = await p.call(infringer, 'POST', `/api/ip-notices/${id}/counter`, {
      statement: '再次提交反通知，内容相同。',
      evidenceDocumentIds: [evidence],
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'supervision.ip_wrong_step' } });
  });

  it('keeps it down at the deadline and restores it just past it (the sweep)', async () => {
    const productId = products[0] as string;
    await at('2026-12-16T16:00:00Z');
    expect((await p.c.tick()).ipNoticesRestored).toBe(0);
    expect(await statusOf(productId)).toBe('delisted');
    expect(ok(await p.call(ipo, 'GET', `/api/ip-notices/${id}`)).daysLeft).toBe(0);
    await at('2026-12-16T16:00:01Z');
    expect((await p.c.tick()).ipNoticesRestored).toBe(1);
    expect((await p.c.tick()).ipNoticesRestored).toBe(0);
    expect(await statusOf(productId)).toBe('approved');
    expect((await order(productId)).status).toBe(201);
    const n = ok(await p.call(infringer, 'GET', `/api/ip-notices/${id}`));
    expect(n).toMatchObject({ status: 'restored', actionDueAt: null, actions: [] });
    expect(n.entries.map((e: { action: string }) => e.action)).toEqual(['filed', 'counter', 'counter_lapsed']);
    await drain();
    expect((await inbox(infringer)).some((i) => i.kind === 'ip.notice_closed')).toBe(true);
    // too late for the holder now
    const late = await p.call(holder, 'POST', `/api/ip-notices/${id}/action`, {
      kind: 'lawsuit',
      reference: '（2026）沪0114民初1号',
      evidenceDocumentIds: [await upload(holder)],
    });
    expect(late.status).toBe(409);
  });
});

describe('the holder reports a lawsuit in time: the takedown stays', () => {
  it('files through the IP office, counters, reports on day 15, and the sweep leaves it down', async () => {
    const productId = products[1] as string;
    await at('2026-12-20T02:00:00Z');
    const n = ok(await fileNotice(ipo, productId, '知识产权局代权利人录入：该商品涉嫌假冒「嘉织」注册商标。', [await upload(ipo)]), 201);
    expect(n).toMatchObject({ filedByRole: 'office', holderOrgId: holder.me.active?.orgId });
    ok(
      await p.call(infringer, 'POST', `/api/ip-notices/${n.id}/counter`, {
        statement: '本店商品来自品牌授权经销商，不存在侵权行为。',
        evidenceDocumentIds: [await upload(infringer, 'brand_authorization')],
      }),
    );
    await at('2027-01-04T15:59:00Z'); // the last minute of day 15
    const reported = ok(
      await p.call(holder, 'POST', `/api/ip-notices/${n.id}/action`, {
        kind: 'lawsuit',
        reference: '上海市嘉定区人民法院（2027）沪0114民初12号',
        evidenceDocumentIds: [await upload(holder)],
      }),
    );
    expect(reported).toMatchObject({ status: 'action_filed', actionKind: 'lawsuit' });
    await at('2027-02-01T02:00:00Z');
    expect((await p.c.tick()).ipNoticesRestored).toBe(0);
    expect(await statusOf(productId)).toBe('delisted');
    await drain();
    expect((await inbox(infringer)).some((i) => i.kind === 'ip.action_reported')).toBe(true);
    // the office's view: by status, with the parties
    const list = ok(await p.call(ipo, 'GET', '/api/ip-notices?status=action_filed')).items;
    expect(list.map((x: { id: string }) => x.id)).toContain(n.id);
    expect(list.every((x: { status: string }) => x.status === 'action_filed')).toBe(true);
    // tenants see their own: the holder as holder, the infringer as merchant, a third merchant nothing
    expect(ok(await p.call(holder, 'GET', '/api/ip-notices?side=holder')).items.length).toBe(2);
    expect(ok(await p.call(infringer, 'GET', '/api/ip-notices?side=merchant')).items.length).toBe(2);
    expect(ok(await p.call(infringer, 'GET', '/api/ip-notices?side=holder')).items.length).toBe(0);
    expect(ok(await p.call(thirdMerchant, 'GET', '/api/ip-notices')).items.length).toBe(0);
  });
});

describe('a notice found wrong, and notices that may not be filed', () => {
  it('the IP office finds a notice wrong: recorded and restored; the market regulator may not', async () => {
    const productId = products[2] as string;
    const n = ok(await fileNotice(holder, productId, '该商品使用「嘉织」注册商标，系假冒商品。', [await upload(holder)]), 201);
    expect(await statusOf(productId)).toBe('delisted');
    expect((await p.call(scjgj, 'POST', `/api/ip-notices/${n.id}/find-wrong`, { reason: '经核查不构成侵权' })).status).toBe(403);
    const wrong = ok(await p.call(ipo, 'POST', `/api/ip-notices/${n.id}/find-wrong`, { reason: '经核查该商品为正品，通知错误' }));
    expect(wrong).toMatchObject({ status: 'found_wrong', closingReason: '经核查该商品为正品，通知错误' });
    expect(await statusOf(productId)).toBe('approved');
  });

  it('refuses a brand off the list, a non-holder, the holder’s own product and missing evidence, with nothing changed', async () => {
    const productId = products[2] as string;
    const before = await auditCount();
    const evidence = await upload(thirdMerchant);
    const statement = '该商品涉嫌侵犯注册商标专用权，请平台处理。';
    const notHolder = await fileNotice(thirdMerchant, productId, statement, [evidence]);
    expect(notHolder.status).toBe(403);
    expect(notHolder.body).toMatchObject({ error: { code: 'supervision.ip_not_rights_holder', field: 'brandId' } });
    const offList = await fileNotice(
      infringer,
      (await p.c.uow.read.catalog.listProducts({ merchantOrgId: thirdMerchant.me.active?.orgId as string, limit: 1 }))[0]?.id,
      statement,
      [await upload(infringer)],
      { brandId: unprotectedBrandId },
    );
    // 静澜 is the infringer's own mark but not on the protection list
    expect(offList.body.error).toMatchObject({ code: 'supervision.ip_brand_not_protected', field: 'brandId' });
    const ownProduct = (await p.c.uow.read.catalog.listProducts({ merchantOrgId: holder.me.active?.orgId as string, limit: 1 }))[0]?.id;
    const own = await fileNotice(holder, ownProduct, statement, [await upload(holder)]);
    expect(own.body.error).toMatchObject({ code: 'supervision.ip_own_product', field: 'productId' });
    const noEvidence = await p.call(holder, 'POST', '/api/ip-notices', { brandId, productId, statement, evidenceDocumentIds: [] });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error.field).toBe('evidenceDocumentIds');
    const short = await fileNotice(holder, productId, '假的', [evidence]);
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('statement');
    // three uploads, no notice, the product still on sale
    expect(await auditCount()).toBe(before + 3);
    expect(await statusOf(productId)).toBe('approved');
    expect(ok(await p.call(ipo, 'GET', '/api/ip-notices')).items.length).toBe(3);
  });
});
