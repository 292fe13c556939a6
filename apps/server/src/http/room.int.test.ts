/**
 * The live-room gateway over real WebSockets: batched frames, chat screened inline (a blocked message never
 * reaches other viewers; the sender is told why; the streamer sees it), pinning by managers only, bad frames
 * answered without closing, rate limits and mutes (confirmed to the managers), resume after reconnecting, compliance
 * warnings from transcripts reaching the streamer, the viewer count sent only when it changed, and the room's end
 * with its statistics (peak and average viewers).
 */
import { createTestPlatform, type RoomFrame, RoomTestClient, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let base: string;
let streamer: TestSession;
let consumer: TestSession;
let reviewer: TestSession;
let sessionId: string;
let products: string[];

type Frame = RoomFrame;

/** The shared room client, on this file's server and session. */
class Client extends RoomTestClient {
  constructor(session: TestSession | null, after?: number) {
    super(base, sessionId, session, after !== undefined ? { after } : {});
  }
}

const hasEvent =
  (k: string, pred: (e: Record<string, unknown>) => boolean = () => true) =>
  (f: Frame) =>
    (f.t === 'batch' || f.t === 'missed') && (f.events as Array<Record<string, unknown>>).some((e) => e.k === k && pred(e));

const call = (s: TestSession, method: 'GET' | 'POST', url: string, payload?: unknown) => p.call(s, method, url, payload);

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  base = await p.app.listen({ port: 0, host: '127.0.0.1' });
  [streamer, consumer, reviewer] = await Promise.all([p.login('streamer'), p.login('consumer'), p.login('reviewer')]);
  const agreements = (await call(streamer, 'GET', '/api/agreements?status=in_force')).body;
  products = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
  const created = await call(streamer, 'POST', '/api/live/sessions', {
    title: '直播间网关测试',
    scheduledAt: new Date().toISOString(),
    productIds: products,
  });
  sessionId = created.body.session.id;
});
afterAll(async () => p?.close());

