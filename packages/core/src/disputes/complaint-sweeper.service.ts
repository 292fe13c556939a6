/**
 * The sweep of complaint deadlines (complaint-deadlines.rules.ts): a merchant silent past 48 hours and a negotiation
 * past 10 working days go to platform mediation; a mediation past 45 working days ends as mediation_failed (the
 * consumer may then escalate to the regulator); a regulator's mediation past 45 working days from acceptance is
 * terminated (终止调解, regulator_closed). A regulator's passed acceptance deadline is only shown overdue. Idempotent:
 * each complaint moves in its own transaction, re-read under lock, and only when still due.
 *
 * Reminders: a merchant whose 48 hours end within `MERCHANT_REMINDER_HOURS` is reminded once — the reminder is a
 * timeline line (`merchant_reminded`, role system) with its audit entry and a `disputes.complaint_answer_due` event
 * the inbox turns into an item; a complaint with that line is not reminded again. Likewise the mediators in the last
 * 3 working days of a mediation (`mediation_reminded`, `disputes.mediation_due`) and the regulator on the last working
 * day of its 7 (`regulator_reminded`, `disputes.acceptance_due`) and in the last 3 working days of its own mediation
 * (`regulator_mediation_reminded`, `disputes.regulator_mediation_due`), once per step.
 */
import type { ComplaintStatus } from '@livehub/contracts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import { DEADLINE_REMINDERS, isOverdue, isReminded, lapseAction, type RemindedStatus, reminderDue } from './complaint-deadlines.rules.ts';
import { type ComplaintCore, eventPayload, takeStep } from './complaint.internal.ts';
import type { ComplaintRecord } from './disputes.types.ts';

export interface ComplaintSweeperDeps extends ComplaintCore {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'audit' | 'outbox'>;
}

type SweepTx = Pick<Repositories, 'complaints' | 'complaintPayments' | 'audit' | 'outbox'>;

const SWEPT: readonly ComplaintStatus[] = ['awaiting_merchant', 'negotiating', 'mediating', 'accepted_by_regulator'];
const REMINDED = Object.keys(DEADLINE_REMINDERS) as RemindedStatus[];
const BATCH = 200;
/** how long before the merchant's answer deadline the reminder goes out */
export const MERCHANT_REMINDER_HOURS = 12;
export const REMINDER_ACTION = 'merchant_reminded';
/** calendar days within which every working-day reminder window lies (3 working days across the longest holidays) */
const REMINDER_HORIZON_DAYS = 15;
const sweeper: Actor = { userId: null, label: 'system:disputes', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class ComplaintSweeperService {
  constructor(private readonly d: ComplaintSweeperDeps) {}

  async sweep(at?: Date): Promise<{
    complaintsToMediation: number;
    mediationsFailed: number;
    regulatorMediationsClosed: number;
    complaintRemindersSent: number;
    deadlineRemindersSent: number;
  }> {
    const now = at ?? this.d.clock.now();
    let toMediation = 0;
    let failed = 0;
    let closed = 0;
    const due = await this.d.uow.read.complaints.listDue(SWEPT, now, BATCH);
    for (const candidate of due) {
      const moved = await this.d.uow.transaction(async (tx) => {
        const c = await tx.complaints.findComplaint(candidate.id, { lock: true });
        const action = c ? lapseAction(c.status) : null;
        if (!c || !action || !isOverdue(c.dueAt, now)) return null;
        const data = { dueAt: (c.dueAt as Date).toISOString() };
        return (await takeStep(tx, this.d, c, { action, role: 'system', actor: sweeper, now, data })).status;
      });
      if (moved === 'mediating') toMediation++;
      if (moved === 'mediation_failed') failed++;
      if (moved === 'regulator_closed') closed++;
    }
    const reminded = await this.remind(now);
    const deadlineReminders = await this.remindDeadlines(now);
    return {
      complaintsToMediation: toMediation,
      mediationsFailed: failed,
      regulatorMediationsClosed: closed,
      complaintRemindersSent: reminded,
      deadlineRemindersSent: deadlineReminders,
    };
  }

  /**
   * Reminds the mediators of a mediation in its last 3 working days, the regulator of an escalated complaint on the
   * last working day of its 7 and of its own mediation in its last 3 of 45 (DEADLINE_REMINDERS), once per step: a timeline line (`mediation_reminded`,
   * `regulator_reminded`) after the step began means done, checked under lock.
   */
  private async remindDeadlines(now: Date): Promise<number> {
    // the window is counted in working days: the candidates are those due within a span no holiday run exceeds
    const horizon = new Date(now.getTime() + REMINDER_HORIZON_DAYS * 86_400_000);
    // (not those already past: an escalated complaint past its 7 days stays escalated, shown overdue)
    const soon = await this.d.uow.read.complaints.listDue(REMINDED, horizon, BATCH, now);
    let sent = 0;
    for (const candidate of soon) {
      if (!reminderDue(candidate, now, this.d.calendar)) continue;
      const done = await this.d.uow.transaction(async (tx) => {
        const c = await tx.complaints.findComplaint(candidate.id, { lock: true });
        if (!c || !isReminded(c.status) || !reminderDue(c, now, this.d.calendar)) return false;
        const r = DEADLINE_REMINDERS[c.status];
        const entries = await tx.complaints.listEntries(c.id);
        if (entries.some((e) => e.action === r.action && e.at.getTime() >= c.statusSince.getTime())) return false;
        await this.reminder(tx, c, r.action, r.topic, now);
        return true;
      });
      if (done) sent++;
    }
    return sent;
  }

  /** Reminds once each merchant whose answer deadline ends within the reminder window and has not passed. */
  private async remind(now: Date): Promise<number> {
    const horizon = new Date(now.getTime() + MERCHANT_REMINDER_HOURS * 3_600_000);
    const soon = await this.d.uow.read.complaints.listDue(['awaiting_merchant'], horizon, BATCH, now);
    let sent = 0;
    for (const candidate of soon) {
      if (isOverdue(candidate.dueAt, now)) continue;
      const done = await this.d.uow.transaction(async (tx) => {
        const c = await tx.complaints.findComplaint(candidate.id, { lock: true });
        if (!c || c.status !== 'awaiting_merchant' || !c.dueAt || isOverdue(c.dueAt, now)) return false;
        const entries = await tx.complaints.listEntries(c.id);
        if (entries.some((e) => e.action === REMINDER_ACTION)) return false;
        await this.reminder(tx, c, REMINDER_ACTION, 'disputes.complaint_answer_due', now);
        return true;
      });
      if (done) sent++;
    }
    return sent;
  }

  /** The reminder's timeline line (role system, both sides see it), its audit entry and its outbox event. */
  private async reminder(tx: SweepTx, c: ComplaintRecord, action: string, topic: string, now: Date): Promise<void> {
    const data = { dueAt: c.dueAt?.toISOString() ?? null };
    await tx.complaints.appendEntry({
      id: this.d.ids.next(),
      complaintId: c.id,
      at: now,
      role: 'system',
      actorUserId: null,
      action,
      fromStatus: c.status,
      toStatus: c.status,
      note: null,
      data,
    });
    await this.d.audit.record(tx, sweeper, { action: `disputes.${action}`, targetType: 'complaint', targetId: c.id, detail: data });
    await tx.outbox.add({ id: this.d.ids.next(), topic, payload: eventPayload(c, action), createdAt: now, publishedAt: null });
  }
}
