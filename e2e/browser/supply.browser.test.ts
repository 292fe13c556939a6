/**
 * Browser test of 需求协同: the demo service provider opens 供应商工作台 from the menu and sees the demo's live room
 * (盐池滩羊, whose merchant names it supplier in the seed) with its demand per SKU; the room then sells a SKU fast —
 * orders through the real order and payment services — and the alert reaches the open page through the stream (no
 * reload) with its 预计售罄 in Chinese; 补货 records a request the provider confirms. The room's merchant turns the
 * request into a purchase order (转采购单) on 实时需求; the provider ships it, the merchant receives it, and the units
 * are back on sale in the room — the open page shows the SKU's stock rise through the stream. Screenshots go to
 * e2e/browser/__screenshots__/.
 */
import type { Actor } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { adjustStock } from '@livehub/server/testing';
import { openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
const SLOW = { timeout: 180_000 };

describe.skipIf(!browserAvailable)('supplier console', () => {
  suite.aroundTests();

  it('a live room sells fast → the supplier sees the alert live and asks for 补货', SLOW, async () => {
    const c = suite.server.platform.c;
    const [live] = await c.uow.read.live.listSessions({ status: ['live'], limit: 5 });
    expect(live?.title).toMatch(/盐池滩羊/);
    const sessionId = live?.id as string;
    const [product] = await c.uow.read.live.listProducts(sessionId);
    const [sku] = await c.uow.read.catalog.listSkus([product?.productId as string]);
    const skuId = sku?.id as string;

    const page = await suite.freshPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(page, 'provider');
    await openFromNav(page, 'supplier-console', '/supplier');
    await page.getByText('供应商工作台').first().waitFor();
    await page.getByTestId('demand-session').filter({ hasText: '盐池滩羊' }).waitFor();
    await page.getByText('暂无预警').waitFor();

    // a small stock (a test fixture: the SKU's sellable units), so the room sells it out within minutes
    await adjustStock(c, skuId, 10 - (sku?.stock ?? 0));

    // the room sells 8 of the 10 units within the minute
    const consumer = await c.uow.read.users.findByUsername('consumer_00001');
    const buyer: Actor = {
      userId: consumer?.id ?? null,
      orgId: null,
      membershipId: null,
      role: 'consumer',
      label: 'buyer',
      via: 'session',
    };
    const address = await c.orders.saveAddress(buyer, {
      name: '李雷',
      phone: '13812345679',
      region: '上海市 嘉定区',
      detail: '安亭镇墨玉南路 1 号',
      isDefault: true,
    });
    for (let i = 0; i < 4; i++) {
      const r = await c.orders.create(buyer, { lines: [{ skuId, qty: 2 }], addressId: address.id, sessionId });
      const paid = await c.orders.pay(buyer, r.body.id, 'sim');
      const payment = (await c.uow.read.orders.listPayments(r.body.id)).find((x) => x.id === paid.paymentId);
      if (!payment) throw new Error('payment stored');
      c.payments.sim.answer(payment, 'succeed', buyer.userId ?? '');
      const n = c.payments.sim.signed({
        kind: 'payment.succeeded',
        paymentId: payment.id,
        refundId: null,
        amountFen: payment.amountFen,
        providerRef: payment.providerRef ?? `t-${payment.id.slice(-8)}`,
        reason: null,
        payerAccount: c.payments.sim.payerAccount(buyer.userId ?? ''),
      });
      await c.orders.onNotification('sim', n.headers, n.body);
    }
    await c.demand.sweep();
    for (;;) {
      const r = await c.outbox.dispatch();
      if (r.published === 0 && !r.pending) break;
    }

    const alerts = page.getByTestId('demand-alerts');
    await alerts.waitFor({ timeout: 60_000 });
    const text = (await alerts.textContent()) ?? '';
    expect(text).toContain('即将售罄');
    expect(text).toMatch(/预计 \d+ 分钟售罄/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId(`projection-${skuId}`).first().waitFor();
    await suite.screenshot(page, 'supplier-console-alert');

    await alerts
      .getByRole('button', { name: /补\s?货/ })
      .first()
      .click();
    await page.getByText('已发起补货申请').waitFor();
    await page.getByText('待确认').first().waitFor();
    await page
      .getByRole('button', { name: /确\s?认/ })
      .first()
      .click();
    await page.getByText('已确认').first().waitFor();
    const [req] = await c.uow.read.supply.listReplenishments({
      supplierOrgId: (await c.uow.read.supply.listLinks({ merchantOrgIds: [product?.merchantOrgId as string] }))[0]
        ?.supplierOrgId as string,
      limit: 5,
    });
    expect(req).toMatchObject({ status: 'confirmed', skuId });

    // the room's merchant turns the request into a purchase order (转采购单) on 实时需求
    const merchantOrgId = product?.merchantOrgId as string;
    const staff = (await c.uow.read.memberships.listForOrg(merchantOrgId)).find((m) => m.role === 'merchant_staff');
    const mPage = await suite.freshPage();
    await mPage.setViewportSize({ width: 1600, height: 1000 });
    await suite.login(mPage, staff?.username as string);
    await openFromNav(mPage, 'merchant-demand', '/merchant/demand');
    await mPage.getByTestId(`stock-${skuId}`).first().waitFor();
    expect(await mPage.getByTestId(`stock-${skuId}`).first().textContent()).toBe('2');
    await mPage.getByTestId('replenishment-to-po').first().click();
    await mPage.getByTestId('replenishment-price').fill('36.5');
    await mPage.getByRole('dialog').getByRole('button', { name: '转采购单' }).click();
    await mPage.waitForURL(/\/merchant\/purchases\?po=/);
    const poId = new URL(mPage.url()).searchParams.get('po') as string;
    await mPage.getByText('待接单').first().waitFor();
    const po = await c.uow.read.supply.findPurchaseOrder(poId);
    expect(po).toMatchObject({ replenishmentId: req?.id, status: 'sent' });
    expect(po?.lines).toMatchObject([{ skuId, qty: req?.qty, unitCostFen: 3_650 }]);
    await suite.screenshot(mPage, 'replenishment-purchase-order');

    // the provider ships it; the merchant receives it into its 默认仓 — the units are back on sale in the room
    const providerStaff = (await c.uow.read.memberships.listForOrg(po?.supplierOrgId as string)).find((m) => m.role === 'provider_staff');
    const providerActor: Actor = {
      userId: providerStaff?.userId ?? null,
      orgId: po?.supplierOrgId ?? null,
      membershipId: null,
      role: 'provider_staff',
      label: 'provider',
      via: 'session',
    };
    const merchantActor: Actor = {
      userId: staff?.userId ?? null,
      orgId: merchantOrgId,
      membershipId: null,
      role: 'merchant_staff',
      label: 'merchant',
      via: 'session',
    };
    await c.purchaseOrders.confirm(providerActor, poId);
    await c.purchaseOrders.ship(providerActor, poId, { carrier: '顺丰速运', trackingNo: 'SF20261206001' });
    await c.purchaseOrders.receive(merchantActor, poId, { lines: [{ lineNo: 1, accepted: req?.qty ?? 0, rejected: 0 }] });
    expect((await c.uow.read.inventory.skuFacts(skuId))?.sellable).toBe(2 + (req?.qty ?? 0));
    await c.demand.sweep();
    await mPage.goto(new URL('/merchant/demand', mPage.url()).toString());
    await expect
      .poll(async () => mPage.getByTestId(`stock-${skuId}`).first().textContent(), { timeout: 30_000 })
      .toBe(String(2 + (req?.qty ?? 0)));
    // the request now links to its order instead of offering another
    await mPage.getByTestId('replenishment-po').first().waitFor();
    expect(await mPage.getByTestId('replenishment-to-po').count()).toBe(0);
    await suite.screenshot(mPage, 'replenishment-received-demand');
  });
});
