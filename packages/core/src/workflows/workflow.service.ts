/**
 * The approval engine's service: creates applications, moves them through their workflow definition on behalf
 * of applicants, reviewers and departments, runs automatic steps (credit inquiry, identity checks), counts joint
 * review votes, opens public notices and resolves objections. Every transition is one transaction with an
 * application event (the timeline) and an audit entry. What a step grants to its subject (certified, admitted …)
 * is applied through the per-kind effects the registry supplies.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { addCalendarDays, addWorkingDays } from './working-days.ts';
import { WORKFLOWS } from './workflow.definitions.ts';
import { type ActingAs, availableActions, jointOutcome, stepOf, type AvailableAction } from './workflow.engine.ts';
import type {
  ApplicationEventRecord,
  ApplicationRecord,
  ApplicationStatus,
  DocumentRecord,
  JointVoteRecord,
  ObjectionRecord,
  WorkflowDefinition,
} from './workflow.types.ts';

/** What an automatic step found; `ok: false` follows the step's onFail. */
export interface AutomaticResult {
  ok: boolean;
  findings: Record<string, unknown>;
}

/** Per-kind hooks the registry supplies: side effects of entering a step, and the automatic checks. */
export interface WorkflowHooks {
  onEnter?(tx: Repositories, app: ApplicationRecord, step: string, now: Date, detail: Record<string, unknown>): Promise<void>;
  identityChecks?(tx: Repositories, app: ApplicationRecord, now: Date): Promise<AutomaticResult>;
  /** the checks of a `pre_checks` automatic step (e.g. a product review's category, qualification and copy checks) */
  automatic?(tx: Repositories, app: ApplicationRecord, now: Date): Promise<AutomaticResult>;
}

/**
 * 信用征询: how creditworthy the subject is. Until the credit context exists, the default adapter answers from the
 * confirmed violations LiveHub holds (core/compliance); the port lets a real credit service (e.g. the credit
 * context, or a public credit platform) replace it.
 */
export interface CreditInquiryPort {
  inquire(tx: Repositories, subject: { type: string; id: string }): Promise<AutomaticResult>;
}

export interface ApplicationView {
  application: ApplicationRecord;
  definition: WorkflowDefinition;
  events: ApplicationEventRecord[];
  votes: JointVoteRecord[];
  objections: ObjectionRecord[];
  documents: DocumentRecord[];
  actions: AvailableAction[];
  overdue: boolean;
}

export interface WorkflowDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  credit: CreditInquiryPort;
  hooks: Record<string, WorkflowHooks>;
}

const MAX_AUTOMATIC_CHAIN = 10;

export function actingAs(actor: Actor, department: string | null): ActingAs {
  return { userId: actor.userId, role: actor.role, orgId: actor.orgId, department };
}

export class WorkflowService {
  constructor(private readonly d: WorkflowDeps) {}

  definition(kind: string): WorkflowDefinition {
    const def = WORKFLOWS[kind];
    if (!def) throw new AppError('workflow.unknown_kind', { field: 'kind' });
    return def;
  }

