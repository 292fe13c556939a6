/**
 * The sweep of complaint deadlines (complaint-deadlines.rules.ts): a merchant silent past 48 hours and a negotiation
 * past 10 working days go to platform mediation; a mediation past 45 working days ends as mediation_failed (the
 * consumer may then escalate to the regulator). A regulator's passed deadline is only shown overdue. Idempotent:
 * each complaint moves in its own transaction, re-read under lock, and only when still due.
 *
 * Reminders: a merchant whose 48 hours end within `MERCHANT_REMINDER_HOURS` is reminded once — the reminder is a
 * timeline line (`merchant_reminded`, role system) with its audit entry and a `disputes.complaint_answer_due` event
 * the inbox turns into an item; a complaint with that line is not reminded again.
 */
import type { ComplaintStatus } from '@livehub/contracts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import { isOverdue, lapseAction } from './complaint-deadlines.rules.ts';
import { type ComplaintCore, eventPayload, takeStep } from './complaint.internal.ts';

export interface ComplaintSweeperDeps extends ComplaintCore {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'audit' | 'outbox'>;
}

const SWEPT: readonly ComplaintStatus[] = ['awaiting_merchant', 'negotiating', 'mediating'];
const BATCH = 200;
/** how long before the merchant's answer deadline the reminder goes out */
export const MERCHANT_REMINDER_HOURS = 12;
export const REMINDER_ACTION = 'merchant_reminded';
const sweeper: Actor = { userId: null, label: 'system:disputes', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class ComplaintSweeperService {
  constructor(private readonly d: ComplaintSweeperDeps) {}

  async sweep(at?: Date): Promise<{ complaintsToMediation: number; mediationsFailed: number; complaintRemindersSent: number }> {
    const now = at ?? this.d.clock.now();
    let toMediation = 0;
    let failed = 0;
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
    }
    const reminded = await this.remind(now);
    return { complaintsToMediation: toMediation, mediationsFailed: failed, complaintRemindersSent: reminded };
  }

  /** Reminds once each merchant whose answer deadline ends within the reminder window and has not passed. */
  private async remind(now: Date): Promise<number> {
    const horizon = new Date(now.getTime() + MERCHANT_REMINDER_HOURS * 3_600_000);
    const soon = await this.d.uow.read.complaints.listDue(['awaiting_merchant'], horizon, BATCH);
    let sent = 0;
    for (const candidate of soon) {
      if (isOverdue(candidate.dueAt, now)) continue;
      const done = await this.d.uow.transaction(async (tx) => {
        const c = await tx.complaints.findComplaint(candidate.id, { lock: true });
        if (!c || c.status !== 'awaiting_merchant' || !c.dueAt || isOverdue(c.dueAt, now)) return false;
        const entries = await tx.complaints.listEntries(c.id);
        if (entries.some((e) => e.action === REMINDER_ACTION)) return false;
        const data = { dueAt: c.dueAt.toISOString() };
        await tx.complaints.appendEntry({
          id: this.d.ids.next(),
          complaintId: c.id,
          at: now,
          role: 'system',
          actorUserId: null,
          action: REMINDER_ACTION,
          fromStatus: c.status,
          toStatus: c.status,
          note: null,
          data,
        });
        await this.d.audit.record(tx, sweeper, {
          action: `disputes.${REMINDER_ACTION}`,
          targetType: 'complaint',
          targetId: c.id,
          detail: data,
        });
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'disputes.complaint_answer_due',
          payload: eventPayload(c, REMINDER_ACTION),
          createdAt: now,
          publishedAt: null,
        });
        return true;
      });
      if (done) sent++;
    }
    return sent;
  }
}
