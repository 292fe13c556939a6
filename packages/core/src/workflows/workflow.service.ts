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
import type { NameReader } from '../shared/name-directory.ts';
import { AppError } from '../errors.ts';
import { type ActInput, ApplicationService, type ApplicationView, type SubmitInput } from './application.service.ts';
import { applicationScope, mayReadApplication } from './application.rules.ts';
import { NoticeService } from './notice.service.ts';
import { TransitionService } from './transition.service.ts';
import { definitionOf } from './workflow.definitions.ts';
import type {
  ApplicationRecord,
  CreditInquiryPort,
  DepartmentReader,
  ObjectionRecord,
  WorkflowDefinition,
  WorkflowHooks,
} from './workflows.types.ts';

export type { ApplicationView } from './application.service.ts';
export type { AutomaticResult, CreditInquiryPort, WorkflowHooks } from './workflows.types.ts';

/** An application as a screen shows it: the view, with its subject's name (organization, streamer or product). */
export type NamedApplicationView = ApplicationView & { subjectName: string | null };

/** How many applications a list shows at most. */
const LIST_LIMIT = 200;

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
  /** the department a regulator acts for; without it, nobody acts for a department */
  departments?: DepartmentReader;
  /** the names of applications' subjects; without it, lists carry none */
  names?: NameReader;
}

export class WorkflowService {
  private readonly applications: ApplicationService;
  private readonly notices: NoticeService;

  constructor(private readonly d: WorkflowDeps) {
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

  // ---- the applications as screens read them -------------------------------------------------------------------

  /** My applications (`mine`), all of them (`all`: the platform and regulators), or the queue waiting for me. */
  async list(actor: Actor, q: { scope: 'mine' | 'queue' | 'all'; kind?: string | undefined }): Promise<NamedApplicationView[]> {
    const department = await this.departmentOf(actor);
    const views =
      q.scope === 'queue'
        ? await this.applications.queue(actor, department, q.kind)
        : await this.applications.list(
            actor,
            { ...applicationScope(actor, q.scope), ...(q.kind ? { kind: q.kind } : {}), limit: LIST_LIMIT },
            department,
          );
    return this.named(views);
  }

  /** One application, for whoever may read it (otherwise not found). */
  async read(actor: Actor, id: string): Promise<NamedApplicationView> {
    const v = await this.applications.view(actor, id, await this.departmentOf(actor));
    if (!mayReadApplication(actor, v.application, v.actions.length > 0)) throw new AppError('workflow.not_found', { field: 'id' });
    const [named] = await this.named([v]);
    return named as NamedApplicationView;
  }

  /** Acts on an application as `actor` (for their department, when a regulator), and shows it as it now stands. */
  async actAndView(actor: Actor, id: string, input: Omit<ActInput, 'department'>): Promise<NamedApplicationView> {
    const department = await this.departmentOf(actor);
    await this.applications.act(actor, id, { ...input, department });
    const [named] = await this.named([await this.applications.view(actor, id, department)]);
    return named as NamedApplicationView;
  }

  private departmentOf(actor: Actor): Promise<string | null> {
    return this.d.departments ? this.d.departments.departmentOf(actor) : Promise.resolve(null);
  }

  /** The subjects' names, one look-up per kind of subject. */
  private async named(views: ApplicationView[]): Promise<NamedApplicationView[]> {
    const of = (type: ApplicationRecord['subjectType']) =>
      views.filter((v) => v.application.subjectType === type).map((v) => v.application.subjectId);
    const names = this.d.names
      ? await this.d.names.namesFor({ orgs: of('organization'), users: of('streamer'), products: of('product') })
      : null;
    return views.map((v) => {
      const a = v.application;
      const map =
        a.subjectType === 'organization'
          ? names?.orgs
          : a.subjectType === 'streamer'
            ? names?.users
            : a.subjectType === 'product'
              ? names?.products
              : undefined;
      return { ...v, subjectName: map?.get(a.subjectId) ?? null };
    });
  }
}