  /** 申报: creates the application at its initial step (running automatic steps at once). Call inside the caller's transaction. */
  async submit(
    tx: Repositories,
    actor: Actor,
    input: {
      kind: string;
      subjectType: ApplicationRecord['subjectType'];
      subjectId: string;
      data: Record<string, unknown>;
      documents: Array<{ id: string; docType: string }>;
    },
  ): Promise<ApplicationRecord> {
    const def = this.definition(input.kind);
    if (!actor.userId) throw new AppError('auth.required');
    const now = this.d.clock.now();
    const app: ApplicationRecord = {
      id: this.d.ids.next(),
      kind: def.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      applicantUserId: actor.userId,
      applicantOrgId: actor.orgId,
      step: def.initial,
      status: 'in_progress',
      round: 0,
      data: input.data,
      stepEnteredAt: now,
      dueAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await tx.workflows.insertApplication(app);
    for (const doc of input.documents) await tx.workflows.attachDocument(app.id, doc.id, doc.docType);
    await this.appendEvent(
      tx,
      app,
      actor,
      null,
      'submit',
      '(new)',
      def.initial,
      null,
      input.documents.map((x) => x.id),
      {},
    );
    await this.d.audit.record(tx, actor, {
      action: `${def.kind}.submit`,
      targetType: 'application',
      targetId: app.id,
      detail: { subjectId: app.subjectId, documents: input.documents.length },
    });
    return this.enter(tx, def, app, def.initial, now);
  }

  /** Performs `action` as `actor`: a task action, a joint-review vote, a withdrawal or an objection ruling. */
  async act(
    actor: Actor,
    id: string,
    input: {
      action: string;
      reason?: string | undefined;
      attachments?: string[] | undefined;
      department?: string | null;
      expectVersion?: number | undefined;
    },
  ): Promise<ApplicationRecord> {
    return this.d.uow.transaction(async (tx) => {
      const app = await tx.workflows.findApplication(id);
      if (!app) throw new AppError('workflow.not_found', { field: 'id' });
      if (input.expectVersion !== undefined && input.expectVersion !== app.version)
        throw new AppError('workflow.stale', { field: 'expectVersion' });
      const def = this.definition(app.kind);
      const who = actingAs(actor, input.department ?? null);
      const votes = await tx.workflows.listVotes(app.id, app.round);
      const objections = await tx.workflows.listObjections(app.id);
      const allowed = availableActions(def, app, who, votes, objections).find((a) => a.action === input.action);
      if (!allowed) {
        throw new AppError('workflow.action_not_allowed', { field: 'action', details: { action: input.action, step: app.step } });
      }
      const reason = input.reason?.trim() || null;
      if (allowed.requiresReason && !reason) throw new AppError('workflow.reason_required', { field: 'reason' });
      const attachments = input.attachments ?? [];
      for (const docId of attachments) {
        const doc = await tx.workflows.findDocument(docId);
        if (!doc) throw new AppError('document.not_found', { field: 'attachments' });
        await tx.workflows.attachDocument(app.id, doc.id, doc.docType);
      }
      const now = this.d.clock.now();
      const step = stepOf(def, app.step);
      switch (allowed.kind) {
        case 'withdraw':
          await this.appendEvent(tx, app, actor, who.department, 'withdraw', app.step, 'withdrawn', reason, attachments, {});
          return this.enter(tx, def, app, 'withdrawn', now);
        case 'task': {
          if (step.type !== 'task') throw new AppError('workflow.action_not_allowed', { field: 'action' });
          const a = step.actions[input.action];
          if (!a) throw new AppError('workflow.action_not_allowed', { field: 'action' });
          if (step.requiredDocuments && a.to !== 'rejected' && a.to !== 'returned') {
            const docs = await tx.workflows.listApplicationDocuments(app.id);
            const missing = step.requiredDocuments.filter((t) => !docs.some((x) => x.docType === t));
            if (missing.length > 0)
              throw new AppError('workflow.documents_missing', { field: 'documents', details: { types: missing.join(', ') } });
          }
          await this.appendEvent(tx, app, actor, who.department, input.action, app.step, a.to, reason, attachments, {});
          await this.d.audit.record(tx, actor, {
            action: `${def.kind}.${input.action}`,
            targetType: 'application',
            targetId: app.id,
            detail: { from: app.step, to: a.to, reason },
          });
          return this.enter(tx, def, app, a.to, now, { action: input.action, reason });
        }
        case 'vote': {
          if (step.type !== 'joint_review' || !who.department || !actor.userId)
            throw new AppError('workflow.action_not_allowed', { field: 'action' });
          const vote: JointVoteRecord = {
            applicationId: app.id,
            round: app.round,
            department: who.department,
            decision: input.action === 'approve' ? 'approve' : 'reject',
            actorUserId: actor.userId,
            at: now,
            reason,
          };
          await tx.workflows.insertVote(vote);
          await this.appendEvent(tx, app, actor, who.department, `vote_${vote.decision}`, app.step, app.step, reason, attachments, {
            department: who.department,
          });
          await this.d.audit.record(tx, actor, {
            action: `${def.kind}.vote`,
            targetType: 'application',
            targetId: app.id,
            detail: { department: who.department, decision: vote.decision, reason },
          });
          const outcome = jointOutcome(step.departments, [...votes, vote]);
          if (outcome === 'open') return this.touch(tx, app, now);
          const to = outcome === 'approved' ? step.onApproved : step.onRejected;
          await this.appendEvent(tx, app, actor, null, `joint_${outcome}`, app.step, to, null, [], {
            votes: [...votes, vote].map((v) => `${v.department}:${v.decision}`),
          });
          return this.enter(tx, def, app, to, now);
        }
        case 'resolve_objection': {
          if (step.type !== 'notice') throw new AppError('workflow.action_not_allowed', { field: 'action' });
          const open = objections.filter((o) => o.status === 'open');
          const upheld = input.action === 'uphold_objection';
          for (const o of open)
            await tx.workflows.updateObjection({
              ...o,
              status: upheld ? 'upheld' : 'dismissed',
              resolvedBy: actor.userId,
              resolvedAt: now,
              resolution: reason,
            });
          await this.appendEvent(
            tx,
            app,
            actor,
            who.department,
            input.action,
            app.step,
            upheld ? step.onObjectionUpheld : app.step,
            reason,
            attachments,
            { objections: open.length },
          );
          await this.d.audit.record(tx, actor, {
            action: `${def.kind}.${input.action}`,
            targetType: 'application',
            targetId: app.id,
            detail: { objections: open.map((o) => o.id), reason },
          });
          if (upheld) return this.enter(tx, def, app, step.onObjectionUpheld, now);
          return this.touch(tx, app, now);
        }
        default: {
          const never: never = allowed.kind;
          throw new Error(`unhandled ${String(never)}`);
        }
      }
    });
  }

  /** 公示异议: anyone signed in may object while an application is on public notice. */
  async fileObjection(actor: Actor, id: string, text: string): Promise<ObjectionRecord> {
    return this.d.uow.transaction(async (tx) => {
      const app = await tx.workflows.findApplication(id);
      if (!app) throw new AppError('workflow.not_found', { field: 'id' });
      const step = stepOf(this.definition(app.kind), app.step);
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
      await this.appendEvent(tx, app, actor, null, 'objection', app.step, app.step, text, [], { objectionId: o.id });
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
        const system: Actor = { userId: null, label: 'system:notice', orgId: null, membershipId: null, role: 'system', via: 'system' };
        await this.appendEvent(tx, app, system, null, 'notice_elapsed', app.step, step.onElapsed, null, [], { days: step.days });
        await this.enter(tx, def, app, step.onElapsed, now);
        return true;
      });
      if (moved) advanced.push(candidate.id);
    }
    return { advanced };
  }

