/**
 * Paying complaint outcomes and 先行赔付 through the API, on PGlite (and PostgreSQL when DATABASE_URL is set): a
 * resolution owes its amount within 3 working days; the merchant pays in time from its available balance; past the
 * deadline the merchant is refused and the sweep has the advance-compensation fund pay the consumer and recover from
 * the merchant's deposit, then its balance, the rest owed and recovered later — the ledger balanced throughout, each
 * payout once, the credit feed and the inbox told, the fund's view showing payouts, recoveries and its floor.
 */
import type { AccountKind, CompensationObligationRecord } from '@livehub/core';
import { PLATFORM_PARTY } from '@livehub/core';
import { createTestPlatform, expectLedgerBalanced, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { order } from '@livehub/testing/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

// a still clock (moving it far would end the sign-ins): a test stands in for time passing by moving a deadline
const clock = new ManualClock(Date.now());
let p: TestPlatform;
let consumer: TestSession;
let merchant: TestSession;
let otherMerchant: TestSession;
let admin: TestSession;
let regulator: TestSession;
let reviewer: TestSession;
let merchantOrg: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [consumer, merchant, otherMerchant, admin, regulator, reviewer] = await p.loginAll(
    'consumer',
    'merchant',
    'merchant_0001',
    'admin',
    'regulator',
    'reviewer',
  );
  merchantOrg = merchant.me.active?.orgId as string;
  // the demo complaints' advances the demo merchant still owes are recovered first (a sweep retries them), so the
  // balances this file sets are moved by its own obligations only
  await setBalance(merchantOrg, 'merchant_deposit', 10_000_000);
  await p.c.tick();
}, 180_000);

afterAll(async () => {
  await p?.close();
});

/** A paid order of the consumer with the demo merchant, stored directly (its lifecycle is the orders suite's). */
async function paidOrder(totalFen: number): Promise<string> {
  const now = p.c.clock.now();
  const row = order(consumer.me.user.id, merchantOrg, {
    id: p.c.ids.next(),
    status: 'paid',
    totalFen,
    paidAt: now,
    payBy: new Date(now.getTime() + HOUR),
    retainUntil: new Date(now.getTime() + 3 * 365 * DAY),
    createdAt: now,
    updatedAt: now,
  });
  await p.c.uow.transaction((tx) => tx.orders.insertOrder(row, []));
  return row.id;
}

/** A complaint the merchant settles by accepting a compensation claim of `amountFen`: resolved, owing it. */
async function resolvedWith(amountFen: number): Promise<string> {
  const orderId = await paidOrder(20_000);
  const filed = await p.call(consumer, 'POST', '/api/complaints', {
    orderId,
    category: 'quality',
    claim: { kind: 'compensation', amountFen },
    description: '商品有明显质量问题，要求赔偿损失',
  });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  const accepted = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意赔偿' });
  expect(accepted.body.status).toBe('resolved');
  return id;
}

const balance = async (party: string, kind: AccountKind) => (await p.c.ledger.accountFor(party, kind))?.balance ?? 0;
let fixture = 0;
/** Sets an account's balance for a case (against provider clearing, as if money came in or went out). */
async function setBalance(party: string, kind: AccountKind, target: number) {
  const [acct, clearing] = await Promise.all([
    p.c.ledger.openAccount(party, kind),
    p.c.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing'),
  ]);
  const diff = target - (await balance(party, kind));
  if (diff === 0) return;
  await p.c.ledger.post({
    businessKey: `test:fixture:${++fixture}:${p.c.ids.next()}`,
    kind: 'transfer',
    postings: [
      { accountId: acct.id, amount: diff },
      { accountId: clearing.id, amount: -diff },
    ],
  });
}
const obligation = async (complaintId: string) =>
  (await p.c.uow.read.complaintPayments.findObligationOf(complaintId)) as CompensationObligationRecord;
/** The deadline passed a millisecond ago. */
async function lapse(complaintId: string) {
  const o = await obligation(complaintId);
  const dueAt = new Date(p.c.clock.now().getTime() - 1);
  expect(await p.c.uow.transaction((tx) => tx.complaintPayments.updateObligation({ ...o, dueAt, version: o.version + 1 }, o.version))).toBe(
    true,
  );
}
const drainOutbox = async () => {
  for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
};
const verified = () => expectLedgerBalanced(p.c);
const entriesOf = async (obligationId: string, steps: string[]) =>
  p.c.uow.read.ledger.findEntriesByKeys(steps.map((s) => `complaint_payment:${obligationId}:${s}`));

