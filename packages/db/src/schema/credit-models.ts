/** The credit model's published versions (信用模型版本): the newest is in force; older ones stay for the record. */
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const creditModels = pgTable('credit_models', {
  version: text('version').primaryKey(),
  model: jsonb('model').$type<Record<string, unknown>>().notNull(),
  effectiveFrom: text('effective_from').notNull(),
  publishedBy: uuid('published_by'),
  publishedAt: ts('published_at').notNull(),
});
