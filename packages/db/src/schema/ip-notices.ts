/**
 * 知识产权保护 (电子商务法 Art. 42–45): rights holders' infringement notices against products (通知), the merchants'
 * counter-notices (反通知), and each notice's log. A notice moves by compare-and-set on its version; its log is
 * append-only. At most one open notice per product and brand (the takedown is one measure, not one per filing).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

const STATUSES = ['taken_down', 'countered', 'action_filed', 'restored', 'withdrawn', 'found_wrong'] as const;

export const ipNotices = pgTable(
  'ip_notices',
  {
    id: uuid('id').primaryKey(),
    noticeNo: text('notice_no').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    statusSince: ts('status_since').notNull(),
    brandId: uuid('brand_id').notNull(),
    productId: uuid('product_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    /** the brand's registered holder on the platform; null when the office filed for a holder not on it */
    holderOrgId: uuid('holder_org_id'),
    filedByRole: text('filed_by_role', { enum: ['holder', 'office'] }).notNull(),
    filedByOrgId: uuid('filed_by_org_id').notNull(),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    statement: text('statement').notNull(),
    evidenceDocumentIds: jsonb('evidence_document_ids').$type<string[]>().notNull(),
    /** whether the filing took the product off sale (false: it was not on sale then) */
    takenDown: boolean('taken_down').notNull(),
    counterStatement: text('counter_statement'),
    counterEvidenceDocumentIds: jsonb('counter_evidence_document_ids').$type<string[]>().notNull(),
    counterForwardedAt: ts('counter_forwarded_at'),
    actionDueAt: ts('action_due_at'),
    actionKind: text('action_kind', { enum: ['complaint', 'lawsuit'] }),
    actionReference: text('action_reference'),
    actionEvidenceDocumentIds: jsonb('action_evidence_document_ids').$type<string[]>().notNull(),
    closingReason: text('closing_reason'),
    filedAt: ts('filed_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('ip_notices_no_uq').on(t.noticeNo),
    uniqueIndex('ip_notices_open_uq').on(t.productId, t.brandId).where(sql`${t.status} in ('taken_down', 'countered', 'action_filed')`),
    index('ip_notices_status_idx').on(t.status, t.filedAt.desc()),
    index('ip_notices_merchant_idx').on(t.merchantOrgId, t.filedAt.desc()),
    index('ip_notices_holder_idx').on(t.filedByOrgId, t.filedAt.desc()),
    index('ip_notices_due_idx').on(t.actionDueAt).where(sql`${t.status} = 'countered'`),
  ],
);

export const ipNoticeEntries = pgTable(
  'ip_notice_entries',
  {
    id: uuid('id').primaryKey(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => ipNotices.id),
    at: ts('at').notNull(),
    role: text('role', { enum: ['holder', 'merchant', 'office', 'system'] }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: STATUSES }),
    toStatus: text('to_status', { enum: STATUSES }).notNull(),
    note: text('note'),
  },
  (t) => [index('ip_notice_entries_notice_idx').on(t.noticeId, t.at, t.id)],
);
