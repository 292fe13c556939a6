/**
 * Browser test of the web shell: three roles sign in through the real login page of a fully seeded server and
 * each must land on its own workbench, see only its own navigation, be refused other roles' pages, and (admin)
 * verify the audit hash chain. Screenshots of each workbench go to e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { freshPage, login, screenshot } = suite;

async function expectWorkbench(page: Page, pathname: string, title: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
  await page.getByTestId('workbench-title').filter({ hasText: title }).waitFor();
  expect((await page.getByTestId('workbench-title').textContent())?.trim()).toBe(title);
  // the summary cards and the recent-activity panel rendered from GET /api/workbench
  await page.getByTestId('workbench-recent').waitFor();
  await page.locator('[data-testid="workbench-cards"], .ant-empty').first().waitFor();
}

/** Raw keys (`samples_open`, `auth.login`) where words belong. */
const RAW_KEY = /[a-z]+[._][a-z]+/;

/** The workbench's tiles and activity feed read in Chinese words, never as keys. */
async function expectWordsOnly(page: Page): Promise<void> {
  await page.getByTestId('workbench-cards').waitFor();
  const titles = await page.locator('[data-testid^="card-"] .ant-statistic-title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) {
    expect(title).not.toMatch(RAW_KEY);
    expect(title).toMatch(/[\u4e00-\u9fff]/);
  }
  const actions = await page.getByTestId('activity-action').allTextContents();
  for (const action of actions) {
    expect(action).not.toMatch(RAW_KEY);
    expect(action).toMatch(/[\u4e00-\u9fff]/);
  }
  if ((await page.getByTestId('workbench-recent').count()) > 0)
    expect(await page.getByTestId('workbench-recent').textContent()).not.toMatch(RAW_KEY);
}

async function navKeys(page: Page): Promise<string[]> {
  await page.getByTestId('nav-workbench').or(page.getByTestId('nav-shop')).first().waitFor();
  const ids = await page
    .getByTestId('side-nav')
    .locator('[data-testid^="nav-"]')
    .evaluateAll((elements) => elements.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^nav-/, '')).sort();
}

describe.skipIf(!browserAvailable)('web shell', () => {
  suite.aroundTests();

  it('serves the Chinese login page with the demo accounts', async () => {
    const page = await freshPage();
    await page.goto(`${suite.baseUrl}/platform`);
    // not signed in → redirected to /login
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getByTestId('login-submit').textContent()).toMatch(/登\s*录/);
    expect(await page.locator('[data-testid^="demo-account-"]').count()).toBe(9);

    // a wrong password shows the server's message and stays on /login
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('platform admin lands on the platform workbench and verifies the audit chain', async () => {
    const page = await freshPage();
    await login(page, 'admin');
    await expectWorkbench(page, '/platform', '平台工作台');
    await expectWordsOnly(page);
    // the admin's own sign-in is in the feed, as words
    await page.getByTestId('activity-action').filter({ hasText: '登录' }).first().waitFor();

    const keys = await navKeys(page);
    expect(keys).toEqual(expect.arrayContaining(['workbench', 'orgs', 'users', 'audit']));
    expect(keys).not.toContain('members');
    expect(keys).not.toContain('cases');
    await page.getByTestId('org-switcher').waitFor();
    await screenshot(page, 'platform-workbench');

    await openFromNav(page, 'audit', '/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('哈希链完整');
    // the log says what happened and to what, by name
    for (const text of await page.getByTestId('audit-action').allTextContents()) expect(text).not.toMatch(RAW_KEY);
    for (const text of await page.getByTestId('audit-target').allTextContents()) {
      expect(text).not.toMatch(RAW_KEY);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    await screenshot(page, 'platform-audit-verified');
  });

  it('regulator sees the audit log but not user management', async () => {
    const page = await freshPage();
    await login(page, 'regulator');
    await expectWorkbench(page, '/regulator', '监管工作台');

    const keys = await navKeys(page);
    expect(keys).toEqual(expect.arrayContaining(['workbench', 'orgs', 'audit']));
    expect(keys).not.toContain('users');
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await screenshot(page, 'regulator-workbench');

    await page.goto(`${suite.baseUrl}/users`);
    await page.getByTestId('forbidden').waitFor();
  });

  it('merchant sees only merchant areas and gets 403 on the platform workbench', async () => {
    const page = await freshPage();
    await login(page, 'merchant');
    await expectWorkbench(page, '/merchant', '商家工作台');
    await expectWordsOnly(page);

    const keys = await navKeys(page);
    expect(keys).toContain('workbench');
    expect(keys).toContain('members');
    for (const forbidden of ['users', 'audit', 'orgs', 'review', 'cases']) expect(keys).not.toContain(forbidden);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await screenshot(page, 'merchant-workbench');

    await page.goto(`${suite.baseUrl}/platform`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').textContent()).toContain('403');
    // still the merchant's navigation, never the platform's
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await screenshot(page, 'merchant-forbidden');

    // sign out through the user menu
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(`${suite.baseUrl}/merchant`);
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('a buyer on a phone: no console rail, no API-token card; category tiles filter what is on sale live, and 立即购买 checks out', async () => {
    const page = await suite.harness.freshPage({ mobile: true });
    await login(page, 'consumer');
    await page.waitForURL((url) => url.pathname === '/shop');
    await page.getByTestId('consumer-tabbar').waitFor();
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.getByTestId('side-nav').count()).toBe(0);
    await page.getByTestId('workbench-cards').waitFor();
    expect(await page.getByTestId('card-api_tokens').count()).toBe(0);
    await page.getByTestId('card-orders_to_pay').waitFor();
    await expectWordsOnly(page);
    // the user menu has no API tools for a buyer
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').waitFor();
    expect(await page.getByTestId('menu-tokens').count()).toBe(0);
    await page.keyboard.press('Escape');

    // what the live rooms sell, then one category of it
    const products = page.getByTestId('shop-product');
    await products.first().waitFor();
    const all = await products.count();
    const tile = ((await products.first().getAttribute('data-tiles')) ?? '').split(' ')[0] ?? '';
    expect(tile).not.toBe('');
    await page.getByTestId(`shop-category-${tile}`).click();
    await page.locator(`[data-testid="shop-category-${tile}"][aria-pressed="true"]`).waitFor();
    const inTile = await products.evaluateAll((els) => els.map((el) => el.getAttribute('data-tiles') ?? ''));
    expect(inTile.length).toBeGreaterThan(0);
    expect(inTile.length).toBeLessThanOrEqual(all);
    for (const tiles of inTile) expect(tiles.split(' ')).toContain(tile);
    await screenshot(page, 'consumer-shop-phone');

    // the menu is a drawer on a phone
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('side-nav').waitFor();
    await page.keyboard.press('Escape');

    // the buy path: checkout for that product, from its live room
    const productId = await products.first().getAttribute('data-product-id');
    await products.first().getByTestId('shop-buy').click();
    await page.waitForURL((url) => url.pathname === '/checkout');
    const url = new URL(page.url());
    expect(url.searchParams.get('product')).toBe(productId);
    expect(url.searchParams.get('session')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
