/**
 * The one deadline of the notice-and-takedown path: 电子商务法 Art. 43 — the platform ends its measures if, within
 * fifteen days of the counter-notice reaching the rights holder (转送声明到达知识产权权利人后十五日内), it has not been
 * told that the holder complained to the authority or sued. Counted in calendar days as 民法典 Art. 201 and 203 count
 * a period in days: the day of forwarding does not count, the period starts the next day, and its last day ends at
 * 24:00 — China time (UTC+8). The notice's forwarding is its arrival (the inbox delivers it at once). A report is
 * in time at or before the deadline; the sweep restores what is strictly past it. When the 15th day is a 法定休假日
 * (a weekend or a public holiday of the working-day calendar; a 调休 working Saturday is not one), the period ends at
 * 24:00 of the next working day (民法典 Art. 203 para. 1, `endOfDaysPeriod`).
 */
import { DEFAULT_CALENDAR, endOfDaysPeriod, type WorkingCalendar } from '../workflows/working-days.ts';

export const HOLDER_ACTION_DAYS = 15;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The start of the China day of `at`, as an instant. */
function chinaDayStart(at: Date): number {
  const local = at.getTime() + CHINA_OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - CHINA_OFFSET_MS;
}

/**
 * The end of the 15 days: 24:00 (China time) of the 15th day after the day of forwarding, or of the first working day
 * after it when the 15th day is a weekend or public holiday.
 */
export function holderActionDeadline(forwardedAt: Date, days = HOLDER_ACTION_DAYS, cal: WorkingCalendar = DEFAULT_CALENDAR): Date {
  return endOfDaysPeriod(forwardedAt, days, cal);
}

/** Whether the period has run out at `now` (strictly past the deadline). */
export function holderActionLapsed(forwardedAt: Date, now: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  return now.getTime() > holderActionDeadline(forwardedAt, HOLDER_ACTION_DAYS, cal).getTime();
}

/** Whole China days left until the deadline: 0 on the last day, negative once past it. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.round((chinaDayStart(new Date(deadline.getTime() - 1)) - chinaDayStart(now)) / DAY_MS);
}

/** A notice number people can quote: IPN-<China date>-<6 hex of the id>. */
export function noticeNumber(id: string, at: Date): string {
  const day = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
  return `IPN-${day}-${id.replaceAll('-', '').slice(-6).toUpperCase()}`;
}
