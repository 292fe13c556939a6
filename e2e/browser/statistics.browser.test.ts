/**
 * Browser test of 统计分析: the regulator opens 统计分析 from the menu and sees the year's headline figures in Chinese
 * (the demo district's orders, sessions and complaints, fed through the outbox), the monthly chart and the category
 * breakdown, the targets with their progress (四川省 2025 with a figure, 上海市 2026 without one), the tables by
 * district and category by name, and downloads the Excel export, read back with exceljs: its 合计 row holds the
 * same GMV and orders as the service. Screenshots go to e2e/browser/__screenshots__/.
 */
import { SYSTEM_ACTOR } from '@livehub/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openFromNav, pickFromSelect } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 90_000 };

describe.skipIf(!browserAvailable)('statistics against targets', () => {
  suite.aroundTests();

  it('the regulator reads the year against the targets and downloads it as Excel', SLOW, async () => {
    const p = suite.server.platform;
    for (;;) {
      const r = await p.c.outbox.dispatch();
      if (r.published === 0 && !r.pending) break;
    }
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const expected = await p.c.statistics.overview(SYSTEM_ACTOR, { year });
    expect(expected.total.orders).toBeGreaterThan(0);

    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'statistics', '/supervision/statistics');
    const kpis = page.getByTestId('stats-kpis');
    await kpis.waitFor(SLOW);
    const kpiText = (await kpis.textContent()) ?? '';
    expect(kpiText).toContain('直播电商交易额');
    expect(kpiText).toContain('实物商品网上零售额');
    expect(kpiText).toContain('投诉率（每万单）');
    expect(kpiText).toContain(expected.total.orders.toLocaleString('zh-CN'));
    await page.getByTestId('stats-monthly-chart').locator('canvas').first().waitFor();
    // sessions, complaints and violations by category: the demo's live rooms have a lineup, so the chart is drawn
    await page.getByTestId('stats-category-supervision-chart').locator('canvas').first().waitFor();
    const targets = (await page.getByTestId('stats-targets').textContent()) ?? '';
    expect(targets).toContain('四川省 2025年');
    expect(targets).toContain('直播电商交易额达1500亿元');
    expect(targets).toContain('未给出数值');
    expect(await page.getByTestId('stats-target-sc-2025-gmv').locator('.ant-progress').count()).toBe(1);
    const districts = (await page.getByTestId('stats-table-district').textContent()) ?? '';
    expect(districts).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(districts).toContain(expected.byDistrict[0]?.name ?? '—');
    await suite.screenshot(page, 'supervision-statistics');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`livehub-statistics-${year}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets.map((w) => w.name)).toEqual(['月度', '区域', '品类', '基地', '目标']);
    const months = book.getWorksheet('月度') as ExcelJS.Worksheet;
    const total = months.getRow(14);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(2).value).toBe(expected.total.gmvFen / 100);
    expect(total.getCell(4).value).toBe(expected.total.orders);
    const goals = book.getWorksheet('目标') as ExcelJS.Worksheet;
    const sources: string[] = [];
    goals.eachRow((r) => void sources.push(String(r.getCell(10).value ?? '')));
    expect(sources.join('\n')).toContain('四川电商消费新业态高质量集聚发展行动方案');

    // 本区目标: the regulator sets the district's own target on the page; it shows with its progress
    await page.getByTestId('stats-target-add').click();
    const modal = page.getByTestId('stats-target-modal');
    // the select sits in a dialog that may still be opening: pick until the choice shows in the select
    const metric = modal.getByTestId('stats-target-metric');
    await pickFromSelect(page, metric, page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '订单量' }));
    await expect.poll(async () => (await metric.textContent()) ?? '', SLOW).toContain('订单量');
    await modal.getByTestId('stats-target-value').fill('5000');
    await modal.getByTestId('stats-target-title').fill('本区直播订单量达到5000单');
    await page.getByTestId('stats-target-submit').click();
    // the dialog closes on success; a refusal stays in it, and is what the test then reports
    const refused = modal.getByTestId('stats-target-error');
    await Promise.race([modal.waitFor({ state: 'hidden', timeout: 60_000 }), refused.waitFor({ timeout: 60_000 })]);
    expect(await refused.count(), (await refused.count()) ? ((await refused.textContent()) ?? '') : '').toBe(0);
    await page.getByTestId('stats-targets').getByText('本区直播订单量达到5000单').waitFor();
    await suite.screenshot(page, 'supervision-statistics-target');
  });
});
