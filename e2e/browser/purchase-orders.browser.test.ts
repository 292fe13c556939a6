/**
 * Browser test of 采购单: the demo merchant opens 采购 from the menu and sends a purchase order of two SKUs to its
 * seeded supplier (上海云链供应链管理有限公司, named for every product) into 云链嘉定中心仓 — the same SKU on two
 * lines is refused by the server, its message under the second line's SKU; the provider's staff confirms (接单) and
 * ships it (发货, carrier and tracking number) in 供应商工作台; the merchant receives it — one unit of the first line
 * rejected at the quality check, the rest accepted — and the order shows 已收货 with its receipt, and 库存 the
 * accepted units on hand. Screenshots go to e2e/browser/__screenshots__/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  expectNoRawText,
  fieldError,
  openFromNav,
  pickFromSelect,
  screenshotDir,
  signInHttp,
  switchLanguage,
  tablesLoaded,
} from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const AREAS = ['po', 'inventory'];
const SLOW = { timeout: 240_000 };

interface Level {
  skuId: string;
  productTitle: string;
  skuName: string;
  onHand: number;
  warehouses: Array<{ warehouseId: string; onHand: number }>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Picks the option with exactly this label in the select (by test id) of the open dialog; a searchable select is
 * searched first (its list is virtual: an option far down is not drawn until the search brings it up).
 */