  async view(actor: Actor, id: string, department: string | null): Promise<ApplicationView> {
    const r = this.d.uow.read;
    const app = await r.workflows.findApplication(id);
    if (!app) throw new AppError('workflow.not_found', { field: 'id' });
    const def = this.definition(app.kind);
    const [events, votes, objections, documents] = await Promise.all([
      r.workflows.listEvents(app.id),
      r.workflows.listVotes(app.id, app.round),
      r.workflows.listObjections(app.id),
      r.workflows.listApplicationDocuments(app.id),
    ]);
    const now = this.d.clock.now();
    return {
      application: app,
      definition: def,
      events,
      votes,
      objections,
      documents,
      actions: availableActions(def, app, actingAs(actor, department), votes, objections),
      overdue: app.status === 'in_progress' && app.dueAt !== null && app.dueAt < now && stepOf(def, app.step).type !== 'notice',
    };
  }

  /** Applications waiting for `actor` (reviewer and department queues). */
  async queue(actor: Actor, department: string | null, kind?: string): Promise<ApplicationView[]> {
    const kinds = kind ? [this.definition(kind)] : Object.values(WORKFLOWS);
    const out: ApplicationView[] = [];
    for (const def of kinds) {
      const steps = Object.entries(def.steps)
        .filter(([, s]) => s.type === 'task' || s.type === 'joint_review' || s.type === 'notice')
        .map(([id]) => id);
      const apps = await this.d.uow.read.workflows.listApplications({
        kind: def.kind,
        steps,
        status: ['in_progress', 'approved'],
        limit: 500,
      });
      // Decide from what the step needs (votes for a joint review, objections for a notice); build the full view
      // (events, documents …) only for the applications that really wait for this actor.
      const who = actingAs(actor, department);
      const r = this.d.uow.read;
      for (const app of apps) {
        const type = stepOf(def, app.step).type;
        const votes = type === 'joint_review' ? await r.workflows.listVotes(app.id, app.round) : [];
        const objections = type === 'notice' ? await r.workflows.listObjections(app.id) : [];
        if (availableActions(def, app, who, votes, objections).some((a) => a.kind !== 'withdraw'))
          out.push(await this.view(actor, app.id, department));
      }
    }
    return out.sort(
      (a, b) => (a.application.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.application.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER),
    );
  }

