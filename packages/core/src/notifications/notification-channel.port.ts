/**
 * 推送渠道: how an inbox item leaves the platform besides the inbox itself. The inbox (in-app) always holds every item;
 * a channel is asked after the item is stored, once per item (a redelivered event stores nothing, so sends
 * nothing). An SMS or WeChat template channel implements this port in the server's adapters: it finds the
 * recipient's contact itself (the inbox never holds phone numbers) and sends the template for the item's kind.
 */
import type { NotificationRecord } from './notifications.types.ts';

export interface NotificationChannel {
  /** a short name for logs and docs: 'sms', 'wechat' */
  readonly name: string;
  /** whether this channel carries the item (an SMS costs money: only what needs action, say) */
  accepts(item: NotificationRecord): boolean;
  send(item: NotificationRecord): Promise<void>;
}

/** Who holds a role in an organization: the identity context answers it (wired in the server). */
export interface NotificationMemberDirectory {
  /** the ids of the users holding one of `roles` in the organization */
  membersOf(orgId: string, roles: readonly string[]): Promise<string[]>;
  /** the organizations of `orgKind` (the platform, the regulator): their users holding one of `roles`, with the organization */
  membersOfKind(orgKind: 'platform' | 'regulator', roles: readonly string[]): Promise<Array<{ orgId: string; userId: string }>>;
  /** the regulator's users of the department `departmentCode` holding one of `roles`, with their organization */
  membersOfDepartment(departmentCode: string, roles: readonly string[]): Promise<Array<{ orgId: string; userId: string }>>;
}
