/**
 * Browser test of ordering from a live room (issue "Orders, flash sales, payments and after-sales"): the demo
 * streamer goes live with a product of the demo merchant (their agreement is in force) and pins it; a consumer on a
 * phone opens the room and the pinned card's 购买 leads to checkout for that product, attributed to the session. The
 * streamer starts a flash sale from the console; the consumer's room shows its card with the stock left, 马上抢 leads
 * to checkout, a wrong mobile number is refused on its field, the order is placed and paid on the simulated
 * provider's page, and the order page turns paid once the provider's notification lands; the console's flash sale
 * and 本场订单 count it. The merchant opens the shipping label and ships; the consumer confirms receipt and asks for
 * a 7-day no-reason return; the merchant approves; the consumer sends it back; the merchant confirms receipt and
 * refunds; the consumer sees the order refunded. Screenshots (phone for the buyer, desktop for the merchant and the
 * console) go to <tmpdir>/livehub-orders-screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  confirmPopover,
  type HttpAuth,
  openFromNav,
  pickFromSelect,
  signInHttp,
  tablesLoaded,
  toastsGone,
} from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();

const shotDir = path.join(tmpdir(), 'livehub-orders-screenshots');

const TITLE = '夏日好物直播 · 下单测试';
const TRACKING = 'SF1234567890123';
const RETURN_TRACKING = 'YT9876543210';
/** the payment's notification comes asynchronously: generous waits, no thresholds */
const SLOW = { timeout: 60_000 };

/** A screenshot once toasts and table spinners are gone. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await toastsGone(page);
  await tablesLoaded(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage });
}

type Auth = HttpAuth;
const signIn = (username: string) => signInHttp(suite.baseUrl, username);
const api = <T>(auth: Auth, method: 'GET' | 'POST', url: string, body?: unknown) => apiAs<T>(suite.baseUrl, auth, method, url, body);
const newPage = (mobile: boolean) => suite.harness.freshPage({ mobile });

const pickCarrier = (page: Page, key: string) =>
  pickFromSelect(page, page.locator('[data-testid="ship-modal"] [data-testid="ship-carrier"]'), `carrier-${key}`);

/** State the steps hand on. */
let streamer: Page;
let buyer: Page;
let merchant: Page;
let sessionId = '';
let productId = '';
let productTitle = '';
let orderId = '';

