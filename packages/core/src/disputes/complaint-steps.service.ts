/**
 * The steps of the ODR path after filing (complaint-state.ts): the merchant's answer (accept the claim, counter-offer,
 * reject), the consumer accepting an offer, escalating or withdrawing, the platform mediator's decision (a remedy
 * within what the law and the order allow; fraud compensation computed under 消费者权益保护法 Art. 55) or dismissal
 * with a reason, the regulator's acceptance or refusal, and after acceptance its own mediation (行政调解): agreement
 * (调解成立, the same remedy rules as the platform's) or termination (终止调解) with a reason. Each step is one transaction (complaint.internal.ts).
 */
import type { ComplaintAnswer, ComplaintDecision } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Actor } from '../shared/actor.ts';
import { fraudAwardFen, maxClaimFen, yuan } from './compensation.rules.ts';
import type { ComplaintRemedies, ComplaintRemedyScope, ComplaintRemedyTx } from './complaint-remedy.port.ts';
import { type ComplaintCore, type ComplaintTx, complaintView, loadFor, type StepInput, takeStep } from './complaint.internal.ts';
import type { ComplaintRecord, ComplaintView } from './disputes.types.ts';

export interface ComplaintStepDeps extends ComplaintCore {
  uow: ScopedUnitOfWork<'complaints' | 'complaintPayments' | 'audit' | 'outbox' | ComplaintRemedyScope>;
  /** a refund or return outcome through the orders context's after-sales path (wired by the container) */
  remedies: ComplaintRemedies;
}

type Plan = (c: ComplaintRecord) => Omit<StepInput, 'role' | 'actor' | 'now'>;

/**
 * A mediated remedy (the platform mediator's decision, the regulator's 调解成立): within the law and the order;
 * 退一赔三 for fraud is computed (消费者权益保护法 Art. 55), never typed; upheld.
 */
function remedyPlan(action: 'mediator_decide' | 'regulator_mediate', c: ComplaintRecord, input: ComplaintDecision): ReturnType<Plan> {
  let amountFen: number;
  if (input.remedy === 'fraud_compensation') {
    if (input.amountFen !== undefined) throw new AppError('disputes.amount_computed', { field: 'amountFen' });
    amountFen = fraudAwardFen(c.paidFen, c.refundedFen);
  } else {
    if (input.amountFen === undefined) throw new AppError('disputes.amount_required', { field: 'amountFen' });
    // a mediator may find fraud without awarding Art. 55's amount; the cap is the category's own
    const max = maxClaimFen(c.category, input.remedy, c.paidFen, c.refundedFen);
    if (input.amountFen > max) throw new AppError('disputes.amount_too_high', { field: 'amountFen', details: { maxYuan: yuan(max) } });
    amountFen = input.amountFen;
  }
  return {
    action,
    patch: { outcomeRemedy: input.remedy, outcomeAmountFen: amountFen, upheld: true },
    note: input.note,
    data: { remedy: input.remedy, amountFen },
  };
}

export class ComplaintStepService {
  constructor(private readonly d: ComplaintStepDeps) {}

  /** 商家答复: accept the claim as filed (resolved), counter-offer or reject (negotiation goes on). */
  answer(actor: Actor, id: string, input: ComplaintAnswer): Promise<ComplaintView> {
    if (input.answer !== 'counter' && input.offer) throw new AppError('disputes.offer_not_allowed', { field: 'offer' });
    return this.step(actor, id, (c) => {
      if (input.answer === 'accept')
        return {
          action: 'merchant_accept',
          patch: { answer: 'accept', outcomeRemedy: c.claimKind, outcomeAmountFen: c.claimAmountFen, upheld: false },
          note: input.note,
          data: { remedy: c.claimKind, amountFen: c.claimAmountFen },
        };
      if (input.answer === 'reject') return { action: 'merchant_reject', patch: { answer: 'reject' }, note: input.note };
      const offer = input.offer;
      if (!offer) throw new AppError('disputes.offer_required', { field: 'offer' });
      const max = maxClaimFen(c.category, offer.kind, c.paidFen, c.refundedFen);
      if (offer.amountFen > max)
        throw new AppError('disputes.amount_too_high', { field: 'offer.amountFen', details: { maxYuan: yuan(max) } });
      return {
        action: 'merchant_counter',
        patch: { answer: 'counter', offerKind: offer.kind, offerAmountFen: offer.amountFen },
        note: input.note,
        data: { offer },
      };
    });
  }

  /** The consumer accepts the merchant's counter-offer: resolved by agreement. */
  acceptOffer(actor: Actor, id: string, note?: string): Promise<ComplaintView> {
    return this.step(actor, id, (c) => {
      if (c.answer !== 'counter' || c.offerKind === null || c.offerAmountFen === null)
        throw new AppError('disputes.no_offer', { field: 'id' });
      return {
        action: 'consumer_accept_offer',
        patch: { outcomeRemedy: c.offerKind, outcomeAmountFen: c.offerAmountFen, upheld: false },
        note,
        data: { remedy: c.offerKind, amountFen: c.offerAmountFen },
      };
    });
  }

