/**
 * Browser test of 知识产权保护 (电子商务法 Art. 42–43): 嘉织's holder files an infringement notice against another
 * merchant's product (through the API); that merchant opens 知识产权保护 from its menu, sees the product taken down,
 * files a counter-notice with evidence in the page; the notice shows 已转送权利人 with the holder's 15 days, and the
 * holder, in its own browser context, sees the counter-notice and the steps it may take.
 * Screenshots go to e2e/browser/__screenshots__/.
 */
import { describe, expect, it } from 'vitest';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 120_000 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!browserAvailable)('ip notices', () => {
  suite.aroundTests();

  it('notice → taken down → the merchant’s counter-notice in the page → forwarded with the 15 days', SLOW, async () => {
    const p = suite.server.platform;
    const holderApi = await p.login('merchant');
    const merchantApi = await p.login('merchant_0001');
    const brand = (await p.c.uow.read.catalog.listBrands({ limit: 200 })).find((b) => b.name === '嘉织');
    const [product] = await p.c.uow.read.catalog.listProducts({
      merchantOrgId: merchantApi.me.active?.orgId as string,
      status: ['approved'],
      limit: 1,
    });
    if (!brand || !product) throw new Error('the demo has no protected brand or no product on sale');
    const up = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=other&filename=evidence.png',
      headers: { ...holderApi.headers(), 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(up.statusCode).toBe(201);
    const filed = await p.call(holderApi, 'POST', '/api/ip-notices', {
      brandId: brand.id,
      productId: product.id,
      statement: '该商品使用「嘉织」注册商标，权利人从未授权，系假冒商品。',
      evidenceDocumentIds: [up.json().id],
    });
    expect(filed.status).toBe(201);
    expect((await p.c.uow.read.catalog.findProduct(product.id))?.status).toBe('delisted');

    // the merchant reads the notice and files its counter-notice
    const page = await suite.freshPage();
    await suite.login(page, 'merchant_0001');
    await openFromNav(page, 'ip-notices', '/ip-notices');
    expect(await page.getByTestId('ip-title').textContent()).toBe('知识产权保护');
    const row = page.locator('tr').filter({ hasText: product.title });
    expect(await row.getByTestId('ip-status').textContent()).toBe('已下架，待商家反通知');
    await row.click();
    const detail = page.getByTestId('ip-detail');
    expect(await detail.getByTestId('ip-statement').textContent()).toContain('系假冒商品');
    await detail.getByTestId('ip-action-counter').click();
    await page.getByTestId('ip-statement-input').fill('本店商品来自品牌授权经销商，附授权书，不存在侵权行为。');
    await page
      .getByTestId('doc-upload-other')
      .locator('input[type="file"]')
      .setInputFiles({ name: '授权书.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('[data-testid="doc-upload-other"][data-uploaded="1"]').waitFor();
    await page.getByTestId('ip-step-ok').click();
    await expect.poll(async () => (await row.getByTestId('ip-status').textContent()) ?? '').toBe('已转送权利人');
    expect(await row.getByTestId('ip-countdown').textContent()).toBe('剩余 15 天');
    await suite.screenshot(page, 'ip-notice-countered');

    // the holder sees the counter-notice and may report a complaint or lawsuit, or withdraw
    const h = await suite.freshPage();
    await suite.login(h, 'merchant');
    await openFromNav(h, 'ip-notices', '/ip-notices');
    await h.locator('tr').filter({ hasText: product.title }).click();
    const hd = h.getByTestId('ip-detail');
    expect(await hd.getByTestId('ip-counter').textContent()).toContain('不存在侵权行为');
    expect(await hd.getByTestId('ip-action-report_action').textContent()).toBe('已投诉/已起诉');
    expect(await hd.getByTestId('ip-action-withdraw').count()).toBe(1);
    await suite.screenshot(h, 'ip-notice-holder');
  });
});
