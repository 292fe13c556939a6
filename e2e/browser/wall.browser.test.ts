/**
 * Browser test of 实时监测大屏: the demo district's live room (盐池滩羊) says things the screening engine flags, sent
 * through the compliance API as the media pipeline does, and a viewer reports it. The regulator opens 实时监测 from
 * the menu and sees the counters, the two ECharts charts and the room at the top of 高风险直播间 with its reasons in
 * Chinese; a new hit reaches the page through the stream (no reload); a click opens the room's page with its
 * transcript and hits, its reasons and recordings. Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 120_000 };

describe.skipIf(!browserAvailable)('monitoring wall', () => {
  suite.aroundTests();

  it('shows a risky live room with its reasons, updates live, and opens the room with transcript and hits', SLOW, async () => {
    const p = suite.server.platform;
    const live = await p.c.uow.read.wall.liveSessions(50);
    const lamb = live.find((s) => s.title.startsWith('盐池滩羊'));
    expect(lamb).toBeDefined();
    const sessionId = lamb?.id as string;
    const reviewer = await p.login('reviewer');
    let serial = 0;
    const say = async (text: string) => {
      const r = await p.call(reviewer, 'POST', '/api/compliance/events', {
        eventId: `wall-browser-${++serial}`,
        kind: 'transcript',
        text,
        sessionRef: sessionId,
        productCategory: 'food',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    };
    await say('这个羊肉能降血糖，吃一个月保证见效');
    await say('这款产品能治疗糖尿病，是全网最低价');
    const consumer = await p.login('consumer');
    const filed = await p.call(consumer, 'POST', '/api/reports', {
      targetKind: 'live_session',
      targetId: sessionId,
      category: 'false_advertising',
      description: '主播宣称羊肉能降血糖',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);

    const page = await suite.freshPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(page, 'regulator');
    await openFromNav(page, 'wall', '/supervision/wall');
    expect(await page.getByTestId('wall-title').textContent()).toBe('实时监测大屏');
    const row = page.getByTestId('wall-room-row').filter({ hasText: '盐池滩羊' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('本场直播被举报 1 次（虚假宣传）');
    expect(text).toMatch(/近15分钟医疗功效宣称命中 \d+ 次/);
    expect(text).toMatch(/风险/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // the room sells the demo's cross-border import: tagged with its mode and origin, in words
    expect(await row.getByTestId('wall-room-cross-border').textContent()).toBe('跨境 保税备货1210 · 新西兰');
    await page.getByTestId('wall-gmv-chart').locator('canvas').waitFor();
    await page.getByTestId('wall-hits-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('wall-counter-liveSessions').textContent()).toContain('在播场次');
    await page.getByText('实时推送中').waitFor();

    // a new hit goes through the outbox; the stream brings the page a fresh snapshot without a reload
    const hitsCounter = page.getByTestId('wall-counter-hitsToday');
    const before = Number(((await hitsCounter.textContent()) ?? '').replace(/\D/g, ''));
    await say('喝了保证治愈高血压，全网最低价');
    for (;;) {
      const r = await p.c.outbox.dispatch();
      if (r.published === 0 && !r.pending) break;
    }
    await expect
      .poll(async () => Number(((await hitsCounter.textContent()) ?? '').replace(/\D/g, '')), { timeout: 30_000, interval: 500 })
      .toBeGreaterThan(before);
    await suite.screenshot(page, 'supervision-wall');

    await row.getByTestId('wall-room-link').click();
    await page.waitForURL(`**/supervision/wall/rooms/${sessionId}`);
    await page.getByTestId('wall-room-events').waitFor();
    expect(await page.getByTestId('wall-room-title').textContent()).toContain('盐池滩羊');
    const events = page.getByTestId('wall-room-event');
    await events.first().waitFor();
    expect(await events.first().textContent()).toContain('喝了保证治愈高血压');
    expect(await page.getByTestId('wall-room-events').textContent()).toContain('医疗功效宣传');
    expect(await page.getByTestId('wall-room-reasons-card').textContent()).toContain('本场直播被举报 1 次');
    await page.getByTestId('wall-room-recordings').waitFor();
    await suite.screenshot(page, 'supervision-wall-room');
  });
});
