import { COMPLAINT_ROLES, COMPLAINT_STATUSES, type ComplaintStatus } from '@livehub/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionRole, COMPLAINT_ACTIONS, complaintStep, complaintTransitions, FINAL_STATUSES } from './complaint-state.ts';

describe('complaint state machine', () => {
  it('walks the ODR path: silent merchant → mediation → decision', () => {
    expect(complaintStep('awaiting_merchant', 'merchant_silent', 'system')).toEqual({ ok: true, to: 'mediating' });
    expect(complaintStep('mediating', 'mediator_decide', 'mediator')).toEqual({ ok: true, to: 'resolved' });
    expect(complaintStep('mediating', 'mediation_lapsed', 'system')).toEqual({ ok: true, to: 'mediation_failed' });
    expect(complaintStep('mediation_failed', 'consumer_escalate_regulator', 'consumer')).toEqual({ ok: true, to: 'escalated' });
    expect(complaintStep('escalated', 'regulator_refuse', 'regulator')).toEqual({ ok: true, to: 'refused_by_regulator' });
  });

  it('the regulator’s own handling after acceptance: 调解成立 resolves, 终止调解 or its lapse closes', () => {
    expect(complaintStep('escalated', 'regulator_accept', 'regulator')).toEqual({ ok: true, to: 'accepted_by_regulator' });
    expect(FINAL_STATUSES.has('accepted_by_regulator')).toBe(false);
    expect(FINAL_STATUSES.has('regulator_closed')).toBe(true);
    expect(complaintStep('accepted_by_regulator', 'regulator_mediate', 'regulator')).toEqual({ ok: true, to: 'resolved' });
    expect(complaintStep('accepted_by_regulator', 'regulator_close', 'regulator')).toEqual({ ok: true, to: 'regulator_closed' });
    expect(complaintStep('accepted_by_regulator', 'regulator_mediation_lapsed', 'system')).toEqual({ ok: true, to: 'regulator_closed' });
    // the platform's mediator has no hand in it, nor the regulator before acceptance, nor may the consumer withdraw
    expect(complaintStep('accepted_by_regulator', 'regulator_mediate', 'mediator')).toEqual({ ok: false, problem: 'wrong_role' });
    expect(complaintStep('accepted_by_regulator', 'mediator_decide', 'mediator')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(complaintStep('escalated', 'regulator_mediate', 'regulator')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(complaintStep('escalated', 'regulator_close', 'regulator')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(complaintStep('accepted_by_regulator', 'withdraw', 'consumer')).toEqual({ ok: false, problem: 'wrong_status' });
    for (const action of COMPLAINT_ACTIONS)
      for (const role of COMPLAINT_ROLES) expect(complaintStep('regulator_closed', action, role).ok).toBe(false);
  });

  it('names the wrong role before the wrong status', () => {
    expect(complaintStep('awaiting_merchant', 'mediator_decide', 'merchant')).toEqual({ ok: false, problem: 'wrong_role' });
    expect(complaintStep('awaiting_merchant', 'mediator_decide', 'mediator')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(complaintStep('escalated', 'withdraw', 'consumer')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(complaintStep('negotiating', 'merchant_counter', 'merchant')).toEqual({ ok: false, problem: 'wrong_status' });
  });

  it('every listed transition is taken by its own role only', () => {
    for (const t of complaintTransitions()) {
      expect(actionRole(t.action)).toBe(t.by);
      for (const role of COMPLAINT_ROLES) expect(complaintStep(t.from, t.action, role).ok).toBe(role === t.by);
    }
  });

  it('property: random action sequences stay inside the table and never leave a final status', () => {
    const arb = fc.array(fc.tuple(fc.constantFrom(...COMPLAINT_ACTIONS), fc.constantFrom(...COMPLAINT_ROLES)), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (steps) => {
        let s: ComplaintStatus = 'awaiting_merchant';
        for (const [action, role] of steps) {
          const r = complaintStep(s, action, role);
          if (FINAL_STATUSES.has(s)) expect(r.ok).toBe(false);
          if (r.ok) {
            expect(complaintTransitions()).toContainEqual({ from: s, action, to: r.to, by: role });
            s = r.to;
          }
        }
        expect(COMPLAINT_STATUSES).toContain(s);
      }),
    );
  });

  it('every status is reachable from filing', () => {
    const seen = new Set<ComplaintStatus>(['awaiting_merchant']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of complaintTransitions())
        if (seen.has(t.from) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...COMPLAINT_STATUSES].sort());
  });
});
