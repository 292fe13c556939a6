/**
 * Reconciliation (对账) through the API: the simulated provider's trade bill of a day — built from what it processed
 * — against payments, refunds and the ledger. A clean day finds nothing; injected faults (a dropped row, a changed
 * amount, a duplicated row, a row the platform never saw) and a notification never delivered are each found with
 * their type; a rerun keeps resolutions; only finance writes, regulators read. Payments and refunds go through the
 * simulator and the platform's notification handling, so the ledger entries are the flows' own. The demo seed's day
 * reconciles clean (its payments went through the simulator too); the settle job reconciles the day before once and
 * leaves a day already reconciled alone.
 */
import type { PaymentRecord } from '@livehub/core';
import { createTestPlatform, insertOrder, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';
import { deliverPaymentSucceeded } from '../seed/seed-payments.ts';

const clock = new ManualClock(Date.parse('2026-01-05T02:00:00Z'));
let p: TestPlatform;
let admin: TestSession;
let regulator: TestSession;
let merchant: TestSession;
let buyer: string;
let merchantOrg: string;
const SEED_DAY = '2026-01-05';

/** The amount the ledger moved for a business key (its positive postings), or null when it was never posted. */
async function posted(businessKey: string): Promise<number | null> {
  const [e] = await p.c.uow.read.ledger.findEntriesByKeys([businessKey]);
  return e ? e.postings.reduce((n, x) => n + Math.max(x.amount, 0), 0) : null;
}

/** An order paid through the simulator: the payer answers, and (unless `deliver` is false) the platform is told and the flows post it. */
async function paid(amountFen: number, deliver = true): Promise<{ orderId: string; orderNo: string; payment: PaymentRecord }> {
  const o = await insertOrder(p, buyer, merchantOrg, amountFen);
  const now = p.c.clock.now();
  const payment: PaymentRecord = {
    id: p.c.ids.next(),
    orderId: o.id,
    provider: 'sim',
    providerRef: `sim_${o.orderNo}`,
    amountFen,
    status: 'pending',
    payUrl: null,
    failureReason: null,
    createdAt: now,
    updatedAt: now,
  };
  await p.c.uow.transaction((tx) => tx.orders.insertPayment(payment));
  p.c.payments.sim.answer(payment, 'succeed');
  if (deliver) {
    await deliverPaymentSucceeded(p.c, payment.id, amountFen, payment.providerRef as string);
  }
  return { orderId: o.id, orderNo: o.orderNo, payment };
}

/** A refund of a paid order recorded by the orders context (the flows post it), sent to the simulator, confirmed. */
async function refunded(of: { orderId: string; payment: PaymentRecord }, amountFen: number): Promise<string> {
  const refund = await p.c.uow.transaction(async (tx) => {
    const o = await tx.orders.findOrder(of.orderId, { lock: true });
    if (!o) throw new Error(`order ${of.orderId} not found`);
    return p.c.orders.recordRefund(tx, o, amountFen, '7 天无理由退货', null);
  });
  const id = refund.id;
  await p.c.orders.sendRefund(refund);
  const n = p.c.payments.sim.signed({
    kind: 'refund.succeeded',
    paymentId: of.payment.id,
    refundId: id,
    amountFen,
    providerRef: of.payment.providerRef as string,
    reason: null,
  });
  await p.c.orders.onNotification('sim', n.headers, n.body);
  return id;
}

const found = (items: Array<{ type: string; refId: string }>) => items.map((i) => `${i.type}:${i.refId}`).sort();

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  // the provider's own deliveries are acknowledged and dropped: the tests decide which notifications arrive
  p.c.payments.sim.setDeliver(async () => 200);
  clock.set(new Date('2026-12-03T01:00:00Z'));
  admin = await p.login('admin');
  regulator = await p.login('regulator');
  merchant = await p.login('merchant');
  merchantOrg = merchant.me.active?.orgId as string;
  buyer = (await p.login('consumer')).me.user.id;
});
afterAll(async () => p?.close());

