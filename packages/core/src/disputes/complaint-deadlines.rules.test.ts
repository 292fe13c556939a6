import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../workflows/working-days.ts';
import {
  DEADLINE_BOUND,
  DEADLINE_REMINDERS,
  deadlineOf,
  filingLimit,
  isOverdue,
  lapseAction,
  pastFilingLimit,
  reminderDue,
  reminderFrom,
} from './complaint-deadlines.rules.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const ms = 1;
const just = (d: Date | null) => new Date((d as Date).getTime() + ms);

describe('complaint deadlines', () => {
  it('merchant: 48 hours of the clock, weekend included; at the deadline in time, a millisecond later lapsed', () => {
    const filedAt = cst('2026-12-04T10:00:00'); // a Friday
    const due = deadlineOf({ status: 'awaiting_merchant', filedAt, statusSince: filedAt });
    expect(due).toEqual(cst('2026-12-06T10:00:00'));
    expect(isOverdue(due, due as Date)).toBe(false);
    expect(isOverdue(due, just(due))).toBe(true);
    expect(lapseAction('awaiting_merchant')).toBe('merchant_silent');
  });

  it('negotiation: 10 working days from filing, across National Day and its make-up Sunday', () => {
    const filedAt = cst('2026-09-18T10:00:00'); // Friday; 09-20 is a 调休 Sunday; 09-25..27 and 10-01..07 are holidays
    const due = deadlineOf({ status: 'negotiating', filedAt, statusSince: cst('2026-09-19T09:00:00') });
    expect(due).toEqual(cst('2026-10-09T23:59:59.999'));
    expect(isOverdue(due, due as Date)).toBe(false);
    expect(isOverdue(due, just(due))).toBe(true);
    expect(lapseAction('negotiating')).toBe('negotiation_lapsed');
  });

  it('mediation: 45 working days from its start, across Labour Day, its make-up Saturday and Dragon Boat', () => {
    const since = cst('2026-04-30T16:00:00');
    const due = deadlineOf({ status: 'mediating', filedAt: cst('2026-04-20T10:00:00'), statusSince: since });
    expect(due).toEqual(cst('2026-07-07T23:59:59.999'));
    expect(isOverdue(due, just(due))).toBe(true);
    expect(lapseAction('mediating')).toBe('mediation_lapsed');
  });

  it('regulator: 7 working days across the Spring Festival; past it only shown overdue', () => {
    const since = cst('2026-02-13T15:00:00'); // Friday; 02-14 is a 调休 Saturday, 02-15..23 holidays, 02-28 调休
    const due = deadlineOf({ status: 'escalated', filedAt: cst('2026-01-05T10:00:00'), statusSince: since });
    expect(due).toEqual(cst('2026-03-02T23:59:59.999'));
    expect(isOverdue(due, due as Date)).toBe(false);
    expect(isOverdue(due, just(due))).toBe(true);
    expect(lapseAction('escalated')).toBeNull();
  });

  it('the regulator’s mediation (行政调解): 45 working days from acceptance across Labour Day and Dragon Boat; at the 45th day in time, a millisecond past it terminated by the sweep', () => {
    const acceptedAt = cst('2026-04-30T16:00:00'); // 05-01..05 Labour Day, 05-09 a 调休 Saturday, 06-19 Dragon Boat
    const b = { status: 'accepted_by_regulator' as const, filedAt: cst('2026-01-05T10:00:00'), statusSince: acceptedAt };
    const due = deadlineOf(b) as Date;
    expect(due).toEqual(cst('2026-07-07T23:59:59.999'));
    expect(due).toEqual(deadlineOf({ ...b, status: 'mediating' })); // the same limit as any 调解
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, just(due))).toBe(true);
    expect(lapseAction('accepted_by_regulator')).toBe('regulator_mediation_lapsed');
    // its reminder: the regulator, in the last 3 working days
    const from = reminderFrom(b) as Date;
    expect(from).toEqual(cst('2026-07-02T23:59:59.999'));
    expect(reminderDue({ ...b, dueAt: due }, from)).toBe(false);
    expect(reminderDue({ ...b, dueAt: due }, just(from))).toBe(true);
    expect(reminderDue({ ...b, dueAt: due }, just(due))).toBe(false);
    expect(DEADLINE_REMINDERS.accepted_by_regulator).toMatchObject({
      workingDaysBefore: 3,
      action: 'regulator_mediation_reminded',
      topic: 'disputes.regulator_mediation_due',
    });
  });

  it('the regulator’s mediation may not be agreed or terminated past its deadline (the sweep’s then); acceptance itself may be late', () => {
    expect(DEADLINE_BOUND.has('regulator_mediate')).toBe(true);
    expect(DEADLINE_BOUND.has('regulator_close')).toBe(true);
    expect(DEADLINE_BOUND.has('regulator_accept')).toBe(false);
    expect(DEADLINE_BOUND.has('regulator_mediation_lapsed')).toBe(false);
  });

  it('mediation reminder: in the last 3 working days of the 45 — not at the end of the day before, a millisecond past it, until the deadline', () => {
    const since = cst('2026-04-30T16:00:00');
    const b = { status: 'mediating' as const, filedAt: cst('2026-04-20T10:00:00'), statusSince: since };
    const dueAt = deadlineOf(b) as Date; // Tuesday 07-07; the last three working days are 07-03 (Fri), 07-06, 07-07
    const from = reminderFrom(b) as Date;
    expect(from).toEqual(cst('2026-07-02T23:59:59.999'));
    expect(reminderDue({ ...b, dueAt }, from)).toBe(false);
    expect(reminderDue({ ...b, dueAt }, just(from))).toBe(true);
    expect(reminderDue({ ...b, dueAt }, dueAt)).toBe(true);
    expect(reminderDue({ ...b, dueAt }, just(dueAt))).toBe(false); // past it: the sweep ends the mediation instead
    expect(DEADLINE_REMINDERS.mediating).toMatchObject({
      workingDaysBefore: 3,
      action: 'mediation_reminded',
      topic: 'disputes.mediation_due',
    });
  });

  it('acceptance reminder: on the last working day of the 7, a 调休 Saturday counting as the day before', () => {
    const since = cst('2026-02-13T15:00:00'); // Spring Festival; 02-28 is a 调休 Saturday, the deadline Monday 03-02
    const b = { status: 'escalated' as const, filedAt: cst('2026-01-05T10:00:00'), statusSince: since };
    const dueAt = deadlineOf(b) as Date;
    const from = reminderFrom(b) as Date;
    expect(from).toEqual(cst('2026-02-28T23:59:59.999'));
    expect(reminderDue({ ...b, dueAt }, from)).toBe(false);
    expect(reminderDue({ ...b, dueAt }, just(from))).toBe(true); // Sunday 03-01 00:00: the last working day is next
    expect(reminderDue({ ...b, dueAt }, dueAt)).toBe(true);
    expect(reminderDue({ ...b, dueAt }, just(dueAt))).toBe(false); // past it: shown overdue, not reminded
    expect(DEADLINE_REMINDERS.escalated).toMatchObject({
      workingDaysBefore: 1,
      action: 'regulator_reminded',
      topic: 'disputes.acceptance_due',
    });
  });

  it('no working-day reminder for the merchant’s hours, the negotiation or a closed step', () => {
    const t = cst('2026-06-01T10:00:00');
    for (const status of ['awaiting_merchant', 'negotiating', 'mediation_failed', 'resolved'] as const) {
      expect(reminderFrom({ status, filedAt: t, statusSince: t })).toBeNull();
      expect(reminderDue({ status, filedAt: t, statusSince: t, dueAt: cst('2026-06-03T10:00:00') }, cst('2026-06-03T09:00:00'))).toBe(
        false,
      );
    }
  });

  it('property: a reminder is due only within its window, always before or at the deadline', () => {
    const in2026 = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-09-30T00:00:00Z') }).map((n) => new Date(n));
    fc.assert(
      fc.property(
        in2026,
        fc.constantFrom('mediating', 'escalated', 'accepted_by_regulator' as const),
        fc.integer({ min: 0, max: 80 * 86_400_000 }),
        (t, status, dt) => {
          const b = { status, filedAt: t, statusSince: t };
          const dueAt = deadlineOf(b) as Date;
          const from = reminderFrom(b) as Date;
          expect(from.getTime()).toBeLessThan(dueAt.getTime());
          const now = new Date(t.getTime() + dt);
          expect(reminderDue({ ...b, dueAt }, now)).toBe(now > from && now <= dueAt);
        },
      ),
    );
  });

  it('final states and mediation_failed have no deadline', () => {
    const t = cst('2026-06-01T10:00:00');
    for (const status of ['mediation_failed', 'resolved', 'dismissed', 'withdrawn', 'refused_by_regulator', 'regulator_closed'] as const)
      expect(deadlineOf({ status, filedAt: t, statusSince: t })).toBeNull();
    expect(isOverdue(null, t)).toBe(false);
  });

  it('the 3-year limit: on its last instant filed, a millisecond later refused', () => {
    const orderAt = cst('2023-12-05T09:30:00');
    expect(filingLimit(orderAt)).toEqual(cst('2026-12-05T09:30:00'));
    expect(pastFilingLimit(orderAt, cst('2026-12-05T09:30:00'))).toBe(false);
    expect(pastFilingLimit(orderAt, just(filingLimit(orderAt)))).toBe(true);
  });

  it('property: a working-day deadline ends a working day at 23:59:59.999 CST, never sooner than the calendar days', () => {
    const in2026 = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-09-30T00:00:00Z') }).map((n) => new Date(n));
    fc.assert(
      fc.property(in2026, fc.constantFrom('negotiating', 'mediating', 'escalated', 'accepted_by_regulator' as const), (t, status) => {
        const due = deadlineOf({ status, filedAt: t, statusSince: t }) as Date;
        const days = status === 'negotiating' ? 10 : status === 'escalated' ? 7 : 45;
        expect(due.getTime() - t.getTime()).toBeGreaterThanOrEqual(days * 86_400_000 - 86_400_000);
        expect(isWorkingDay(due)).toBe(true);
        expect(new Date(due.getTime() + 8 * 3_600_000).toISOString().slice(11)).toBe('23:59:59.999Z');
      }),
    );
  });
});
