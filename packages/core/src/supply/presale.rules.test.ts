import { describe, expect, it } from 'vitest';
import {
  aggregateDemand,
  balanceOpen,
  deliverable,
  depositOpen,
  depositOutcome,
  depositsToRefund,
  PRESALE_RULES,
  productionOrderNumber,
  reservationStage,
  shipOnProblem,
  windowsOrdered,
} from './presale.rules.ts';

const t = (h: number) => new Date(Date.UTC(2026, 11, 6, h));
const windows = { depositStartAt: t(0), depositEndAt: t(10), balanceStartAt: t(10), balanceEndAt: t(20) };

describe('windows', () => {
  it('wants deposit start < deposit end ≤ balance start < balance end', () => {
    expect(windowsOrdered(windows)).toBe(true);
    expect(windowsOrdered({ ...windows, depositEndAt: t(0) })).toBe(false);
    expect(windowsOrdered({ ...windows, balanceStartAt: t(9) })).toBe(false);
    expect(windowsOrdered({ ...windows, balanceEndAt: t(10) })).toBe(false);
  });

  it('takes deposits only while open and inside the deposit window', () => {
    expect(depositOpen({ ...windows, status: 'open' }, t(5))).toBe(true);
    expect(depositOpen({ ...windows, status: 'open' }, t(10))).toBe(false);
    expect(depositOpen({ ...windows, status: 'open' }, new Date(t(0).getTime() - 1))).toBe(false);
    expect(depositOpen({ ...windows, status: 'draft' }, t(5))).toBe(false);
    expect(depositOpen({ ...windows, status: 'closed' }, t(5))).toBe(false);
  });

  it('takes the balance only after closing and inside the balance window', () => {
    expect(balanceOpen({ ...windows, status: 'open' }, t(12))).toBe(false);
    expect(balanceOpen({ ...windows, status: 'closed' }, t(9))).toBe(false);
    for (const status of ['closed', 'in_production'] as const) expect(balanceOpen({ ...windows, status }, t(12))).toBe(true);
    // once the factory has shipped, the shipment has delivered the paid-up reservations: no balance is taken
    expect(balanceOpen({ ...windows, status: 'shipped' }, t(12))).toBe(false);
    expect(balanceOpen({ ...windows, status: 'closed' }, t(20))).toBe(false);
    expect(balanceOpen({ ...windows, status: 'cancelled' }, t(12))).toBe(false);
  });

  it('promises a ship day that is real and not in the past (China time)', () => {
    expect(shipOnProblem('2026-12-06', t(1))).toBeNull();
    expect(shipOnProblem('2026-12-05', t(1))).toBe('past');
    // 2026-12-06 20:00 UTC is already 12-07 in China
    expect(shipOnProblem('2026-12-06', t(20))).toBe('past');
    expect(shipOnProblem('2026-02-30', t(1))).toBe('bad');
  });
});

describe('demand by specification', () => {
  const r = (skuId: string, qty: number, depositStatus: 'pending' | 'paid' | 'failed' | 'refunding' | 'refunded' = 'paid') => ({
    skuId,
    qty,
    depositStatus,
  });

  it('sums paid reservations per SKU in the product’s order, counting reservations', () => {
    const got = aggregateDemand(
      [r('L', 2), r('M', 1), r('L', 3), r('S', 4, 'pending'), r('M', 5, 'refunded'), r('XL', 1, 'failed')],
      ['S', 'M', 'L', 'XL'],
    );
    expect(got).toEqual([
      { skuId: 'M', qty: 1, reservations: 1 },
      { skuId: 'L', qty: 5, reservations: 2 },
    ]);
  });

  it('is empty when no deposit is paid (nothing to produce)', () => {
    expect(aggregateDemand([r('L', 2, 'pending'), r('M', 1, 'refunding')])).toEqual([]);
  });
});

describe('refunds and states', () => {
  it('refunds every paid deposit on cancelling, and nothing else', () => {
    const rs = [
      { id: 'a', depositStatus: 'paid' as const },
      { id: 'b', depositStatus: 'pending' as const },
      { id: 'c', depositStatus: 'refunded' as const },
      { id: 'd', depositStatus: 'paid' as const },
    ];
    expect(depositsToRefund(rs).map((x) => x.id)).toEqual(['a', 'd']);
  });

  it('keeps a deposit paid while open, refunds one paid after closing or cancelling', () => {
    expect(depositOutcome('open')).toBe('keep');
    expect(depositOutcome('closed')).toBe('refund');
    expect(depositOutcome('cancelled')).toBe('refund');
  });

  it('cancels only before the production order, closes only an open pre-sale', () => {
    expect(PRESALE_RULES.cancellable).toEqual(['draft', 'open']);
    expect(PRESALE_RULES.closable).toEqual(['open']);
    expect(PRESALE_RULES.production.ship.from).not.toContain('sent');
  });

  it('tells the buyer the stage', () => {
    expect(reservationStage({ depositStatus: 'pending', balanceStatus: 'unpaid' }, 'open', null)).toBe('deposit_due');
    expect(reservationStage({ depositStatus: 'pending', balanceStatus: 'unpaid' }, 'closed', 'sent')).toBe('failed');
    expect(reservationStage({ depositStatus: 'paid', balanceStatus: 'unpaid' }, 'open', null)).toBe('deposit_paid');
    expect(reservationStage({ depositStatus: 'paid', balanceStatus: 'unpaid' }, 'closed', 'sent')).toBe('balance_due');
    expect(reservationStage({ depositStatus: 'paid', balanceStatus: 'paid' }, 'in_production', 'in_production')).toBe('in_production');
    expect(reservationStage({ depositStatus: 'paid', balanceStatus: 'paid' }, 'shipped', 'shipped')).toBe('shipped');
    expect(reservationStage({ depositStatus: 'paid', balanceStatus: 'unpaid' }, 'shipped', 'shipped')).toBe('balance_lapsed');
    expect(reservationStage({ depositStatus: 'paid', balanceStatus: 'pending' }, 'shipped', 'shipped')).toBe('balance_lapsed');
    expect(reservationStage({ depositStatus: 'refunding', balanceStatus: 'unpaid' }, 'cancelled', null)).toBe('refunding');
    expect(reservationStage({ depositStatus: 'refunded', balanceStatus: 'unpaid' }, 'cancelled', null)).toBe('refunded');
  });

  it('numbers a production order by its China day and the end of its id', () => {
    expect(productionOrderNumber('0190f5a2-7b1c-7d3e-9f00-00000abcdef1', new Date('2026-12-06T20:00:00Z'))).toBe('SC202612070ABCDEF1');
  });
});

describe('deliverable', () => {
  it('delivers only reservations with the deposit and the balance paid', () => {
    const rs = [
      { id: 'a', depositStatus: 'paid', balanceStatus: 'paid' },
      { id: 'b', depositStatus: 'paid', balanceStatus: 'pending' },
      { id: 'c', depositStatus: 'paid', balanceStatus: 'unpaid' },
      { id: 'd', depositStatus: 'refunded', balanceStatus: 'unpaid' },
      { id: 'e', depositStatus: 'pending', balanceStatus: 'unpaid' },
    ] as const;
    expect(deliverable(rs).map((r) => r.id)).toEqual(['a']);
  });
});
