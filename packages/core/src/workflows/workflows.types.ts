/**
 * The approval engine's vocabulary: declarative workflow definitions (steps, who acts, what each action leads to,
 * deadlines in working days, joint reviews, public notices) and the records an application leaves behind.
 * Definitions are data; the engine (workflow.engine.ts) is the only thing that interprets them.
 */
import type { Actor } from '../shared/actor.ts';
import type { Repositories } from '../ports/repositories.ts';

export type Bilingual = { zh: string; en: string };

/** Who may act on a step: roles, optionally narrowed to departments of a regulator, or the applicant. */
export interface ActorSpec {
  roles?: readonly string[];
  departments?: readonly string[];
  /**
   * the department must be the one named in the application's data under this key (a policy application is
   * reviewed by the department that issued the policy, which differs per policy)
   */
  departmentFrom?: string;
  applicant?: boolean;
}

export interface TaskAction {
  to: string;
  label: Bilingual;
  requiresReason?: boolean;
}

export interface TaskStep {
  type: 'task';
  title: Bilingual;
  actors: ActorSpec;
  actions: Record<string, TaskAction>;
  deadlineWorkingDays?: number;
  /** document types that must be attached to the application before leaving this step */
  requiredDocuments?: readonly string[];
}

/** Every named department reviews in parallel; all must approve. One rejection ends the round. */
export interface JointReviewStep {
  type: 'joint_review';
  title: Bilingual;
  departments: readonly string[];
  deadlineWorkingDays: number;
  onApproved: string;
  onRejected: string;
}

/** A public notice period (公示): the public may object; an upheld objection sends it back. */
export interface NoticeStep {
  type: 'notice';
  title: Bilingual;
  days: number;
  /** who resolves objections */
  resolvers: ActorSpec;
  onElapsed: string;
  onObjectionUpheld: string;
}

/** A step the system performs by itself (e.g. a credit inquiry), then moves on. */
export interface AutomaticStep {
  type: 'automatic';
  title: Bilingual;
  run: 'credit_inquiry' | 'identity_checks' | 'pre_checks';
  next: string;
  onFail?: string;
}

export interface FinalStep {
  type: 'final';
  title: Bilingual;
  outcome: 'approved' | 'rejected' | 'withdrawn' | 'revoked';
}

export type StepDef = TaskStep | JointReviewStep | NoticeStep | AutomaticStep | FinalStep;

export interface WorkflowDefinition {
  kind: string;
  title: Bilingual;
  /** what the application is about: an organization (merchant, base) or a streamer */
  subject: 'organization' | 'streamer' | 'product';
  initial: string;
  steps: Record<string, StepDef>;
  /** applicant actions allowed in any non-final step */
  withdrawable: boolean;
}

export type ApplicationStatus = 'in_progress' | 'approved' | 'rejected' | 'withdrawn' | 'revoked';

export interface ApplicationRecord {
  id: string;
  kind: string;
  subjectType: 'organization' | 'streamer' | 'product';
  subjectId: string;
  applicantUserId: string;
  applicantOrgId: string | null;
  /** current step id */
  step: string;
  status: ApplicationStatus;
  /** joint-review round: a returned application reviewed again is voted on afresh */
  round: number;
  /** the form the applicant submitted (validated per kind) */
  data: Record<string, unknown>;
  /** when the current step entered, and its deadline (working days) or notice end */
  stepEnteredAt: Date;
  dueAt: Date | null;
  /** incremented on every transition: two reviewers cannot move the same version */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApplicationEventRecord {
  id: string;
  applicationId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  department: string | null;
  action: string;
  fromStep: string;
  toStep: string;
  reason: string | null;
  attachments: string[];
  detail: Record<string, unknown>;
}

export interface JointVoteRecord {
  applicationId: string;
  /** which joint-review round (a returned application reviewed again starts a new round) */
  round: number;
  department: string;
  decision: 'approve' | 'reject';
  actorUserId: string;
  at: Date;
  reason: string | null;
}

export interface ObjectionRecord {
  id: string;
  applicationId: string;
  filedBy: string;
  text: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolution: string | null;
  createdAt: Date;
}

export interface DocumentRecord {
  id: string;
  ownerOrgId: string | null;
  ownerUserId: string | null;
  uploadedBy: string;
  docType: string;
  fileType: 'pdf' | 'jpeg' | 'png';
  size: number;
  sha256: string;
  storageKey: string;
  filename: string;
  expiresAt: Date | null;
  retainUntil: Date;
  createdAt: Date;
}

export interface ApplicationFilter {
  kind?: string;
  steps?: string[];
  status?: ApplicationStatus[];
  applicantUserId?: string;
  applicantOrgId?: string;
  subjectId?: string;
  limit: number;
}

/** What an automatic step found; `ok: false` follows the step's onFail. */
export interface AutomaticResult {
  ok: boolean;
  findings: Record<string, unknown>;
}

/**
 * Per-kind hooks the registry supplies: side effects of entering a step, and the automatic checks. They run in the
 * engine's transaction and write their own context's tables, so they receive the whole repository bag.
 */
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

/** The department a regulator acts for (identity answers it from the request's membership); null for everyone else. */
export interface DepartmentReader {
  departmentOf(actor: Actor): Promise<string | null>;
}
