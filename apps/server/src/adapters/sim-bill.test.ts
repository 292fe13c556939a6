import type { ProviderBillRow } from '@livehub/core';
import { describe, expect, it } from 'vitest';
import { feeOf, formatTradeBill, parseTradeBill, TradeBillJournal } from './sim-bill.ts';

const row = (over: Partial<ProviderBillRow> = {}): ProviderBillRow => ({
  tradeTime: new Date('2026-12-03T02:00:05Z'),
  merchantTradeNo: '0190aaaa-0000-7000-8000-000000000001',
  providerTradeNo: 'sim_abc',
  tradeType: 'JSAPI',
  tradeState: 'SUCCESS',
  amountFen: 12_345,
  refundNo: null,
  refundFen: 0,
  feeFen: feeOf(12_345),
  ...over,
});

describe('the simulated trade bill (交易账单)', () => {
  it('is written like WeChat Pay’s: backticked fields, yuan, China time, a summary', () => {
    const text = formatTradeBill([row(), row({ tradeState: 'REFUND', amountFen: 0, refundNo: 'r1', refundFen: 5_000, feeFen: -30 })]);
    const lines = text.trim().split('\r\n');
    expect(lines[0]?.startsWith('交易时间,公众账号ID,商户号')).toBe(true);
    expect(lines[1]).toContain('`2026-12-03 10:00:05');
    expect(lines[1]).toContain('`123.45');
    expect(lines[3]).toBe('总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额');
    expect(lines[4]).toBe('`2,`123.45,`50.00,`0.00,`0.44,`123.45,`50.00');
  });

  it('parses back to the rows it was built from', () => {
    const rows = [row(), row({ merchantTradeNo: 'x', tradeState: 'REFUND', amountFen: 0, refundNo: 'r1', refundFen: 1, feeFen: 0 })];
    expect(parseTradeBill(formatTradeBill(rows))).toEqual(rows);
    expect(parseTradeBill(formatTradeBill([]))).toEqual([]);
  });

  it('refuses a bill whose lines do not match its summary, or with a bad amount', () => {
    const text = formatTradeBill([row()]);
    const lines = text.trim().split('\r\n');
    expect(() => parseTradeBill([lines[0], lines[2], lines[3]].join('\n'))).toThrow(/summary/);
    expect(() => parseTradeBill(text.replaceAll('`123.45', '`12x'))).toThrow(/amount/);
    expect(() => parseTradeBill(text.replace('交易状态', '状态'))).toThrow(/column/);
  });

  it('charges 0.6 % rounded half up, given back on refunds', () => {
    expect([1, 83, 84, 100, 10_000, 2_550].map(feeOf)).toEqual([0, 0, 1, 1, 60, 15]);
    expect(feeOf(-3_000)).toBe(-18);
  });

  it('journals per China day and applies injected faults to that day only', () => {
    const j = new TradeBillJournal(null);
    const a = row({ merchantTradeNo: 'a' });
    const b = row({ merchantTradeNo: 'b', tradeTime: new Date('2026-12-03T15:59:59Z') });
    const late = row({ merchantTradeNo: 'c', tradeTime: new Date('2026-12-03T16:00:00Z') });
    for (const r of [a, b, late]) j.record(r);
    expect(j.rows('2026-12-03').map((r) => r.merchantTradeNo)).toEqual(['a', 'b']);
    expect(j.rows('2026-12-04').map((r) => r.merchantTradeNo)).toEqual(['c']);
    j.inject('2026-12-03', { type: 'drop', merchantTradeNo: 'a' });
    j.inject('2026-12-03', { type: 'duplicate', merchantTradeNo: 'b' });
    j.inject('2026-12-03', { type: 'amount', merchantTradeNo: 'b', amountFen: 1 });
    expect(j.rows('2026-12-03').map((r) => [r.merchantTradeNo, r.amountFen])).toEqual([
      ['b', 1],
      ['b', 1],
    ]);
    expect(j.rows('2026-12-04')).toHaveLength(1);
    j.clearFaults();
    expect(j.rows('2026-12-03')).toHaveLength(2);
  });
});
