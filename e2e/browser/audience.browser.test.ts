/**
 * Browser test of 实名认证（观众画像）: an unverified demo consumer opens 我的订单 and finds the optional card; a wrong ID
 * number is refused on its field in Chinese; with the number and the consent ticked the card shows the age band and
 * gender (no number); only the birth year and gender are stored; withdrawing deletes them. Screenshots go to
 * e2e/browser/__screenshots__/.
 */
import { idNumberCheckChar } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 90_000 };

describe.skipIf(!browserAvailable)('实名认证 for the audience', () => {
  suite.aroundTests();

  it('verifies with consent, shows the band and gender, withdraws', { timeout: 180_000 }, async () => {
    const p = suite.server.platform;
    const year = Number(new Date(p.c.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 30;
    const body = `32050619${String(year).slice(2)}0315102`;
    const idNumber = body + idNumberCheckChar(body);

    const page = await suite.freshPage();
    await suite.login(page, 'consumer_00060');
    await page.goto(`${suite.baseUrl}/orders`);
    const card = page.getByTestId('audience-verification');
    await card.getByTestId('audience-id-number').waitFor(SLOW);
    expect((await card.textContent()) ?? '').toContain('不保存身份证号与姓名');

    // a wrong check digit: refused on the field, in Chinese
    await card.getByTestId('audience-id-number').fill(`${body}${idNumberCheckChar(body) === '1' ? '2' : '1'}`);
    await card.getByTestId('audience-consent').check();
    await card.getByTestId('audience-verify').click();
    await card.locator('.ant-form-item-explain-error').first().waitFor(SLOW);
    expect((await card.locator('.ant-form-item-explain-error').first().textContent()) ?? '').toContain('身份证号码无效');

    await card.getByTestId('audience-id-number').fill(idNumber);
    await card.getByTestId('audience-verify').click();
    await card.getByTestId('audience-verified').waitFor(SLOW);
    expect(await card.getByTestId('audience-verified').textContent()).toBe('已认证：25–34岁 · 女');
    expect((await card.textContent()) ?? '').not.toContain(idNumber);
    await suite.screenshot(page, 'audience-verified');
    const rows = (await p.c.database.exec(
      `select cp.birth_year, cp.gender from consumer_profiles cp join users u on u.id = cp.user_id where u.username = 'consumer_00060'`,
    )) as Array<{ birth_year: number; gender: string }>;
    expect(rows).toEqual([{ birth_year: year, gender: 'female' }]);

    await card.getByTestId('audience-withdraw').click();
    await card.getByTestId('audience-id-number').waitFor(SLOW);
    const left = (await p.c.database.exec(
      `select 1 from consumer_profiles cp join users u on u.id = cp.user_id where u.username = 'consumer_00060'`,
    )) as unknown[];
    expect(left).toHaveLength(0);
  });
});
