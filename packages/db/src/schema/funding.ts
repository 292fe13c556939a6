/**
 * 项目资金绩效评价 (programmes): funded projects of bases (集聚区 / 基地) with a three-year plan, their yearly tranches
 * (each paid by one ledger entry and clawed back by its reversal), their targets per plan year, and one evaluation
 * per plan year (自查自评, 第三方评估, 整改). Plan years are 1–3 (the calendar year is start_year + plan_year − 1), so
 * "within the plan" is a column check. The sum of a project's tranches within its budget is checked by the service
 * on the locked project row (a check constraint cannot sum rows). docs/programmes.md § Project funding, ADR 0036.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const fundingProjects = pgTable(
  'funding_projects',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['cluster', 'base'] }).notNull(),
    name: text('name').notNull(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    issuerOrgId: uuid('issuer_org_id').notNull(),
    issuerDepartment: text('issuer_department').notNull(),
    evaluatorOrgId: uuid('evaluator_org_id').notNull(),
    startYear: integer('start_year').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    status: text('status', {
      enum: ['planned', 'funded', 'self_assessed', 'rectifying', 'passed', 'completed', 'exited'],
    }).notNull(),
    currentYear: integer('current_year').notNull(),
    exitReason: text('exit_reason'),
    exitedAt: ts('exited_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('funding_projects_issuer_idx').on(t.issuerOrgId, t.createdAt),
    index('funding_projects_owner_idx').on(t.ownerOrgId),
    index('funding_projects_evaluator_idx').on(t.evaluatorOrgId),
    check('funding_projects_budget_ck', sql`${t.budgetFen} > 0`),
    check('funding_projects_year_ck', sql`${t.currentYear} between 0 and 3 and ${t.startYear} between 2000 and 2100`),
    check(
      'funding_projects_status_ck',
      sql`${t.status} in ('planned', 'funded', 'self_assessed', 'rectifying', 'passed', 'completed', 'exited')`,
    ),
  ],
);

export const fundingTranches = pgTable(
  'funding_tranches',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => fundingProjects.id),
    planYear: integer('plan_year').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['planned', 'paid', 'clawed_back', 'cancelled'] }).notNull(),
    paidEntryId: uuid('paid_entry_id'),
    paidAt: ts('paid_at'),
    clawbackEntryId: uuid('clawback_entry_id'),
    clawedBackAt: ts('clawed_back_at'),
  },
  (t) => [
    uniqueIndex('funding_tranches_year_uq').on(t.projectId, t.planYear),
    check('funding_tranches_amount_ck', sql`${t.amountFen} > 0`),
    check('funding_tranches_year_ck', sql`${t.planYear} between 1 and 3`),
    check('funding_tranches_status_ck', sql`${t.status} in ('planned', 'paid', 'clawed_back', 'cancelled')`),
    // paid and clawed-back tranches name their ledger entries
    check(
      'funding_tranches_entries_ck',
      sql`(${t.status} in ('planned', 'cancelled') or ${t.paidEntryId} is not null) and (${t.status} <> 'clawed_back' or ${t.clawbackEntryId} is not null)`,
    ),
  ],
);

export const fundingTargets = pgTable(
  'funding_targets',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => fundingProjects.id),
    planYear: integer('plan_year').notNull(),
    kind: text('kind', { enum: ['gmv', 'enterprises', 'talent', 'brands'] }).notNull(),
    target: bigint('target', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('funding_targets_kind_uq').on(t.projectId, t.planYear, t.kind),
    check('funding_targets_value_ck', sql`${t.target} > 0`),
    check('funding_targets_year_ck', sql`${t.planYear} between 1 and 3`),
    check('funding_targets_kind_ck', sql`${t.kind} in ('gmv', 'enterprises', 'talent', 'brands')`),
  ],
);

export const fundingEvaluations = pgTable(
  'funding_evaluations',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => fundingProjects.id),
    planYear: integer('plan_year').notNull(),
    status: text('status', { enum: ['self_assessed', 'passed', 'rectifying', 'rectified', 'failed'] }).notNull(),
    selfFigures: jsonb('self_figures').$type<Record<string, { value: number; source: 'livehub' | 'declared' }>>().notNull(),
    selfNote: text('self_note').notNull(),
    selfAssessedBy: uuid('self_assessed_by').notNull(),
    selfAssessedAt: ts('self_assessed_at').notNull(),
    evaluatorOrgId: uuid('evaluator_org_id').notNull(),
    verifiedFigures: jsonb('verified_figures').$type<Record<string, number>>(),
    reportText: text('report_text'),
    score: integer('score'),
    grade: text('grade', { enum: ['excellent', 'good', 'pass', 'fail'] }),
    evaluatedBy: uuid('evaluated_by'),
    evaluatedAt: ts('evaluated_at'),
    rectificationDeadline: ts('rectification_deadline'),
    rectificationReport: text('rectification_report'),
    rectificationReportedAt: ts('rectification_reported_at'),
    outcomeNote: text('outcome_note'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('funding_evaluations_year_uq').on(t.projectId, t.planYear),
    index('funding_evaluations_deadline_idx').on(t.status, t.rectificationDeadline),
    check('funding_evaluations_year_ck', sql`${t.planYear} between 1 and 3`),
    check('funding_evaluations_score_ck', sql`${t.score} is null or ${t.score} between 0 and 100`),
    check('funding_evaluations_grade_ck', sql`${t.grade} is null or ${t.grade} in ('excellent', 'good', 'pass', 'fail')`),
    check('funding_evaluations_status_ck', sql`${t.status} in ('self_assessed', 'passed', 'rectifying', 'rectified', 'failed')`),
    // a rectification has its deadline
    check('funding_evaluations_deadline_ck', sql`${t.status} <> 'rectifying' or ${t.rectificationDeadline} is not null`),
  ],
);
