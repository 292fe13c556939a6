/**
 * Payouts (提现) and merchant deposits (保证金): payout requests with their sealed account details, holds on a
 * party's payouts, the payout provider's processed notifications; deposit requirements per category, deposit
 * payments through the payment provider, and deductions. The money itself is in the ledger's tables.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const payouts = pgTable(
  'payouts',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: ['merchant', 'streamer', 'mcn'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    method: text('method', { enum: ['bank', 'wechat'] }).notNull(),
    /** sealed with the PII key */
    accountNameEnc: text('account_name_enc').notNull(),
    accountNoEnc: text('account_no_enc').notNull(),
    bankName: text('bank_name'),
    status: text('status', { enum: ['pending_approval', 'processing', 'paid', 'failed', 'rejected'] }).notNull(),
    requestedBy: uuid('requested_by').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    sentAt: ts('sent_at'),
    failureReason: text('failure_reason'),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('payouts_requester_key_uq').on(t.requestedBy, t.idempotencyKey),
    index('payouts_party_idx').on(t.partyId, t.createdAt.desc()),
    index('payouts_status_idx').on(t.status, t.createdAt.desc()),
    check('payouts_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

export const payoutHolds = pgTable(
  'payout_holds',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id').notNull(),
    reason: text('reason').notNull(),
    placedBy: uuid('placed_by'),
    placedAt: ts('placed_at').notNull(),
    releasedBy: uuid('released_by'),
    releasedAt: ts('released_at'),
  },
  (t) => [uniqueIndex('payout_holds_active_uq').on(t.partyId).where(sql`${t.releasedAt} is null`)],
);

export const payoutNotifications = pgTable(
  'payout_notifications',
  {
    provider: text('provider').notNull(),
    notifyId: text('notify_id').notNull(),
    payoutId: uuid('payout_id').notNull(),
    kind: text('kind').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.notifyId] })],
);

export const depositRequirements = pgTable(
  'deposit_requirements',
  {
    categoryId: text('category_id').primaryKey(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('deposit_requirements_amount_ck', sql`${t.amountFen} > 0`)],
);

export const depositPayments = pgTable(
  'deposit_payments',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    payUrl: text('pay_url'),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    failureReason: text('failure_reason'),
    requestedBy: uuid('requested_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('deposit_payments_org_idx').on(t.merchantOrgId, t.createdAt.desc())],
);

export const depositDeductions = pgTable(
  'deposit_deductions',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('deposit_deductions_org_idx').on(t.merchantOrgId, t.createdAt.desc())],
);
