/**
 * Browser test of the finance pages (issue #15): on top of the demo seed (whose money flows already posted its
 * orders and slot fee), ledger entries of one fresh order are posted directly on the server (paid and split, released
 * to available, a deposit and a deduction into the advance-compensation fund) — the amounts expected on screen are
 * the seed's balances plus these — then the demo
 * merchant opens 资金结算 from the menu and sees its balance cards and the income chart drawn (ECharts on a canvas)
 * and the account lines named by order number; the demo streamer sees 收益; the platform admin 财务 with the ledger
 * check; the regulator 先行赔付金. Screenshots go to e2e/browser/__screenshots__/finance-*.png.
 */
import { PLATFORM_PARTY } from '@livehub/core';
import { insertOrder } from '@livehub/server/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openFromNav, tablesLoaded } from '../helpers/browser.ts';
import { BrowserSuite } from '../helpers/browser-suite.ts';
import { browserAvailable, type TestServer } from '../helpers/test-server.ts';

const suite = new BrowserSuite();
let orderNo = '';
/** the streamer of the demo data's paid order from a live room, and that session's title */
let roomStreamer = '';
let roomTitle = '';
/** What the cards should read: the seed's balances plus this file's entries, in fen. */
const expected = { pending: 0, available: 0, deposit: 0, debt: 0, streamerPending: 0, fund: 0 };

/** Fen as the pages write it: 250000 → "¥2,500.00". */
const shown = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The demo merchant's money: an order of ¥100 paid and split, its share released; a deposit; a deduction into the fund. */
async function postMoney(server: TestServer): Promise<void> {
  const c = server.platform.c;
  const merchantUser = await c.uow.read.users.findByUsername('merchant');
  const streamer = await c.uow.read.users.findByUsername('streamer');
  const [membership] = merchantUser ? await c.uow.read.memberships.listForUser(merchantUser.id) : [];
  if (!membership || !streamer) throw new Error('no demo merchant or streamer');
  const merchant = { orgId: membership.orgId };
  const consumer = await c.uow.read.users.findByUsername('consumer');
  if (!consumer) throw new Error('no demo consumer');
  // a fresh order: the seed's orders carry the flows' own entries under their business keys
  const order = await insertOrder(server.platform, consumer.id, merchant.orgId, 10_000);
  orderNo = order.orderNo;
  const sum = async (party: string, pick: (kind: string) => boolean) =>
    (await c.ledger.balances(party)).filter((b) => pick(b.kind)).reduce((n, b) => n + b.balance, 0);
  expected.pending = (await sum(merchant.orgId, (k) => k === 'merchant_pending')) + 2_500;
  expected.available = (await sum(merchant.orgId, (k) => k === 'merchant_available')) + 6_000;
  expected.deposit = (await sum(merchant.orgId, (k) => k === 'merchant_deposit')) + 48_000;
  expected.debt = await sum(merchant.orgId, (k) => k === 'debt');
  expected.streamerPending = (await sum(streamer.id, (k) => k.endsWith('_pending'))) + 700;
  expected.fund = (await sum(PLATFORM_PARTY, (k) => k === 'advance_compensation_fund')) + 2_000;
  const sold = (await c.uow.read.orders.listOrders({ status: 'paid', limit: 50 })).find((o) => o.streamerUserId && o.sessionId);
  if (!sold) throw new Error('the demo data has a paid order from a live room');
  roomStreamer = (await c.uow.read.users.findById(sold.streamerUserId as string))?.username ?? '';
  roomTitle = (await c.uow.read.live.findSession(sold.sessionId as string))?.title ?? '';
  const acc = async (party: string, kind: Parameters<typeof c.ledger.openAccount>[1]) => (await c.ledger.openAccount(party, kind)).id;
  const clearing = await acc(PLATFORM_PARTY, 'provider_clearing');
  const escrow = await acc(PLATFORM_PARTY, 'escrow');
  const fee = await acc(PLATFORM_PARTY, 'platform_fee_revenue');
  const fund = await acc(PLATFORM_PARTY, 'advance_compensation_fund');
  const pending = await acc(merchant.orgId, 'merchant_pending');
  const available = await acc(merchant.orgId, 'merchant_available');
  const deposit = await acc(merchant.orgId, 'merchant_deposit');
  const commission = await acc(streamer.id, 'streamer_commission_pending');
  await c.ledger.postMany([
    {
      businessKey: `order:${order.id}:paid`,
      kind: 'order.paid',
      postings: [
        { accountId: clearing, amount: -10_000 },
        { accountId: escrow, amount: 10_000 },
      ],
    },
    {
      businessKey: `order:${order.id}:settled`,
      kind: 'order.settled',
      postings: [
        { accountId: escrow, amount: -10_000 },
        { accountId: fee, amount: 800 },
        { accountId: pending, amount: 8_500 },
        { accountId: commission, amount: 700 },
      ],
    },
    {
      businessKey: `release:${order.id}`,
      kind: 'order.released',
      postings: [
        { accountId: pending, amount: -6_000 },
        { accountId: available, amount: 6_000 },
      ],
    },
    {
      businessKey: `deposit:${crypto.randomUUID()}`,
      kind: 'deposit.paid',
      postings: [
        { accountId: clearing, amount: -50_000 },
        { accountId: deposit, amount: 50_000 },
      ],
    },
    {
      businessKey: `deposit_deduction:${crypto.randomUUID()}`,
      kind: 'deposit.deduction',
      memo: '先行赔付：商品与描述不符',
      postings: [
        { accountId: deposit, amount: -2_000 },
        { accountId: fund, amount: 2_000 },
      ],
    },
  ]);
}

