/**
 * 举报受理: the platform (admins, reviewers) takes a report under review, then finds it substantiated or not, or
 * refers it to supervision as a clue (线索) — each with a reason the reporter reads. Every step is audited and emits
 * `reports.report_handled` (and `reports.report_referred` for a referral, which the supervision context consumes).
 */
import type { ReportHandle } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { caseView, type ReportCaseView, reportEvent, reportNameQuery } from './report.internal.ts';
import { reportStep } from './report.rules.ts';
import type { ReportRecord } from './report.types.ts';

export interface ReportHandlingDeps {
  uow: ScopedUnitOfWork<'reports' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  vault: PiiVault;
  names: NameReader;
}

export const REPORT_HANDLERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'reviewer']);

export class ReportHandlingService {
  constructor(private readonly d: ReportHandlingDeps) {}

  async handle(actor: Actor, id: string, input: ReportHandle): Promise<ReportCaseView> {
    if (!REPORT_HANDLERS.has(actor.role)) throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const next = await this.d.uow.transaction(async (tx) => {
      const r = await tx.reports.findReport(id, { lock: true });
      if (!r) throw new AppError('reports.not_found', { field: 'id' });
      const step = reportStep(r.status, input.action, input.reason);
      if (!step.ok) {
        if (step.problem === 'reason_required') throw new AppError('reports.reason_required', { field: 'reason' });
        throw new AppError('reports.wrong_status', { field: 'id', details: { status: r.status } });
      }
      const final = input.action !== 'review';
      const next: ReportRecord = {
        ...r,
        status: step.to,
        outcome: final ? (input.reason?.trim() ?? null) : r.outcome,
        handledBy: actor.userId,
        handledAt: final ? now : r.handledAt,
        updatedAt: now,
        version: r.version + 1,
      };
      if (!(await tx.reports.updateReport(next, r.version))) throw new AppError('reports.stale', { field: 'id' });
      await this.d.audit.record(tx, actor, {
        action: `reports.${input.action}`,
        targetType: 'report',
        targetId: r.id,
        detail: { from: r.status, to: next.status, reason: next.outcome },
      });
      const topics = ['reports.report_handled', ...(input.action === 'refer' ? ['reports.report_referred'] : [])];
      for (const topic of topics)
        await tx.outbox.add({ id: this.d.ids.next(), topic, payload: reportEvent(next, input.action), createdAt: now, publishedAt: null });
      return next;
    });
    return caseView(next, await this.d.names.namesFor(reportNameQuery([next])), this.d.vault);
  }

  /**
   * The review item a report opened was decided (`compliance.report_item_decided`): a report still open follows —
   * confirmed → substantiated, dismissed → unsubstantiated, with the reviewer's reason — by the system, audited,
   * emitting `reports.report_handled` as any handling. A report already handled is left as it is (idempotent).
   */
  async followItem(input: { reportId: string; reviewItemId: string; decision: 'confirm' | 'dismiss'; reason: string }): Promise<boolean> {
    const now = this.d.clock.now();
    const action = input.decision === 'confirm' ? 'substantiate' : 'unsubstantiate';
    return this.d.uow.transaction(async (tx) => {
      const r = await tx.reports.findReport(input.reportId, { lock: true });
      if (!r || r.reviewItemId !== input.reviewItemId) return false;
      const step = reportStep(r.status, action, input.reason);
      if (!step.ok) return false;
      const next: ReportRecord = {
        ...r,
        status: step.to,
        outcome: input.reason.trim(),
        handledBy: null,
        handledAt: now,
        updatedAt: now,
        version: r.version + 1,
      };
      if (!(await tx.reports.updateReport(next, r.version))) return false;
      await this.d.audit.record(tx, ITEM_FOLLOWER, {
        action: `reports.${action}`,
        targetType: 'report',
        targetId: r.id,
        detail: { from: r.status, to: next.status, reason: next.outcome, reviewItemId: input.reviewItemId },
      });
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'reports.report_handled',
        payload: reportEvent(next, action),
        createdAt: now,
        publishedAt: null,
      });
      return true;
    });
  }
}

const ITEM_FOLLOWER: Actor = { userId: null, label: 'system:review', orgId: null, membershipId: null, role: 'system', via: 'system' };