describe('reconciliation', () => {
  it('the demo seed’s day is clean: its payments went through the simulator, so they are in the bill', async () => {
    const r = await p.call(admin, 'POST', '/api/reconciliation/runs', { day: SEED_DAY });
    expect(r.status).toBe(200);
    const seedPayments = (await p.c.uow.read.orders.listOrders({ limit: 200 })).filter((o) => o.paidAt);
    expect(seedPayments.length).toBeGreaterThan(0);
    expect(r.body.items).toEqual([]);
    // and its refunds (a complaint settled by a refund is refunded through the order's payment)
    const seedRefunds = (await Promise.all(seedPayments.map((o) => p.c.uow.read.orders.listRefunds(o.id)))).flat();
    const rows = seedPayments.length + seedRefunds.length;
    expect(r.body.run).toMatchObject({ day: SEED_DAY, billRows: rows, matched: rows, differences: 0 });
    expect(r.body.run.billPaymentsFen).toBe(seedPayments.reduce((n, o) => n + o.totalFen, 0));
  });

  it('a clean day: two payments and a refund match the bill, nothing to look at', async () => {
    clock.set(new Date('2026-12-03T02:00:00Z'));
    const a = await paid(10_000);
    await paid(2_550);
    // the flows posted each payment on its notification
    expect(await posted(`order:${a.orderId}:paid`)).toBe(10_000);
    clock.set(new Date('2026-12-03T06:00:00Z'));
    const refundId = await refunded(a, 3_000);
    expect(await posted(`refund:${refundId}`)).toBe(3_000);
    expect(await posted(`refund:${refundId}:paid`)).toBe(3_000);
    const r = await p.call(admin, 'POST', '/api/reconciliation/runs', { day: '2026-12-03' });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect(r.body.run).toMatchObject({ day: '2026-12-03', provider: 'sim', billRows: 3, matched: 3, differences: 0, open: 0, runs: 1 });
    expect(r.body.run).toMatchObject({ billPaymentsFen: 12_550, billRefundsFen: 3_000, billFeesFen: 60 + 15 - 18 });
  });

  it('finds each injected difference with its type, and a rerun keeps the resolution', async () => {
    clock.set(new Date('2026-12-04T03:00:00Z'));
    const dropped = await paid(1_000);
    const changed = await paid(2_000);
    const doubled = await paid(3_000);
    const silent = await paid(4_000, false);
    const fine = await paid(5_000);
    const sim = p.c.payments.sim;
    const ghost = p.c.ids.next();
    sim.bills.inject('2026-12-04', { type: 'drop', merchantTradeNo: dropped.payment.id });
    sim.bills.inject('2026-12-04', { type: 'amount', merchantTradeNo: changed.payment.id, amountFen: 1_999 });
    sim.bills.inject('2026-12-04', { type: 'duplicate', merchantTradeNo: doubled.payment.id });
    sim.bills.inject('2026-12-04', {
      type: 'extra',
      row: {
        tradeTime: clock.now(),
        merchantTradeNo: ghost,
        providerTradeNo: 'wx_ghost',
        tradeType: 'NATIVE',
        tradeState: 'SUCCESS',
        amountFen: 888,
        refundNo: null,
        refundFen: 0,
        feeFen: 5,
      },
    });
    // a day that was never run reads as not found
    expect((await p.call(admin, 'GET', '/api/reconciliation/runs/2026-12-04')).status).toBe(404);

    const r = await p.call(admin, 'POST', '/api/reconciliation/runs', { day: '2026-12-04' });
    expect(r.status).toBe(200);
    expect(found(r.body.items)).toEqual(
      [
        `short:${dropped.payment.id}`,
        `amount_mismatch:${changed.payment.id}`,
        `amount_mismatch:${changed.payment.id}`,
        `duplicate:${doubled.payment.id}`,
        `missing_notification:${silent.payment.id}`,
        `long:${ghost}`,
      ].sort(),
    );
    const byType = (t: string) => r.body.items.find((i: { type: string }) => i.type === t);
    expect(byType('short')).toMatchObject({ typeLabel: '短款', orderNo: dropped.orderNo, billFen: null, ourFen: 1_000, status: 'open' });
    expect(byType('long')).toMatchObject({ typeLabel: '长款', orderNo: null, billFen: 888, ourFen: null });
    expect(byType('missing_notification')).toMatchObject({ typeLabel: '漏通知', billFen: 4_000, ourFen: 4_000 });
    expect(byType('duplicate').typeLabel).toBe('重复交易');
    expect(
      r.body.items
        .filter((i: { type: string }) => i.type === 'amount_mismatch')
        .map((i: { billFen: number; ourFen: number }) => [i.billFen, i.ourFen]),
    ).toEqual([
      [1_999, 2_000],
      [1_999, 2_000],
    ]);
    expect(r.body.items.map((i: { refId: string }) => i.refId)).not.toContain(fine.payment.id);
    // matched: the fine payment only (the duplicated one is a difference)
    expect(r.body.run).toMatchObject({ billRows: 6, matched: 1, differences: 6, open: 6 });

    const short = byType('short');
    const bad = await p.call(admin, 'POST', `/api/reconciliation/items/${short.id}/resolve`, { note: '  ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'reconciliation.note_invalid', field: 'note' });
    const ok = await p.call(admin, 'POST', `/api/reconciliation/items/${short.id}/resolve`, { note: '渠道次日补记，已核实到账' });
    expect(ok.status).toBe(200);
    const resolved = ok.body.items.find((i: { id: string }) => i.id === short.id);
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: '渠道次日补记，已核实到账', resolvedBy: admin.me.user.id });
    expect(resolved.resolvedByName).toBeTruthy();
    expect(ok.body.run.open).toBe(5);
    expect((await p.call(admin, 'POST', `/api/reconciliation/items/${short.id}/resolve`, { note: 'again' })).status).toBe(409);
    const audit = await p.call(admin, 'GET', '/api/audit?action=reconciliation.resolve');
    expect(audit.body.items.map((e: { targetId: string }) => e.targetId)).toContain(short.id);

    // the notification arrives late and the ledger is posted: a rerun drops that difference, keeps the resolution
    expect(await posted(`order:${silent.orderId}:paid`)).toBeNull();
    await deliverPaymentSucceeded(p.c, silent.payment.id, 4_000, silent.payment.providerRef as string);
    expect(await posted(`order:${silent.orderId}:paid`)).toBe(4_000);
    const again = await p.call(admin, 'POST', '/api/reconciliation/runs', { day: '2026-12-04' });
    expect(again.body.run).toMatchObject({ runs: 2, open: 4, matched: 2 });
    expect(found(again.body.items)).toEqual(found(r.body.items).filter((x) => !x.startsWith('missing_notification')));
    expect(again.body.items.find((i: { id: string }) => i.id === short.id)).toMatchObject({
      status: 'resolved',
      resolutionNote: '渠道次日补记，已核实到账',
    });
    const day = await p.call(regulator, 'GET', '/api/reconciliation/runs/2026-12-04');
    expect(day.status).toBe(200);
    expect(day.body.items).toHaveLength(5);
    const runs = await p.call(regulator, 'GET', '/api/reconciliation/runs');
    expect(runs.body.items.map((x: { day: string }) => x.day).slice(0, 2)).toEqual(['2026-12-04', '2026-12-03']);
  });

  it('regulators read only; merchants not at all; a bad day is a field error', async () => {
    expect((await p.call(regulator, 'POST', '/api/reconciliation/runs', { day: '2026-12-03' })).status).toBe(403);
    expect((await p.call(merchant, 'GET', '/api/reconciliation/runs')).status).toBe(403);
    expect((await p.call(merchant, 'GET', '/api/reconciliation/runs/2026-12-03')).status).toBe(403);
    for (const day of ['2026-12', '2026-12-32', 'today']) {
      const r = await p.call(admin, 'POST', '/api/reconciliation/runs', { day });
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe('day');
    }
  });

  it('the settle job reconciles the day before once, as the system, and leaves a day already reconciled alone', async () => {
    const job = p.c.reconciliation.settleJob();
    expect(job.name).toBe('reconciliation');
    // 5 Dec (China): a payment and a refund of it
    clock.set(new Date('2026-12-05T02:00:00Z'));
    const a = await paid(6_000);
    await refunded(a, 1_000);
    // 6 Dec 01:00 China time: the day before is 5 Dec, not reconciled yet, clean
    const first = await job.run(new Date('2026-12-05T17:00:00Z'));
    expect(first).toEqual({ day: '2026-12-05', billRows: 2, matched: 2, differences: 0, open: 0 });
    const runsOf = async (day: string) =>
      (await p.call(admin, 'GET', '/api/reconciliation/runs')).body.items.find((r: { day: string }) => r.day === day)?.runs;
    expect(await runsOf('2026-12-05')).toBe(1);
    // the server's tick runs the job again a minute later (and later that day): the day is left alone
    expect(await job.run(new Date('2026-12-05T17:01:00Z'))).toEqual({ day: '2026-12-05', skipped: true });
    expect(await job.run(new Date('2026-12-06T15:59:00Z'))).toEqual({ day: '2026-12-05', skipped: true });
    expect(await runsOf('2026-12-05')).toBe(1);
    // 3 Dec was reconciled from the API: the job skips it too
    expect(await job.run(new Date('2026-12-03T17:00:00Z'))).toEqual({ day: '2026-12-03', skipped: true });
    expect(await runsOf('2026-12-03')).toBe(1);
  });

  it('the service runs a day with the system actor, and refuses other roles', async () => {
    const { cliActor } = await import('@livehub/core');
    const system = { ...cliActor('settle'), role: 'system' as const };
    const v = await p.call(admin, 'GET', '/api/reconciliation/runs/2026-12-03');
    expect(v.body.run).toMatchObject({ runs: 1, differences: 0 });
    const again = await p.c.reconciliation.run(system, '2026-12-03');
    expect(again.run).toMatchObject({ runs: 2, differences: 0 });
    await expect(p.c.reconciliation.run({ ...system, role: 'regulator' }, '2026-12-03')).rejects.toMatchObject({
      code: 'reconciliation.forbidden',
    });
  });
});
