/**
 * Live sessions through the API: scheduling with products, the pre-live checklist (a product without an agreement
 * in force blocks going live, with the reason), going live, samples counted as featured, the stream key and the
 * media server's publish authentication (a wrong key is refused and audited), ending with a 3-year retention —
 * which the session's recordings share.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let streamer: TestSession;
let otherStreamer: TestSession;
let merchant: TestSession;
let consumer: TestSession;

const call = (s: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => p.call(s, method, url, payload);

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [admin, streamer, otherStreamer, merchant, consumer] = await p.loginAll('admin', 'streamer', 'streamer_0003', 'merchant', 'consumer');
});
afterAll(async () => p?.close());

describe('live sessions', () => {
  it('goes live only when every product has an agreement in force; then the room is public', async () => {
    // the demo streamer's agreement in force with the demo merchant covers two products
    const agreements = (await call(streamer, 'GET', '/api/agreements?status=in_force')).body;
    const agreed: string[] = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
    expect(agreed.length).toBe(2);
    // a pool product the streamer has no agreement for
    const pool = (await call(streamer, 'GET', '/api/selection/search?q=%E7%8C%95%E7%8C%B4%E6%A1%83')).body.items;
    const unagreed = pool[0].productId as string;

    const bad = await call(streamer, 'POST', '/api/live/sessions', { title: '周三穿搭专场', scheduledAt: 'tomorrow', productIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('scheduledAt');
    const dup = await call(streamer, 'POST', '/api/live/sessions', {
      title: '周三穿搭专场',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      productIds: [agreed[0], agreed[0]],
    });
    expect(dup.body.error.field).toBe('productIds');
    const coHost = await call(streamer, 'POST', '/api/live/sessions', {
      title: '周三穿搭专场',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      coHostUserIds: [consumer.me.user.id],
    });
    expect(coHost.body.error.field).toBe('coHostUserIds.0');
    expect(
      (await call(consumer, 'POST', '/api/live/sessions', { title: '消费者不能开播', scheduledAt: new Date().toISOString() })).status,
    ).toBe(403);

    const created = await call(streamer, 'POST', '/api/live/sessions', {
      title: '周三穿搭专场',
      scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      productIds: [...agreed, unagreed],
    });
    expect(created.status).toBe(201);
    const id = created.body.session.id as string;
    expect(created.body.stream).toMatchObject({ ingestUrl: 'rtmp://localhost:1935/live', streamKey: expect.stringMatching(/^lh_/) });
    // a scheduled session is not public
    expect((await call(consumer, 'GET', `/api/live/sessions/${id}`)).status).toBe(404);
    expect((await call(otherStreamer, 'GET', `/api/live/sessions/${id}`)).status).toBe(404);
    // the merchant of its products sees it
    expect((await call(merchant, 'GET', `/api/live/sessions/${id}`)).status).toBe(200);

    const checklist = (await call(streamer, 'GET', `/api/live/sessions/${id}/checklist`)).body as Array<{
      key: string;
      ok: boolean;
      productId: string | null;
    }>;
    expect(checklist.find((i) => i.key === 'streamer_certified')?.ok).toBe(true);
    expect(checklist.filter((i) => i.key === 'agreement_in_force' && !i.ok).map((i) => i.productId)).toEqual([unagreed]);
    const refused = await call(streamer, 'POST', `/api/live/sessions/${id}/start`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'live.checks_failed', details: { items: ['agreement_in_force'] } });
    expect(refused.body.error.message).toContain('没有生效的直播服务协议');

    // the shipped demo sample arrives; going live counts it as featured
    const sample = (await call(streamer, 'GET', '/api/samples?status=shipped')).body[0];
    expect(agreed).toContain(sample.productId);
    await call(streamer, 'POST', `/api/samples/${sample.id}/actions`, { action: 'receive' });

    const fixed = await call(streamer, 'PUT', `/api/live/sessions/${id}/products`, { productIds: agreed });
    expect(fixed.body.products.length).toBe(2);
    const live = await call(streamer, 'POST', `/api/live/sessions/${id}/start`);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'live', startedAt: expect.any(String) });
    expect(live.body.products.every((x: { agreementId: string | null }) => x.agreementId !== null)).toBe(true);
    const featured = (await call(streamer, 'GET', `/api/samples/${sample.id}`)).body;
    expect(featured).toMatchObject({ status: 'featured', featuredIn: `live:${id}` });

    // live: public, listed; a product without agreement cannot be added now
    expect((await call(consumer, 'GET', `/api/live/sessions/${id}`)).body.title).toBe('周三穿搭专场');
    expect((await call(consumer, 'GET', '/api/live/sessions?scope=live')).body.map((s: { id: string }) => s.id)).toContain(id);
    // each product names its category: the shop's category tiles filter on it
    const onSale = (await call(consumer, 'GET', `/api/live/sessions/${id}`)).body.products as Array<{ categoryId: string | null }>;
    expect(onSale.length).toBeGreaterThan(0);
    expect(onSale.every((x) => typeof x.categoryId === 'string' && x.categoryId.length > 0)).toBe(true);
    const add = await call(streamer, 'PUT', `/api/live/sessions/${id}/products`, { productIds: [...agreed, unagreed] });
    expect(add.status).toBe(409);
    expect(add.body.error.field).toBe('productIds.2');
    // a second session cannot go live while this one is
    const second = await call(streamer, 'POST', '/api/live/sessions', {
      title: '加场',
      scheduledAt: new Date().toISOString(),
      productIds: [agreed[0]],
    });
    const secondStart = await call(streamer, 'POST', `/api/live/sessions/${second.body.session.id}/start`);
    expect(secondStart.body.error.details.items).toContain('not_live_elsewhere');

    // ended: kept three years; cannot end twice; another streamer cannot end it
    expect((await call(otherStreamer, 'POST', `/api/live/sessions/${id}/end`, {})).status).toBe(404);
    const ended = await call(streamer, 'POST', `/api/live/sessions/${id}/end`, {});
    expect(ended.body.status).toBe('ended');
    const years = (Date.parse(ended.body.retainUntil) - Date.parse(ended.body.endedAt)) / (365 * 86_400_000);
    expect(years).toBeGreaterThanOrEqual(3);
    expect((await call(streamer, 'POST', `/api/live/sessions/${id}/end`, {})).status).toBe(409);
    expect((await call(streamer, 'POST', `/api/live/sessions/${second.body.session.id}/end`, {})).body.status).toBe('cancelled');
  });

  it('authenticates publishing by the session’s stream key; a wrong or rotated key is refused and audited', async () => {
    const created = await call(streamer, 'POST', '/api/live/sessions', { title: '推流测试', scheduledAt: new Date().toISOString() });
    const id = created.body.session.id as string;
    const key = (await call(streamer, 'GET', `/api/live/sessions/${id}/stream-key`)).body.streamKey as string;
    expect(key).toBe(created.body.stream.streamKey);
    expect((await call(otherStreamer, 'GET', `/api/live/sessions/${id}/stream-key`)).status).toBe(404);
    expect((await call(admin, 'POST', '/api/live/publish-auth', { sessionId: id, key })).body).toEqual({ allowed: true });
    const wrong = await call(admin, 'POST', '/api/live/publish-auth', { sessionId: id, key: `${key}x` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('live.publish_refused');
    const rotated = (await call(streamer, 'POST', `/api/live/sessions/${id}/stream-key`)).body.streamKey;
    expect(rotated).not.toBe(key);
    expect((await call(admin, 'POST', '/api/live/publish-auth', { sessionId: id, key })).status).toBe(403);
    expect((await call(admin, 'POST', '/api/live/publish-auth', { sessionId: id, key: rotated })).status).toBe(200);
    const audit = (await call(admin, 'GET', '/api/audit?action=live.publish_refused')).body.items;
    expect(audit.length).toBe(2);
    // only the platform's media-server credential may ask
    expect((await call(streamer, 'POST', '/api/live/publish-auth', { sessionId: id, key: rotated })).status).toBe(403);
  });

  it('keeps a recording three years after it ended, and never less long than its session’s records', async () => {
    const created = await call(streamer, 'POST', '/api/live/sessions', { title: '录像留存', scheduledAt: new Date().toISOString() });
    const id = created.body.session.id as string;
    expect((await call(streamer, 'POST', `/api/live/sessions/${id}/start`)).status).toBe(200);
    const started = await p.c.live.recordingStarted(id, { source: 'embedded', filePath: `/srv/livehub/recordings/live/${id}/1.flv` });
    expect(started).toMatchObject({ sessionId: id, endedAt: null, bytes: null, sha256: null });
    const listed = (await call(streamer, 'GET', `/api/live/sessions/${id}/recordings`)).body;
    expect(listed).toEqual([expect.objectContaining({ id: started.id, endedAt: null, fileName: '1.flv', filePath: null })]);
    // the media server's report is checked
    await expect(p.c.live.recordingEnded(started.id, { bytes: 12, sha256: 'not-a-hash' })).rejects.toMatchObject({
      code: 'request.invalid',
    });
    await expect(
      p.c.live.recordingStarted('00000000-0000-7000-8000-000000000000', { source: 'external', filePath: null }),
    ).rejects.toMatchObject({ code: 'live.not_found' });

    const sha256 = 'ab'.repeat(32);
    const ended = await p.c.live.recordingEnded(started.id, { bytes: 1234, sha256 });
    expect(ended).toMatchObject({ bytes: 1234, sha256 });
    const endedAt = ended.endedAt as Date;
    const threeYears = new Date(endedAt);
    threeYears.setUTCFullYear(threeYears.getUTCFullYear() + 3);
    expect(ended.retainUntil.getTime()).toBeGreaterThanOrEqual(threeYears.getTime());
    // a repeated report changes nothing
    expect(await p.c.live.recordingEnded(started.id, { bytes: 1, sha256: null })).toEqual(ended);

    // the session ends later: its recordings are kept (at least) as long as its records
    await new Promise((r) => setTimeout(r, 20));
    const session = (await call(streamer, 'POST', `/api/live/sessions/${id}/end`, {})).body;
    expect(Date.parse(session.retainUntil)).toBeGreaterThan(ended.retainUntil.getTime());
    const [kept] = (await call(admin, 'GET', `/api/live/sessions/${id}/recordings`)).body;
    expect(kept).toMatchObject({
      bytes: 1234,
      sha256,
      filePath: `/srv/livehub/recordings/live/${id}/1.flv`,
      retainUntil: session.retainUntil,
    });

    // who may read them
    expect((await call(otherStreamer, 'GET', `/api/live/sessions/${id}/recordings`)).status).toBe(404);
    expect((await call(consumer, 'GET', `/api/live/sessions/${id}/recordings`)).status).toBe(403);
    const audit = (await call(admin, 'GET', '/api/audit?action=live.recording_start')).body.items;
    expect(audit[0]).toMatchObject({ targetId: id, actorLabel: 'system:media-server' });
  });
});