/**
 * Whether the chart's canvas has pixels of the bars' colour (#fa541c): ECharts drew the series, not just an empty box.
 * A string: the e2e type check has no DOM library.
 */
async function barsDrawn(page: Page, testId: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const canvas = document.querySelector('[data-testid="${testId}"] canvas');
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 250) < 6 && Math.abs(data[i + 1] - 84) < 6 && Math.abs(data[i + 2] - 28) < 6) return true;
    }
    return false;
  })()`);
}

describe.skipIf(!browserAvailable)('finance pages', () => {
  suite.aroundTests({ setUp: postMoney });

  it('the merchant sees its balance cards, the income chart drawn, and its lines named by order number', async () => {
    const page = await suite.freshPage();
    await suite.login(page, 'merchant');
    await openFromNav(page, 'finance', '/finance');
    await expect.poll(() => page.getByTestId('finance-title').textContent()).toBe('资金结算');
    await expect.poll(() => page.getByTestId('balance-pending').textContent()).toContain(shown(expected.pending));
    await expect.poll(() => page.getByTestId('balance-available').textContent()).toContain(shown(expected.available));
    await expect.poll(() => page.getByTestId('balance-deposit').textContent()).toContain(shown(expected.deposit));
    // the seed's slot fee left the merchant in debt (欠款) unless it had the money: the card says which
    if (expected.debt === 0) await expect.poll(() => page.getByTestId('balance-debt').textContent()).toContain('无欠款');
    else {
      await expect.poll(() => page.getByTestId('balance-debt').textContent()).toContain(shown(Math.abs(expected.debt)).slice(1));
      await expect.poll(() => page.getByTestId('balance-debt').textContent()).toContain('后续收入优先抵扣');
    }
    await expect.poll(() => barsDrawn(page, 'income-chart')).toBe(true);
    await suite.screenshot(page, 'finance-merchant');

    await page.getByRole('tab', { name: '账户明细' }).click();
    await tablesLoaded(page);
    const lines = page.getByTestId('finance-lines');
    await expect.poll(() => lines.textContent()).toContain(`订单 ${orderNo} 结算到期`);
    await page.getByTestId('lines-account').getByText('商家待结算').click();
    await expect.poll(() => lines.textContent()).toContain(`订单 ${orderNo}`);
    await expect.poll(() => lines.textContent()).toContain('订单结算分账');
    const text = (await page.locator('.lh-content').textContent()) ?? '';
    // no raw keys or ids on screen
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/finance\.|merchant_pending|order\.settled/);
    await suite.screenshot(page, 'finance-merchant-lines');
  });

  it('the streamer sees its commission on 收益', async () => {
    const page = await suite.freshPage();
    await suite.login(page, 'streamer');
    await openFromNav(page, 'earnings', '/earnings');
    await expect.poll(() => page.getByTestId('balance-pending').textContent()).toContain(shown(expected.streamerPending));
    await expect.poll(() => barsDrawn(page, 'income-chart')).toBe(true);
    await suite.screenshot(page, 'finance-streamer');
  });

  it('a streamer who sold in a live room sees its commission per session and per product', async () => {
    const page = await suite.freshPage();
    await suite.login(page, roomStreamer);
    await openFromNav(page, 'earnings', '/earnings');
    await page.getByRole('tab', { name: '按场次' }).click();
    await expect.poll(() => page.getByTestId('commission-bySession').textContent()).toContain(roomTitle);
    await suite.screenshot(page, 'finance-streamer-sessions');
    await page.getByRole('tab', { name: '按商品' }).click();
    await expect.poll(() => page.getByTestId('commission-byProduct').locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('the platform admin sees the platform accounts, the fee chart and a ledger that verifies', async () => {
    const page = await suite.freshPage();
    await suite.login(page, 'admin');
    await openFromNav(page, 'platform-finance', '/platform-finance');
    await expect.poll(() => page.getByTestId('ledger-verify').textContent()).toContain('借贷平衡');
    await expect.poll(() => page.getByTestId('platform-accounts').textContent()).toContain('先行赔付金');
    await expect.poll(() => barsDrawn(page, 'fee-chart')).toBe(true);
    await suite.screenshot(page, 'finance-platform');
  });

  it('the regulator reads the advance-compensation fund', async () => {
    const page = await suite.freshPage();
    await suite.login(page, 'regulator');
    await openFromNav(page, 'fund', '/fund');
    await expect.poll(() => page.getByTestId('fund-balance').textContent()).toContain(shown(expected.fund));
    await expect.poll(() => page.getByTestId('fund-lines').textContent()).toContain('保证金扣划');
    // the demo's 先行赔付 (seed-compensation.ts): paid out and recovered; the fund is under its floor
    await expect.poll(() => page.getByTestId('fund-lines').textContent()).toContain('先行赔付追偿');
    await expect.poll(() => page.getByTestId('fund-below-floor').textContent()).toContain('低于警戒线');
    // as many advances as the fund's own view counts (the demo complaints' compensations the demo merchant let lapse too)
    const admin = await suite.server.platform.login('admin');
    const view = (await suite.server.platform.call(admin, 'GET', '/api/finance/fund')).body as { totals: { advances: number } };
    expect(view.totals.advances).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('fund-advanced').textContent()).toContain(`共 ${view.totals.advances} 笔`);
    await suite.screenshot(page, 'finance-fund');
  });
});
