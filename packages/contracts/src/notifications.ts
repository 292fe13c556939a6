/**
 * Notification inbox (站内信) contracts: an item of the inbox as screens show it, the list's query, the unread count.
 * Must never import anything but zod: the web bundle depends on it.
 */
import { z } from 'zod';

/** The kinds of item the inbox holds today (a filter of the list); a new outbox topic mapped to the inbox adds one. */
export const NOTIFICATION_KINDS = [
  'qualification.expiring',
  'certification.lapsed',
  'violation.confirmed',
  'refund.overdue',
  'sample.overdue',
  'payout.paid',
  'payout.failed',
  'deposit.topup_required',
  'complaint.filed',
  'complaint.answer_due',
  'complaint.mediation_due',
  'complaint.acceptance_due',
  'complaint.answered',
  'complaint.mediation',
  'complaint.escalated',
  'complaint.resolved',
  'complaint.mediation_failed',
  'complaint.dismissed',
  'complaint.withdrawn',
  'complaint.accepted_by_regulator',
  'complaint.refused_by_regulator',
  'complaint.regulator_mediation_due',
  'complaint.regulator_mediated',
  'complaint.regulator_closed',
  'report.filed',
  'report.handled',
  'report.found',
  'compensation.due',
  'compensation.advanced',
  'compensation.recovered',
  'fund.below_floor',
  'case.notified',
  'case.decided',
  'supply.demand_alert',
  'supply.replenishment_requested',
  'supply.replenishment_confirmed',
  'supply.replenishment_shipped',
  'supply.po_sent',
  'supply.po_shipped',
  'presale.production_sent',
  'presale.deposit_refund',
  'case.transferred',
  'case.joined',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSeveritySchema = z.enum(['info', 'action_required', 'warning']);

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  severity: notificationSeveritySchema,
  title: bilingual,
  body: bilingual,
  /** the page of the web app that acts on it */
  link: z.string(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** addressed to the members of this organization (null: to the user alone) */
  orgId: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  kind: notificationKindSchema.optional(),
  /** keyset: the createdAt and id of the last item of the previous page */
  before: z.iso.datetime().optional(),
  beforeId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationViewSchema),
  next: z.object({ before: z.string(), beforeId: z.string() }).nullable(),
});
export type NotificationPageView = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markAllReadSchema = z.object({ marked: z.number().int() });
