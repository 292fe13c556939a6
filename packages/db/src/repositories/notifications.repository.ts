/** Drizzle implementation of the inbox's port (notifications). */
import type { InboxScope, NotificationListQuery, NotificationRecord, NotificationRepository } from '@livehub/core';
import { and, count, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { notifications as n } from '../schema/notifications.ts';
import { newestFirst, olderThan } from './keyset.ts';

/** The user's own items and those addressed to the organization the user acts for. */
function mine(scope: InboxScope): SQL {
  const org = scope.orgId ? or(isNull(n.recipientOrgId), eq(n.recipientOrgId, scope.orgId)) : isNull(n.recipientOrgId);
  return and(eq(n.recipientUserId, scope.userId), org) as SQL;
}

export class DrizzleNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Db) {}

  async insertMany(items: NotificationRecord[]): Promise<NotificationRecord[]> {
    if (items.length === 0) return [];
    const rows = await this.db
      .insert(n)
      .values(items)
      .onConflictDoNothing({ target: [n.sourceEventId, n.recipientUserId] })
      .returning({ id: n.id });
    const stored = new Set(rows.map((r) => r.id));
    return items.filter((i) => stored.has(i.id));
  }

  async listFor(scope: InboxScope, q: NotificationListQuery): Promise<NotificationRecord[]> {
    const where: Array<SQL | undefined> = [mine(scope), olderThan(n.createdAt, n.id, q.before, q.beforeId)];
    if (q.unread === true) where.push(isNull(n.readAt));
    if (q.kind) where.push(eq(n.kind, q.kind));
    return (await this.db
      .select()
      .from(n)
      .where(and(...where))
      .orderBy(...newestFirst(n.createdAt, n.id))
      .limit(q.limit)) as NotificationRecord[];
  }

  async countUnread(scope: InboxScope): Promise<number> {
    const [row] = await this.db
      .select({ c: count() })
      .from(n)
      .where(and(mine(scope), isNull(n.readAt)));
    return Number(row?.c ?? 0);
  }

  async markRead(scope: InboxScope, id: string, at: Date): Promise<NotificationRecord | null> {
    const [updated] = await this.db
      .update(n)
      .set({ readAt: at })
      .where(and(eq(n.id, id), mine(scope), isNull(n.readAt)))
      .returning();
    if (updated) return updated as NotificationRecord;
    const [row] = await this.db
      .select()
      .from(n)
      .where(and(eq(n.id, id), mine(scope)))
      .limit(1);
    return (row as NotificationRecord | undefined) ?? null;
  }

  async markAllRead(scope: InboxScope, at: Date): Promise<number> {
    const rows = await this.db
      .update(n)
      .set({ readAt: at })
      .where(and(mine(scope), isNull(n.readAt)))
      .returning({ id: n.id });
    return rows.length;
  }
}
