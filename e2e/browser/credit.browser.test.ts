/**
 * Browser test of the credit pages: the demo streamer, after an upheld complaint, opens 我的信用 and sees the tier,
 * the dimensions by their Chinese names and the complaint's contribution with how to improve. The platform admin, on
 * 信用管理, records a training for the streamer picked by name and an administrative penalty from the streamer's row
 * of the list; the streamer's page then shows the lower score. Four more penalties drop the streamer to D: the page
 * shows the clamp, what is blocked and why, and the tier history. The admin runs a full recompute and sees its
 * result; the regulator's 信用监管 shows the charts (their canvases), the list with the streamer by name, and the
 * model's rules in Chinese. The platform then publishes a new version of the model from its page (发布新版本): weights
 * that do not add up are refused before sending, the version in force by the API under its field, and a new version is
 * published, everyone re-scored under it. The demo accounts are registered when the test server starts, so the platform first sets
 * no 观察期 for streamers (an established district): D's measures then apply in full. Appeals and reports are pressed in credit-appeal.browser.test.ts: this test checks the
 * button and the link are there. Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { confirmPopover, openFromNav, pickFromSelect, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 60_000 };

/** The total as the page prints it (two decimals). */
const totalOf = async (text: Promise<string | null>): Promise<number> => Number((await text)?.trim());

