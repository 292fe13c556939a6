import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { orderSplit, proRata, releaseDue, settleDebtFirst, takeBack } from './settle.rules.ts';
import type { SplitLine } from './settlement.types.ts';

const line = fc.record({
  categoryId: fc.constantFrom('c1', 'c2', 'c3'),
  unitPriceFen: fc.integer({ min: 1, max: 500_000 }),
  qty: fc.integer({ min: 1, max: 20 }),
  returnedQty: fc.integer({ min: 0, max: 20 }),
  commissionBp: fc.integer({ min: 0, max: 10_000 }),
  streamerShareBp: fc.integer({ min: 0, max: 10_000 }),
});
const rates = fc.record({ c1: fc.integer({ min: 0, max: 10_000 }), c2: fc.integer({ min: 0, max: 3_000 }), c3: fc.constant(500) });
const gross = (ls: SplitLine[]) => ls.reduce((n, l) => n + l.unitPriceFen * Math.max(0, l.qty - l.returnedQty), 0);

describe('orderSplit', () => {
  it('accounts for every fen: the shares add up to what left escrow, none negative, each within a fen per line of its exact part', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), rates, fc.boolean(), fc.boolean(), (ls, r, streamer, mcn) => {
        const settled = gross(ls);
        const s = orderSplit(settled, ls, (c) => r[c as keyof typeof r], { streamer, mcn: streamer && mcn });
        expect(s.merchant + s.platform + s.streamer + s.mcn).toBe(settled);
        for (const v of Object.values(s)) expect(v).toBeGreaterThanOrEqual(0);
        const exactFee = ls.reduce((n, l) => {
          const g = l.unitPriceFen * Math.max(0, l.qty - l.returnedQty);
          return n + (g * Math.min(r[l.categoryId as keyof typeof r], 10_000 - l.commissionBp)) / 10_000;
        }, 0);
        expect(Math.abs(s.platform - exactFee)).toBeLessThanOrEqual(ls.length);
        if (!streamer) expect(s.streamer + s.mcn).toBe(0);
        if (streamer && !mcn) expect(s.mcn).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a tied fen to the merchant (listed first), and the streamer before the MCN', () => {
    // 1 fen at 5 % fee, 10 % commission: exact 0.85 / 0.05 / 0.10 → the merchant
    expect(
      orderSplit(1, [{ categoryId: 'c', unitPriceFen: 1, qty: 1, returnedQty: 0, commissionBp: 1000, streamerShareBp: 5000 }], () => 500, {
        streamer: true,
        mcn: true,
      }),
    ).toEqual({
      merchant: 1,
      platform: 0,
      streamer: 0,
      mcn: 0,
    });
    // 999 fen at 5 %: fee 50 (exact 49.95), net 949; commission 10 % = 99.9 → 100 → 50 / 50
    expect(
      orderSplit(
        999,
        [{ categoryId: 'c', unitPriceFen: 999, qty: 1, returnedQty: 0, commissionBp: 1000, streamerShareBp: 5000 }],
        () => 500,
        { streamer: true, mcn: true },
      ),
    ).toEqual({
      merchant: 849,
      platform: 50,
      streamer: 50,
      mcn: 50,
    });
    // an odd commission split 50/50: the streamer (listed first) gets the fen
    expect(
      orderSplit(30, [{ categoryId: 'c', unitPriceFen: 30, qty: 1, returnedQty: 0, commissionBp: 1000, streamerShareBp: 5000 }], () => 0, {
        streamer: true,
        mcn: true,
      }),
    ).toEqual({
      merchant: 27,
      platform: 0,
      streamer: 2,
      mcn: 1,
    });
  });

  it('caps the fee so fee + commission never pass 100 %, and a shelf order keeps its commission with the merchant', () => {
    const l = { categoryId: 'c', unitPriceFen: 1000, qty: 1, returnedQty: 0, commissionBp: 9_800, streamerShareBp: 10_000 };
    expect(orderSplit(1000, [l], () => 500, { streamer: true, mcn: false })).toEqual({ merchant: 0, platform: 20, streamer: 980, mcn: 0 });
    expect(orderSplit(1000, [l], () => 500, { streamer: false, mcn: false })).toEqual({ merchant: 980, platform: 20, streamer: 0, mcn: 0 });
  });

  it('gives the merchant what differs from the lines, and refuses a settled amount below them', () => {
    const l = { categoryId: 'c', unitPriceFen: 1000, qty: 2, returnedQty: 1, commissionBp: 0, streamerShareBp: 0 };
    expect(orderSplit(1000, [l], () => 500, { streamer: false, mcn: false })).toEqual({ merchant: 950, platform: 50, streamer: 0, mcn: 0 });
    expect(() => orderSplit(10, [{ ...l, returnedQty: 0, commissionBp: 0 }], () => 500, { streamer: false, mcn: false })).toThrow(AppError);
  });
});

