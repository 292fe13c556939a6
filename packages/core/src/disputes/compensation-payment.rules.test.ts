import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outstandingFen, payable, paymentDueAt, recoverySplit, statusAfterRecovery } from './compensation-payment.rules.ts';

const cst = (s: string) => new Date(`${s}+08:00`);

describe('paying a complaint outcome', () => {
  it('the merchant has 3 working days from the resolution: a Friday resolution is due the Wednesday after', () => {
    expect(paymentDueAt(cst('2026-12-04T10:00:00'))).toEqual(cst('2026-12-09T23:59:59.999'));
  });

  it('the deadline skips National Day and counts its make-up Saturday', () => {
    // 09-30 Wednesday; 10-01..07 holidays; 10-08 Thu, 10-09 Fri, 10-10 a 调休 Saturday (a working day)
    expect(paymentDueAt(cst('2026-09-30T18:00:00'))).toEqual(cst('2026-10-10T23:59:59.999'));
  });

  it('may be paid while due up to the deadline instant; a millisecond later it belongs to the fund', () => {
    const dueAt = cst('2026-12-09T23:59:59.999');
    expect(payable({ status: 'due', dueAt }, dueAt)).toBe('ok');
    expect(payable({ status: 'due', dueAt }, new Date(dueAt.getTime() + 1))).toBe('deadline_passed');
    expect(payable({ status: 'paid_by_merchant', dueAt }, dueAt)).toBe('not_due');
    expect(payable({ status: 'advanced', dueAt }, dueAt)).toBe('not_due');
  });

  it('recovers from the deposit first, then the available balance, the rest stays owed', () => {
    expect(recoverySplit(10_000, 20_000, 5_000)).toEqual({ fromDepositFen: 10_000, fromBalanceFen: 0, outstandingFen: 0 });
    expect(recoverySplit(10_000, 6_000, 3_000)).toEqual({ fromDepositFen: 6_000, fromBalanceFen: 3_000, outstandingFen: 1_000 });
    expect(recoverySplit(10_000, 0, 0)).toEqual({ fromDepositFen: 0, fromBalanceFen: 0, outstandingFen: 10_000 });
    expect(recoverySplit(10_000, -50, 12_000)).toEqual({ fromDepositFen: 0, fromBalanceFen: 10_000, outstandingFen: 0 });
    expect(() => recoverySplit(1.5, 0, 0)).toThrow(RangeError);
  });

  it('a split always adds up to what is owed and never takes more than an account holds', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.integer({ min: -1e6, max: 1e9 }), fc.integer({ min: -1e6, max: 1e9 }), (owed, dep, avail) => {
        const s = recoverySplit(owed, dep, avail);
        expect(s.fromDepositFen + s.fromBalanceFen + s.outstandingFen).toBe(owed);
        expect(s.fromDepositFen).toBeLessThanOrEqual(Math.max(0, dep));
        expect(s.fromBalanceFen).toBeLessThanOrEqual(Math.max(0, avail));
        expect(Math.min(s.fromDepositFen, s.fromBalanceFen, s.outstandingFen)).toBeGreaterThanOrEqual(0);
        // the balance is touched only once the deposit is exhausted
        if (s.fromBalanceFen > 0) expect(s.fromDepositFen).toBe(Math.max(0, dep));
      }),
    );
  });

  it('the status follows what was recovered of the advance', () => {
    const o = { advancedFen: 10_000, recoveredFromDepositFen: 0, recoveredFromBalanceFen: 0 };
    expect(statusAfterRecovery(o)).toBe('advanced');
    expect(statusAfterRecovery({ ...o, recoveredFromDepositFen: 4_000 })).toBe('partially_recovered');
    expect(statusAfterRecovery({ ...o, recoveredFromDepositFen: 4_000, recoveredFromBalanceFen: 6_000 })).toBe('recovered');
    expect(outstandingFen({ ...o, recoveredFromDepositFen: 4_000, recoveredFromBalanceFen: 1_000 })).toBe(5_000);
  });
});
