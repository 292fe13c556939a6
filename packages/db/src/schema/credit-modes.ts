/**
 * The credit context's enforcement modes (包容审慎监管): the settings (one current row of validated JSON), 监管沙盒
 * cohorts and their members (removal keeps the row), training tasks (one per waived violation) and clues of
 * 触发式监管 (the latest per party and trigger is what dedupes them).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

const PARTY_KINDS = ['merchant', 'streamer', 'mcn', 'base'] as const;

export const creditModeSettings = pgTable('credit_mode_settings', {
  key: text('key').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

export const creditCohorts = pgTable(
  'credit_cohorts',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    relax: jsonb('relax').$type<Array<{ category: string; mode: 'waive' | 'halve' }>>().notNull(),
    extraSampling: boolean('extra_sampling').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [check('credit_cohorts_span_ck', sql`${t.endsAt} > ${t.startsAt}`), index('credit_cohorts_created_idx').on(t.createdAt)],
);

export const creditCohortMembers = pgTable(
  'credit_cohort_members',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => creditCohorts.id),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    addedAt: ts('added_at').notNull(),
    addedBy: uuid('added_by'),
    removedAt: ts('removed_at'),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.partyId] }), index('credit_cohort_members_party_idx').on(t.partyId)],
);

export const creditTrainingTasks = pgTable(
  'credit_training_tasks',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    eventId: uuid('event_id').notNull(),
    category: text('category').notNull(),
    severity: integer('severity').notNull(),
    hours: integer('hours').notNull(),
    status: text('status', { enum: ['open', 'completed'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    dueAt: ts('due_at').notNull(),
    completedAt: ts('completed_at'),
    completionEventId: uuid('completion_event_id'),
  },
  (t) => [
    uniqueIndex('credit_training_tasks_event_uq').on(t.eventId),
    index('credit_training_tasks_party_idx').on(t.partyId, t.createdAt.desc()),
  ],
);

export const creditClues = pgTable(
  'credit_clues',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    trigger: text('trigger', { enum: ['violations', 'tier_d', 'refund_overdue'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    raisedAt: ts('raised_at').notNull(),
  },
  (t) => [
    index('credit_clues_party_idx').on(t.partyId, t.trigger, t.raisedAt.desc()),
    index('credit_clues_raised_idx').on(t.raisedAt.desc()),
  ],
);