describe('the merchant pays in time', () => {
  it('a resolution owes its amount by 3 working days; the merchant pays from its balance; the ledger balances', async () => {
    const id = await resolvedWith(5_000);
    const detail = await p.call(consumer, 'GET', `/api/complaints/${id}`);
    expect(detail.body.obligation).toMatchObject({ remedy: 'compensation', amountFen: 5_000, status: 'due', outstandingFen: 0 });
    const due = new Date(detail.body.obligation.dueAt).getTime() - p.c.clock.now().getTime();
    expect(due).toBeGreaterThan(3 * DAY - DAY);
    expect(due).toBeLessThan(8 * DAY);

    // not enough available: refused, nothing changed
    await setBalance(merchantOrg, 'merchant_available', 4_999);
    const short = await p.call(merchant, 'POST', `/api/complaints/${id}/pay`);
    expect([short.status, short.body.error.code]).toEqual([409, 'disputes.insufficient_balance']);
    expect(short.body.error.message).toContain('49.99');
    expect((await obligation(id)).status).toBe('due');
    expect(await balance(merchantOrg, 'merchant_available')).toBe(4_999);

    await setBalance(merchantOrg, 'merchant_available', 12_000);
    const clearingBefore = await balance(PLATFORM_PARTY, 'provider_clearing');
    const paid = await p.call(merchant, 'POST', `/api/complaints/${id}/pay`);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid_by_merchant', paidByMerchantFen: 5_000, advancedFen: 0, outstandingFen: 0 });
    expect(await balance(merchantOrg, 'merchant_available')).toBe(7_000);
    expect(await balance(PLATFORM_PARTY, 'compensation_payable')).toBe(0);
    // paid out to the consumer through the channel
    expect((await balance(PLATFORM_PARTY, 'provider_clearing')) - clearingBefore).toBe(5_000);
    await verified();

    // paid once: a second payment is refused; the timeline, the audit and the outbox have it
    const again = await p.call(merchant, 'POST', `/api/complaints/${id}/pay`);
    expect([again.status, again.body.error.code]).toEqual([409, 'disputes.already_paid']);
    expect(await balance(merchantOrg, 'merchant_available')).toBe(7_000);
    const seen = await p.call(merchant, 'GET', `/api/complaints/${id}`);
    expect(seen.body.obligation.status).toBe('paid_by_merchant');
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toContain('compensation_paid');
    const o = await obligation(id);
    expect((await p.c.uow.read.audit.list({ limit: 50, action: 'disputes.compensation_paid' })).some((a) => a.targetId === o.id)).toBe(
      true,
    );
    // and the sweep leaves it alone
    await p.c.complaints.payments.sweep(new Date(o.dueAt.getTime() + DAY));
    expect((await obligation(id)).status).toBe('paid_by_merchant');
  });

  it('only the merchant’s own staff may pay: another merchant gets 404, the consumer and the regulator 403', async () => {
    const id = await resolvedWith(3_000);
    await setBalance(merchantOrg, 'merchant_available', 10_000);
    const foreign = await p.call(otherMerchant, 'POST', `/api/complaints/${id}/pay`);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'disputes.not_found']);
    for (const s of [consumer, regulator, admin, reviewer]) expect((await p.call(s, 'POST', `/api/complaints/${id}/pay`)).status).toBe(403);
    // another organization's staff do not even see the obligation
    expect((await p.call(otherMerchant, 'GET', `/api/complaints/${id}`)).status).toBe(404);
    expect((await obligation(id)).status).toBe('due');
    expect(await balance(merchantOrg, 'merchant_available')).toBe(10_000);
    // nothing to pay on a complaint still open
    const orderId = await paidOrder(9_000);
    const open = (
      await p.call(consumer, 'POST', '/api/complaints', {
        orderId,
        category: 'quality',
        claim: { kind: 'refund', amountFen: 1_000 },
        description: '商品有明显质量问题，要求退款',
      })
    ).body.id as string;
    const none = await p.call(merchant, 'POST', `/api/complaints/${open}/pay`);
    expect([none.status, none.body.error.code]).toEqual([409, 'disputes.nothing_to_pay']);
  });
});

