/**
 * Browser test of the credit pages: the demo streamer, after an upheld complaint, opens 我的信用 and sees the tier,
 * the dimensions by their Chinese names and the complaint's contribution with how to improve; the platform admin
 * records an administrative penalty for the streamer from the row of 信用管理's list, and the streamer's page then
 * shows the lower score and the penalty; the regulator's 信用监管 shows the charts (their canvases) and the list with
 * the streamer by name. The appeal and report endpoints belong to other parts of the credit work: this test does
 * not press them. Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 60_000 };

/** The total as the page prints it (two decimals). */
const totalOf = async (text: Promise<string | null>): Promise<number> => Number((await text)?.trim());

describe.skipIf(!browserAvailable)('credit pages', () => {
  suite.aroundTests();

  it('a streamer sees its credit explained; a penalty recorded by the platform lowers it; the regulator sees charts and list', async () => {
    const p = suite.server.platform;
    const admin = await p.login('admin');
    const streamerSession = await p.login('streamer');
    const streamerId = streamerSession.me.user.id;
    const complaint = await p.call(admin, 'POST', '/api/credit/events', {
      partyId: streamerId,
      kind: 'complaint.upheld',
      data: { severity: 1 },
    });
    expect(complaint.status).toBe(201);
    const own = await p.call(streamerSession, 'GET', '/api/credit/me');
    const streamerName = own.body.partyName as string;

    // 我的信用: tier, dimensions in Chinese, the complaint's contribution with its hint, no raw keys
    const streamer = await suite.freshPage();
    await suite.login(streamer, 'streamer');
    await openFromNav(streamer, 'credit', '/credit');
    const tier = streamer.getByTestId('credit-tier');
    await tier.waitFor();
    expect(await tier.textContent()).toMatch(/^[ABCD] [优良中差]$/);
    expect(await streamer.getByTestId('credit-dimension-reputation').textContent()).toContain('口碑');
    expect(await streamer.getByTestId('credit-dimension-compliance').textContent()).toContain('合规');
    expect(await streamer.getByTestId('credit-dimension-fulfilment').textContent()).toContain('履约');
    expect(await streamer.getByTestId('credit-dimensions-chart').locator('canvas').count()).toBeGreaterThan(0);
    const contributions = streamer.getByTestId('credit-contributions');
    await contributions.getByText('投诉成立').first().waitFor();
    const rows = (await contributions.textContent()) ?? '';
    expect(rows).toContain('−3.00');
    expect(rows).toContain('及时回应消费者诉求');
    expect(rows).not.toContain('complaint.upheld');
    expect(await streamer.getByTestId('credit-appeal').count()).toBeGreaterThan(0);
    expect(await streamer.getByTestId('credit-report').getAttribute('href')).toBe(`/api/credit/reports/${streamerId}.pdf`);
    const before = await totalOf(streamer.getByTestId('credit-total').textContent());
    await suite.screenshot(streamer, 'credit-mine');

    // 信用管理: the streamer's row, 记录事件 → 行政处罚 3 级
    const adminPage = await suite.freshPage();
    await suite.login(adminPage, 'admin');
    await openFromNav(adminPage, 'credit-admin', '/credit/admin');
    await adminPage.getByTestId('credit-chart-tiers').locator('canvas').waitFor();
    await adminPage.getByTestId('credit-filter-kind').click();
    await adminPage.locator('.ant-select-item-option').filter({ hasText: '主播' }).click();
    await tablesLoaded(adminPage);
    const row = adminPage.getByTestId('credit-parties').locator('tr').filter({ hasText: streamerName });
    await row.waitFor();
    await suite.screenshot(adminPage, 'credit-admin');
    await row.getByTestId('credit-party-record').click();
    const modal = adminPage.getByTestId('credit-record-modal');
    await modal.getByTestId('credit-record-party').waitFor();
    expect(await modal.getByTestId('credit-record-party').textContent()).toContain(streamerName);
    await modal.getByTestId('credit-record-severity').click();
    await adminPage.locator('.ant-select-item-option').filter({ hasText: '3 级' }).click();
    await adminPage.getByTestId('credit-record-ok').click();
    await modal.getByTestId('credit-record-party').waitFor({ state: 'detached' });
    const events = (await p.c.uow.read.credit.eventsOf(streamerId)).filter((e) => e.kind === 'case.penalty');
    expect(events.map((e) => e.data)).toContainEqual({ severity: 3 });

    // the party's drawer reuses the 我的信用 view, without the appeal button
    await row.getByTestId('credit-party-view').click();
    const drawer = adminPage.getByTestId('credit-party-drawer');
    await drawer.getByText('行政处罚').first().waitFor();
    expect(await drawer.getByTestId('credit-appeal').count()).toBe(0);
    await suite.screenshot(adminPage, 'credit-admin-drawer');

    // back on 我的信用: a lower score, and the penalty among the contributions
    await streamer.reload();
    await streamer.getByTestId('credit-contributions').getByText('行政处罚').first().waitFor(SLOW);
    const after = await totalOf(streamer.getByTestId('credit-total').textContent());
    expect(after).toBeLessThan(before);
    await suite.screenshot(streamer, 'credit-mine-penalized');

    // 信用监管: the charts drawn, the list naming the streamer
    const regulator = await suite.freshPage();
    await suite.login(regulator, 'regulator');
    await openFromNav(regulator, 'credit-supervision', '/credit/supervision');
    for (const chart of ['credit-chart-tiers', 'credit-chart-histogram', 'credit-chart-moves'])
      await regulator.getByTestId(chart).locator('canvas').waitFor();
    await regulator.getByTestId('credit-parties').getByText(streamerName).first().waitFor();
    expect(await regulator.getByTestId('credit-record-open').count()).toBe(0);
    expect(await regulator.getByTestId('credit-party-record').count()).toBe(0);
    await suite.screenshot(regulator, 'credit-supervision');
    // the model's rules by their Chinese names
    await regulator.getByTestId('credit-model').getByRole('tab', { name: '事件规则' }).click();
    const rules = regulator.getByTestId('credit-model-rules');
    await rules.getByText('行政处罚').waitFor();
    expect(await rules.textContent()).not.toMatch(/case\.penalty|compliance/);
    await suite.screenshot(regulator, 'credit-model-rules');
  });
});
