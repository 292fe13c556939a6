/**
 * The settlement ledger (结算台账): accounts with their balance kept beside the entries, journal entries with a
 * unique business key, and postings in integer fen. Insert-only apart from an account's balance, version and
 * status: an entry and its postings are never updated or deleted (a reversing entry corrects a mistake).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey(),
    /** an organization or user id, or the platform's all-zero id */
    partyId: uuid('party_id').notNull(),
    kind: text('kind').notNull(),
    /** the lowest balance allowed (copied from the kind); null: none */
    floor: bigint('floor', { mode: 'number' }),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    closedAt: ts('closed_at'),
    /** 0: the account; 1…n−1: a shard of a hot account (ADR 0015) */
    shard: smallint('shard').notNull().default(0),
  },
  (t) => [
    uniqueIndex('ledger_accounts_party_kind_uq').on(t.partyId, t.kind, t.shard),
    check('ledger_accounts_floor_ck', sql`${t.floor} is null or ${t.balance} >= ${t.floor}`),
  ],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    businessKey: text('business_key').notNull(),
    kind: text('kind').notNull(),
    memo: text('memo'),
    reversesEntryId: uuid('reverses_entry_id'),
    postedAt: ts('posted_at').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_entries_business_key_uq').on(t.businessKey),
    // a day's entries of a kind (reconciliation reads the day's `order.paid` and `refund.paid`)
    index('ledger_entries_kind_posted_idx').on(t.kind, t.postedAt),
  ],
);

export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    // no foreign keys: the one writer, ledger_post() (migration 0020), inserts a posting only for an entry it has
    // just inserted and an account it holds locked; `verify` reports any orphan (ADR 0015)
    entryId: uuid('entry_id').notNull(),
    seq: integer('seq').notNull(),
    accountId: uuid('account_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    postedAt: ts('posted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.seq] }),
    // an account's lines newest first (statements, keyset paging) and the per-account sums of `verify`
    index('ledger_postings_account_idx').on(t.accountId, t.postedAt.desc(), t.entryId.desc()),
    check('ledger_postings_amount_ck', sql`${t.amount} <> 0`),
  ],
);

/** 平台服务费率: the platform's fee per category in basis points (a category without a row pays the default). */
export const platformFeeRates = pgTable('platform_fee_rates', {
  categoryId: text('category_id').primaryKey(),
  feeBp: integer('fee_bp').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * 结算单: an order's split at completion (each party's share and what refunds after completion took back), and its
 * release (T+N). The ledger holds the money; this row holds what the flows need to take back and release it.
 */
export const orderSettlements = pgTable(
  'order_settlements',
  {
    orderId: uuid('order_id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    settledFen: bigint('settled_fen', { mode: 'number' }).notNull(),
    /** [{ role, partyId, kind, amountFen, reversedFen }] */
    shares: jsonb('shares').notNull(),
    completedAt: ts('completed_at').notNull(),
    releaseDueAt: ts('release_due_at').notNull(),
    releasedAt: ts('released_at'),
    settledAt: ts('settled_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('order_settlements_release_idx').on(t.releaseDueAt).where(sql`${t.releasedAt} is null`)],
);

/** 坑位费: slot fees charged per agreement version, held until the agreement's start, then released or returned. */
export const slotFeeCharges = pgTable(
  'slot_fee_charges',
  {
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    streamerUserId: uuid('streamer_user_id').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    streamerShareBp: integer('streamer_share_bp').notNull(),
    startsAt: ts('starts_at').notNull(),
    status: text('status', { enum: ['held', 'released', 'returned'] }).notNull(),
    chargedAt: ts('charged_at').notNull(),
    settledAt: ts('settled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.version] }),
    index('slot_fee_charges_held_idx').on(t.startsAt).where(sql`${t.status} = 'held'`),
  ],
);
