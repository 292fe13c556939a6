/**
 * What every step of a complaint does, written once: who the caller is to the complaint, the state machine's and the
 * deadline's checks, the compare-and-set write with the next step's deadline, the timeline line, the audit entry and
 * the outbox event — all in the caller's transaction. Internal to the disputes context.
 */
import type { ComplaintRole } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { maskPhone } from '../shared/masking.ts';
import type { WorkingCalendar } from '../workflows/working-days.ts';
import { DEADLINE_BOUND, deadlineOf, isOverdue } from './complaint-deadlines.rules.ts';
import { type ComplaintAction, complaintStep } from './complaint-state.ts';
import { paymentDueAt } from './compensation-payment.rules.ts';
import type { CompensationObligationRecord } from './compensation-payment.types.ts';
import type { ComplaintRecord, ComplaintView } from './disputes.types.ts';

export type ComplaintTx = Pick<Repositories, 'complaints' | 'complaintPayments' | 'audit' | 'outbox'>;

export interface ComplaintCore {
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  vault: PiiVault;
  calendar?: WorkingCalendar | undefined;
}

/** The outbox topic each step emits (docs/disputes.md lists who listens). */
export const STEP_TOPIC: Record<ComplaintAction, string> = {
  merchant_accept: 'disputes.complaint_resolved',
  merchant_counter: 'disputes.complaint_answered',
  merchant_reject: 'disputes.complaint_answered',
  consumer_accept_offer: 'disputes.complaint_resolved',
  consumer_escalate: 'disputes.complaint_escalated',
  mediator_decide: 'disputes.complaint_resolved',
  mediator_dismiss: 'disputes.complaint_dismissed',
  consumer_escalate_regulator: 'disputes.complaint_escalated',
  regulator_accept: 'disputes.complaint_accepted_by_regulator',
  regulator_refuse: 'disputes.complaint_refused_by_regulator',
  // 调解成立 is a resolution like any other: the credit feed and the inbox listen to it (the action tells them apart)
  regulator_mediate: 'disputes.complaint_resolved',
  regulator_close: 'disputes.complaint_regulator_closed',
  withdraw: 'disputes.complaint_withdrawn',
  merchant_silent: 'disputes.complaint_escalated',
  negotiation_lapsed: 'disputes.complaint_escalated',
  mediation_lapsed: 'disputes.complaint_mediation_failed',
  regulator_mediation_lapsed: 'disputes.complaint_regulator_closed',
};

const MEDIATORS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'reviewer']);

/** What the caller is to this complaint; null when it is none of their business (answered as not found). */
export function roleOf(actor: Actor, c: Pick<ComplaintRecord, 'consumerUserId' | 'merchantOrgId'>): ComplaintRole | null {
  if (actor.role === 'consumer') return actor.userId !== null && actor.userId === c.consumerUserId ? 'consumer' : null;
  if (actor.role === 'merchant_staff') return actor.orgId !== null && actor.orgId === c.merchantOrgId ? 'merchant' : null;
  if (MEDIATORS.has(actor.role)) return 'mediator';
  if (actor.role === 'regulator') return 'regulator';
  if (actor.role === 'system') return 'system';
  return null;
}

/** The complaint as it leaves the context: the phone masked for everyone, the step's lateness computed. */
export function complaintView(c: ComplaintRecord, vault: PiiVault, now: Date): ComplaintView {
  const { contactPhoneEnc, ...rest } = c;
  return {
    ...rest,
    contactPhone: contactPhoneEnc ? maskPhone(vault.decrypt(contactPhoneEnc)) : null,
    overdue: isOverdue(c.dueAt, now),
    names: null,
  };
}

/** Loads a complaint for a step by `actor`, locked: not found when it is not theirs to see. */
export async function loadFor(tx: ComplaintTx, actor: Actor, id: string): Promise<{ c: ComplaintRecord; role: ComplaintRole }> {
  const c = await tx.complaints.findComplaint(id, { lock: true });
  const role = c ? roleOf(actor, c) : null;
  if (!c || !role) throw new AppError('disputes.not_found', { field: 'id' });
  return { c, role };
}

export interface StepInput {
  action: ComplaintAction;
  role: ComplaintRole;
  actor: Actor;
  now: Date;
  /** fields the step sets besides the status (answer, offer, outcome, reason) */
  patch?: Partial<
    Pick<ComplaintRecord, 'answer' | 'offerKind' | 'offerAmountFen' | 'outcomeRemedy' | 'outcomeAmountFen' | 'upheld' | 'closingReason'>
  >;
  note?: string | null | undefined;
  data?: Record<string, unknown>;
}

