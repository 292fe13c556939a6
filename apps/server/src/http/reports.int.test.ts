/**
 * 举报 through the API, on PGlite (and PostgreSQL when DATABASE_URL is set): anonymous filing and tracking by code,
 * signed-in filing with evidence and 我的举报, the target must exist, a disguised evidence file is refused by the
 * document store and nothing is filed, handling by the wrong role, a live room's report becomes a review item
 * without the reporter, a referral leaves `reports.report_referred` on the outbox, the inbox tells the reporter,
 * and the reported merchant's staff never see who reported on any report route.
 */
import type { OutboxEvent } from '@livehub/core';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let consumer: TestSession;
let merchant: TestSession;
let otherMerchant: TestSession;
let reviewer: TestSession;
let admin: TestSession;
let regulator: TestSession;
let streamer: TestSession;
let productId: string;
let sessionId: string;
let merchantOrg: string;
const referred: OutboxEvent[] = [];

const PHONE = '13912340987';
const MASKED = '139****0987';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [consumer, merchant, otherMerchant, reviewer, admin, regulator, streamer] = await p.loginAll(
    'consumer',
    'merchant',
    'merchant_0001',
    'reviewer',
    'admin',
    'regulator',
    'streamer',
  );
  merchantOrg = merchant.me.active?.orgId as string;
  const [product] = await p.c.uow.read.catalog.listProducts({ merchantOrgId: merchantOrg, limit: 1 });
  const [session] = await p.c.uow.read.live.listSessions({ streamerUserId: streamer.me.user.id, limit: 1 });
  if (!product || !session) throw new Error('the demo data has no product or live session');
  productId = product.id;
  sessionId = session.id;
  p.c.outbox.on('reports.report_referred', async (e) => void referred.push(e));
}, 180_000);

afterAll(async () => {
  await p?.close();
});

const drainOutbox = async () => {
  for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
};

/** POST /api/reports as `s` (null: anonymous, from its own address so the limit is its own). */
async function file(s: TestSession | null, body: Record<string, unknown>, remoteAddress = '10.1.0.1') {
  const res = await p.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: s ? s.headers(true) : {},
    payload: body,
    remoteAddress,
  });
  return { status: res.statusCode, body: res.json() };
}

const about = (over: Record<string, unknown> = {}) => ({
  targetKind: 'product',
  targetId: productId,
  category: 'false_advertising',
  description: '商品详情页宣称“全网最低价、无效退款”',
  ...over,
});

const reportCount = async () => (await p.c.uow.read.reports.listReports({ limit: 1000 })).length;

describe('the demo data', () => {
  it('holds reports in every state, filed and handled through the services', async () => {
    const seeded = await p.c.uow.read.reports.listReports({ limit: 100 });
    expect(new Set(seeded.map((r) => r.status))).toEqual(
      new Set(['received', 'under_review', 'substantiated', 'unsubstantiated', 'referred']),
    );
    expect(seeded.filter((r) => r.reviewItemId !== null).length).toBeGreaterThanOrEqual(4);
  });
});

