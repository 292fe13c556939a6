/**
 * Browser test of 活动与节庆 (docs/programmes.md): the demo merchant opens 活动报名 from the menu, sees the seeded
 * 2027 网上年货节 with its rules, and enrols one of its products that meets them (the card label 年货节 filled in
 * from the rules); the enrolment waits for the organiser. The 商务委 (the campaign's organiser in the seed) opens
 * 活动管理, the campaign's details, and approves the enrolment with a reason; the merchant's 活动报名 then shows it
 * approved. The campaign is still running, so its report is not downloaded. Screenshots go to e2e/browser/__screenshots__/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFromNav, pickFromSelect, screenshotDir, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 180_000 };
const DAY = 86_400_000;
const CAMPAIGN = '2027 网上年货节';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe.skipIf(!browserAvailable)('campaign enrolment', () => {
  suite.aroundTests();

  it('a merchant enrols a product in 年货节 → the organiser approves it → the merchant sees it approved', SLOW, async () => {
    const c = suite.server.platform.c;
    const read = c.uow.read;
    const [campaign] = (await read.campaigns.listCampaigns({ limit: 20 })).filter((x) => x.name === CAMPAIGN);
    expect(campaign?.status).toBe('running');
    const enrolled = new Set(
      (await read.campaigns.listEnrolments({ campaignId: campaign?.id as string, limit: 100 })).map((e) => e.productId),
    );
    // one of the demo merchant's approved products not yet enrolled whose price has not risen above its 7-day low
    const user = await read.users.findByUsername('merchant');
    const [membership] = await read.memberships.listForUser(user?.id as string);
    const now = c.clock.now().getTime();
    let title = '';
    for (const prod of await read.catalog.listProducts({ merchantOrgId: membership?.orgId as string, status: ['approved'], limit: 100 })) {
      if (enrolled.has(prod.id)) continue;
      const skus = await read.catalog.listSkus([prod.id]);
      const low = await read.catalog.lowestPrice(
        skus.map((s) => s.id),
        new Date(now - 7 * DAY),
        new Date(now),
      );
      if (skus.length > 0 && skus.every((s) => (low.get(s.id) ?? s.priceFen) >= s.priceFen)) {
        title = prod.title;
        break;
      }
    }
    expect(title).not.toBe('');

    // the merchant: 活动报名 → 年货节 → 报名商品
    const page = await suite.freshPage();
    await suite.login(page, 'merchant');
    await openFromNav(page, 'campaign-enrol', '/campaigns/enrol');
    await page.getByTestId('campaign-enrol-title').waitFor();
    const card = page.locator('.ant-list-item').filter({ hasText: CAMPAIGN });
    await card.waitFor();
    const rules = (await card.textContent()) ?? '';
    expect(rules).toContain('主办方：');
    expect(rules).toContain('年货节');
    expect(rules).not.toMatch(UUID);
    await tablesLoaded(page);
    await suite.screenshot(page, 'campaign-enrol-open');

    await page.getByTestId(`campaign-enrol-${CAMPAIGN}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${CAMPAIGN} · 报名商品`).waitFor();
    expect(await dialog.getByRole('textbox').inputValue()).toBe('年货节');
    await page.getByTestId('campaign-enrol-pick').click();
    await page.keyboard.type(title);
    await pickFromSelect(
      page,
      page.getByTestId('campaign-enrol-pick'),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: title }),
    );
    // the choice taken (the dropdown closed, 提交报名 enabled) before the dialog is pictured
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.locator('#campaign-enrol-submit:not([disabled])').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'campaign-enrol-dialog.png') });
    await dialog.getByRole('button', { name: '提交报名' }).click();
    await page.getByText('已提交，等待主办方审核').waitFor();
    const mine = page.locator('.ant-table-row').filter({ hasText: title });
    await mine.getByText('待审核', { exact: true }).waitFor();
    expect(await mine.textContent()).toContain(CAMPAIGN);
    await suite.screenshot(page, 'campaign-enrol-pending');

    // the organiser: 活动管理 → 详情 → 通过, with a reason
    const org = await suite.freshPage();
    await suite.login(org, 'reg_swc');
    await openFromNav(org, 'campaigns', '/campaigns');
    await org.getByTestId('campaigns-title').waitFor();
    await org.getByTestId(`campaign-open-${CAMPAIGN}`).click();
    const drawer = org.locator('.ant-drawer').filter({ hasText: '报名审核' });
    await drawer.getByText('报名审核').waitFor();
    await tablesLoaded(org);
    await suite.screenshot(org, 'campaign-review-pending');
    const row = drawer.locator('.ant-table-row').filter({ hasText: title });
    await row.getByText('待审核', { exact: true }).waitFor();
    await org.getByTestId(`enrolment-approve-${title}`).click();
    await org.getByTestId('enrolment-reason').fill('价格不高于近7日最低价，标签与资质符合活动规则');
    await org
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await row.getByText('已通过', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('价格不高于近7日最低价');
    await suite.screenshot(org, 'campaign-review-approved');
    const [stored] = (await read.campaigns.listEnrolments({ campaignId: campaign?.id as string, limit: 100 })).filter(
      (e) => e.subjectName === title,
    );
    expect(stored).toMatchObject({ status: 'approved', kind: 'product', cardLabel: '年货节' });

    // the merchant sees the decision on 活动报名
    await page.reload();
    await page.getByTestId('campaign-enrol-title').waitFor();
    await mine.getByText('已通过', { exact: true }).waitFor();
    expect(await mine.textContent()).toContain('价格不高于近7日最低价');
    expect((await page.locator('main, .ant-layout-content').first().textContent()) ?? '').not.toMatch(UUID);
    await tablesLoaded(page);
    await suite.screenshot(page, 'campaign-enrol-approved');
  });
});
