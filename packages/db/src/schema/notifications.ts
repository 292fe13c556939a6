/**
 * The notification inbox (站内信): one row per item and recipient user, written when an outbox event of another
 * context reaches the inbox. The source event and the recipient make an item's identity, so a redelivered event adds
 * nothing; the partial index on the unread rows serves the header's count.
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    sourceEventId: uuid('source_event_id').notNull(),
    topic: text('topic').notNull(),
    recipientUserId: uuid('recipient_user_id').notNull(),
    recipientOrgId: uuid('recipient_org_id'),
    kind: text('kind').notNull(),
    severity: text('severity', { enum: ['info', 'action_required', 'warning'] }).notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    link: text('link').notNull(),
    dueAt: ts('due_at'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_source_recipient_uq').on(t.sourceEventId, t.recipientUserId),
    index('notifications_recipient_idx').on(t.recipientUserId, t.createdAt.desc(), t.id.desc()),
    index('notifications_unread_idx').on(t.recipientUserId, t.recipientOrgId).where(sql`${t.readAt} is null`),
  ],
);
