/**
 * Browser test of the catalog and selection center (issue: "Catalog, product review and the selection center"): a
 * merchant lists a 316 vacuum flask with a picture, a SKU and samples and submits it; a reviewer approves it from
 * the approvals queue; the merchant opens it to the pool under an open commission plan (an exclusive one in the
 * same period is refused with the conflict shown); a prescription drug is rejected at pre-check with the rule and
 * its legal basis shown; a streamer finds the flask by searching "保温杯 316" and requests a sample; the merchant
 * approves, reads the shipping label and ships it; the streamer sees it shipped; the merchant proposes a live
 * service agreement from the sample inbox, the streamer accepts that version by its hash and both see it in force;
 * others see none of it. Screenshots go to e2e/browser/__screenshots__/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  confirmPopover,
  decideOnApplication,
  openFromNav,
  pickFromSelect,
  signInHttp,
  switchLanguage,
  tablesLoaded,
} from '../helpers/browser.ts';
import { solidPng } from '../helpers/png.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const { freshPage, login } = suite;

let workDir: string;
let flaskPng: string;
/** A screenshot once tables have faded their loading overlay out. */
async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await tablesLoaded(page);
  await suite.harness.screenshot(page, name, fullPage);
}

const FLASK = '316不锈钢真空保温杯 500ml 商务款';
const DRUG = '阿莫西林胶囊 0.25g×24粒';
const ADDRESS = '上海市徐汇区漕溪北路88号 1201室';
const TRACKING = 'SF1234567890123';

/** State the steps hand on. */
let merchant: Page;
let streamer: Page;
let flaskId = '';
let sampleId = '';
let agreementId = '';

/** Picks a category in the editor's TreeSelect by searching for it. */
async function pickCategory(page: Page, search: string, id: string): Promise<void> {
  await page.getByTestId('product-category').click();
  await page.keyboard.type(search);
  const option = page.locator(`.ant-select-dropdown:visible [data-testid="category-option-${id}"]`);
  await option.waitFor();
  await option.click();
}

async function status(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).first().getAttribute('data-status');
}

