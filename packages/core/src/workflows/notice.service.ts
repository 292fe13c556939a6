/**
 * 公示与异议: while an application is on public notice anyone signed in may object; a reviewer upholds the open
 * objections (the application goes back) or dismisses them; a notice whose period ends with no open objection
 * proceeds on its own (`tick`, run periodically by the server and on demand by the CLI).
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { definitionOf, WORKFLOWS } from './workflow.definitions.ts';
import { stepOf } from './workflow.engine.ts';
import type { ApplicationRecord, NoticeStep, ObjectionRecord, WorkflowDefinition } from './workflows.types.ts';
import { TransitionService } from './transition.service.ts';

export interface NoticeDeps {
  /** the whole bag: entering a step runs the registry's effects in the same transaction (see WorkflowHooks) */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  transitions: TransitionService;
}

export class NoticeService {
  constructor(private readonly d: NoticeDeps) {}

  /** 公示异议: anyone signed in may object while an application is on public notice. */
  async fileObjection(actor: Actor, id: string, text: string): Promise<ObjectionRecord> {
    return this.d.uow.transaction(async (tx) => {
      const app = await tx.workflows.findApplication(id);
      if (!app) throw new AppError('workflow.not_found', { field: 'id' });
      const step = stepOf(definitionOf(app.kind), app.step);
      if (step.type !== 'notice') throw new AppError('workflow.not_in_notice', { field: 'id' });
      if (!actor.userId) throw new AppError('auth.required');
      const o: ObjectionRecord = {
        id: this.d.ids.next(),
        applicationId: app.id,
        filedBy: actor.userId,
        text,
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        resolution: null,
        createdAt: this.d.clock.now(),
      };
      await tx.workflows.insertObjection(o);
      await this.d.transitions.append(tx, app, {
        actor,
        department: null,
        action: 'objection',
        fromStep: app.step,
        toStep: app.step,
        reason: text,
        attachments: [],
        detail: { objectionId: o.id },
      });
      await this.d.audit.record(tx, actor, {
        action: `${app.kind}.objection`,
        targetType: 'application',
        targetId: app.id,
        detail: { objectionId: o.id },
      });
      return o;
    });
  }

  /**
   * Rules on every open objection at once, inside the caller's transaction: upheld sends the application to the
   * notice's `onObjectionUpheld` step, dismissed keeps it on notice.
   */
  async resolve(
    tx: Repositories,
    actor: Actor,
    def: WorkflowDefinition,
    app: ApplicationRecord,
    step: NoticeStep,
    ruling: { action: 'uphold_objection' | 'dismiss_objection'; department: string | null; reason: string | null; attachments: string[] },
    objections: ObjectionRecord[],
    now: Date,
  ): Promise<ApplicationRecord> {
    const open = objections.filter((o) => o.status === 'open');
    const upheld = ruling.action === 'uphold_objection';
    for (const o of open)
      await tx.workflows.updateObjection({
        ...o,
        status: upheld ? 'upheld' : 'dismissed',
        resolvedBy: actor.userId,
        resolvedAt: now,
        resolution: ruling.reason,
      });
    await this.d.transitions.append(tx, app, {
      actor,
      department: ruling.department,
      action: ruling.action,
      fromStep: app.step,
      toStep: upheld ? step.onObjectionUpheld : app.step,
      reason: ruling.reason,
      attachments: ruling.attachments,
      detail: { objections: open.length },
    });
    await this.d.audit.record(tx, actor, {
      action: `${def.kind}.${ruling.action}`,
      targetType: 'application',
      targetId: app.id,
      detail: { objections: open.map((o) => o.id), reason: ruling.reason },
    });
    if (upheld) return this.d.transitions.enter(tx, def, app, step.onObjectionUpheld, now);
    return this.d.transitions.touch(tx, app, now);
  }

  /**
   * Moves time-driven steps: a public notice whose period has ended with no open objection proceeds. Run
   * periodically by the server and on demand by the CLI; idempotent.
   */
  async tick(now: Date = this.d.clock.now()): Promise<{ advanced: string[] }> {
    const due = await this.d.uow.read.workflows.listDue(now, 200);
    const advanced: string[] = [];
    for (const candidate of due) {
      const def = WORKFLOWS[candidate.kind];
      if (!def) continue;
      const step = def.steps[candidate.step];
      if (step?.type !== 'notice') continue;
      const moved = await this.d.uow.transaction(async (tx) => {
        const app = await tx.workflows.findApplication(candidate.id);
        if (!app || app.version !== candidate.version || app.step !== candidate.step) return false;
        if ((await tx.workflows.listObjections(app.id)).some((o) => o.status === 'open')) return false;
        await this.d.transitions.append(tx, app, {
          actor: TransitionService.system('notice'),
          department: null,
          action: 'notice_elapsed',
          fromStep: app.step,
          toStep: step.onElapsed,
          reason: null,
          attachments: [],
          detail: { days: step.days },
        });
        await this.d.transitions.enter(tx, def, app, step.onElapsed, now);
        return true;
      });
      if (moved) advanced.push(candidate.id);
    }
    return { advanced };
  }
}
