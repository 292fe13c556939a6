/**
 * Complaints (投诉 / ODR) and their timeline: a complaint names its order, consumer, merchant and the streamer the
 * order is attributed to, the claim, the current step with its deadline and the outcome; evidence is a list of
 * document-store ids. One open complaint per order.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

const STATUSES = [
  'awaiting_merchant',
  'negotiating',
  'mediating',
  'escalated',
  'accepted_by_regulator',
  'refused_by_regulator',
  'resolved',
  'dismissed',
  'withdrawn',
  'mediation_failed',
] as const;
const CLAIMS = ['refund', 'return', 'compensation'] as const;

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    consumerUserId: uuid('consumer_user_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    streamerUserId: uuid('streamer_user_id'),
    liveSessionId: uuid('live_session_id'),
    category: text('category', {
      enum: ['quality', 'not_as_described', 'false_advertising', 'refund_refused', 'fraud', 'personal_data'],
    }).notNull(),
    claimKind: text('claim_kind', { enum: CLAIMS }).notNull(),
    claimAmountFen: bigint('claim_amount_fen', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    evidenceDocumentIds: jsonb('evidence_document_ids').$type<string[]>().notNull(),
    contactPhoneEnc: text('contact_phone_enc'),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    statusSince: ts('status_since').notNull(),
    dueAt: ts('due_at'),
    answer: text('answer', { enum: ['accept', 'counter', 'reject'] }),
    offerKind: text('offer_kind', { enum: CLAIMS }),
    offerAmountFen: bigint('offer_amount_fen', { mode: 'number' }),
    outcomeRemedy: text('outcome_remedy', { enum: [...CLAIMS, 'fraud_compensation'] }),
    outcomeAmountFen: bigint('outcome_amount_fen', { mode: 'number' }),
    upheld: boolean('upheld'),
    closingReason: text('closing_reason'),
    filedAt: ts('filed_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    // one open complaint per order, whatever two requests race
    uniqueIndex('complaints_open_order_uq')
      .on(t.orderId)
      .where(sql`${t.status} in ('awaiting_merchant', 'negotiating', 'mediating', 'escalated')`),
    index('complaints_consumer_idx').on(t.consumerUserId, t.filedAt.desc()),
    index('complaints_merchant_idx').on(t.merchantOrgId, t.filedAt.desc()),
    index('complaints_status_idx').on(t.status, t.filedAt.desc()),
    index('complaints_due_idx').on(t.dueAt).where(sql`${t.dueAt} is not null`),
  ],
);

export const complaintEntries = pgTable(
  'complaint_entries',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: ts('at').notNull(),
    role: text('role', { enum: ['consumer', 'merchant', 'mediator', 'regulator', 'system'] }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: STATUSES }),
    toStatus: text('to_status', { enum: STATUSES }).notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('complaint_entries_complaint_idx').on(t.complaintId, t.at, t.id)],
);
