/**
 * Reconciliation (对账): one run per day of the provider's trade bill against the platform's payments, refunds and
 * ledger, and the differences it found, each with the resolution finance recorded. A rerun of the day replaces its
 * open differences; a resolved one stays (unique on the day and the difference's fingerprint).
 */
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const reconciliationRuns = pgTable(
  'reconciliation_runs',
  {
    id: uuid('id').primaryKey(),
    /** YYYY-MM-DD, China time */
    day: text('day').notNull(),
    provider: text('provider').notNull(),
    billRows: integer('bill_rows').notNull(),
    matched: integer('matched').notNull(),
    differences: integer('differences').notNull(),
    billPaymentsFen: bigint('bill_payments_fen', { mode: 'number' }).notNull(),
    billRefundsFen: bigint('bill_refunds_fen', { mode: 'number' }).notNull(),
    billFeesFen: bigint('bill_fees_fen', { mode: 'number' }).notNull(),
    runs: integer('runs').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at').notNull(),
  },
  (t) => [uniqueIndex('reconciliation_runs_day_uq').on(t.day)],
);

export const reconciliationItems = pgTable(
  'reconciliation_items',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => reconciliationRuns.id),
    day: text('day').notNull(),
    type: text('type', {
      enum: ['long', 'short', 'missing_notification', 'amount_mismatch', 'duplicate', 'unposted'],
    }).notNull(),
    refKind: text('ref_kind', { enum: ['payment', 'refund'] }).notNull(),
    /** the platform's payment or refund id as the bill names it (an unknown one may not be a uuid) */
    refId: text('ref_id').notNull(),
    orderId: uuid('order_id'),
    providerRef: text('provider_ref'),
    billFen: bigint('bill_fen', { mode: 'number' }),
    ourFen: bigint('our_fen', { mode: 'number' }),
    cause: text('cause').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: ts('resolved_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('reconciliation_items_day_fp_uq').on(t.day, t.fingerprint), index('reconciliation_items_run_idx').on(t.runId)],
);
