/**
 * 投诉统计: complaint and report counts per merchant, streamer or product over a period (docs/disputes.md,
 * "Statistics"), computed from the records — pure, so the service only loads and names. A complaint counts for its
 * merchant, for the streamer its order is attributed to (none: not counted per streamer) and for each product of its
 * order; a report for the organization and the person it is about and, for a product, the product.
 */
import type { ComplaintStatsDimension, ComplaintStatsRow } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { CompensationObligationRecord } from './compensation-payment.types.ts';
import type { ComplaintEntryRecord, ComplaintRecord } from './disputes.types.ts';
import type { ReportRecord } from './report.types.ts';

const DAY = 86_400_000;
export const STATS_MAX_DAYS = 366;
/**
 * statuses where the complaint is over: the denominator of the upheld rate (an accepted complaint is still open, in
 * the regulator's mediation; 终止调解 closes it, not upheld)
 */
const CLOSED = new Set(['resolved', 'dismissed', 'withdrawn', 'refused_by_regulator', 'regulator_closed']);
const ANSWERS = new Set(['merchant_accept', 'merchant_counter', 'merchant_reject']);

/** The period `from`..`to` (days in China time, inclusive) as instants; refuses an impossible or too long one. */
export function statsPeriod(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const last = new Date(`${to}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || dayOf(start) !== from) throw new AppError('disputes.stats_period_invalid', { field: 'from' });
  if (Number.isNaN(last.getTime()) || dayOf(last) !== to) throw new AppError('disputes.stats_period_invalid', { field: 'to' });
  const end = new Date(last.getTime() + DAY);
  if (end <= start || end.getTime() - start.getTime() > STATS_MAX_DAYS * DAY)
    throw new AppError('disputes.stats_period_invalid', { field: 'to' });
  return { start, end };
}

/** The China-time day of an instant, `YYYY-MM-DD`. */
function dayOf(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

export interface StatsInput {
  complaints: readonly ComplaintRecord[];
  /** each complaint's timeline (for the merchant's answer time) */
  entries: ReadonlyMap<string, readonly ComplaintEntryRecord[]>;
  obligations: ReadonlyMap<string, CompensationObligationRecord>;
  /** each order's products */
  products: ReadonlyMap<string, readonly string[]>;
  reports: readonly ReportRecord[];
}

export type StatsCounts = Omit<ComplaintStatsRow, 'subjectId' | 'subjectName'>;

/** Which subjects of the dimension a complaint counts for. */
function complaintSubjects(by: ComplaintStatsDimension, c: ComplaintRecord, products: ReadonlyMap<string, readonly string[]>): string[] {
  if (by === 'merchant') return [c.merchantOrgId];
  if (by === 'streamer') return c.streamerUserId ? [c.streamerUserId] : [];
  return [...(products.get(c.orderId) ?? [])];
}

/** Which subjects of the dimension a report counts for. */
function reportSubjects(by: ComplaintStatsDimension, r: ReportRecord): string[] {
  if (by === 'merchant') return r.subjectOrgId ? [r.subjectOrgId] : [];
  if (by === 'streamer') return r.subjectUserId ? [r.subjectUserId] : [];
  return r.targetKind === 'product' ? [r.targetId] : [];
}

/** The counts of a set of complaints and reports. */
export function countsOf(
  complaints: readonly ComplaintRecord[],
  reports: number,
  input: Omit<StatsInput, 'complaints' | 'reports'>,
): StatsCounts {
  const byStatus: Record<string, number> = {};
  let upheld = 0;
  let closed = 0;
  let compensationPaidFen = 0;
  let refundedFen = 0;
  const answerHours: number[] = [];
  for (const c of complaints) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    if (CLOSED.has(c.status)) closed++;
    if (c.upheld === true) upheld++;
    const o = input.obligations.get(c.id);
    if (o) compensationPaidFen += o.paidByMerchantFen + o.advancedFen;
    if (c.status === 'resolved' && (c.outcomeRemedy === 'refund' || c.outcomeRemedy === 'return')) refundedFen += c.outcomeAmountFen ?? 0;
    const answer = (input.entries.get(c.id) ?? []).find((e) => ANSWERS.has(e.action));
    if (answer) answerHours.push((answer.at.getTime() - c.filedAt.getTime()) / 3_600_000);
  }
  const m = median(answerHours);
  return {
    complaints: complaints.length,
    byStatus,
    upheld,
    upheldRate: closed === 0 ? null : upheld / closed,
    compensationPaidFen,
    refundedFen,
    medianAnswerHours: m === null ? null : Math.round(m * 10) / 10,
    reports,
  };
}

/** One row per subject with a complaint or a report, most complaints first (then most reports, then the id). */
export function statsRows(by: ComplaintStatsDimension, input: StatsInput): Array<StatsCounts & { subjectId: string }> {
  const complaints = new Map<string, ComplaintRecord[]>();
  const reports = new Map<string, number>();
  for (const c of input.complaints)
    for (const s of complaintSubjects(by, c, input.products)) complaints.set(s, [...(complaints.get(s) ?? []), c]);
  for (const r of input.reports) for (const s of reportSubjects(by, r)) reports.set(s, (reports.get(s) ?? 0) + 1);
  const subjects = new Set([...complaints.keys(), ...reports.keys()]);
  return [...subjects]
    .map((subjectId) => ({ subjectId, ...countsOf(complaints.get(subjectId) ?? [], reports.get(subjectId) ?? 0, input) }))
    .sort((a, b) => b.complaints - a.complaints || b.reports - a.reports || a.subjectId.localeCompare(b.subjectId));
}
