/**
 * 项目资金绩效评价's pure rules: the budget check of tranches, the grade from target attainment, the project's state
 * machine and what is clawed back on exit. No I/O. docs/programmes.md § Project funding.
 */
import { AppError } from '../errors.ts';
import {
  type FundingGrade,
  type FundingProjectStatus,
  type FundingTargetKind,
  type FundingTrancheRecord,
  PLAN_YEARS,
} from './funding.types.ts';

/** Refuses a plan year outside 1…3 (field named). */
export function checkPlanYear(planYear: number, field: string): void {
  if (!Number.isInteger(planYear) || planYear < 1 || planYear > PLAN_YEARS)
    throw new AppError('funding.bad_year', { field, details: { years: PLAN_YEARS } });
}

/**
 * The budget check: the tranches that hold money or will (planned, paid — not cancelled, not clawed back) plus the new
 * ones must stay within the budget. Refused with the field of the first tranche that crosses it.
 */
export function checkTranches(
  budgetFen: number,
  existing: ReadonlyArray<Pick<FundingTrancheRecord, 'amountFen' | 'status'>>,
  added: ReadonlyArray<{ planYear: number; amountFen: number }>,
  fieldPrefix: string,
): void {
  let sum = existing.filter((t) => t.status === 'planned' || t.status === 'paid').reduce((n, t) => n + t.amountFen, 0);
  added.forEach((t, i) => {
    const field = added.length === 1 && fieldPrefix === '' ? 'amountFen' : `${fieldPrefix}${i}.amountFen`;
    checkPlanYear(t.planYear, field.replace('amountFen', 'planYear'));
    if (!Number.isSafeInteger(t.amountFen) || t.amountFen <= 0) throw new AppError('funding.bad_amount', { field });
    sum += t.amountFen;
    if (sum > budgetFen) throw new AppError('funding.over_budget', { field, details: { budget: yuan(budgetFen), total: yuan(sum) } });
  });
}

/** ¥ with two decimals, for messages. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

/**
 * The attainment score, 0–100: per target min(actual ÷ target, 1) in basis points (floored), averaged over the
 * year's targets and floored to a whole point. A target with no figure counts 0; over-achieving one target does
 * not make up for missing another. No targets: 100.
 */
export function scoreOf(
  targets: ReadonlyArray<{ kind: FundingTargetKind; target: number }>,
  actual: Partial<Record<FundingTargetKind, number>>,
): number {
  if (targets.length === 0) return 100;
  let bp = 0;
  for (const t of targets) {
    const a = actual[t.kind] ?? 0;
    bp += t.target <= 0 ? 10_000 : Math.min(10_000, Math.floor((Math.max(0, a) * 10_000) / t.target));
  }
  return Math.floor(bp / targets.length / 100);
}

/** Grade thresholds (分级管理): 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, otherwise 不合格. */
export function gradeOf(score: number): FundingGrade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'pass';
  return 'fail';
}

export const GRADE_LABELS: Record<FundingGrade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export type FundingEvent = 'pay' | 'self_assess' | 'grade_pass' | 'grade_fail' | 'rectify_accept' | 'rectify_fail';

/**
 * The state machine. `pay` from planned (year 1) or passed (the next year); `self_assess` from funded; a grade
 * from self_assessed only; the rectification's outcome from rectifying only. A pass of the last plan year completes
 * the project. Anything else: null (the service answers 409 with its own code).
 */
export function nextStatus(from: FundingProjectStatus, event: FundingEvent, lastYear: boolean): FundingProjectStatus | null {
  switch (event) {
    case 'pay':
      return from === 'planned' || from === 'passed' ? 'funded' : null;
    case 'self_assess':
      return from === 'funded' ? 'self_assessed' : null;
    case 'grade_pass':
      return from === 'self_assessed' ? (lastYear ? 'completed' : 'passed') : null;
    case 'grade_fail':
      return from === 'self_assessed' ? 'rectifying' : null;
    case 'rectify_accept':
      return from === 'rectifying' ? (lastYear ? 'completed' : 'passed') : null;
    case 'rectify_fail':
      return from === 'rectifying' ? 'exited' : null;
  }
}

/** How long a failed project has to rectify (整改期限) unless the evaluator sets another: 90 days. */
export const RECTIFICATION_DAYS = 90;

/**
 * What an exit claws back (收回资金): every tranche paid for the failed plan year, in full (a reversing ledger entry
 * each); tranches still planned are cancelled. Tranches of earlier years stay: those years passed their own
 * evaluation (a later year is never paid before the one before it passed). Returns the tranches and the total.
 */
export function clawbackOf(
  tranches: readonly FundingTrancheRecord[],
  failedYear: number,
): { clawBack: FundingTrancheRecord[]; cancel: FundingTrancheRecord[]; totalFen: number } {
  const clawBack = tranches.filter((t) => t.status === 'paid' && t.planYear >= failedYear);
  const cancel = tranches.filter((t) => t.status === 'planned');
  return { clawBack, cancel, totalFen: clawBack.reduce((n, t) => n + t.amountFen, 0) };
}

/** The next tranche to pay: the planned tranche of the next plan year (in year order), if any. */
export function nextTranche(tranches: readonly FundingTrancheRecord[], currentYear: number): FundingTrancheRecord | null {
  return (
    tranches.filter((t) => t.status === 'planned' && t.planYear === currentYear + 1).sort((a, b) => a.id.localeCompare(b.id))[0] ?? null
  );
}
