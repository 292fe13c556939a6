/**
 * Browser test of 预售 · 反向定制: the demo merchant opens 预售 from the menu and the seeded open pre-sale (three paid
 * deposits) shows its demand per specification as a chart and a table; 截单生产 to the seeded supplier
 * (上海云链供应链管理有限公司) turns it into a production order with the aggregated quantities; the provider's staff sees
 * that production order in 供应商工作台 and confirms it (接单). Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { apiAs, expectNoRawText, openFromNav, pickFromSelect, signInHttp, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const AREAS = ['presale'];
const SLOW = { timeout: 240_000 };
const TITLE = '冬季新款 反向定制预售';

describe.skipIf(!browserAvailable)('pre-sales', () => {
  suite.aroundTests();

  it('merchant closes a pre-sale into a production order; the supplier sees and confirms it', SLOW, async () => {
    const http = await signInHttp(suite.baseUrl, 'merchant');
    const seeded = (
      await apiAs<{ items: Array<{ id: string; title: string; demand: Array<{ skuName: string; qty: number }> }> }>(
        suite.baseUrl,
        http,
        'GET',
        '/api/supply/presales',
      )
    ).items.find((p) => p.title === TITLE);
    expect(seeded?.demand.reduce((s, d) => s + d.qty, 0)).toBe(6);

    const merchant = await suite.freshPage();
    await merchant.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(merchant, 'merchant');
    await openFromNav(merchant, 'merchant-presales', '/merchant/presales');
    await tablesLoaded(merchant);
    await merchant.getByTestId('presale-table').getByText(TITLE).click();
    await merchant.getByTestId('presale-demand-chart').waitFor();
    const demand = merchant.getByTestId('presale-demand-table');
    for (const d of seeded?.demand ?? []) await demand.getByText(d.skuName).waitFor();
    expect(await merchant.getByTestId('presale-status').textContent()).toBe('预售中');
    await suite.screenshot(merchant, 'presale-demand');

    await merchant.getByTestId('presale-close').click();
    await merchant.getByTestId('presale-close-supplier').waitFor();
    await expect.poll(() => merchant.locator('.ant-modal[class*="zoom"]').count()).toBe(0);
    await pickFromSelect(
      merchant,
      'presale-close-supplier',
      merchant.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '上海云链供应链管理有限公司' }),
    );
    await merchant.getByTestId('presale-close-ok').click();
    const number = merchant.getByTestId('presale-production-number');
    await number.waitFor();
    const poNumber = ((await number.textContent()) ?? '').trim();
    expect(poNumber).toMatch(/^SC\d{8}[0-9A-F]{8}$/);
    // no 收货仓 named: the factory's shipment will be received into the merchant's default warehouse
    await expect.poll(() => merchant.getByTestId('presale-production-warehouse').textContent()).toBe('默认仓');
    await expect.poll(() => merchant.getByTestId('presale-status').textContent()).toBe('已截单');
    const production = merchant.getByTestId('presale-production');
    expect(await production.textContent()).toContain('待接单');
    for (const d of seeded?.demand ?? []) expect(await production.textContent()).toContain(d.skuName);
    await expectNoRawText(merchant, AREAS);
    await suite.screenshot(merchant, 'presale-closed');

    // ── the provider's staff sees it in 供应商工作台 and confirms it ──
    const provider = await suite.freshPage();
    await provider.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(provider, 'provider');
    await openFromNav(provider, 'supplier-console', '/supplier');
    const section = provider.getByTestId('supplier-production-orders');
    const row = section.locator('tr').filter({ hasText: poNumber });
    await row.getByText('待接单').waitFor();
    expect(await row.textContent()).toContain(TITLE);
    await row.getByTestId('production-confirm').click();
    await row.getByText('已接单').waitFor();
    await expectNoRawText(provider, AREAS);
    await suite.screenshot(provider, 'presale-production-supplier');

    // ── a buyer with a deposit in it reads 待付尾款, the promised ship day and the factory's progress ──
    const buyer = await suite.freshPage();
    await suite.login(buyer, 'consumer_00161');
    await buyer.goto(`${suite.baseUrl}/orders`);
    await buyer.getByTestId('my-presales-link').click();
    await buyer.waitForURL((url) => url.pathname === '/presales/mine');
    const item = buyer.getByTestId('my-reservations').locator('.ant-list-item').filter({ hasText: TITLE });
    await item.getByText('待付尾款').waitFor();
    expect(await item.textContent()).toContain('承诺发货');
    await suite.screenshot(buyer, 'presale-buyer');
  });
});
