/**
 * The audit chain (审计日志) and the transactional outbox every write shares.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    changeHash: text('change_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_org_idx').on(t.orgId, t.seq), index('audit_log_action_idx').on(t.action, t.seq)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull(),
    publishedAt: ts('published_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.createdAt).where(sql`${t.publishedAt} is null`)],
);
