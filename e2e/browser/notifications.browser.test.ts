/**
 * Browser test of 消息中心 (the notification inbox): the registry's expiry sweep finds a food merchant's licence about
 * to expire; the outbox hands the event on and the merchant's staff member sees the bell count in the header, opens
 * the inbox from the bell, reads the item in Chinese (the shop's name, the date, 待处理), and opens the page that
 * renews the licence — the item is then read and the bell's count drops. 全部标为已读 empties the unread filter.
 * Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 60_000 };

describe.skipIf(!browserAvailable)('notification inbox', () => {
  suite.aroundTests();

  it('a merchant’s staff member is told a licence expires, opens it from the bell and acts on it', SLOW, async () => {
    const p = suite.server.platform;
    const staff = await p.login('merchant_0005');
    const unread = async () => (await p.call(staff, 'GET', '/api/notifications/unread-count')).body.unread as number;
    const before = await unread();
    // the server's periodic tick, 380 days on: the food licences (400 days) are about to expire
    expect((await p.c.registry.sweep(new Date(p.c.clock.now().getTime() + 380 * 86_400_000))).warned).toBeGreaterThan(0);
    while ((await p.c.outbox.dispatch()).pending);
    expect(await unread()).toBe(before + 1);

    const page = await suite.freshPage();
    await suite.login(page, 'merchant_0005');
    const bell = page.getByTestId('bell-count');
    await expect.poll(async () => (await bell.textContent())?.trim()).toBe(String(before + 1));
    await page.getByTestId('header-bell').click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    expect(await page.getByTestId('inbox-title').textContent()).toBe('消息中心');

    const item = page.getByTestId('inbox-item').filter({ hasText: '食品经营许可证即将到期' });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('待处理');
    expect(text).toContain('资质即将到期');
    expect(text).toContain('未读');
    expect(text).toMatch(/「[^」]+」的食品经营许可证将于 \d{4}-\d{2}-\d{2} 到期/);
    expect(text).toMatch(/截止 \d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await item.getAttribute('data-read')).toBe('false');
    await suite.screenshot(page, 'notifications-inbox');

    // 去处理: the page that renews the licence; the item is read and the bell shows one fewer
    await item.getByTestId('inbox-open').click();
    await page.waitForURL((url) => url.pathname === '/apply/merchant');
    await expect.poll(unread).toBe(before);
    await expect.poll(async () => ((await bell.textContent()) ?? '').trim() || '0').toBe(String(before));

    await openFromNav(page, 'notifications', '/notifications');
    const readItem = page.getByTestId('inbox-item').filter({ hasText: '食品经营许可证即将到期' });
    await expect.poll(() => readItem.getAttribute('data-read')).toBe('true');

    // 全部标为已读 (when some remain from the demo's history), then the unread filter is empty
    if (before > 0) {
      await page.getByTestId('inbox-mark-all').click();
      await expect.poll(unread).toBe(0);
    }
    await page.getByTestId('inbox-filter').getByText('未读').click();
    await page.getByText('没有未读消息').waitFor();
    await suite.screenshot(page, 'notifications-all-read');
  });
});
