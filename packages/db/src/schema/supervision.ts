/**
 * 监管线索 (supervision clues): a clue about a party, product or session, raised by a detector on the event stream,
 * a credit threshold or a regulator; its log (raised, reinforced, transferred between departments, dismissed); and
 * the signals the detectors count over time windows (one row per source event: a redelivered event is a no-op).
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const clues = pgTable(
  'clues',
  {
    id: uuid('id').primaryKey(),
    rule: text('rule').notNull(),
    subjectKind: text('subject_kind', { enum: ['organization', 'user', 'product', 'live_session'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    riskLevel: integer('risk_level').notNull(),
    status: text('status', { enum: ['open', 'dismissed'] }).notNull(),
    departmentCode: text('department_code'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    evidence: jsonb('evidence').$type<Array<{ kind: string; id: string; at: string }>>().notNull(),
    signals: integer('signals').notNull(),
    /** rule + subject for a detector's clue: one open clue per key, later signals reinforce it; null for manual */
    dedupeKey: text('dedupe_key'),
    createdByUserId: uuid('created_by_user_id'),
    closingReason: text('closing_reason'),
    firstAt: ts('first_at').notNull(),
    lastAt: ts('last_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('clues_open_key_uq').on(t.dedupeKey).where(sql`${t.status} = 'open' and ${t.dedupeKey} is not null`),
    index('clues_department_idx').on(t.departmentCode, t.status, t.lastAt.desc()),
    index('clues_status_idx').on(t.status, t.lastAt.desc()),
    index('clues_subject_idx').on(t.subjectId),
  ],
);

export const clueEntries = pgTable(
  'clue_entries',
  {
    id: uuid('id').primaryKey(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    at: ts('at').notNull(),
    action: text('action', { enum: ['raised', 'reinforced', 'transferred', 'dismissed', 'reopened', 'shared', 'viewed'] }).notNull(),
    actorUserId: uuid('actor_user_id'),
    fromDepartment: text('from_department'),
    toDepartment: text('to_department'),
    note: text('note'),
  },
  (t) => [
    index('clue_entries_clue_idx').on(t.clueId, t.at, t.id),
    index('clue_entries_from_idx').on(t.fromDepartment, t.at),
    index('clue_entries_to_idx').on(t.toDepartment, t.at),
  ],
);

export const clueSignals = pgTable(
  'clue_signals',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    at: ts('at').notNull(),
    /** the fact behind it (`complaint:<id>`, `violation:<id>`…): unique, so a redelivered event counts once */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('clue_signals_source_uq').on(t.source), index('clue_signals_window_idx').on(t.kind, t.subjectId, t.at)],
);

/** 共享: a clue shown to another department of the joint office (read-only there); one row per clue and department. */
export const clueShares = pgTable(
  'clue_shares',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    departmentCode: text('department_code').notNull(),
    sharedByUserId: uuid('shared_by_user_id'),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('clue_shares_uq').on(t.clueId, t.departmentCode), index('clue_shares_department_idx').on(t.departmentCode)],
);