describe.skipIf(!browserAvailable)('credit pages', () => {
  suite.aroundTests();

  it('a streamer sees its credit explained and lowered by what the platform records; the regulator sees charts, list and model', async () => {
    const p = suite.server.platform;
    const admin = await p.login('admin');
    const streamerSession = await p.login('streamer');
    const streamerId = streamerSession.me.user.id;
    const settings = (await p.call(admin, 'GET', '/api/credit/modes/settings')).body.settings;
    const established = { ...settings, observation: { days: { ...settings.observation.days, streamer: 0 } } };
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', established)).status).toBe(200);
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
    expect(await streamer.getByTestId('credit-report').getAttribute('href')).toBe(`/api/credit/reports/${streamerId}?format=pdf`);
    const before = await totalOf(streamer.getByTestId('credit-total').textContent());
    await suite.screenshot(streamer, 'credit-mine');

    // 信用管理: 记录信用事件 for the streamer picked by name (a training), then from the streamer's row (行政处罚 3 级)
    const adminPage = await suite.freshPage();
    await suite.login(adminPage, 'admin');
    await openFromNav(adminPage, 'credit-admin', '/credit/admin');
    await adminPage.getByTestId('credit-chart-tiers').locator('canvas').waitFor();
    const option = (text: string) => adminPage.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text });
    const modal = adminPage.getByTestId('credit-record-modal');
    /** the dialog has finished opening (a select in a dialog still zooming in loses its dropdown to the focus) */
    const modalOpened = () => expect.poll(() => adminPage.locator('.ant-modal[class*="zoom"]').count()).toBe(0);
    await adminPage.getByTestId('credit-record-open').click();
    await modal.getByTestId('credit-record-party').waitFor();
    await modalOpened();
    await modal.getByTestId('credit-record-party').click();
    await adminPage.keyboard.type(streamerName);
    await pickFromSelect(adminPage, modal.getByTestId('credit-record-party'), `credit-party-${streamerId}`);
    await pickFromSelect(adminPage, modal.getByTestId('credit-record-kind'), 'credit-kind-training.completed');
    await modal.getByTestId('credit-record-hours').fill('2');
    await adminPage.getByTestId('credit-record-ok').click();
    await modal.getByTestId('credit-record-party').waitFor({ state: 'detached' });
    const recorded = async (kind: string) =>
      (await p.c.uow.read.credit.eventsOf(streamerId)).filter((e) => e.kind === kind).map((e) => e.data);
    expect(await recorded('training.completed')).toContainEqual({ hours: 2 });

    await pickFromSelect(adminPage, 'credit-filter-kind', option('主播'));
    await tablesLoaded(adminPage);
    const row = adminPage.getByTestId('credit-parties').locator('tr').filter({ hasText: streamerName });
    await row.waitFor();
    await suite.screenshot(adminPage, 'credit-admin');
    await row.getByTestId('credit-party-record').click();
    await modal.getByTestId('credit-record-party').waitFor();
    await modalOpened();
    expect(await modal.getByTestId('credit-record-party').textContent()).toContain(streamerName);
    await pickFromSelect(adminPage, modal.getByTestId('credit-record-severity'), 'credit-severity-3');
    await adminPage.getByTestId('credit-record-ok').click();
    await modal.getByTestId('credit-record-party').waitFor({ state: 'detached' });
    expect(await recorded('case.penalty')).toContainEqual({ severity: 3 });

    // the party's drawer reuses the 我的信用 view, without the appeal button
    await row.getByTestId('credit-party-view').click();
    const drawer = adminPage.getByTestId('credit-party-drawer');
    await drawer.getByText('行政处罚').first().waitFor();
    expect(await drawer.getByTestId('credit-appeal').count()).toBe(0);
    await suite.screenshot(adminPage, 'credit-admin-drawer');
    await adminPage.keyboard.press('Escape');
    await drawer.getByTestId('credit-detail').waitFor({ state: 'detached' });

    // back on 我的信用: a lower score, and the penalty among the contributions
    await streamer.reload();
    await streamer.getByTestId('credit-contributions').getByText('行政处罚').first().waitFor(SLOW);
    const after = await totalOf(streamer.getByTestId('credit-total').textContent());
    expect(after).toBeLessThan(before);
    await suite.screenshot(streamer, 'credit-mine-penalized');

    // four more penalties: compliance bottoms out (the clamp shows), the tier is D and the page says what is blocked
    for (let i = 0; i < 4; i++)
      expect(
        (await p.call(admin, 'POST', '/api/credit/events', { partyId: streamerId, kind: 'case.penalty', data: { severity: 3 } })).status,
      ).toBe(201);
    await streamer.reload();
    await expect.poll(() => streamer.getByTestId('credit-tier').textContent(), SLOW).toBe('D 差');
    const measures = (await streamer.getByTestId('credit-measures').textContent()) ?? '';
    expect(measures).toContain('D（差）');
    expect(measures).toContain('暂停参加秒杀活动');
    expect(measures).toContain('暂缓结算打款');
    await streamer.getByTestId('credit-contributions').getByText('分值上下限调整').waitFor();
    await streamer.getByTestId('credit-history').getByText('B 良').first().waitFor();
    await suite.screenshot(streamer, 'credit-mine-tier-d');

    // 全量重算 from the platform's page, with its result
    await adminPage.getByTestId('credit-recompute').click();
    await confirmPopover(adminPage, 'credit-recompute-ok');
    expect(await adminPage.getByTestId('credit-recompute-result').textContent()).toMatch(/已重算 \d+ 个主体/);

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
    expect(await regulator.getByTestId('credit-model-edit').count()).toBe(0);
  });

  it('the platform publishes a new version of the model from its page: refused under the field, then published and everyone re-scored', async () => {
    const p = suite.server.platform;
    const before = p.c.credit.model;
    const page = await suite.freshPage();
    await suite.login(page, 'admin');
    await openFromNav(page, 'credit-admin', '/credit/admin');
    await page.getByTestId('credit-model-edit').click();
    const editor = page.getByTestId('credit-model-editor');
    const errors = editor.locator('.ant-form-item-explain-error');
    await editor.getByTestId('credit-model-version').waitFor();
    /** an InputNumber emptied and typed into */
    const type = async (testId: string, value: string) => {
      const input = editor.getByTestId(testId);
      await input.fill('');
      await input.fill(value);
      await input.blur();
    };
    const publish = async () => {
      await page.getByTestId('credit-model-publish').click();
      await confirmPopover(page, 'credit-model-publish-ok');
    };

    // the streamer's weights add up to 105 %: said before anything is sent
    await type('credit-model-weight-streamer-reputation', '40');
    expect(await editor.getByTestId('credit-model-sum-streamer').textContent()).toBe('合计 105%');
    await editor.getByTestId('credit-model-change-zh').fill('违规扣分由每级 4 分调整为 5 分，口碑权重调整为 40%。');
    await editor.getByTestId('credit-model-change-en').fill('Violations cost 5 points a level instead of 4; reputation weighs 40 %.');
    await publish();
    await errors.filter({ hasText: '主播各维度权重合计须为 100%，现为 105%' }).waitFor();
    await suite.screenshot(page, 'credit-model-editor-sum');
    await type('credit-model-weight-streamer-fulfilment', '20');
    expect(await editor.getByTestId('credit-model-sum-streamer').textContent()).toBe('合计 100%');

    // the version in force: the API refuses it, under the version, in words
    await editor.getByTestId('credit-model-version').fill(before.version);
    await type('credit-model-rule-violation.confirmed-points', '-5');
    await publish();
    await errors.filter({ hasText: '与生效中的模型版本相同' }).waitFor();
    expect(await errors.allTextContents()).not.toContain(expect.stringMatching(/version|信用模型无效/));
    expect(p.c.credit.model.version).toBe(before.version);

    // a new version: published, everyone re-scored, the card shows it
    await editor.getByTestId('credit-model-version').fill('2026.12-2');
    await publish();
    await page
      .locator('.ant-message')
      .getByText(/已发布 2026\.12-2：重新评分 \d+ 个主体/)
      .waitFor(SLOW);
    await editor.waitFor({ state: 'detached' });
    expect(p.c.credit.model).toMatchObject({ version: '2026.12-2' });
    expect(p.c.credit.model.rules['violation.confirmed'].points).toBe(-5);
    expect(p.c.credit.model.dimensions.streamer.map((d) => d.weightBp)).toEqual([4000, 4000, 2000]);
    await expect.poll(() => page.getByTestId('credit-model-version-text').textContent()).toContain('2026.12-2');
    await page.getByTestId('credit-model').getByRole('tab', { name: '变更记录' }).click();
    await page.getByTestId('credit-model').getByText('违规扣分由每级 4 分调整为 5 分').waitFor();
    // the recompute the publish ran is in the audit log, under the new version
    const audit = await p.c.uow.read.audit.list({ limit: 5, action: 'credit.recompute' });
    expect(audit[0]?.targetId).toBe('2026.12-2');
    await suite.screenshot(page, 'credit-model-published');
  });
});
