/**
 * Compliance through the API: inline screening and storage of live events, idempotent event ids, the review queue
 * (claim, confirm, dismiss), violations scoped to their parties, evidence that verifies and catches tampering,
 * and exemptions added by a rule editor taking effect at once.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let reviewer: TestSession;
beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  admin = await p.login('admin');
  reviewer = await p.login('reviewer');
});
afterAll(async () => p?.close());

let seq = 0;
async function ingest(text: string, extra: Record<string, unknown> = {}, who: TestSession = admin) {
  const res = await p.app.inject({
    method: 'POST',
    url: '/api/compliance/events',
    headers: who.headers(),
    payload: { eventId: `evt-${++seq}`, kind: 'transcript', text, ...extra },
  });
  return res;
}

describe('ingestion', () => {
  it('screens inline, stores the event and opens a review item for a serious hit', async () => {
    const res = await ingest('家人们加我薇信私聊，13800138000', { sessionRef: 'room-1' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.decision).toBe('block');
    expect(body.hits.map((h: { category: string }) => h.category)).toContain('off_platform_diversion');
    expect(body.reviewItemId).toEqual(expect.any(String));
    expect(body.duplicate).toBe(false);
    for (const h of body.hits) expect('家人们加我薇信私聊，13800138000'.slice(h.start, h.end)).toBe(h.matched);
  });

  it('allows clean speech and opens nothing', async () => {
    const res = await ingest('今天给大家带来新款羽绒服，保暖又轻薄', { sessionRef: 'room-1' });
    expect(res.json()).toMatchObject({ decision: 'allow', hits: [], reviewItemId: null });
  });

  it('returns the stored result for a retried event id, and 409 for the same id with other content', async () => {
    const first = await p.call(admin, 'POST', '/api/compliance/events', { eventId: 'retry-1', kind: 'chat', text: '主播vx多少' });
    const again = await p.call(admin, 'POST', '/api/compliance/events', { eventId: 'retry-1', kind: 'chat', text: '主播vx多少' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true, reviewItemId: first.body.reviewItemId });
    const other = await p.call(admin, 'POST', '/api/compliance/events', { eventId: 'retry-1', kind: 'chat', text: '别的内容' });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'compliance.event_conflict', field: 'eventId' });
  });

  it('accepts an ASR service’s API token with the ingest scope only', async () => {
    const t = await p.call(admin, 'POST', '/api/tokens', { name: 'asr', scopes: ['compliance:ingest'] });
    const token = t.body.token as string;
    const ok = await p.app.inject({
      method: 'POST',
      url: '/api/compliance/events',
      headers: { authorization: `Bearer ${token}` },
      payload: { eventId: 'asr-1', kind: 'transcript', text: '这款面霜全网最低价' },
    });
    expect(ok.statusCode).toBe(201);
    const reader = await p.call(admin, 'POST', '/api/tokens', { name: 'reader', scopes: ['read'] });
    const refused = await p.app.inject({
      method: 'POST',
      url: '/api/compliance/events',
      headers: { authorization: `Bearer ${reader.body.token}` },
      payload: { eventId: 'asr-2', kind: 'transcript', text: 'x' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it.each([
    ['empty text', { eventId: 'b1', kind: 'chat', text: '' }, 201, null],
    ['text too long', { eventId: 'b2', kind: 'chat', text: '好'.repeat(20_001) }, 400, 'text'],
    ['bad kind', { eventId: 'b3', kind: 'shout', text: 'x' }, 400, 'kind'],
    ['bad event id', { eventId: 'has space', kind: 'chat', text: 'x' }, 400, 'eventId'],
    ['negative price', { eventId: 'b4', kind: 'product_copy', text: 'x', card: { priceFen: -1 } }, 400, 'card.priceFen'],
    ['lone surrogates', { eventId: 'b5', kind: 'chat', text: '最\ud800好\udfff' }, 201, null],
    ['NUL and control characters', { eventId: 'b6', kind: 'chat', text: '加\u0000微\u0007信' }, 201, null],
  ])('%s', async (_n, payload, status, field) => {
    const res = await p.app.inject({ method: 'POST', url: '/api/compliance/events', headers: admin.headers(), payload });
    expect(res.statusCode).toBe(status);
    if (field) expect(res.json().error.field).toBe(field);
  });

  it('merchants may preview copy but not ingest', async () => {
    const m = await p.login('merchant');
    const preview = await p.call(m, 'POST', '/api/compliance/screen', {
      text: '本品能根治糖尿病',
      kind: 'product_copy',
      productCategory: 'health_food',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.hits.map((h: { category: string }) => h.category)).toContain('medical_claim');
    expect((await ingest('x', {}, m)).statusCode).toBe(403);
  });
});

describe('review queue, violations and evidence', () => {
  it('lets a reviewer claim and confirm; the violation carries hash-chained evidence with its session context', async () => {
    await ingest('欢迎来到直播间', { sessionRef: 'room-9', occurredAt: '2026-11-21T10:00:00Z' });
    const hit = await ingest('这个保健品能降血糖，三天见效', {
      sessionRef: 'room-9',
      occurredAt: '2026-11-21T10:00:05Z',
      productCategory: 'health_food',
    });
    const itemId = hit.json().reviewItemId as string;
    const queue = await p.call(reviewer, 'GET', '/api/review/items?status=pending');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(itemId);

    const detail = await p.call(reviewer, 'GET', `/api/review/items/${itemId}`);
    expect(detail.body.context.map((e: { text: string }) => e.text)).toContain('欢迎来到直播间');
    expect(detail.body.rules[0]).toMatchObject({ law: expect.any(String), article: expect.any(String) });

    expect((await p.app.inject({ method: 'POST', url: `/api/review/items/${itemId}/claim`, headers: reviewer.headers() })).statusCode).toBe(
      200,
    );
    const other = await p.call(admin, 'POST', `/api/review/items/${itemId}/decide`, { decision: 'dismiss', reason: '不是违规' });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('review.claimed_by_other');

    const noReason = await p.call(reviewer, 'POST', `/api/review/items/${itemId}/decide`, { decision: 'confirm', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');

    const done = await p.call(reviewer, 'POST', `/api/review/items/${itemId}/decide`, {
      decision: 'confirm',
      reason: '非药品宣称降血糖并保证见效',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'confirmed',
      violationId: expect.any(String),
      evidenceHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const twice = await p.call(reviewer, 'POST', `/api/review/items/${itemId}/decide`, { decision: 'dismiss', reason: '改主意' });
    expect(twice.status).toBe(409);

    const regulator = await p.login('regulator');
    const v = await p.call(regulator, 'GET', '/api/violations');
    expect(v.body.items[0]).toMatchObject({
      id: done.body.violationId,
      evidenceHash: done.body.evidenceHash,
      text: '这个保健品能降血糖，三天见效',
    });
    const verify = await p.call(regulator, 'GET', '/api/evidence/verify');
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.checked).toBeGreaterThanOrEqual(1);
  });

  it('keeps a dismissal with its reason, and an exemption from it stops the hit at once', async () => {
    // a comparison within the shop's own range is lawful (SAMR 2023 guide), but the pack flags 最好
    const hit = await ingest('这是我们店里最好看的一件');
    const itemId = hit.json().reviewItemId as string;
    expect(itemId).toEqual(expect.any(String));
    const rule = hit.json().hits[0].rule as string;
    const d = await p.call(reviewer, 'POST', `/api/review/items/${itemId}/decide`, {
      decision: 'dismiss',
      reason: '同一店铺内的比较，不属于绝对化用语',
    });
    expect(d.body).toMatchObject({ status: 'dismissed', violationId: null });
    const x = await p.call(admin, 'POST', '/api/compliance/exemptions', { ruleId: rule, text: '店里最好看', reviewItemId: itemId });
    expect(x.status).toBe(201);
    const again = await ingest('这是我们店里最好看的一件');
    expect(again.json().hits.filter((h: { rule: string }) => h.rule === rule)).toEqual([]);
    const useless = await p.call(admin, 'POST', '/api/compliance/exemptions', { ruleId: rule, text: '完全无关的词' });
    expect(useless.status).toBe(400);
    expect(useless.body.error).toMatchObject({ code: 'compliance.exemption_not_in_rule', field: 'text' });
  });

  it('detects altered evidence', async () => {
    const hit = await ingest('加我微信 abc12345 私下转账更便宜');
    const itemId = hit.json().reviewItemId as string;
    await p.app.inject({
      method: 'POST',
      url: `/api/review/items/${itemId}/decide`,
      headers: reviewer.headers(),
      payload: { decision: 'confirm', reason: '站外引流' },
    });
    const [row] = await p.c.database.exec(`select seq from evidence order by seq limit 1`);
    await p.c.database.exec(
      `update evidence set content = jsonb_set(content, '{event,text}', '"无害的话"') where seq = ${Number(row?.seq)}`,
    );
    const verify = await p.call(admin, 'GET', '/api/evidence/verify');
    expect(verify.body).toMatchObject({ ok: false, firstBrokenSeq: Number(row?.seq) });
  });

  it('shows a merchant only violations against its own organization, by name', async () => {
    const m = await p.login('merchant');
    const s = await p.login('streamer');
    // a confirmed violation against this merchant and streamer
    const hit = await ingest('这个保健品能治愈糖尿病，加我微信 abc12345', {
      merchantOrgId: m.me.active?.orgId,
      streamerUserId: s.me.user.id,
    });
    await p.app.inject({
      method: 'POST',
      url: `/api/review/items/${hit.json().reviewItemId}/decide`,
      headers: reviewer.headers(),
      payload: { decision: 'confirm', reason: '虚假宣传' },
    });
    const res = await p.call(m, 'GET', '/api/violations');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const v of res.body.items) expect(v.merchantOrgId).toBe(m.me.active?.orgId);
    // the screen gets names, not only ids
    const mine = res.body.items.find((v: { streamerUserId: string | null }) => v.streamerUserId === s.me.user.id);
    const org = await p.c.uow.read.orgs.findById(m.me.active?.orgId as string);
    const user = await p.c.uow.read.users.findById(s.me.user.id);
    expect(mine).toMatchObject({ merchantName: org?.name, streamerName: user?.displayName });
    expect(mine.merchantName).toBeTruthy();
  });

  it('publishes the rule pack with legal bases to any signed-in user', async () => {
    const s = await p.login('streamer');
    const res = await p.call(s, 'GET', '/api/compliance/rules');
    expect(res.status).toBe(200);
    expect(res.body.rules.length).toBeGreaterThan(0);
    expect(res.body.rules[0]).toMatchObject({ law: expect.any(String), article: expect.any(String) });
  });
});
