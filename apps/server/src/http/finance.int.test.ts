/**
 * The finance read API (资金结算 / 收益 / 财务 / 先行赔付金) on PGlite and PostgreSQL: on top of the demo seed (whose
 * orders the money flows already posted), setup posts the entries of one fresh order of the demo merchant with the
 * flows' business keys, then each party reads its own balances, lines and income per Asia/Shanghai day — every
 * expectation relative to what the party read before setup; another merchant reads nothing of them; a streamer's
 * commission per session and product; the platform's accounts, fee income and ledger check; the fund for admins and
 * regulators; bad input → 400.
 */
import { type AccountKind, PLATFORM_PARTY, shanghaiDay } from '@livehub/core';
import { createTestPlatform, insertOrder, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let merchant: TestSession;
let otherMerchant: TestSession;
let streamer: TestSession;
let mcn: TestSession;
let admin: TestSession;
let regulator: TestSession;
let order: { id: string; orderNo: string };
const today = () => shanghaiDay(clock.now());
type Body = ReturnType<typeof JSON.parse>;
/** What the parties and the platform read before setup posted anything (the seed's flows already posted theirs). */
const seen: Record<string, Body> = {};
const todayOf = (income: Body): number => income.days.find((d: { day: string }) => d.day === today())?.amountFen ?? 0;
const balanceOf = (b: Body, kind: string): number => b.accounts.find((a: { kind: string }) => a.kind === kind)?.balanceFen ?? 0;

const get = async (s: TestSession, url: string) => p.call(s, 'GET', url);

async function account(partyId: string, kind: AccountKind): Promise<string> {
  return (await p.c.ledger.openAccount(partyId, kind)).id;
}

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [merchant, otherMerchant, streamer, mcn, admin, regulator] = (await Promise.all(
    ['merchant', 'merchant_0002', 'streamer', 'mcn', 'admin', 'regulator'].map((u) => p.login(u)),
  )) as [TestSession, TestSession, TestSession, TestSession, TestSession, TestSession];
  const m = merchant.me.active?.orgId as string;
  // a fresh order of the demo merchant: its business keys are its own (the seed's orders carry the flows' entries)
  const o = await insertOrder(p, (await p.login('consumer')).me.user.id, m, 10_000);
  order = { id: o.id, orderNo: o.orderNo };
  for (const [name, s, url] of [
    ['merchant', merchant, '/api/finance/balances'],
    ['merchantIncome', merchant, '/api/finance/income?days=7'],
    ['merchantPendingLines', merchant, '/api/finance/lines?kind=merchant_pending&limit=50'],
    ['merchantAvailableLines', merchant, '/api/finance/lines?limit=50'],
    ['merchantDepositLines', merchant, '/api/finance/lines?kind=merchant_deposit&limit=50'],
    ['other', otherMerchant, '/api/finance/balances'],
    ['otherIncome', otherMerchant, '/api/finance/income'],
    ['streamer', streamer, '/api/finance/balances'],
    ['streamerIncome', streamer, '/api/finance/income'],
    ['mcn', mcn, '/api/finance/balances'],
    ['mcnIncome', mcn, '/api/finance/income?days=1'],
    ['platform', admin, '/api/finance/platform?days=3'],
    ['fund', admin, '/api/finance/fund'],
  ] as const) {
    const r = await get(s, url);
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    seen[name] = r.body;
  }
  clock.advance(1000);
  const P = PLATFORM_PARTY;
  const clearing = await account(P, 'provider_clearing');
  const escrow = await account(P, 'escrow');
  const fee = await account(P, 'platform_fee_revenue');
  const fund = await account(P, 'advance_compensation_fund');
  const mPending = await account(m, 'merchant_pending');
  const mAvailable = await account(m, 'merchant_available');
  const mDeposit = await account(m, 'merchant_deposit');
  const sPending = await account(streamer.me.user.id, 'streamer_commission_pending');
  const cPending = await account(mcn.me.active?.orgId as string, 'mcn_commission_pending');
  await p.c.ledger.postMany([
    {
      businessKey: `order:${o.id}:paid`,
      kind: 'order.paid',
      postings: [
        { accountId: clearing, amount: -10_000 },
        { accountId: escrow, amount: 10_000 },
      ],
    },
    {
      businessKey: `order:${o.id}:settled`,
      kind: 'order.settled',
      postings: [
        { accountId: escrow, amount: -10_000 },
        { accountId: fee, amount: 500 },
        { accountId: mPending, amount: 8_500 },
        { accountId: sPending, amount: 700 },
        { accountId: cPending, amount: 300 },
      ],
    },
    {
      businessKey: `deposit:${crypto.randomUUID()}`,
      kind: 'deposit.paid',
      postings: [
        { accountId: clearing, amount: -50_000 },
        { accountId: mDeposit, amount: 50_000 },
      ],
    },
  ]);
  clock.advance(1000);
  // a refund of the order after it completed: taken back from the merchant's available money
  const refundId = crypto.randomUUID();
  const paymentId = crypto.randomUUID();
  const refundsPayable = await account(P, 'refunds_payable');
  await p.c.uow.transaction(async (tx) => {
    const at = clock.now();
    await tx.orders.insertPayment({
      id: paymentId,
      orderId: o.id,
      provider: 'sim',
      providerRef: null,
      amountFen: 10_000,
      status: 'succeeded',
      payUrl: null,
      failureReason: null,
      createdAt: at,
      updatedAt: at,
    });
    await tx.orders.insertRefund({
      id: refundId,
      orderId: o.id,
      paymentId,
      returnId: null,
      amountFen: 500,
      reason: '少发一件',
      status: 'pending',
      createdAt: at,
      completedAt: null,
    });
  });
  await p.c.ledger.postMany([
    {
      businessKey: `release:${o.id}`,
      kind: 'order.released',
      postings: [
        { accountId: mPending, amount: -8_500 },
        { accountId: mAvailable, amount: 8_500 },
      ],
    },
    {
      businessKey: `refund:${refundId}`,
      kind: 'refund.after_completion',
      postings: [
        { accountId: mAvailable, amount: -500 },
        { accountId: refundsPayable, amount: 500 },
      ],
    },
    {
      businessKey: `deposit_deduction:${crypto.randomUUID()}`,
      kind: 'deposit.deduction',
      memo: '先行赔付：商品与描述不符',
      postings: [
        { accountId: mDeposit, amount: -2_000 },
        { accountId: fund, amount: 2_000 },
      ],
    },
  ]);
});
afterAll(async () => p?.close());

