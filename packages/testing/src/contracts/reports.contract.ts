/**
 * Contract cases of the reports port (举报, disputes): compare-and-set moves, the tracking hash unique and found,
 * lists by reporter, subject and status newest first, counts per subject and status.
 */
import type { ReportRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { type ContractDb, uuid } from './fixtures.ts';

const report = (over: Partial<ReportRecord> = {}): ReportRecord => ({
  id: uuid(),
  targetKind: 'product',
  targetId: uuid(),
  subjectOrgId: uuid(),
  subjectUserId: null,
  category: 'false_advertising',
  description: '商品页宣称“全网最低价”',
  evidenceDocumentIds: [],
  reporterUserId: null,
  contactPhoneEnc: null,
  trackingCodeHash: null,
  status: 'received',
  outcome: null,
  handledBy: null,
  handledAt: null,
  reviewItemId: null,
  filedAt: new Date('2026-12-01T08:00:00Z'),
  updatedAt: new Date('2026-12-01T08:00:00Z'),
  version: 1,
  ...over,
});

export function reportCases(db: ContractDb): void {
  it('stores a report, finds it by its tracking hash and moves it by version', async () => {
    const r = db.r();
    const hash = `h-${uuid()}`;
    const first = report({ trackingCodeHash: hash });
    await r.reports.insertReport(first);
    expect(await r.reports.findReport(first.id)).toEqual(first);
    expect(await r.reports.findReport(uuid())).toBeNull();
    expect(await r.reports.findReportByTrackingHash(hash)).toEqual(first);
    expect(await r.reports.findReportByTrackingHash(`h-${uuid()}`)).toBeNull();
    await expect(r.reports.insertReport(report({ trackingCodeHash: hash }))).rejects.toThrow();
    const moved = { ...first, status: 'substantiated' as const, outcome: '属实', handledAt: new Date('2026-12-02T08:00:00Z'), version: 2 };
    expect(await r.reports.updateReport(moved, 1)).toBe(true);
    expect(await r.reports.updateReport({ ...moved, version: 3 }, 1)).toBe(false);
    expect(await r.reports.findReport(first.id)).toEqual(moved);
  });

  it('lists by reporter, subject and status newest first, and counts per subject', async () => {
    const r = db.r();
    const reporter = uuid();
    const org = uuid();
    const streamer = uuid();
    const older = report({ reporterUserId: reporter, subjectOrgId: org, filedAt: new Date('2026-12-01T08:00:00Z') });
    const newer = report({
      reporterUserId: reporter,
      subjectOrgId: org,
      status: 'substantiated',
      filedAt: new Date('2026-12-02T08:00:00Z'),
    });
    const other = report({ subjectOrgId: null, subjectUserId: streamer, targetKind: 'user', status: 'substantiated' });
    for (const x of [older, newer, other]) await r.reports.insertReport(x);
    expect((await r.reports.listReports({ reporterUserId: reporter, limit: 10 })).map((x) => x.id)).toEqual([newer.id, older.id]);
    expect((await r.reports.listReports({ subjectOrgId: org, statuses: ['substantiated'], limit: 10 })).map((x) => x.id)).toEqual([
      newer.id,
    ]);
    expect((await r.reports.listReports({ subjectUserId: streamer, limit: 10 })).map((x) => x.id)).toEqual([other.id]);
    expect(await r.reports.listReports({ reporterUserId: reporter, limit: 1 })).toHaveLength(1);
    expect(await r.reports.countReports({ subjectOrgId: org }, 'substantiated')).toBe(1);
    expect(await r.reports.countReports({ subjectOrgId: org }, 'received')).toBe(1);
    expect(await r.reports.countReports({ subjectUserId: streamer }, 'substantiated')).toBe(1);
    expect(await r.reports.countReports({}, 'substantiated')).toBe(0);
  });
}
