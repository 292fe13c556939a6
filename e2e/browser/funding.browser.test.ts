/**
 * Browser test of 项目资金绩效评价 (docs/programmes.md § Project funding): the demo evaluator signs in (评估机构工作台), opens
 * 评估任务 from the menu, opens the seeded project (first year paid and self-assessed), submits its report with the verified figures
 * prefilled from the self-assessment, and sees the graded result; the issuing department (商务委) opens 项目资金 and
 * sees the same grade, the targets chart and the paid tranche — Chinese labels, no raw keys or ids — and sets up
 * a new project from its form, adds its second year's tranche (one above the budget refused with the reason), and sees
 * the page in English. Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { expectNoRawText, openFromNav, pickFromSelect, switchLanguage, tablesLoaded, toastsGone } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 180_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;
const GRADE = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;

describe.skipIf(!browserAvailable)('project funding', () => {
  suite.aroundTests();

  it('the evaluator grades the seeded project → the department sees the grade, the chart and the tranche', SLOW, async () => {
    const read = suite.server.platform.c.uow.read;
    const [project] = await read.funding.listProjects({ limit: 5 });
    expect(project?.status).toBe('self_assessed');

    const page = await suite.freshPage();
    await suite.login(page, 'evaluator');
    await openFromNav(page, 'evaluation-tasks', '/evaluation-tasks');
    const row = page.getByTestId('funding-projects').locator('.ant-table-row').filter({ hasText: '三年项目资金' });
    await row.waitFor();
    expect(await row.textContent()).toContain('已自评');
    await row.click();
    const form = page.getByTestId('evaluation-form');
    await form.waitFor();
    await form.getByLabel('评估报告').fill('资金使用台账完整；交易额与人才指标按平台统计核定，品牌按证明材料核定。');
    await form.getByRole('button', { name: '提交评估结果' }).click();
    await page.getByText('评估结果已提交').waitFor();
    await form.waitFor({ state: 'detached' });
    const [evaluation] = await read.funding.listEvaluations(project?.id as string);
    const label = GRADE[evaluation?.grade as keyof typeof GRADE];
    expect(label).toBeTruthy();
    await page.getByTestId('funding-detail').getByText(label, { exact: true }).first().waitFor();
    await tablesLoaded(page);
    await suite.screenshot(page, 'funding-evaluation');

    const dept = await suite.freshPage();
    await suite.login(dept, 'reg_swc');
    await openFromNav(dept, 'funding-admin', '/funding');
    await dept.getByTestId('funding-projects').locator('.ant-table-row').filter({ hasText: '三年项目资金' }).click();
    const detail = dept.getByTestId('funding-detail');
    await detail.getByTestId('funding-targets-chart').waitFor();
    await detail.getByText(label, { exact: true }).first().waitFor();
    await detail.getByText('已拨付').first().waitFor();
    await tablesLoaded(dept);
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('直播电商交易额');
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/funding\.|self_assessed|clawed_back/);
    await suite.screenshot(dept, 'funding-admin');

    // 设立项目 from the page: the base and the evaluator chosen by name, amounts in 万元
    await dept.getByTestId('funding-create').click();
    const dialog = dept.locator('.ant-modal').filter({ hasText: '设立项目资金' });
    await dialog.getByLabel('项目名称').fill('浏览器测试基地三年项目');
    for (const [label, option] of [
      ['承担单位', '云嘉直播电商产业园'],
      ['第三方评估机构', '上海浦江绩效评估咨询有限公司'],
    ] as const) {
      const select = dialog.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select');
      await pickFromSelect(dept, select, dept.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }), 30_000, option);
    }
    await dialog.getByLabel('项目预算（万元）').fill('300');
    await dialog.getByLabel('第1年拨付（万元）').fill('100');
    await dialog.getByLabel('第1年 直播电商交易额（万元）').fill('80');
    await dialog
      .getByRole('button', { name: '设 立' })
      .or(dialog.getByRole('button', { name: '设立' }))
      .click();
    await dept.getByText('项目已设立').waitFor();
    await dept.getByTestId('funding-projects').locator('.ant-table-row').filter({ hasText: '浏览器测试基地三年项目' }).waitFor();
    const created = (await read.funding.listProjects({ limit: 10 })).find((x) => x.name === '浏览器测试基地三年项目');
    expect(created).toMatchObject({ budgetFen: 300 * 1_000_000, ownerOrgId: project?.ownerOrgId, status: 'planned' });
    const tranches = await read.funding.listTranches(created?.id as string);
    expect(tranches.map((t) => [t.planYear, t.amountFen])).toEqual([[1, 100 * 1_000_000]]);
    expect((await read.funding.listTargets(created?.id as string)).map((t) => [t.kind, t.target])).toEqual([['gmv', 80 * 1_000_000]]);

    // 增加拨付批次 from the page: above the budget is refused with the reason and nothing written; within it, added
    await dept.getByTestId('funding-projects').locator('.ant-table-row').filter({ hasText: '浏览器测试基地三年项目' }).click();
    await dept.getByTestId('funding-detail').getByText('浏览器测试基地三年项目').first().waitFor();
    const addTranche = async (year: string, wan: string) => {
      await dept.getByTestId('funding-tranche-add').click();
      const modal = dept.locator('.ant-modal').filter({ hasText: '增加拨付批次' });
      await modal.getByText('剩余').waitFor();
      await modal.getByLabel(year).check();
      await modal.getByLabel('金额（万元）').fill(wan);
      await modal
        .getByRole('button', { name: '增 加' })
        .or(modal.getByRole('button', { name: '增加' }))
        .click();
      return modal;
    };
    const refused = await addTranche('第2年（', '250');
    await dept.locator('.ant-message').getByText('预算').waitFor();
    expect(await read.funding.listTranches(created?.id as string)).toHaveLength(1);
    // (while the error toast shows, clicks on the dialog's buttons do not reach them — antd; close it once it has gone)
    await toastsGone(dept);
    await refused.getByRole('button', { name: /取\s?消/ }).click();
    await refused.waitFor({ state: 'hidden' });
    await addTranche('第2年（', '120');
    await dept.getByText('拨付批次已增加').waitFor();
    await dept.getByTestId('funding-detail').getByText('第2年（').first().waitFor();
    expect((await read.funding.listTranches(created?.id as string)).map((t) => [t.planYear, t.amountFen, t.status])).toEqual([
      [1, 100 * 1_000_000, 'planned'],
      [2, 120 * 1_000_000, 'planned'],
    ]);
    await suite.screenshot(dept, 'funding-tranche-added');

    // the same page in English
    await switchLanguage(dept, 'en-US');
    await dept.getByRole('heading', { name: 'Project funding' }).waitFor();
    await dept.getByTestId('funding-detail').getByText('Tranches paid and clawed back').waitFor();
    await dept.getByTestId('funding-detail').getByText('Year 2 (').first().waitFor();
    await expectNoRawText(dept, ['funding']);
    await suite.screenshot(dept, 'funding-admin-en');
  });
});
