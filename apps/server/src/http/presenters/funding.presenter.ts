/** 项目资金绩效评价: projects, tranches, targets and evaluations as the contracts show them (years as calendar years). */
import type { FundingEvaluationView, FundingProjectDetailView, FundingProjectView, FundingTrancheView } from '@livehub/contracts';
import {
  FUNDING_STATUS_ZH,
  type FundingEvaluationRecord,
  type FundingProjectDetail,
  type FundingProjectRecord,
  type FundingTargetRecord,
  type FundingTrancheRecord,
  GRADE_LABELS,
  TARGET_ZH,
} from '@livehub/core';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
const yearOf = (p: FundingProjectRecord, planYear: number) => p.startYear + planYear - 1;

export function presentFundingProject(p: FundingProjectRecord, ownerName: string | null, evaluatorName: string | null): FundingProjectView {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    ownerOrgId: p.ownerOrgId,
    ownerName,
    issuerOrgId: p.issuerOrgId,
    issuerDepartment: p.issuerDepartment,
    evaluatorOrgId: p.evaluatorOrgId,
    evaluatorName,
    startYear: p.startYear,
    budgetFen: p.budgetFen,
    status: p.status,
    statusLabel: FUNDING_STATUS_ZH[p.status],
    currentYear: p.currentYear,
    exitReason: p.exitReason,
    exitedAt: iso(p.exitedAt),
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentTranche(p: FundingProjectRecord, t: FundingTrancheRecord): FundingTrancheView {
  return {
    id: t.id,
    planYear: t.planYear,
    year: yearOf(p, t.planYear),
    amountFen: t.amountFen,
    status: t.status,
    paidEntryId: t.paidEntryId,
    paidAt: iso(t.paidAt),
    clawbackEntryId: t.clawbackEntryId,
    clawedBackAt: iso(t.clawedBackAt),
  };
}

export function presentTarget(p: FundingProjectRecord, t: FundingTargetRecord) {
  return { planYear: t.planYear, year: yearOf(p, t.planYear), kind: t.kind, label: TARGET_ZH[t.kind], target: t.target };
}

export function presentEvaluation(p: FundingProjectRecord, e: FundingEvaluationRecord): FundingEvaluationView {
  return {
    id: e.id,
    planYear: e.planYear,
    year: yearOf(p, e.planYear),
    status: e.status,
    selfFigures: e.selfFigures,
    selfNote: e.selfNote,
    selfAssessedAt: e.selfAssessedAt.toISOString(),
    verifiedFigures: e.verifiedFigures,
    reportText: e.reportText,
    score: e.score,
    grade: e.grade,
    gradeLabel: e.grade ? GRADE_LABELS[e.grade] : null,
    evaluatedAt: iso(e.evaluatedAt),
    rectificationDeadline: iso(e.rectificationDeadline),
    rectificationReport: e.rectificationReport,
    outcomeNote: e.outcomeNote,
    decidedAt: iso(e.decidedAt),
  };
}

export function presentFundingDetail(d: FundingProjectDetail): FundingProjectDetailView {
  const p = d.project;
  const sum = (s: FundingTrancheRecord['status'][]) => d.tranches.filter((t) => s.includes(t.status)).reduce((n, t) => n + t.amountFen, 0);
  return {
    project: presentFundingProject(p, d.names.owner, d.names.evaluator),
    issuerName: d.names.issuer,
    tranches: d.tranches.map((t) => presentTranche(p, t)),
    targets: d.targets.map((t) => presentTarget(p, t)),
    evaluations: d.evaluations.map((e) => presentEvaluation(p, e)),
    paidFen: sum(['paid', 'clawed_back']),
    clawedBackFen: sum(['clawed_back']),
  };
}
