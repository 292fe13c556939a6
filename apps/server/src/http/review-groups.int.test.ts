/**
 * The review queue under a flood (issue #13, item 15): identical hits from one sender in one session are counted on
 * one review item instead of queued again, also when they race; the queue names sessions, people and rules instead
 * of showing ids; reviewers decide several items in one all-or-nothing request, each decision audited, and an item
 * someone else decided meanwhile is reported back instead of overwritten.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let reviewer: TestSession;
let consumer: TestSession;
let session: { id: string; title: string; streamerUserId: string };
beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  admin = await p.login('admin');
  reviewer = await p.login('reviewer');
  consumer = await p.login('consumer');
  const live = await p.c.uow.read.live.listSessions({ status: ['live'], limit: 20 });
  const room = live.find((s) => s.title.startsWith('盐池滩羊'));
  if (!room) throw new Error('the demo data has no live room');
  session = room;
});
afterAll(async () => p?.close());

let seq = 0;
async function chat(text: string, sender: string, sessionRef = session.id, occurredAt?: string) {
  const res = await p.call(admin, 'POST', '/api/compliance/events', {
    eventId: `grp-${++seq}`,
    kind: 'chat',
    text,
    sessionRef,
    senderUserId: sender,
    ...(occurredAt ? { occurredAt } : {}),
  });
  expect(res.status).toBe(201);
  return res.body as { reviewItemId: string | null; id: string };
}

interface QueueItem {
  id: string;
  status: string;
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
  dueAt: string;
  claimedByName: string | null;
  decidedByName: string | null;
  event: { sessionTitle: string | null; senderName: string | null; streamerName: string | null; text: string };
  ruleNames: Array<{ id: string; zh: string; en: string }>;
}

async function queue(query = 'status=all&limit=200'): Promise<{ items: QueueItem[]; generatedAt: string }> {
  const res = await p.call(reviewer, 'GET', `/api/review/items?${query}`);
  expect(res.status).toBe(200);
  return res.body;
}
const itemOf = async (id: string) => (await queue()).items.find((i) => i.id === id);

function batch(who: TestSession, payload: Record<string, unknown>) {
  return p.app.inject({ method: 'POST', url: '/api/review/items/batch-decide', headers: who.headers(), payload });
}

describe('grouping repeated hits', () => {
  it('counts N identical chat messages from one sender in one session on one item, SLA from the first', async () => {
    const sender = consumer.me.user.id;
    const text = '想要的加我薇信 lily8888 私下给你便宜';
    const n = 6;
    const ids: string[] = [];
    const events: string[] = [];
    for (let i = 0; i < n; i++) {
      // the same message as a spammer retypes it: spaces, full-width letters, a trailing emoji make no new item
      const variant = i % 3 === 0 ? text : i % 3 === 1 ? text.replaceAll(' ', '') : `${text.replace('lily', 'ｌｉｌｙ')} 🙂`;
      const r = await chat(variant, sender, session.id, new Date(Date.parse('2026-11-21T10:00:00Z') + i * 60_000).toISOString());
      expect(r.reviewItemId).toEqual(expect.any(String));
      ids.push(r.reviewItemId as string);
      events.push(r.id);
    }
    expect(new Set(ids).size).toBe(1);
    const item = await itemOf(ids[0] as string);
    expect(item).toMatchObject({
      occurrences: n,
      firstSeenAt: '2026-11-21T10:00:00.000Z',
      lastSeenAt: new Date(Date.parse('2026-11-21T10:00:00Z') + (n - 1) * 60_000).toISOString(),
    });
    const detail = await p.call(reviewer, 'GET', `/api/review/items/${ids[0]}`);
    expect(detail.body.occurrenceEvents.map((e: { id: string }) => e.id)).toEqual(events);
    // the SLA runs from the first occurrence: repeats never push the deadline
    const created = Date.parse(detail.body.createdAt);
    expect(Date.parse(detail.body.dueAt) - created).toBeLessThanOrEqual(15 * 60_000);
    expect(detail.body.dueAt).toBe(item?.dueAt);
  });

  it('keeps different senders, sessions and texts apart', async () => {
    const text = '加我vx abc12345 私聊优惠';
    const a = await chat(text, consumer.me.user.id);
    const sameAgain = await chat(text, consumer.me.user.id);
    const otherSender = await chat(text, reviewer.me.user.id);
    const otherSession = await chat(text, consumer.me.user.id, 'external-room-7');
    const otherText = await chat('加我vx xyz98765 私聊优惠', consumer.me.user.id);
    expect(sameAgain.reviewItemId).toBe(a.reviewItemId);
    const distinct = new Set([a.reviewItemId, otherSender.reviewItemId, otherSession.reviewItemId, otherText.reviewItemId]);
    expect(distinct.size).toBe(4);
    expect((await itemOf(a.reviewItemId as string))?.occurrences).toBe(2);
    expect((await itemOf(otherSender.reviewItemId as string))?.occurrences).toBe(1);
  });

  it('makes one item when identical messages race', async () => {
    const text = '私聊我微信 race2026 下单更便宜';
    const results = await Promise.all(Array.from({ length: 8 }, () => chat(text, consumer.me.user.id)));
    const ids = new Set(results.map((r) => r.reviewItemId));
    expect(ids.size).toBe(1);
    expect((await itemOf([...ids][0] as string))?.occurrences).toBe(8);
  });

  it('opens a new item for a repeat after the group was decided, and a retried event id stays on its item', async () => {
    const text = '加我薇信 after001 领优惠券';
    const first = await chat(text, consumer.me.user.id);
    const decided = await p.app.inject({
      method: 'POST',
      url: `/api/review/items/${first.reviewItemId}/decide`,
      headers: reviewer.headers(),
      payload: { decision: 'dismiss', reason: '测试：已处理' },
    });
    expect(decided.statusCode).toBe(200);
    const later = await chat(text, consumer.me.user.id);
    expect(later.reviewItemId).not.toBe(first.reviewItemId);
    const repeat = await chat(text, consumer.me.user.id);
    expect(repeat.reviewItemId).toBe(later.reviewItemId);
    const retried = await p.call(admin, 'POST', '/api/compliance/events', {
      eventId: `grp-${seq}`,
      kind: 'chat',
      text,
      sessionRef: session.id,
      senderUserId: consumer.me.user.id,
    });
    expect(retried.body).toMatchObject({ duplicate: true, reviewItemId: later.reviewItemId });
    expect((await itemOf(later.reviewItemId as string))?.occurrences).toBe(2);
  });
});

describe('names in the queue', () => {
  it('shows the session title, the sender and streamer names and rule names, not ids', async () => {
    const r = await chat('加我薇信 names01 私下交易', consumer.me.user.id);
    await p.app.inject({ method: 'POST', url: `/api/review/items/${r.reviewItemId}/claim`, headers: reviewer.headers() });
    const item = await itemOf(r.reviewItemId as string);
    const streamer = (await p.c.uow.read.users.findById(session.streamerUserId))?.displayName;
    const me = (await p.c.uow.read.users.findById(consumer.me.user.id))?.displayName;
    const rev = (await p.c.uow.read.users.findById(reviewer.me.user.id))?.displayName;
    expect(item?.event).toMatchObject({ sessionTitle: session.title, senderName: me, streamerName: streamer });
    expect(item?.claimedByName).toBe(rev);
    expect(item?.ruleNames.length).toBeGreaterThan(0);
    for (const rule of item?.ruleNames ?? []) {
      expect(rule.id).toMatch(/^[A-Z]{2,6}-\d{3}$/);
      expect(rule.zh).not.toMatch(/\{matched\}|“”/);
      expect(rule.zh.length).toBeGreaterThan(2);
    }
    const detail = await p.call(reviewer, 'GET', `/api/review/items/${r.reviewItemId}`);
    expect(detail.body.rules[0]).toMatchObject({ nameZh: expect.any(String), nameEn: expect.any(String) });
    expect(detail.body.event.sessionTitle).toBe(session.title);
  });
});

describe('batch decisions', () => {
  it('dismisses selected items in one request, each audited', async () => {
    const a = await chat('加我薇信 batch-a1 便宜', consumer.me.user.id);
    const b = await chat('加我薇信 batch-b2 便宜', consumer.me.user.id);
    const res = await batch(reviewer, { decision: 'dismiss', reason: '模拟观众刷屏，已处理', ids: [a.reviewItemId, b.reviewItemId] });
    expect(res.statusCode).toBe(200);
    expect(res.json().count).toBe(2);
    for (const id of [a.reviewItemId, b.reviewItemId]) {
      expect((await itemOf(id as string))?.status).toBe('dismissed');
    }
    const audit = await p.c.uow.read.audit.list({ limit: 50, action: 'review.dismiss' });
    const mine = audit.filter((e) => e.targetId === a.reviewItemId || e.targetId === b.reviewItemId);
    expect(mine).toHaveLength(2);
    for (const e of mine) expect(e.detail).toMatchObject({ batch: true, batchSize: 2, reason: '模拟观众刷屏，已处理' });
  });

  it('confirms in a batch: each item becomes a violation with evidence counting its repeats', async () => {
    const a = await chat('加我薇信 confirm-1 私下付款', consumer.me.user.id);
    await chat('加我薇信 confirm-1 私下付款', consumer.me.user.id);
    const res = await batch(reviewer, { decision: 'confirm', reason: '站外导流，刷屏', ids: [a.reviewItemId] });
    expect(res.statusCode).toBe(200);
    const [decided] = res.json().items;
    expect(decided).toMatchObject({
      status: 'confirmed',
      violationId: expect.any(String),
      evidenceHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const verify = await p.call(reviewer, 'GET', '/api/evidence/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('is all or nothing: an item decided by someone else meanwhile is reported and nothing changes', async () => {
    const a = await chat('加我薇信 stale-a 便宜', consumer.me.user.id);
    const b = await chat('加我薇信 stale-b 便宜', consumer.me.user.id);
    const c = await chat('加我薇信 stale-c 便宜', consumer.me.user.id);
    const byAdmin = await p.call(admin, 'POST', `/api/review/items/${b.reviewItemId}/decide`, {
      decision: 'confirm',
      reason: '管理员先处理了',
    });
    expect(byAdmin.status).toBe(200);
    const res = await batch(reviewer, { decision: 'dismiss', reason: '批量忽略', ids: [a.reviewItemId, b.reviewItemId, c.reviewItemId] });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('review.batch_conflict');
    expect(err.field).toBe('ids');
    expect(err.message).toContain('1');
    const adminName = (await p.c.uow.read.users.findById(admin.me.user.id))?.displayName;
    expect(err.details.conflicts).toEqual([
      { id: b.reviewItemId, code: 'review.already_decided', by: admin.me.user.id, byName: adminName },
    ]);
    expect((await itemOf(a.reviewItemId as string))?.status).toBe('open');
    expect((await itemOf(b.reviewItemId as string))?.status).toBe('confirmed');
    expect((await itemOf(c.reviewItemId as string))?.status).toBe('open');
  });

  it('decides all undecided items matching a filter as of the list the reviewer saw', async () => {
    // a category of its own for this test: prohibited goods
    const a = await chat('出售仿真枪 filter-a', consumer.me.user.id);
    const b = await chat('出售仿真枪 filter-b', consumer.me.user.id);
    const seen = await queue('status=pending&category=prohibited_goods&limit=200');
    const seenIds = seen.items.map((i) => i.id);
    expect(seenIds).toEqual(expect.arrayContaining([a.reviewItemId, b.reviewItemId]));
    // arrives after the reviewer loaded the list: a batch on "all matching" must not touch it
    await new Promise((r) => setTimeout(r, 5));
    const late = await chat('出售仿真枪 filter-late', consumer.me.user.id);
    const res = await batch(reviewer, {
      decision: 'dismiss',
      reason: '演示数据',
      filter: { category: 'prohibited_goods', asOf: seen.generatedAt },
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([...seenIds].sort());
    expect((await itemOf(late.reviewItemId as string))?.status).toBe('open');
  });

  it('answers bad batch requests with a field-level error', async () => {
    const neither = await batch(reviewer, { decision: 'dismiss', reason: '缺少目标' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error).toMatchObject({ code: 'request.invalid', field: 'ids' });
    const tooMany = await batch(reviewer, {
      decision: 'dismiss',
      reason: '太多了',
      ids: Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toBe('ids');
    const unknown = await batch(reviewer, { decision: 'dismiss', reason: '不存在', ids: ['00000000-0000-4000-8000-000000000001'] });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error.details.conflicts[0]).toMatchObject({ code: 'review.not_found' });
    const nothing = await batch(reviewer, {
      decision: 'dismiss',
      reason: '空的筛选',
      filter: { category: 'price_fraud', minSeverity: 4, asOf: '2000-01-01T00:00:00Z' },
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error).toMatchObject({ code: 'review.batch_empty', field: 'filter' });
    const en = await p.app.inject({
      method: 'POST',
      url: '/api/review/items/batch-decide',
      headers: { ...reviewer.headers(), 'accept-language': 'en-US' },
      payload: { decision: 'dismiss', reason: 'empty', filter: { category: 'price_fraud', minSeverity: 4, asOf: '2000-01-01T00:00:00Z' } },
    });
    expect(en.json().error.message).toMatch(/No undecided/);
    const merchant = await p.login('merchant');
    expect((await batch(merchant, { decision: 'dismiss', reason: '越权', ids: ['00000000-0000-4000-8000-000000000001'] })).statusCode).toBe(
      403,
    );
  });
});
