/**
 * The approval engine's moves (流转): puts an application into a step (status, deadline, the registry's effects),
 * follows automatic steps until one waits for a person, and writes the timeline. Runs inside the caller's
 * transaction; the applications and notices jobs share it.
 */
import { AppError } from '../errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { dueFor, statusFor, stepOf } from './workflow.engine.ts';
import type { ApplicationEventRecord, ApplicationRecord, CreditInquiryPort, WorkflowDefinition, WorkflowHooks } from './workflows.types.ts';

const MAX_AUTOMATIC_CHAIN = 10;

export interface TransitionDeps {
  clock: Clock;
  ids: IdGenerator;
  credit: CreditInquiryPort;
  hooks: Record<string, WorkflowHooks>;
}

/** One timeline entry: who did what, from which step to which, why, with which attachments. */
export type TimelineEntry = Pick<
  ApplicationEventRecord,
  'department' | 'action' | 'fromStep' | 'toStep' | 'reason' | 'attachments' | 'detail'
> & {
  actor: Actor;
};

export class TransitionService {
  constructor(private readonly d: TransitionDeps) {}

  /** The system actor an automatic move is recorded under (`system:<what>`). */
  static system(what: string): Actor {
    return { userId: null, label: `system:${what}`, orgId: null, membershipId: null, role: 'system', via: 'system' };
  }

  /**
   * Puts the application in step `to`: sets status and deadline, runs the registry's effects, and follows
   * automatic steps until one waits for a person. `expectVersion` guards against a concurrent transition.
   */
  async enter(
    tx: Repositories,
    def: WorkflowDefinition,
    app: ApplicationRecord,
    to: string,
    now: Date,
    detail: Record<string, unknown> = {},
    depth = 0,
  ): Promise<ApplicationRecord> {
    if (depth > MAX_AUTOMATIC_CHAIN) throw new Error(`workflow ${def.kind} loops through automatic steps`);
    const step = stepOf(def, to);
    const next: ApplicationRecord = {
      ...app,
      step: to,
      status: statusFor(def, to),
      round: step.type === 'joint_review' ? app.round + 1 : app.round,
      stepEnteredAt: now,
      dueAt: dueFor(def, to, now),
      version: app.version + 1,
      updatedAt: now,
    };
    // Optimistic: a concurrent transition of the same application makes this one fail instead of forking it.
    if (!(await tx.workflows.updateApplication(next, app.version))) throw new AppError('workflow.stale', { field: 'expectVersion' });
    await this.d.hooks[def.kind]?.onEnter?.(tx, next, to, now, detail);
    if (step.type !== 'automatic') return next;
    const hooks = this.d.hooks[def.kind];
    const result =
      step.run === 'credit_inquiry'
        ? await this.d.credit.inquire(tx, { type: app.subjectType, id: app.subjectId })
        : ((await (step.run === 'identity_checks' ? hooks?.identityChecks : hooks?.automatic)?.(tx, next, now)) ?? {
            ok: false,
            findings: { error: `no ${step.run} hook for ${def.kind}` },
          });
    const target = result.ok || !step.onFail ? step.next : step.onFail;
    await this.append(tx, next, {
      actor: TransitionService.system(step.run),
      department: null,
      action: step.run,
      fromStep: to,
      toStep: target,
      reason: null,
      attachments: [],
      detail: result.findings,
    });
    return this.enter(tx, def, next, target, now, { findings: result.findings }, depth + 1);
  }

  /** A new version of the application without moving it (a vote that did not close the review, a dismissed objection). */
  async touch(tx: Pick<Repositories, 'workflows'>, app: ApplicationRecord, now: Date): Promise<ApplicationRecord> {
    const next = { ...app, version: app.version + 1, updatedAt: now };
    if (!(await tx.workflows.updateApplication(next, app.version))) throw new AppError('workflow.stale', { field: 'expectVersion' });
    return next;
  }

  /** Appends an entry to the application's timeline. */
  async append(tx: Pick<Repositories, 'workflows'>, app: ApplicationRecord, e: TimelineEntry): Promise<void> {
    const events = await tx.workflows.listEvents(app.id);
    await tx.workflows.appendEvent({
      id: this.d.ids.next(),
      applicationId: app.id,
      seq: events.length + 1,
      at: this.d.clock.now(),
      actorUserId: e.actor.userId,
      actorLabel: e.actor.label,
      department: e.department,
      action: e.action,
      fromStep: e.fromStep,
      toStep: e.toStep,
      reason: e.reason,
      attachments: e.attachments,
      detail: e.detail,
    });
  }
}
