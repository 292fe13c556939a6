/**
 * The settlement ledger (结算台账): accounts with their balance kept beside the entries, journal entries with a
 * unique business key, and postings in integer fen. Insert-only apart from an account's balance, version and
 * status: an entry and its postings are never updated or deleted (a reversing entry corrects a mistake).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    uniqueIndex('ledger_accounts_party_kind_uq').on(t.partyId, t.kind),
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
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    seq: integer('seq').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
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
