/**
 * Browser test of the settlement journey (issue #15): a consumer's order from the demo streamer's live room is placed,
 * paid on the simulated provider's page, shipped by the demo merchant and received — eight days ago, on the
 * platform's clock. Then the clock comes to today and the server's own periodic work runs (`tick`: the sweeper
 * completes the order once the 7-day return window has passed, the settle job splits it and, with
 * LIVEHUB_SETTLEMENT_DELAY_DAYS=0, releases the shares at once). Nothing is posted by hand: the money moves only
 * through the flows. The streamer sees the commission available on 收益, withdraws it on 提现 to a bank card, the
 * simulated bank pays (its signed result lands), and 对账单 shows the payout line; the merchant downloads its month
 * statement as XLSX from 对账单, which is read back with exceljs. Screenshots go to e2e/browser/__screenshots__/.
 */
import { splitByBasisPoints } from '@livehub/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, type HttpAuth, openFromNav, signInHttp, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const DAY = 86_400_000;
/** The platform's clock: real time shifted by `offset`, so days can pass while timers and the browser keep running. */
let offset = -8 * DAY;
const clock = { now: () => new Date(Date.now() + offset) };

const suite = new BrowserSuite();
/** the provider's results come asynchronously: generous waits, no thresholds */
const SLOW = { timeout: 60_000 };
/** what the demo agreement gives: 20 % commission, 70 % of it to the streamer; the default 5 % platform fee */
const COMMISSION_BP = 2000;
const STREAMER_SHARE_BP = 7000;
const FEE_BP = 500;

const signIn = (username: string) => signInHttp(suite.baseUrl, username);
const api = <T>(auth: HttpAuth, method: 'GET' | 'POST', url: string, body?: unknown) => apiAs<T>(suite.baseUrl, auth, method, url, body);

interface Balances {
  accounts: Array<{ kind: string; balanceFen: number }>;
}
const balanceOf = (b: Balances, kind: string) => b.accounts.find((a) => a.kind === kind)?.balanceFen ?? 0;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

let orderId = '';
let orderNo = '';
let commissionFen = 0;
let availableBefore = 0;
let streamer: Page;

