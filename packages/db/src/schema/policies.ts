/**
 * 政策服务包 (policies): policies as data — issuer department, eligibility conditions (JSON in the condition
 * language of core/policies/condition.rules.ts), benefit, window, documents — and the applications made for them,
 * each carried by an approval-engine application (`workflow_application_id`). A subject has at most one open
 * application (in review or returned) per policy: the partial unique index says so. docs/programmes.md.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey(),
    issuerOrgId: uuid('issuer_org_id').notNull(),
    issuerDepartment: text('issuer_department').notNull(),
    kind: text('kind', { enum: ['enterprise', 'talent'] }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    basis: text('basis').notNull(),
    conditions: jsonb('conditions').$type<unknown>().notNull(),
    benefit: jsonb('benefit').$type<unknown>().notNull(),
    applyFrom: ts('apply_from'),
    applyUntil: ts('apply_until'),
    documents: jsonb('documents').$type<string[]>().notNull(),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] }).notNull(),
    publishedAt: ts('published_at'),
    withdrawnAt: ts('withdrawn_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('policies_issuer_idx').on(t.issuerOrgId, t.createdAt), index('policies_status_idx').on(t.status, t.kind)],
);

export const policyApplications = pgTable(
  'policy_applications',
  {
    id: uuid('id').primaryKey(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    workflowApplicationId: uuid('workflow_application_id').notNull(),
    applicantUserId: uuid('applicant_user_id').notNull(),
    applicantOrgId: uuid('applicant_org_id'),
    subjectType: text('subject_type', { enum: ['organization', 'streamer'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    status: text('status', { enum: ['in_review', 'returned', 'granted', 'rejected', 'withdrawn'] }).notNull(),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    declared: jsonb('declared').$type<Record<string, unknown>>().notNull(),
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    requestedFen: bigint('requested_fen', { mode: 'number' }),
    grantedFen: bigint('granted_fen', { mode: 'number' }),
    decisionReason: text('decision_reason'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('policy_applications_workflow_uq').on(t.workflowApplicationId),
    uniqueIndex('policy_applications_open_uq').on(t.policyId, t.subjectId).where(sql`status in ('in_review', 'returned')`),
    index('policy_applications_subject_idx').on(t.subjectId, t.createdAt),
    index('policy_applications_policy_idx').on(t.policyId, t.createdAt),
  ],
);