describe('anonymous reports', () => {
  it('files with a tracking code shown once, tracks the state by code, and sees the outcome after handling', async () => {
    const filed = await file(null, about({ targetKind: 'live_session', targetId: sessionId, category: 'vulgar', contactPhone: PHONE }));
    expect(filed.status).toBe(201);
    const code = filed.body.trackingCode as string;
    expect(code).toMatch(/^JB-[23456789A-HJ-NP-Z]{16}$/);
    expect(filed.body).toMatchObject({ status: 'received', contactPhone: MASKED, target: { kind: 'live_session', id: sessionId } });
    expect(filed.body.target.name).toEqual(expect.any(String));
    // only the hash is stored
    const stored = await p.c.uow.read.reports.findReport(filed.body.id);
    expect(stored?.trackingCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code.slice(3));
    expect(stored?.reporterUserId).toBeNull();

    const tracked = await p.call(null, 'GET', `/api/reports/track/${code.toLowerCase()}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toEqual({
      category: 'vulgar',
      targetKind: 'live_session',
      status: 'received',
      outcome: null,
      filedAt: expect.any(String),
      handledAt: null,
    });

    const handled = await p.call(reviewer, 'POST', `/api/reports/${filed.body.id}/handle`, {
      action: 'unsubstantiate',
      reason: '回放中未见所述内容',
    });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ status: 'unsubstantiated', reporter: 'anonymous', outcome: '回放中未见所述内容' });
    const after = await p.call(null, 'GET', `/api/reports/track/${code}`);
    expect(after.body).toMatchObject({ status: 'unsubstantiated', outcome: '回放中未见所述内容', handledAt: expect.any(String) });
  });

  it('answers a wrong or malformed code the same way, and refuses evidence without signing in', async () => {
    for (const code of ['JB-ABCDEFGHJKLMNPQR', 'nonsense', 'JB-0000000000000000']) {
      const r = await p.call(null, 'GET', `/api/reports/track/${code}`);
      expect(r.status, code).toBe(404);
      expect(r.body.error).toMatchObject({ code: 'reports.code_invalid', field: 'code' });
    }
    const before = await reportCount();
    const r = await file(null, about({ evidenceDocumentIds: [p.c.ids.next()] }));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'reports.evidence_sign_in', field: 'evidenceDocumentIds' });
    expect(await reportCount()).toBe(before);
  });

  it('limits filing per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await file(null, about({ category: 'other' }), '10.9.9.9')).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe('signed-in reports', () => {
  it('files with the reporter’s own evidence and lists it under 我的举报, no tracking code', async () => {
    const up = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=product_image&filename=screenshot.png',
      headers: { ...consumer.headers(), 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(up.statusCode).toBe(201);
    const filed = await file(consumer, about({ evidenceDocumentIds: [up.json().id] }));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ trackingCode: null, evidenceCount: 1, status: 'received' });
    const mine = await p.call(consumer, 'GET', '/api/reports/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(filed.body.id);
    expect(mine.body.items.every((r: { trackingCode: unknown }) => r.trackingCode === null)).toBe(true);
    // another user's mine does not list it
    const theirs = await p.call(merchant, 'GET', '/api/reports/mine');
    expect(theirs.body.items.map((r: { id: string }) => r.id)).not.toContain(filed.body.id);
  });

  it('refuses a disguised evidence file at the document store, and someone else’s upload; nothing is filed', async () => {
    const before = await reportCount();
    const disguised = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=product_image&filename=photo.png',
      headers: { ...consumer.headers(), 'content-type': 'image/png' },
      payload: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toMatchObject({ code: 'document.unsupported_type', field: 'file' });
    const theirs = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=product_image&filename=x.png',
      headers: { ...merchant.headers(), 'content-type': 'image/png' },
      payload: PNG,
    });
    const r = await file(consumer, about({ evidenceDocumentIds: [theirs.json().id] }));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'reports.evidence_invalid', field: 'evidenceDocumentIds.0' });
    expect(await reportCount()).toBe(before);
  });

  it('refuses an unknown target, kind or category with the field, and a cookie write without the CSRF token', async () => {
    const before = await reportCount();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [about({ targetId: p.c.ids.next() }), 404, 'targetId'],
      [about({ targetKind: 'organization', targetId: p.c.ids.next() }), 404, 'targetId'],
      [about({ targetKind: 'planet' }), 400, 'targetKind'],
      [about({ category: 'annoying' }), 400, 'category'],
      [about({ description: '短' }), 400, 'description'],
      [about({ contactPhone: '12345' }), 400, 'contactPhone'],
    ];
    for (const [body, status, field] of cases) {
      const r = await file(consumer, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error.field).toBe(field);
    }
    const noCsrf = await p.app.inject({ method: 'POST', url: '/api/reports', headers: consumer.headers(false), payload: about() });
    expect(noCsrf.statusCode).toBe(403);
    expect(await reportCount()).toBe(before);
  });
});

describe('handling', () => {
  it('a live room’s report becomes a review item that carries nothing of the reporter', async () => {
    const filed = await file(consumer, about({ targetKind: 'live_session', targetId: sessionId, category: 'prohibited_goods' }));
    const stored = await p.c.uow.read.reports.findReport(filed.body.id);
    expect(stored?.reviewItemId).toEqual(expect.any(String));
    const item = await p.call(reviewer, 'GET', `/api/review/items/${stored?.reviewItemId}`);
    expect(item.status).toBe(200);
    expect(item.body.event.text).toContain('【举报·违禁商品】');
    expect(item.body.categories).toEqual(['prohibited_goods']);
    const raw = await p.c.uow.read.compliance.findReviewItem(stored?.reviewItemId as string);
    expect(raw?.event).toMatchObject({ sessionRef: sessionId, actorUserId: null, senderUserId: null, eventId: `report:${filed.body.id}` });
    expect(JSON.stringify(item.body)).not.toContain(consumer.me.user.id);
    // an organization's report waits in the platform queue without a review item
    const org = await file(consumer, about({ targetKind: 'organization', targetId: merchantOrg, category: 'fraud' }));
    expect((await p.c.uow.read.reports.findReport(org.body.id))?.reviewItemId).toBeNull();
    const queue = await p.call(admin, 'GET', '/api/reports');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([filed.body.id, org.body.id]));
  });

  it('only platform admins and reviewers handle; regulators read the queue; wrong states and missing reasons are refused', async () => {
    const filed = await file(consumer, about());
    for (const s of [consumer, merchant, regulator, streamer]) {
      const r = await p.call(s, 'POST', `/api/reports/${filed.body.id}/handle`, { action: 'substantiate', reason: '属实' });
      expect(r.status).toBe(403);
    }
    expect((await p.call(regulator, 'GET', '/api/reports')).status).toBe(200);
    expect((await p.call(merchant, 'GET', '/api/reports')).status).toBe(403);
    const noReason = await p.call(reviewer, 'POST', `/api/reports/${filed.body.id}/handle`, { action: 'substantiate' });
    expect(noReason.body.error).toMatchObject({ code: 'reports.reason_required', field: 'reason' });
    expect((await p.call(reviewer, 'POST', `/api/reports/${filed.body.id}/handle`, { action: 'review' })).body.status).toBe('under_review');
    const again = await p.call(reviewer, 'POST', `/api/reports/${filed.body.id}/handle`, { action: 'review' });
    expect(again.body.error.code).toBe('reports.wrong_status');
    const unknown = await p.call(reviewer, 'POST', `/api/reports/${p.c.ids.next()}/handle`, { action: 'review' });
    expect(unknown.status).toBe(404);
    const audit = await p.c.uow.read.audit.list({ limit: 50 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reports.filed', 'reports.review']));
  });

  it('kept in step: a decided review item settles its report, a handled report decides its item, once either way', async () => {
    // the reviewer confirms the item a product's report opened: the report is substantiated with the reason
    const a = await file(consumer, about({ category: 'prohibited_goods' }));
    const itemA = (await p.c.uow.read.reports.findReport(a.body.id))?.reviewItemId as string;
    const confirmed = await p.call(reviewer, 'POST', `/api/review/items/${itemA}/decide`, {
      decision: 'confirm',
      reason: '核实为违禁商品',
    });
    expect(confirmed.status).toBe(200);
    await drainOutbox();
    const ra = await p.c.uow.read.reports.findReport(a.body.id);
    expect([ra?.status, ra?.outcome, ra?.handledBy]).toEqual(['substantiated', '核实为违禁商品', null]);
    const auditA = (await p.c.uow.read.audit.list({ limit: 100, action: 'reports.substantiate' })).filter((x) => x.targetId === a.body.id);
    expect(auditA).toHaveLength(1);
    // the report's own handling event came back to the item: already decided, nothing more (one violation)
    expect((await p.c.uow.read.compliance.findReviewItem(itemA))?.status).toBe('confirmed');
    expect((await p.c.uow.read.audit.list({ limit: 200, action: 'review.confirm' })).filter((x) => x.targetId === itemA)).toHaveLength(1);

    // the platform finds a report unsubstantiated: its item is dismissed with the reason, by the system
    const b = await file(consumer, about());
    const itemB = (await p.c.uow.read.reports.findReport(b.body.id))?.reviewItemId as string;
    const handled = await p.call(admin, 'POST', `/api/reports/${b.body.id}/handle`, {
      action: 'unsubstantiate',
      reason: '宣传用语有检测报告支持',
    });
    expect(handled.body.status).toBe('unsubstantiated');
    await drainOutbox();
    const ib = await p.c.uow.read.compliance.findReviewItem(itemB);
    expect([ib?.status, ib?.reason]).toEqual(['dismissed', '宣传用语有检测报告支持']);
    expect((await p.c.uow.read.reports.findReport(b.body.id))?.status).toBe('unsubstantiated');
    // a late decision on the item is refused: it is decided
    const late = await p.call(reviewer, 'POST', `/api/review/items/${itemB}/decide`, { decision: 'confirm', reason: '改判' });
    expect(late.body.error.code).toBe('review.already_decided');

    // substantiated by the platform: the item is confirmed (a violation, as any confirmation)
    const c = await file(consumer, about({ category: 'fraud' }));
    const itemC = (await p.c.uow.read.reports.findReport(c.body.id))?.reviewItemId as string;
    await p.call(admin, 'POST', `/api/reports/${c.body.id}/handle`, { action: 'substantiate', reason: '价格欺诈属实' });
    await drainOutbox();
    expect((await p.c.uow.read.compliance.findReviewItem(itemC))?.status).toBe('confirmed');
    // a referral leaves the item open: the reviewers still decide it
    const d = await file(consumer, about({ category: 'fraud' }));
    const itemD = (await p.c.uow.read.reports.findReport(d.body.id))?.reviewItemId as string;
    await p.call(admin, 'POST', `/api/reports/${d.body.id}/handle`, { action: 'refer', reason: '移交监管部门' });
    await drainOutbox();
    expect((await p.c.uow.read.compliance.findReviewItem(itemD))?.status).toBe('open');

    // redelivered events change nothing
    const before = await p.c.uow.read.reports.findReport(a.body.id);
    expect(await p.c.reports.handling.followItem({ reportId: a.body.id, reviewItemId: itemA, decision: 'dismiss', reason: '重复' })).toBe(
      false,
    );
    expect(await p.c.compliance.followReport(itemB, 'confirm', '重复', admin.me.user.id)).toBe(false);
    expect((await p.c.uow.read.reports.findReport(a.body.id))?.version).toBe(before?.version);
    expect((await p.c.uow.read.compliance.findReviewItem(itemB))?.status).toBe('dismissed');
  });

  it('a referral leaves a clue on the outbox, and the signed-in reporter hears of it in the inbox', async () => {
    const filed = await file(consumer, about({ category: 'fraud' }));
    await drainOutbox();
    const r = await p.call(admin, 'POST', `/api/reports/${filed.body.id}/handle`, {
      action: 'refer',
      reason: '涉嫌价格欺诈，移交市场监管部门',
    });
    expect(r.body.status).toBe('referred');
    await drainOutbox();
    const clue = referred.find((e) => e.payload.reportId === filed.body.id);
    expect(clue?.payload).toMatchObject({
      action: 'refer',
      targetKind: 'product',
      targetId: productId,
      subjectOrgId: merchantOrg,
      category: 'fraud',
      status: 'referred',
      outcome: '涉嫌价格欺诈，移交市场监管部门',
    });
    const inbox = await p.call(consumer, 'GET', '/api/notifications');
    const item = inbox.body.items.find(
      (i: { link: string; title: { zh: string } }) => i.link === '/reports/mine' && i.title.zh.includes('移交'),
    );
    expect(item).toBeDefined();
    const handlers = await p.call(reviewer, 'GET', '/api/notifications');
    expect(handlers.body.items.some((i: { link: string }) => i.link === '/reports')).toBe(true);
  });
});

describe('privacy: the reported merchant never sees who reported', () => {
  it('on every report route', async () => {
    const user = await p.c.uow.read.users.findById(consumer.me.user.id);
    const anon = await file(null, about({ contactPhone: PHONE }), '10.2.0.1');
    const signed = await file(consumer, about({ contactPhone: PHONE }));
    for (const r of [anon, signed])
      await p.call(reviewer, 'POST', `/api/reports/${r.body.id}/handle`, { action: 'substantiate', reason: '核实属实' });
    const secrets = [consumer.me.user.id, user?.username, user?.displayName, PHONE, MASKED, anon.body.trackingCode].filter(
      (x): x is string => typeof x === 'string' && x.length > 0,
    );
    const bodies: string[] = [];
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/reports/about-me'],
      ['GET', '/api/reports/mine'],
      ['GET', '/api/reports'],
      ['GET', `/api/reports/${signed.body.id}`],
      ['GET', `/api/reports/${anon.body.id}`],
      ['POST', `/api/reports/${signed.body.id}/handle`, { action: 'review' }],
      ['GET', `/api/reports/track/${anon.body.trackingCode}`],
      ['POST', '/api/reports', about({ targetKind: 'user', targetId: consumer.me.user.id, description: '这位用户恶意举报我们' })],
    ];
    for (const [method, url, body] of calls) {
      const r = await p.call(merchant, method as 'GET', url, body);
      expect(r.status, `${method} ${url}`).toBeLessThan(500);
      bodies.push(JSON.stringify(r.body));
    }
    // the report about the consumer the merchant just filed names the consumer as its target: not the reporter
    const joined = bodies.slice(0, 7).join('\n');
    for (const s of secrets) expect(joined, s).not.toContain(s);
    // and what the merchant does see: the substantiated reports about it, with the count
    const aboutMe = JSON.parse(bodies[0] as string);
    expect(aboutMe.counts.substantiated).toBeGreaterThanOrEqual(2);
    expect(aboutMe.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([anon.body.id, signed.body.id]));
    expect(Object.keys(aboutMe.items[0]).sort()).toEqual(['category', 'filedAt', 'handledAt', 'id', 'outcome', 'status', 'target']);
    // another merchant's staff see none of them
    const other = await p.call(otherMerchant, 'GET', '/api/reports/about-me');
    expect(other.body.items.map((r: { id: string }) => r.id)).not.toContain(signed.body.id);
    // the tracking page shows the state and outcome only
    const tracked = JSON.parse(bodies[6] as string);
    expect(Object.keys(tracked).sort()).toEqual(['category', 'filedAt', 'handledAt', 'outcome', 'status', 'targetKind']);
  });

  it('a substantiated report tells the reported party in its inbox what was found, never who reported', async () => {
    const user = await p.c.uow.read.users.findById(consumer.me.user.id);
    const secrets = [consumer.me.user.id, user?.username, user?.displayName, PHONE, MASKED].filter(
      (x): x is string => typeof x === 'string' && x.length > 0,
    );
    const room = await file(consumer, about({ targetKind: 'live_session', targetId: sessionId, contactPhone: PHONE }));
    const product = await file(consumer, about({ contactPhone: PHONE }));
    for (const r of [room, product]) {
      expect(r.status).toBe(201);
      const handled = await p.call(reviewer, 'POST', `/api/reports/${r.body.id}/handle`, {
        action: 'substantiate',
        reason: '回放与详情页核实：宣称“全网最低价”无依据',
      });
      expect(handled.body.status).toBe('substantiated');
    }
    await drainOutbox();
    const found = async (s: TestSession) =>
      ((await p.call(s, 'GET', '/api/notifications?kind=report.found&limit=100')).body.items as Array<Record<string, unknown>>).filter(
        (i) => JSON.stringify(i.body).includes('全网最低价'),
      );
    // the live room's streamer, and the product's merchant: each told what was found
    const toStreamer = await found(streamer);
    const toMerchant = await found(merchant);
    expect(toStreamer.length).toBeGreaterThanOrEqual(1);
    expect(toMerchant.length).toBeGreaterThanOrEqual(1);
    for (const item of [...toStreamer, ...toMerchant]) {
      expect(item).toMatchObject({ kind: 'report.found', severity: 'warning', title: { zh: expect.stringContaining('经核实属实') } });
      for (const secret of secrets) expect(JSON.stringify(item), secret).not.toContain(secret);
    }
    // another merchant hears nothing of it
    expect(await found(otherMerchant)).toEqual([]);
    // the reporter still sees their reports' state (and is told as before)
    const mine = await p.call(consumer, 'GET', '/api/reports/mine');
    const states = new Map((mine.body.items as Array<{ id: string; status: string }>).map((r) => [r.id, r.status]));
    expect([states.get(room.body.id), states.get(product.body.id)]).toEqual(['substantiated', 'substantiated']);
  });
});
