/**
 * The pure part of the approval engine: given a definition, an application and who is asking, what may happen
 * next. No I/O, no clock: the service supplies both. Every decision about whether a transition is allowed is
 * made here, so it is made the same way for the API, the CLI and the tests.
 */
import type {
  ActorSpec,
  ApplicationRecord,
  ApplicationStatus,
  Bilingual,
  JointVoteRecord,
  ObjectionRecord,
  StepDef,
  WorkflowDefinition,
} from './workflows.types.ts';
import { addCalendarDays, addWorkingDays } from './working-days.ts';

export interface ActingAs {
  userId: string | null;
  role: string;
  orgId: string | null;
  /** the department code of the acting membership (regulators) */
  department: string | null;
}

export type ActionKind = 'task' | 'vote' | 'withdraw' | 'resolve_objection';

export interface AvailableAction {
  action: string;
  kind: ActionKind;
  label: Bilingual;
  requiresReason: boolean;
}

export function isApplicant(app: ApplicationRecord, who: ActingAs): boolean {
  return who.userId === app.applicantUserId || (app.applicantOrgId !== null && who.orgId === app.applicantOrgId && who.role !== 'consumer');
}

export function matchesActor(spec: ActorSpec, app: ApplicationRecord, who: ActingAs): boolean {
  if (spec.applicant && isApplicant(app, who)) return true;
  if (!spec.roles?.includes(who.role)) return false;
  if (spec.departments && (!who.department || !spec.departments.includes(who.department))) return false;
  if (spec.departmentFrom && (!who.department || app.data[spec.departmentFrom] !== who.department)) return false;
  return true;
}

export function stepOf(def: WorkflowDefinition, id: string): StepDef {
  const s = def.steps[id];
  if (!s) throw new Error(`workflow ${def.kind} has no step ${id}`);
  return s;
}

/** Everything `who` may do to `app` right now. */
export function availableActions(
  def: WorkflowDefinition,
  app: ApplicationRecord,
  who: ActingAs,
  votes: readonly JointVoteRecord[],
  objections: readonly ObjectionRecord[],
): AvailableAction[] {
  const step = stepOf(def, app.step);
  const out: AvailableAction[] = [];
  switch (step.type) {
    case 'task':
      if (matchesActor(step.actors, app, who)) {
        for (const [action, a] of Object.entries(step.actions))
          out.push({ action, kind: 'task', label: a.label, requiresReason: a.requiresReason === true });
      }
      break;
    case 'joint_review':
      if (
        who.role === 'regulator' &&
        who.department &&
        step.departments.includes(who.department) &&
        !votes.some((v) => v.department === who.department)
      ) {
        out.push({ action: 'approve', kind: 'vote', label: { zh: '同意', en: 'Approve' }, requiresReason: false });
        out.push({ action: 'reject', kind: 'vote', label: { zh: '不同意', en: 'Reject' }, requiresReason: true });
      }
      break;
    case 'notice':
      if (matchesActor(step.resolvers, app, who) && objections.some((o) => o.status === 'open')) {
        out.push({
          action: 'uphold_objection',
          kind: 'resolve_objection',
          label: { zh: '异议成立，退回', en: 'Uphold objection: return' },
          requiresReason: true,
        });
        out.push({
          action: 'dismiss_objection',
          kind: 'resolve_objection',
          label: { zh: '异议不成立', en: 'Dismiss objection' },
          requiresReason: true,
        });
      }
      break;
    case 'automatic':
    case 'final':
      break;
    default: {
      const never: never = step;
      throw new Error(`unknown step ${JSON.stringify(never)}`);
    }
  }
  if (def.withdrawable && step.type !== 'final' && app.status === 'in_progress' && isApplicant(app, who)) {
    out.push({ action: 'withdraw', kind: 'withdraw', label: { zh: '撤回申请', en: 'Withdraw' }, requiresReason: false });
  }
  return out;
}

/** The outcome of a joint review once votes are in: every department approved, one rejected, or still open. */
export function jointOutcome(departments: readonly string[], votes: readonly JointVoteRecord[]): 'approved' | 'rejected' | 'open' {
  if (votes.some((v) => v.decision === 'reject')) return 'rejected';
  return departments.every((d) => votes.some((v) => v.department === d && v.decision === 'approve')) ? 'approved' : 'open';
}

/** Every step reachable from the initial one (tests: no definition strands an application). */
export function reachableSteps(def: WorkflowDefinition): Set<string> {
  const seen = new Set<string>([def.initial]);
  const queue = [def.initial];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const s = stepOf(def, id);
    const next: string[] = [];
    if (s.type === 'task') next.push(...Object.values(s.actions).map((a) => a.to));
    if (s.type === 'joint_review') next.push(s.onApproved, s.onRejected);
    if (s.type === 'notice') next.push(s.onElapsed, s.onObjectionUpheld);
    if (s.type === 'automatic') next.push(s.next, ...(s.onFail ? [s.onFail] : []));
    if (def.withdrawable && s.type !== 'final') next.push('withdrawn');
    for (const t of next) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}

/** Steps that grant their subject something (certified, admitted …) or withdraw it again: the application counts as approved there. */
const GRANTING = new Set([
  'base_certification:certified',
  'merchant_admission:admitted',
  'merchant_admission:suspended',
  'streamer_certification:certified',
  'streamer_certification:suspended',
]);

/** The status of an application standing in `stepId`. */
export function statusFor(def: WorkflowDefinition, stepId: string): ApplicationStatus {
  const step = stepOf(def, stepId);
  if (step.type === 'final') return step.outcome;
  return GRANTING.has(`${def.kind}:${stepId}`) ? 'approved' : 'in_progress';
}

/** The deadline of a step: working days for tasks and joint reviews, calendar days for notices, a year for annual evaluation. */
export function dueFor(def: WorkflowDefinition, stepId: string, now: Date): Date | null {
  const step = stepOf(def, stepId);
  if (step.type === 'task' && step.deadlineWorkingDays) return addWorkingDays(now, step.deadlineWorkingDays);
  if (step.type === 'joint_review') return addWorkingDays(now, step.deadlineWorkingDays);
  if (step.type === 'notice') return addCalendarDays(now, step.days);
  if (GRANTING.has(`${def.kind}:${stepId}`) && stepId !== 'suspended') return addCalendarDays(now, 365);
  return null;
}
