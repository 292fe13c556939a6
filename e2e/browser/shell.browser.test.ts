/**
 * Browser test of the web shell: three roles sign in through the real login page of a fully seeded server and
 * each must land on its own workbench, see only its own navigation, be refused other roles' pages, and (admin)
 * verify the audit hash chain. Screenshots of each workbench go to e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserHarness } from '../helpers/browser.ts';
import { browserAvailable, startTestServer } from '../helpers/test-server.ts';

let server: { baseUrl: string; close(): Promise<void> };
let harness: BrowserHarness;
const freshPage = () => harness.freshPage();
const login = (page: Page, username: string) => harness.login(page, username);
const screenshot = (page: Page, name: string, fullPage = true) => harness.screenshot(page, name, fullPage);

async function expectWorkbench(page: Page, pathname: string, title: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
  await page.getByTestId('workbench-title').filter({ hasText: title }).waitFor();
  expect((await page.getByTestId('workbench-title').textContent())?.trim()).toBe(title);
  // the summary cards and the recent-activity panel rendered from GET /api/workbench
  await page.getByTestId('workbench-recent').waitFor();
  await page.locator('[data-testid="workbench-cards"], .ant-empty').first().waitFor();
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
  beforeAll(async () => {
    server = await startTestServer();
    harness = await BrowserHarness.start(server.baseUrl);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('serves the Chinese login page with the demo accounts', async () => {
    const page = await freshPage();
    await page.goto(`${server.baseUrl}/platform`);
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

    const keys = await navKeys(page);
    expect(keys).toEqual(expect.arrayContaining(['workbench', 'orgs', 'users', 'audit']));
    expect(keys).not.toContain('members');
    expect(keys).not.toContain('cases');
    await page.getByTestId('org-switcher').waitFor();
    await screenshot(page, 'platform-workbench');

    await page.getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('哈希链完整');
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

    await page.goto(`${server.baseUrl}/users`);
    await page.getByTestId('forbidden').waitFor();
  });

  it('merchant sees only merchant areas and gets 403 on the platform workbench', async () => {
    const page = await freshPage();
    await login(page, 'merchant');
    await expectWorkbench(page, '/merchant', '商家工作台');

    const keys = await navKeys(page);
    expect(keys).toContain('workbench');
    expect(keys).toContain('members');
    for (const forbidden of ['users', 'audit', 'orgs', 'review', 'cases']) expect(keys).not.toContain(forbidden);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await screenshot(page, 'merchant-workbench');

    await page.goto(`${server.baseUrl}/platform`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').textContent()).toContain('403');
    // still the merchant's navigation, never the platform's
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await screenshot(page, 'merchant-forbidden');

    // sign out through the user menu
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto(`${server.baseUrl}/merchant`);
    await page.waitForURL((url) => url.pathname === '/login');
  });
});
