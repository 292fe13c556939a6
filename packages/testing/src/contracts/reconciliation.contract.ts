/**
 * Contract cases of the reconciliation ports: one run per day (a rerun replaces its figures), a day's open
 * differences replaced while resolved ones stay, resolution once; and the payments and refunds reader by day and
 * by id.
 */
import type { ReconciliationItemRecord, ReconciliationRunRecord, Repositories } from '@livehub/core';
import { expect, it } from 'vitest';
import { type ContractDb, order, payment, type Row, storedOrg, storedUser, T0, uuid } from './fixtures.ts';

let dayNo = 0;
/** a day no other case uses */
const freshDay = (): string =>
  new Date(Date.UTC(2040, 0, 1) + (Math.floor(Math.random() * 5000) * 10 + dayNo++) * 86_400_000).toISOString().slice(0, 10);

function run(day: string, over: Partial<ReconciliationRunRecord> = {}): ReconciliationRunRecord {
  return {
    id: uuid(),
    day,
    provider: 'sim',
    billRows: 3,
    matched: 2,
    differences: 1,
    billPaymentsFen: 300,
    billRefundsFen: 0,
    billFeesFen: 2,
    runs: 1,
    startedAt: T0,
    finishedAt: T0,
    ...over,
  };
}

function item(r: ReconciliationRunRecord, over: Partial<ReconciliationItemRecord> = {}): ReconciliationItemRecord {
  const refId = uuid();
  return {
    id: uuid(),
    runId: r.id,
    day: r.day,
    type: 'short',
    refKind: 'payment',
    refId,
    orderId: null,
    providerRef: null,
    billFen: null,
    ourFen: 100,
    cause: '平台记为支付成功，渠道账单没有这笔收款',
    fingerprint: `short:payment:${refId}`,
    status: 'open',
    resolutionNote: null,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: T0,
    ...over,
  };
}

async function paidOrder(r: Repositories, at: Date, amountFen: number) {
  const buyer = await storedUser(r);
  const merchant = await storedOrg(r);
  const o = order(buyer.id, merchant.id);
  await r.orders.insertOrder(o, []);
  const pay = payment(o.id, { provider: 'sim', providerRef: 'sim_1', amountFen, createdAt: at, updatedAt: at });
  await r.orders.insertPayment(pay);
  return { o, pay };
}

export function reconciliationCases(db: ContractDb): void {
  it('keeps one run per day: a rerun replaces the figures and keeps the id; runs list newest day first', async () => {
    const r = db.r();
    const day = freshDay();
    const first = run(day);
    expect(await r.reconciliation.upsertRun(first)).toEqual(first);
    const again = await r.reconciliation.upsertRun(run(day, { matched: 3, differences: 0, runs: 2 }));
    expect(again).toMatchObject({ id: first.id, day, matched: 3, differences: 0, runs: 2 });
    expect(await r.reconciliation.findRun(day)).toEqual(again);
    expect(await r.reconciliation.findRun('1999-01-01')).toBeNull();
    const later = run(`${Number(day.slice(0, 4)) + 100}${day.slice(4)}`);
    await r.reconciliation.upsertRun(later);
    const list = await r.reconciliation.listRuns(2);
    expect(list[0]?.day).toBe(later.day);
    expect(list.map((x) => x.day)).toEqual([...list.map((x) => x.day)].sort().reverse());
  });

  it('replaces a day’s open differences, keeps resolved ones, and resolves a difference once', async () => {
    const r = db.r();
    const day = freshDay();
    const rr = await r.reconciliation.upsertRun(run(day));
    const a = item(rr);
    const b = item(rr, { type: 'long', refKind: 'refund' });
    await r.reconciliation.replaceOpenItems(day, [a, b]);
    expect((await r.reconciliation.listItems(day)).map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(await r.reconciliation.findItem(a.id)).toEqual(a);
    expect(await r.reconciliation.findItem(uuid())).toBeNull();
    const by = (await storedUser(r)).id;
    expect(await r.reconciliation.resolveItem(a.id, { note: '渠道次日补单', by, at: T0 })).toBe(true);
    expect(await r.reconciliation.resolveItem(a.id, { note: 'again', by, at: T0 })).toBe(false);
    // a rerun finds a again (same fingerprint) and c: a keeps its resolution, b (open, not found again) is gone
    const c = item(rr, { type: 'duplicate' });
    await r.reconciliation.replaceOpenItems(day, [{ ...a, id: uuid() }, c]);
    const items = await r.reconciliation.listItems(day);
    expect(items.map((i) => i.id)).toEqual([c.id, a.id]);
    expect(items[1]).toMatchObject({ status: 'resolved', resolutionNote: '渠道次日补单', resolvedBy: by, resolvedAt: T0 });
    await r.reconciliation.replaceOpenItems(day, []);
    expect((await r.reconciliation.listItems(day)).map((i) => i.id)).toEqual([a.id]);
  });

  it('reads payments and refunds that succeeded in a period, and by id', async () => {
    const r = db.r();
    const day = new Date(`${freshDay()}T00:00:00Z`);
    const h = (n: number) => new Date(day.getTime() + n * 3_600_000);
    const one = await paidOrder(r, h(1), 1000);
    const two = await paidOrder(r, h(2), 2000);
    const three = await paidOrder(r, h(3), 3000);
    await r.orders.updatePayment({ ...one.pay, status: 'succeeded', updatedAt: h(1) });
    await r.orders.updatePayment({ ...three.pay, status: 'succeeded', updatedAt: h(30) });
    const paid = await r.paymentRecords.succeededPaymentsBetween(h(0), h(24));
    expect(paid).toEqual([
      { id: one.pay.id, orderId: one.o.id, amountFen: 1000, status: 'succeeded', providerRef: 'sim_1', updatedAt: h(1) },
    ]);
    expect((await r.paymentRecords.paymentsByIds([two.pay.id, three.pay.id, uuid()])).map((p) => [p.id, p.status])).toEqual(
      [
        [two.pay.id, 'pending'],
        [three.pay.id, 'succeeded'],
      ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
    );
    expect(await r.paymentRecords.paymentsByIds([])).toEqual([]);
    const refund: Row<'orders', 'insertRefund'> = {
      id: uuid(),
      orderId: one.o.id,
      paymentId: one.pay.id,
      returnId: null,
      amountFen: 400,
      reason: '7 天无理由',
      status: 'pending',
      createdAt: h(4),
      completedAt: null,
    };
    await r.orders.insertRefund(refund);
    expect(await r.paymentRecords.succeededRefundsBetween(h(0), h(24))).toEqual([]);
    await r.orders.updateRefund({ ...refund, status: 'succeeded', completedAt: h(5) });
    expect(await r.paymentRecords.succeededRefundsBetween(h(0), h(24))).toEqual([
      { id: refund.id, orderId: one.o.id, paymentId: one.pay.id, amountFen: 400, status: 'succeeded', completedAt: h(5) },
    ]);
    expect((await r.paymentRecords.refundsByIds([refund.id])).map((x) => x.amountFen)).toEqual([400]);
    expect(await r.paymentRecords.refundsByIds([])).toEqual([]);
  });
}