describe('a party’s own balances, lines and income', () => {
  it('shows the merchant its pending, available, deposit and debt balances with Chinese labels', async () => {
    const r = await get(merchant, '/api/finance/balances');
    expect(r.status).toBe(200);
    expect(r.body.party).toMatchObject({ kind: 'merchant' });
    expect(r.body.party.name.length).toBeGreaterThan(0);
    const b = seen.merchant;
    expect(r.body.accounts).toEqual([
      { kind: 'merchant_pending', label: '商家待结算', group: 'pending', balanceFen: balanceOf(b, 'merchant_pending') },
      { kind: 'merchant_available', label: '商家可提现', group: 'available', balanceFen: balanceOf(b, 'merchant_available') + 8_000 },
      { kind: 'merchant_deposit', label: '商家保证金', group: 'deposit', balanceFen: balanceOf(b, 'merchant_deposit') + 48_000 },
      { kind: 'debt', label: '欠款', group: 'debt', balanceFen: balanceOf(b, 'debt') },
      // accounts the seed's flows opened besides (the slot fees it paid), unchanged
      ...b.accounts.slice(4),
    ]);
    expect(r.body.totals).toEqual({
      pendingFen: b.totals.pendingFen,
      availableFen: b.totals.availableFen + 8_000,
      depositFen: b.totals.depositFen + 48_000,
      debtFen: b.totals.debtFen,
    });
  });

  it('lists an account’s lines newest first, each named by its order number and entry kind, a page at a time', async () => {
    const first = await get(merchant, '/api/finance/lines?kind=merchant_pending&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const pendingBefore = balanceOf(seen.merchant, 'merchant_pending');
    expect(first.body.items[0]).toMatchObject({
      amountFen: -8_500,
      balanceAfterFen: pendingBefore,
      entryKind: 'order.released',
      entryKindLabel: '待结算转可提现',
      ref: { type: 'release', orderNo: order.orderNo },
    });
    const { before, beforeEntryId } = first.body.next;
    const second = await get(
      merchant,
      `/api/finance/lines?kind=merchant_pending&limit=1&before=${encodeURIComponent(before)}&beforeEntryId=${beforeEntryId}`,
    );
    expect(second.body.items[0]).toMatchObject({
      amountFen: 8_500,
      balanceAfterFen: pendingBefore + 8_500,
      entryKindLabel: '订单结算分账',
      ref: { type: 'order', orderNo: order.orderNo },
    });
    const third = await get(
      merchant,
      `/api/finance/lines?kind=merchant_pending&limit=1&before=${encodeURIComponent(second.body.next.before)}&beforeEntryId=${second.body.next.beforeEntryId}`,
    );
    // then the lines that were there before (the seed's), newest first
    const earlier = seen.merchantPendingLines.items;
    expect(third.body.kind).toBe('merchant_pending');
    expect(third.body.items).toEqual(earlier.slice(0, 1));
    // the available account by default
    const availableBefore = balanceOf(seen.merchant, 'merchant_available');
    const available = await get(merchant, '/api/finance/lines?limit=50');
    expect(available.body.kind).toBe('merchant_available');
    expect(available.body.items.map((l: { amountFen: number }) => l.amountFen)).toEqual([
      -500,
      8_500,
      ...seen.merchantAvailableLines.items.map((l: { amountFen: number }) => l.amountFen),
    ]);
    // a refund is named by the order it refunds
    expect(available.body.items[0]).toMatchObject({
      entryKindLabel: '完成后退款',
      ref: { type: 'refund', orderNo: order.orderNo },
      balanceAfterFen: availableBefore + 8_000,
    });
    const deposit = await get(merchant, '/api/finance/lines?kind=merchant_deposit&limit=50');
    expect(deposit.body.items.map((l: { ref: { type: string } }) => l.ref.type)).toEqual([
      'deposit_deduction',
      'deposit',
      ...seen.merchantDepositLines.items.map((l: { ref: { type: string } }) => l.ref.type),
    ]);
  });

  it('sums the income into the pending account per Asia/Shanghai day, every day of the period present', async () => {
    const r = await get(merchant, '/api/finance/income?days=7');
    expect(r.status).toBe(200);
    expect(r.body.days).toHaveLength(7);
    expect(r.body.days.at(-1)).toEqual({ day: today(), amountFen: todayOf(seen.merchantIncome) + 8_500 });
    expect(r.body.totalFen).toBe(seen.merchantIncome.totalFen + 8_500);
    expect((await get(streamer, '/api/finance/income')).body).toMatchObject({ totalFen: seen.streamerIncome.totalFen + 700 });
    expect((await get(mcn, '/api/finance/income?days=1')).body).toEqual({
      days: [{ day: today(), amountFen: todayOf(seen.mcnIncome) + 300 }],
      totalFen: seen.mcnIncome.totalFen + 300,
    });
  });

  it('shows a streamer and an MCN their own commission accounts only', async () => {
    const s = await get(streamer, '/api/finance/balances');
    expect(s.body.party.kind).toBe('streamer');
    expect(s.body.totals).toEqual({ ...seen.streamer.totals, pendingFen: seen.streamer.totals.pendingFen + 700 });
    expect(s.body.accounts.map((a: { kind: string }) => a.kind)).toEqual([
      'streamer_commission_pending',
      'streamer_commission_available',
      'debt',
    ]);
    const c = await get(mcn, '/api/finance/balances');
    expect(c.body.totals).toEqual({ ...seen.mcn.totals, pendingFen: seen.mcn.totals.pendingFen + 300 });
    expect(c.body.accounts.map((a: { label: string }) => a.label)).toEqual(['MCN 佣金待结算', 'MCN 佣金可提现', '坑位费', '欠款']);
  });
});

describe('tenant isolation', () => {
  it('another merchant reads none of the merchant’s balances, lines or income', async () => {
    const b = await get(otherMerchant, '/api/finance/balances');
    expect(b.status).toBe(200);
    expect(b.body.totals).toEqual(seen.other.totals);
    for (const kind of ['merchant_pending', 'merchant_available', 'merchant_deposit']) {
      const lines = (await get(otherMerchant, `/api/finance/lines?kind=${kind}&limit=100`)).body.items;
      expect(lines.map((l: { ref: { orderNo: string | null } }) => l.ref.orderNo)).not.toContain(order.orderNo);
      expect(lines.map((l: { memo: string | null }) => l.memo)).not.toContain('先行赔付：商品与描述不符');
    }
    expect((await get(otherMerchant, '/api/finance/income')).body.totalFen).toBe(seen.otherIncome.totalFen);
  });

  it('refuses an account kind the caller’s party does not hold (the platform’s, a streamer’s)', async () => {
    for (const kind of ['escrow', 'advance_compensation_fund', 'streamer_commission_pending']) {
      const r = await get(merchant, `/api/finance/lines?kind=${kind}`);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'finance.kind_not_yours', field: 'kind' });
    }
  });

  it('keeps party reads from the platform roles and platform reads from the parties', async () => {
    for (const url of ['/api/finance/balances', '/api/finance/lines', '/api/finance/income', '/api/finance/commission']) {
      expect((await get(admin, url)).status).toBe(403);
      expect((await get(regulator, url)).status).toBe(403);
    }
    expect((await get(merchant, '/api/finance/commission')).status).toBe(403);
    for (const s of [merchant, streamer, mcn, regulator]) expect((await get(s, '/api/finance/platform')).status).toBe(403);
    for (const s of [merchant, streamer, mcn]) expect((await get(s, '/api/finance/fund')).status).toBe(403);
  });
});

