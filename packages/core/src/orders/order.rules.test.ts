/** The order's pure rules: its number, line commission, totals, the new order record and who may read it. */
import { describe, expect, it } from 'vitest';
import type { ProductRecord, SkuRecord } from '../catalog/catalog.types.ts';
import type { Actor } from '../shared/actor.ts';
import {
  agreementTerms,
  lineCommissionFen,
  newOrder,
  ORDER_RETENTION_MS,
  orderLine,
  orderNo,
  orderTotals,
  readerOf,
  shipDaysLate,
  shipDeadline,
} from './order.rules.ts';
import type { OrderRecord } from './order.types.ts';

const product = { id: 'p1', title: '茶叶', categoryId: 'c1', merchantOrgId: 'm1' } as ProductRecord;
const sku = { id: 's1', name: '250g', productId: 'p1', priceFen: 9900 } as SkuRecord;
const actor = (over: Partial<Actor>): Actor =>
  ({ userId: null, label: 't', orgId: null, membershipId: null, role: 'consumer', via: 'session', ...over }) as Actor;

describe('orderNo', () => {
  it('is the day and twelve digits from the id', () => {
    const no = orderNo('00000000-0000-4000-8000-00000000002a', new Date('2026-03-05T10:00:00Z'));
    expect(no).toBe('20260305000000000042');
    expect(no).toMatch(/^\d{20}$/);
  });

  it('differs for ids that differ in their tail', () => {
    const day = new Date('2026-03-05T10:00:00Z');
    expect(orderNo('00000000-0000-4000-8000-000000000001', day)).not.toBe(orderNo('00000000-0000-4000-8000-000000000002', day));
  });
});

describe('lines and totals', () => {
  it('rounds commission down to the fen', () => {
    expect(lineCommissionFen(999, 3, 1234)).toBe(Math.floor((999 * 3 * 1234) / 10_000));
    expect(lineCommissionFen(1, 1, 9_999)).toBe(0);
  });

  it('builds a line with the attribution, or none', () => {
    const l = orderLine(
      { orderId: 'o1', lineNo: 1, product, sku, unitPriceFen: 8800, qty: 2, a: { commissionBp: 1500, streamerShareBp: 6000 } },
      true,
    );
    expect(l).toMatchObject({ orderId: 'o1', productId: 'p1', skuId: 's1', title: '茶叶', skuName: '250g', qty: 2, unitPriceFen: 8800 });
    expect(l).toMatchObject({ commissionBp: 1500, streamerShareBp: 6000, commissionFen: 2640, noReasonReturn: true, returnedQty: 0 });
    const bare = orderLine({ orderId: 'o1', lineNo: 1, product, sku, unitPriceFen: 8800, qty: 1, a: null }, false);
    expect(bare).toMatchObject({ commissionBp: 0, streamerShareBp: 10_000, commissionFen: 0, noReasonReturn: false });
  });

  it('sums the lines', () => {
    const lines = [
      orderLine(
        { orderId: 'o', lineNo: 1, product, sku, unitPriceFen: 1000, qty: 2, a: { commissionBp: 1000, streamerShareBp: 10_000 } },
        true,
      ),
      orderLine({ orderId: 'o', lineNo: 2, product, sku, unitPriceFen: 500, qty: 1, a: null }, true),
    ];
    expect(orderTotals(lines)).toEqual({ totalFen: 2500, commissionFen: 200 });
  });

  it('reads the agreement terms for a product', () => {
    const terms = { products: [{ productId: 'p1', commissionBp: 2000 }], streamerShareBp: 7000 };
    expect(agreementTerms(terms, 'p1')).toEqual({ commissionBp: 2000, streamerShareBp: 7000 });
    expect(agreementTerms(terms, 'p2')).toEqual({ commissionBp: 0, streamerShareBp: 7000 });
    expect(agreementTerms(undefined, 'p1')).toEqual({ commissionBp: 0, streamerShareBp: 10_000 });
  });
});

describe('newOrder', () => {
  it('awaits payment for the given minutes and is kept three years', () => {
    const now = new Date('2026-03-05T10:00:00Z');
    const lines = [
      orderLine(
        {
          orderId: '00000000-0000-4000-8000-000000000007',
          lineNo: 1,
          product,
          sku,
          unitPriceFen: 1000,
          qty: 3,
          a: { commissionBp: 500, streamerShareBp: 10_000 },
        },
        true,
      ),
    ];
    const o = newOrder({
      id: '00000000-0000-4000-8000-000000000007',
      userId: 'u1',
      merchantOrgId: 'm1',
      attr: { session: { id: 'ls1', streamerUserId: 'st1', mcnOrgId: null }, agreementId: 'a1', agreementVersion: 2 },
      flashSaleId: null,
      lines,
      addressEnc: 'enc',
      region: '上海市',
      now,
      payMinutes: 15,
    });
    expect(o).toMatchObject({ status: 'created', totalFen: 3000, commissionFen: 150, refundedFen: 0, version: 1 });
    expect(o).toMatchObject({ sessionId: 'ls1', streamerUserId: 'st1', mcnOrgId: null, agreementId: 'a1', agreementVersion: 2 });
    expect(o.payBy.getTime() - now.getTime()).toBe(15 * 60_000);
    expect(o.retainUntil.getTime() - now.getTime()).toBe(ORDER_RETENTION_MS);
    expect(o.orderNo).toBe(orderNo(o.id, now));
  });
});

describe('readerOf', () => {
  const o = { buyerUserId: 'b', merchantOrgId: 'm', streamerUserId: 's', mcnOrgId: 'mcn' } as OrderRecord;
  it('names each party and refuses strangers', () => {
    expect(readerOf(actor({ userId: 'b' }), o)).toBe('buyer');
    expect(readerOf(actor({ userId: 'x', role: 'merchant_staff', orgId: 'm' }), o)).toBe('merchant');
    expect(readerOf(actor({ userId: 's', role: 'streamer' }), o)).toBe('streamer');
    expect(readerOf(actor({ userId: 'y', role: 'mcn_manager', orgId: 'mcn' }), o)).toBe('streamer');
    expect(readerOf(actor({ userId: 'z', role: 'platform_admin' }), o)).toBe('platform');
    expect(readerOf(actor({ userId: 'z', role: 'merchant_staff', orgId: 'other' }), o)).toBeNull();
    expect(readerOf(actor({ userId: 'z' }), o)).toBeNull();
  });
});

describe('发货时效: 48 hours after payment', () => {
  const paid = new Date('2026-12-01T10:00:00.000Z');
  const h = (hours: number) => new Date(paid.getTime() + hours * 3_600_000);
  it('the deadline is 48 hours after payment', () => {
    expect(shipDeadline(paid)).toEqual(h(48));
  });
  it('on time up to the deadline itself, then late by whole days begun', () => {
    expect(shipDaysLate(paid, h(1))).toBe(0);
    expect(shipDaysLate(paid, h(48))).toBe(0);
    expect(shipDaysLate(paid, new Date(h(48).getTime() + 1))).toBe(1);
    expect(shipDaysLate(paid, h(72))).toBe(1);
    expect(shipDaysLate(paid, h(72.5))).toBe(2);
    expect(shipDaysLate(paid, h(48 + 24 * 10))).toBe(10);
  });
  it('an order without a payment time is never late', () => {
    expect(shipDaysLate(null, h(500))).toBe(0);
  });
});
