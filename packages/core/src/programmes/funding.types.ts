/**
 * 项目资金绩效评价's records: a funded project (集聚区 or 基地) with a three-year plan, its yearly tranches (资金拨付), its
 * performance targets per year, and one evaluation per plan year (自查自评, 第三方评估, 整改). docs/programmes.md.
 */

export const FUNDING_PROJECT_KINDS = ['cluster', 'base'] as const;
export type FundingProjectKind = (typeof FUNDING_PROJECT_KINDS)[number];

/** The seed's own kinds of performance target: 交易额, 集聚企业数, 直播人才数, 培育品牌数. */
export const FUNDING_TARGET_KINDS = ['gmv', 'enterprises', 'talent', 'brands'] as const;
export type FundingTargetKind = (typeof FUNDING_TARGET_KINDS)[number];

/** 优秀 / 良好 / 合格 / 不合格 */
export const FUNDING_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type FundingGrade = (typeof FUNDING_GRADES)[number];

/**
 * The project's state (funding.rules.ts `nextStatus`): planned → funded → self_assessed → (passed | rectifying →
 * (passed | exited)); passed → funded again for the next plan year; the third year passed → completed.
 */
export const FUNDING_PROJECT_STATUSES = ['planned', 'funded', 'self_assessed', 'rectifying', 'passed', 'completed', 'exited'] as const;
export type FundingProjectStatus = (typeof FUNDING_PROJECT_STATUSES)[number];

export const TRANCHE_STATUSES = ['planned', 'paid', 'clawed_back', 'cancelled'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

/** An evaluation: self-assessed → graded passed, or rectifying → rectified | failed (exit). */
export const EVALUATION_STATUSES = ['self_assessed', 'passed', 'rectifying', 'rectified', 'failed'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** The plan is three years (三年项目资金); plan years are 1, 2, 3 and the calendar year is `startYear + planYear − 1`. */
export const PLAN_YEARS = 3;

export interface FundingProjectRecord {
  id: string;
  kind: FundingProjectKind;
  name: string;
  /** the base operator's organization (live_base) that runs the project */
  ownerOrgId: string;
  /** the regulator organization and department that issued the funds */
  issuerOrgId: string;
  issuerDepartment: string;
  /** the third-party evaluator's organization assigned to the project */
  evaluatorOrgId: string;
  startYear: number;
  budgetFen: number;
  status: FundingProjectStatus;
  /** the plan year being funded and evaluated (0 before the first tranche is paid) */
  currentYear: number;
  exitReason: string | null;
  exitedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface FundingTrancheRecord {
  id: string;
  projectId: string;
  planYear: number;
  amountFen: number;
  status: TrancheStatus;
  paidEntryId: string | null;
  paidAt: Date | null;
  clawbackEntryId: string | null;
  clawedBackAt: Date | null;
}

export interface FundingTargetRecord {
  id: string;
  projectId: string;
  planYear: number;
  kind: FundingTargetKind;
  /** fen for gmv; a count for the others */
  target: number;
}

/** A figure of the self-assessment: where it came from — LiveHub's own records, or declared by the base (自报). */
export interface SelfFigure {
  value: number;
  source: 'livehub' | 'declared';
}

export interface FundingEvaluationRecord {
  id: string;
  projectId: string;
  planYear: number;
  status: EvaluationStatus;
  selfFigures: Partial<Record<FundingTargetKind, SelfFigure>>;
  selfNote: string;
  selfAssessedBy: string;
  selfAssessedAt: Date;
  evaluatorOrgId: string;
  /** the evaluator's verified figures (核定值), by target kind */
  verifiedFigures: Partial<Record<FundingTargetKind, number>> | null;
  reportText: string | null;
  /** attainment score 0–100 from the verified figures (funding.rules.ts `scoreOf`) */
  score: number | null;
  grade: FundingGrade | null;
  evaluatedBy: string | null;
  evaluatedAt: Date | null;
  rectificationDeadline: Date | null;
  rectificationReport: string | null;
  rectificationReportedAt: Date | null;
  /** the regulator's decision on the rectification, or the sweep's reason */
  outcomeNote: string | null;
  decidedAt: Date | null;
}

export interface FundingProjectDetail {
  project: FundingProjectRecord;
  tranches: FundingTrancheRecord[];
  targets: FundingTargetRecord[];
  evaluations: FundingEvaluationRecord[];
  names: { owner: string | null; issuer: string | null; evaluator: string | null };
}

/** Figures LiveHub holds for a base and a calendar year; null where it holds none (the base declares them). */
export interface FundingFigures {
  gmv: number | null;
  enterprises: number | null;
  talent: number | null;
  brands: number | null;
}

export interface FundingTrancheInput {
  planYear: number;
  amountFen: number;
}

export interface FundingTargetInput {
  planYear: number;
  kind: FundingTargetKind;
  target: number;
}

export interface FundingProjectInput {
  kind: FundingProjectKind;
  name: string;
  ownerOrgId: string;
  evaluatorOrgId: string;
  startYear: number;
  budgetFen: number;
  tranches: FundingTrancheInput[];
  targets: FundingTargetInput[];
}
