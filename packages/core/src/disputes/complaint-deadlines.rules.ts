/**
 * The deadlines of each step of a complaint (RULES.md, "complaints"; docs/disputes.md), counted with the working-day
 * calendar of the approval engine (weekends and public holidays do not count, 调休 days do):
 *
 * - awaiting_merchant: the merchant answers within 48 hours of filing (a platform deadline, ODR practice); silent past
 *   it, the complaint goes to platform mediation.
 * - negotiating: ODR enterprises settle by negotiation within 10 working days of receiving the complaint (local ODR
 *   rules); past it, mediation.
 * - mediating: mediation ends without agreement after 45 working days (市场监督管理投诉举报处理暂行办法 Art. 21, the
 *   time limit of 调解); past it, mediation_failed and escalation to the regulator is offered.
 * - escalated: the regulator decides on acceptance within 7 working days (同办法 Art. 14); past it the complaint is
 *   shown overdue, nothing moves on its own.
 * - accepted_by_regulator: the regulator's own mediation (行政调解) ends without agreement after 45 working days from
 *   acceptance — the same time limit of 调解 (同办法 Art. 21); past it the sweep terminates it (终止调解,
 *   regulator_closed) and the consumer may go to court or arbitration.
 * - filing: a complaint is accepted within 3 years (同办法 Art. 15: 超过三年的不予受理), counted here from the order.
 *
 * A deadline is met by anything at or before it; the sweep acts on what is strictly past it.
 */
import type { ComplaintStatus } from '@livehub/contracts';
import { addWorkingDays, DEFAULT_CALENDAR, type WorkingCalendar } from '../workflows/working-days.ts';
import type { ComplaintAction } from './complaint-state.ts';

export const MERCHANT_ANSWER_HOURS = 48;
export const NEGOTIATION_WORKING_DAYS = 10;
export const MEDIATION_WORKING_DAYS = 45;
export const REGULATOR_ACCEPTANCE_WORKING_DAYS = 7;
/** the regulator's mediation after acceptance: the same 45 working days as any 调解 (同办法 Art. 21) */
export const REGULATOR_MEDIATION_WORKING_DAYS = MEDIATION_WORKING_DAYS;
export const COMPLAINT_LIMIT_YEARS = 3;

/** What the timeline needs to compute a step's deadline: when the complaint was filed and when the step began. */
export interface DeadlineBasis {
  status: ComplaintStatus;
  filedAt: Date;
  statusSince: Date;
}

/** The deadline of the current step, or null when the step has none (final states, mediation_failed). */
export function deadlineOf(b: DeadlineBasis, cal: WorkingCalendar = DEFAULT_CALENDAR): Date | null {
  switch (b.status) {
    case 'awaiting_merchant':
      return new Date(b.filedAt.getTime() + MERCHANT_ANSWER_HOURS * 3_600_000);
    case 'negotiating':
      // the negotiation period runs from the filing: the merchant's answer does not restart it
      return addWorkingDays(b.filedAt, NEGOTIATION_WORKING_DAYS, cal);
    case 'mediating':
      return addWorkingDays(b.statusSince, MEDIATION_WORKING_DAYS, cal);
    case 'escalated':
      return addWorkingDays(b.statusSince, REGULATOR_ACCEPTANCE_WORKING_DAYS, cal);
    case 'accepted_by_regulator':
      return addWorkingDays(b.statusSince, REGULATOR_MEDIATION_WORKING_DAYS, cal);
    case 'mediation_failed':
    case 'refused_by_regulator':
    case 'regulator_closed':
    case 'resolved':
    case 'dismissed':
    case 'withdrawn':
      return null;
  }
}

/**
 * Reminders before the working-day deadlines of the platform's and the regulator's steps: the mediators in the last
 * 3 working days of the 45, the regulator on the last working day of the 7 and in the last 3 working days of its own
 * 45 of mediation after acceptance. A reminder is due from the end of the
 * working day `workingDaysBefore` days before the deadline's (strictly after it) until the deadline itself; past the
 * deadline the sweep acts (mediation) or the complaint is shown overdue (the regulator) instead.
 */
export const DEADLINE_REMINDERS = {
  mediating: { workingDays: MEDIATION_WORKING_DAYS, workingDaysBefore: 3, action: 'mediation_reminded', topic: 'disputes.mediation_due' },
  escalated: {
    workingDays: REGULATOR_ACCEPTANCE_WORKING_DAYS,
    workingDaysBefore: 1,
    action: 'regulator_reminded',
    topic: 'disputes.acceptance_due',
  },
  accepted_by_regulator: {
    workingDays: REGULATOR_MEDIATION_WORKING_DAYS,
    workingDaysBefore: 3,
    action: 'regulator_mediation_reminded',
    topic: 'disputes.regulator_mediation_due',
  },
} as const;
export type RemindedStatus = keyof typeof DEADLINE_REMINDERS;

/** Whether the step has a working-day reminder (DEADLINE_REMINDERS). */
export function isReminded(status: ComplaintStatus): status is RemindedStatus {
  return Object.hasOwn(DEADLINE_REMINDERS, status);
}

/** The last instant before the reminder of the current step is due; null when the step has no such reminder. */
export function reminderFrom(b: DeadlineBasis, cal: WorkingCalendar = DEFAULT_CALENDAR): Date | null {
  if (!isReminded(b.status)) return null;
  const r = DEADLINE_REMINDERS[b.status];
  return addWorkingDays(b.statusSince, r.workingDays - r.workingDaysBefore, cal);
}

/** Whether the step's reminder is due at `now`: strictly past `reminderFrom`, not past the deadline. */
export function reminderDue(b: DeadlineBasis & { dueAt: Date | null }, now: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const from = reminderFrom(b, cal);
  return from !== null && b.dueAt !== null && now.getTime() > from.getTime() && !isOverdue(b.dueAt, now);
}

/** Past its deadline (strictly: the deadline instant itself is still in time). */
export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && now.getTime() > dueAt.getTime();
}

/** What the sweep does when a step's deadline has passed; null when a passed deadline is only shown (the regulator's acceptance). */
export function lapseAction(status: ComplaintStatus): ComplaintAction | null {
  if (status === 'awaiting_merchant') return 'merchant_silent';
  if (status === 'negotiating') return 'negotiation_lapsed';
  if (status === 'mediating') return 'mediation_lapsed';
  if (status === 'accepted_by_regulator') return 'regulator_mediation_lapsed';
  return null;
}

/**
 * Actions that must be taken before the step's deadline: once it passed, the step belongs to the sweep (a merchant
 * answering after 48 hours, an offer accepted after the negotiation period, a mediation decided after 45 working
 * days, a regulator's mediation agreed or terminated after its 45). Withdrawal and the regulator's decision on
 * acceptance are allowed late.
 */
export const DEADLINE_BOUND: ReadonlySet<ComplaintAction> = new Set([
  'merchant_accept',
  'merchant_counter',
  'merchant_reject',
  'consumer_accept_offer',
  'consumer_escalate',
  'mediator_decide',
  'mediator_dismiss',
  'regulator_mediate',
  'regulator_close',
]);

/** The last instant a complaint about something of `orderAt` may be filed: the same moment three years later. */
export function filingLimit(orderAt: Date): Date {
  const d = new Date(orderAt.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + COMPLAINT_LIMIT_YEARS);
  return d;
}

/** Whether a complaint filed at `now` about an order of `orderAt` is past the 3-year limit. */
export function pastFilingLimit(orderAt: Date, now: Date): boolean {
  return now.getTime() > filingLimit(orderAt).getTime();
}
