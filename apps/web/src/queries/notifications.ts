/**
 * 消息中心 (the notification inbox): query keys, the typed calls and the hooks — the header's unread count (polled),
 * the inbox a page at a time, marking one and all read. Writes invalidate through `notificationKeys`.
 */
import type { NotificationKind, NotificationPageView, NotificationView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, type KeysetCursor, useKeysetPages } from './query-options.ts';

export interface InboxFilter {
  unread: boolean;
  kind: NotificationKind | null;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (f: InboxFilter) => ['notifications', 'list', f.unread, f.kind] as const,
};

export const INBOX_PAGE = 20;
/** How often the bell asks for the unread count (items arrive within seconds of the event behind them). */
export const UNREAD_POLL_MS = 30_000;

const fetchUnread = () => api.get<{ unread: number }>('/notifications/unread-count');

function fetchPage(f: InboxFilter, cursor: KeysetCursor | null): Promise<NotificationView[]> {
  const q = new URLSearchParams({ limit: String(INBOX_PAGE) });
  if (f.unread) q.set('unread', 'true');
  if (f.kind) q.set('kind', f.kind);
  if (cursor) {
    q.set('before', cursor.before);
    q.set('beforeId', cursor.beforeId);
  }
  return api.get<NotificationPageView>(`/notifications?${q}`).then((p) => p.items);
}

export const useUnreadCount = apiHook(notificationKeys.unread, fetchUnread);

export function useInbox(f: InboxFilter) {
  return useKeysetPages(notificationKeys.list(f), (cursor) => fetchPage(f, cursor), INBOX_PAGE);
}

/** Marks one item read, or all (`id` null); the bell and the lists refresh. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      id === null
        ? api.post<{ marked: number }>('/notifications/read-all')
        : api.post<NotificationView>(`/notifications/${id}/read`).then(() => ({ marked: 1 })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
