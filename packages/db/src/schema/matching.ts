/**
 * 人货匹配 (docs/matching.md): what the matching context stores itself — recommendations shown (impression) and
 * opened (click), and a user's choice of the non-personalised ranking (电子商务法 第十八条). Samples, agreements and
 * sales are read from the selection center's and the orders' tables, never copied here.
 */
import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