describe.skipIf(!browserAvailable)('the settlement journey', () => {
  suite.aroundTests({ server: { clock, env: { LIVEHUB_SETTLEMENT_DELAY_DAYS: '0' } } });

  it('eight days ago: a consumer orders from the streamer’s room, pays on the provider’s page; shipped and received', async () => {
    const merchantAuth = await signIn('merchant');
    const streamerAuth = await signIn('streamer');
    const agreements = await api<Array<{ merchantOrgId: string; versions: Array<{ terms: { products: Array<{ productId: string }> } }> }>>(
      streamerAuth,
      'GET',
      '/api/agreements?status=in_force',
    );
    const productId = agreements.find((a) => a.merchantOrgId === merchantAuth.orgId)?.versions[0]?.terms.products[0]?.productId;
    if (!productId) throw new Error('no agreement in force between the demo streamer and the demo merchant');
    const { session } = await api<{ session: { id: string } }>(streamerAuth, 'POST', '/api/live/sessions', {
      title: '结算之旅 · 冬季专场',
      scheduledAt: clock.now().toISOString(),
      productIds: [productId],
      coHostUserIds: [],
    });
    await api(streamerAuth, 'POST', `/api/live/sessions/${session.id}/start`);
    availableBefore = balanceOf(await api<Balances>(streamerAuth, 'GET', '/api/finance/balances'), 'streamer_commission_available');

    const consumer = await signIn('consumer');
    const skuId = (await suite.server.platform.c.uow.read.catalog.listSkus([productId]))[0]?.id;
    const order = await api<{ id: string; orderNo: string }>(consumer, 'POST', '/api/orders', {
      lines: [{ skuId, qty: 1 }],
      sessionId: session.id,
      address: { name: '林小满', phone: '13800138000', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼 601 室' },
    });
    orderId = order.id;
    orderNo = order.orderNo;
    const pay = await api<{ payUrl: string }>(consumer, 'POST', `/api/orders/${orderId}/pay`, { provider: 'sim' });

    // the payer confirms on the simulated provider's page; the signed notification marks the order paid
    const buyer = await suite.freshPage({ mobile: true });
    await suite.login(buyer, 'consumer');
    await buyer.goto(pay.payUrl);
    await buyer.getByTestId('sim-pay').click();
    await buyer.waitForURL((url) => url.pathname === `/orders/${orderId}`, SLOW);
    await buyer.locator('[data-testid="order-status"][data-status="paid"]').waitFor(SLOW);

    await api(merchantAuth, 'POST', `/api/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: 'SF2026120300001' });
    await api(consumer, 'POST', `/api/orders/${orderId}/deliver`);
    const delivered = await api<{ status: string; lines: Array<{ unitPriceFen: number; qty: number }> }>(
      consumer,
      'GET',
      `/api/orders/${orderId}`,
    );
    expect(delivered.status).toBe('delivered');

    // what the terms give the streamer: the line's commission (merchant listed first, then the fee), 70 % of it
    const gross = delivered.lines.reduce((sum, l) => sum + l.unitPriceFen * l.qty, 0);
    const line = splitByBasisPoints(gross, [
      { key: 'merchant', bp: 10_000 - FEE_BP - COMMISSION_BP },
      { key: 'fee', bp: FEE_BP },
      { key: 'commission', bp: COMMISSION_BP },
    ]);
    const commission = splitByBasisPoints(line.get('commission') ?? 0, [
      { key: 'streamer', bp: STREAMER_SHARE_BP },
      { key: 'mcn', bp: 10_000 - STREAMER_SHARE_BP },
    ]);
    commissionFen = commission.get('streamer') ?? 0;
    expect(commissionFen).toBeGreaterThan(0);
  });

  it('today: the return window has passed, the server’s tick completes, splits and releases the order', async () => {
    offset = 0;
    const r = await suite.server.platform.c.tick();
    expect(r.ordersSettled + r.ordersReleased).toBeGreaterThan(0);
    const consumer = await signIn('consumer');
    expect((await api<{ status: string }>(consumer, 'GET', `/api/orders/${orderId}`)).status).toBe('completed');
  });

  it('the streamer sees the commission available on 收益', async () => {
    const streamerAuth = await signIn('streamer');
    const available = balanceOf(await api<Balances>(streamerAuth, 'GET', '/api/finance/balances'), 'streamer_commission_available');
    expect(available - availableBefore).toBe(commissionFen);

    streamer = await suite.freshPage();
    await suite.login(streamer, 'streamer');
    await openFromNav(streamer, 'earnings', '/earnings');
    await expect.poll(() => streamer.getByTestId('balance-available').textContent(), SLOW).toContain(yuan(available));
    // 账户明细 of the available account: the release of this order, named by its number
    await streamer.getByRole('tab', { name: '账户明细' }).click();
    await streamer.getByText(orderNo).first().waitFor(SLOW);
    await tablesLoaded(streamer);
    expect(await streamer.locator('body').textContent()).not.toContain(orderId);
    await suite.screenshot(streamer, 'journey-earnings');
  });

  it('the streamer withdraws on 提现 and the simulated bank pays', async () => {
    await openFromNav(streamer, 'finance-payouts', '/finance/payouts');
    await streamer.getByTestId('withdraw-open').click();
    await streamer.getByTestId('withdraw-amount').fill(String(commissionFen / 100));
    await streamer.getByTestId('withdraw-holder').fill('林若溪');
    await streamer.getByTestId('withdraw-account').fill('6222021234567894321');
    await streamer.getByTestId('withdraw-bank').fill('中国建设银行上海嘉定支行');
    await streamer.locator('.ant-modal-footer .ant-btn-primary').click();
    await streamer.getByTestId('payout-table').getByText('6222 **** **** 4321').waitFor(SLOW);
    // the bank's signed result lands: 已到账, nothing in transit
    await streamer.getByTestId('payout-status-paid').first().waitFor(SLOW);
    await expect.poll(() => streamer.getByTestId('payout-in-transit').textContent(), SLOW).toContain('¥0.00');
    await suite.screenshot(streamer, 'journey-payout-paid');
  });

  it('对账单 shows the payout line', async () => {
    await openFromNav(streamer, 'statements', '/finance/statements');
    const account = streamer.getByTestId('statement-account-streamer_commission_available');
    await account.waitFor(SLOW);
    const payoutRow = account.locator('tr', { hasText: '提现申请' });
    await payoutRow.first().waitFor(SLOW);
    expect(await payoutRow.first().textContent()).toContain(yuan(commissionFen));
    // the release of the order that earned it is on the same statement, named by its number
    expect(await account.locator('tr', { hasText: '待结算转可提现' }).first().textContent()).toContain(orderNo);
    await suite.screenshot(streamer, 'journey-statement');
  });

  it('the merchant downloads its month statement as XLSX', async () => {
    const merchant = await suite.freshPage();
    await suite.login(merchant, 'merchant');
    await openFromNav(merchant, 'statements', '/finance/statements');
    await merchant.getByTestId('statement-account-merchant_pending').waitFor(SLOW);
    const [download] = await Promise.all([merchant.waitForEvent('download'), merchant.getByTestId('statement-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('对账单');
    if (!sheet) throw new Error('the workbook has no 对账单 sheet');
    const rows: string[] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v))).join('|'));
    });
    const text = rows.join('\n');
    // the merchant's net share of the order: split at completion into pending, then released to available
    expect(text).toContain('订单结算分账');
    expect(text).toContain('待结算转可提现');
    expect(text).toContain(orderNo);
    expect(text).toContain('合计');
    expect(text).not.toContain(orderId);
  });
});