describe.skipIf(!browserAvailable)('orders from the live room', () => {
  // no LIVEHUB_PUBLIC_URL: the payment page and its way back follow the address the browser opened (127.0.0.1)
  suite.aroundTests({
    setUp: () => {
      mkdirSync(shotDir, { recursive: true });
    },
  });

  it('the streamer goes live with the demo merchant’s product and pins it', async () => {
    const merchantAuth = await signIn('merchant');
    const streamerAuth = await signIn('streamer');
    // the agreement in force between the demo streamer and the demo merchant names the products they may sell
    const agreements = await api<Array<{ merchantOrgId: string; versions: Array<{ terms: { products: Array<{ productId: string }> } }> }>>(
      streamerAuth,
      'GET',
      '/api/agreements?status=in_force',
    );
    const mine = agreements.find((a) => a.merchantOrgId === merchantAuth.orgId);
    if (!mine) throw new Error('no agreement in force with the demo merchant');
    productId = mine.versions[0]?.terms.products[0]?.productId ?? '';
    const scheduled = await api<{ session: { id: string; products: Array<{ productId: string; title: string }> } }>(
      streamerAuth,
      'POST',
      '/api/live/sessions',
      { title: TITLE, scheduledAt: new Date().toISOString(), productIds: [productId], coHostUserIds: [] },
    );
    sessionId = scheduled.session.id;
    productTitle = scheduled.session.products.find((p) => p.productId === productId)?.title ?? '';
    await api(streamerAuth, 'POST', `/api/live/sessions/${sessionId}/start`);

    streamer = await newPage(false);
    await suite.harness.login(streamer, 'streamer');
    await streamer.goto(`${suite.baseUrl}/live/sessions/${sessionId}`);
    await streamer.locator('[data-testid="live-panel"][data-phase="open"]').waitFor();
    await streamer.locator(`[data-testid="live-product"][data-product-id="${productId}"]`).getByTestId('pin-button').click();
    await streamer.locator(`[data-testid="live-product"][data-product-id="${productId}"][data-pinned="true"]`).waitFor();
    // the selling tools sit under the room panel
    await streamer.getByTestId('flash-sales').waitFor();
    await streamer.getByTestId('session-orders').waitFor();
  });

  it('a consumer on a phone: the pinned card’s 购买 opens checkout for that product, from this room', async () => {
    buyer = await newPage(true);
    await suite.harness.login(buyer, 'consumer');
    await buyer.goto(`${suite.baseUrl}/live/rooms/${sessionId}`);
    await buyer.locator('[data-testid="room-page"][data-phase="open"]').waitFor();
    const pinned = buyer.locator(`[data-testid="pinned-card"][data-product-id="${productId}"]`);
    await pinned.waitFor();
    await pinned.getByTestId('buy-button').click();
    await buyer.waitForURL((url) => url.pathname === '/checkout');
    const params = new URL(buyer.url()).searchParams;
    expect(params.get('product')).toBe(productId);
    expect(params.get('session')).toBe(sessionId);
    expect(await buyer.getByTestId('checkout-title').textContent()).toBe(productTitle);
    expect(await buyer.getByTestId('checkout-attribution').textContent()).toContain(TITLE);
    await shot(buyer, 'buyer-checkout-pinned', false);
    await buyer.getByTestId('buyer-back').click();
    await buyer.waitForURL((url) => url.pathname === `/live/rooms/${sessionId}`);
    await buyer.locator('[data-testid="room-page"][data-phase="open"]').waitFor();
  });

  it('the streamer starts a flash sale; the room shows its card and 马上抢 leads to checkout', async () => {
    await streamer.getByTestId('flash-new').click();
    await pickFromSelect(streamer, 'flash-product', `flash-product-${productId}`);
    // the product's first SKU in stock is picked; the flash price must not exceed its list price
    const skuInfo = streamer.locator('[data-testid="flash-modal"] .ant-form-item-extra');
    await skuInfo.waitFor();
    const listYuan = Number(((await skuInfo.textContent()) ?? '').match(/¥([\d,.]+)/)?.[1]?.replace(/,/g, ''));
    expect(listYuan).toBeGreaterThan(1);
    await streamer.getByTestId('flash-price').fill(String(Math.floor(listYuan / 2)));
    await streamer.getByTestId('flash-quantity').fill('20');
    await streamer.getByTestId('flash-limit').fill('2');
    await shot(streamer, 'console-flash-form', false);
    await streamer.getByTestId('flash-submit').click();
    const row = streamer.locator('[data-testid="flash-row"][data-state="running"]');
    await row.waitFor();
    expect(await row.getByTestId('flash-left').textContent()).toContain('20');

    // the room's countdown event brings the card: price, stock left, the time to its end
    const card = buyer.getByTestId('flash-card');
    await card.waitFor();
    expect(await card.getAttribute('data-left')).toBe('20');
    expect(await card.getByTestId('flash-price').textContent()).toBe(
      `¥${Math.floor(listYuan / 2).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
    );
    expect(await card.getByTestId('flash-countdown').textContent()).toMatch(/\d{2}:\d{2} 后结束/);
    await shot(buyer, 'buyer-room-flash', false);
    await card.getByTestId('flash-buy').click();
    await buyer.waitForURL((url) => url.pathname === '/checkout' && url.searchParams.has('flash'));
    await buyer.locator('[data-testid="checkout-flash"][data-state="running"]').waitFor();
    expect(await buyer.getByTestId('checkout-title').textContent()).toBe(productTitle);
  });

  it('checkout: a wrong mobile number is refused on its field; the order is placed and paid on the provider’s page', async () => {
    // a new address (the demo consumer has a saved one, chosen by default)
    await buyer.getByTestId('address-new').click();
    await buyer.getByTestId('addr-name').fill('林小满');
    await buyer.getByTestId('addr-phone').fill('1380013800');
    await buyer.getByTestId('addr-region').fill('上海市 嘉定区');
    await buyer.getByTestId('addr-detail').fill('安亭镇墨玉南路 888 号 6 楼 601 室');
    await buyer.getByTestId('qty-plus').click();
    expect(await buyer.getByTestId('qty-input').inputValue()).toBe('2');
    await buyer.getByTestId('checkout-submit').click();
    // the API's field error lands on the phone field
    const phoneError = buyer.locator('.ant-form-item-has-error', { has: buyer.getByTestId('addr-phone') });
    await phoneError.waitFor();
    expect(await phoneError.locator('.ant-form-item-explain-error').textContent()).toBe('请输入正确的 11 位手机号码');
    await buyer.getByTestId('addr-phone').scrollIntoViewIfNeeded();
    await shot(buyer, 'buyer-checkout-phone-error', false);

    await buyer.getByTestId('addr-phone').fill('13800138000');
    await buyer.getByTestId('checkout-submit').click();
    // the simulated provider's page (the provider's origin: here the platform's own, under /api/payments/sim)
    await buyer.waitForURL((url) => url.pathname.startsWith('/api/payments/sim/'), SLOW);
    await buyer.getByTestId('sim-pay').waitFor();
    await shot(buyer, 'buyer-provider-page', false);
    await buyer.getByTestId('sim-pay').click();
    // back to the order, which turns paid once the signed notification has landed
    await buyer.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname), SLOW);
    orderId = new URL(buyer.url()).pathname.split('/').pop() ?? '';
    await buyer.locator('[data-testid="order-status"][data-status="paid"]').waitFor(SLOW);
    // what the browser sent for the fake-order detector — its device id with the order, the wallet with the payment —
    // is kept as keyed hashes only
    const signals = (await suite.server.platform.c.uow.read.orders.signalOrders(sessionId, new Date(0), 50)).find((o) => o.id === orderId);
    expect(signals?.deviceHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signals?.ipHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signals?.payerAccountHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const lines = buyer.getByTestId('order-line');
    expect(await lines.count()).toBe(1);
    expect(await lines.first().textContent()).toContain(productTitle);
    expect(await lines.first().textContent()).toContain('×2');
    expect(await buyer.getByTestId('no-reason-badge').first().getAttribute('data-allowed')).toBe('true');
    // the address is masked; the room and its streamer are named
    expect(await buyer.getByTestId('order-address').textContent()).toContain('138****8000');
    expect(await buyer.getByTestId('order-address').textContent()).not.toContain('墨玉南路 888');
    expect(await buyer.getByTestId('order-attribution').textContent()).toContain(TITLE);
    await buyer.getByTestId('order-refund').waitFor();
    await shot(buyer, 'buyer-order-paid', false);

    // the console: the sale sold two, and the session's orders count the paid one
    await streamer.locator('[data-testid="flash-row"] [data-testid="flash-sold"]', { hasText: '2/20' }).waitFor(SLOW);
    await streamer.locator(`[data-testid="session-order"][data-order-id="${orderId}"][data-status="paid"]`).waitFor(SLOW);
    expect(await streamer.locator('[data-testid="session-orders-count"] .ant-statistic-content-value').textContent()).toBe('1');
    await shot(streamer, 'console-flash-and-orders');
  });

  it('the merchant opens the shipping label and ships', async () => {
    merchant = await newPage(false);
    await suite.harness.login(merchant, 'merchant');
    await openFromNav(merchant, 'merchant-orders', '/merchant/orders');
    const row = merchant.locator(`[data-testid="merchant-order-row"][data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('paid');
    // the list masks the address; the label shows it whole
    expect(await row.textContent()).toContain('138****8000');
    await row.getByTestId('order-label').click();
    const label = merchant.getByTestId('label-modal');
    await label.getByTestId('label-phone').waitFor();
    expect(await label.getByTestId('label-phone').textContent()).toBe('13800138000');
    expect(await label.getByTestId('label-detail').textContent()).toContain('墨玉南路 888 号');
    await shot(merchant, 'merchant-shipping-label', false);
    await label.getByTestId('label-close').click();
    await label.waitFor({ state: 'hidden' });

    await row.getByTestId('order-ship').click();
    await pickCarrier(merchant, 'sf');
    await merchant.getByTestId('ship-tracking').fill(TRACKING);
    await shot(merchant, 'merchant-ship-dialog', false);
    await merchant.getByTestId('ship-submit').click();
    await merchant.locator(`[data-testid="merchant-order-row"][data-order-id="${orderId}"][data-status="shipped"]`).waitFor();
    expect(await row.getByTestId('merchant-order-shipment').textContent()).toContain(TRACKING);
    await shot(merchant, 'merchant-orders');
  });

  it('the consumer confirms receipt and asks for a 7-day no-reason return', async () => {
    await buyer.reload();
    await buyer.locator('[data-testid="order-status"][data-status="shipped"]').waitFor();
    expect(await buyer.getByTestId('order-status-sub').textContent()).toContain(TRACKING);
    // 物流轨迹: the carrier's Chinese name and the package's status, before the carrier's first push
    await buyer.getByTestId('tracking-status').waitFor();
    expect(await buyer.getByTestId('tracking-carrier').textContent()).toBe('顺丰速运');
    expect(await buyer.getByTestId('tracking-status').textContent()).toBe('已发货');
    await buyer.getByTestId('order-deliver').click();
    await confirmPopover(buyer, 'order-deliver-ok');
    await buyer.locator('[data-testid="order-status"][data-status="delivered"]').waitFor();
    expect(await buyer.getByTestId('order-status-sub').textContent()).toMatch(/七天无理由退货截至 \d{4}-\d{2}-\d{2}/);

    await buyer.getByTestId('order-return').click();
    const modal = buyer.getByTestId('return-modal');
    await modal.getByTestId('return-by').waitFor();
    expect(await modal.getByTestId('return-line-qty').inputValue()).toBe('2');
    await modal.getByTestId('return-reason').fill('尺码偏大，不想要了');
    await shot(buyer, 'buyer-return-request', false);
    await modal.getByTestId('return-submit').click();
    await buyer.locator('[data-testid="return-card"][data-status="requested"]').waitFor();
    await buyer.locator('[data-testid="return-card"]').scrollIntoViewIfNeeded();
    await shot(buyer, 'buyer-return-requested', false);
  });

  it('the merchant approves; the consumer sends it back', async () => {
    await openFromNav(merchant, 'merchant-returns', '/merchant/returns');
    const row = merchant.locator('[data-testid="merchant-return-row"][data-status="requested"]', { hasText: '尺码偏大' });
    await row.waitFor();
    await row.getByTestId('return-approve').click();
    await confirmPopover(merchant, 'return-confirm-ok');
    await merchant.locator('[data-testid="merchant-return-row"][data-status="approved"]', { hasText: '尺码偏大' }).waitFor();

    const card = buyer.locator('[data-testid="return-card"][data-status="approved"]');
    await card.waitFor(SLOW);
    await card.getByTestId('return-ship').click();
    await pickCarrier(buyer, 'yto');
    await buyer.getByTestId('ship-tracking').fill(RETURN_TRACKING);
    await shot(buyer, 'buyer-return-ship-dialog', false);
    await buyer.getByTestId('ship-submit').click();
    await buyer.locator('[data-testid="return-card"][data-status="shipped_back"]').waitFor();
  });

  it('the merchant confirms receipt and refunds; the consumer sees the order refunded', async () => {
    const row = () => merchant.locator('[data-testid="merchant-return-row"]', { hasText: '尺码偏大' });
    await merchant.locator('[data-testid="merchant-return-row"][data-status="shipped_back"]', { hasText: '尺码偏大' }).waitFor(SLOW);
    expect(await row().textContent()).toContain(RETURN_TRACKING);
    await shot(merchant, 'merchant-returns-shipped-back');
    await row().getByTestId('return-receive').click();
    await confirmPopover(merchant, 'return-confirm-ok');
    // the refund lands through the provider's notification: the list polls until it has
    await merchant.locator('[data-testid="merchant-return-row"][data-status="refunded"]', { hasText: '尺码偏大' }).waitFor(SLOW);
    await shot(merchant, 'merchant-returns-refunded');

    await buyer.locator('[data-testid="order-status"][data-status="refunded"]').waitFor(SLOW);
    expect(await buyer.getByTestId('order-status').textContent()).toContain('已退款');
    await buyer.locator('[data-testid="return-card"][data-status="refunded"]').waitFor(SLOW);
    expect(await buyer.getByTestId('order-refunded').textContent()).toContain('已退');
    await buyer.evaluate('window.scrollTo(0, 0)');
    await shot(buyer, 'buyer-order-refunded', false);
    await buyer.locator('[data-testid="return-card"]').scrollIntoViewIfNeeded();
    await shot(buyer, 'buyer-return-refunded', false);

    // 我的订单 lists it refunded, and its return under 退款/售后; the same page speaks English
    await buyer.getByTestId('buyer-orders-link').click();
    await buyer.waitForURL((url) => url.pathname === '/orders');
    await buyer.locator(`[data-testid="order-card"][data-order-id="${orderId}"][data-status="refunded"]`).waitFor();
    await shot(buyer, 'buyer-my-orders', false);
    await buyer.getByTestId('orders-tab-returns').click();
    await buyer.locator('[data-testid="my-return"][data-status="refunded"]', { hasText: productTitle }).waitFor();
    await buyer.getByTestId('lang-switch').click();
    await buyer.getByTestId('lang-en-US').click();
    await buyer.getByTestId('orders-tab-returns').filter({ hasText: 'Returns' }).waitFor();
    await buyer.locator('[data-testid="my-return"][data-status="refunded"]', { hasText: 'Refunded' }).waitFor();
    await shot(buyer, 'buyer-my-returns-english', false);
  });
  it('a consumer buys the pinned product at its list price from the room and pays', async () => {
    // back to Chinese (the previous step switched to English)
    await buyer.getByTestId('lang-switch').click();
    await buyer.getByTestId('lang-zh-CN').click();
    await buyer.goto(`${suite.baseUrl}/live/rooms/${sessionId}`);
    await buyer.locator('[data-testid="room-page"][data-phase="open"]').waitFor();
    const pinned = buyer.locator(`[data-testid="pinned-card"][data-product-id="${productId}"]`);
    await pinned.waitFor();
    await pinned.getByTestId('buy-button').click();
    await buyer.waitForURL((url) => url.pathname === '/checkout' && !url.searchParams.has('flash'));
    // the product's SKUs are readable while it is on sale in a live room: the list price, no flash sale
    await buyer.getByTestId('checkout-skus').waitFor(SLOW);
    await buyer.locator('[data-testid="checkout-submit"]:not([disabled])').waitFor(SLOW);
    await shot(buyer, 'buyer-checkout-list-price', false);
    await buyer.getByTestId('checkout-submit').click();
    await buyer.waitForURL((url) => url.pathname.startsWith('/api/payments/sim/'), SLOW);
    await buyer.getByTestId('sim-pay').click();
    await buyer.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname), SLOW);
    await buyer.locator('[data-testid="order-status"][data-status="paid"]').waitFor(SLOW);
    const id = new URL(buyer.url()).pathname.split('/').pop() ?? '';
    const order = await api<{ attribution: { sessionId: string; flashSaleId: string | null }; lines: Array<{ productId: string }> }>(
      await signIn('consumer'),
      'GET',
      `/api/orders/${id}`,
    );
    expect(order.attribution.sessionId).toBe(sessionId);
    expect(order.attribution.flashSaleId).toBeNull();
    expect(order.lines[0]?.productId).toBe(productId);
    await shot(buyer, 'buyer-order-list-price-paid', false);
  });

  it('the merchant cancels an unpaid order, giving a reason; the buyer sees the order cancelled and why', async () => {
    const consumer = await signIn('consumer');
    const mine = await api<Array<{ lines: Array<{ skuId: string; productId: string }> }>>(consumer, 'GET', '/api/orders?as=buyer');
    const skuId = mine.flatMap((o) => o.lines).find((l) => l.productId === productId)?.skuId;
    expect(skuId).toBeTruthy();
    const unpaid = await api<{ id: string; status: string }>(consumer, 'POST', '/api/orders', {
      lines: [{ skuId, qty: 1 }],
      sessionId,
      address: { name: '王小明', phone: '13800138000', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼' },
    });
    expect(unpaid.status).toBe('created');

    await openFromNav(merchant, 'merchant-orders', '/merchant/orders');
    await merchant.getByTestId('merchant-filter-created').click();
    const row = merchant.locator(`[data-testid="merchant-order-row"][data-order-id="${unpaid.id}"]`);
    await row.waitFor(SLOW);
    await row.getByTestId('merchant-cancel').click();
    const modal = merchant.getByTestId('merchant-cancel-modal');
    await modal.getByTestId('merchant-cancel-reason-cannotDeliver').click();
    await shot(merchant, 'merchant-cancel-unpaid', false);
    await merchant.getByTestId('merchant-cancel-ok').click();
    await row.waitFor({ state: 'detached' });
    await merchant.getByTestId('merchant-filter-cancelled').click();
    await merchant.locator(`[data-testid="merchant-order-row"][data-order-id="${unpaid.id}"][data-status="cancelled"]`).waitFor();

    const seen = await api<{ status: string; cancelReason: string | null }>(consumer, 'GET', `/api/orders/${unpaid.id}`);
    expect(seen).toMatchObject({ status: 'cancelled', cancelReason: '收货地址无法配送' });
    await buyer.goto(`${suite.baseUrl}/orders/${unpaid.id}`);
    await buyer.locator('[data-testid="order-status"][data-status="cancelled"]').waitFor();
    expect(await buyer.getByTestId('order-page').textContent()).toContain('收货地址无法配送');
    await shot(buyer, 'buyer-order-cancelled-by-merchant', false);
  });
});
