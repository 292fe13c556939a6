import { describe, expect, it } from 'vitest';
import { billTotals, compareDay, type DayRecords, paidKeyId } from './reconciliation.rules.ts';
import type { PaymentFact, ProviderBillRow, RefundFact } from './reconciliation.types.ts';

const T = new Date('2026-12-03T02:00:00Z');

function pay(id: string, amountFen: number, status: PaymentFact['status'] = 'succeeded'): PaymentFact {
  return { id, orderId: `o-${id}`, amountFen, status, providerRef: `wx-${id}`, updatedAt: T };
}
function refund(id: string, paymentId: string, amountFen: number, status: RefundFact['status'] = 'succeeded'): RefundFact {
  return { id, orderId: `o-${paymentId}`, paymentId, amountFen, status, completedAt: T };
}
function payRow(id: string, amountFen: number): ProviderBillRow {
  return {
    tradeTime: T,
    merchantTradeNo: id,
    providerTradeNo: `wx-${id}`,
    tradeType: 'JSAPI',
    tradeState: 'SUCCESS',
    amountFen,
    refundNo: null,
    refundFen: 0,
    feeFen: 1,
  };
}
function refundRow(id: string, paymentId: string, refundFen: number): ProviderBillRow {
  return { ...payRow(paymentId, 0), tradeState: 'REFUND', refundNo: id, refundFen, feeFen: -1 };
}

/** A clean day: p1, p2 paid and posted, r1 refunded and posted. */
function day(): { bill: ProviderBillRow[]; ours: DayRecords } {
  const payments = [pay('p1', 1000), pay('p2', 2500)];
  const refunds = [refund('r1', 'p1', 300)];
  return {
    bill: [payRow('p1', 1000), payRow('p2', 2500), refundRow('r1', 'p1', 300)],
    ours: {
      payments: new Map(payments.map((p) => [p.id, p])),
      refunds: new Map(refunds.map((r) => [r.id, r])),
      paidToday: new Set(['p1', 'p2']),
      refundedToday: new Set(['r1']),
      ledger: {
        paidByOrder: new Map([
          ['o-p1', 1000],
          ['o-p2', 2500],
        ]),
        refundPaid: new Map([['r1', 300]]),
      },
      ledgerPaidToday: new Set(['o-p1', 'o-p2']),
      ledgerRefundedToday: new Set(['r1']),
    },
  };
}

const types = (bill: ProviderBillRow[], ours: DayRecords) =>
  compareDay(bill, ours).differences.map((d) => `${d.type}:${d.refKind}:${d.refId}`);

describe('compareDay', () => {
  it('finds nothing on a clean day and counts every row matched', () => {
    const { bill, ours } = day();
    expect(compareDay(bill, ours)).toEqual({ differences: [], matched: 3 });
  });

  it('a payment dropped from the bill is short (短款): our books hold money the provider does not', () => {
    const { bill, ours } = day();
    const [d] = compareDay(bill.slice(1), ours).differences;
    expect(d).toMatchObject({ type: 'short', refKind: 'payment', refId: 'p1', billFen: null, ourFen: 1000, orderId: 'o-p1' });
  });

  it('a payment in the bill the platform never saw is long (长款)', () => {
    const { bill, ours } = day();
    expect(types([...bill, payRow('ghost', 777)], ours)).toEqual(['long:payment:ghost']);
  });

  it('a payment still pending here is a missing notification; a failed one is long', () => {
    const { bill, ours } = day();
    ours.payments.set('p2', pay('p2', 2500, 'pending'));
    ours.paidToday.delete('p2');
    ours.ledger.paidByOrder.delete('o-p2');
    ours.ledgerPaidToday.delete('o-p2');
    expect(types(bill, ours)).toEqual(['missing_notification:payment:p2']);
    ours.payments.set('p2', pay('p2', 2500, 'failed'));
    expect(types(bill, ours)).toEqual(['long:payment:p2']);
  });

  it('amounts that differ from the payment or from the ledger are mismatches, with both amounts', () => {
    const { bill, ours } = day();
    const changed = bill.map((r) => (r.merchantTradeNo === 'p2' && r.tradeState === 'SUCCESS' ? { ...r, amountFen: 2400 } : r));
    const diffs = compareDay(changed, ours).differences;
    expect(diffs.map((d) => [d.type, d.billFen, d.ourFen])).toEqual([
      ['amount_mismatch', 2400, 2500],
      ['amount_mismatch', 2400, 2500],
    ]);
    expect(new Set(diffs.map((d) => d.fingerprint)).size).toBe(2);
    ours.ledger.paidByOrder.set('o-p1', 999);
    expect(compareDay(bill, ours).differences).toMatchObject([{ type: 'amount_mismatch', refId: 'p1', billFen: 1000, ourFen: 999 }]);
  });

  it('a row listed twice is a duplicate; the rest of it still matches', () => {
    const { bill, ours } = day();
    const r = compareDay([...bill, payRow('p2', 2500)], ours);
    expect(r.differences.map((d) => d.type)).toEqual(['duplicate']);
    expect(r.matched).toBe(2);
  });

  it('a settled payment without its ledger entry is unposted', () => {
    const { bill, ours } = day();
    ours.ledger.paidByOrder.delete('o-p2');
    ours.ledgerPaidToday.delete('o-p2');
    expect(types(bill, ours)).toEqual(['unposted:payment:p2']);
  });

  it('refunds: one the platform never recorded is short, one the provider never made is long, a pending one misses its notification', () => {
    const { bill, ours } = day();
    expect(types([...bill, refundRow('rx', 'p2', 100)], ours)).toEqual(['short:refund:rx']);
    expect(types(bill.slice(0, 2), ours)).toEqual(['long:refund:r1']);
    ours.refunds.set('r1', refund('r1', 'p1', 300, 'pending'));
    ours.refundedToday.delete('r1');
    ours.ledger.refundPaid.delete('r1');
    ours.ledgerRefundedToday.delete('r1');
    expect(types(bill, ours)).toEqual(['missing_notification:refund:r1']);
  });

  it('adds up the bill', () => {
    expect(billTotals(day().bill)).toEqual({ payments: 3500, refunds: 300, fees: 1 });
    expect(paidKeyId('order:abc:paid', 'order')).toBe('abc');
    expect(paidKeyId('order:abc:settled', 'order')).toBeNull();
    expect(paidKeyId('refund:r9:paid', 'refund')).toBe('r9');
    expect(paidKeyId('refund:r9', 'refund')).toBeNull();
  });
});
