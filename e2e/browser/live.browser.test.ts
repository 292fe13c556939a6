/**
 * Browser test of the live rooms (issue "Live rooms in real time"): the demo streamer opens the live console,
 * schedules a session with a product of their agreement in force, sees every pre-live check pass and the stream key,
 * goes live and pins the product; going live a second time is refused with the failed check shown. A consumer on a
 * phone finds the room from the shop page and sees the pinned product card with its price; a guest may watch but
 * not chat. Chat from another client (a `ws` viewer signed in as another consumer) reaches the viewer page and the
 * console; a violating message typed in the viewer page is blocked — the sender sees why, the other viewer never
 * gets it — and the console's warnings panel shows it; a violating transcript posted through the compliance API
 * (as reviewer, sessionRef = the session) appears there too. The streamer deletes a message, mutes a viewer (the
 * console shows the room's confirmation) and turns on slow mode; the viewer's socket drops and resumes from its last
 * seq without losing what was said meanwhile; the streamer ends the session and the viewer sees the room ended, the
 * console its statistics (peak and average viewers). Video playback in the room page is tested with a real stream in
 * e2e/video.test.ts. Screenshots go to <tmpdir>/livehub-live-screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type HttpAuth, openFromNav, pickFromSelect, signInHttp, toastsGone } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();

const shotDir = path.join(tmpdir(), 'livehub-live-screenshots');

const TITLE = '春季新品专场 · 好物直播';
const VIOLATION = '加我微信 vx12345678 私聊';
const TRANSCRIPT = '这款面霜用了以后皮肤病都能根治，全网最低价';

/** A screenshot once toasts have gone (and the pinned card has slid in). */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await toastsGone(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage });
}

type Auth = HttpAuth;
/** Signs in over HTTP (for the `ws` viewer and the reviewer's API call). */
const signIn = (username: string) => signInHttp(suite.baseUrl, username);

type Frame = { t: string } & Record<string, unknown>;
type Event = { k: string; seq: number } & Record<string, unknown>;

/** Another viewer of the room over a plain WebSocket: records every frame and waits for one that matches. */
class RoomClient {
  readonly frames: Frame[] = [];
  closedWith: number | null = null;
  readonly ws: WebSocket;
  readonly opened: Promise<void>;

  constructor(sessionId: string, auth: Auth) {
    this.ws = new WebSocket(`${suite.baseUrl.replace(/^http/, 'ws')}/api/live/rooms/${sessionId}/ws`, {
      headers: { cookie: auth.cookie, origin: suite.baseUrl },
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as Frame));
    this.ws.on('close', (code) => {
      this.closedWith = code;
    });
  }

  chat(text: string): void {
    this.ws.send(JSON.stringify({ t: 'chat', text }));
  }

  events(): Event[] {
    return this.frames.filter((f) => f.t === 'batch' || f.t === 'missed').flatMap((f) => f.events as Event[]);
  }