describe('commission, the platform and the fund', () => {
  it('gives a streamer the commission of its paid orders per session and per product, named', async () => {
    const paid = (await p.c.uow.read.orders.listOrders({ status: 'paid', limit: 50 })).find((o) => o.streamerUserId && o.sessionId);
    if (!paid) throw new Error('the demo data has a paid order from a live room');
    const user = await p.c.uow.read.users.findById(paid.streamerUserId as string);
    const s = await p.login(user?.username as string);
    const r = await get(s, '/api/finance/commission');
    expect(r.status).toBe(200);
    const session = await p.c.uow.read.live.findSession(paid.sessionId as string);
    const row = r.body.bySession.find((x: { title: string }) => x.title === session?.title);
    // what the session's paid-or-later orders of this streamer carry, read from the orders themselves
    const counted = (await p.c.uow.read.orders.listOrders({ sessionId: paid.sessionId as string, limit: 200 })).filter(
      (o) => o.streamerUserId === paid.streamerUserId && ['paid', 'shipped', 'delivered', 'completed'].includes(o.status),
    );
    const lines = await p.c.uow.read.orders.listLines(counted.map((o) => o.id));
    expect(row).toEqual({
      title: session?.title,
      orders: counted.length,
      gmvFen: lines.reduce((n, l) => n + l.unitPriceFen * (l.qty - l.returnedQty), 0),
      commissionFen: lines.reduce((n, l) => n + l.commissionFen - l.reversedCommissionFen, 0),
      lastPaidAt: expect.any(String),
    });
    expect(r.body.byProduct.map((x: { title: string }) => x.title)).toEqual(expect.arrayContaining([lines[0]?.title]));
    // the demo streamer of the demo merchant's shop sold nothing through another's sessions
    for (const x of (await get(streamer, '/api/finance/commission')).body.bySession) expect(x.title).not.toBe(session?.title);
  });

  it('shows the platform its accounts, fee income per day and a ledger that verifies', async () => {
    const r = await get(admin, '/api/finance/platform?days=3');
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.accounts.map((a: { kind: string; balanceFen: number }) => [a.kind, a.balanceFen]));
    const was = (kind: string) => balanceOf(seen.platform, kind);
    expect(by).toMatchObject({
      escrow: was('escrow'),
      platform_fee_revenue: was('platform_fee_revenue') + 500,
      advance_compensation_fund: was('advance_compensation_fund') + 2_000,
      refunds_payable: was('refunds_payable') + 500,
      provider_clearing: was('provider_clearing') - 60_000,
    });
    expect(r.body.accounts[0]).toEqual({ kind: 'escrow', label: '待结算（买家货款托管）', group: 'other', balanceFen: was('escrow') });
    expect(r.body.feeIncome.days.at(-1)).toEqual({ day: today(), amountFen: todayOf(seen.platform.feeIncome) + 500 });
    expect(r.body.verify).toMatchObject({
      ok: true,
      balanceTotalFen: 0,
      unbalancedEntries: 0,
      driftedAccounts: 0,
      belowFloor: 0,
      orphanPostings: 0,
    });
    expect(r.body.verify.entries).toBe(seen.platform.verify.entries + 6);
  });

  it('shows the fund’s balance and movements to admins and regulators', async () => {
    for (const s of [admin, regulator]) {
      const r = await get(s, '/api/finance/fund');
      expect(r.status).toBe(200);
      expect(r.body.balanceFen).toBe(seen.fund.balanceFen + 2_000);
      expect(r.body.lines.items).toEqual([
        expect.objectContaining({
          amountFen: 2_000,
          entryKindLabel: '保证金扣划',
          ref: { type: 'deposit_deduction', orderNo: null },
          memo: '先行赔付：商品与描述不符',
        }),
        ...seen.fund.lines.items,
      ]);
    }
  });
});

describe('bad input', () => {
  it('answers 400 with the field', async () => {
    const cases: Array<[string, string]> = [
      ['/api/finance/income?days=0', 'days'],
      ['/api/finance/income?days=abc', 'days'],
      ['/api/finance/lines?limit=1000', 'limit'],
      ['/api/finance/lines?kind=Robert%27);', 'kind'],
      ['/api/finance/lines?before=yesterday', 'before'],
      ['/api/finance/lines?beforeEntryId=1', 'beforeEntryId'],
      ['/api/finance/lines?owner=x', 'owner'],
      [`/api/finance/lines?before=${encodeURIComponent(new Date().toISOString())}`, 'beforeEntryId'],
    ];
    for (const [url, field] of cases) {
      const r = await get(merchant, url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.field, url).toBe(field);
    }
    expect((await get(admin, '/api/finance/platform?days=999')).status).toBe(400);
    expect((await get(regulator, '/api/finance/fund?limit=0')).status).toBe(400);
  });
});
