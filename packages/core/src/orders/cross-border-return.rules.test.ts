import { describe, expect, it } from 'vitest';
import {
  arriveBy,
  CROSS_BORDER_STEPS,
  crossBorderOverdue,
  crossBorderRefundable,
  crossBorderStepProblem,
  daysLeft,
} from './cross-border-return.rules.ts';

const DAY = 86_400_000;
const released = new Date('2026-11-01T08:00:00Z');
const deadline = arriveBy(released);
const at = (days: number) => new Date(released.getTime() + days * DAY);

describe('cross-border return states (海关总署公告2020年第45号)', () => {
  it('the goods must be back 30 days after release; the countdown counts whole days, negative once past', () => {
    expect(deadline.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(daysLeft(deadline, at(0))).toBe(30);
    expect(daysLeft(deadline, at(29.5))).toBe(1);
    expect(daysLeft(deadline, at(30))).toBe(0);
    expect(daysLeft(deadline, at(32))).toBe(-2);
  });

  it('walks requested → approved → declared → returned_to_bonded, by the merchant; the buyer cancels early only', () => {
    expect(CROSS_BORDER_STEPS.approve).toMatchObject({ to: 'approved', by: 'merchant' });
    expect(crossBorderStepProblem('approve', { status: 'requested', arriveBy: deadline }, at(1))).toBeNull();
    expect(crossBorderStepProblem('declare', { status: 'approved', arriveBy: deadline }, at(2))).toBeNull();
    expect(crossBorderStepProblem('arrive', { status: 'declared', arriveBy: deadline }, at(10))).toBeNull();
    expect(CROSS_BORDER_STEPS.arrive.to).toBe('returned_to_bonded');
    expect(CROSS_BORDER_STEPS.cancel).toMatchObject({ by: 'buyer', from: ['requested', 'approved'] });
  });

  it('refuses skipping the declaration, going back, or any customs step past the 30 days', () => {
    expect(crossBorderStepProblem('arrive', { status: 'approved', arriveBy: deadline }, at(3))).toBe('illegal');
    expect(crossBorderStepProblem('declare', { status: 'declared', arriveBy: deadline }, at(3))).toBe('illegal');
    expect(crossBorderStepProblem('cancel', { status: 'declared', arriveBy: deadline }, at(3))).toBe('illegal');
    expect(crossBorderStepProblem('declare', { status: 'approved', arriveBy: deadline }, at(31))).toBe('deadline_passed');
    expect(crossBorderStepProblem('arrive', { status: 'declared', arriveBy: deadline }, at(30.01))).toBe('deadline_passed');
    // approving or rejecting is not a customs step: still possible late
    expect(crossBorderStepProblem('reject', { status: 'requested', arriveBy: deadline }, at(40))).toBeNull();
  });

  it('is overdue past the deadline only while the goods are not back', () => {
    expect(crossBorderOverdue({ status: 'declared', arriveBy: deadline }, at(31))).toBe(true);
    expect(crossBorderOverdue({ status: 'approved', arriveBy: deadline }, at(30))).toBe(false);
    expect(crossBorderOverdue({ status: 'returned_to_bonded', arriveBy: deadline }, at(40))).toBe(false);
    expect(crossBorderOverdue({ status: 'refunded', arriveBy: deadline }, at(40))).toBe(false);
    expect(crossBorderOverdue({ status: 'cancelled', arriveBy: deadline }, at(40))).toBe(false);
    expect(crossBorderOverdue({ status: 'declared', arriveBy: null }, at(40))).toBe(false);
  });

  it('is refundable once back at the site, or once overdue — never twice', () => {
    expect(crossBorderRefundable({ status: 'returned_to_bonded', arriveBy: deadline, refundId: null }, at(5))).toBe(true);
    expect(crossBorderRefundable({ status: 'declared', arriveBy: deadline, refundId: null }, at(5))).toBe(false);
    expect(crossBorderRefundable({ status: 'declared', arriveBy: deadline, refundId: null }, at(31))).toBe(true);
    expect(crossBorderRefundable({ status: 'requested', arriveBy: deadline, refundId: null }, at(31))).toBe(false);
    expect(crossBorderRefundable({ status: 'returned_to_bonded', arriveBy: deadline, refundId: 'r1' }, at(5))).toBe(false);
  });
});
