/**
 * 实时监测大屏 through the API, on PGlite and PostgreSQL: the seeded live session (the demo district's 盐池滩羊 room)
 * with its paid order; screening hits sent through the compliance API, a report filed about the room and a complaint
 * against its merchant make it the riskiest room with its reasons in words; GMV and hits per minute, today's
 * counters, viewers from a real room connection, the room's district and base. The stream (Server-Sent Events) sends a snapshot at once and a fresh
 * one after a new hit goes through the outbox. Who may see it; a stream request that is not an EventSource.
 */
import type { WallSnapshot } from '@livehub/contracts';
import { createTestPlatform, drainOutbox, RoomTestClient, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payOnSimulator } from '../seed/seed-payments.ts';
import { person } from '../seed/seed-registry.ts';

let p: TestPlatform;
let base: string;
let regulator: TestSession;
let reviewer: TestSession;
let consumer: TestSession;
let sessionId: string;
let serial = 0;

const drain = () => drainOutbox(p.c);
const wall = async (s: TestSession = regulator) => {
  const r = await p.call(s, 'GET', '/api/supervision/wall');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as WallSnapshot;
};
/** a transcript segment of the room, screened through the compliance API as the media pipeline sends it */
const say = async (text: string) => {
  const r = await p.call(reviewer, 'POST', '/api/compliance/events', {
    eventId: `wall-test-${++serial}`,
    kind: 'transcript',
    text,
    sessionRef: sessionId,
    productCategory: 'food',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { hits: unknown[] };
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  base = await p.app.listen({ port: 0, host: '127.0.0.1' });
  [regulator, reviewer, consumer] = await Promise.all([p.login('regulator'), p.login('reviewer'), p.login('consumer')]);
  const live = await p.c.uow.read.wall.liveSessions(50);
  const lamb = live.find((s) => s.title.startsWith('盐池滩羊'));
  if (!lamb) throw new Error('the seed has no live 盐池滩羊 session');
  sessionId = lamb.id;
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('monitoring wall', () => {
  it('shows the live room as the riskiest, with its hits and report in words; the market per minute', async () => {
    const before = await wall();
    expect(before.minutes).toHaveLength(60);
    expect(before.counters.liveSessions).toBeGreaterThanOrEqual(1);

    expect((await say('这个苦瓜代餐粉能降血糖，喝一个月保证见效')).hits.length).toBeGreaterThan(0);
    expect((await say('这款产品能治疗糖尿病，是全网最低价')).hits.length).toBeGreaterThan(0);
    const filed = await p.call(consumer, 'POST', '/api/reports', {
      targetKind: 'live_session',
      targetId: sessionId,
      category: 'false_advertising',
      description: '主播宣称代餐粉能降血糖',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const viewer = new RoomTestClient(base, sessionId, consumer);
    await viewer.open;
    await viewer.welcome();
    try {
      const s = await wall();
      const room = s.rooms.find((r) => r.sessionId === sessionId);
      expect(room, JSON.stringify(s.rooms)).toBeDefined();
      if (!room) return;
      expect(s.rooms[0]?.score).toBe(room.score);
      expect(room.title).toContain('盐池滩羊');
      expect(room.streamerName).not.toBe('');
      expect(room.merchantNames.length).toBeGreaterThan(0);
      expect(room.viewers).toBe(1);
      expect(room.hits).toBeGreaterThanOrEqual(2);
      expect(room.reasons.some((r) => r.key === 'screening_hits' && r.zh.startsWith('近15分钟'))).toBe(true);
      expect(room.reasons).toContainEqual(expect.objectContaining({ key: 'reports', count: 1, zh: '本场直播被举报 1 次（虚假宣传）' }));
      expect(room.score).toBe(
        Math.min(
          100,
          room.reasons.reduce((n, r) => n + r.points, 0),
        ),
      );
      expect(room.score).toBeGreaterThan(0);
      // the room's paid orders are in its GMV, and in the market's GMV per minute (the seed paid them this hour)
      const paid = (await p.c.uow.read.orders.listOrders({ sessionId, limit: 500 })).filter((o) => o.paidAt !== null);
      expect(room.gmvFen).toBe(paid.reduce((n, o) => n + o.totalFen, 0));
      expect(room.gmvFen).toBeGreaterThan(0);
      expect(s.gmvPerMinute.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(room.gmvFen);
      expect(s.counters.gmvTodayFen).toBeGreaterThanOrEqual(s.gmvPerMinute.reduce((a, b) => a + b, 0));
      // the hits per minute: the two new events in the current minute, by category
      const nowMinute = s.hitsPerMinute.reduce((n, c) => n + (c.counts.at(-1) ?? 0), 0);
      const beforeMinute = before.hitsPerMinute.reduce((n, c) => n + (c.counts.at(-1) ?? 0), 0);
      expect(nowMinute - beforeMinute).toBeGreaterThanOrEqual(2);
      expect(s.hitsPerMinute.map((c) => c.category)).toContain('medical_claim');
      expect(s.counters.hitsToday).toBeGreaterThanOrEqual(before.counters.hitsToday + 2);
      expect(s.counters.reportsToday).toBe(before.counters.reportsToday + 1);
      expect(s.counters.viewers).toBeGreaterThanOrEqual(1);
      // by district and base: the room counted where its MCN's base is
      const district = s.byDistrict.find((a) => a.key === room.district);
      expect(district?.liveSessions).toBeGreaterThanOrEqual(1);
      expect(s.byBase.reduce((n, a) => n + a.liveSessions, 0)).toBe(s.counters.liveSessions);
      expect(s.byDistrict.reduce((n, a) => n + a.liveSessions, 0)).toBe(s.counters.liveSessions);
    } finally {
      viewer.close();
    }
  });

  it('counts a complaint against the room’s merchant among its reasons', async () => {
    const paid = (await p.c.uow.read.orders.listOrders({ sessionId, limit: 500 })).find(
      (o) => o.paidAt !== null && o.buyerUserId === consumer.me.user.id,
    );
    expect(paid).toBeDefined();
    const before = (await wall()).rooms.find((r) => r.sessionId === sessionId)?.reasons.find((r) => r.key === 'complaints')?.count ?? 0;
    const filed = await p.call(consumer, 'POST', '/api/complaints', {
      orderId: paid?.id,
      category: 'false_advertising',
      claim: { kind: 'refund', amountFen: 100 },
      description: '主播宣称能降血糖，与实际不符',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const room = (await wall()).rooms.find((r) => r.sessionId === sessionId);
    expect(room?.reasons).toContainEqual(
      expect.objectContaining({ key: 'complaints', count: before + 1, zh: `带货商家近30天被投诉 ${before + 1} 件` }),
    );
  });

  it('opens one room: its score and reasons, its screened transcript newest first with the hits', async () => {
    const r = await p.call(regulator, 'GET', `/api/supervision/wall/rooms/${sessionId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('live');
    expect(r.body.room.sessionId).toBe(sessionId);
    expect(r.body.room.reasons.map((x: { key: string }) => x.key)).toContain('screening_hits');
    const texts = r.body.events.map((e: { text: string }) => e.text);
    expect(texts.indexOf('这款产品能治疗糖尿病，是全网最低价')).toBeLessThan(texts.indexOf('这个苦瓜代餐粉能降血糖，喝一个月保证见效'));
    const hit = r.body.events.find((e: { text: string }) => e.text === '这个苦瓜代餐粉能降血糖，喝一个月保证见效');
    expect(hit.hits.length).toBeGreaterThan(0);
    expect((await p.call(regulator, 'GET', '/api/supervision/wall/rooms/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await p.call(consumer, 'GET', `/api/supervision/wall/rooms/${sessionId}`)).status).toBe(403);
  });

  it('is for regulators and the platform admin; bad stream requests are refused in words', async () => {
    expect((await wall(await p.login('admin'))).counters.liveSessions).toBeGreaterThanOrEqual(1);
    expect((await p.call(await p.login('merchant'), 'GET', '/api/supervision/wall')).status).toBe(403);
    expect((await p.call(null, 'GET', '/api/supervision/wall')).status).toBe(401);
    const plain = await p.call(regulator, 'GET', '/api/supervision/wall/stream');
    expect(plain.status).toBe(400);
    expect(plain.body.error).toMatchObject({ code: 'supervision.wall_stream_accept', field: 'accept' });
  });

  it('streams a snapshot at once and a fresh one after a new hit goes through the outbox', async () => {
    const ac = new AbortController();
    const res = await fetch(`${base}/api/supervision/wall/stream`, {
      headers: { cookie: regulator.cookie, accept: 'text/event-stream' },
      signal: ac.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const next = async (): Promise<WallSnapshot> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: snapshot') && data) return JSON.parse(data.slice(6)) as WallSnapshot;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    try {
      const first = await next();
      expect(first.rooms.some((r) => r.sessionId === sessionId)).toBe(true);
      await say('喝了保证治愈高血压');
      await drain();
      let fresh = await next();
      while (fresh.counters.hitsToday <= first.counters.hitsToday) fresh = await next();
      expect(fresh.counters.hitsToday).toBeGreaterThan(first.counters.hitsToday);
      expect(new Date(fresh.at).getTime()).toBeGreaterThanOrEqual(new Date(first.at).getTime());
    } finally {
      ac.abort();
      await reader.cancel().catch(() => {});
    }
  }, 60_000);

  it('tags the room selling the demo’s cross-border import with its mode and origin; honest sales add no risk', async () => {
    const room = (await wall()).rooms.find((r) => r.sessionId === sessionId);
    expect(room?.crossBorder).toEqual([
      expect.objectContaining({
        originCountry: 'NZ',
        originName: '新西兰',
        importMode: '1210',
        declaredValueFen: 14_000,
        flagged: false,
        openClue: false,
      }),
    ]);
    const productId = room?.crossBorder[0]?.productId as string;
    expect(room?.crossBorder[0]?.title).toContain('新西兰');
    // ten units bought in the room at its list price: counted, 1.2 × the declaration, not flagged
    const [sku] = await p.c.uow.read.catalog.listSkus([productId]);
    const order = await p.call(consumer, 'POST', '/api/orders', {
      lines: [{ skuId: sku?.id, qty: 10 }],
      address: { name: '王小明', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号' },
      sessionId,
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await payOnSimulator(p.c, person(consumer.me.user.id, 'consumer', null), order.body.id);
    const after = (await wall()).rooms.find((r) => r.sessionId === sessionId);
    expect(after?.crossBorder[0]).toMatchObject({ units: 10, medianFen: sku?.priceFen, flagged: false });
    expect(after?.reasons.some((r) => r.key === 'cross_border_under_declared')).toBe(false);
  });
});
