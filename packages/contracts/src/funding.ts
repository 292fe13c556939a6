/**
 * 项目资金绩效评价 (project funding with performance evaluation): a base's three-year funded project, its yearly
 * tranches, targets, self-assessments, third-party evaluations, rectification and claw-back. docs/programmes.md.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

export const FUNDING_PROJECT_KIND_NAMES = ['cluster', 'base'] as const;
export const FUNDING_TARGET_KIND_NAMES = ['gmv', 'enterprises', 'talent', 'brands'] as const;
export const FUNDING_GRADE_NAMES = ['excellent', 'good', 'pass', 'fail'] as const;
export const FUNDING_PROJECT_STATUS_NAMES = ['planned', 'funded', 'self_assessed', 'rectifying', 'passed', 'completed', 'exited'] as const;
export const FUNDING_TRANCHE_STATUS_NAMES = ['planned', 'paid', 'clawed_back', 'cancelled'] as const;
export const FUNDING_EVALUATION_STATUS_NAMES = ['self_assessed', 'passed', 'rectifying', 'rectified', 'failed'] as const;

const fen = z.number().int().min(0).max(900_000_000_000);
const figure = z.number().int().min(0).max(900_000_000_000);
const planYear = z.number().int();
const targetKind = z.enum(FUNDING_TARGET_KIND_NAMES);
const figures = z.partialRecord(targetKind, figure);

export const fundingProjectInputSchema = z.strictObject({
  kind: z.enum(FUNDING_PROJECT_KIND_NAMES),
  name: plainText(1, 120),
  ownerOrgId: idSchema,
  evaluatorOrgId: idSchema,
  startYear: z.number().int().min(2000).max(2100),
  budgetFen: fen,
  tranches: z.array(z.strictObject({ planYear, amountFen: z.number().int() })).max(3),
  targets: z.array(z.strictObject({ planYear, kind: targetKind, target: figure })).max(12),
});
export type FundingProjectInputBody = z.infer<typeof fundingProjectInputSchema>;

export const fundingTrancheInputSchema = z.strictObject({ planYear, amountFen: z.number().int() });
export type FundingTrancheInputBody = z.infer<typeof fundingTrancheInputSchema>;
export const fundingPaySchema = z.strictObject({ trancheId: idSchema });
export const fundingSelfAssessmentSchema = z.strictObject({ figures, note: plainText(0, 2000) });
export const fundingEvaluationSchema = z.strictObject({
  verified: figures,
  report: plainText(1, 5000),
  rectificationDeadline: z.iso.datetime({ offset: true }).nullish(),
});
export const fundingRectificationReportSchema = z.strictObject({ report: plainText(1, 5000) });
export const fundingRectificationDecisionSchema = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  note: plainText(1, 2000),
});

export const fundingProjectViewSchema = z.object({
  id: z.string(),
  kind: z.enum(FUNDING_PROJECT_KIND_NAMES),
  name: z.string(),
  ownerOrgId: z.string(),
  ownerName: z.string().nullable(),
  issuerOrgId: z.string(),
  issuerDepartment: z.string(),
  evaluatorOrgId: z.string(),
  evaluatorName: z.string().nullable(),
  startYear: z.number(),
  budgetFen: z.number(),
  status: z.enum(FUNDING_PROJECT_STATUS_NAMES),
  statusLabel: z.string(),
  currentYear: z.number(),
  exitReason: z.string().nullable(),
  exitedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type FundingProjectView = z.infer<typeof fundingProjectViewSchema>;
export const fundingProjectListSchema = z.object({ items: z.array(fundingProjectViewSchema) });

export const fundingTrancheViewSchema = z.object({
  id: z.string(),
  planYear: z.number(),
  year: z.number(),
  amountFen: z.number(),
  status: z.enum(FUNDING_TRANCHE_STATUS_NAMES),
  paidEntryId: z.string().nullable(),
  paidAt: z.string().nullable(),
  clawbackEntryId: z.string().nullable(),
  clawedBackAt: z.string().nullable(),
});
export type FundingTrancheView = z.infer<typeof fundingTrancheViewSchema>;

export const fundingTargetViewSchema = z.object({
  planYear: z.number(),
  year: z.number(),
  kind: targetKind,
  label: z.string(),
  target: z.number(),
});

export const fundingEvaluationViewSchema = z.object({
  id: z.string(),
  planYear: z.number(),
  year: z.number(),
  status: z.enum(FUNDING_EVALUATION_STATUS_NAMES),
  selfFigures: z.partialRecord(targetKind, z.object({ value: z.number(), source: z.enum(['livehub', 'declared']) })),
  selfNote: z.string(),
  selfAssessedAt: z.string(),
  verifiedFigures: z.partialRecord(targetKind, z.number()).nullable(),
  reportText: z.string().nullable(),
  score: z.number().nullable(),
  grade: z.enum(FUNDING_GRADE_NAMES).nullable(),
  gradeLabel: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  rectificationDeadline: z.string().nullable(),
  rectificationReport: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type FundingEvaluationView = z.infer<typeof fundingEvaluationViewSchema>;

export const fundingProjectDetailSchema = z.object({
  project: fundingProjectViewSchema,
  issuerName: z.string().nullable(),
  tranches: z.array(fundingTrancheViewSchema),
  targets: z.array(fundingTargetViewSchema),
  evaluations: z.array(fundingEvaluationViewSchema),
  paidFen: z.number(),
  clawedBackFen: z.number(),
});
export type FundingProjectDetailView = z.infer<typeof fundingProjectDetailSchema>;

export const fundingPrefillSchema = z.object({
  planYear: z.number(),
  year: z.number(),
  targets: z.array(fundingTargetViewSchema),
  figures: z.partialRecord(targetKind, z.object({ value: z.number(), source: z.enum(['livehub', 'declared']) }).nullable()),
});
export type FundingPrefillView = z.infer<typeof fundingPrefillSchema>;

const party = z.object({ id: z.string(), name: z.string() });
export const fundingOptionsSchema = z.object({ bases: z.array(party), evaluators: z.array(party) });
export type FundingOptionsView = z.infer<typeof fundingOptionsSchema>;
