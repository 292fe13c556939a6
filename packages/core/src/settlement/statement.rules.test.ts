import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  decodeBusinessKey,
  entryKindLabel,
  fenToYuan,
  parsePeriod,
  referenceOf,
  statementTotals,
  sumTotals,
  yuanToFen,
} from './statement.rules.ts';
import { shanghaiDay } from './finance-view.rules.ts';

describe('parsePeriod', () => {
  it('spans a China day: midnight to midnight at UTC+8', () => {
    const p = parsePeriod('2026-12-03');
    expect(p).toMatchObject({ label: '2026-12-03', granularity: 'day' });
    expect(p.from.toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });

  it('spans a China month, December into January and February of a leap year', () => {
    const dec = parsePeriod('2026-12');
    expect([dec.from.toISOString(), dec.to.toISOString()]).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    const feb = parsePeriod('2028-02');
    expect((feb.to.getTime() - feb.from.getTime()) / 86_400_000).toBe(29);
    expect(parsePeriod('2028-02-29').granularity).toBe('day');
  });

  it.each(['2026-02-30', '2026-13', '2026-00', '2026-1-5', '26-01', '2026/01', '', '2026-01-01T00:00', '1999-01', '2026-04-31'])(
    'refuses %j with the field',
    (bad) => {
      try {
        parsePeriod(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('statements.period_invalid');
        expect((e as AppError).field).toBe('period');
      }
    },
  );

  it('names the day of an instant in China time', () => {
    expect(shanghaiDay(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
    expect(shanghaiDay(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
  });
});

describe('business keys', () => {
  it('decodes the keys of the settlement conventions', () => {
    expect(decodeBusinessKey('order:o1:paid')).toEqual({ refType: 'order', refId: 'o1', step: 'paid' });
    expect(decodeBusinessKey('refund:r1')).toEqual({ refType: 'refund', refId: 'r1', step: null });
    expect(decodeBusinessKey('payout:p1:failed')).toEqual({ refType: 'payout', refId: 'p1', step: 'failed' });
    expect(decodeBusinessKey('slot_fee:a1:v2')).toEqual({ refType: 'slot_fee', refId: 'a1', step: 'v2' });
    // the fee's fate (released / returned) is the entry kind's to say: the reference keeps the version only
    expect(referenceOf(decodeBusinessKey('slot_fee:4587b6df-5e92-7000-8000-000000000001:v1:released'), new Map())).not.toContain(
      'released',
    );
    expect(referenceOf(decodeBusinessKey('slot_fee:4587b6df-5e92-7000-8000-000000000001:v1:released'), new Map())).toMatch(/ v1$/);
    expect(decodeBusinessKey('release:o2')).toEqual({ refType: 'release', refId: 'o2', step: null });
    expect(decodeBusinessKey('deposit_deduction:d1').refType).toBe('deposit_deduction');
    expect(decodeBusinessKey('bench:123')).toEqual({ refType: 'other', refId: null, step: null });
  });

  it('reads an order by its number, other things by a short number, kinds in Chinese', () => {
    const orderNos = new Map([['0190aaaa-0000-7000-8000-00000000abcd', 'LH20261203000001']]);
    expect(referenceOf(decodeBusinessKey('order:0190aaaa-0000-7000-8000-00000000abcd:paid'), orderNos)).toBe('订单 LH20261203000001');
    expect(referenceOf(decodeBusinessKey('refund:0190aaaa-0000-7000-8000-0000deadbeef'), orderNos)).toBe('退款单 0000DEADBEEF');
    expect(referenceOf(decodeBusinessKey('order:0190bbbb-0000-7000-8000-000000000001:settled'), orderNos)).toBe('订单 000000000001');
    expect(referenceOf(decodeBusinessKey('bench:1'), orderNos)).toBe('其他');
  });

  it('labels entry kinds in Chinese and leaves an unknown kind readable', () => {
    expect(entryKindLabel('order.paid')).toBe('订单支付');
    expect(entryKindLabel('payout.failed')).toBe('提现失败退回');
    expect(entryKindLabel('something.new')).toBe('其他');
  });
});

describe('statement arithmetic', () => {
  it('closing = opening + credits + debits, and accounts add up', () => {
    const a = statementTotals(1000, [{ amount: 500 }, { amount: -200 }, { amount: -300 }]);
    expect(a).toEqual({ opening: 1000, credits: 500, debits: -500, closing: 1000, lines: 3 });
    const b = statementTotals(0, []);
    expect(b).toEqual({ opening: 0, credits: 0, debits: 0, closing: 0, lines: 0 });
    expect(sumTotals([a, statementTotals(5, [{ amount: 1 }])])).toEqual({
      opening: 1005,
      credits: 501,
      debits: -500,
      closing: 1006,
      lines: 4,
    });
  });

  it('writes fen as yuan and reads yuan back as fen without floating point', () => {
    expect([0, 1, 99, 100, 123456, -5, -1234].map(fenToYuan)).toEqual(['0.00', '0.01', '0.99', '1.00', '1234.56', '-0.05', '-12.34']);
    expect(['0.01', '12.3', '12', '-0.05', '1,234.50', ' 7.07 '].map(yuanToFen)).toEqual([1, 1230, 1200, -5, 123450, 707]);
    expect(['1.234', 'abc', '', '1.2.3'].map(yuanToFen)).toEqual([null, null, null, null]);
    for (let fen = -1000; fen <= 1000; fen += 7) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
