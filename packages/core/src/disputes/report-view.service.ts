/**
 * Reports as each reader may see them (report.internal.ts decides the fields): the reporter's own (我的举报), the
 * anonymous reporter's by tracking code (举报查询), the platform's queue (举报受理; regulators read it too), and the
 * reported party's — substantiated reports about its organization or about the streamer, with their count.
 */
import type { ReportStatus } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import {
  caseView,
  outcomeView,
  type ReportCaseView,
  type ReportOutcomeView,
  type ReportReceiptView,
  type ReportTrackView,
  receiptView,
  reportNameQuery,
  trackView,
} from './report.internal.ts';
import { normalizeTrackingCode, trackingCodeHash } from './report.rules.ts';

export interface ReportViewDeps {
  uow: ScopedUnitOfWork<'reports'>;
  vault: PiiVault;
  names: NameReader;
}

const QUEUE_READERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'reviewer', 'regulator']);
/** the reported parties who may read what was substantiated about them */
const SUBJECT_ROLES: ReadonlySet<Actor['role']> = new Set(['merchant_staff', 'streamer', 'mcn_manager']);

export class ReportViewService {
  constructor(private readonly d: ReportViewDeps) {}

  /** 我的举报: the signed-in reporter's reports, newest first. */
  async mine(actor: Actor, q: { status?: ReportStatus | undefined; limit: number }): Promise<ReportReceiptView[]> {
    if (!actor.userId) throw new AppError('auth.required');
    const rows = await this.d.uow.read.reports.listReports({
      reporterUserId: actor.userId,
      statuses: q.status ? [q.status] : undefined,
      limit: q.limit,
    });
    const names = await this.d.names.namesFor(reportNameQuery(rows));
    return rows.map((r) => receiptView(r, names, this.d.vault, null));
  }

  /** 举报查询: the state and outcome of the report with this code; the same answer for a bad and an unknown code. */
  async track(code: string): Promise<ReportTrackView> {
    const canonical = normalizeTrackingCode(code);
    const r = canonical ? await this.d.uow.read.reports.findReportByTrackingHash(trackingCodeHash(canonical)) : null;
    if (!r) throw new AppError('reports.code_invalid', { field: 'code' });
    return trackView(r);
  }

  /** 举报受理: the queue, open reports first unless a status is asked for. */
  async queue(actor: Actor, q: { status?: ReportStatus | undefined; limit: number }): Promise<ReportCaseView[]> {
    if (!QUEUE_READERS.has(actor.role)) throw new AppError('auth.forbidden');
    const statuses: ReportStatus[] = q.status ? [q.status] : ['received', 'under_review'];
    const rows = await this.d.uow.read.reports.listReports({ statuses, limit: q.limit });
    const names = await this.d.names.namesFor(reportNameQuery(rows));
    return rows.map((r) => caseView(r, names, this.d.vault));
  }

  /** One report for its handlers. */
  async case(actor: Actor, id: string): Promise<ReportCaseView> {
    if (!QUEUE_READERS.has(actor.role)) throw new AppError('auth.forbidden');
    const r = await this.d.uow.read.reports.findReport(id);
    if (!r) throw new AppError('reports.not_found', { field: 'id' });
    return caseView(r, await this.d.names.namesFor(reportNameQuery([r])), this.d.vault);
  }

  /**
   * 关于我的举报: a merchant's or MCN's staff see the substantiated reports about their organization, a streamer those
   * about themselves — nothing before a report is substantiated, and never who reported, what they wrote or sent.
   */
  async aboutMe(actor: Actor, limit: number): Promise<{ items: ReportOutcomeView[]; substantiated: number }> {
    if (!SUBJECT_ROLES.has(actor.role)) throw new AppError('auth.forbidden');
    const subject = actor.role === 'streamer' ? { subjectUserId: actor.userId ?? undefined } : { subjectOrgId: actor.orgId ?? undefined };
    if (!subject.subjectOrgId && !subject.subjectUserId) return { items: [], substantiated: 0 };
    const [rows, substantiated] = await Promise.all([
      this.d.uow.read.reports.listReports({ ...subject, statuses: ['substantiated'], limit }),
      this.d.uow.read.reports.countReports(subject, 'substantiated'),
    ]);
    const names = await this.d.names.namesFor(reportNameQuery(rows));
    return { items: rows.map((r) => outcomeView(r, names)), substantiated };
  }
}
