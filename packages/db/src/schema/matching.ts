/**
 * 人货匹配 (docs/matching.md): what the matching context stores itself — recommendations shown (impression) and
 * opened (click), and a user's choice of the non-personalised ranking (电子商务法 第十八条). Samples, agreements and
 * sales are read from the selection center's and the orders' tables, never copied here. The trained model's factors
 * are stored by version (`match_models`) so that every server process ranks with the same one (ADR 0029).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const matchEvents = pgTable(
  'match_events',
  {
    id: uuid('id').primaryKey(),
    streamerUserId: uuid('streamer_user_id').notNull(),
    productId: uuid('product_id').notNull(),
    kind: text('kind', { enum: ['impression', 'click'] }).notNull(),
    personalised: boolean('personalised').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('match_events_at_idx').on(t.at), index('match_events_streamer_idx').on(t.streamerUserId, t.at)],
);

export const matchPreferences = pgTable('match_preferences', {
  userId: uuid('user_id').primaryKey(),
  personalised: boolean('personalised').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The trained ALS model by version: counts for the admin and the base's 匹配动态, the factors for every process. */
export const matchModels = pgTable('match_models', {
  version: integer('version').primaryKey(),
  trainedAt: ts('trained_at').notNull(),
  trigger: text('trigger', { enum: ['manual', 'schedule'] }).notNull(),
  streamers: integer('streamers').notNull(),
  products: integer('products').notNull(),
  interactions: integer('interactions').notNull(),
  pairs: integer('pairs').notNull(),
  newInteractions: integer('new_interactions').notNull(),
  dim: integer('dim').notNull(),
  /** the factors by party id (`encodeFactors` of @livehub/core: a JSON header of ids, then float32 values) */
  factors: bytea('factors').notNull(),
});

/**
 * A streamer's audience (观众画像) as an aggregate only — counts of viewers by age band (未成年 included), gender and
 * region, never a row per viewer. Fed to the engine's audience fit and its minors rule (docs/matching.md).
 */
export const matchAudiences = pgTable('match_audiences', {
  streamerUserId: uuid('streamer_user_id').primaryKey(),
  viewers: integer('viewers').notNull(),
  female: integer('female').notNull(),
  male: integer('male').notNull(),
  under18: integer('under18').notNull(),
  age18to24: integer('age18_24').notNull(),
  age25to34: integer('age25_34').notNull(),
  age35to44: integer('age35_44').notNull(),
  age45plus: integer('age45plus').notNull(),
  /** viewers by region (行政区划代码 of the province) */
  regions: jsonb('regions').$type<Record<string, number>>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * A consumer's consented real-name verification (实名认证) kept for the audience only: the birth year and the gender
 * read from the ID number, and when consent was given. Never the ID number (neither in clear nor sealed), never the
 * name: the audience needs an age band and a gender, nothing more (个人信息保护法 第六条, minimisation). Withdrawn
 * consent deletes the row. Counted into `match_audiences` on a viewer's first join of a session (docs/matching.md).
 */
export const consumerProfiles = pgTable(
  'consumer_profiles',
  {
    userId: uuid('user_id').primaryKey(),
    birthYear: integer('birth_year').notNull(),
    gender: text('gender', { enum: ['female', 'male'] }).notNull(),
    consentedAt: ts('consented_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('consumer_profiles_birth_year_ck', sql`${t.birthYear} between 1900 and 2100`),
    check('consumer_profiles_gender_ck', sql`${t.gender} in ('female', 'male')`),
  ],
);
