/**
 * The ODR path of a complaint (投诉) as one table: every status change goes through `complaintStep`, which says
 * which role may take which action from which status, so no code path reaches a transition the table does not list.
 *
 *   awaiting_merchant ─answer counter/reject─▶ negotiating ─consumer escalates / lapses─▶ mediating
 *        │  └─merchant silent 48 h (sweep)──────────────────────────────────────────────▶ mediating
 *        └─merchant accepts─▶ resolved        negotiating ─consumer accepts offer─▶ resolved
 *   mediating ─decide─▶ resolved │ ─dismiss─▶ dismissed │ ─45 working days (sweep)─▶ mediation_failed
 *   mediation_failed ─consumer escalates─▶ escalated ─regulator─▶ accepted_by_regulator / refused_by_regulator
 *   accepted_by_regulator (行政调解) ─regulator mediates─▶ resolved (调解协议)
 *        │ ─regulator closes with reason─▶ regulator_closed (终止调解)
 *        └─45 working days from acceptance (sweep)──────▶ regulator_closed
 *   any open status before the regulator ─consumer withdraws─▶ withdrawn
 */
import type { ComplaintRole, ComplaintStatus } from '@livehub/contracts';

export const COMPLAINT_ACTIONS = [
  'merchant_accept',
  'merchant_counter',
  'merchant_reject',
  'consumer_accept_offer',
  'consumer_escalate',
  'mediator_decide',
  'mediator_dismiss',
  'consumer_escalate_regulator',
  'regulator_accept',
  'regulator_refuse',
  'regulator_mediate',
  'regulator_close',
  'withdraw',
  'merchant_silent',
  'negotiation_lapsed',
  'mediation_lapsed',
  'regulator_mediation_lapsed',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

interface Step {
  from: readonly ComplaintStatus[];
  to: ComplaintStatus;
  by: ComplaintRole;
}

const TABLE: Record<ComplaintAction, Step> = {
  merchant_accept: { from: ['awaiting_merchant', 'negotiating'], to: 'resolved', by: 'merchant' },
  merchant_counter: { from: ['awaiting_merchant'], to: 'negotiating', by: 'merchant' },
  merchant_reject: { from: ['awaiting_merchant'], to: 'negotiating', by: 'merchant' },
  consumer_accept_offer: { from: ['negotiating'], to: 'resolved', by: 'consumer' },
  consumer_escalate: { from: ['negotiating'], to: 'mediating', by: 'consumer' },
  mediator_decide: { from: ['mediating'], to: 'resolved', by: 'mediator' },
  mediator_dismiss: { from: ['mediating'], to: 'dismissed', by: 'mediator' },
  consumer_escalate_regulator: { from: ['mediation_failed'], to: 'escalated', by: 'consumer' },
  regulator_accept: { from: ['escalated'], to: 'accepted_by_regulator', by: 'regulator' },
  regulator_refuse: { from: ['escalated'], to: 'refused_by_regulator', by: 'regulator' },
  regulator_mediate: { from: ['accepted_by_regulator'], to: 'resolved', by: 'regulator' },
  regulator_close: { from: ['accepted_by_regulator'], to: 'regulator_closed', by: 'regulator' },
  withdraw: { from: ['awaiting_merchant', 'negotiating', 'mediating', 'mediation_failed'], to: 'withdrawn', by: 'consumer' },
  merchant_silent: { from: ['awaiting_merchant'], to: 'mediating', by: 'system' },
  negotiation_lapsed: { from: ['negotiating'], to: 'mediating', by: 'system' },
  mediation_lapsed: { from: ['mediating'], to: 'mediation_failed', by: 'system' },
  regulator_mediation_lapsed: { from: ['accepted_by_regulator'], to: 'regulator_closed', by: 'system' },
};

/**
 * Statuses nothing leaves. An accepted complaint is not one: the regulator mediates it (行政调解) until agreement
 * (resolved) or termination (regulator_closed). A closed one leaves the consumer the courts or arbitration.
 */
export const FINAL_STATUSES: ReadonlySet<ComplaintStatus> = new Set([
  'refused_by_regulator',
  'regulator_closed',
  'resolved',
  'dismissed',
  'withdrawn',
]);

export type StepResult = { ok: true; to: ComplaintStatus } | { ok: false; problem: 'wrong_role' | 'wrong_status' };

/** Where `action` by `role` leads from `status`, or why it may not be taken. A wrong role is reported first. */
export function complaintStep(status: ComplaintStatus, action: ComplaintAction, role: ComplaintRole): StepResult {
  const step = TABLE[action];
  if (step.by !== role) return { ok: false, problem: 'wrong_role' };
  if (!step.from.includes(status)) return { ok: false, problem: 'wrong_status' };
  return { ok: true, to: step.to };
}

/** Who takes `action`. */
export function actionRole(action: ComplaintAction): ComplaintRole {
  return TABLE[action].by;
}

/** Every (from, action, to) the table allows, for documentation and tests. */
export function complaintTransitions(): Array<{ from: ComplaintStatus; action: ComplaintAction; to: ComplaintStatus; by: ComplaintRole }> {
  return COMPLAINT_ACTIONS.flatMap((action) =>
    TABLE[action].from.map((from) => ({ from, action, to: TABLE[action].to, by: TABLE[action].by })),
  );
}
