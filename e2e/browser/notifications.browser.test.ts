/**
 * Browser test of 消息中心 (the notification inbox): the demo food merchant's staff member already has the seed's
 * reminder that the food licence expires in 20 days. Time passes: the registry's expiry sweep finds the licence
 * expired, the outbox hands the event on, and the bell in the header shows two unread. From the bell the inbox lists
 * both in Chinese (the shop's name, the dates, 警示 / 待处理); 去处理 opens the page that renews the licence and
 * marks the item read (the bell drops to one); 全部标为已读 reads the rest and the unread filter is empty.
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

  it('a merchant’s staff member is told a licence expired, opens it from the bell, acts on it and reads the rest', SLOW, async () => {
    const p = suite.server.platform;
    const staff = await p.login('merchant_0004');
    const unread = async () => (await p.call(staff, 'GET', '/api/notifications/unread-count')).body.unread as number;
    // the seed's sweep warned of the licence (20 days left)
    expect(await unread()).toBe(1);
    // the server's periodic tick, 30 days on: the licence has expired
    expect((await p.c.registry.sweep(new Date(p.c.clock.now().getTime() + 30 * 86_400_000))).expired).toBeGreaterThan(0);
    while ((await p.c.outbox.dispatch()).pending);
    expect(await unread()).toBe(2);

    const page = await suite.freshPage();
    await suite.login(page, 'merchant_0004');
    const bell = page.getByTestId('bell-count');
    const bellCount = async () => ((await bell.textContent()) ?? '').trim() || '0';
    await expect.poll(bellCount).toBe('2');
    await page.getByTestId('header-bell').click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    expect(await page.getByTestId('inbox-title').textContent()).toBe('消息中心');

    const lapsed = page.getByTestId('inbox-item').filter({ hasText: '食品经营许可证已失效' });
    const reminder = page.getByTestId('inbox-item').filter({ hasText: '食品经营许可证即将到期' });
    await lapsed.waitFor();
    const lapsedText = (await lapsed.textContent()) ?? '';
    expect(lapsedText).toContain('警示');
    expect(lapsedText).toContain('资质失效');
    expect(lapsedText).toMatch(/「[^」]+」的食品经营许可证已过期，经营已暂停/);
    const reminderText = (await reminder.textContent()) ?? '';
    expect(reminderText).toContain('待处理');
    expect(reminderText).toMatch(/「[^」]+」的食品经营许可证将于 \d{4}-\d{2}-\d{2} 到期/);
    expect(reminderText).toMatch(/截止 \d{4}-\d{2}-\d{2}/);
    // names, never ids
    expect(`${lapsedText}${reminderText}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await page.getByTestId('inbox-item').filter({ hasText: '未读' }).count()).toBe(2);
    await suite.screenshot(page, 'notifications-inbox');

    // 去处理: the page that renews the licence; the item is read and the bell shows one
    await lapsed.getByTestId('inbox-open').click();
    await page.waitForURL((url) => url.pathname === '/apply/merchant');
    await expect.poll(unread).toBe(1);
    await expect.poll(bellCount).toBe('1');

    await openFromNav(page, 'notifications', '/notifications');
    await expect.poll(() => lapsed.getAttribute('data-read')).toBe('true');
    expect(await reminder.getAttribute('data-read')).toBe('false');

    // 全部标为已读, then the unread filter is empty and the bell shows none
    await page.getByTestId('inbox-mark-all').click();
    await page.getByText('已将 1 条消息标为已读').waitFor();
    await expect.poll(unread).toBe(0);
    await expect.poll(bellCount).toBe('0');
    await page.getByTestId('inbox-filter').getByText('未读').click();
    await page.getByText('没有未读消息').waitFor();
    await expect.poll(() => page.getByTestId('inbox-filter').locator('.ant-segmented-item-selected').textContent()).toBe('未读');
    // the selection's thumb has finished sliding
    await page.locator('.ant-segmented-thumb').waitFor({ state: 'detached' });
    await suite.screenshot(page, 'notifications-all-read');
  });
});
