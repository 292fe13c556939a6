/**
 * 申诉: a party contests one of its own credit events through the approval engine (`credit_appeal`). Filing checks
 * the event is the caller's, not voided and not already under appeal, and submits the application in the same
 * transaction as the appeal. The decision comes back through the engine's hooks (`hooks()`): upheld voids the event
 * (reason = the reviewer's note) and rescores the party in the engine's transaction, with a tier move of reason
 * `appeal`; rejected changes nothing but the appeal's status. The event stays in the history either way.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import type { WorkflowService } from '../workflows/workflow.service.ts';
import type { ApplicationRecord, WorkflowHooks } from '../workflows/workflows.types.ts';
import type { CreditAppealRecord, CreditAppealStatus } from './credit-appeals.types.ts';
import type { CreditService } from './credit.service.ts';

export interface CreditAppealDeps {
  /** the whole bag: the appeal is submitted through the approval engine in its own transaction */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  credit: Pick<CreditService, 'partyOf' | 'rescoreIn'>;
  workflows: Pick<WorkflowService, 'submit'>;
}

export interface CreditAppealInput {
  reason: string;
  evidence?: string | undefined;
}

const READ_ALL = new Set<Actor['role']>(['platform_admin', 'reviewer', 'regulator', 'system']);
const DECISIONS: Record<string, Exclude<CreditAppealStatus, 'open'>> = { upheld: 'upheld', rejected: 'rejected' };

export class CreditAppealService {
  constructor(private readonly d: CreditAppealDeps) {}

  /** Files an appeal against one of the caller's own events and opens its `credit_appeal` application. */
  async appeal(
    actor: Actor,
    eventId: string,
    input: CreditAppealInput,
  ): Promise<{ appeal: CreditAppealRecord; application: ApplicationRecord }> {
    const partyId = this.d.credit.partyOf(actor);
    if (!actor.userId) throw new AppError('auth.required');
    const filedBy = actor.userId;
    return this.d.uow.transaction(async (tx) => {
      // the lock serializes two appeals of the same event
      const event = await tx.credit.findEvent(eventId, { lock: true });
      if (!event) throw new AppError('credit.event_not_found', { field: 'id' });
      if (event.partyId !== partyId) throw new AppError('credit.not_your_event', { field: 'id' });
      if (event.voidedAt) throw new AppError('credit.event_voided', { field: 'id' });
      if (await tx.creditAppeals.openAppealOf(event.id)) throw new AppError('credit.appeal_open', { field: 'id' });
      const reason = input.reason.trim();
      const evidence = input.evidence?.trim() || null;
      const application = await this.d.workflows.submit(tx, actor, {
        kind: 'credit_appeal',
        subjectType: event.partyKind === 'streamer' ? 'streamer' : 'organization',
        subjectId: event.partyId,
        data: { eventId: event.id, eventKind: event.kind, eventAt: event.at.toISOString(), reason, evidence },
        documents: [],
      });
      const appeal: CreditAppealRecord = {
        id: this.d.ids.next(),
        eventId: event.id,
        partyId: event.partyId,
        partyKind: event.partyKind,
        applicationId: application.id,
        status: 'open',
        reason,
        evidence,
        filedBy,
        createdAt: this.d.clock.now(),
        decidedAt: null,
        decisionNote: null,
      };
      await tx.creditAppeals.insertAppeal(appeal);
      await this.d.audit.record(tx, actor, {
        action: 'credit.appeal',
        targetType: 'credit_event',
        targetId: event.id,
        detail: { appealId: appeal.id, applicationId: application.id, kind: event.kind },
      });
      return { appeal, application };
    });
  }

  /** The caller's own appeals (a party), or every party's (platform, reviewers, regulators), newest first. */
  async list(actor: Actor, q: { status?: CreditAppealStatus | undefined; limit: number }): Promise<CreditAppealRecord[]> {
    const partyId = READ_ALL.has(actor.role) ? undefined : this.d.credit.partyOf(actor);
    return this.d.uow.read.creditAppeals.listAppeals({ partyId, status: q.status, limit: q.limit });
  }

  /** The approval engine's effects of a decision: `upheld` voids and rescores, `rejected` only records it. */
  hooks(): Record<string, WorkflowHooks> {
    return { credit_appeal: { onEnter: (tx, app, step, now, detail) => this.decided(tx, app, step, now, detail) } };
  }

  private async decided(tx: Repositories, app: ApplicationRecord, step: string, now: Date, detail: Record<string, unknown>): Promise<void> {
    const status = DECISIONS[step];
    if (!status) return;
    const appeal = await tx.creditAppeals.findByApplication(app.id);
    if (!appeal) throw new AppError('workflow.not_found', { field: 'id' });
    const note = typeof detail.reason === 'string' && detail.reason.length > 0 ? detail.reason : null;
    if (!(await tx.creditAppeals.decideAppeal(appeal.id, { status, decidedAt: now, decisionNote: note })))
      throw new AppError('workflow.stale', { field: 'expectVersion' });
    if (status === 'upheld') {
      if (!(await tx.credit.voidEvent(appeal.eventId, now, note ?? '申诉成立'))) throw new AppError('credit.event_voided', { field: 'id' });
      await this.d.credit.rescoreIn(tx, appeal.partyId, appeal.partyKind, 'appeal');
    }
    await this.d.audit.record(tx, SYSTEM_ACTOR, {
      action: `credit.appeal_${status}`,
      targetType: 'credit_event',
      targetId: appeal.eventId,
      detail: { appealId: appeal.id, applicationId: app.id, note },
    });
  }
}
