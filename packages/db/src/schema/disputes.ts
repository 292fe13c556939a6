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
  'regulator_closed',
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
      .where(sql`${t.status} in ('awaiting_merchant', 'negotiating', 'mediating', 'escalated', 'accepted_by_regulator')`),
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

/**
 * 赔付义务: what a resolved complaint obliges its merchant to pay the consumer, by a deadline, and how it was paid —
 * by the merchant, or advanced by the platform's fund (先行赔付) and recovered (追偿) from the merchant. One per
 * complaint. The money itself is in the ledger, under `complaint_payment:<id>:…` business keys.
 */
export const compensationObligations = pgTable(
  'compensation_obligations',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    orderId: uuid('order_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    consumerUserId: uuid('consumer_user_id').notNull(),
    remedy: text('remedy', { enum: [...CLAIMS, 'fraud_compensation'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status', { enum: ['due', 'paid_by_merchant', 'advanced', 'partially_recovered', 'recovered'] }).notNull(),
    paidByMerchantFen: bigint('paid_by_merchant_fen', { mode: 'number' }).notNull(),
    advancedFen: bigint('advanced_fen', { mode: 'number' }).notNull(),
    recoveredFromDepositFen: bigint('recovered_from_deposit_fen', { mode: 'number' }).notNull(),
    recoveredFromBalanceFen: bigint('recovered_from_balance_fen', { mode: 'number' }).notNull(),
    recoveries: integer('recoveries').notNull(),
    createdAt: ts('created_at').notNull(),
    paidAt: ts('paid_at'),
    advancedAt: ts('advanced_at'),
    recoveredAt: ts('recovered_at'),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('compensation_obligations_complaint_uq').on(t.complaintId),
    index('compensation_obligations_due_idx').on(t.dueAt).where(sql`${t.status} = 'due'`),
    index('compensation_obligations_outstanding_idx').on(t.advancedAt).where(sql`${t.status} in ('advanced', 'partially_recovered')`),
    index('compensation_obligations_merchant_idx').on(t.merchantOrgId, t.createdAt.desc()),
  ],
);
