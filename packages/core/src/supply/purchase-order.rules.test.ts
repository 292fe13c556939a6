import { describe, expect, it } from 'vitest';
import {
  chinaDay,
  expectedOnProblem,
  purchaseOrderNumber,
  purchaseOrderTotal,
  receiptProblem,
  repeatedSku,
  shipQuantities,
  statusAfterReceipt,
} from './purchase-order.rules.ts';

const line = (lineNo: number, qty: number, received = 0, rejected = 0) => ({ lineNo, qty, received, rejected });

describe('number, total, day', () => {
  it('numbers an order by its China day and the end of its id', () => {
    // 2026-12-06 20:00 UTC is already 12-07 in China
    expect(purchaseOrderNumber('0190f5a2-7b1c-7d3e-9f00-00000abcdef1', new Date('2026-12-06T20:00:00Z'))).toBe('CG202612070ABCDEF1');
    expect(chinaDay(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(chinaDay(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
  });
  it('totals quantity × unit cost', () => {
    expect(
      purchaseOrderTotal([
        { qty: 3, unitCostFen: 1_250 },
        { qty: 2, unitCostFen: 0 },
      ]),
    ).toBe(3_750);
    expect(purchaseOrderTotal([])).toBe(0);
  });
  it('finds a repeated SKU', () => {
    expect(repeatedSku([{ skuId: 'a' }, { skuId: 'b' }])).toBe(-1);
    expect(repeatedSku([{ skuId: 'a' }, { skuId: 'b' }, { skuId: 'a' }])).toBe(2);
  });
  it('expected today (China time) or later, a real day', () => {
    const now = new Date('2026-12-06T17:00:00Z'); // 12-07 01:00 in China
    expect(expectedOnProblem('2026-12-07', now)).toBeNull();
    expect(expectedOnProblem('2026-12-06', now)).toBe('past');
    expect(expectedOnProblem('2026-02-30', now)).toBe('bad');
    expect(expectedOnProblem('2027-01-01', now)).toBeNull();
  });
});

describe('shipQuantities', () => {
  const lines = [
    { lineNo: 1, qty: 10 },
    { lineNo: 2, qty: 5 },
  ];
  it('every line in full by default, or as given (unnamed lines ship 0)', () => {
    expect(shipQuantities(lines, undefined)).toEqual(
      new Map([
        [1, 10],
        [2, 5],
      ]),
    );
    expect(shipQuantities(lines, [{ lineNo: 2, qty: 3 }])).toEqual(
      new Map([
        [1, 0],
        [2, 3],
      ]),
    );
  });
  it('refuses an unknown or repeated line, more than ordered, nothing at all', () => {
    expect(shipQuantities(lines, [{ lineNo: 3, qty: 1 }])).toEqual({ index: 0, field: 'lineNo' });
    expect(
      shipQuantities(lines, [
        { lineNo: 1, qty: 1 },
        { lineNo: 1, qty: 1 },
      ]),
    ).toEqual({ index: 1, field: 'lineNo' });
    expect(shipQuantities(lines, [{ lineNo: 2, qty: 6 }])).toEqual({ index: 0, field: 'qty' });
    expect(shipQuantities(lines, [{ lineNo: 1, qty: 0 }])).toEqual({ index: -1, field: 'lines' });
  });
});

describe('receipts', () => {
  const lines = [line(1, 10, 6, 1), line(2, 5)];
  it('takes a receipt up to what was ordered without a reason', () => {
    expect(receiptProblem(lines, [{ lineNo: 1, accepted: 3, rejected: 0 }])).toBeNull();
    expect(receiptProblem(lines, [{ lineNo: 2, accepted: 4, rejected: 1 }])).toBeNull();
  });
  it('past what was ordered only with a reason (差异说明)', () => {
    expect(receiptProblem(lines, [{ lineNo: 1, accepted: 4, rejected: 0 }])).toEqual({
      index: 0,
      field: 'reason',
      code: 'supply.over_receipt',
    });
    expect(receiptProblem(lines, [{ lineNo: 1, accepted: 4, rejected: 0, reason: '  ' }])?.code).toBe('supply.over_receipt');
    expect(receiptProblem(lines, [{ lineNo: 1, accepted: 4, rejected: 0, reason: '多发赠品' }])).toBeNull();
  });
  it('refuses an unknown or repeated line and an empty one', () => {
    expect(receiptProblem(lines, [{ lineNo: 9, accepted: 1, rejected: 0 }])).toMatchObject({ index: 0, field: 'lineNo' });
    expect(
      receiptProblem(lines, [
        { lineNo: 2, accepted: 1, rejected: 0 },
        { lineNo: 2, accepted: 1, rejected: 0 },
      ]),
    ).toMatchObject({ index: 1, field: 'lineNo' });
    expect(receiptProblem(lines, [{ lineNo: 2, accepted: 0, rejected: 0 }])).toMatchObject({ index: 0, field: 'accepted' });
  });
  it('is received once every line is accounted for, accepted or rejected', () => {
    expect(statusAfterReceipt([line(1, 10, 9, 1), line(2, 5, 5)])).toBe('received');
    expect(statusAfterReceipt([line(1, 10, 12), line(2, 5, 0, 5)])).toBe('received');
    expect(statusAfterReceipt([line(1, 10, 9), line(2, 5, 5)])).toBe('partially_received');
  });
});
