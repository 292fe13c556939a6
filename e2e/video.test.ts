/**
 * Video ingest and playback end to end: a platform and its embedded media server on free ports; the demo streamer
 * schedules a session and goes live; `livehub stream-test` (ffmpeg) publishes a test pattern over RTMP and HTTP-FLV
 * bytes come back from the session's playback URL — the FLV signature, then audio and video tags. A wrong key is
 * refused (ffmpeg stops with an error) and audited as `live.publish_refused`; ending the session cuts the stream;
 * an ended session accepts no stream at all. Then a guest's phone (Chromium) opens the room of a live session while
 * ffmpeg pushes, and the page plays the video (mpegts.js over HTTP-FLV): the first frame replaces the poster, the
 * pinned product and the danmaku stay over it, the sound can be turned on, and the poster is back once the session
 * ends. Its screenshot goes to <tmpdir>/livehub-live-screenshots/viewer-room-video.png. The accepted stream is recorded:
 * once it is cut, the session has one recording — its FLV file on disk, its size and SHA-256 those of the file, kept
 * at least three years after it ended — and the refused publishers left none.
 *
 * Needs ffmpeg: skipped outside CI without it (with a note), failing under CI=true; the browser part needs Chromium
 * likewise.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveRecordingView } from '@livehub/contracts';
import { type MediaServer, type PublishGate, publishGate, type RecordingSink, recordingSink, startMediaServer } from '@livehub/server';
import { createTestPlatform, type TestSession } from '@livehub/server/testing';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BrowserHarness } from './helpers/browser.ts';
import { browserAvailable, ffmpegStatus, type TestServer } from './helpers/test-server.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/bin/livehub.mjs');
const ffmpeg = ffmpegStatus();
if (ffmpeg === 'skip') process.stderr.write('video tests skipped: ffmpeg not found on PATH (apt-get install ffmpeg)\n');

let server: TestServer;
let media: MediaServer;
let harness: BrowserHarness | undefined;
let streamer: TestSession;
let admin: TestSession;
const mediaLog: string[] = [];
const recordDir = mkdtempSync(join(tmpdir(), 'livehub-recordings-'));

async function api<T>(s: TestSession, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...s.headers(method !== 'GET'), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

interface Pushed {
  child: ChildProcess;
  done: Promise<{ code: number | null; err: string }>;
}

/** `livehub stream-test` against the test media server. */
function push(sessionId: string, key: string, seconds: number): Pushed {
  const child = spawn(
    process.execPath,
    [
      bin,
      'stream-test',
      '--session',
      sessionId,
      '--key',
      key,
      '--seconds',
      String(seconds),
      '--ingest',
      `rtmp://127.0.0.1:${media.rtmpPort}/live`,
    ],
    { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const done = new Promise<{ code: number | null; err: string }>((resolve) => child.on('exit', (code) => resolve({ code, err })));
  return { child, done };
}

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${mediaLog.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface FlvRead {
  signature: string;
  flags: number;
  tags: Record<number, number>;
  firstVideo: number | null;
  firstAudio: number | null;
}

/** Reads the HTTP-FLV stream until enough audio and video tags have arrived (or the time is up), then hangs up. */
async function readFlv(url: string, want = { audio: 10, video: 10 }, ms = 15_000): Promise<FlvRead> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  const out: FlvRead = { signature: '', flags: 0, tags: {}, firstVideo: null, firstAudio: null };
  let buf = Buffer.alloc(0);
  let off = 13; // FLV header (9 bytes) and PreviousTagSize0
  try {
    const res = await fetch(url, { signal: abort.signal });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    while ((out.tags[8] ?? 0) < want.audio || (out.tags[9] ?? 0) < want.video) {
      const { value, done } = await reader.read();
      if (done) break;
      buf = Buffer.concat([buf, value]);
      if (buf.length >= 9 && !out.signature) {
        out.signature = buf.subarray(0, 3).toString('latin1');
        out.flags = buf[4] ?? 0;
      }
      while (off + 11 <= buf.length) {
        const type = buf[off] ?? 0;
        const size = buf.readUIntBE(off + 1, 3);
        if (off + 11 + size + 4 > buf.length) break;
        out.tags[type] = (out.tags[type] ?? 0) + 1;
        if (type === 9 && out.firstVideo === null) out.firstVideo = buf[off + 11] ?? null;
        if (type === 8 && out.firstAudio === null) out.firstAudio = buf[off + 11] ?? null;
        off += 11 + size + 4;
      }
    }
  } catch (e) {
    if (!abort.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return out;
}

async function refusalsFor(sessionId: string): Promise<number> {
  const { items } = (await api<{ items: Array<{ targetId: string }> }>(admin, 'GET', '/api/audit?action=live.publish_refused&limit=200'))
    .body;
  return items.filter((a) => a.targetId === sessionId).length;
}

/** A session of the demo streamer, live, with its stream key and playback URLs. */
async function goLive(title: string, productIds: string[] = []) {
  const created = await api<{
    session: { id: string; playback: { flv: string; hls: string | null } };
    stream: { streamKey: string; streamName: string };
  }>(streamer, 'POST', '/api/live/sessions', { title, scheduledAt: new Date().toISOString(), productIds });
  expect(created.status).toBe(201);
  const started = await api<{ status: string }>(streamer, 'POST', `/api/live/sessions/${created.body.session.id}/start`);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  expect(started.body.status).toBe('live');
  return created.body;
}

/** What the test reads of the page's `<video>` (this file is type-checked without the DOM library). */
interface VideoElement {
  videoWidth: number;
  videoHeight: number;
  muted: boolean;
  currentTime: number;
}

describe.skipIf(ffmpeg === 'skip')('video ingest (RTMP) and playback (HTTP-FLV)', () => {
  beforeAll(async () => {
    if (ffmpeg !== 'ok') return; // the test fails below, as a test (CI counts tests)
    // The sessions' playback URLs name the media server's port, so it starts first; its gate reaches the platform
    // once that exists (nothing publishes before).
    let gate: PublishGate | null = null;
    let sink: RecordingSink | null = null;
    const noSink = () => Promise.reject(new Error('the platform is not up yet'));
    const line = (level: string) => (o: object, msg: string) => void mediaLog.push(`${level} ${msg} ${JSON.stringify(o)}`);
    media = await startMediaServer({
      host: '127.0.0.1',
      rtmpPort: 0,
      flvPort: 0,
      gate: {
        authorize: (sessionId, key, from) => gate?.authorize(sessionId, key, from) ?? Promise.resolve(false),
        stillAllowed: (sessionId, key) => gate?.stillAllowed(sessionId, key) ?? Promise.resolve(false),
      },
      log: { info: line('info'), warn: line('warn'), debug: line('debug') },
      recheckMs: 500,
      recordDir,
      recordings: {
        started: (sessionId, filePath) => sink?.started(sessionId, filePath) ?? noSink(),
        ended: (recordingId, file) => sink?.ended(recordingId, file) ?? noSink(),
      },
      // as `livehub serve` wires it: rooms learn when the stream goes on air and when it drops
      onStream: (sessionId, on) => void server?.platform.c.rooms.streamChanged(sessionId, on).catch(() => {}),
    });
    const platform = await createTestPlatform({
      seed: true,
      serveWeb: true,
      env: { LIVEHUB_PLAYBACK_BASE_URL: `http://127.0.0.1:${media.flvPort}/live` },
    });
    gate = publishGate(platform.c);
    sink = recordingSink(platform.c);
    platform.c.rooms.trackStreams();
    const baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    server = { baseUrl, platform, close: () => platform.close() };
    [streamer, admin] = await Promise.all([server.platform.login('streamer'), server.platform.login('admin')]);
  });
  afterAll(async () => {
    await harness?.close();
    await media?.close();
    await server?.close();
    rmSync(recordDir, { recursive: true, force: true });
  });

  it('publishes a test pattern with the session’s key and plays it back as FLV; a wrong key is refused and audited', async () => {
    if (ffmpeg !== 'ok') throw new Error('ffmpeg not found on PATH: CI=true forbids skipping the video tests (apt-get install ffmpeg)');
    const created = await goLive('视频推流测试');
    const id = created.session.id;
    const key = created.stream.streamKey;
    expect(created.stream.streamName).toBe(`${id}?key=${key}`);
    const playback = created.session.playback;
    expect(playback.flv).toBe(`http://127.0.0.1:${media.flvPort}/live/${id}.flv`);

    // a wrong key: refused before any media is accepted, ffmpeg stops with an error, the refusal is audited
    const before = await refusalsFor(id);
    const wrong = await push(id, `${key}x`, 10).done;
    expect(wrong.code, wrong.err).not.toBe(0);
    expect(wrong.err).toMatch(/refused/);
    expect(media.publishing()).not.toContain(id);
    expect(await refusalsFor(id)).toBe(before + 1);
    // … and left no recording: no file, no row
    expect(existsSync(join(recordDir, 'live', id))).toBe(false);
    expect((await api<LiveRecordingView[]>(streamer, 'GET', `/api/live/sessions/${id}/recordings`)).body).toEqual([]);

    // the right key: the stream is accepted and plays back from the media server's HTTP-FLV port
    const right = push(id, key, 60);
    try {
      await until('the publish to be accepted', () => media.publishing().includes(id));
      const flv = await readFlv(playback.flv);
      expect(flv.signature).toBe('FLV');
      expect(flv.flags & 0x05).toBe(0x05); // audio and video
      expect(flv.tags[9] ?? 0, JSON.stringify(flv.tags)).toBeGreaterThanOrEqual(10);
      expect(flv.tags[8] ?? 0, JSON.stringify(flv.tags)).toBeGreaterThanOrEqual(10);
      expect((flv.firstVideo ?? 0) & 0x0f).toBe(7); // H.264 (AVC)
      expect((flv.firstAudio ?? 0) >> 4).toBe(10); // AAC

      // ending the session cuts the stream within the re-check interval
      const ended = await api<{ status: string }>(streamer, 'POST', `/api/live/sessions/${id}/end`, {});
      expect(ended.body.status).toBe('ended');
      const cut = await Promise.race([right.done, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
      expect(cut, 'the stream was not cut after the session ended').not.toBeNull();
      expect(cut?.code).not.toBe(0);
      await until('the stream to be dropped', () => !media.publishing().includes(id));
    } finally {
      right.child.kill('SIGKILL');
    }

    // an ended session accepts no stream, whatever the key
    const late = await push(id, key, 5).done;
    expect(late.code, late.err).not.toBe(0);
    expect(await refusalsFor(id)).toBe(before + 2);

    // the accepted stream was recorded: one recording, closed once the stream was cut, its file hashed
    const recordings = async () => (await api<LiveRecordingView[]>(admin, 'GET', `/api/live/sessions/${id}/recordings`)).body;
    await expect.poll(async () => (await recordings()).map((r) => r.endedAt !== null), { timeout: 20_000 }).toEqual([true]);
    const [rec] = await recordings();
    if (!rec?.filePath || !rec.endedAt) throw new Error(`no closed recording: ${JSON.stringify(rec)}`);
    expect(rec.source).toBe('embedded');
    expect(rec.filePath.startsWith(join(recordDir, 'live', id))).toBe(true);
    // the refused publishers (before and after) left no file beside it
    expect(readdirSync(join(recordDir, 'live', id))).toEqual([rec.fileName]);
    const file = readFileSync(rec.filePath);
    expect(file.subarray(0, 3).toString('latin1')).toBe('FLV');
    expect(rec.bytes).toBe(statSync(rec.filePath).size);
    expect(rec.bytes ?? 0).toBeGreaterThan(0);
    expect(rec.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    // kept at least three years after it ended, and no shorter than the session's records
    const threeYears = new Date(rec.endedAt);
    threeYears.setUTCFullYear(threeYears.getUTCFullYear() + 3);
    expect(new Date(rec.retainUntil).getTime()).toBeGreaterThanOrEqual(threeYears.getTime());
    const session = (await api<{ retainUntil: string | null }>(streamer, 'GET', `/api/live/sessions/${id}`)).body;
    expect(session.retainUntil).not.toBeNull();
    expect(new Date(rec.retainUntil).getTime()).toBeGreaterThanOrEqual(new Date(session.retainUntil ?? 0).getTime());
    // the streamer sees the file's name, not where the server keeps it
    const mine = (await api<LiveRecordingView[]>(streamer, 'GET', `/api/live/sessions/${id}/recordings`)).body;
    expect(mine).toEqual([{ ...rec, filePath: null }]);
  });

  it.skipIf(!browserAvailable)(
    'a phone plays it in the room page: the first frame replaces the poster, the sound can be turned on',
    async () => {
      if (ffmpeg !== 'ok') throw new Error('ffmpeg not found on PATH: CI=true forbids skipping the video tests (apt-get install ffmpeg)');
      const agreements = (
        await api<Array<{ versions: Array<{ terms: { products: Array<{ productId: string }> } }> }>>(
          streamer,
          'GET',
          '/api/agreements?status=in_force',
        )
      ).body;
      const productId = agreements[0]?.versions[0]?.terms.products[0]?.productId;
      if (!productId) throw new Error('the demo streamer has no agreed product');
      const created = await goLive('视频播放测试 · 好物直播', [productId]);
      const id = created.session.id;
      const pushed = push(id, created.stream.streamKey, 300);
      let chatter: WebSocket | null = null;
      try {
        await until('the publish to be accepted', () => media.publishing().includes(id));
        harness = await BrowserHarness.start(server.baseUrl);
        // a guest on a phone: no account, the room's welcome names the stream
        const context = await harness.browser.newContext({
          locale: 'zh-CN',
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
        });
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.push(m.text());
        });
        await page.goto(`${server.baseUrl}/live/rooms/${id}`);
        await page.locator('[data-testid="room-page"][data-phase="open"]').waitFor({ timeout: 30_000 });
        const slot = page.getByTestId('flv-player-slot');
        expect(await slot.getAttribute('data-flv-url')).toBe(created.session.playback.flv);
        // decoding starts at the next keyframe: give it time
        await page.locator('[data-testid="flv-player-slot"][data-state="playing"]').waitFor({ timeout: 90_000 });
        expect(await slot.getAttribute('data-engine'), consoleErrors.join('\n')).toBe('mpegts');
        const video = page.getByTestId('room-video');
        const size = await video.evaluate((el) => {
          const v = el as unknown as VideoElement;
          return { w: v.videoWidth, h: v.videoHeight, muted: v.muted };
        });
        expect(size).toEqual({ w: 720, h: 1280, muted: true });
        // time moves on: frames keep arriving
        const time = () => video.evaluate((el) => (el as unknown as VideoElement).currentTime);
        const at = await time();
        await expect.poll(time, { timeout: 30_000 }).toBeGreaterThan(at);

        // the pinned product card and the danmaku stay over the playing video
        expect(await server.platform.c.rooms.pin(id, productId)).toBe(true);
        await page.locator(`[data-testid="pinned-card"][data-product-id="${productId}"]`).waitFor();
        const consumer = await server.platform.login('consumer');
        const ws = new WebSocket(`${server.baseUrl.replace(/^http/, 'ws')}/api/live/rooms/${id}/ws`, {
          headers: { cookie: consumer.cookie, origin: server.baseUrl },
        });
        chatter = ws;
        await new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
        ws.send(JSON.stringify({ t: 'chat', text: '画面好清楚！' }));
        const danmaku = page.locator('[data-testid="danmaku-item"]', { hasText: '画面好清楚！' });
        await danmaku.waitFor();
        // what a tap at the middle of an overlay's visible part hits is the overlay, not the video under it
        const onTop = (overlay: Locator) =>
          overlay.evaluate((el) => {
            el.style.pointerEvents = 'auto'; // danmaku let taps through; for this probe they take them
            const r = el.getBoundingClientRect();
            const view = el.ownerDocument.documentElement;
            const x = (Math.max(r.left, 0) + Math.min(r.right, view.clientWidth)) / 2;
            const y = (Math.max(r.top, 0) + Math.min(r.bottom, view.clientHeight)) / 2;
            const hit = r.left < view.clientWidth && r.right > 0 && el.contains(el.ownerDocument.elementFromPoint(x, y));
            el.style.pointerEvents = '';
            return hit;
          });
        expect(await onTop(page.getByTestId('pinned-card'))).toBe(true);
        expect(await onTop(page.getByTestId('player-unmute'))).toBe(true);
        // a danmaku flies in from the right edge (and may pass under the unmute button): once in the clear it shows
        await expect.poll(() => onTop(danmaku.first()), { timeout: 20_000 }).toBe(true);
        const shotDir = join(tmpdir(), 'livehub-live-screenshots');
        mkdirSync(shotDir, { recursive: true });
        await page.screenshot({ path: join(shotDir, 'viewer-room-video.png') });

        await page.getByTestId('player-unmute').click();
        await page.getByTestId('player-unmute').waitFor({ state: 'detached' });
        expect(await video.evaluate((el) => (el as unknown as VideoElement).muted)).toBe(false);

        // the session ends: the room says so and the player is gone, the poster back
        const ended = await api<{ status: string }>(streamer, 'POST', `/api/live/sessions/${id}/end`, {});
        expect(ended.body.status).toBe('ended');
        await page.getByTestId('room-ended').waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="flv-player-slot"][data-state="ended"]').waitFor();
        await context.close();
      } finally {
        chatter?.close();
        pushed.child.kill('SIGKILL');
      }
    },
  );
});