async function pick(page: Page, testId: string, label: string, search = false): Promise<void> {
  if (search) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(label);
  }
  await pickFromSelect(
    page,
    testId,
    page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${escapeRe(label)}$`) }),
  );
  await expect.poll(() => page.getByTestId(testId).textContent()).toContain(label);
}

/** The dialog has finished opening (a select in a dialog still zooming in loses its dropdown to the focus). */
const modalOpened = (page: Page) => expect.poll(() => page.locator('.ant-modal[class*="zoom"]').count()).toBe(0);

/** No select's list is open or still fading out over the dialog. */
const dropdownsClosed = (page: Page) => expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);

describe.skipIf(!browserAvailable)('purchase orders', () => {
  suite.aroundTests();

  it('merchant orders → supplier confirms and ships → merchant receives (one rejected) → 已收货 and stock up', SLOW, async () => {
    // the demo merchant's SKUs and what it holds of them now
    const merchantHttp = await signInHttp(suite.baseUrl, 'merchant');
    const before = (await apiAs<{ items: Level[] }>(suite.baseUrl, merchantHttp, 'GET', '/api/inventory/levels')).items;
    const labelOf = (l: Level) => `${l.productTitle} · ${l.skuName}`;
    const orders = async () =>
      (await apiAs<{ items: Array<{ id: string; number: string }> }>(suite.baseUrl, merchantHttp, 'GET', '/api/supply/purchase-orders'))
        .items;
    const existing = new Set((await orders()).map((po) => po.id));
    // two SKUs told apart by their names (on the first page of 库存)
    const [a, b] = before.slice(0, 20).filter((l, _, all) => all.filter((x) => labelOf(x) === labelOf(l)).length === 1);
    if (!a || !b) throw new Error('the demo merchant has two SKUs');

    // ── the merchant sends the order ──
    const merchant = await suite.freshPage();
    await merchant.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(merchant, 'merchant');
    await openFromNav(merchant, 'merchant-purchases', '/merchant/purchases');
    await merchant.getByTestId('po-title').waitFor();
    expect(await merchant.getByTestId('po-title').textContent()).toBe('采购');

    await merchant.getByTestId('po-create').click();
    // (a modal's root has no box of its own: the dialog is waited for by a field in it)
    const dialog = merchant.getByTestId('po-supplier');
    await dialog.waitFor();
    await modalOpened(merchant);
    await pick(merchant, 'po-supplier', '上海云链供应链管理有限公司');
    await pick(merchant, 'po-warehouse', '云链嘉定中心仓（服务商仓）');
    await pick(merchant, 'po-sku-0', labelOf(a), true);
    await merchant.getByTestId('po-qty-0').fill('10');
    await merchant.getByTestId('po-cost-0').fill('12.5');
    await merchant.getByTestId('po-add-line').click();
    await merchant.getByTestId('po-qty-1').fill('5');
    await merchant.getByTestId('po-cost-1').fill('8');
    await merchant.getByTestId('po-note').fill('直播备货');
    // the same SKU twice: the server's answer names the second line's SKU, and the form shows it there
    await pick(merchant, 'po-sku-1', labelOf(a), true);
    await merchant.getByTestId('po-submit').click();
    await expect.poll(() => fieldError(merchant, 'po-sku-1')).toContain('同一规格重复');
    expect(await fieldError(merchant, 'po-sku-0')).toBe('');
    await pick(merchant, 'po-sku-1', labelOf(b), true);
    await expect.poll(() => fieldError(merchant, 'po-sku-1')).toBe('');
    await expect.poll(() => merchant.getByTestId('po-form-total').textContent()).toBe('合计 ¥165.00');
    await dropdownsClosed(merchant);
    await merchant.screenshot({ path: path.join(screenshotDir, 'purchase-order-create.png') });
    await merchant.getByTestId('po-submit').click();
    await merchant.getByText('采购单已发给供应商').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // the demo's own orders are listed too: this one is the order that was not there before
    const sent = (await orders()).find((po) => !existing.has(po.id));
    if (!sent) throw new Error('the order was not stored');
    const number = sent.number;
    expect(number).toMatch(/^CG\d{8}[0-9A-F]{8}$/);
    const row = merchant.getByTestId(`po-row-${number}`);
    await row.getByText('待接单').waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('上海云链供应链管理有限公司');
    expect(rowText).toContain('云链嘉定中心仓');
    expect(rowText).toContain('¥165.00');
    await tablesLoaded(merchant);
    await expectNoRawText(merchant, AREAS);
    await suite.screenshot(merchant, 'purchase-orders-sent');

    // ── the provider's staff confirms and ships it ──
    const provider = await suite.freshPage();
    await provider.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(provider, 'provider');
    await openFromNav(provider, 'supplier-console', '/supplier');
    const section = provider.getByTestId('supplier-purchase-orders');
    const pRow = section.getByTestId(`po-row-${number}`);
    await pRow.getByText('待接单').waitFor();
    expect(await pRow.textContent()).toContain('¥165.00');
    await pRow.getByTestId('po-action-confirm').click();
    await provider.locator('.ant-popover:visible [data-testid="po-confirm-ok"]').click();
    await pRow.getByText('已接单').waitFor();
    await pRow.getByTestId('po-action-ship').click();
    const ship = provider.getByTestId('po-carrier');
    await ship.waitFor();
    await provider.getByTestId('po-carrier').fill('顺丰速运');
    await provider.getByTestId('po-tracking-no').fill('SF1402938475');
    await provider.getByTestId('po-ship-submit').click();
    await ship.waitFor({ state: 'detached' });
    await pRow.getByText('已发货').waitFor();
    await expectNoRawText(provider, AREAS);
    await suite.screenshot(provider, 'purchase-orders-supplier-shipped');

    // ── the merchant receives: 9 of the first line accepted and 1 rejected, the second line in full ──
    await merchant.reload();
    const mRow = merchant.getByTestId(`po-row-${number}`);
    await mRow.getByText('已发货').waitFor();
    await mRow.getByTestId('po-number').click();
    const detail = merchant.getByTestId('po-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('po-tracking').textContent()).toContain('顺丰速运 SF1402938475');
    await detail.getByTestId('po-action-receive').click();
    const receive = merchant.getByTestId('po-accepted-0');
    await receive.waitFor();
    // what was shipped and not yet received is offered: 10 and 5
    await expect.poll(() => merchant.getByTestId('po-accepted-0').inputValue()).toBe('10');
    await expect.poll(() => merchant.getByTestId('po-accepted-1').inputValue()).toBe('5');
    // past what was ordered, a 差异说明 is asked for
    await merchant.getByTestId('po-rejected-0').fill('1');
    await merchant.getByTestId('po-reason-0').waitFor();
    await merchant.getByTestId('po-accepted-0').fill('9');
    await merchant.getByTestId('po-reason-0').waitFor({ state: 'detached' });
    await merchant.getByTestId('po-receive-note').fill('1 件外包装破损，退回供应商');
    await merchant.screenshot({ path: path.join(screenshotDir, 'purchase-order-receive.png') });
    await merchant.getByTestId('po-receive-submit').click();
    await receive.waitFor({ state: 'detached' });
    await detail.getByText('已收货').first().waitFor();
    await mRow.getByText('已收货').waitFor();
    const receipts = (await detail.getByTestId('po-receipts').textContent()) ?? '';
    expect(receipts).toContain(`${labelOf(a)}：合格入库 9，拒收 1`);
    expect(receipts).toContain(`${labelOf(b)}：合格入库 5，拒收 0`);
    expect(await detail.getByTestId('po-line-rejected').allTextContents()).toEqual(['1', '0']);
    expect(await detail.getByTestId('po-line-received').allTextContents()).toEqual(['9', '5']);
    await expectNoRawText(merchant, AREAS);
    await suite.screenshot(merchant, 'purchase-order-received');

    // ── 库存: the accepted units are on hand ──
    await merchant.goto(`${suite.baseUrl}/merchant/purchases`);
    await openFromNav(merchant, 'inventory', '/merchant/inventory');
    await merchant.getByTestId('inventory-page').waitFor();
    await tablesLoaded(merchant);
    const after = (await apiAs<{ items: Level[] }>(suite.baseUrl, merchantHttp, 'GET', '/api/inventory/levels')).items;
    for (const [sku, accepted] of [
      [a, 9],
      [b, 5],
    ] as const) {
      expect(after.find((l) => l.skuId === sku.skuId)?.onHand).toBe(sku.onHand + accepted);
      const stockRow = merchant.locator('tr.ant-table-row').filter({ hasText: sku.productTitle }).filter({ hasText: sku.skuName }).first();
      await expect.poll(() => stockRow.locator('td').nth(2).textContent()).toBe(String(sku.onHand + accepted));
    }
    await suite.screenshot(merchant, 'purchase-order-inventory');
  });

  it('the merchant cancels an order before it ships, with a reason (撤销)', SLOW, async () => {
    const http = await signInHttp(suite.baseUrl, 'merchant');
    const [link] = (await apiAs<{ items: Array<{ supplierOrgId: string }> }>(suite.baseUrl, http, 'GET', '/api/supply/suppliers')).items;
    const warehouses = (
      await apiAs<{ items: Array<{ id: string; isDefault: boolean }> }>(suite.baseUrl, http, 'GET', '/api/inventory/warehouses')
    ).items;
    const [sku] = (await apiAs<{ items: Level[] }>(suite.baseUrl, http, 'GET', '/api/inventory/levels')).items;
    const po = await apiAs<{ id: string; number: string }>(suite.baseUrl, http, 'POST', '/api/supply/purchase-orders', {
      supplierOrgId: link?.supplierOrgId,
      warehouseId: warehouses.find((w) => w.isDefault)?.id,
      expectedOn: new Date(Date.now() + 8 * 3_600_000 + 5 * 86_400_000).toISOString().slice(0, 10),
      lines: [{ skuId: sku?.skuId, qty: 3, unitCostFen: 990 }],
    });

    const page = await suite.freshPage();
    await suite.login(page, 'merchant');
    await page.goto(`${suite.baseUrl}/merchant/purchases?po=${po.id}`);
    const detail = page.getByTestId('po-detail');
    await detail.getByText('待接单').waitFor();
    await detail.getByTestId('po-action-cancel').click();
    await page.getByTestId('po-reason-input').fill('直播排期调整，暂不采购');
    await page.getByTestId('po-reason-submit').click();
    await page.getByText('采购单已撤销').waitFor();
    await detail.getByText('已撤销').waitFor();
    expect(await detail.getByTestId('po-end-reason').textContent()).toBe('直播排期调整，暂不采购');
    await page.getByTestId(`po-row-${po.number}`).getByText('已撤销').waitFor();
    expect(await detail.getByTestId('po-action-cancel').count()).toBe(0);
    await suite.screenshot(page, 'purchase-order-cancelled');

    // in English the same page speaks English
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await switchLanguage(page, 'en-US');
    await page.getByTestId(`po-row-${po.number}`).getByText('Cancelled').waitFor();
    await page.getByRole('columnheader', { name: 'PO number' }).waitFor();
    await expectNoRawText(page, AREAS);
    await suite.screenshot(page, 'purchase-order-cancelled-en');
  });
});