describe.skipIf(!browserAvailable)('catalog and selection center', () => {
  suite.aroundTests({
    setUp: () => {
      workDir = mkdtempSync(path.join(tmpdir(), 'livehub-selection-'));
      flaskPng = path.join(workDir, 'flask.png');
      writeFileSync(flaskPng, solidPng(64, [0x2f, 0x54, 0xeb]));
    },
    tearDown: () => {
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    },
  });

  it('a merchant lists a product and submits it; a reviewer approves it from the approvals queue', async () => {
    merchant = await freshPage();
    await login(merchant, 'merchant');
    await openFromNav(merchant, 'products', '/products');
    await merchant.getByTestId('products-page').waitFor();
    await merchant.getByTestId('product-new').click();
    await merchant.waitForURL((url) => url.pathname === '/products/new');

    await merchant.getByTestId('product-title').fill(FLASK);
    await pickCategory(merchant, '厨具', 'home.kitchen');
    // the chosen category's live-sale rule is shown under the picker
    await merchant.locator('[data-testid="category-rule"][data-rule="allowed"]').waitFor();
    await merchant.getByTestId('product-claims').click();
    for (const claim of ['316不锈钢内胆', '长效保温12小时']) {
      await merchant.keyboard.type(claim);
      await merchant.keyboard.press('Enter');
    }
    await merchant.getByTestId('product-description').fill('双层真空结构，食品级316不锈钢内胆，500ml 容量，适合通勤与办公。');
    await merchant.getByTestId('product-images').locator('input[type="file"]').setInputFiles(flaskPng);
    await merchant.locator('[data-testid="product-images"][data-count="1"]').waitFor();
    await merchant.getByTestId('product-sample-available').click();
    await merchant.getByTestId('product-sample-stock').fill('5');
    await merchant.getByTestId('sku-name-0').fill('500ml 曜石黑');
    await merchant.getByTestId('sku-price-0').fill('89');
    await merchant.getByTestId('sku-stock-0').fill('200');
    await screenshot(merchant, 'product-editor');

    await merchant.getByTestId('product-save-submit').click();
    await merchant.waitForURL((url) => /^\/products\/[0-9a-f-]{36}$/.test(url.pathname));
    flaskId = new URL(merchant.url()).pathname.split('/').pop() ?? '';
    await merchant.locator('[data-testid="product-page"][data-status="in_review"]').waitFor();
    // the automatic pre-checks ran: the category check passed
    await merchant.locator('[data-testid="product-check"][data-ok="true"]').first().waitFor();
    expect(await merchant.getByTestId('sku-price').first().textContent()).toContain('¥89.00');
    await screenshot(merchant, 'product-in-review');

    // the reviewer finds it among the approvals and sees the product itself on the application page
    const reviewer = await freshPage();
    await login(reviewer, 'reviewer');
    await openFromNav(reviewer, 'approvals', '/approvals');
    const row = reviewer.locator('[data-testid="approval-row"][data-kind="product_review"]', { hasText: FLASK });
    await row.waitFor();
    expect(await row.textContent()).toContain('商品审核');
    await row.click();
    await reviewer.waitForURL((url) => /^\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
    const panel = reviewer.locator(`[data-testid="product-review-panel"][data-product-id="${flaskId}"]`);
    await panel.waitFor();
    expect(await reviewer.getByTestId('review-product-title').textContent()).toBe(FLASK);
    expect(await panel.getByTestId('product-category-path').textContent()).toBe('家居日用 / 厨具餐具');
    expect(await panel.getByTestId('product-claims-view').textContent()).toContain('316不锈钢内胆');
    await panel.getByTestId('product-gallery').locator('img').first().waitFor();
    await reviewer.locator('[data-testid="timeline-event"][data-action="pre_checks"]').waitFor();
    await screenshot(reviewer, 'product-review');
    // approve; retried when the application changed meanwhile or the page did not follow
    await decideOnApplication(reviewer, 'approval', {
      submit: async () => {
        await reviewer.getByTestId('action-approve').click();
        await reviewer.getByTestId('reason-submit').click();
      },
      done: reviewer.locator('[data-testid="application-page"][data-status="approved"]'),
      timeoutMs: 45_000,
    });

    // approved: the merchant opens it to the pool under an open plan at 20 %
    await merchant.reload();
    await merchant.locator('[data-testid="product-page"][data-status="approved"]').waitFor();
    await merchant.getByTestId('plan-new').click();
    await merchant.getByTestId('plan-commission-input').fill('20');
    await merchant.getByTestId('plan-submit').click();
    const plan = merchant.locator('[data-testid="plan-row"][data-type="open"]');
    await plan.waitFor();
    expect(await plan.getByTestId('plan-commission').textContent()).toBe('20%');

    // an exclusive plan over the same period conflicts with it: the 409's message is shown in the dialog
    await merchant.getByTestId('plan-new').click();
    await merchant.getByTestId('plan-type-exclusive').click();
    await pickFromSelect(merchant, 'plan-partners', merchant.locator('.ant-select-dropdown:visible .ant-select-item-option'));
    await merchant.keyboard.press('Escape');
    await merchant.getByTestId('plan-submit').click();
    const conflict = merchant.getByTestId('plan-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('独家计划不能与公开或定向计划在同一期间并存');
    await screenshot(merchant, 'plan-conflict', false);
    await merchant.locator('.ant-modal-wrap:visible .ant-modal-close').click();
    await screenshot(merchant, 'product-approved');
  });

  it('a prescription drug is rejected at pre-check with the rule and its legal basis shown to the merchant', async () => {
    await merchant.goto(`${suite.baseUrl}/products/new`);
    await merchant.getByTestId('product-title').fill(DRUG);
    await pickCategory(merchant, '处方药', 'drug.prescription');
    const rule = merchant.locator('[data-testid="category-rule"][data-rule="prohibited"]');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('禁止直播销售');
    await merchant.getByTestId('sku-name-0').fill('24粒/盒');
    await merchant.getByTestId('sku-price-0').fill('19.9');
    await merchant.getByTestId('sku-stock-0').fill('50');
    await merchant.getByTestId('product-save-submit').click();
    await merchant.waitForURL((url) => /^\/products\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(flaskId));
    await merchant.locator('[data-testid="product-page"][data-status="rejected"]').waitFor();
    const finding = merchant.locator('[data-testid="product-check"][data-rule="CAT-drug.prescription"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-blocking')).toBe('true');
    expect(await finding.getByTestId('check-message').textContent()).toContain('禁止直播销售');
    expect(await finding.getByTestId('check-basis').textContent()).toContain('药品网络销售监督管理办法');
    expect(await merchant.getByTestId('product-status-reason').textContent()).toContain('处方药');
    await screenshot(merchant, 'product-rejected');

    // the products list shows both with their status
    await merchant.getByTestId('nav-products').click();
    await merchant.locator(`[data-testid="product-row"][data-product-id="${flaskId}"][data-status="approved"]`).waitFor();
    await merchant.locator('[data-testid="product-row"][data-status="rejected"]', { hasText: DRUG }).waitFor();
    await screenshot(merchant, 'products');
  });

  it('a streamer finds it by searching "保温杯 316", requests a sample; the merchant approves and ships it; the streamer sees it shipped', async () => {
    streamer = await freshPage();
    await login(streamer, 'streamer');
    await openFromNav(streamer, 'selection', '/selection');
    await streamer.getByTestId('square-search').locator('input').fill('保温杯 316');
    await streamer.getByTestId('square-search').locator('input').press('Enter');
    const card = streamer.locator(`[data-testid="pool-card"][data-product-id="${flaskId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('pool-title').textContent()).toBe(FLASK);
    expect(await card.getByTestId('pool-commission').textContent()).toContain('20%');
    expect(await card.getByTestId('pool-price').textContent()).toContain('¥89.00');
    expect(await card.getByTestId('plan-type').first().getAttribute('data-type')).toBe('open');
    await screenshot(streamer, 'selection-square');

    // the detail drawer lists the plans that apply to this streamer
    await card.getByTestId('pool-open').click();
    await streamer.locator(`[data-testid="pool-product"][data-product-id="${flaskId}"]`).waitFor();
    await streamer.locator('[data-testid="pool-plan"][data-type="open"]').waitFor();
    await screenshot(streamer, 'selection-drawer', false);
    await streamer.getByTestId('drawer-request-sample').click();
    await streamer.getByTestId('sample-recipient').fill('陈晓嘉');
    await streamer.getByTestId('sample-phone').fill('13812345678');
    await streamer.getByTestId('sample-address').fill(ADDRESS);
    await streamer.getByTestId('sample-note').fill('下周三晚 8 点家居专场');
    await streamer.getByTestId('sample-submit').click();
    await streamer.getByTestId('sample-recipient').waitFor({ state: 'hidden' });
    await streamer.locator('.ant-drawer-open .ant-drawer-close').click();
    await streamer.locator('.ant-drawer-open').waitFor({ state: 'detached' });

    await openFromNav(streamer, 'samples', '/samples');
    const mine = streamer.locator(`[data-testid="sample-row"][data-product-id="${flaskId}"]`);
    await mine.waitFor();
    sampleId = (await mine.getAttribute('data-sample-id')) ?? '';
    expect(await mine.getAttribute('data-status')).toBe('requested');
    // contacts are masked in lists
    const contact = (await mine.getByTestId('sample-contact').textContent()) ?? '';
    expect(contact).toContain('138****5678');
    expect(contact).not.toContain('13812345678');
    expect(contact).not.toContain('漕溪北路88号');

    // the merchant approves, opens the shipping label (full address) and ships with a carrier and tracking number
    await openFromNav(merchant, 'samples', '/samples');
    const incoming = merchant.locator(`[data-testid="sample-row"][data-sample-id="${sampleId}"]`);
    await incoming.waitFor();
    expect(await incoming.textContent()).toContain('嘉嘉的衣橱');
    await screenshot(merchant, 'samples-merchant-incoming');
    await incoming.getByTestId('sample-approve').click();
    await confirmPopover(merchant, 'sample-confirm-ok');
    await merchant.locator(`[data-testid="sample-row"][data-sample-id="${sampleId}"][data-status="approved"]`).waitFor();
    await incoming.getByTestId('sample-label').click();
    const label = merchant.getByTestId('shipping-label');
    await label.getByTestId('label-address').waitFor();
    expect(await label.getByTestId('label-address').textContent()).toBe(ADDRESS);
    expect(await label.getByTestId('label-phone').textContent()).toBe('13812345678');
    await screenshot(merchant, 'sample-label', false);
    await label.locator('.ant-modal-footer button').click();
    await incoming.getByTestId('sample-ship').click();
    // 发货仓: a warehouse holding the SKU, shown with what it holds; the unit leaves that warehouse's stock
    const from = merchant.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)').first();
    await pickFromSelect(merchant, merchant.getByTestId('ship-warehouse'), from);
    const chosen = (await merchant.getByTestId('ship-warehouse').textContent()) ?? '';
    expect(chosen).toMatch(/（现有 \d+ 件）/);
    await merchant.getByTestId('ship-carrier').locator('input').fill('顺丰速运');
    await merchant.getByTestId('ship-tracking').fill(TRACKING);
    await merchant.getByTestId('ship-submit').click();
    await merchant.locator(`[data-testid="sample-row"][data-sample-id="${sampleId}"][data-status="shipped"]`).waitFor();
    const read = suite.server.platform.c.uow.read.inventory;
    const [out] = (await read.listMovements({ refId: sampleId, kind: 'sample_out', limit: 1, offset: 0 })).rows;
    expect(chosen.startsWith((await read.findWarehouse(out?.warehouseId ?? ''))?.name ?? '?')).toBe(true);
    expect(await incoming.getByTestId('sample-shipping').textContent()).toContain(TRACKING);

    // the streamer sees it shipped, with the carrier and tracking number
    await streamer.reload();
    await streamer.locator(`[data-testid="sample-row"][data-sample-id="${sampleId}"][data-status="shipped"]`).waitFor();
    const shipping = (await mine.getByTestId('sample-shipping').textContent()) ?? '';
    expect(shipping).toContain('顺丰速运');
    expect(shipping).toContain(TRACKING);
    await mine.getByTestId('sample-receive').waitFor();
    // its parcel is a package with the carrier: the opened row shows the 物流轨迹 (ADR 0043)
    await mine.locator('.ant-table-row-expand-icon').click();
    const tracking = streamer.getByTestId('sample-tracking');
    await tracking.getByTestId('tracking-status').waitFor();
    expect(await tracking.getByTestId('tracking-carrier').textContent()).toBe('顺丰速运');
    expect(await tracking.textContent()).toContain(TRACKING);
    await screenshot(streamer, 'samples-streamer-shipped');
  });

  it('the merchant proposes an agreement to the streamer; the streamer accepts that version by its hash; both see it in force', async () => {
    await merchant.locator(`[data-testid="sample-row"][data-sample-id="${sampleId}"]`).getByTestId('sample-propose').click();
    const modal = merchant.getByTestId('agreement-create-modal');
    expect(await merchant.getByTestId('agreement-preset-streamer').textContent()).toBe('嘉嘉的衣橱');
    await modal.getByTestId('terms-commission-0').fill('20');
    await modal.getByTestId('terms-slot-fee').fill('500');
    await screenshot(merchant, 'agreement-propose', false);
    await merchant.getByTestId('agreement-submit').click();
    await merchant.waitForURL((url) => /^\/agreements\/[0-9a-f-]{36}$/.test(url.pathname));
    agreementId = new URL(merchant.url()).pathname.split('/').pop() ?? '';
    await merchant.locator('[data-testid="agreement-page"][data-status="pending"]').waitFor();
    await merchant.getByTestId('hash-verified').first().waitFor();
    expect(await merchant.locator('[data-testid="party-row"][data-party="merchant"]').getAttribute('data-accepted')).toBe('true');
    expect(await merchant.locator('[data-testid="party-row"][data-party="streamer"]').getAttribute('data-accepted')).toBe('false');
    expect(await merchant.getByTestId('terms-view').textContent()).toContain(FLASK);

    // the streamer finds it waiting in the agreements inbox and accepts the version shown
    await openFromNav(streamer, 'agreements', '/agreements');
    const row = streamer.locator(`[data-testid="agreement-row"][data-agreement-id="${agreementId}"]`);
    await row.waitFor();
    await row.getByTestId('agreement-awaits-me').waitFor();
    await screenshot(streamer, 'agreements-streamer');
    await row.click();
    await streamer.locator(`[data-testid="agreement-page"][data-agreement-id="${agreementId}"]`).waitFor();
    await streamer.getByTestId('agreement-awaiting').waitFor();
    const hash = (await streamer.getByTestId('content-hash').textContent()) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{8}…[0-9a-f]{4}$/);
    const terms = (await streamer.getByTestId('terms-view').textContent()) ?? '';
    expect(terms).toContain('20%');
    expect(terms).toContain('¥500.00');
    expect(terms).toContain('如实介绍商品');
    await screenshot(streamer, 'agreement-to-accept');
    await streamer.getByTestId('agreement-accept').click();
    await confirmPopover(streamer, 'agreement-accept-ok');
    await streamer.locator('[data-testid="agreement-page"][data-status="in_force"]').waitFor();
    await streamer.getByTestId('agreement-in-force').waitFor();
    await screenshot(streamer, 'agreement-in-force');

    // the merchant sees it in force, both parties accepted
    await merchant.reload();
    await merchant.locator('[data-testid="agreement-page"][data-status="in_force"]').waitFor();
    for (const party of ['merchant', 'streamer'])
      expect(await merchant.locator(`[data-testid="party-row"][data-party="${party}"]`).getAttribute('data-accepted')).toBe('true');
    await merchant.getByTestId('nav-agreements').click();
    await merchant.locator(`[data-testid="agreement-row"][data-agreement-id="${agreementId}"][data-status="in_force"]`).waitFor();
    expect(await status(merchant, 'agreement-status')).toBe('in_force');
    await screenshot(merchant, 'agreements-merchant');
  });

  it('others see none of it: another merchant gets 404s, a consumer has no selection square', async () => {
    const other = await freshPage();
    await login(other, 'merchant_0001');
    for (const url of [`/api/agreements/${agreementId}`, `/api/samples/${sampleId}`, `/api/catalog/products/${flaskId}`]) {
      const res = await other.request.get(`${suite.baseUrl}${url}`);
      expect(res.status(), url).toBe(404);
    }
    await other.goto(`${suite.baseUrl}/agreements/${agreementId}`);
    await other.getByTestId('agreement-not-found').waitFor();
    await other.goto(`${suite.baseUrl}/products/${flaskId}`);
    await other.locator('[data-testid="product-page"] .ant-result-404').waitFor();
    await other.getByTestId('nav-samples').click();
    await other.getByTestId('samples-table').waitFor();
    await other.waitForLoadState('networkidle');
    expect(await other.locator(`[data-testid="sample-row"][data-sample-id="${sampleId}"]`).count()).toBe(0);
    // a merchant does not browse the selection square
    expect(await other.getByTestId('nav-selection').count()).toBe(0);
    await other.goto(`${suite.baseUrl}/selection`);
    await other.getByTestId('forbidden').waitFor();

    // another streamer sees the open plan's product, but not the agreement or the sample
    const otherStreamer = await freshPage();
    await login(otherStreamer, 'streamer_0001');
    expect((await otherStreamer.request.get(`${suite.baseUrl}/api/agreements/${agreementId}`)).status()).toBe(404);
    expect((await otherStreamer.request.get(`${suite.baseUrl}/api/samples/${sampleId}`)).status()).toBe(404);
    await otherStreamer.goto(`${suite.baseUrl}/agreements`);
    await otherStreamer.getByTestId('agreements-table').waitFor();
    await otherStreamer.waitForLoadState('networkidle');
    expect(await otherStreamer.locator(`[data-testid="agreement-row"][data-agreement-id="${agreementId}"]`).count()).toBe(0);

    // a consumer has no selection square, products or agreements
    const consumer = await freshPage();
    await consumer.goto(`${suite.baseUrl}/login`);
    await consumer.getByTestId('login-username').fill('consumer');
    await consumer.getByTestId('login-password').fill('livehub-demo');
    await consumer.getByTestId('login-submit').click();
    await consumer.waitForURL((url) => url.pathname === '/shop');
    for (const key of ['selection', 'products', 'samples', 'agreements']) expect(await consumer.getByTestId(`nav-${key}`).count()).toBe(0);
    await consumer.goto(`${suite.baseUrl}/selection`);
    await consumer.getByTestId('forbidden').waitFor();
    expect((await consumer.request.get(`${suite.baseUrl}/api/catalog/products/${flaskId}`)).status()).toBe(404);
    expect((await consumer.request.get(`${suite.baseUrl}/api/selection/search?q=316`)).status()).toBe(403);
  });

  it('商品管理 reads the list a page at a time: 20 rows, 加载更多 for the rest, each status tab with its count', async () => {
    // another merchant with a catalog longer than a page: 23 drafts made over the API
    const auth = await signInHttp(suite.baseUrl, 'merchant_0002');
    const before = await apiAs<Record<string, number>>(suite.baseUrl, auth, 'GET', '/api/catalog/products/counts');
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    for (let i = 0; i < 23; i++)
      await apiAs(suite.baseUrl, auth, 'POST', '/api/catalog/products', {
        title: `分页商品 ${String(i + 1).padStart(2, '0')} 棉麻围巾`,
        description: '棉麻混纺，柔软透气。',
        claims: ['棉麻混纺'],
        categoryId: 'home.textile',
        sampleAvailable: false,
        sampleStock: 0,
        skus: [{ name: '米白', priceFen: 5900, stock: 20 }],
      });
    const page = await freshPage();
    await login(page, 'merchant_0002');
    await page.goto(`${suite.baseUrl}/products`);
    const rows = page.getByTestId('product-row');
    await page.getByTestId('products-more').waitFor();
    expect(await rows.count()).toBe(20);
    // newest first: the last one made heads the list
    expect(await rows.first().getByTestId('product-title-cell').textContent()).toBe('分页商品 23 棉麻围巾');
    await page.getByText(`全部 ${total + 23}`).waitFor();
    await page.getByText(`草稿 ${(before.draft ?? 0) + 23}`).waitFor();
    await page.getByTestId('products-more').click();
    await expect.poll(() => rows.count()).toBe(Math.min(40, total + 23));
    while (await page.getByTestId('products-more').isVisible()) {
      const n = await rows.count();
      await page.getByTestId('products-more').click();
      await expect.poll(() => rows.count()).toBeGreaterThan(n);
    }
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')));
    expect(ids).toHaveLength(total + 23);
    expect(new Set(ids).size).toBe(ids.length);
    await page.close();
  });

  it('the selection square switches to English', async () => {
    await streamer.getByTestId('nav-selection').click();
    await switchLanguage(streamer, 'en-US');
    await streamer.getByText('Selection square', { exact: true }).first().waitFor();
    await streamer.getByTestId('square-search').locator('input').fill('保温杯 316');
    await streamer.getByTestId('square-search').locator('input').press('Enter');
    const card = streamer.locator(`[data-testid="pool-card"][data-product-id="${flaskId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('pool-commission').textContent()).toContain('Commission 20%');
    await screenshot(streamer, 'selection-square-en');
  });
});
