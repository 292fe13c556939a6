/**
 * Browser test of 共享直播间: the demo base's operator sees its seeded studios (with equipment and opening hours in
 * Chinese), the coming bookings and the 30-day utilisation chart; the demo MCN manager opens 预约直播间, sees the
 * studios of certified bases and its own bookings, and cancels one. Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { freshPage, screenshot } = suite;

describe.skipIf(!browserAvailable)('shared live studios', () => {
  suite.aroundTests();

  it('the base operator sees its studios, bookings and utilisation', async () => {
    const page = await freshPage();
    await suite.harness.login(page, 'base');
    await openFromNav(page, 'studios', '/programmes/studios');
    await page.getByText('A1 服饰直播间').first().waitFor();
    await tablesLoaded(page);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('绿幕');
    expect(body).toContain('周一');
    expect(body).toContain('秋冬女装上新专场');
    await page.getByTestId('studio-utilisation-chart').locator('canvas').waitFor();
    await screenshot(page, 'studios-base');
  });

  it('the MCN manager browses studios and cancels its booking', async () => {
    const page = await freshPage();
    await suite.harness.login(page, 'mcn');
    await openFromNav(page, 'studio-booking', '/programmes/book');
    await page.getByText('B2 绿幕直播间').first().waitFor();
    await tablesLoaded(page);
    const row = page.locator('tr', { hasText: '秋冬女装上新专场' });
    await row.waitFor();
    expect(await row.textContent()).toContain('已预约');
    await row.getByRole('button', { name: '取消预约' }).click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/已取消|迟取消/);
    await screenshot(page, 'studios-booking');
  });
});
