/**
 * 投诉统计 (docs/disputes.md, "Statistics"): complaint and report counts per merchant, streamer or product over a
 * period — counts by status, the upheld rate, what consumers were paid, the median time to the merchant's answer.
 * The platform and the regulator see every subject; a merchant's staff only their own organization's complaints
 * and the reports about it (the reporters never named). Read-only; the rows carry names, never bare ids.
 */
import type { ComplaintStats, ComplaintStatsQuery } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { countsOf, statsPeriod, statsRows } from './complaint-stats.rules.ts';
import type { CompensationObligationRecord } from './compensation-payment.types.ts';
import type { ComplaintOrderReader } from './disputes.repository.ts';
import type { ComplaintEntryRecord } from './disputes.types.ts';

export interface ComplaintStatsDeps {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'reports'>;
  clock: Clock;
  orders: Pick<ComplaintOrderReader, 'productsOf'>;
  names?: NameReader | undefined;
}

/** at most this many complaints and reports in one period (a year of a district is well within it) */
const LIMIT = 5_000;
const READERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'reviewer', 'regulator']);

export class ComplaintStatsService {
  constructor(private readonly d: ComplaintStatsDeps) {}

  async stats(actor: Actor, q: ComplaintStatsQuery): Promise<ComplaintStats> {
    let merchantOrgId: string | undefined;
    if (actor.role === 'merchant_staff' && actor.orgId) merchantOrgId = actor.orgId;
    else if (!READERS.has(actor.role)) throw new AppError('auth.forbidden');
    const { start, end } = statsPeriod(q.from, q.to);
    const read = this.d.uow.read;
    const complaints = await read.complaints.listComplaints({ merchantOrgId, filedFrom: start, filedBefore: end, limit: LIMIT });
    const reports = await read.reports.listReports({ subjectOrgId: merchantOrgId, filedFrom: start, filedBefore: end, limit: LIMIT });
    const entries = new Map<string, ComplaintEntryRecord[]>();
    const obligations = new Map<string, CompensationObligationRecord>();
    for (const c of complaints) {
      entries.set(c.id, await read.complaints.listEntries(c.id));
      if (c.outcomeAmountFen) {
        const o = await read.complaintPayments.findObligationOf(c.id);
        if (o) obligations.set(c.id, o);
      }
    }
    const products = q.by === 'product' ? await this.d.orders.productsOf([...new Set(complaints.map((c) => c.orderId))]) : new Map();
    const input = { complaints, entries, obligations, products, reports };
    const rows = statsRows(q.by, input);
    const kind = q.by === 'merchant' ? 'orgs' : q.by === 'streamer' ? 'users' : 'products';
    const names = this.d.names ? await this.d.names.namesFor({ [kind]: rows.map((r) => r.subjectId) }) : null;
    return {
      by: q.by,
      from: q.from,
      to: q.to,
      rows: rows.map((r) => ({ ...r, subjectName: names?.[kind].get(r.subjectId) ?? '—' })),
      totals: countsOf(complaints, reports.length, input),
      generatedAt: this.d.clock.now().toISOString(),
    };
  }
}
