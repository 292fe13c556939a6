/**
 * The sweep of complaint deadlines (complaint-deadlines.rules.ts): a merchant silent past 48 hours and a negotiation
 * past 10 working days go to platform mediation; a mediation past 45 working days ends as mediation_failed (the
 * consumer may then escalate to the regulator). A regulator's passed deadline is only shown overdue. Idempotent:
 * each complaint moves in its own transaction, re-read under lock, and only when still due.
 */
import type { ComplaintStatus } from '@livehub/contracts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import { isOverdue, lapseAction } from './complaint-deadlines.rules.ts';
import { type ComplaintCore, takeStep } from './complaint.internal.ts';

export interface ComplaintSweeperDeps extends ComplaintCore {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'audit' | 'outbox'>;
}

const SWEPT: readonly ComplaintStatus[] = ['awaiting_merchant', 'negotiating', 'mediating'];
const BATCH = 200;
const sweeper: Actor = { userId: null, label: 'system:disputes', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class ComplaintSweeperService {
  constructor(private readonly d: ComplaintSweeperDeps) {}

  async sweep(at?: Date): Promise<{ complaintsToMediation: number; mediationsFailed: number }> {
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
    return { complaintsToMediation: toMediation, mediationsFailed: failed };
  }
}
