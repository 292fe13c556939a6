/**
 * 共享直播间 (programmes): the studios a live base shares, and their bookings. Two bookings of one studio may not
 * overlap while either holds the slot (booked / checked_in): the exclusion constraint `studio_bookings_no_overlap`
 * says so in the database — drizzle cannot express EXCLUDE, so it is hand-written in the migration after the
 * generated SQL (with `CREATE EXTENSION btree_gist`). docs/programmes.md.
 */
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** One weekday's opening hours in China time, minutes since midnight; null = closed that day. Monday first. */
export type OpeningHoursColumn = Array<{ open: number; close: number } | null>;

export const studios = pgTable(
  'studios',
  {
    id: uuid('id').primaryKey(),
    baseOrgId: uuid('base_org_id').notNull(),
    name: text('name').notNull(),
    equipment: jsonb('equipment').$type<string[]>().notNull(),
    openingHours: jsonb('opening_hours').$type<OpeningHoursColumn>().notNull(),
    pricePerHourFen: integer('price_per_hour_fen').notNull(),
    active: boolean('active').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('studios_base_name_uq').on(t.baseOrgId, t.name), index('studios_active_idx').on(t.active, t.baseOrgId)],
);

export const studioBookings = pgTable(
  'studio_bookings',
  {
    id: uuid('id').primaryKey(),
    studioId: uuid('studio_id')
      .notNull()
      .references(() => studios.id),
    baseOrgId: uuid('base_org_id').notNull(),
    bookerUserId: uuid('booker_user_id').notNull(),
    bookerOrgId: uuid('booker_org_id'),
    bookerRole: text('booker_role', { enum: ['mcn_manager', 'streamer', 'merchant_staff'] }).notNull(),
    /** who the no-show tally counts against: the MCN or merchant organization, or the streamer */
    partyId: uuid('party_id').notNull(),
    purpose: text('purpose').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: text('status', { enum: ['booked', 'checked_in', 'cancelled', 'late_cancelled', 'no_show'] }).notNull(),
    priceFen: integer('price_fen').notNull(),
    /** the live session held in the studio, chosen by the booker at check-in */
    sessionId: uuid('session_id'),
    checkedInAt: ts('checked_in_at'),
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('studio_bookings_studio_idx').on(t.studioId, t.startsAt),
    index('studio_bookings_base_idx').on(t.baseOrgId, t.startsAt),
    index('studio_bookings_party_idx').on(t.partyId, t.startsAt),
    index('studio_bookings_booker_idx').on(t.bookerUserId, t.startsAt.desc()),
    index('studio_bookings_status_idx').on(t.status, t.startsAt),
  ],
);
