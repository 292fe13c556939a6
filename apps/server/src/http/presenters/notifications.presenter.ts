/** Inbox items (站内信) as the API shows them: pure functions from the records to the contract types. */
import type { NotificationPageView, NotificationView } from '@livehub/contracts';
import type { NotificationPage, NotificationRecord } from '@livehub/core';

export function presentNotification(n: NotificationRecord): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    severity: n.severity,
    title: { zh: n.titleZh, en: n.titleEn },
    body: { zh: n.bodyZh, en: n.bodyEn },
    link: n.link,
    dueAt: n.dueAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
    orgId: n.recipientOrgId,
  };
}

export function presentNotificationPage(page: NotificationPage): NotificationPageView {
  return {
    items: page.items.map(presentNotification),
    next: page.next ? { before: page.next.before.toISOString(), beforeId: page.next.beforeId } : null,
  };
}