  async waitFor<T>(find: () => T | undefined, what: string, ms = 10_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`no ${what} in ${ms} ms; last frames ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** State the steps hand on. */
let streamer: Page;
let viewer: Page;
let chatter: RoomClient;
let chatterAuth: Auth;
let sessionId = '';
let productId = '';
const viewerSockets: Array<{ url: string; page: WebSocketRoute; server: WebSocketRoute }> = [];

const newContext = (mobile: boolean) => suite.harness.context({ mobile });

async function pickOption(page: Page, text: string): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
  await option.waitFor();
  await option.click();
}

describe.skipIf(!browserAvailable)('live rooms', () => {
  suite.aroundTests({
    setUp: () => {
      mkdirSync(shotDir, { recursive: true });
    },
    beforeClose: () => chatter?.ws.close(),
  });

  it('the streamer schedules a session with an agreed product, sees every check pass and the stream key', async () => {
    streamer = await suite.harness.freshPage();
    await suite.harness.login(streamer, 'streamer');
    await openFromNav(streamer, 'live', '/live');
    await streamer.getByTestId('live-console-page').waitFor();

    await streamer.getByTestId('schedule-new').click();
    await streamer.getByTestId('schedule-title').fill(TITLE);
    await streamer.getByTestId('schedule-products').click();
    // only products of the agreement in force are offered (the demo agreement covers two)
    const options = streamer.locator('.ant-select-dropdown:visible [data-testid^="product-option-"]');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBe(2);
    productId = ((await options.first().getAttribute('data-testid')) ?? '').replace('product-option-', '');
    await pickFromSelect(streamer, 'schedule-products', `product-option-${productId}`);
    await streamer.keyboard.press('Escape');
    await shot(streamer, 'console-schedule');
    await streamer.getByTestId('schedule-submit').click();

    await streamer.waitForURL((url) => /^\/live\/sessions\/[0-9a-f-]{36}$/.test(url.pathname));
    sessionId = new URL(streamer.url()).pathname.split('/').pop() ?? '';
    await streamer.locator('[data-testid="live-session-page"][data-status="scheduled"]').waitFor();

    // 开播前检查: certification, not live elsewhere, the product approved, its merchant admitted, the agreement
    await streamer.locator('[data-testid="checklist-summary"][data-ok="true"]').waitFor();
    const checks = streamer.getByTestId('check-item');
    const keys = await checks.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-key')}:${e.getAttribute('data-ok')}`));
    expect(keys).toEqual(
      expect.arrayContaining([
        'streamer_certified:true',
        'not_live_elsewhere:true',
        'product_approved:true',
        'merchant_admitted:true',
        'agreement_in_force:true',
      ]),
    );
    expect(keys.every((k) => k.endsWith(':true'))).toBe(true);
    const agreement = streamer.locator(`[data-testid="check-item"][data-key="agreement_in_force"][data-product-id="${productId}"]`);
    expect(await agreement.getByTestId('check-message').textContent()).toContain('直播服务协议已生效');

    // the stream key returned by scheduling is shown at once (masked), for OBS
    expect(await streamer.getByTestId('ingest-url').textContent()).toMatch(/^rtmp:\/\//);
    const masked = (await streamer.getByTestId('stream-name').textContent()) ?? '';
    expect(masked.startsWith(`${sessionId}?key=lh_`)).toBe(true);
    expect(masked).toMatch(/key=lh_.{4}\*{8}$/);
    await streamer.getByTestId('stream-key-toggle').click();
    const before = (await streamer.getByTestId('stream-name').textContent()) ?? '';
    expect(before).toMatch(new RegExp(`^${sessionId}\\?key=lh_[A-Za-z0-9_-]+$`));
    // rotating replaces it at once
    await streamer.getByTestId('stream-rotate').click();
    await streamer.locator('.ant-popover:visible [data-testid="stream-rotate-ok"]').click();
    const rotated = async () => (await streamer.getByTestId('stream-name').textContent()) ?? '';
    await expect.poll(rotated, { timeout: 10_000 }).not.toBe(before);
    expect(await rotated()).toMatch(new RegExp(`^${sessionId}\\?key=lh_[A-Za-z0-9_-]+$`));
    await streamer.getByTestId('stream-key-toggle').click();
    await shot(streamer, 'console-scheduled', true);
  });

  it('goes live and pins the product; going live twice is refused with the failed check shown', async () => {
    await streamer.getByTestId('session-start').click();
    await streamer.locator('[data-testid="live-session-page"][data-status="live"]').waitFor();
    await streamer.locator('[data-testid="live-panel"][data-phase="open"]').waitFor();
    const product = streamer.locator(`[data-testid="live-product"][data-product-id="${productId}"]`);
    await product.getByTestId('pin-button').click();
    await streamer.locator(`[data-testid="live-product"][data-product-id="${productId}"][data-pinned="true"]`).waitFor();

    // a second session of the same streamer cannot go live while this one is: the 409's failed item is shown
    const second = await streamer.context().newPage();
    await second.goto(`${suite.baseUrl}/live`);
    await second.getByTestId('schedule-new').click();
    await second.getByTestId('schedule-title').fill('第二场 · 不能同时开播');
    await pickFromSelect(second, 'schedule-products', `product-option-${productId}`);
    await second.keyboard.press('Escape');
    await second.getByTestId('schedule-submit').click();
    await second.waitForURL((url) => /^\/live\/sessions\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(sessionId));
    await second.locator('[data-testid="checklist-summary"][data-ok="false"]').waitFor();
    await second.getByTestId('session-start').click();
    const refused = second.getByTestId('start-refused');
    await refused.waitFor();
    const item = refused.locator('[data-testid="refused-item"][data-key="not_live_elsewhere"]');
    expect(await item.textContent()).toContain(TITLE);
    await second.locator('[data-testid="check-item"][data-key="not_live_elsewhere"][data-ok="false"]').waitFor();
    await shot(second, 'console-start-refused', true);
    // cancel it: a scheduled session that is ended is cancelled
    await second.getByTestId('session-cancel').click();
    await second.locator('.ant-popover:visible [data-testid="cancel-ok"]').click();
    await second.locator('[data-testid="live-session-page"][data-status="cancelled"]').waitFor();
    await second.close();
  });

  it('a consumer on a phone finds the room from the shop page and sees the pinned product card with its price', async () => {
    const context = await newContext(true);
    // every room socket of the viewer goes through this route, so the test can drop it and watch it resume
    await context.routeWebSocket(/\/api\/live\/rooms\/[0-9a-f-]+\/ws/, (ws) => {
      const serverSide = ws.connectToServer();
      viewerSockets.push({ url: ws.url(), page: ws, server: serverSide });
    });
    viewer = await context.newPage();
    viewer.setDefaultTimeout(20_000);
    await suite.harness.login(viewer, 'consumer');

    const card = viewer.locator(`[data-testid="shop-live"] [data-testid="live-card"][data-session-id="${sessionId}"]`);
    await card.waitFor();
    await shot(viewer, 'viewer-shop-mobile');
    await card.click();
    await viewer.waitForURL((url) => url.pathname === `/live/rooms/${sessionId}`);
    await viewer.locator('[data-testid="room-page"][data-phase="open"]').waitFor();
    expect(await viewer.getByTestId('room-title').textContent()).toBe(TITLE);

    // the pinned product: its title and price (¥, from fen) as the session lists it
    chatterAuth = await signIn('consumer_00001');
    const res = await fetch(`${suite.baseUrl}/api/live/sessions/${sessionId}`, { headers: { cookie: chatterAuth.cookie } });
    const session = (await res.json()) as { products: Array<{ productId: string; title: string; minPriceFen: number }> };
    const listed = session.products.find((p) => p.productId === productId);
    if (!listed) throw new Error('the pinned product is not on the session');
    const price = `¥${(listed.minPriceFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const pinned = viewer.locator(`[data-testid="pinned-card"][data-product-id="${productId}"]`);
    await pinned.waitFor();
    expect(await pinned.getByTestId('pinned-title').textContent()).toBe(listed.title);
    expect(await pinned.getByTestId('pinned-price').textContent()).toBe(price);
    expect(await pinned.textContent()).toContain('讲解中');
    // 购买 leads to checkout (e2e/browser/orders.browser.test.ts follows it); this viewer stays in the room
    await pinned.getByTestId('buy-button').waitFor();
    // the shelf lists the session's products
    await viewer.getByTestId('tab-shelf').click();
    await viewer.locator(`[data-testid="shelf-item"][data-product-id="${productId}"]`).waitFor();
    await viewer.getByTestId('tab-chat').click();
    await shot(viewer, 'viewer-room-mobile');

    // a guest may watch (no account) but not chat; the room page speaks English too
    const guest = await (await newContext(false)).newPage();
    await guest.goto(`${suite.baseUrl}/live/rooms/${sessionId}`);
    await guest.locator('[data-testid="room-page"][data-phase="open"]').waitFor();
    await guest.locator(`[data-testid="pinned-card"][data-product-id="${productId}"]`).waitFor();
    await guest.getByTestId('room-sign-in').waitFor();
    expect(await guest.getByTestId('room-chat-input').count()).toBe(0);
    // the room's welcome tells a guest where the video plays (no media server runs in this test)
    await guest.locator(`[data-testid="flv-player-slot"][data-flv-url$="/live/${sessionId}.flv"]`).waitFor();
    // …and that nobody publishes it yet: 「主播暂未推流」 on the poster, not a player connecting forever
    await guest.locator('[data-testid="flv-player-slot"][data-state="offline"]').waitFor();
    expect(await guest.getByTestId('player-notice').textContent()).toContain('主播暂未推流');
    await shot(guest, 'guest-room-desktop');
    await guest.getByTestId('lang-switch').click();
    await guest.getByTestId('lang-en-US').click();
    await guest.getByTestId('room-sign-in').filter({ hasText: 'Sign in to chat' }).waitFor();
    expect(await guest.getByTestId('pinned-card').textContent()).toContain('On now');
    expect(await guest.getByTestId('room-viewers').textContent()).toMatch(/\d+ watching/);
    await shot(guest, 'guest-room-english');
    await guest.close();
  });

  it('chat from another client reaches the viewer page (list and danmaku) and the console; likes are counted', async () => {
    chatter = new RoomClient(sessionId, chatterAuth);
    await chatter.opened;
    await chatter.waitFor(() => chatter.frames.find((f) => f.t === 'welcome'), 'welcome');
    chatter.chat('主播好！这个有现货吗？');
    await viewer.locator('[data-testid="room-chat-line"]', { hasText: '主播好！这个有现货吗？' }).waitFor();
    await viewer.locator('[data-testid="danmaku-item"]', { hasText: '主播好！这个有现货吗？' }).waitFor();
    await streamer.locator('[data-testid="console-chat-line"]', { hasText: '主播好！这个有现货吗？' }).waitFor();
    await shot(viewer, 'viewer-room-danmaku');

    for (let i = 0; i < 3; i++) await viewer.getByTestId('like-button').click();
    const likes = async () =>
      Number(((await streamer.locator('[data-testid="live-likes"] .ant-statistic-content-value').textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(likes, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  });

  it('a violating message from the viewer page is blocked: the sender sees why, others never get it, the console is warned', async () => {
    const input = viewer.getByTestId('room-chat-input');
    await input.fill(VIOLATION);
    await input.press('Enter');
    const blocked = viewer.getByTestId('room-chat-blocked').filter({ hasText: VIOLATION });
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('消息未发送');
    expect((await blocked.getByTestId('blocked-reason').textContent())?.trim()).toMatch(/[\u4e00-\u9fff]/);
    expect(await viewer.locator('[data-testid="room-chat-line"]', { hasText: VIOLATION }).count()).toBe(0);

    // the viewer's next message reaches the other viewer; the blocked one never did
    await input.fill('好的，我再看看');
    await input.press('Enter');
    await chatter.waitFor(() => chatter.events().find((e) => e.k === 'chat' && e.text === '好的，我再看看'), 'the next chat');
    expect(chatter.events().some((e) => e.k === 'chat' && String(e.text).includes('vx12345678'))).toBe(false);
    expect(chatter.frames.some((f) => f.t === 'staff')).toBe(false);

    // the streamer's warnings panel names it and who sent it
    const warning = streamer.locator('[data-testid="warning-item"][data-kind="blocked_chat"]', { hasText: VIOLATION });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('消费者 小林');
    await shot(viewer, 'viewer-room-blocked');
  });

  it('a violating transcript posted through the compliance API appears in the warnings panel', async () => {
    const reviewer = await signIn('reviewer');
    const res = await fetch(`${suite.baseUrl}/api/compliance/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf },
      body: JSON.stringify({ eventId: `asr-${Date.now()}`, kind: 'transcript', text: TRANSCRIPT, sessionRef: sessionId }),
    });
    expect(res.status).toBe(201);
    const warning = streamer.locator('[data-testid="warning-item"][data-kind="warning"][data-source="transcript"]', { hasText: '皮肤病' });
    await warning.waitFor();
    expect((await warning.getByTestId('warning-message').textContent())?.trim().length).toBeGreaterThan(0);
    expect(await streamer.getByTestId('warnings-panel').getAttribute('data-count')).toBe('2');
    // viewers are never told
    expect(await viewer.getByText('皮肤病').count()).toBe(0);
    await shot(streamer, 'console-live-warnings', true);
  });

  it('the streamer deletes a message, mutes a viewer and turns on slow mode; the viewer page shows each', async () => {
    chatter.chat('这条消息会被主播删除');
    const line = viewer.locator('[data-testid="room-chat-line"]', { hasText: '这条消息会被主播删除' });
    await line.waitFor();
    const consoleLine = streamer.locator('[data-testid="console-chat-line"]', { hasText: '这条消息会被主播删除' });
    await consoleLine.hover();
    await consoleLine.getByTestId('chat-delete').click();
    await line.waitFor({ state: 'detached' });
    await consoleLine.waitFor({ state: 'detached' });
    expect(await viewer.locator('[data-testid="danmaku-item"]', { hasText: '这条消息会被主播删除' }).count()).toBe(0);

    // mute the other viewer for a minute: their chat is refused with the time it ends
    const chatterLine = streamer.locator(`[data-testid="console-chat-line"][data-uid="${chatterAuth.userId}"]`).first();
    await chatterLine.hover();
    await chatterLine.getByTestId('chat-mute').click();
    await streamer.locator('.ant-dropdown:visible [data-testid="mute-60"]').click();
    // the room confirms it (then it is in force): a notice naming the viewer, and the muted tag on their lines
    const ack = streamer.locator(`[data-testid="mute-ack"][data-kind="muted"][data-uid="${chatterAuth.userId}"][data-mine="true"]`);
    await ack.waitFor();
    expect(await ack.textContent()).toMatch(/^已禁言「.+」至 \d{2}:\d{2}:\d{2}$/);
    await chatterLine.getByTestId('muted-tag').waitFor();
    chatter.chat('被禁言后还想说话');
    await chatter.waitFor(() => chatter.frames.find((f) => f.t === 'muted'), 'muted');

    // slow mode: the viewer is told, and a second message within the interval is refused
    await streamer.getByTestId('slow-mode').click();
    await pickOption(streamer, '每 10 秒');
    await viewer.getByTestId('room-slow').filter({ hasText: '10' }).waitFor();
    const input = viewer.getByTestId('room-chat-input');
    await input.fill('慢速模式第一条');
    await input.press('Enter');
    await input.fill('慢速模式第二条');
    await input.press('Enter');
    const notice = viewer.locator('[data-testid="room-notice"][data-code="room.slow_mode"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('慢速模式');
    await shot(viewer, 'viewer-room-slow-mode');
    await streamer.getByTestId('slow-mode').click();
    await pickOption(streamer, '关闭');
    await viewer.getByTestId('room-slow').waitFor({ state: 'detached' });
  });

  it('the viewer’s socket drops and resumes from its last seq without losing what was said meanwhile', async () => {
    expect(viewerSockets.length).toBe(1);
    const first = viewerSockets[0];
    if (!first) throw new Error('no viewer socket');
    expect(first.url).not.toContain('after=');
    const seqBefore = Number(await viewer.getByTestId('room-page').getAttribute('data-seq'));
    expect(seqBefore).toBeGreaterThan(0);
    await first.server.close();
    await first.page.close({ code: 1012, reason: 'dropped by the test' });
    // said while the viewer is away
    await streamer.getByTestId('host-chat-input').fill('断线期间主播说的话');
    await streamer.getByTestId('host-chat-send').click();
    await streamer.locator('[data-testid="console-chat-line"]', { hasText: '断线期间主播说的话' }).waitFor();

    await viewer.locator('[data-testid="room-page"][data-phase="open"][data-reconnects="1"]').waitFor();
    const again = viewerSockets[1];
    if (!again) throw new Error('the viewer did not reconnect');
    const after = Number(new URL(again.url).searchParams.get('after'));
    expect(after).toBeGreaterThanOrEqual(seqBefore);
    const line = viewer.locator('[data-testid="room-chat-line"]', { hasText: '断线期间主播说的话' });
    await line.waitFor();
    expect(await line.count()).toBe(1);
    // the pinned product is still there (from the welcome)
    await viewer.locator(`[data-testid="pinned-card"][data-product-id="${productId}"]`).waitFor();
  });

  it('the streamer ends the session: the viewer sees the room ended, the console its statistics', async () => {
    await streamer.getByTestId('session-end').click();
    await streamer.locator('.ant-popover:visible [data-testid="end-ok"]').click();
    await streamer.locator('[data-testid="live-session-page"][data-status="ended"]').waitFor();
    const stats = streamer.getByTestId('session-stats');
    await stats.waitFor();
    const value = async (id: string) =>
      Number(((await stats.locator(`[data-testid="${id}"] .ant-statistic-content-value`).textContent()) ?? '').replace(/\D/g, ''));
    // the console, the viewer page and the other viewer were in the room
    expect(await value('stat-peak')).toBeGreaterThanOrEqual(2);
    // accepted chat: the other viewer's, the viewer's, the host's (blocked and refused ones do not count)
    expect(await value('stat-chat')).toBeGreaterThanOrEqual(4);
    // sampled every 2 s while at least the console was in the room
    expect(await value('stat-avg')).toBeGreaterThanOrEqual(1);
    expect(await value('stat-avg')).toBeLessThanOrEqual(await value('stat-peak'));

    await viewer.getByTestId('room-ended').waitFor();
    expect(await viewer.getByTestId('room-ended').textContent()).toContain('直播已结束');
    expect(await viewer.locator('[data-testid="room-page"]').getAttribute('data-phase')).toBe('ended');
    await chatter.waitFor(() => (chatter.closedWith === null ? undefined : chatter.closedWith), 'the close');
    expect(chatter.closedWith).toBe(1000);
    await shot(viewer, 'viewer-room-ended');
    await shot(streamer, 'console-ended', true);

    // the console lists it as ended; the live square no longer offers it
    await streamer.goto(`${suite.baseUrl}/live`);
    await streamer.locator(`[data-testid="session-row"][data-session-id="${sessionId}"][data-status="ended"]`).waitFor();
    await shot(streamer, 'console-sessions');
    await viewer.goto(`${suite.baseUrl}/live/square`);
    await viewer.getByTestId('live-square-page').waitFor();
    await viewer.locator('[data-testid="live-cards"], [data-testid="live-empty"]').first().waitFor();
    expect(await viewer.locator(`[data-testid="live-card"][data-session-id="${sessionId}"]`).count()).toBe(0);
    await shot(viewer, 'viewer-live-square');
  });
});