  // ---- internals ------------------------------------------------------------------------------------------

  /**
   * Puts the application in step `to`: sets status and deadline, runs the registry's effects, and follows
   * automatic steps until one waits for a person. `expectVersion` guards against a concurrent transition.
   */
  private async enter(
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
    const system: Actor = { userId: null, label: `system:${step.run}`, orgId: null, membershipId: null, role: 'system', via: 'system' };
    await this.appendEvent(tx, next, system, null, step.run, to, target, null, [], result.findings);
    return this.enter(tx, def, next, target, now, { findings: result.findings }, depth + 1);
  }

  private async touch(tx: Repositories, app: ApplicationRecord, now: Date): Promise<ApplicationRecord> {
    const next = { ...app, version: app.version + 1, updatedAt: now };
    if (!(await tx.workflows.updateApplication(next, app.version))) throw new AppError('workflow.stale', { field: 'expectVersion' });
    return next;
  }

  private async appendEvent(
    tx: Repositories,
    app: ApplicationRecord,
    actor: Actor,
    department: string | null,
    action: string,
    fromStep: string,
    toStep: string,
    reason: string | null,
    attachments: string[],
    detail: Record<string, unknown>,
  ): Promise<void> {
    const events = await tx.workflows.listEvents(app.id);
    await tx.workflows.appendEvent({
      id: this.d.ids.next(),
      applicationId: app.id,
      seq: events.length + 1,
      at: this.d.clock.now(),
      actorUserId: actor.userId,
      actorLabel: actor.label,
      department,
      action,
      fromStep,
      toStep,
      reason,
      attachments,
      detail,
    });
  }
}

function statusFor(def: WorkflowDefinition, stepId: string): ApplicationStatus {
  const step = stepOf(def, stepId);
  if (step.type === 'final') return step.outcome;
  return GRANTING.has(`${def.kind}:${stepId}`) ? 'approved' : 'in_progress';
}

const GRANTING = new Set([
  'base_certification:certified',
  'merchant_admission:admitted',
  'merchant_admission:suspended',
  'streamer_certification:certified',
  'streamer_certification:suspended',
]);

/** The deadline of a step: working days for tasks and joint reviews, calendar days for notices, a year for annual evaluation. */
function dueFor(def: WorkflowDefinition, stepId: string, now: Date): Date | null {
  const step = stepOf(def, stepId);
  if (step.type === 'task' && step.deadlineWorkingDays) return addWorkingDays(now, step.deadlineWorkingDays);
  if (step.type === 'joint_review') return addWorkingDays(now, step.deadlineWorkingDays);
  if (step.type === 'notice') return addCalendarDays(now, step.days);
  if (GRANTING.has(`${def.kind}:${stepId}`) && stepId !== 'suspended') return addCalendarDays(now, 365);
  return null;
}
