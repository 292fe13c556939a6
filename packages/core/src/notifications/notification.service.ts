/**
 * 站内信: turns the outbox events of the other contexts into inbox items (one per recipient user, once however often
 * the event is redelivered), hands new items to the delivery channels, and serves a user's inbox: the list, the
 * unread count, marking read.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { OutboxEvent } from '../outbox/outbox.dispatcher.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameQuery, NameReader } from '../shared/name-directory.ts';
import { NOTIFICATION_FEED, type NotificationDraft } from './notification-feed.rules.ts';
import type { NotificationChannel, NotificationMemberDirectory } from './notification-channel.port.ts';
import type { InboxScope } from './notifications.repository.ts';
import type { NotificationListQuery, NotificationPage, NotificationRecord } from './notifications.types.ts';

export interface NotificationDeps {
  uow: ScopedUnitOfWork<'notifications' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  members: NotificationMemberDirectory;
  /** besides the inbox: SMS, WeChat templates… (asked once per new item) */
  channels?: NotificationChannel[];
  /** a channel that failed (the item stays in the inbox; the outbox does not retry a channel) */
  onChannelError?: (channel: string, item: NotificationRecord, error: unknown) => void;
}

export class NotificationService {
  constructor(private readonly d: NotificationDeps) {}

  /** The topics the inbox listens to. */
  static topics(): string[] {
    return Object.keys(NOTIFICATION_FEED);
  }

  /** An outbox event becomes the inbox items of its recipients; returns the items stored (none on redelivery). */
  async deliver(event: OutboxEvent): Promise<NotificationRecord[]> {
    const rule = NOTIFICATION_FEED[event.topic];
    if (!rule) return [];
    const drafts = rule(event.payload);
    if (drafts.length === 0) return [];
    const names = await this.d.names.namesFor(mergeNames(drafts));
    const at = new Date(event.at);
    const seen = new Set<string>();
    const items: NotificationRecord[] = [];
    for (const draft of drafts) {
      const { title, body } = draft.render(names);
      for (const { userId, orgId } of await this.recipients(draft)) {
        // one item per event and user, even when a user is reached twice (a streamer who is also the merchant's staff)
        if (seen.has(userId)) continue;
        seen.add(userId);
        items.push({
          id: this.d.ids.next(),
          sourceEventId: event.id,
          topic: event.topic,
          recipientUserId: userId,
          recipientOrgId: orgId,
          kind: draft.kind,
          severity: draft.severity,
          titleZh: title.zh,
          titleEn: title.en,
          bodyZh: body.zh,
          bodyEn: body.en,
          link: draft.link,
          dueAt: draft.dueAt,
          createdAt: at,
          readAt: null,
        });
      }
    }
    if (items.length === 0) return [];
    const stored = await this.d.uow.transaction((tx) => tx.notifications.insertMany(items));
    for (const item of stored)
      for (const channel of this.d.channels ?? []) {
        if (!channel.accepts(item)) continue;
        try {
          await channel.send(item);
        } catch (e) {
          this.d.onChannelError?.(channel.name, item, e);
        }
      }
    return stored;
  }

  /** The actor's inbox, newest first, a page at a time. */
  async list(actor: Actor, q: NotificationListQuery): Promise<NotificationPage> {
    const scope = scopeOf(actor);
    const rows = await this.d.uow.read.notifications.listFor(scope, { ...q, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return { items, next: rows.length > q.limit && last ? { before: last.createdAt, beforeId: last.id } : null };
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.d.uow.read.notifications.countUnread(scopeOf(actor));
  }

  /** Marks one of the actor's items read (already read: unchanged); someone else's item is not found. */
  async markRead(actor: Actor, id: string): Promise<NotificationRecord> {
    const scope = scopeOf(actor);
    return this.d.uow.transaction(async (tx) => {
      const now = this.d.clock.now();
      const item = await tx.notifications.markRead(scope, id, now);
      if (!item) throw new AppError('notification.not_found', { field: 'id' });
      if (item.readAt?.getTime() === now.getTime())
        await this.d.audit.record(tx, actor, {
          action: 'notification.read',
          targetType: 'notification',
          targetId: id,
          orgId: item.recipientOrgId,
        });
      return item;
    });
  }

  /** Marks every unread item of the actor's inbox read; the number marked. */
  async markAllRead(actor: Actor): Promise<number> {
    const scope = scopeOf(actor);
    return this.d.uow.transaction(async (tx) => {
      const marked = await tx.notifications.markAllRead(scope, this.d.clock.now());
      if (marked > 0)
        await this.d.audit.record(tx, actor, {
          action: 'notification.read_all',
          targetType: 'user',
          targetId: scope.userId,
          orgId: scope.orgId,
          detail: { marked },
        });
      return marked;
    });
  }

  private async recipients(draft: NotificationDraft): Promise<Array<{ userId: string; orgId: string | null }>> {
    const r = draft.recipient;
    if (r.kind === 'user') return [{ userId: r.userId, orgId: null }];
    if (r.kind === 'orgKind') return this.d.members.membersOfKind(r.orgKind, r.roles);
    if (r.kind === 'department') return this.d.members.membersOfDepartment(r.departmentCode, r.roles);
    return (await this.d.members.membersOf(r.orgId, r.roles)).map((userId) => ({ userId, orgId: r.orgId }));
  }
}

function scopeOf(actor: Actor): InboxScope {
  if (!actor.userId) throw new AppError('auth.required');
  return { userId: actor.userId, orgId: actor.orgId };
}

function mergeNames(drafts: NotificationDraft[]): NameQuery {
  const out: Record<string, Array<string | null | undefined>> = {};
  for (const d of drafts) for (const [kind, ids] of Object.entries(d.names)) out[kind] = [...(out[kind] ?? []), ...(ids ?? [])];
  return out as NameQuery;
}
