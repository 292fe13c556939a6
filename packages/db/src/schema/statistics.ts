/**
 * 统计分析 (docs/supervision.md, "Statistics against targets"): the facts each source event contributes (one row per
 * order line, live session, complaint and confirmed violation — replaced, never added twice, so a redelivered event
 * changes nothing), the daily rollup (day × district × base × category) and the monthly one the year pages read, the parties active in a month,
 * the targets as data, and the monthly reports generated on schedule.
 */
import { bigint, customType, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/** The dimensions and figures every statistics row carries (a fresh set of column builders per table). */
const dimensionsAndFigures = () => ({
  district: text('district').notNull(),
  baseId: text('base_id').notNull(),
  category: text('category').notNull(),
  gmvFen: bigint('gmv_fen', { mode: 'number' }).notNull(),
  orders: integer('orders').notNull(),
  refundFen: bigint('refund_fen', { mode: 'number' }).notNull(),
  physicalFen: bigint('physical_fen', { mode: 'number' }).notNull(),
  sessions: integer('sessions').notNull(),
  complaints: integer('complaints').notNull(),
  violations: integer('violations').notNull(),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const statsFacts = pgTable(
  'stats_facts',
  {
    /** `order_line:<order>:<line>`, `session:<id>`, `complaint:<id>`, `violation:<id>` */
    source: text('source').primaryKey(),
    /** the order (or session, complaint, violation) it belongs to, to replace an order's lines together */
    ref: uuid('ref').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...dimensionsAndFigures(),
    merchantOrgId: uuid('merchant_org_id'),
    streamerUserId: uuid('streamer_user_id'),
  },
  (t) => [index('stats_facts_ref_idx').on(t.ref)],
);

export const statsDaily = pgTable(
  'stats_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ...dimensionsAndFigures(),
  },
  (t) => [primaryKey({ columns: [t.day, t.district, t.baseId, t.category] })],
);

/** The same figures by month (the first day of the month): what the year pages read. */
export const statsMonthly = pgTable(
  'stats_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    ...dimensionsAndFigures(),
  },
  (t) => [primaryKey({ columns: [t.month, t.district, t.baseId, t.category] })],
);

export const statsActive = pgTable(
  'stats_active',
  {
    /** the first day of the month */
    month: date('month', { mode: 'string' }).notNull(),
    district: text('district').notNull(),
    baseId: text('base_id').notNull(),
    category: text('category').notNull(),
    partyKind: text('party_kind', { enum: ['merchant', 'streamer'] }).notNull(),
    partyId: uuid('party_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.district, t.baseId, t.category, t.partyKind, t.partyId] }),
    index('stats_active_party_idx').on(t.partyId, t.month),
  ],
);

/**
 * The distinct active parties, counted as they first appear: per month (`YYYY-MM`) or year (`YYYY`), per district
 * and top-level category ('*': all). Kept by the refresh (a party new to a period, district or category adds one),
 * so the page reads counts instead of counting distinct parties.
 */
export const statsActiveCounts = pgTable(
  'stats_active_counts',
  {
    period: text('period').notNull(),
    district: text('district').notNull(),
    category: text('category').notNull(),
    partyKind: text('party_kind', { enum: ['merchant', 'streamer'] }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.district, t.category, t.partyKind] })],
);

export const statsTargets = pgTable(
  'stats_targets',
  {
    id: text('id').primaryKey(),
    /** who set it: province / city / district, and where */
    scope: text('scope', { enum: ['province', 'city', 'district'] }).notNull(),
    region: text('region').notNull(),
    year: integer('year').notNull(),
    metric: text('metric').notNull(),
    /** fen for money, a count otherwise; null when the source states the goal without a figure */
    value: bigint('value', { mode: 'number' }),
    title: text('title').notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('stats_targets_scope_year_metric_uq').on(t.scope, t.region, t.year, t.metric)],
);

export const statsReports = pgTable('stats_reports', {
  /** the first day of the month it covers */
  month: date('month', { mode: 'string' }).primaryKey(),
  generatedAt: ts('generated_at').notNull(),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  xlsx: bytea('xlsx').notNull(),
});
