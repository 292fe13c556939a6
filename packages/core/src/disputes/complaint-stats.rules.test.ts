import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { median, statsPeriod, statsRows } from './complaint-stats.rules.ts';
import type { CompensationObligationRecord } from './compensation-payment.types.ts';
import type { ComplaintEntryRecord, ComplaintRecord } from './disputes.types.ts';
import type { ReportRecord } from './report.types.ts';

const H = 3_600_000;
const t0 = new Date('2026-11-02T02:00:00Z');
const complaint = (id: string, over: Partial<ComplaintRecord>): ComplaintRecord =>
  ({
    id,
    orderId: `o-${id}`,
    merchantOrgId: 'm1',
    streamerUserId: null,
    status: 'awaiting_merchant',
    upheld: null,
    outcomeRemedy: null,
    outcomeAmountFen: null,
    filedAt: t0,
    ...over,
  }) as ComplaintRecord;
const answered = (id: string, hours: number): ComplaintEntryRecord[] => [
  { action: 'filed', at: t0 } as ComplaintEntryRecord,
  { action: 'merchant_reject', at: new Date(t0.getTime() + hours * H), complaintId: id } as ComplaintEntryRecord,
];
const report = (over: Partial<ReportRecord>) =>
  ({ targetKind: 'org', targetId: 'x', subjectOrgId: null, subjectUserId: null, ...over }) as ReportRecord;
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return [(e as AppError).code, (e as AppError).field];
  }
  return null;
};

describe('complaint statistics', () => {
  it('median: odd, even, none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('the period: days in China time, inclusive; impossible dates, an end before the start or more than 366 days refused', () => {
    expect(statsPeriod('2026-11-01', '2026-11-30')).toEqual({
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    });
    expect(code(() => statsPeriod('2026-02-30', '2026-03-01'))).toEqual(['disputes.stats_period_invalid', 'from']);
    expect(code(() => statsPeriod('2026-03-01', '2026-13-01'))).toEqual(['disputes.stats_period_invalid', 'to']);
    expect(code(() => statsPeriod('2026-03-02', '2026-03-01'))).toEqual(['disputes.stats_period_invalid', 'to']);
    expect(code(() => statsPeriod('2025-01-01', '2026-01-02'))).toEqual(['disputes.stats_period_invalid', 'to']);
    expect(code(() => statsPeriod('2025-01-01', '2026-01-01'))).toBeNull(); // 366 days
  });

  it('per merchant, streamer and product: statuses, upheld rate over closed ones, paid, refunded, median answer time, reports', () => {
    const complaints = [
      complaint('a', { status: 'resolved', upheld: true, outcomeRemedy: 'compensation', outcomeAmountFen: 5_000, streamerUserId: 's1' }),
      complaint('b', { status: 'dismissed', upheld: false, streamerUserId: 's1' }),
      complaint('c', { status: 'resolved', upheld: false, outcomeRemedy: 'refund', outcomeAmountFen: 2_000 }),
      complaint('d', { status: 'mediating', merchantOrgId: 'm2' }),
    ];
    const entries = new Map([
      ['a', answered('a', 2)],
      ['b', answered('b', 10)],
      ['c', answered('c', 4)],
    ]);
    const obligations = new Map([['a', { paidByMerchantFen: 0, advancedFen: 5_000 } as CompensationObligationRecord]]);
    const products = new Map([
      ['o-a', ['p1', 'p2']],
      ['o-b', ['p1']],
      ['o-c', ['p2']],
      ['o-d', ['p3']],
    ]);
    const reports = [
      report({ subjectOrgId: 'm2' }),
      report({ targetKind: 'product', targetId: 'p3', subjectOrgId: 'm2' }),
      report({ targetKind: 'live_session', subjectUserId: 's1', subjectOrgId: null }),
    ];
    const input = { complaints, entries, obligations, products, reports };
    const byMerchant = statsRows('merchant', input);
    expect(byMerchant.map((r) => [r.subjectId, r.complaints, r.reports])).toEqual([
      ['m1', 3, 0],
      ['m2', 1, 2],
    ]);
    expect(byMerchant[0]).toMatchObject({
      byStatus: { resolved: 2, dismissed: 1 },
      upheld: 1,
      upheldRate: 1 / 3,
      compensationPaidFen: 5_000,
      refundedFen: 2_000,
      medianAnswerHours: 4,
    });
    expect(byMerchant[1]).toMatchObject({ upheldRate: null, medianAnswerHours: null, byStatus: { mediating: 1 } });
    // per streamer: only the attributed complaints; the live room's report counts for its streamer
    expect(statsRows('streamer', input).map((r) => [r.subjectId, r.complaints, r.reports, r.medianAnswerHours])).toEqual([['s1', 2, 1, 6]]);
    // per product: a complaint counts for each product of its order; a product's report for the product
    expect(statsRows('product', input).map((r) => [r.subjectId, r.complaints, r.reports])).toEqual([
      ['p1', 2, 0],
      ['p2', 2, 0],
      ['p3', 1, 1],
    ]);
  });

  it('the regulator’s handling: 终止调解 counts as closed, not upheld; an accepted complaint is still open; 调解成立 upheld', () => {
    const complaints = [
      complaint('a', { status: 'regulator_closed', upheld: false }),
      complaint('b', { status: 'accepted_by_regulator' }),
      complaint('c', { status: 'resolved', upheld: true, outcomeRemedy: 'compensation', outcomeAmountFen: 1_000 }),
    ];
    const input = { complaints, entries: new Map(), obligations: new Map(), products: new Map(), reports: [] };
    expect(statsRows('merchant', input)[0]).toMatchObject({
      complaints: 3,
      byStatus: { regulator_closed: 1, accepted_by_regulator: 1, resolved: 1 },
      upheld: 1,
      upheldRate: 1 / 2,
    });
  });
});
