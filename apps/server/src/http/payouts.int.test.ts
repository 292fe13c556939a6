/**
 * Payouts (提现) and deposits (保证金) through the API: a withdrawal paid by the simulated payout provider moves the
 * money available → in transit → out; a failed transfer returns it; a large payout waits for approval (or is
 * rejected and returned); a hold refuses requests; forged and replayed results are refused with nothing moved; bad
 * input is refused field by field with the ledger untouched. A category's deposit requirement gates listing with
 * the amount due until the merchant pays through the payment simulator; a deduction moves the deposit to the
 * advance-compensation fund and raises a top-up notice.
 */
import { type AccountKind, PLATFORM_PARTY } from '@livehub/core';
import { createTestPlatform, productDraft, type TestPlatform, type TestSession, until as pollUntil } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
let p: TestPlatform;
let admin: TestSession;
let merchant: TestSession;
let streamer: TestSession;
let mcn: TestSession;
let consumer: TestSession;
let merchantOrg: string;
let streamerId: string;
let mcnOrg: string;

const call = (
  s: TestSession | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) => p.call(s, method, url, payload, headers);

let keySeq = 0;
const key = () => `payout-test-${++keySeq}-${Date.now()}`;
const withdraw = (s: TestSession, body: Record<string, unknown>, k = key()) =>
  call(s, 'POST', '/api/payouts', body, { 'idempotency-key': k });
const BANK = { method: 'bank', accountName: '张三丰', accountNo: '6222021234567891234', bankName: '中国工商银行上海分行' };

const until = <T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 8000) => pollUntil(f, ok, ms, 25);

async function balance(partyId: string, kind: AccountKind): Promise<number> {
  return (await p.c.ledger.accountFor(partyId, kind))?.balance ?? 0;
}

/** Money arrives in a party's account the way the flows will put it there: a posted entry from provider clearing. */
let fundSeq = 0;
async function fund(partyId: string, kind: AccountKind, amount: number): Promise<void> {
  const clearing = await p.c.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing');
  const to = await p.c.ledger.openAccount(partyId, kind);
  await p.c.ledger.post({
    businessKey: `test:fund:${++fundSeq}`,
    kind: 'transfer',
    postings: [
      { accountId: clearing.id, amount: -amount },
      { accountId: to.id, amount },
    ],
  });
}

async function payoutStatus(id: string): Promise<string | undefined> {
  return (await p.c.uow.read.payouts.find(id))?.status;
}

