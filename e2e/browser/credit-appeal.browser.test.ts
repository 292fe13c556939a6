/**
 * Browser test of issue 16's story: a streamer who drops to D sees why and what is blocked, appeals, and is restored.
 * The demo accounts are all registered when the test server starts, so every streamer is in its 观察期 (90 days from
 * registration), which turns D's blocks into marks; the platform first sets no observation period for streamers, as
 * for a district whose streamers are established, so D's measures apply in full. The seeded streamer 木木的家 (streamer_0001, not the
 * demo `streamer`) gets four administrative penalties (C) and an upheld complaint recorded by the platform (D). On
 * 我的信用 it sees tier D, each measure with its reason (暂停选品中心使用 …) and the complaint's points; asking a
 * sample in 选品广场 is refused with that measure. It appeals the complaint (a reason under 10 characters is refused
 * as typed) and follows it in 我的申诉. A reviewer upholds it in 审批; the streamer then sees the complaint voided,
 * tier C again, the tier history's move for 申诉 and D's measures gone, and the sample request goes through. The
 * streamer's signed report is checked on the public 信用查询 page, which also finds the streamer by name, masked.
 *
 * Then the enforcement modes around another streamer, 竹刻匠人老周 (streamer_0002): a first minor violation (as the
 * review queue confirms one) is waived with a 培训任务 the streamer completes; the platform admin's 执法模式设置
 * shows the API's refusals under their fields (an observation of 5000 days, a tier-D threshold of 2) and saves; a
 * 监管沙盒 is created and the streamer added by name, whose 我的信用 then names the sandbox until its last day; two
 * more violations cross the threshold of 触发式监管 and the clue shows in 线索 by the streamer's name; the regulator
 * reads clues, sandboxes and settings in 信用监管 without a way to change them. Screenshots go to
 * e2e/browser/__screenshots__/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmPopover, decideOnApplication, openFromNav, pickFromSelect, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 60_000 };
const DAY = 86_400_000;
const REASON = '该投诉系同行恶意投诉，涉事订单已按时发货并签收，消费者本人已撤回投诉。';

/** The field error under a form item holding the element of `testId` ('' when none). */
const fieldError = (page: Page, testId: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain')
    .textContent({ timeout: 2000 })
    .catch(() => '');

/**
 * Asks a sample of the first product of 选品广场 that offers one; answers the refusal shown in the dialog, or '' when
 * the request went through (the dialog closed).
 */
async function requestSample(page: Page): Promise<string> {
  await openFromNav(page, 'selection', '/selection');
  const ask = page.locator('[data-testid="pool-request-sample"]:not([disabled])').first();
  await ask.click();
  const dialog = page.getByTestId('sample-request-modal');
  await dialog.getByTestId('sample-recipient').fill('吴沐晨');
  await dialog.getByTestId('sample-phone').fill('13912345678');
  await dialog.getByTestId('sample-address').fill('上海市嘉定区叶城路 1288 号 3 号楼 501 室');
  await page.getByTestId('sample-submit').click();
  const outcome = await Promise.race([
    dialog
      .getByTestId('sample-error')
      .waitFor()
      .then(() => 'refused'),
    dialog
      .getByTestId('sample-recipient')
      .waitFor({ state: 'detached' })
      .then(() => 'sent'),
  ]);
  return outcome === 'refused' ? ((await dialog.getByTestId('sample-error').textContent()) ?? '') : '';
}

describe.skipIf(!browserAvailable)('a credit appeal', () => {
  suite.aroundTests();

  it('a streamer who drops to D sees why and what is blocked, appeals, and is restored', async () => {
    const p = suite.server.platform;
    const admin = await p.login('admin');
    // the settings as they are, with no observation period for streamers
    const settings = (await p.call(admin, 'GET', '/api/credit/modes/settings')).body.settings;
    const established = { ...settings, observation: { days: { ...settings.observation.days, streamer: 0 } } };
    expect((await p.call(admin, 'PUT', '/api/credit/modes/settings', established)).status).toBe(200);
    const own = await p.login('streamer_0001');
    const streamerId = own.me.user.id;
    const record = async (body: Record<string, unknown>) =>
      expect((await p.call(admin, 'POST', '/api/credit/events', { partyId: streamerId, ...body })).status).toBe(201);
    for (let i = 0; i < 4; i++) await record({ kind: 'case.penalty', data: { severity: 3 } });
    const atC = (await p.call(own, 'GET', '/api/credit/me')).body;
    expect(atC.tier).toBe('C');
    await record({ kind: 'complaint.upheld', data: { severity: 3 }, note: '消费者投诉虚假宣传' });
    const streamerName = atC.partyName as string;

    // 我的信用: tier D, what is blocked and why, the complaint's points
    const streamer = await suite.freshPage();
    await suite.login(streamer, 'streamer_0001');
    await openFromNav(streamer, 'credit', '/credit');
    await expect.poll(() => streamer.getByTestId('credit-tier').textContent(), SLOW).toBe('D 差');
    const blocked = streamer.getByTestId('credit-measure-no_selection');
    expect(await blocked.textContent()).toContain('暂停选品中心使用');
    expect(await blocked.getByTestId('credit-measure-because').textContent()).toBe('原因：信用等级 D（差）');
    for (const code of ['prereview', 'no_flash_sale', 'payout_hold']) await streamer.getByTestId(`credit-measure-${code}`).waitFor();
    const contributions = streamer.getByTestId('credit-contributions');
    const complaint = contributions.locator('tr').filter({ hasText: '投诉成立' });
    expect(await complaint.textContent()).toContain('−9.00');
    expect(await streamer.getByTestId('credit-modes').count()).toBe(0);
    await suite.screenshot(streamer, 'credit-appeal-tier-d');

    // what is blocked: 选品广场 refuses a sample with the measure and its reason
    const sampleRefusal = await requestSample(streamer);
    expect(sampleRefusal).toContain('暂停选品中心使用');
    expect(sampleRefusal).toContain('信用等级 D（差）');
    await suite.screenshot(streamer, 'credit-appeal-sample-refused', false);
    await streamer.getByTestId('sample-request-modal').locator('.ant-modal-close').click();
    await openFromNav(streamer, 'credit', '/credit');

    // 申诉: a reason under 10 characters is refused as typed; a real one goes with its evidence
    await complaint.getByTestId('credit-appeal').click();
    const modal = streamer.getByTestId('credit-appeal-modal');
    await modal.getByTestId('credit-appeal-reason').waitFor();
    expect(await modal.getByTestId('credit-appeal-event').textContent()).toContain('投诉成立');
    await modal.getByTestId('credit-appeal-reason').fill('恶意投诉');
    await expect.poll(() => fieldError(streamer, 'credit-appeal-reason')).toBe('申诉理由需 10–500 个字');
    await streamer.getByTestId('credit-appeal-submit').click();
    await expect.poll(() => fieldError(streamer, 'credit-appeal-reason')).toBe('申诉理由需 10–500 个字');
    expect((await p.call(own, 'GET', '/api/credit/appeals')).body.items).toEqual([]);
    await modal.getByTestId('credit-appeal-reason').fill(REASON);
    await expect.poll(() => fieldError(streamer, 'credit-appeal-reason')).toBe('');
    await modal.getByTestId('credit-appeal-evidence').fill('订单 LH20261201000123 的签收记录与消费者撤诉截图');
    await suite.screenshot(streamer, 'credit-appeal-modal', false);
    await streamer.getByTestId('credit-appeal-submit').click();
    await modal.getByTestId('credit-appeal-reason').waitFor({ state: 'detached' });
    // the complaint's row says 申诉中 and offers no second appeal; 我的申诉 lists it
    await complaint.getByTestId('credit-appeal-status-open').waitFor();
    expect(await complaint.getByTestId('credit-appeal').count()).toBe(0);
    const appeals = streamer.getByTestId('credit-appeals');
    const appealRow = appeals.locator('tr').filter({ hasText: '投诉成立' });
    await appealRow.getByTestId('credit-appeal-status-open').waitFor();
    expect(await appealRow.textContent()).toContain(REASON.slice(0, 10));
    await suite.screenshot(streamer, 'credit-appeal-open');

    // 审批: a reviewer finds the appeal by its kind and upholds it
    const reviewer = await suite.freshPage();
    await suite.login(reviewer, 'reviewer');
    await openFromNav(reviewer, 'approvals', '/approvals');
    await pickFromSelect(
      reviewer,
      'approvals-kind',
      reviewer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '信用申诉' }),
    );
    await tablesLoaded(reviewer);
    const row = reviewer.locator('[data-testid="approval-row"][data-kind="credit_appeal"]').filter({ hasText: streamerName });
    await row.waitFor(SLOW);
    await suite.screenshot(reviewer, 'credit-appeal-approvals');
    await row.getByTestId('approval-open').click();
    await reviewer.locator('[data-testid="application-page"][data-step="review"]').waitFor();
    await suite.screenshot(reviewer, 'credit-appeal-application');
    await decideOnApplication(reviewer, 'uphold', {
      submit: async () => {
        await reviewer.getByTestId('action-uphold').click();
        await reviewer.getByTestId('reason-input').fill('核实为恶意投诉，撤销该信用事件');
        await reviewer.getByTestId('reason-submit').click();
      },
      done: reviewer.locator('[data-testid="application-page"][data-step="upheld"]'),
      timeoutMs: 30_000,
    });

    // back on 我的信用: the complaint voided, tier C again, the move for 申诉, D's measures gone
    await streamer.reload();
    await expect.poll(() => streamer.getByTestId('credit-tier').textContent(), SLOW).toBe('C 中');
    const event = streamer.getByTestId('credit-events').locator('tr').filter({ hasText: '投诉成立' });
    await event.getByTestId('credit-event-voided').waitFor();
    await event.getByTestId('credit-appeal-status-upheld').waitFor();
    expect(await event.textContent()).toContain('核实为恶意投诉');
    expect(await streamer.getByTestId('credit-contributions').getByText('投诉成立').count()).toBe(0);
    const latestMove = streamer.getByTestId('credit-history').locator('.ant-timeline-item').first();
    expect(await latestMove.textContent()).toMatch(/D 差→C 中.*申诉/);
    expect(await streamer.getByTestId('credit-measure-no_selection').count()).toBe(0);
    await streamer.getByTestId('credit-measure-observation_tag').waitFor();
    const decided = streamer.getByTestId('credit-appeals').locator('tr').filter({ hasText: '投诉成立' });
    await decided.getByTestId('credit-appeal-status-upheld').waitFor();
    expect(await decided.textContent()).toContain('核实为恶意投诉，撤销该信用事件');
    await suite.screenshot(streamer, 'credit-appeal-restored');
    // and the sample goes through now
    expect(await requestSample(streamer)).toBe('');
    await openFromNav(streamer, 'credit', '/credit');

    // the signed report: its number and hash, checked on the public page (no login)
    await streamer.getByTestId('credit-report-issue').click();
    const number = (await streamer.getByTestId('credit-report-number').textContent()) ?? '';
    const hash = (await streamer.getByTestId('credit-report-hash').textContent()) ?? '';
    expect(number).toMatch(/^LHCR-\d{8}-[0-9A-F]{8}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const verifyHref = (await streamer.getByTestId('credit-report-verify').getAttribute('href')) ?? '';
    await suite.screenshot(streamer, 'credit-appeal-report');
    const visitor = await suite.freshPage();
    await visitor.goto(`${suite.baseUrl}/login`);
    await visitor.getByTestId('credit-public-link').click();
    await visitor.waitForURL((url) => url.pathname === '/credit/public');
    await visitor.goto(`${suite.baseUrl}${verifyHref}`);
    expect(await visitor.getByTestId('credit-verify-genuine').textContent()).toContain(number);
    expect(await visitor.getByTestId('credit-verify-genuine').textContent()).toContain('主播，信用等级 C 中');
    // a hash altered by one character is not the report's
    await visitor.getByTestId('credit-verify-hash').fill(`${hash.slice(0, 63)}${hash.endsWith('0') ? '1' : '0'}`);
    await visitor.getByTestId('credit-verify-submit').click();
    expect(await visitor.getByTestId('credit-verify-forged').textContent()).toContain('报告内容可能被改动');
    // 信用查询: the streamer by name, masked, with its tier
    await visitor.getByTestId('credit-public-name').locator('input').fill(streamerName);
    await visitor.getByTestId('credit-public-name').locator('input').press('Enter');
    const found = visitor.getByTestId('credit-public-results').locator('.ant-table-row');
    await found.first().waitFor();
    const text = (await found.first().textContent()) ?? '';
    expect(text).toContain('木**家');
    expect(text).toContain('主播');
    expect(text).toContain('C 中');
    expect(await visitor.locator('body').textContent()).not.toContain(streamerName);
    await suite.screenshot(visitor, 'credit-public');
  });

  it('the enforcement modes: a waived first offence and its training, the settings refused field by field, a sandbox, a clue, read by the regulator', async () => {
    const p = suite.server.platform;
    const own = await p.login('streamer_0002');
    const streamerId = own.me.user.id;
    const streamerName = (await p.call(own, 'GET', '/api/credit/me')).body.partyName as string;
    let seq = 0;
    /** a violation confirmed in the review queue, as its feed records it */
    const violation = (category: string, severity: number) =>
      p.c.credit.ingest([
        {
          partyId: streamerId,
          partyKind: 'streamer',
          kind: 'violation.confirmed',
          at: new Date(),
          data: { severity, category, ruleId: 'R-AC-01' },
          source: `e2e:violation:${++seq}`,
        },
      ]);
    await violation('absolute_claim', 1);

    // 首违不罚: no points, a warning tag and a training task, completed from 我的信用
    const streamer = await suite.freshPage();
    await suite.login(streamer, 'streamer_0002');
    await openFromNav(streamer, 'credit', '/credit');
    await streamer.getByTestId('credit-contributions').getByTestId('credit-first-offence').waitFor();
    const task = streamer.getByTestId('credit-tasks').getByTestId('credit-task');
    expect(await task.textContent()).toContain('绝对化用语');
    expect(await task.textContent()).toContain('待完成');
    await suite.screenshot(streamer, 'credit-modes-task');
    await task.getByTestId('credit-task-complete').click();
    await confirmPopover(streamer, 'credit-task-complete-ok');
    await expect.poll(() => task.textContent()).toContain('已完成');
    expect(await task.getByTestId('credit-task-complete').count()).toBe(0);
    await streamer.getByTestId('credit-contributions').getByText('完成合规培训').waitFor();

    // 执法模式设置: the API's refusals under their fields, then a valid save
    const admin = await suite.freshPage();
    await suite.login(admin, 'admin');
    await openFromNav(admin, 'credit-admin', '/credit/admin');
    await admin.getByRole('tab', { name: '执法模式设置' }).click();
    const observation = admin.getByTestId('credit-modes-obs-streamer');
    await observation.waitFor();
    expect(await observation.inputValue()).toBe('0');
    await observation.fill('5000');
    await admin.getByTestId('credit-modes-save').click();
    await expect.poll(() => fieldError(admin, 'credit-modes-obs-streamer')).toBe('须为 0–3650 的整数');
    await observation.fill('60');
    const tierD = admin.getByTestId('credit-modes-trigger-tier_d-count');
    await tierD.fill('2');
    await admin.getByTestId('credit-modes-save').click();
    await expect.poll(() => fieldError(admin, 'credit-modes-trigger-tier_d-count')).toBe('信用等级降为 D 的阈值只能为 1');
    const before = (await p.call(await p.login('admin'), 'GET', '/api/credit/modes/settings')).body;
    expect(before.settings.observation.days.streamer).toBe(0);
    await suite.screenshot(admin, 'credit-modes-refused');
    await tierD.fill('1');
    await admin.getByTestId('credit-modes-save').click();
    await admin.getByTestId('credit-modes-updated').getByText('更新于').waitFor();
    expect(await fieldError(admin, 'credit-modes-obs-streamer')).toBe('');
    const saved = (await p.call(await p.login('admin'), 'GET', '/api/credit/modes/settings')).body.settings;
    expect(saved.observation.days.streamer).toBe(60);
    expect(saved.triggers).toContainEqual({ trigger: 'tier_d', count: 1, windowDays: 30 });

    // 监管沙盒: created with a relaxed category and a last day; the streamer added by name
    await admin.getByRole('tab', { name: '监管沙盒' }).click();
    await admin.getByTestId('credit-cohort-create').click();
    const modal = admin.getByTestId('credit-cohort-create-modal');
    await modal.getByTestId('credit-cohort-name').waitFor();
    await expect.poll(() => admin.locator('.ant-modal[class*="zoom"]').count()).toBe(0);
    await modal.getByTestId('credit-cohort-name').fill('非遗手工艺主播试点');
    await modal.getByTestId('credit-cohort-description').fill('非遗手工艺直播新业态，绝对化用语减半扣分，加强监测');
    await pickFromSelect(admin, modal.getByTestId('credit-cohort-category'), 'credit-cohort-category-absolute_claim');
    // the local day, as the date picker and the pages show it
    const lastDay = new Date(Date.now() + 30 * DAY).toLocaleDateString('sv-SE');
    await modal.getByTestId('credit-cohort-ends').click();
    await admin.keyboard.type(lastDay);
    await admin.keyboard.press('Enter');
    await admin.getByTestId('credit-cohort-create-ok').click();
    await modal.getByTestId('credit-cohort-name').waitFor({ state: 'detached' });
    const cohortRow = admin.getByTestId('credit-cohorts-table').locator('tr').filter({ hasText: '非遗手工艺主播试点' });
    expect(await cohortRow.textContent()).toContain('绝对化用语 · 减半扣分');
    expect(await cohortRow.textContent()).toContain(lastDay);
    await cohortRow.getByTestId('credit-cohort-open').click();
    const members = admin.getByTestId('credit-cohort-members');
    await members.getByTestId('credit-cohort-party').click();
    await admin.keyboard.type(streamerName);
    await pickFromSelect(admin, members.getByTestId('credit-cohort-party'), `credit-party-${streamerId}`);
    await members.getByTestId('credit-cohort-add').click();
    await members.getByTestId('credit-cohort-member').filter({ hasText: streamerName }).waitFor();
    await suite.screenshot(admin, 'credit-modes-sandbox');
    await admin.keyboard.press('Escape');
    await members.waitFor({ state: 'detached' });

    // the member's 我的信用 names the sandbox until its last day
    await streamer.reload();
    const sandbox = streamer.getByTestId('credit-mode-sandbox');
    await sandbox.waitFor(SLOW);
    expect(await sandbox.textContent()).toContain('监管沙盒「非遗手工艺主播试点」：绝对化用语减半，加强监测');
    expect(await sandbox.textContent()).toContain(`至 ${lastDay}`);
    // registered this week, the streamer is in its 观察期 too (60 days since the save), with its end
    expect(await streamer.getByTestId('credit-mode-observation').textContent()).toMatch(/观察期.*至 \d{4}-\d{2}-\d{2}/);
    await streamer.getByTestId('credit-measure-extra_sampling').waitFor();
    await suite.screenshot(streamer, 'credit-modes-member');

    // 触发式监管: two more violations make three in 30 days, and 线索 names the streamer
    await violation('medical_claim', 2);
    await violation('false_scarcity', 2);
    await admin.getByRole('tab', { name: '线索' }).click();
    const clue = admin.getByTestId('credit-clues-table').locator('tr').filter({ hasText: streamerName });
    await clue.waitFor();
    expect(await clue.textContent()).toContain('违规次数超限');
    expect(await clue.textContent()).toContain('近 30 天 3 次（阈值 3 次）');
    expect(await clue.textContent()).not.toMatch(/violations|streamer/);
    await suite.screenshot(admin, 'credit-modes-clues');

    // 信用监管: the regulator reads clues, sandboxes and settings, and changes none
    const regulator = await suite.freshPage();
    await suite.login(regulator, 'regulator');
    await openFromNav(regulator, 'credit-supervision', '/credit/supervision');
    await regulator.getByRole('tab', { name: '线索' }).click();
    await regulator.getByTestId('credit-clues-table').locator('tr').filter({ hasText: streamerName }).waitFor();
    await regulator.getByRole('tab', { name: '监管沙盒' }).click();
    const row = regulator.getByTestId('credit-cohorts-table').locator('tr').filter({ hasText: '非遗手工艺主播试点' });
    await row.waitFor();
    expect(await regulator.getByTestId('credit-cohort-create').count()).toBe(0);
    await row.getByTestId('credit-cohort-open').click();
    const readOnly = regulator.getByTestId('credit-cohort-members');
    await readOnly.getByTestId('credit-cohort-member').filter({ hasText: streamerName }).waitFor();
    expect(await readOnly.getByTestId('credit-cohort-add').count()).toBe(0);
    expect(await readOnly.getByTestId('credit-cohort-remove').count()).toBe(0);
    await suite.screenshot(regulator, 'credit-supervision-sandbox');
    await regulator.keyboard.press('Escape');
    await readOnly.waitFor({ state: 'detached' });
    await regulator.getByRole('tab', { name: '执法模式设置' }).click();
    expect(await regulator.getByTestId('credit-modes-obs-streamer').inputValue()).toBe('60');
    expect(await regulator.getByTestId('credit-modes-obs-streamer').isDisabled()).toBe(true);
    expect(await regulator.getByTestId('credit-modes-save').count()).toBe(0);

    // the platform takes the streamer out of the sandbox: its 我的信用 no longer names it
    await admin.getByRole('tab', { name: '监管沙盒' }).click();
    await admin
      .getByTestId('credit-cohorts-table')
      .locator('tr')
      .filter({ hasText: '非遗手工艺主播试点' })
      .getByTestId('credit-cohort-open')
      .click();
    const member = admin.getByTestId('credit-cohort-member').filter({ hasText: streamerName });
    await member.getByTestId('credit-cohort-remove').click();
    await confirmPopover(admin, 'credit-cohort-remove-ok');
    await member.getByText('已移出').waitFor();
    await streamer.reload();
    await streamer.getByTestId('credit-tier').waitFor();
    expect(await streamer.getByTestId('credit-mode-sandbox').count()).toBe(0);
  });
});