describe('proRata (the take-back of a refund after completion)', () => {
  const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 4 }).filter((w) => w.some((x) => x > 0));

  it('adds up to the amount, never passes a weight, and each part is within a fen of its exact share', () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 0, max: 1, noNaN: true }), (w, f) => {
        const total = w.reduce((n, x) => n + x, 0);
        const amount = Math.floor(total * f);
        const parts = proRata(
          amount,
          w.map((weight, i) => ({ key: String(i), weight })),
        );
        const got = w.map((_, i) => parts.get(String(i)) ?? 0);
        expect(got.reduce((n, x) => n + x, 0)).toBe(amount);
        got.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(w[i] as number);
          expect(Math.abs(x - (amount * (w[i] as number)) / total)).toBeLessThan(1);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('never over-reverses over a sequence of partial refunds, and a full refund reverses exactly the settled split', () => {
    fc.assert(
      fc.property(weights, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (w, cuts) => {
        const remaining = [...w];
        for (const c of cuts) {
          const left = remaining.reduce((n, x) => n + x, 0);
          const amount = Math.floor(left * c);
          const parts = proRata(
            amount,
            remaining.map((weight, i) => ({ key: String(i), weight })),
          );
          remaining.forEach((x, i) => {
            const take = parts.get(String(i)) ?? 0;
            expect(take).toBeLessThanOrEqual(x);
            remaining[i] = x - take;
          });
        }
        // the rest of the order is refunded: every share is taken back whole
        const rest = remaining.reduce((n, x) => n + x, 0);
        const last = proRata(
          rest,
          remaining.map((weight, i) => ({ key: String(i), weight })),
        );
        expect(remaining.map((_, i) => last.get(String(i)))).toEqual(remaining);
      }),
      { numRuns: 1000 },
    );
  });

  it('is caught when rounded per share (the mutant creates or loses fen)', () => {
    const perShare = (amount: number, w: number[]) => {
      const total = w.reduce((n, x) => n + x, 0);
      return w.map((x) => Math.round((amount * x) / total));
    };
    const w = [1, 1, 1];
    expect(perShare(2, w).reduce((n, x) => n + x, 0)).not.toBe(2);
    const ok = proRata(
      2,
      w.map((weight, i) => ({ key: String(i), weight })),
    );
    expect([...ok.values()].reduce((n, x) => n + x, 0)).toBe(2);
    expect([...ok.values()]).toEqual([1, 1, 0]);
  });

  it('refuses a negative amount or no weight', () => {
    expect(() => proRata(-1, [{ key: 'a', weight: 1 }])).toThrow(AppError);
    expect(() => proRata(1, [{ key: 'a', weight: 0 }])).toThrow(AppError);
  });
});

describe('debts and releases', () => {
  it('income pays the debt back first; a take-back beyond the available balance goes into debt', () => {
    expect(settleDebtFirst(100, -30)).toEqual({ toDebt: 30, toAvailable: 70 });
    expect(settleDebtFirst(20, -30)).toEqual({ toDebt: 20, toAvailable: 0 });
    expect(settleDebtFirst(20, 0)).toEqual({ toDebt: 0, toAvailable: 20 });
    expect(takeBack(100, 30)).toEqual({ fromAvailable: 30, toDebt: 70 });
    expect(takeBack(10, 30)).toEqual({ fromAvailable: 10, toDebt: 0 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, b) => {
        const s = settleDebtFirst(a, Math.min(0, b));
        expect(s.toDebt + s.toAvailable).toBe(a);
        const t = takeBack(a, Math.max(0, b));
        expect(t.fromAvailable + t.toDebt).toBe(a);
      }),
    );
  });
  it('releases T+N days after completion', () => {
    expect(releaseDue(new Date('2026-01-01T10:00:00Z'), 1).toISOString()).toBe('2026-01-02T10:00:00.000Z');
  });
});
