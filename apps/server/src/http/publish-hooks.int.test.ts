/**
 * The publish callbacks of external RTMP servers: SRS (`http_hooks.on_publish`, JSON) and nginx-rtmp (`on_publish`,
 * form fields). Both carry the shared secret in the callback URL; the right key is allowed in the shape each server
 * expects, a wrong key is a 403 audited as `live.publish_refused`, and without the secret the routes look absent.
 * The session view carries the playback URLs. The same callbacks report recordings (SRS `on_dvr`, nginx-rtmp
 * `on_record_done`): each a closed recording of source `external`, kept at least three years, listed to the streamer
 * (file name only), its MCN and the platform; an unknown session is a 404 and records nothing.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'hook-secret-0123456789abcdef';
let p: TestPlatform;
let admin: TestSession;
let streamer: TestSession;
let id: string;
let key: string;

beforeAll(async () => {
  p = await createTestPlatform({
    seed: true,
    env: {
      LIVEHUB_PUBLISH_HOOK_SECRET: SECRET,
      LIVEHUB_PLAYBACK_BASE_URL: 'https://play.example.test/live/',
      LIVEHUB_HLS_BASE_URL: 'https://play.example.test/hls',
    },
  });
  [admin, streamer] = await Promise.all([p.login('admin'), p.login('streamer')]);
  const res = await p.call(streamer, 'POST', '/api/live/sessions', { title: '外部推流测试', scheduledAt: new Date().toISOString() });
  expect(res.status).toBe(201);
  const body = res.body;
  id = body.session.id;
  key = body.stream.streamKey;
  expect(body.session.playback).toEqual({
    flv: `https://play.example.test/live/${id}.flv`,
    hls: `https://play.example.test/hls/${id}.m3u8`,
  });
});
afterAll(async () => p?.close());

const srs = (payload: object, secret: string | null = SECRET) =>
  p.app.inject({
    method: 'POST',
    url: `/api/live/publish-hook/srs${secret === null ? '' : `?secret=${encodeURIComponent(secret)}`}`,
    payload,
    remoteAddress: '10.0.0.5',
  });
const nginx = (fields: Record<string, string>, secret: string | null = SECRET) =>
  p.app.inject({
    method: 'POST',
    url: `/api/live/publish-hook/nginx${secret === null ? '' : `?secret=${encodeURIComponent(secret)}`}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: '10.0.0.6',
  });

async function refusals(): Promise<Array<{ targetId: string | null; actorLabel: string }>> {
  const res = await p.call(admin, 'GET', '/api/audit?action=live.publish_refused');
  return res.body.items;
}

describe('publish callbacks of external media servers', () => {
  it('SRS: allows the session’s key with {code: 0}, refuses a wrong one with a 403 and an audit entry', async () => {
    // the platform is told about streams: before the first publish the room says nobody is on air
    expect(await p.c.rooms.streamState(id)).toBe('off');
    const ok = await srs({ action: 'on_publish', ip: '203.0.113.7', app: 'live', stream: id, param: `?key=${key}`, client_id: 'x' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ code: 0, msg: 'OK' });
    expect(await p.c.rooms.streamState(id)).toBe('on');

    const before = (await refusals()).length;
    const bad = await srs({ action: 'on_publish', ip: '203.0.113.8', app: 'live', stream: id, param: '?key=lh_wrong' });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.code).toBe('live.publish_refused');
    const audit = await refusals();
    expect(audit.length).toBe(before + 1);
    expect(audit[0]).toMatchObject({ targetId: id, actorLabel: 'system:media-server' });

    // no key, or a stream name that is no session
    expect((await srs({ action: 'on_publish', stream: id, param: '' })).statusCode).toBe(403);
    expect((await srs({ action: 'on_publish', stream: 'livestream', param: `?key=${key}` })).statusCode).toBe(403);
    // a refused publish leaves the accepted stream on air
    expect(await p.c.rooms.streamState(id)).toBe('on');
    // the stream went away: the room says the signal dropped
    expect((await srs({ action: 'on_unpublish', stream: id })).json()).toEqual({ code: 0, msg: 'OK' });
    expect(await p.c.rooms.streamState(id)).toBe('off');
    // other events are not refused here
    expect((await srs({ action: 'on_play', stream: id })).json()).toEqual({ code: 0, msg: 'ignored' });
  });

  it('nginx-rtmp: form fields; 2xx allows, 403 refuses and audits', async () => {
    const ok = await nginx({ call: 'publish', addr: '198.51.100.1', app: 'live', name: id, key, type: 'live', tcurl: 'rtmp://x/live' });
    expect(ok.statusCode).toBe(200);
    expect(await p.c.rooms.streamState(id)).toBe('on');
    const before = (await refusals()).length;
    const bad = await nginx({ call: 'publish', addr: '198.51.100.2', app: 'live', name: id, key: `${key}x` });
    expect(bad.statusCode).toBe(403);
    expect(await refusals()).toHaveLength(before + 1);
    expect((await nginx({ call: 'publish_done', app: 'live', name: id })).statusCode).toBe(200);
    expect(await p.c.rooms.streamState(id)).toBe('off');
  });

  it('without the shared secret the hooks answer like an unknown route, and the rest of the API stays JSON-only', async () => {
    expect((await srs({ action: 'on_publish', stream: id, param: `?key=${key}` }, null)).statusCode).toBe(404);
    expect((await srs({ action: 'on_publish', stream: id, param: `?key=${key}` }, 'wrong-secret')).statusCode).toBe(404);
    expect((await nginx({ call: 'publish', name: id, key }, null)).statusCode).toBe(404);
    const header = await p.app.inject({
      method: 'POST',
      url: '/api/live/publish-hook/srs',
      headers: { 'x-livehub-hook-secret': SECRET },
      payload: { action: 'on_publish', stream: id, param: `?key=${key}` },
    });
    expect(header.statusCode).toBe(200);
    // form bodies are parsed for the nginx hook only
    const form = await p.app.inject({
      method: 'POST',
      url: '/api/live/publish-auth',
      headers: { ...admin.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ sessionId: id, key }).toString(),
    });
    expect(form.statusCode).toBe(415);
  });

  it('an ended session refuses every key', async () => {
    const ended = await p.app.inject({ method: 'POST', url: `/api/live/sessions/${id}/end`, headers: streamer.headers(), payload: {} });
    expect(ended.statusCode).toBe(200);
    expect((await srs({ action: 'on_publish', stream: id, param: `?key=${key}` })).statusCode).toBe(403);
    expect((await nginx({ call: 'publish', name: id, key })).statusCode).toBe(403);
  });
});

describe('recording callbacks of external media servers', () => {
  const recordings = async (s: TestSession, sessionId = id) => {
    const res = await p.call(s, 'GET', `/api/live/sessions/${sessionId}/recordings`);
    return { status: res.status, body: res.body };
  };
  const threeYearsAfter = (iso: string) => {
    const d = new Date(iso);
    d.setUTCFullYear(d.getUTCFullYear() + 3);
    return d.getTime();
  };

  it('SRS on_dvr: a closed recording of source external, the file relative to cwd, kept three years after it ended', async () => {
    const before = (await recordings(admin)).body.length;
    const file = `./objs/nginx/html/live/${id}.1700000000000.flv`;
    const res = await srs({
      action: 'on_dvr',
      client_id: 'x',
      ip: '203.0.113.7',
      app: 'live',
      stream: id,
      param: '',
      cwd: '/usr/local/srs',
      file,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 0, msg: 'OK' });
    const list = (await recordings(admin)).body;
    expect(list).toHaveLength(before + 1);
    const rec = list.at(-1);
    expect(rec).toMatchObject({
      sessionId: id,
      source: 'external',
      filePath: `/usr/local/srs/objs/nginx/html/live/${id}.1700000000000.flv`,
      fileName: `${id}.1700000000000.flv`,
      bytes: null,
      sha256: null,
    });
    expect(rec.endedAt).not.toBeNull();
    expect(new Date(rec.retainUntil).getTime()).toBeGreaterThanOrEqual(threeYearsAfter(rec.endedAt));
    // reported after the end of a session that was never live (cancelled, no retention of its own): its own 3 years
    const session = (await p.app.inject({ method: 'GET', url: `/api/live/sessions/${id}`, headers: streamer.headers(false) })).json();
    expect(session).toMatchObject({ status: 'cancelled', retainUntil: null });

    const audit = await p.call(admin, 'GET', '/api/audit?action=live.recording_end');
    expect(audit.body.items[0]).toMatchObject({ targetId: id, actorLabel: 'system:media-server' });
  });

  it('nginx-rtmp on_record_done: the path reported; the streamer sees the file name only, the platform the path', async () => {
    const before = (await recordings(admin)).body.length;
    const res = await nginx({ call: 'record_done', app: 'live', name: id, recorder: 'all', path: `/var/rec/${id}-1700000000.flv` });
    expect(res.statusCode).toBe(200);
    const list = (await recordings(admin)).body;
    expect(list).toHaveLength(before + 1);
    expect(list.at(-1)).toMatchObject({ source: 'external', filePath: `/var/rec/${id}-1700000000.flv`, bytes: null, sha256: null });
    const mine = await recordings(streamer);
    expect(mine.status).toBe(200);
    expect(mine.body.at(-1)).toMatchObject({ fileName: `${id}-1700000000.flv`, filePath: null });
    expect(mine.body.every((r: { filePath: string | null }) => r.filePath === null)).toBe(true);
    // the regulator reads them, without the server's path
    const regulator = await p.login('regulator');
    const theirs = await recordings(regulator);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toHaveLength(list.length);
    expect(theirs.body.every((r: { filePath: string | null }) => r.filePath === null)).toBe(true);
  });

  it('needs the shared secret; an unknown session is a 404 and records nothing', async () => {
    const before = (await recordings(admin)).body.length;
    expect((await srs({ action: 'on_dvr', stream: id, file: '/x.flv' }, null)).statusCode).toBe(404);
    expect((await srs({ action: 'on_dvr', stream: id, file: '/x.flv' }, 'wrong-secret')).statusCode).toBe(404);
    expect((await nginx({ call: 'record_done', name: id, path: '/x.flv' }, null)).statusCode).toBe(404);
    const unknown = '00000000-0000-7000-8000-000000000000';
    const srsUnknown = await srs({ action: 'on_dvr', stream: unknown, file: '/x.flv' });
    expect(srsUnknown.statusCode).toBe(404);
    expect(srsUnknown.json().error.code).toBe('live.not_found');
    expect((await srs({ action: 'on_dvr', stream: 'livestream', file: '/x.flv' })).statusCode).toBe(404);
    expect((await nginx({ call: 'record_done', name: unknown, path: '/x.flv' })).statusCode).toBe(404);
    expect((await recordings(admin)).body).toHaveLength(before);
    expect((await recordings(admin, unknown)).status).toBe(404);
  });

  it('are listed to the session’s streamer, its MCN and the platform only', async () => {
    const other = await p.login('streamer_0003');
    expect((await recordings(other)).status).toBe(404);
    const session = (await p.app.inject({ method: 'GET', url: `/api/live/sessions/${id}`, headers: admin.headers(false) })).json();
    // the streamer's MCN reads them, another MCN does not
    const managers = await Promise.all(['mcn', 'mcn_0001', 'mcn_0002'].map((u) => p.login(u)));
    const own = managers.filter((m) => m.me.active?.orgId === session.mcnOrgId);
    expect(own).toHaveLength(1);
    for (const m of managers) expect((await recordings(m)).status).toBe(own.includes(m) ? 200 : 404);
    for (const role of ['consumer', 'merchant']) expect((await recordings(await p.login(role))).status).toBe(403);
  });
});

describe('hooks without a configured secret', () => {
  it('are absent', async () => {
    const q = await createTestPlatform({});
    try {
      const res = await q.app.inject({ method: 'POST', url: '/api/live/publish-hook/srs?secret=anything', payload: { stream: 'x' } });
      expect(res.statusCode).toBe(404);
    } finally {
      await q.close();
    }
  });
});
