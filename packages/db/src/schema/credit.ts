/**
 * Credit (信用): events as recorded (one per party and source; voided, never deleted), each party's current score,
 * and the tier moves over time.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

const PARTY_KINDS = ['merchant', 'streamer', 'mcn', 'base'] as const;
const TIERS = ['A', 'B', 'C', 'D'] as const;

export const creditEvents = pgTable(
  'credit_events',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    kind: text('kind').notNull(),
    at: ts('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    source: text('source').notNull(),
    voidedAt: ts('voided_at'),
    voidReason: text('void_reason'),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull(),
    /**
     * What a full recompute reads of the event, as one line of tab-separated text — party, its kind, the event's
     * kind, at in ms, id, data — kept by the database with the row (`credit_epoch_ms` is migration 0058's). Built
     * per event on every recompute it was ~40 % of reading the events on PGlite (docs/credit.md); built
     * once, when the event is written, a recompute only joins the lines. JSON text escapes tabs and newlines.
     */
    scoringLine: text('scoring_line').generatedAlwaysAs(
      sql`party_id::text || E'\\t' || party_kind || E'\\t' || kind || E'\\t' || credit_epoch_ms(at)::text || E'\\t' || id::text || E'\\t' || data::text`,
    ),
  },
  (t) => [uniqueIndex('credit_events_source_uq').on(t.partyId, t.source), index('credit_events_party_idx').on(t.partyId, t.at)],
);

export const creditScores = pgTable(
  'credit_scores',
  {
    partyId: uuid('party_id').primaryKey(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    totalCenti: integer('total_centi').notNull(),
    tier: text('tier', { enum: TIERS }).notNull(),
    modelVersion: text('model_version').notNull(),
    dimensions: jsonb('dimensions').$type<Array<{ key: string; score: number }>>().notNull(),
    computedAt: ts('computed_at').notNull(),
    tierSince: ts('tier_since').notNull(),
  },
  (t) => [
    index('credit_scores_total_idx').on(t.totalCenti, t.partyId),
    index('credit_scores_tier_idx').on(t.tier, t.totalCenti, t.partyId),
    check('credit_scores_total_ck', sql`${t.totalCenti} between 0 and 10000`),
  ],
);

export const creditTierMoves = pgTable(
  'credit_tier_moves',
  {
    id: uuid('id').primaryKey(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    fromTier: text('from_tier', { enum: TIERS }),
    toTier: text('to_tier', { enum: TIERS }).notNull(),
    totalCenti: integer('total_centi').notNull(),
    modelVersion: text('model_version').notNull(),
    reason: text('reason', { enum: ['event', 'recompute', 'appeal', 'model'] }).notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('credit_tier_moves_party_idx').on(t.partyId, t.at.desc()), index('credit_tier_moves_at_idx').on(t.at)],
);
