/**
 * Reports (举报, disputes context): anyone's report about a live room, a product, an organization or a user. The
 * reporter is a user id (signed in) or a tracking code's hash (anonymous); the phone is sealed by the PII vault.
 */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    targetKind: text('target_kind', { enum: ['live_session', 'product', 'organization', 'user'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    /** who the report is about, resolved at filing */
    subjectOrgId: uuid('subject_org_id'),
    subjectUserId: uuid('subject_user_id'),
    category: text('category', {
      enum: ['false_advertising', 'prohibited_goods', 'vulgar', 'fraud', 'infringement', 'minors', 'other'],
    }).notNull(),
    description: text('description').notNull(),
    evidenceDocumentIds: jsonb('evidence_document_ids').$type<string[]>().notNull(),
    reporterUserId: uuid('reporter_user_id'),
    contactPhoneEnc: text('contact_phone_enc'),
    /** SHA-256 of the anonymous reporter's tracking code */
    trackingCodeHash: text('tracking_code_hash'),
    status: text('status', { enum: ['received', 'under_review', 'substantiated', 'unsubstantiated', 'referred'] }).notNull(),
    outcome: text('outcome'),
    handledBy: uuid('handled_by'),
    handledAt: ts('handled_at'),
    reviewItemId: uuid('review_item_id'),
    filedAt: ts('filed_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('reports_tracking_uq').on(t.trackingCodeHash),
    index('reports_reporter_idx').on(t.reporterUserId, t.filedAt.desc()),
    index('reports_subject_org_idx').on(t.subjectOrgId, t.status),
    index('reports_subject_user_idx').on(t.subjectUserId, t.status),
    index('reports_status_idx').on(t.status, t.filedAt.desc()),
    /** the monitoring wall: reports about a live room, and reports filed today */
    index('reports_target_idx').on(t.targetId, t.filedAt),
    index('reports_filed_idx').on(t.filedAt),
  ],
);
