/** The inbox's storage port. */
import type { NotificationListQuery, NotificationRecord } from './notifications.types.ts';

/** Whose inbox: the user's own items, and those addressed to the organization the user acts for (null: none). */
export interface InboxScope {
  userId: string;
  orgId: string | null;
}

export interface NotificationRepository {
  /** Inserts the items not stored yet (same source event and recipient: skipped); returns those inserted. */
  insertMany(items: NotificationRecord[]): Promise<NotificationRecord[]>;
  /** The recipient's items, newest first (created_at, id), after the keyset `before`/`beforeId`. */
  listFor(scope: InboxScope, q: NotificationListQuery): Promise<NotificationRecord[]>;
  countUnread(scope: InboxScope): Promise<number>;
  /** Marks one of the recipient's items read; null when the user has no such item. Already read: kept as it was. */
  markRead(scope: InboxScope, id: string, at: Date): Promise<NotificationRecord | null>;
  /** Marks every unread item of the recipient read; the number marked. */
  markAllRead(scope: InboxScope, at: Date): Promise<number>;
}
