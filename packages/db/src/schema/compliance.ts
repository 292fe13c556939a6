/**
 * Compliance (技术+人工实时审核): screening, review items, violations, evidence and rule exemptions.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const screeningEvents = pgTable(
  'screening_events',
  {
    id: uuid('id').primaryKey(),
    /** the sender's own id for the event: the idempotency key, unique per sending organization */
    eventId: text('event_id').notNull(),
    sourceOrgId: uuid('source_org_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** who said or typed it when known (the chat sender, from the room gateway) */
    senderUserId: uuid('sender_user_id'),
    kind: text('kind', { enum: ['transcript', 'chat', 'product_copy', 'overlay'] }).notNull(),
    text: text('text').notNull(),
    sessionRef: text('session_ref'),
    streamerUserId: uuid('streamer_user_id'),
    merchantOrgId: uuid('merchant_org_id'),
    productRef: text('product_ref'),
    productCategory: text('product_category'),
    card: jsonb('card').$type<Record<string, number>>(),
    decision: text('decision', { enum: ['allow', 'warn', 'review', 'block'] }).notNull(),
    hitCount: integer('hit_count').notNull(),
    maxSeverity: integer('max_severity').notNull(),
    packVersion: text('pack_version').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('screening_events_source_event_uq').on(t.sourceOrgId, t.eventId),
    index('screening_events_session_idx').on(t.sessionRef, t.occurredAt),
    index('screening_events_received_idx').on(t.receivedAt),
  ],
);

export const screeningHits = pgTable(
  'screening_hits',
  {
    id: uuid('id').primaryKey(),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    ruleId: text('rule_id').notNull(),
    category: text('category').notNull(),
    severity: integer('severity').notNull(),
    action: text('action').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    matched: text('matched').notNull(),
    normalized: text('normalized').notNull(),
    basis: text('basis').notNull(),
    via: text('via').notNull(),
  },
  (t) => [index('screening_hits_event_idx').on(t.screeningEventId), index('screening_hits_category_idx').on(t.category)],
);

export const reviewItems = pgTable(
  'review_items',
  {
    id: uuid('id').primaryKey(),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    status: text('status', { enum: ['open', 'claimed', 'confirmed', 'dismissed'] }).notNull(),
    severity: integer('severity').notNull(),
    categories: text('categories').array().notNull(),
    dueAt: ts('due_at').notNull(),
    claimedBy: uuid('claimed_by'),
    claimedAt: ts('claimed_at'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    reason: text('reason'),
    createdAt: ts('created_at').notNull(),
    /**
     * hash of session + sender + kind + rules + normalized text: while an item of the group is undecided, a repeat
     * is counted on it (review_item_events) instead of opening another item; null when the event has no session
     */
    groupKey: text('group_key'),
    occurrences: integer('occurrences').notNull(),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_items_event_uq').on(t.screeningEventId),
    index('review_items_status_due_idx').on(t.status, t.dueAt),
    // one undecided item per group: the upsert of a repeat takes this index as its arbiter, on both databases
    uniqueIndex('review_items_open_group_uq').on(t.groupKey).where(sql`${t.status} in ('open', 'claimed') and ${t.groupKey} is not null`),
    check('review_items_occurrences_pos', sql`${t.occurrences} >= 1`),
  ],
);

/** Every screened event counted on a review item (the first one included): the evidence of each repeat. */
export const reviewItemEvents = pgTable(
  'review_item_events',
  {
    reviewItemId: uuid('review_item_id')
      .notNull()
      .references(() => reviewItems.id),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    occurredAt: ts('occurred_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_item_events_event_uq').on(t.screeningEventId),
    index('review_item_events_item_idx').on(t.reviewItemId, t.occurredAt),
  ],
);

export const violations = pgTable(
  'violations',
  {
    id: uuid('id').primaryKey(),
    reviewItemId: uuid('review_item_id')
      .notNull()
      .references(() => reviewItems.id),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    ruleIds: text('rule_ids').array().notNull(),
    categories: text('categories').array().notNull(),
    severity: integer('severity').notNull(),
    streamerUserId: uuid('streamer_user_id'),
    merchantOrgId: uuid('merchant_org_id'),
    productRef: text('product_ref'),
    sessionRef: text('session_ref'),
    confirmedBy: uuid('confirmed_by').notNull(),
    confirmedAt: ts('confirmed_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    uniqueIndex('violations_review_item_uq').on(t.reviewItemId),
    index('violations_streamer_idx').on(t.streamerUserId),
    index('violations_merchant_idx').on(t.merchantOrgId),
  ],
);

export const evidence = pgTable('evidence', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  id: uuid('id').notNull(),
  violationId: uuid('violation_id')
    .notNull()
    .references(() => violations.id),
  /** the original event, its context window, the hits and the rule versions, as recorded */
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  contentHash: text('content_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  createdAt: ts('created_at').notNull(),
  retainUntil: ts('retain_until').notNull(),
});

/** Exemptions added by a rule editor at run time (often from a dismissed review item), merged into the pack. */
export const ruleExemptions = pgTable(
  'rule_exemptions',
  {
    id: uuid('id').primaryKey(),
    ruleId: text('rule_id').notNull(),
    text: text('text').notNull(),
    reviewItemId: uuid('review_item_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('rule_exemptions_rule_text_uq').on(t.ruleId, t.text)],
);
