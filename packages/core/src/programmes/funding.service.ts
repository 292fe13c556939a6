/**
 * 项目资金绩效评价 (project funding with performance evaluation, seed 004 § 四(三)(四)): the issuing department (a
 * regulator acting for a department) sets up a three-year project of a base with its budget, yearly tranches and
 * targets, and pays the tranches — each a balanced ledger entry from its programme fund to the project's own
 * account; the base operator files the year's self-assessment (自查自评), prefilled from LiveHub's own figures where it
 * has them; the assigned third-party evaluator (评估机构) submits its report and verified figures, graded by the
 * rules; a 不合格 year goes to rectification (整改) with a deadline; the department accepts the rectification, or
 * rejects it — or the deadline passes (the tick's sweep) — and the project exits with the failed year's tranches
 * clawed back (收回资金) by reversing entries. Every write is one transaction with its audit entry. ADR 0036.
 *
 * It must never touch another context's tables: the figures come through `FundingFiguresReader`, the parties'
 * kinds through `FundingParties` (funding.port.ts), money through the ledger service in this service's transaction.
 *
 * The funding's one public entry: it composes the job services and delegates — projects, tranches, the exit with its
 * claw-back and the sweep (funding-project.service.ts); the self-assessment, the evaluation and the rectification
 * (funding-assessment.service.ts); the reads (funding-view.service.ts). What they share is in funding.internal.ts.
 */
import type { Actor } from '../shared/actor.ts';
import { type EvaluationInput, FundingAssessmentService, type SelfAssessmentInput } from './funding-assessment.service.ts';
import { FundingAccess, type FundingDeps } from './funding.internal.ts';
import { FundingProjectService } from './funding-project.service.ts';
import { FundingViewService, type SelfAssessmentPrefill } from './funding-view.service.ts';
import type {
  FundingEvaluationRecord,
  FundingProjectDetail,
  FundingProjectInput,
  FundingProjectRecord,
  FundingTrancheInput,
  FundingTrancheRecord,
} from './funding.types.ts';

export type { EvaluationInput, SelfAssessmentInput } from './funding-assessment.service.ts';
export { STATUS_ZH as FUNDING_STATUS_ZH, TARGET_ZH, trancheKey } from './funding.internal.ts';
export type { FundingDeps } from './funding.internal.ts';
export type { FundingDepartments, FundingFiguresReader, FundingParties } from './funding.port.ts';
export type { SelfAssessmentPrefill } from './funding-view.service.ts';
export { FUNDING_TARGET_KINDS } from './funding.types.ts';
export type { FundingFigures } from './funding.types.ts';

export class FundingService {
  private readonly projects: FundingProjectService;
  private readonly assessment: FundingAssessmentService;
  private readonly views: FundingViewService;

  constructor(d: FundingDeps) {
    const access = new FundingAccess(d);
    const views = new FundingViewService({ ...d, access });
    const projects = new FundingProjectService({ ...d, access });
    this.views = views;
    this.projects = projects;
    this.assessment = new FundingAssessmentService({ ...d, access, views, projects });
  }

  // ── reads (funding-view.service.ts) ──

  /** The projects the actor sees, with the base's and the evaluator's names. */
  list(actor: Actor): Promise<Array<FundingProjectRecord & { ownerName: string | null; evaluatorName: string | null }>> {
    return this.views.list(actor);
  }

  detail(actor: Actor, id: string): Promise<FundingProjectDetail> {
    return this.views.detail(actor, id);
  }

  /**
   * The self-assessment form's figures for the current plan year: LiveHub's own (GMV from the statistics of the
   * calendar year, the enterprises the base hosts, their certified streamers) where it has them, else to declare.
   */
  prefill(actor: Actor, id: string): Promise<SelfAssessmentPrefill> {
    return this.views.prefill(actor, id);
  }

  // ── the issuing department: projects and tranches (funding-project.service.ts) ──

  /** The bases and the evaluators a new project may name (the department's create form). */
  options(actor: Actor): Promise<{ bases: Array<{ id: string; name: string }>; evaluators: Array<{ id: string; name: string }> }> {
    return this.projects.options(actor);
  }

  create(actor: Actor, input: FundingProjectInput): Promise<FundingProjectRecord> {
    return this.projects.create(actor, input);
  }

  /** Adds a tranche: the sum of the project's tranches stays within its budget (checked on the locked project). */
  addTranche(actor: Actor, id: string, input: FundingTrancheInput): Promise<FundingTrancheRecord> {
    return this.projects.addTranche(actor, id, input);
  }

  /**
   * Pays the next year's tranche (资金拨付): one ledger entry, the department's programme fund −amount and the
   * project's account +amount, with the tranche and the project's state in the same transaction.
   */
  payTranche(actor: Actor, id: string, trancheId: string): Promise<FundingTrancheRecord> {
    return this.projects.payTranche(actor, id, trancheId);
  }

  /** Time-driven: a rectification past its deadline without acceptance exits with the claw-back. Idempotent. */
  sweep(at?: Date): Promise<{ fundingExited: number }> {
    return this.projects.sweep(at);
  }

  // ── the yearly assessment (funding-assessment.service.ts) ──

  /** 自查自评: the year's figures — LiveHub's own where it has them, declared (自报) for the rest — and a note. */
  selfAssess(actor: Actor, id: string, input: SelfAssessmentInput): Promise<FundingEvaluationRecord> {
    return this.assessment.selfAssess(actor, id, input);
  }

  /** 整改报告: what the base did about a 不合格 year, before the deadline. */
  fileRectification(actor: Actor, id: string, report: string): Promise<FundingEvaluationRecord> {
    return this.assessment.fileRectification(actor, id, report);
  }

  /**
   * 第三方评估: the assigned evaluator's report and verified figures; the score and grade follow from the year's
   * targets (funding.rules.ts). 不合格 opens the rectification with its deadline.
   */
  evaluate(actor: Actor, id: string, input: EvaluationInput): Promise<FundingEvaluationRecord> {
    return this.assessment.evaluate(actor, id, input);
  }

  /**
   * The department's decision on a rectification: `accept` (the report filed) → the year passes; `reject` → exit
   * with the claw-back. An exited project is refused (no second claw-back).
   */
  decideRectification(actor: Actor, id: string, decision: 'accept' | 'reject', note: string): Promise<FundingProjectRecord> {
    return this.assessment.decideRectification(actor, id, decision, note);
  }
}
