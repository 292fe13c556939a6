/**
 * Workflows (申报 → 审查 → …): applications, their events, joint votes, objections and documents.
 */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type', { enum: ['organization', 'streamer', 'product'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    applicantUserId: uuid('applicant_user_id').notNull(),
    applicantOrgId: uuid('applicant_org_id'),
    step: text('step').notNull(),
    status: text('status', { enum: ['in_progress', 'approved', 'rejected', 'withdrawn', 'revoked'] }).notNull(),
    round: integer('round').notNull().default(0),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    stepEnteredAt: ts('step_entered_at').notNull(),
    dueAt: ts('due_at'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('applications_kind_step_idx').on(t.kind, t.step),
    index('applications_subject_idx').on(t.subjectType, t.subjectId),
    index('applications_due_idx').on(t.dueAt),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    seq: integer('seq').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    department: text('department'),
    action: text('action').notNull(),
    fromStep: text('from_step').notNull(),
    toStep: text('to_step').notNull(),
    reason: text('reason'),
    attachments: uuid('attachments').array().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('application_events_seq_uq').on(t.applicationId, t.seq)],
);

export const jointVotes = pgTable(
  'joint_votes',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    department: text('department').notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    at: ts('at').notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('joint_votes_uq').on(t.applicationId, t.round, t.department)],
);

export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    filedBy: uuid('filed_by').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] }).notNull(),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: ts('resolved_at'),
    resolution: text('resolution'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('objections_application_idx').on(t.applicationId)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    ownerOrgId: uuid('owner_org_id'),
    ownerUserId: uuid('owner_user_id'),
    uploadedBy: uuid('uploaded_by').notNull(),
    docType: text('doc_type').notNull(),
    fileType: text('file_type', { enum: ['pdf', 'jpeg', 'png'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    filename: text('filename').notNull(),
    expiresAt: ts('expires_at'),
    retainUntil: ts('retain_until').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('documents_owner_org_idx').on(t.ownerOrgId), index('documents_owner_user_idx').on(t.ownerUserId)],
);

export const applicationDocuments = pgTable(
  'application_documents',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    docType: text('doc_type').notNull(),
  },
  (t) => [uniqueIndex('application_documents_uq').on(t.applicationId, t.documentId)],
);
