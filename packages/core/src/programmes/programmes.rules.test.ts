import { describe, expect, it } from 'vitest';
import {
  bookingPrice,
  bookingRefusal,
  cancellationOutcome,
  checkInWindow,
  chinaDays,
  chinaTime,
  openingHoursProblem,
  suspendedUntil,
  utilisation,
} from './programmes.rules.ts';
import type { OpeningHours } from './programmes.types.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 09:00–18:00 China time every day */
const DAYTIME: OpeningHours = Array.from({ length: 7 }, () => ({ open: 540, close: 1080 }));
// Monday 2026-01-05 00:00 China time = 2026-01-04T16:00Z
const now = new Date('2026-01-04T16:00:00Z');
const china = (day: string, hhmm: string) => new Date(Date.parse(`${day}T${hhmm}:00+08:00`));

describe('china time', () => {
  it('weekday Monday first, minutes and day in UTC+8', () => {
    expect(chinaTime(china('2026-01-05', '09:30'))).toEqual({ weekday: 0, minutes: 570, day: '2026-01-05' });
    expect(chinaTime(china('2026-01-11', '23:30')).weekday).toBe(6);
    expect(chinaDays('2026-01-05', 3)).toEqual(['2026-01-03', '2026-01-04', '2026-01-05']);
  });
});

describe('bookingRefusal', () => {
  const r = (s: Date, e: Date, hours = DAYTIME) => bookingRefusal(hours, s, e, now)?.code ?? null;
  it('within opening hours, at and past each edge', () => {
    expect(r(china('2026-01-06', '09:00'), china('2026-01-06', '18:00'))).toBe('programmes.bad_length');
    expect(r(china('2026-01-06', '09:00'), china('2026-01-06', '17:00'))).toBeNull();
    expect(r(china('2026-01-06', '10:00'), china('2026-01-06', '18:00'))).toBeNull();
    expect(r(china('2026-01-06', '08:30'), china('2026-01-06', '10:00'))).toBe('programmes.outside_hours');
    expect(r(china('2026-01-06', '17:30'), china('2026-01-06', '18:30'))).toBe('programmes.outside_hours');
    const closedTuesday = DAYTIME.map((d, i) => (i === 1 ? null : d));
    expect(r(china('2026-01-06', '10:00'), china('2026-01-06', '11:00'), closedTuesday)).toBe('programmes.outside_hours');
  });
  it('past midnight only when the day is open until 24:00 and the next from 00:00', () => {
    const allDay: OpeningHours = Array.from({ length: 7 }, () => ({ open: 0, close: 1440 }));
    // Tuesday 20:00 → Wednesday 04:00
    expect(r(china('2026-01-06', '20:00'), china('2026-01-07', '04:00'), allDay)).toBeNull();
    const lateTuesday = allDay.map((d, i) => (i === 2 ? { open: 0, close: 180 } : d));
    expect(r(china('2026-01-06', '22:00'), china('2026-01-07', '03:00'), lateTuesday)).toBeNull();
    expect(r(china('2026-01-06', '22:00'), china('2026-01-07', '03:30'), lateTuesday)).toBe('programmes.outside_hours');
    const closedWednesday = allDay.map((d, i) => (i === 2 ? null : d));
    expect(r(china('2026-01-06', '22:00'), china('2026-01-07', '01:00'), closedWednesday)).toBe('programmes.outside_hours');
    const lateOpen = allDay.map((d, i) => (i === 2 ? { open: 60, close: 1440 } : d));
    expect(r(china('2026-01-06', '23:00'), china('2026-01-07', '01:00'), lateOpen)).toBe('programmes.outside_hours');
    const earlyClose = allDay.map((d, i) => (i === 1 ? { open: 0, close: 1380 } : d));
    expect(r(china('2026-01-06', '22:00'), china('2026-01-07', '01:00'), earlyClose)).toBe('programmes.outside_hours');
    // Sunday night runs into Monday
    expect(r(china('2026-01-11', '23:00'), china('2026-01-12', '02:00'), allDay)).toBeNull();
  });
  it('length 1–8 hours', () => {
    const allDay: OpeningHours = Array.from({ length: 7 }, () => ({ open: 0, close: 1440 }));
    const s = china('2026-01-06', '08:00');
    expect(r(s, new Date(s.getTime() + HOUR), allDay)).toBeNull();
    expect(r(s, new Date(s.getTime() + 30 * MIN), allDay)).toBe('programmes.bad_length');
    expect(r(s, new Date(s.getTime() + 8 * HOUR), allDay)).toBeNull();
    expect(r(s, new Date(s.getTime() + 8.5 * HOUR), allDay)).toBe('programmes.bad_length');
  });
  it('whole half-hours', () => {
    expect(r(china('2026-01-06', '09:30'), china('2026-01-06', '10:30'))).toBeNull();
    expect(r(china('2026-01-06', '09:15'), china('2026-01-06', '10:30'))).toBe('programmes.not_half_hour');
    expect(r(china('2026-01-06', '09:30'), china('2026-01-06', '10:45'))).toBe('programmes.not_half_hour');
  });
  it('in the future, at most 30 days ahead', () => {
    const allDay: OpeningHours = Array.from({ length: 7 }, () => ({ open: 0, close: 1440 }));
    expect(bookingRefusal(allDay, now, new Date(now.getTime() + HOUR), now)?.code).toBe('programmes.in_past');
    const s30 = new Date(now.getTime() + 30 * DAY);
    expect(bookingRefusal(allDay, s30, new Date(s30.getTime() + HOUR), now)).toBeNull();
    const s30h = new Date(s30.getTime() + 30 * MIN);
    expect(bookingRefusal(allDay, s30h, new Date(s30h.getTime() + HOUR), now)?.code).toBe('programmes.too_far_ahead');
  });
});

