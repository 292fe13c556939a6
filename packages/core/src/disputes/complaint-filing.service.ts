/**
 * 我要投诉: a consumer files a complaint about one of their own paid orders, within three years of paying for it,
 * with a claim the law and the order allow, evidence they uploaded themselves and optionally the live session where
 * they heard the claim. The complaint starts awaiting the merchant's answer (48 hours).
 */
import type { ComplaintCreate } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import { deadlineOf, filingLimit, pastFilingLimit } from './complaint-deadlines.rules.ts';
import { claimProblem, yuan } from './compensation.rules.ts';
import { type ComplaintCore, complaintView, eventPayload } from './complaint.internal.ts';
import type { ComplaintOrderReader, EvidenceReader } from './disputes.repository.ts';
import type { ComplaintRecord, ComplaintView } from './disputes.types.ts';
import { chinaDay } from '../shared/china-time.ts';

export interface ComplaintFilingDeps extends ComplaintCore {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'audit' | 'outbox'>;
  orders: ComplaintOrderReader;
  evidence: EvidenceReader;
}

/** A date as people in China read it (UTC+8), for messages. */

export class ComplaintFilingService {
  constructor(private readonly d: ComplaintFilingDeps) {}

  async file(actor: Actor, input: ComplaintCreate): Promise<ComplaintView> {
    if (!actor.userId) throw new AppError('auth.required');
    const consumer = actor.userId;
    const now = this.d.clock.now();
    // the order is read through the orders context before the transaction (its tables are not ours to lock)
    const o = await this.d.orders.orderFacts(input.orderId);
    if (!o || o.buyerUserId !== consumer) throw new AppError('disputes.order_not_found', { field: 'orderId' });
    if (!o.paidAt) throw new AppError('disputes.order_not_paid', { field: 'orderId' });
    if (pastFilingLimit(o.paidAt, now))
      throw new AppError('disputes.too_late', { field: 'orderId', details: { limit: chinaDay(filingLimit(o.paidAt)) } });
    if (input.liveSessionId !== undefined && input.liveSessionId !== o.sessionId)
      throw new AppError('disputes.session_mismatch', { field: 'liveSessionId' });
    const problem = claimProblem(input.category, input.claim, { paidFen: o.totalFen, refundedFen: o.refundedFen });
    if (problem) throw new AppError('disputes.claim_too_high', { field: problem.field, details: { maxYuan: yuan(problem.maxFen) } });
    for (const [i, id] of input.evidenceDocumentIds.entries())
      if ((await this.d.evidence.uploaderOf(id)) !== consumer)
        throw new AppError('disputes.evidence_invalid', { field: `evidenceDocumentIds.${i}` });
    const evidence = [...new Set(input.evidenceDocumentIds)];

    return this.d.uow
      .transaction(async (tx) => {
        if (await tx.complaints.openComplaintOf(o.id)) throw new AppError('disputes.open_complaint', { field: 'orderId' });
        const c: ComplaintRecord = {
          id: this.d.ids.next(),
          orderId: o.id,
          consumerUserId: consumer,
          merchantOrgId: o.merchantOrgId,
          streamerUserId: o.streamerUserId,
          liveSessionId: input.liveSessionId ?? null,
          category: input.category,
          claimKind: input.claim.kind,
          claimAmountFen: input.claim.amountFen,
          description: input.description,
          evidenceDocumentIds: evidence,
          contactPhoneEnc: input.contactPhone ? this.d.vault.encrypt(input.contactPhone) : null,
          paidFen: o.totalFen,
          refundedFen: o.refundedFen,
          status: 'awaiting_merchant',
          statusSince: now,
          dueAt: deadlineOf({ status: 'awaiting_merchant', filedAt: now, statusSince: now }, this.d.calendar),
          answer: null,
          offerKind: null,
          offerAmountFen: null,
          outcomeRemedy: null,
          outcomeAmountFen: null,
          upheld: null,
          closingReason: null,
          filedAt: now,
          updatedAt: now,
          version: 1,
        };
        await tx.complaints.insertComplaint(c);
        const data = { category: c.category, claim: { kind: c.claimKind, amountFen: c.claimAmountFen }, evidence: evidence.length };
        await tx.complaints.appendEntry({
          id: this.d.ids.next(),
          complaintId: c.id,
          at: now,
          role: 'consumer',
          actorUserId: consumer,
          action: 'filed',
          fromStatus: null,
          toStatus: c.status,
          note: null,
          data,
        });
        await this.d.audit.record(tx, actor, {
          action: 'disputes.filed',
          targetType: 'complaint',
          targetId: c.id,
          detail: { orderId: o.id, ...data },
        });
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'disputes.complaint_filed',
          payload: eventPayload(c, 'filed'),
          createdAt: now,
          publishedAt: null,
        });
        return complaintView(c, this.d.vault, now);
      })
      .catch(async (e: unknown) => {
        // two filings raced past the check: the unique index refused the second, which is answered as the check would
        if (!(e instanceof AppError) && (await this.d.uow.read.complaints.openComplaintOf(o.id)))
          throw new AppError('disputes.open_complaint', { field: 'orderId', cause: e });
        throw e;
      });
  }
}