const entryCount = async () => (await p.c.ledger.verify()).entries;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [admin, merchant, streamer, mcn, consumer] = await p.loginAll('admin', 'merchant', 'streamer', 'mcn', 'consumer');
  merchantOrg = merchant.me.active?.orgId as string;
  streamerId = streamer.me.user.id;
  mcnOrg = mcn.me.active?.orgId as string;
  await fund(merchantOrg, 'merchant_available', 20_000_00);
  await fund(streamerId, 'streamer_commission_available', 80_000_00);
  await fund(mcnOrg, 'mcn_commission_available', 5_000_00);
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('payouts', () => {
  it('withdraws: available → in transit → paid by the simulated provider, with the account sealed and masked', async () => {
    const before = await balance(merchantOrg, 'merchant_available');
    const clearingBefore = await balance(PLATFORM_PARTY, 'provider_clearing');
    const k = key();
    const res = await withdraw(merchant, { amountFen: 1_234_56, ...BANK }, k);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountFen: 1_234_56, status: 'processing', partyKind: 'merchant', accountNo: '6222 **** **** 1234' });
    expect(res.body.accountName).toBe('张**');
    expect(JSON.stringify(res.body)).not.toContain('6222021234567891234');
    expect(await balance(merchantOrg, 'merchant_available')).toBe(before - 1_234_56);
    // sealed at rest
    const stored = await p.c.uow.read.payouts.find(res.body.id);
    expect(stored?.accountNoEnc).not.toContain('6222021234567891234');
    // the same key and body returns the first payout; nothing moves twice
    const again = await withdraw(merchant, { amountFen: 1_234_56, ...BANK }, k);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    // the same key with another body is refused
    const conflict = await withdraw(merchant, { amountFen: 1_000, ...BANK }, k);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'payouts.idempotency_conflict', field: 'Idempotency-Key' });
    expect(
      await until(
        () => payoutStatus(res.body.id),
        (s) => s === 'paid',
      ),
    ).toBe('paid');
    expect(await balance(merchantOrg, 'merchant_available')).toBe(before - 1_234_56);
    expect(await balance(PLATFORM_PARTY, 'provider_clearing')).toBe(clearingBefore + 1_234_56);
    const keys = (await p.c.ledger.lines((await p.c.ledger.accountFor(merchantOrg, 'merchant_available'))?.id as string)).map(
      (l) => l.businessKey,
    );
    expect(keys).toContain(`payout:${res.body.id}`);
    const list = await call(merchant, 'GET', '/api/payouts');
    expect(list.body.find((x: { id: string }) => x.id === res.body.id)).toMatchObject({ status: 'paid', partyName: expect.any(String) });
    const audited = await p.c.uow.read.audit.list({ limit: 50, action: 'payout.request' });
    expect(audited.some((a) => a.targetId === res.body.id)).toBe(true);
    expect((await p.c.uow.read.audit.list({ limit: 50, action: 'payout.paid' })).some((a) => a.targetId === res.body.id)).toBe(true);
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });

  it('returns the funds when the provider fails the transfer (an account ending in 0000)', async () => {
    const before = await balance(mcnOrg, 'mcn_commission_available');
    const res = await withdraw(mcn, {
      amountFen: 300_00,
      method: 'wechat',
      accountName: '李四',
      accountNo: 'o6_bmjrPTlm6_2sgVt7hMZOP0000',
    });
    expect(res.status).toBe(201);
    expect(await balance(mcnOrg, 'mcn_commission_available')).toBe(before - 300_00);
    expect(
      await until(
        () => payoutStatus(res.body.id),
        (s) => s === 'failed',
      ),
    ).toBe('failed');
    expect(await balance(mcnOrg, 'mcn_commission_available')).toBe(before);
    const view = await call(mcn, 'GET', `/api/payouts/${res.body.id}`);
    expect(view.body).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('账户异常') });
    expect((await p.c.ledger.entry(await findEntryId(`payout:${res.body.id}:failed`))).kind).toBe('payout.failed');
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });

  it('waits for approval above the threshold; approved it is paid, rejected the funds return', async () => {
    const before = await balance(streamerId, 'streamer_commission_available');
    const big = await withdraw(streamer, { amountFen: 50_000_00, ...BANK });
    expect(big.status).toBe(201);
    expect(big.body.status).toBe('pending_approval');
    expect(await balance(streamerId, 'streamer_commission_available')).toBe(before - 50_000_00);
    // nobody but the platform approves
    expect((await call(streamer, 'POST', `/api/payouts/${big.body.id}/approve`, {})).status).toBe(403);
    const queue = await call(admin, 'GET', '/api/payouts?status=pending_approval');
    expect(queue.body.map((x: { id: string }) => x.id)).toContain(big.body.id);
    const ok = await call(admin, 'POST', `/api/payouts/${big.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('processing');
    expect(
      await until(
        () => payoutStatus(big.body.id),
        (s) => s === 'paid',
      ),
    ).toBe('paid');
    // approving twice is an illegal transition
    expect((await call(admin, 'POST', `/api/payouts/${big.body.id}/approve`, {})).status).toBe(409);

    await fund(streamerId, 'streamer_commission_available', 50_000_00);
    const second = await withdraw(streamer, { amountFen: 60_000_00, ...BANK });
    expect(second.body.status).toBe('pending_approval');
    const noReason = await call(admin, 'POST', `/api/payouts/${second.body.id}/reject`, {});
    expect(noReason.status).toBe(400);
    const rejected = await call(admin, 'POST', `/api/payouts/${second.body.id}/reject`, { reason: '收款账户与实名不符' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '收款账户与实名不符' });
    expect(await balance(streamerId, 'streamer_commission_available')).toBe(before);
    expect(await findEntryId(`payout:${second.body.id}:rejected`)).toBeTruthy();
  });

  it('refuses a held party’s requests with the reason, and accepts them again once released', async () => {
    const placed = await call(admin, 'POST', '/api/payout-holds', { partyId: merchantOrg, reason: '存在未结案的消费者纠纷' });
    expect(placed.status).toBe(201);
    const holds = await call(admin, 'GET', '/api/payout-holds');
    expect(holds.body.find((h: { partyId: string }) => h.partyId === merchantOrg)).toMatchObject({ partyName: expect.any(String) });
    const before = await balance(merchantOrg, 'merchant_available');
    const refused = await withdraw(merchant, { amountFen: 100, ...BANK });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payouts.on_hold');
    expect(refused.body.error.message).toContain('存在未结案的消费者纠纷');
    expect(await balance(merchantOrg, 'merchant_available')).toBe(before);
    expect((await call(merchant, 'GET', '/api/payouts/summary')).body.hold).toMatchObject({ reason: '存在未结案的消费者纠纷' });
    expect((await call(merchant, 'POST', `/api/payout-holds/${merchantOrg}/release`, {})).status).toBe(403);
    expect((await call(admin, 'POST', `/api/payout-holds/${merchantOrg}/release`, {})).body).toEqual({ released: true });
    expect((await call(admin, 'POST', `/api/payout-holds/${merchantOrg}/release`, {})).status).toBe(404);
    const ok = await withdraw(merchant, { amountFen: 100, ...BANK });
    expect(ok.status).toBe(201);
    await until(
      () => payoutStatus(ok.body.id),
      (s) => s === 'paid',
    );
  });

  it('refuses forged, tampered and replayed results; nothing moves', async () => {
    const sim = p.c.payoutProviders.sim;
    const res = await withdraw(merchant, { amountFen: 500, ...BANK, accountNo: '6222021234567890000' });
    const id = res.body.id as string;
    await until(
      () => payoutStatus(id),
      (s) => s === 'failed',
    );
    const entries = await entryCount();
    const unsigned = await p.app.inject({
      method: 'POST',
      url: '/api/payouts/notify/sim',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ notifyId: 'x', kind: 'transfer.succeeded', payoutId: id, amountFen: 500 }),
    });
    expect(unsigned.statusCode).toBe(400);
    const genuine = sim.signed({ kind: 'transfer.succeeded', payoutId: id, amountFen: 500, providerRef: 'x', reason: null });
    const tampered = await p.app.inject({
      method: 'POST',
      url: '/api/payouts/notify/sim',
      headers: genuine.headers,
      payload: genuine.body.replace('"amountFen":500', '"amountFen":50000'),
    });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json().error.code).toBe('payouts.bad_signature');
    const old = sim.signed(
      { kind: 'transfer.succeeded', payoutId: id, amountFen: 500, providerRef: 'x', reason: null },
      Date.now() - 3600_000,
    );
    expect(
      (await p.app.inject({ method: 'POST', url: '/api/payouts/notify/sim', headers: old.headers, payload: old.body })).statusCode,
    ).toBe(400);
    // a genuine but late success for a payout already failed changes nothing; its replay is refused
    const first = await p.app.inject({ method: 'POST', url: '/api/payouts/notify/sim', headers: genuine.headers, payload: genuine.body });
    expect(first.statusCode).toBe(200);
    const replay = await p.app.inject({ method: 'POST', url: '/api/payouts/notify/sim', headers: genuine.headers, payload: genuine.body });
    expect(replay.statusCode).toBe(409);
    expect(await payoutStatus(id)).toBe('failed');
    expect(await entryCount()).toBe(entries);
  });

  it('refuses bad input field by field with the ledger untouched', async () => {
    const entries = await entryCount();
    const before = await balance(merchantOrg, 'merchant_available');
    for (const amountFen of [0, -100, 12.5, '100']) {
      const r = await withdraw(merchant, { amountFen, ...BANK });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe('amountFen');
    }
    const tooMuch = await withdraw(merchant, { amountFen: before + 1, ...BANK });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({ code: 'payouts.insufficient_balance', field: 'amountFen' });
    const noKey = await call(merchant, 'POST', '/api/payouts', { amountFen: 100, ...BANK });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.field).toBe('Idempotency-Key');
    const badCard = await withdraw(merchant, { amountFen: 100, ...BANK, accountNo: '12ab' });
    expect(badCard.status).toBe(400);
    expect(badCard.body.error.field).toBe('accountNo');
    const noBank = await withdraw(merchant, { amountFen: 100, method: 'bank', accountName: '张三丰', accountNo: '6222021234567891234' });
    expect(noBank.status).toBe(400);
    expect(noBank.body.error.field).toBe('bankName');
    // the party is the caller's own: naming another is refused on the field
    const otherParty = await withdraw(merchant, { amountFen: 100, ...BANK, partyId: streamerId });
    expect(otherParty.status).toBe(400);
    expect(otherParty.body.error.field).toBe('partyId');
    // a consumer has no party to withdraw for; a party reads only its own payouts
    expect((await withdraw(consumer, { amountFen: 100, ...BANK })).status).toBe(403);
    const streamers = await call(streamer, 'GET', '/api/payouts');
    expect(streamers.body.every((x: { partyId: string }) => x.partyId === streamerId)).toBe(true);
    const merchantsOwn = (await call(merchant, 'GET', '/api/payouts')).body[0];
    expect((await call(streamer, 'GET', `/api/payouts/${merchantsOwn.id}`)).status).toBe(404);
    // the merchant cannot pass another party's id
    const others = await call(merchant, 'GET', `/api/payouts?partyId=${streamerId}`);
    expect(others.body.every((x: { partyId: string }) => x.partyId === merchantOrg)).toBe(true);
    expect(await entryCount()).toBe(entries);
    expect(await balance(merchantOrg, 'merchant_available')).toBe(before);
  });
});

describe('payouts under concurrency', () => {
  it('never overdraws: of concurrent requests over the balance, only those that fit are accepted', async () => {
    const before = await balance(mcnOrg, 'mcn_commission_available');
    const amount = Math.floor(before * 0.4);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        withdraw(mcn, { amountFen: amount, method: 'wechat', accountName: '李四', accountNo: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' }),
      ),
    );
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted).toHaveLength(2);
    for (const refused of answers.filter((a) => a.status !== 201))
      expect(refused.body.error).toMatchObject({ code: 'payouts.insufficient_balance', field: 'amountFen' });
    expect(await balance(mcnOrg, 'mcn_commission_available')).toBe(before - 2 * amount);
    for (const a of accepted)
      await until(
        () => payoutStatus(a.body.id),
        (s) => s === 'paid',
      );
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });
});

async function findEntryId(businessKey: string): Promise<string> {
  const [e] = await p.c.uow.read.ledger.findEntriesByKeys([businessKey]);
  return e?.id ?? '';
}

describe('deposits', () => {
  const product = productDraft({ skus: [{ name: '500ml 曜石黑', priceFen: 8900, stock: 500 }] });

  it('gates listing on the category’s deposit with the amount due, allowed after paying through the simulator', async () => {
    expect((await call(merchant, 'PUT', '/api/deposit-requirements', { categoryId: 'home', amountFen: 100 })).status).toBe(403);
    expect((await call(admin, 'PUT', '/api/deposit-requirements', { categoryId: 'no.such', amountFen: 100 })).status).toBe(400);
    // the requirement set on 家居 applies to 家居 / 厨房 below it
    const set = await call(admin, 'PUT', '/api/deposit-requirements', { categoryId: 'home', amountFen: 2_000_00 });
    expect(set.status).toBe(200);
    const reqs = await call(merchant, 'GET', '/api/deposit-requirements');
    expect(reqs.body.find((r: { categoryId: string }) => r.categoryId === 'home')).toMatchObject({
      amountFen: 2_000_00,
      categoryName: expect.any(String),
    });

    const created = await call(merchant, 'POST', '/api/catalog/products', product);
    expect(created.status).toBe(201);
    const held = await balance(merchantOrg, 'merchant_deposit');
    const refused = await call(merchant, 'POST', `/api/catalog/products/${created.body.id}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'deposit.insufficient', field: 'categoryId' });
    expect(refused.body.error.message).toContain(String(2_000_00 - held));
    expect((await call(merchant, 'GET', `/api/catalog/products/${created.body.id}`)).body.status).toBe('draft');

    // pay the amount due through the simulated provider's page
    const opened = await call(merchant, 'POST', '/api/deposit/pay', { amountFen: 2_000_00 - held });
    expect(opened.status).toBe(200);
    const payUrl = new URL(opened.body.payUrl);
    const page = await call(null, 'GET', `${payUrl.pathname}${payUrl.search}`);
    expect(page.body).toContain('sim-pay');
    const confirm = await call(null, 'POST', `${payUrl.pathname}/confirm`, { t: payUrl.searchParams.get('t'), outcome: 'succeed' });
    expect(confirm.body).toMatchObject({ status: 'processing', returnUrl: expect.stringContaining('/finance/deposit') });
    expect(
      await until(
        () => balance(merchantOrg, 'merchant_deposit'),
        (b) => b === 2_000_00,
      ),
    ).toBe(2_000_00);
    expect(await findEntryId(`deposit:${opened.body.paymentId}`)).toBeTruthy();

    const listed = await call(merchant, 'POST', `/api/catalog/products/${created.body.id}/submit`);
    expect(listed.status).toBe(200);
    const card = await call(merchant, 'GET', '/api/deposit');
    expect(card.body).toMatchObject({ requiredFen: 2_000_00, balanceFen: 2_000_00, dueFen: 0, topUpRequired: false });
    expect(card.body.payments[0]).toMatchObject({ id: opened.body.paymentId, status: 'succeeded' });
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });

  it('deducts for compensation into the fund, and a balance below the requirement raises a top-up notice', async () => {
    const fundBefore = await balance(PLATFORM_PARTY, 'advance_compensation_fund');
    const entries = await entryCount();
    const tooMuch = await call(admin, 'POST', '/api/deposit-deductions', {
      merchantOrgId: merchantOrg,
      amountFen: 9_000_00,
      reason: '先行赔付',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({ code: 'deposit.deduction_exceeds_balance', field: 'amountFen' });
    expect(
      (await call(merchant, 'POST', '/api/deposit-deductions', { merchantOrgId: merchantOrg, amountFen: 100, reason: 'x1' })).status,
    ).toBe(403);
    expect(
      (await call(admin, 'POST', '/api/deposit-deductions', { merchantOrgId: merchantOrg, amountFen: 0, reason: '先行赔付' })).status,
    ).toBe(400);
    expect(await entryCount()).toBe(entries);

    const d = await call(admin, 'POST', '/api/deposit-deductions', {
      merchantOrgId: merchantOrg,
      amountFen: 500_00,
      reason: '订单质量纠纷先行赔付',
    });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ requiredFen: 2_000_00, balanceFen: 1_500_00, dueFen: 500_00, topUpRequired: true });
    expect(await balance(PLATFORM_PARTY, 'advance_compensation_fund')).toBe(fundBefore + 500_00);
    expect(await findEntryId(`deposit_deduction:${d.body.id}`)).toBeTruthy();
    const card = await call(merchant, 'GET', '/api/deposit');
    expect(card.body).toMatchObject({ dueFen: 500_00, topUpRequired: true });
    expect(card.body.deductions[0]).toMatchObject({ reason: '订单质量纠纷先行赔付', amountFen: 500_00 });
    const notices = await p.c.uow.read.outbox.pending(100_000);
    expect(notices.some((n) => n.topic === 'deposit.topup_required' && n.payload.merchantOrgId === merchantOrg)).toBe(true);
    // the platform reads any merchant's card; another merchant's staff reads only its own
    expect((await call(admin, 'GET', `/api/deposit?merchantOrgId=${merchantOrg}`)).body.dueFen).toBe(500_00);
    // a new listing in the category is refused again until the merchant tops up
    const created = await call(merchant, 'POST', '/api/catalog/products', { ...product, title: '304不锈钢保温杯 350ml 便携款' });
    const refused = await call(merchant, 'POST', `/api/catalog/products/${created.body.id}/submit`);
    expect(refused.body.error).toMatchObject({ code: 'deposit.insufficient' });
    const topUp = await call(merchant, 'POST', '/api/deposit/pay', {});
    expect(topUp.body.amountFen).toBe(500_00);
    expect((await p.c.ledger.verify()).ok).toBe(true);
  });
});
