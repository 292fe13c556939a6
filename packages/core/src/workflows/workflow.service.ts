/**
 * The approval engine's public entry (审批流程). It delegates each job to its service: applications and their
 * transitions (application.service.ts), public notices and objections (notice.service.ts), both moving
 * applications through transition.service.ts. What a step grants to its subject (certified, admitted …) is applied
 * through the per-kind effects the registry supplies (WorkflowHooks).
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { type ActInput, ApplicationService, type ApplicationView, type SubmitInput } from './application.service.ts';
import { NoticeService } from './notice.service.ts';
import { TransitionService } from './transition.service.ts';
import { definitionOf } from './workflow.definitions.ts';
import type { ApplicationRecord, CreditInquiryPort, ObjectionRecord, WorkflowDefinition, WorkflowHooks } from './workflows.types.ts';

export type { ApplicationView } from './application.service.ts';
export type { AutomaticResult, CreditInquiryPort, WorkflowHooks } from './workflows.types.ts';

export interface WorkflowDeps {
  /**
   * The whole repository bag, not a scoped one: entering a step runs the registry's effects (WorkflowHooks) and
   * the credit inquiry in the same transaction, and those write their own contexts' tables.
   */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  credit: CreditInquiryPort;
  hooks: Record<string, WorkflowHooks>;
}

export class WorkflowService {
  private readonly applications: ApplicationService;
  private readonly notices: NoticeService;

  constructor(d: WorkflowDeps) {
    const { uow, clock, ids, audit } = d;
    const transitions = new TransitionService({ clock, ids, credit: d.credit, hooks: d.hooks });
    this.notices = new NoticeService({ uow, clock, ids, audit, transitions });
    this.applications = new ApplicationService({ uow, clock, ids, audit, transitions, notices: this.notices });
  }

  definition(kind: string): WorkflowDefinition {
    return definitionOf(kind);
  }

  /** 申报: creates the application at its initial step (running automatic steps at once). Call inside the caller's transaction. */
  submit(tx: Repositories, actor: Actor, input: SubmitInput): Promise<ApplicationRecord> {
    return this.applications.submit(tx, actor, input);
  }

  /** Performs `action` as `actor`: a task action, a joint-review vote, a withdrawal or an objection ruling. */
  act(actor: Actor, id: string, input: ActInput): Promise<ApplicationRecord> {
    return this.applications.act(actor, id, input);
  }

  /** 公示异议: anyone signed in may object while an application is on public notice. */
  fileObjection(actor: Actor, id: string, text: string): Promise<ObjectionRecord> {
    return this.notices.fileObjection(actor, id, text);
  }

  /** Moves time-driven steps (elapsed public notices); idempotent. */
  tick(now?: Date): Promise<{ advanced: string[] }> {
    return this.notices.tick(now);
  }

  view(actor: Actor, id: string, department: string | null): Promise<ApplicationView> {
    return this.applications.view(actor, id, department);
  }

  /** Applications waiting for `actor` (reviewer and department queues). */
  queue(actor: Actor, department: string | null, kind?: string): Promise<ApplicationView[]> {
    return this.applications.queue(actor, department, kind);
  }
}
