import { COMPLAINT_CATEGORIES } from '@livehub/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimProblem,
  FRAUD_MINIMUM_FEN,
  fraudAwardFen,
  fraudCompensationFen,
  maxClaimFen,
  refundableFen,
  yuan,
} from './compensation.rules.ts';

describe('compensation (消费者权益保护法 Art. 55)', () => {
  it('three times the price, at least 500 yuan', () => {
    expect(fraudCompensationFen(10_000)).toBe(50_000); // 100 yuan × 3 = 300 < 500
    expect(fraudCompensationFen(16_666)).toBe(50_000);
    expect(fraudCompensationFen(16_667)).toBe(50_001);
    expect(fraudCompensationFen(100_000)).toBe(300_000);
    expect(fraudCompensationFen(0)).toBe(FRAUD_MINIMUM_FEN);
    expect(() => fraudCompensationFen(1.5)).toThrow(RangeError);
    expect(() => fraudCompensationFen(-1)).toThrow(RangeError);
  });

  it('退一赔三: the refundable price plus the compensation on the price paid', () => {
    expect(fraudAwardFen(20_000, 0)).toBe(20_000 + 60_000);
    expect(fraudAwardFen(20_000, 5_000)).toBe(15_000 + 60_000);
    expect(refundableFen(100, 300)).toBe(0);
    expect([yuan(9_900), yuan(80_001), yuan(0)]).toEqual(['99.00', '800.01', '0.00']);
  });

  it('a claim above what the law and the order allow names its field and the maximum', () => {
    const order = { paidFen: 20_000, refundedFen: 0 };
    expect(claimProblem('fraud', { kind: 'compensation', amountFen: 80_000 }, order)).toBeNull();
    expect(claimProblem('fraud', { kind: 'compensation', amountFen: 80_001 }, order)).toEqual({ field: 'claim.amountFen', maxFen: 80_000 });
    expect(claimProblem('quality', { kind: 'compensation', amountFen: 20_001 }, order)).toEqual({
      field: 'claim.amountFen',
      maxFen: 20_000,
    });
    expect(claimProblem('fraud', { kind: 'refund', amountFen: 20_001 }, order)).toEqual({ field: 'claim.amountFen', maxFen: 20_000 });
    expect(claimProblem('quality', { kind: 'return', amountFen: 20_000 }, order)).toBeNull();
    expect(claimProblem('quality', { kind: 'refund', amountFen: 1 }, { paidFen: 100, refundedFen: 100 })).toEqual({
      field: 'claim.amountFen',
      maxFen: 0,
    });
  });

  it('property: integer fen, the larger of 3 × price and 500 yuan, and the cap is never below the refundable price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.constantFrom(...COMPLAINT_CATEGORIES),
        (paid, refunded, cat) => {
          const c = fraudCompensationFen(paid);
          expect(Number.isSafeInteger(c)).toBe(true);
          expect(c).toBe(Math.max(3 * paid, 50_000));
          for (const kind of ['refund', 'return', 'compensation'] as const)
            expect(maxClaimFen(cat, kind, paid, refunded)).toBeGreaterThanOrEqual(refundableFen(paid, refunded));
        },
      ),
    );
  });
});