describe('cancellation and check-in', () => {
  const start = new Date(now.getTime() + 2 * DAY);
  it('free until exactly 24 h before, late just after', () => {
    expect(cancellationOutcome(start, new Date(start.getTime() - DAY))).toBe('cancelled');
    expect(cancellationOutcome(start, new Date(start.getTime() - DAY + 1))).toBe('late_cancelled');
  });
  it('check-in from 15 min before to 30 min after', () => {
    expect(checkInWindow(start, new Date(start.getTime() - 15 * MIN - 1))).toBe('early');
    expect(checkInWindow(start, new Date(start.getTime() - 15 * MIN))).toBe('open');
    expect(checkInWindow(start, new Date(start.getTime() + 30 * MIN))).toBe('open');
    expect(checkInWindow(start, new Date(start.getTime() + 30 * MIN + 1))).toBe('late');
  });
});

describe('suspension', () => {
  const t = now.getTime();
  it('3 incidents within 30 days suspend for 14 days from the third', () => {
    const three = [new Date(t - 10 * DAY), new Date(t - 5 * DAY), new Date(t - DAY)];
    expect(suspendedUntil(three, now)?.getTime()).toBe(t + 13 * DAY);
    expect(suspendedUntil(three.slice(1), now)).toBeNull();
  });
  it('incidents spread over exactly 30 days do not count; just under does', () => {
    // first to third: exactly 30 days apart (not within), then 1 ms less
    expect(suspendedUntil([new Date(t - 31 * DAY), new Date(t - 10 * DAY), new Date(t - DAY)], now)).toBeNull();
    expect(suspendedUntil([new Date(t - 31 * DAY + 1), new Date(t - 10 * DAY), new Date(t - DAY)], now)).not.toBeNull();
  });
  it('ends 14 days after the third', () => {
    const third = t - 14 * DAY;
    const inc = [new Date(third - 2 * DAY), new Date(third - DAY), new Date(third)];
    expect(suspendedUntil(inc, now)).toBeNull();
    const justBefore = inc.map((d) => new Date(d.getTime() + 1));
    expect(suspendedUntil(justBefore, now)?.getTime()).toBe(t + 1);
  });
});

describe('opening hours, price, utilisation', () => {
  it('validates the week', () => {
    expect(openingHoursProblem(DAYTIME)).toBeNull();
    expect(openingHoursProblem(DAYTIME.slice(1))).toBe('openingHours');
    expect(openingHoursProblem(DAYTIME.map((d, i) => (i === 3 ? { open: 600, close: 600 } : d)))).toBe('openingHours.3');
    expect(openingHoursProblem(DAYTIME.map((d, i) => (i === 4 ? { open: 545, close: 600 } : d)))).toBe('openingHours.4');
  });
  it('prices by the hour', () => {
    const s = china('2026-01-06', '09:00');
    expect(bookingPrice(20_000, s, new Date(s.getTime() + 1.5 * HOUR))).toBe(30_000);
  });
  it('booked ÷ open hours per China day; cancellations free the slot', () => {
    const days = ['2026-01-05', '2026-01-06'];
    const u = utilisation(
      DAYTIME,
      [
        { startsAt: china('2026-01-05', '09:00'), endsAt: china('2026-01-05', '12:00'), status: 'checked_in' },
        { startsAt: china('2026-01-05', '13:00'), endsAt: china('2026-01-05', '14:00'), status: 'cancelled' },
        { startsAt: china('2026-01-06', '09:00'), endsAt: china('2026-01-06', '18:00'), status: 'no_show' },
      ],
      days,
    );
    expect(u).toEqual([
      { day: '2026-01-05', openHours: 9, bookedHours: 3, rate: 3 / 9 },
      { day: '2026-01-06', openHours: 9, bookedHours: 9, rate: 1 },
    ]);
  });
});
