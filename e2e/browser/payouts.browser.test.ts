/**
 * Browser test of payouts (提现) and deposits (保证金): the demo streamer, with commission available, withdraws to a
 * bank card from the 提现 page; the list shows 转账中 and then 已到账 once the simulated bank's signed result lands.
 * The platform sets a deposit requirement on the category of a product the demo merchant lists; the merchant's
 * 保证金 page shows what is due, the pay button leads to the simulated provider's page, and back on the page the
 * deposit is paid and nothing is due. Screenshots go to e2e/browser/__screenshots__/.
 */
import { PLATFORM_PARTY } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { confirmPopover, openFromNav } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
/** the provider's result comes asynchronously: generous waits, no thresholds */
const SLOW = { timeout: 60_000 };

describe.skipIf(!browserAvailable)('payouts and deposits', () => {
  suite.aroundTests();

  it('a streamer withdraws commission to a bank card and sees it paid', async () => {
    const p = suite.server.platform;
    const streamerSession = await p.login('streamer');
    const streamerId = streamerSession.me.user.id;
    const clearing = await p.c.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing');
    const available = await p.c.ledger.openAccount(streamerId, 'streamer_commission_available');
    // the demo data may already hold some (its slot fee, released to the streamer): the figures are relative to it
    const before = available.balance;
    const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await p.c.ledger.post({
      businessKey: 'e2e:commission:1',
      kind: 'transfer',
      postings: [
        { accountId: clearing.id, amount: -88_800 },
        { accountId: available.id, amount: 88_800 },
      ],
    });

    const page = await suite.harness.freshPage();
    await suite.harness.login(page, 'streamer');
    await openFromNav(page, 'finance-payouts', '/finance/payouts');
    await expect.poll(() => page.getByTestId('payout-available').textContent(), SLOW).toContain(`¥${yuan(before + 88_800)}`);
    await page.getByTestId('withdraw-open').click();
    await page.getByTestId('withdraw-amount').fill('500');
    await page.getByTestId('withdraw-holder').fill('张三丰');
    await page.getByTestId('withdraw-account').fill('6222021234567891234');
    await page.getByTestId('withdraw-bank').fill('中国工商银行上海分行');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('payout-table').getByText('6222 **** **** 1234').waitFor(SLOW);
    await page.getByTestId('payout-status-paid').waitFor(SLOW);
    await expect.poll(() => page.getByTestId('payout-available').textContent(), SLOW).toContain(`¥${yuan(before + 38_800)}`);
    // nothing left in transit once the bank paid it
    await expect.poll(() => page.getByTestId('payout-in-transit').textContent(), SLOW).toContain('¥0.00');
    expect(await page.getByTestId('payout-table').textContent()).not.toContain('6222021234567891234');
    await suite.harness.screenshot(page, 'payouts-streamer');
  });

  it('a merchant pays the deposit due through the simulated provider', async () => {
    const p = suite.server.platform;
    const admin = await p.login('admin');
    const merchantSession = await p.login('merchant');
    const orgId = merchantSession.me.active?.orgId as string;
    const [listed] = await p.c.uow.read.catalog.listProducts({ merchantOrgId: orgId, status: ['approved'], limit: 1 });
    expect(listed, 'the demo merchant lists an approved product').toBeTruthy();
    const set = await p.call(admin, 'PUT', '/api/deposit-requirements', { categoryId: listed?.categoryId, amountFen: 300_000 });
    expect(set.status).toBe(200);

    const page = await suite.harness.freshPage();
    await suite.harness.login(page, 'merchant');
    await openFromNav(page, 'finance-deposit', '/finance/deposit');
    await expect.poll(() => page.getByTestId('deposit-due').textContent(), SLOW).toContain('3,000.00');
    await suite.harness.screenshot(page, 'deposit-due');
    await page.getByTestId('deposit-pay').click();
    await page.getByTestId('sim-pay').click(SLOW);
    await page.waitForURL((url) => url.pathname === '/finance/deposit', SLOW);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('deposit-balance').textContent();
      }, SLOW)
      .toContain('3,000.00');
    expect(await page.getByTestId('deposit-due').textContent()).toContain('0.00');
    await suite.harness.screenshot(page, 'deposit-paid');
  });

  it('the platform approves a large payout from the approvals page', async () => {
    const p = suite.server.platform;
    const mcnSession = await p.login('mcn');
    const mcnOrg = mcnSession.me.active?.orgId as string;
    const clearing = await p.c.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing');
    const available = await p.c.ledger.openAccount(mcnOrg, 'mcn_commission_available');
    await p.c.ledger.post({
      businessKey: 'e2e:mcn-share:1',
      kind: 'transfer',
      postings: [
        { accountId: clearing.id, amount: -6_000_000 },
        { accountId: available.id, amount: 6_000_000 },
      ],
    });
    const asked = await p.call(
      mcnSession,
      'POST',
      '/api/payouts',
      { amountFen: 5_500_000, method: 'bank', accountName: '李四', accountNo: '6222021234567895678', bankName: '招商银行' },
      { 'idempotency-key': 'e2e-large-payout-1' },
    );
    expect(asked.body.status).toBe('pending_approval');

    const page = await suite.harness.freshPage();
    await suite.harness.login(page, 'admin');
    await openFromNav(page, 'payout-approvals', '/finance/payout-approvals');
    const queue = page.getByTestId('payout-approvals');
    await queue.getByText('¥55,000.00').waitFor(SLOW);
    await suite.harness.screenshot(page, 'payout-approvals');
    await queue.getByTestId('payout-approve').first().click();
    await confirmPopover(page, 'payout-approve-ok');
    await expect.poll(async () => (await p.c.uow.read.payouts.find(asked.body.id))?.status, SLOW).toBe('paid');
    await queue.getByText('¥55,000.00').waitFor({ state: 'detached', ...SLOW });
  });
});