/** Checks and takes one step; returns the complaint after it. */
export async function takeStep(tx: ComplaintTx, core: ComplaintCore, c: ComplaintRecord, s: StepInput): Promise<ComplaintRecord> {
  const r = complaintStep(c.status, s.action, s.role);
  if (!r.ok) {
    if (r.problem === 'wrong_role') throw new AppError('disputes.wrong_role', { field: 'id', details: { action: s.action } });
    throw new AppError('disputes.wrong_status', { field: 'id', details: { status: c.status, action: s.action } });
  }
  if (DEADLINE_BOUND.has(s.action) && isOverdue(c.dueAt, s.now))
    throw new AppError('disputes.deadline_passed', { field: 'id', details: { dueAt: (c.dueAt as Date).toISOString() } });
  const next: ComplaintRecord = {
    ...c,
    ...s.patch,
    status: r.to,
    statusSince: s.now,
    dueAt: deadlineOf({ status: r.to, filedAt: c.filedAt, statusSince: s.now }, core.calendar),
    updatedAt: s.now,
    version: c.version + 1,
  };
  if (!(await tx.complaints.updateComplaint(next, c.version))) throw new AppError('disputes.stale', { field: 'id' });
  const data = { ...s.data };
  await tx.complaints.appendEntry({
    id: core.ids.next(),
    complaintId: c.id,
    at: s.now,
    role: s.role,
    actorUserId: s.actor.userId,
    action: s.action,
    fromStatus: c.status,
    toStatus: r.to,
    note: s.note ?? null,
    data,
  });
  await core.audit.record(tx, s.actor, {
    action: `disputes.${s.action}`,
    targetType: 'complaint',
    targetId: c.id,
    detail: { from: c.status, to: r.to, ...data },
  });
  await tx.outbox.add({
    id: core.ids.next(),
    topic: STEP_TOPIC[s.action],
    payload: eventPayload(next, s.action),
    createdAt: s.now,
    publishedAt: null,
  });
  if (next.status === 'resolved') await oweOutcome(tx, core, next, s.now);
  return next;
}

/** Remedies taken through the order's own refund and return path rather than owed as a compensation. */
export const AFTER_SALES_REMEDIES: ReadonlySet<string> = new Set(['refund', 'return']);

/**
 * 赔付义务: a resolution with a compensation amount obliges the merchant to pay it within 3 working days (compensation-payment
 * rules); past that the sweep has the fund pay (CompensationPaymentService). Written in the resolving step's
 * transaction; the merchant is told (`disputes.compensation_due`).
 */
async function oweOutcome(tx: ComplaintTx, core: ComplaintCore, c: ComplaintRecord, now: Date): Promise<void> {
  if (c.outcomeRemedy === null || c.outcomeAmountFen === null || c.outcomeAmountFen <= 0) return;
  // a refund or a return goes through the order's after-sales path instead (ComplaintStepService, ComplaintRemedies)
  if (AFTER_SALES_REMEDIES.has(c.outcomeRemedy)) return;
  const o: CompensationObligationRecord = {
    id: core.ids.next(),
    complaintId: c.id,
    orderId: c.orderId,
    merchantOrgId: c.merchantOrgId,
    consumerUserId: c.consumerUserId,
    remedy: c.outcomeRemedy,
    amountFen: c.outcomeAmountFen,
    dueAt: paymentDueAt(now, core.calendar),
    status: 'due',
    paidByMerchantFen: 0,
    advancedFen: 0,
    recoveredFromDepositFen: 0,
    recoveredFromBalanceFen: 0,
    recoveries: 0,
    createdAt: now,
    paidAt: null,
    advancedAt: null,
    recoveredAt: null,
    updatedAt: now,
    version: 1,
  };
  await tx.complaintPayments.insertObligation(o);
  await tx.outbox.add({
    id: core.ids.next(),
    topic: 'disputes.compensation_due',
    payload: {
      obligationId: o.id,
      complaintId: c.id,
      orderId: c.orderId,
      merchantOrgId: c.merchantOrgId,
      consumerUserId: c.consumerUserId,
      remedy: o.remedy,
      amountFen: o.amountFen,
      dueAt: o.dueAt.toISOString(),
      status: o.status,
    },
    createdAt: now,
    publishedAt: null,
  });
}

/** Credit severity of an upheld complaint (1–3): fraud weighs most, what misleads buyers next. */
export function upheldSeverity(category: ComplaintRecord['category']): number {
  if (category === 'fraud') return 3;
  if (category === 'false_advertising' || category === 'not_as_described' || category === 'personal_data') return 2;
  return 1;
}

export function eventPayload(c: ComplaintRecord, action: string): Record<string, unknown> {
  return {
    complaintId: c.id,
    orderId: c.orderId,
    consumerUserId: c.consumerUserId,
    merchantOrgId: c.merchantOrgId,
    streamerUserId: c.streamerUserId,
    category: c.category,
    action,
    status: c.status,
    dueAt: c.dueAt?.toISOString() ?? null,
    remedy: c.outcomeRemedy,
    amountFen: c.outcomeAmountFen,
    upheld: c.upheld === true,
    severity: upheldSeverity(c.category),
  };
}
