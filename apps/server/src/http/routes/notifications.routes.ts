/**
 * 消息中心 (the notification inbox): a signed-in user's own items and those addressed to the organization they act
 * for — the list (keyset paging, unread / kind filters), the unread count the header shows, marking read.
 * docs/notifications.md.
 */
import {
  idSchema,
  markAllReadSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationViewSchema,
  unreadCountSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentNotification, presentNotificationPage } from '../presenters/notifications.presenter.ts';
import { idActionRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['notifications'];

export function notificationRoutes(api: Api, c: Container): void {
  api.get(
    '/api/notifications',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '消息中心: the caller’s inbox, newest first (keyset paging; unread and kind filters)',
        querystring: notificationListQuerySchema,
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => {
      const q = req.query;
      return presentNotificationPage(
        await c.notifications.list(requireActor(req), {
          unread: q.unread === undefined ? undefined : q.unread === 'true',
          kind: q.kind,
          before: q.before ? new Date(q.before) : undefined,
          beforeId: q.beforeId,
          limit: q.limit,
        }),
      );
    },
  );

  api.get(
    '/api/notifications/unread-count',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '未读: how many of the caller’s items are unread (the header’s bell)',
        response: { 200: unreadCountSchema },
      },
    },
    async (req) => ({ unread: await c.notifications.unreadCount(requireActor(req)) }),
  );

  idActionRoute(
    api,
    '/api/notifications/:id/read',
    {
      allow: 'authenticated',
      tags,
      summary: 'Marks one of the caller’s items read (someone else’s: 404)',
      params: z.strictObject({ id: idSchema }),
      response: notificationViewSchema,
    },
    async (actor, id) => presentNotification(await c.notifications.markRead(actor, id)),
  );

  api.post(
    '/api/notifications/read-all',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: '全部已读: marks every unread item of the caller’s inbox read', response: { 200: markAllReadSchema } },
    },
    async (req) => ({ marked: await c.notifications.markAllRead(requireActor(req)) }),
  );
}