describe('先行赔付: the merchant does not pay', () => {
  it('past the deadline the merchant is refused; the sweep advances from the fund and recovers it all from the deposit', async () => {
    const id = await resolvedWith(8_000);
    await setBalance(merchantOrg, 'merchant_deposit', 100_000);
    await setBalance(merchantOrg, 'merchant_available', 50_000);
    // the fund just above the payout: it ends below its floor, and the alert is raised
    await setBalance(PLATFORM_PARTY, 'advance_compensation_fund', 10_000);
    await lapse(id);

    const late = await p.call(merchant, 'POST', `/api/complaints/${id}/pay`);
    expect([late.status, late.body.error.code]).toEqual([409, 'disputes.deadline_passed']);
    expect((await obligation(id)).status).toBe('due');
    expect(await balance(merchantOrg, 'merchant_available')).toBe(50_000);

    const tick = await p.c.tick();
    expect(tick.compensationsAdvanced).toBeGreaterThanOrEqual(1);
    const o = await obligation(id);
    expect(o).toMatchObject({
      status: 'recovered',
      advancedFen: 8_000,
      recoveredFromDepositFen: 8_000,
      recoveredFromBalanceFen: 0,
      recoveries: 1,
    });
    expect(await balance(merchantOrg, 'merchant_deposit')).toBe(92_000);
    expect(await balance(merchantOrg, 'merchant_available')).toBe(50_000);
    // the fund paid and was made whole again
    expect(await balance(PLATFORM_PARTY, 'advance_compensation_fund')).toBe(10_000);
    expect(await balance(PLATFORM_PARTY, 'compensation_payable')).toBe(0);
    await verified();

    // idempotent: another sweep pays nothing more, the advance is one entry
    const again = await p.c.complaints.payments.sweep();
    expect(again.compensationsAdvanced).toBe(0);
    expect((await entriesOf(o.id, ['advanced', 'disbursed', 'recovery:1', 'recovery:2'])).map((e) => e.kind).sort()).toEqual([
      'compensation.advanced',
      'compensation.disbursed',
      'compensation.recovered',
    ]);
    expect(await balance(PLATFORM_PARTY, 'advance_compensation_fund')).toBe(10_000);

    // the detail shows it to both sides; the timeline names the system's steps
    const seen = await p.call(consumer, 'GET', `/api/complaints/${id}`);
    expect(seen.body.obligation).toMatchObject({
      status: 'recovered',
      advancedFen: 8_000,
      recoveredFromDepositFen: 8_000,
      outstandingFen: 0,
    });
    expect(seen.body.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual([
      'compensation_advanced',
      'compensation_recovered',
    ]);
    for (const action of ['disputes.compensation_advanced', 'disputes.compensation_recovered'])
      expect((await p.c.uow.read.audit.list({ limit: 50, action })).some((a) => a.targetId === o.id)).toBe(true);

    // credit: a compensation.advanced event for the merchant; the inbox: the merchant and platform finance told
    await drainOutbox();
    const events = (await p.c.uow.read.credit.eventsOf(merchantOrg)).filter((e) => e.source === `compensation:${o.id}`);
    expect(events.map((e) => e.kind)).toEqual(['compensation.advanced']);
    const inbox = await p.call(merchant, 'GET', '/api/notifications?limit=50');
    const kinds = inbox.body.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['compensation.due', 'compensation.advanced', 'compensation.recovered']));
    const ours = inbox.body.items.filter((n: { link: string }) => n.link === `/complaints/${id}`).map((n: { kind: string }) => n.kind);
    expect(ours).toEqual(expect.arrayContaining(['compensation.due', 'compensation.advanced']));
    const finance = await p.call(admin, 'GET', '/api/notifications?kind=fund.below_floor&limit=5');
    expect(finance.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('without enough deposit: the deposit, then the balance, the rest owed — and recovered once the merchant has funds', async () => {
    const id = await resolvedWith(9_000);
    await setBalance(merchantOrg, 'merchant_deposit', 3_000);
    await setBalance(merchantOrg, 'merchant_available', 2_500);
    await setBalance(PLATFORM_PARTY, 'advance_compensation_fund', 9_000_000);
    await lapse(id);
    await p.c.complaints.payments.sweep();
    const o = await obligation(id);
    expect(o).toMatchObject({
      status: 'partially_recovered',
      advancedFen: 9_000,
      recoveredFromDepositFen: 3_000,
      recoveredFromBalanceFen: 2_500,
    });
    expect(await balance(merchantOrg, 'merchant_deposit')).toBe(0);
    expect(await balance(merchantOrg, 'merchant_available')).toBe(0);
    expect(await balance(PLATFORM_PARTY, 'advance_compensation_fund')).toBe(9_000_000 - 3_500);
    const seen = await p.call(merchant, 'GET', `/api/complaints/${id}`);
    expect(seen.body.obligation).toMatchObject({ status: 'partially_recovered', outstandingFen: 3_500 });
    await verified();

    // nothing to take: the sweep posts nothing
    expect((await p.c.complaints.payments.sweep()).compensationsRecovered).toBe(0);
    expect((await obligation(id)).recoveries).toBe(1);
    // money arrives: the next sweep recovers the rest
    await setBalance(merchantOrg, 'merchant_available', 10_000);
    expect((await p.c.complaints.payments.sweep()).compensationsRecovered).toBeGreaterThanOrEqual(1);
    expect(await obligation(id)).toMatchObject({ status: 'recovered', recoveredFromBalanceFen: 6_000, recoveries: 2 });
    expect(await balance(merchantOrg, 'merchant_available')).toBe(6_500);
    expect(await balance(PLATFORM_PARTY, 'advance_compensation_fund')).toBe(9_000_000);
    await verified();
  });

  it('a fund too low to pay leaves the obligation due and is counted; nothing is posted', async () => {
    const id = await resolvedWith(4_000);
    await setBalance(PLATFORM_PARTY, 'advance_compensation_fund', 3_999);
    await lapse(id);
    const r = await p.c.complaints.payments.sweep();
    expect(r.compensationsFundShort).toBeGreaterThanOrEqual(1);
    const o = await obligation(id);
    expect(o.status).toBe('due');
    expect(await entriesOf(o.id, ['advanced'])).toEqual([]);
    expect(await balance(PLATFORM_PARTY, 'advance_compensation_fund')).toBe(3_999);
    // topped up, the next sweep pays
    await setBalance(PLATFORM_PARTY, 'advance_compensation_fund', 1_000_000);
    await setBalance(merchantOrg, 'merchant_deposit', 50_000);
    await p.c.complaints.payments.sweep();
    expect((await obligation(id)).status).toBe('recovered');
    await verified();
  });
});

describe('the fund as platform finance and regulators see it', () => {
  it('balance against the floor, payouts and recoveries labelled; merchants may not read it', async () => {
    await setBalance(PLATFORM_PARTY, 'advance_compensation_fund', 1_000);
    const r = await p.call(admin, 'GET', '/api/finance/fund');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ balanceFen: 1_000, floorFen: 5_000_000, belowFloor: true });
    expect(r.body.totals.advancedFen).toBeGreaterThanOrEqual(8_000 + 9_000 + 4_000);
    expect(r.body.totals.recoveredFen).toBeGreaterThanOrEqual(8_000 + 9_000 + 4_000);
    const labels = r.body.byKind.map((k: { kind: string; label: string }) => [k.kind, k.label]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['compensation.advanced', '先行赔付'],
        ['compensation.recovered', '先行赔付追偿'],
      ]),
    );
    const line = r.body.lines.items.find((l: { entryKind: string }) => l.entryKind === 'compensation.recovered');
    expect(line).toMatchObject({ entryKindLabel: '先行赔付追偿', ref: { type: 'complaint_payment' } });
    const asRegulator = await p.call(regulator, 'GET', '/api/finance/fund');
    expect(asRegulator.body.belowFloor).toBe(true);
    expect((await p.call(merchant, 'GET', '/api/finance/fund')).status).toBe(403);
    await setBalance(PLATFORM_PARTY, 'advance_compensation_fund', 6_000_000);
    expect((await p.call(admin, 'GET', '/api/finance/fund')).body.belowFloor).toBe(false);
  });
});
