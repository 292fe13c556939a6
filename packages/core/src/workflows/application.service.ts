/**
 * 申报与审批: creates applications and moves them on behalf of applicants, reviewers and departments — task
 * actions, joint-review votes, withdrawals, objection rulings — and shows an application or a reviewer's queue.
 * Every transition is one transaction with a timeline entry and an audit entry.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { definitionOf, WORKFLOWS } from './workflow.definitions.ts';
import { type ActingAs, type AvailableAction, availableActions, jointOutcome, stepOf } from './workflow.engine.ts';
import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  DocumentRecord,
  JointVoteRecord,
  ObjectionRecord,
  WorkflowDefinition,
} from './workflows.types.ts';
import type { NoticeService } from './notice.service.ts';
import type { TransitionService } from './transition.service.ts';

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

export interface SubmitInput {
  kind: string;
  subjectType: ApplicationRecord['subjectType'];
  subjectId: string;
  data: Record<string, unknown>;
  documents: Array<{ id: string; docType: string }>;
}

export interface ActInput {
  action: string;
  reason?: string | undefined;
  attachments?: string[] | undefined;
  department?: string | null;
  expectVersion?: number | undefined;
  /** what the actor decided besides the action (e.g. the amount granted), kept on the timeline and passed to the step's effects */
  detail?: Record<string, unknown> | undefined;
}

export interface ApplicationDeps {
  /** the whole bag: entering a step runs the registry's effects in the same transaction (see WorkflowHooks) */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  transitions: TransitionService;
  notices: NoticeService;
}

export function actingAs(actor: Actor, department: string | null): ActingAs {
  return { userId: actor.userId, role: actor.role, orgId: actor.orgId, department };
}

export class ApplicationService {
  constructor(private readonly d: ApplicationDeps) {}

  /** 申报: creates the application at its initial step (running automatic steps at once). Call inside the caller's transaction. */
  async submit(tx: Repositories, actor: Actor, input: SubmitInput): Promise<ApplicationRecord> {
    const def = definitionOf(input.kind);
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
    await this.d.transitions.append(tx, app, {
      actor,
      department: null,
      action: 'submit',
      fromStep: '(new)',
      toStep: def.initial,
      reason: null,
      attachments: input.documents.map((x) => x.id),
      detail: {},
    });
    await this.d.audit.record(tx, actor, {
      action: `${def.kind}.submit`,
      targetType: 'application',
      targetId: app.id,
      detail: { subjectId: app.subjectId, documents: input.documents.length },
    });
    return this.d.transitions.enter(tx, def, app, def.initial, now);
  }

  /** Performs `action` as `actor`: a task action, a joint-review vote, a withdrawal or an objection ruling. */
  async act(actor: Actor, id: string, input: ActInput): Promise<ApplicationRecord> {
    return this.d.uow.transaction(async (tx) => {
      const app = await tx.workflows.findApplication(id);
      if (!app) throw new AppError('workflow.not_found', { field: 'id' });
      if (input.expectVersion !== undefined && input.expectVersion !== app.version)
        throw new AppError('workflow.stale', { field: 'expectVersion' });
      const def = definitionOf(app.kind);
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
      const detail = input.detail ?? {};
      const entry = { actor, department: who.department, action: input.action, fromStep: app.step, reason, attachments, detail };
      switch (allowed.kind) {
        case 'withdraw':
          await this.d.transitions.append(tx, app, { ...entry, action: 'withdraw', toStep: 'withdrawn' });
          return this.d.transitions.enter(tx, def, app, 'withdrawn', now);
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
          await this.d.transitions.append(tx, app, { ...entry, toStep: a.to });
          await this.d.audit.record(tx, actor, {
            action: `${def.kind}.${input.action}`,
            targetType: 'application',
            targetId: app.id,
            detail: { from: app.step, to: a.to, reason },
          });
          return this.d.transitions.enter(tx, def, app, a.to, now, { ...detail, action: input.action, reason });
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
          await this.d.transitions.append(tx, app, {
            ...entry,
            action: `vote_${vote.decision}`,
            toStep: app.step,
            detail: { department: who.department },
          });
          await this.d.audit.record(tx, actor, {
            action: `${def.kind}.vote`,
            targetType: 'application',
            targetId: app.id,
            detail: { department: who.department, decision: vote.decision, reason },
          });
          const outcome = jointOutcome(step.departments, [...votes, vote]);
          if (outcome === 'open') return this.d.transitions.touch(tx, app, now);
          const to = outcome === 'approved' ? step.onApproved : step.onRejected;
          await this.d.transitions.append(tx, app, {
            actor,
            department: null,
            action: `joint_${outcome}`,
            fromStep: app.step,
            toStep: to,
            reason: null,
            attachments: [],
            detail: { votes: [...votes, vote].map((v) => `${v.department}:${v.decision}`) },
          });
          return this.d.transitions.enter(tx, def, app, to, now);
        }
        case 'resolve_objection': {
          if (step.type !== 'notice') throw new AppError('workflow.action_not_allowed', { field: 'action' });
          const action = input.action === 'uphold_objection' ? 'uphold_objection' : 'dismiss_objection';
          return this.d.notices.resolve(
            tx,
            actor,
            def,
            app,
            step,
            { action, department: who.department, reason, attachments },
            objections,
            now,
          );
        }
        default: {
          const never: never = allowed.kind;
          throw new Error(`unhandled ${String(never)}`);
        }
      }
    });
  }

  async view(actor: Actor, id: string, department: string | null): Promise<ApplicationView> {
    const r = this.d.uow.read;
    const app = await r.workflows.findApplication(id);
    if (!app) throw new AppError('workflow.not_found', { field: 'id' });
    const def = definitionOf(app.kind);
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

  /** The applications `filter` selects, each as `actor` sees it. */
  async list(actor: Actor, filter: ApplicationFilter, department: string | null): Promise<ApplicationView[]> {
    const apps = await this.d.uow.read.workflows.listApplications(filter);
    return Promise.all(apps.map((a) => this.view(actor, a.id, department)));
  }

  /** Applications waiting for `actor` (reviewer and department queues). */
  async queue(actor: Actor, department: string | null, kind?: string): Promise<ApplicationView[]> {
    const kinds = kind ? [definitionOf(kind)] : Object.values(WORKFLOWS);
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
}
