/**
 * Browser test of the talent records and the service-provider registry: the demo MCN manager records training for
 * one of its streamers on 人才培训 and sees the total hours; the demo provider account lands on the provider
 * workbench; a fresh consumer registers a service provider through 服务机构登记 (credit-code check as they type),
 * signs in again and acts through the new organization on /provider. Screenshots go to e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectCheckedAsTyped, fieldError, openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { freshPage, screenshot } = suite;

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 统一社会信用代码 (GB 32100-2015) of a 市场监管-registered company, with its GB 11714 organization code. */
function creditCode(seed: number): string {
  const org8 = String(seed % 100_000_000).padStart(8, '0');
  let orgSum = 0;
  for (let i = 0; i < 8; i++) orgSum += Number(org8[i]) * (ORG_WEIGHTS[i] ?? 0);
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const first17 = `91310115${org8}${orgCheck}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  return first17 + CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

async function totalHours(page: Page): Promise<number> {
  return Number(await page.getByTestId('talent-total-hours').getAttribute('data-value'));
}

describe.skipIf(!browserAvailable)('talent records and service providers', () => {
  suite.aroundTests();

  it('the MCN manager records 12 hours of training for one of its streamers and sees the total', async () => {
    const page = await freshPage();
    await suite.harness.login(page, 'mcn');
    await openFromNav(page, 'talent', '/talent');
    await page.getByTestId('training-form').waitFor();

    // the person: one of the MCN's streamers, from its member list; picking them opens their talent record
    await page.getByTestId('training-user').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    await option.click();
    await page.getByTestId('talent-record').waitFor();
    const userId = (await page.getByTestId('talent-record').getAttribute('data-user-id')) ?? '';
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    const before = await totalHours(page);

    // validation as you type: the hours must be 1–1000
    const course = `直播销售员岗前培训 ${Date.now().toString(36)}`;
    await page.getByTestId('training-course').fill('直');
    await expect.poll(() => fieldError(page, 'training-course')).toContain('2–100');
    await page.getByTestId('training-course').fill(course);
    await expect.poll(() => fieldError(page, 'training-course')).toBe('');
    await page.getByTestId('training-hours').fill('12');
    await page.getByTestId('training-submit').click();

    const row = page.getByTestId('talent-training').locator('tr', { hasText: course });
    await row.waitFor();
    expect(await row.textContent()).toContain('12');
    await expect.poll(() => totalHours(page)).toBe(before + 12);
    expect(await page.getByTestId('talent-total-hours').textContent()).toContain(String(before + 12));
    await screenshot(page, 'talent');
  });

  it('the demo provider account lands on the service-provider workbench', async () => {
    const probe = await fetch(`${suite.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'provider', password: DEMO_PASSWORD }),
    });
    expect(probe.status).toBe(200);

    const page = await freshPage();
    await suite.harness.login(page, 'provider');
    await page.waitForURL((url) => url.pathname === '/provider');
    expect((await page.getByTestId('workbench-title').textContent())?.trim()).toBe('服务机构工作台');
    expect(await page.getByTestId('header-role').textContent()).toContain('服务机构人员');
    for (const key of ['workbench', 'members', 'applications', 'rules']) await page.getByTestId(`nav-${key}`).waitFor();
    expect(await page.getByTestId('nav-talent').count()).toBe(0);
    await page.getByTestId('workbench-recent').waitFor();
    await screenshot(page, 'provider-workbench');
  });

  it('a consumer registers a service provider, signs in again and opens the provider workbench', async () => {
    const stamp = Date.now();
    const username = `provider_${stamp.toString(36)}`;
    const password = 'provider-pass-1';
    const registered = await fetch(`${suite.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, displayName: '测试服务机构 李青' }),
    });
    expect(registered.ok).toBe(true);

    const page = await freshPage();
    await suite.harness.login(page, username, password);
    await page.waitForURL((url) => url.pathname === '/shop');
    await openFromNav(page, 'apply-provider', '/apply/provider');
    await page.getByTestId('apply-provider-form').waitFor();

    const code = creditCode(stamp);
    const wrongCheck = code.slice(0, 17) + (code.charAt(17) === '0' ? '1' : '0');
    await page.getByTestId('provider-name').fill(`上海测链数据科技有限公司${stamp.toString().slice(-4)}`);
    // the credit code is checked as the applicant types: length, then the check character, then OK
    await expectCheckedAsTyped(page, 'provider-credit-code', { prefix: '91310115', tooShort: '18 位', wrongCheck, valid: code });
    await page.getByTestId('credit-code-ok').waitFor();
    await page.getByTestId('service-supply_chain').click();
    await page.getByTestId('service-data').click();
    await page.getByTestId('provider-phone').fill('1381234');
    await expect.poll(() => fieldError(page, 'provider-phone')).toContain('11 位');
    await page.getByTestId('provider-phone').fill('13812345678');
    await expect.poll(() => fieldError(page, 'provider-phone')).toBe('');
    await screenshot(page, 'apply-provider');

    await page.getByTestId('apply-submit').click();
    await page.getByTestId('registered-result').waitFor();
    const orgId = (await page.getByTestId('registered-result').getAttribute('data-org-id')) ?? '';
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('registered-result').textContent()).toContain('重新登录');

    // sign out and in again; act through the new organization from the org switcher
    await page.getByTestId('sign-out-again').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await suite.harness.login(page, username, password);
    if (new URL(page.url()).pathname !== '/provider') {
      await page.getByTestId('org-switcher').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '服务机构人员' }).first().click();
    }
    await page.waitForURL((url) => url.pathname === '/provider');
    await page.getByTestId('workbench-title').filter({ hasText: '服务机构工作台' }).waitFor();
    expect(await page.getByTestId('header-role').textContent()).toContain('服务机构人员');
    await openFromNav(page, 'members', '/members');
  });
});