describe('live room gateway', () => {
  it('lets only the streamer into a scheduled room, everyone into a live one', async () => {
    const early = new Client(consumer);
    await early.open;
    await new Promise((r) => early.ws.once('close', r));
    expect(early.closed?.code).toBe(4404);
    const started = await call(streamer, 'POST', `/api/live/sessions/${sessionId}/start`);
    expect(started.status).toBe(200);
  });

  it('batches chat to every viewer; blocks violations inline; managers alone pin', async () => {
    const host = new Client(streamer);
    const viewer = new Client(consumer);
    const guest = new Client(null);
    await Promise.all([host.open, viewer.open, guest.open]);
    const welcome = await guest.next((f) => f.t === 'welcome');
    expect(welcome).toMatchObject({ sessionId, title: '直播间网关测试', you: { userId: null, canManage: false } });
    // a guest learns where the video plays from the welcome (playback is not authenticated)
    expect((welcome.playback as { flv: string }).flv).toMatch(new RegExp(`/live/${sessionId}\\.flv$`));
    expect((await host.next((f) => f.t === 'welcome')).you).toMatchObject({ canManage: true });
    // …and that nobody publishes it yet; the stream going on air and dropping reaches every viewer
    expect(welcome.stream).toBe('off');
    await p.c.rooms.streamChanged(sessionId, true);
    await guest.next(hasEvent('stream', (e) => e.on === true));
    await p.c.rooms.streamChanged(sessionId, false);
    await guest.next(hasEvent('stream', (e) => e.on === false));

    host.send({ t: 'pin', productId: products[0] });
    const pinned = await guest.next(hasEvent('pinned'));
    expect(JSON.stringify(pinned)).toContain(products[0]);

    viewer.send({ t: 'chat', text: '这件衣服质量怎么样？' });
    await guest.next(hasEvent('chat', (e) => e.text === '这件衣服质量怎么样？'));
    await host.next(hasEvent('chat', (e) => e.text === '这件衣服质量怎么样？'));

    // off-platform diversion in chat: blocked for everyone but the sender, who is told why; the streamer sees it
    viewer.send({ t: 'chat', text: '想要的加我微信 vx12345678 私聊便宜' });
    const blocked = await viewer.next((f) => f.t === 'blocked');
    expect(blocked.ruleIds).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z]+-\d+/)]));
    expect((blocked.reason as { zh: string }).zh.length).toBeGreaterThan(0);
    const staff = await host.next((f) => f.t === 'staff');
    expect(JSON.stringify(staff)).toContain('blocked_chat');
    viewer.send({ t: 'chat', text: '好的谢谢' });
    await guest.next(hasEvent('chat', (e) => e.text === '好的谢谢'));
    expect(guest.chatTexts()).not.toContain('想要的加我微信 vx12345678 私聊便宜');
    expect(guest.frames.some((f) => f.t === 'staff')).toBe(false);

    // guests cannot chat; viewers cannot pin; bad frames get an error and the socket stays usable
    guest.send({ t: 'chat', text: '游客发言' });
    expect((await guest.next((f) => f.t === 'error' && f.code === 'room.sign_in_required')).message).toContain('登录');
    viewer.send({ t: 'pin', productId: products[0] });
    await viewer.next((f) => f.t === 'error' && f.code === 'room.forbidden');
    viewer.send('{not json');
    await viewer.next((f) => f.t === 'error' && f.code === 'room.malformed');
    viewer.send({ t: 'go_live' });
    await viewer.next((f) => f.t === 'error' && f.code === 'room.invalid');
    viewer.send({ t: 'chat', text: 'x'.repeat(5000) });
    await viewer.next((f) => f.t === 'error' && f.code === 'room.frame_too_large');
    viewer.send({ t: 'ping' });
    await viewer.next((f) => f.t === 'pong');
    expect(viewer.closed).toBeNull();

    // flooding: the sixth message within the window is refused
    for (let i = 0; i < 6; i++) viewer.send({ t: 'chat', text: `刷屏${i}` });
    await viewer.next((f) => f.t === 'error' && f.code === 'room.rate_limited');

    // muted by the streamer, who gets the room's confirmation once the mute is in force: the viewer's chat is then
    // refused with the time it ends
    const isMute = (k: string) => (f: Frame) => f.t === 'staff' && (f.events as Array<{ k: string }>).some((e) => e.k === k);
    host.send({ t: 'mute', userId: consumer.me.user.id, seconds: 60 });
    const muted = ((await host.next(isMute('muted'))).events as Array<Record<string, unknown>>).find((e) => e.k === 'muted');
    expect(muted).toMatchObject({ uid: consumer.me.user.id, by: streamer.me.user.id, byName: expect.stringMatching(/\S/) });
    viewer.send({ t: 'chat', text: '被禁言后发言' });
    expect((await viewer.next((f) => f.t === 'muted')).until).toBe(muted?.until);
    host.send({ t: 'unmute', userId: consumer.me.user.id });
    await host.next(isMute('unmuted'));
    // only managers hear of it
    expect(viewer.frames.some((f) => f.t === 'staff') || guest.frames.some((f) => f.t === 'staff')).toBe(false);
    for (const c of [host, viewer, guest]) c.ws.close();
  });

  it('resumes a reconnecting viewer from the last seq it saw', async () => {
    const host = new Client(streamer);
    const guest = new Client(null);
    await Promise.all([host.open, guest.open]);
    // everyone left the room before: the pinned product comes back from the session record
    const welcome = await guest.next((f) => f.t === 'welcome');
    expect((welcome.pinned as { productId: string } | null)?.productId).toBe(products[0]);
    host.send({ t: 'chat', text: '第一条' });
    const first = await guest.next(hasEvent('chat', (e) => e.text === '第一条'));
    const lastSeq = Math.max(...(first.events as Array<{ seq: number }>).map((e) => e.seq));
    guest.ws.close();
    host.send({ t: 'chat', text: '断线期间的消息' });
    await host.next(hasEvent('chat', (e) => e.text === '断线期间的消息'));
    const back = new Client(null, lastSeq);
    await back.open;
    const missed = await back.next((f) => f.t === 'missed');
    expect((missed.events as Array<{ text?: string }>).map((e) => e.text)).toContain('断线期间的消息');
    expect(missed.complete).toBe(true);
    host.ws.close();
    back.ws.close();
  });

  it('shows a new price in the room the moment the merchant changes it', async () => {
    const merchant = await p.login('merchant');
    const product = await p.c.uow.read.catalog.findProduct(products[0] as string);
    expect(product?.merchantOrgId).toBe(merchant.me.active?.orgId);
    const sku = (await p.c.uow.read.catalog.listSkus([products[0] as string]))[0];
    if (!sku) throw new Error('no sku');
    const guest = new Client(null);
    await guest.open;
    await guest.next((f) => f.t === 'welcome');
    const newPrice = Math.max(1, sku.priceFen - 100);
    const res = await p.app.inject({
      method: 'PATCH',
      url: `/api/catalog/products/${products[0]}/skus/${sku.id}`,
      headers: merchant.headers(true),
      payload: { priceFen: newPrice },
    });
    expect(res.statusCode).toBe(200);
    const frame = await guest.next(hasEvent('price', (e) => e.productId === products[0]));
    const e = (frame.events as Array<{ k: string; priceFen: number }>).find((x) => x.k === 'price');
    expect(e?.priceFen).toBeLessThanOrEqual(newPrice);
    guest.ws.close();
  });

  it('warns the streamer within a second of a violating transcript, then ends the room for everyone', async () => {
    const host = new Client(streamer);
    const guest = new Client(null);
    await Promise.all([host.open, guest.open]);
    await host.next((f) => f.t === 'welcome');
    await guest.next((f) => f.t === 'welcome');

    // two more viewer samples with the same two viewers: a client hears the count again only when it changed
    const samples = () => p.c.kv.counters.get(`room:${sessionId}:viewers_samples`).then((n) => n ?? 0);
    const before = await samples();
    await expect.poll(samples, { timeout: 20_000, interval: 200 }).toBeGreaterThanOrEqual(before + 2);
    for (const c of [host, guest]) {
      const told = c.frames.filter((f) => f.t === 'welcome' || f.t === 'viewers').map((f) => (f.t === 'welcome' ? f.viewers : f.n));
      expect(
        told.every((n, i) => i === 0 || n !== told[i - 1]),
        JSON.stringify(told),
      ).toBe(true);
    }

    const t0 = Date.now();
    const ingest = await call(reviewer, 'POST', '/api/compliance/events', {
      eventId: `asr-${Date.now()}`,
      kind: 'transcript',
      text: '这款面霜用了以后皮肤病都能根治，全网最低价',
      sessionRef: sessionId,
    });
    expect(ingest.status).toBe(201);
    const warning = await host.next((f) => f.t === 'staff' && JSON.stringify(f).includes('"warning"'), 1500);
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(JSON.stringify(warning)).toContain('transcript');
    expect(guest.frames.some((f) => f.t === 'staff')).toBe(false);

    const ended = await call(streamer, 'POST', `/api/live/sessions/${sessionId}/end`, {});
    expect(ended.body.status).toBe('ended');
    expect(ended.body.stats.chatMessages).toBeGreaterThanOrEqual(4);
    // sampled while one to three clients were in the room
    expect(ended.body.stats.avgViewers).toBeGreaterThanOrEqual(1);
    expect(ended.body.stats.avgViewers).toBeLessThanOrEqual(ended.body.stats.peakViewers);
    const stored = await p.c.uow.read.live.findSession(sessionId);
    expect(stored?.avgViewers).toBe(ended.body.stats.avgViewers);
    await guest.next(hasEvent('ended'));
    await new Promise((r) => setTimeout(r, 200));
    expect(guest.closed?.code).toBe(1000);
    const late = new Client(null);
    await late.open.catch(() => {});
    await new Promise((r) => late.ws.once('close', r));
    expect(late.closed?.code).toBe(4404);
  });
});
