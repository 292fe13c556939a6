/**
 * Records of the notification inbox (站内信): one item per recipient user, written when an outbox event of another
 * context reaches the inbox, read and marked read by its recipient only.
 */
import type { Role } from '@livehub/contracts';

export const NOTIFICATION_SEVERITIES = ['info', 'action_required', 'warning'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/**
 * Who an item is for: one user; the members of an organization who hold one of `roles`; or everyone holding one of
 * `roles` in the organizations of a kind (the platform's mediators and report handlers, the regulator's staff — the
 * event does not name which organization, there is one of each in a district); each such item is addressed to the
 * member's organization; or the regulator's members of one department (a case handed or shared to it).
 */
export type NotificationRecipient =
  | { kind: 'user'; userId: string }
  | { kind: 'org'; orgId: string; roles: readonly Role[] }
  | { kind: 'orgKind'; orgKind: 'platform' | 'regulator'; roles: readonly Role[] }
  /** the regulator's staff of one department (联席会议成员单位, by its code) holding one of `roles` */
  | { kind: 'department'; departmentCode: string; roles: readonly Role[] };

/** A title or body in both languages, Chinese first. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One item of a user's inbox as stored. */
export interface NotificationRecord {
  id: string;
  /** the outbox event that produced it: with the recipient, the item's identity (a redelivered event adds nothing) */
  sourceEventId: string;
  topic: string;
  recipientUserId: string;
  /** the organization it was addressed to, when it was addressed to an organization's members */
  recipientOrgId: string | null;
  kind: string;
  severity: NotificationSeverity;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  /** the page that acts on it (a path of the web app) */
  link: string;
  dueAt: Date | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A page of a user's inbox, newest first; `next` continues it. */
export interface NotificationPage {
  items: NotificationRecord[];
  next: { before: Date; beforeId: string } | null;
}

export interface NotificationListQuery {
  unread?: boolean | undefined;
  kind?: string | undefined;
  before?: Date | undefined;
  beforeId?: string | undefined;
  limit: number;
}