  /** The consumer escalates: from negotiation to platform mediation, from a failed mediation to the regulator. */
  escalate(actor: Actor, id: string, note?: string): Promise<ComplaintView> {
    return this.step(actor, id, (c) => ({
      action: c.status === 'mediation_failed' ? 'consumer_escalate_regulator' : 'consumer_escalate',
      note,
    }));
  }

  /** 平台调解 decides: a remedy within the law and the order; 退一赔三 for fraud is computed, never typed. */
  decide(actor: Actor, id: string, input: ComplaintDecision): Promise<ComplaintView> {
    return this.step(actor, id, (c) => remedyPlan('mediator_decide', c, input));
  }

  /** 驳回: the mediator dismisses the complaint, with its reason. */
  dismiss(actor: Actor, id: string, reason: string): Promise<ComplaintView> {
    return this.step(actor, id, () => ({ action: 'mediator_dismiss', patch: { closingReason: reason, upheld: false }, note: reason }));
  }

  /** 受理 / 不予受理: the regulator decides on an escalated complaint, with its reason. */
  regulatorDecide(actor: Actor, id: string, decision: 'accept' | 'refuse', reason: string): Promise<ComplaintView> {
    return this.step(actor, id, () =>
      decision === 'accept'
        ? { action: 'regulator_accept', note: reason }
        : { action: 'regulator_refuse', patch: { closingReason: reason }, note: reason },
    );
  }

  /**
   * 调解成立 (行政调解): the regulator's mediation of an accepted complaint reaches agreement — the same remedy and
   * rules as the platform mediator's decision, through the same after-sales and compensation paths, within 45
   * working days of acceptance.
   */
  regulatorMediate(actor: Actor, id: string, input: ComplaintDecision): Promise<ComplaintView> {
    return this.step(actor, id, (c) => remedyPlan('regulator_mediate', c, input));
  }

  /** 终止调解: the regulator ends its mediation without agreement, with its reason (the courts or arbitration remain). */
  regulatorClose(actor: Actor, id: string, reason: string): Promise<ComplaintView> {
    return this.step(actor, id, () => ({ action: 'regulator_close', patch: { closingReason: reason, upheld: false }, note: reason }));
  }

  /** 撤回: the consumer withdraws the complaint before the regulator has it. */
  withdraw(actor: Actor, id: string, reason?: string): Promise<ComplaintView> {
    return this.step(actor, id, () => ({ action: 'withdraw', patch: { closingReason: reason ?? null }, note: reason }));
  }

  private async step(actor: Actor, id: string, plan: Plan): Promise<ComplaintView> {
    const now = this.d.clock.now();
    const { view, refundId } = await this.d.uow.transaction(async (tx: ComplaintTx & ComplaintRemedyTx) => {
      const { c, role } = await loadFor(tx, actor, id);
      const next = await takeStep(tx, this.d, c, { ...plan(c), role, actor, now });
      const remedy = await this.afterSales(tx, actor, next, now);
      return { view: complaintView(next, this.d.vault, now), refundId: remedy?.refundId ?? null };
    });
    if (refundId) await this.d.remedies.send(refundId);
    return view;
  }

  /**
   * 退款 / 退货退款: a resolution with a refund or return remedy goes through the order's after-sales path in the
   * step's transaction — the refund recorded on the order, or a return opened, approved — with a timeline line
   * both sides see and its audit entry. What the order cannot take (more than is left to refund, a return already
   * open) refuses the step: nothing changed.
   */
  private async afterSales(tx: ComplaintTx & ComplaintRemedyTx, actor: Actor, c: ComplaintRecord, now: Date) {
    const remedy = c.outcomeRemedy;
    if (c.status !== 'resolved' || (remedy !== 'refund' && remedy !== 'return') || !c.outcomeAmountFen || c.outcomeAmountFen <= 0)
      return null;
    const r = await this.d.remedies.applyIn(tx, actor, { complaintId: c.id, orderId: c.orderId, remedy, amountFen: c.outcomeAmountFen });
    const action = remedy === 'refund' ? 'refund_issued' : 'return_opened';
    const data = { remedy, amountFen: c.outcomeAmountFen, refundId: r.refundId, returnId: r.returnId };
    await tx.complaints.appendEntry({
      id: this.d.ids.next(),
      complaintId: c.id,
      at: now,
      role: 'system',
      actorUserId: actor.userId,
      action,
      fromStatus: c.status,
      toStatus: c.status,
      note: null,
      data,
    });
    await this.d.audit.record(tx, actor, {
      action: `disputes.${action}`,
      targetType: 'complaint',
      targetId: c.id,
      orgId: c.merchantOrgId,
      detail: { orderId: c.orderId, ...data },
    });
    return r;
  }
}
