/**
 * Deadlines in working days (工作日): weekends and listed public holidays do not count; listed make-up working days
 * (调休) on weekends do. Dates are handled in China Standard Time (UTC+8) whatever the server's zone.
 */

const CST_OFFSET_MS = 8 * 3600_000;

export interface WorkingCalendar {
  /** YYYY-MM-DD in CST */
  holidays: ReadonlySet<string>;
  /** weekend days that are working days (调休), YYYY-MM-DD */
  workdays: ReadonlySet<string>;
}

export const DEFAULT_CALENDAR: WorkingCalendar = {
  // 2026 public holidays (国务院办公厅 notice pattern): New Year, Spring Festival, Qingming, Labour Day, Dragon Boat,
  // Mid-Autumn and National Day. Extend per year; a deployment can supply its own.
  holidays: new Set([
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    // 2027: the statutory days of 全国年节及纪念日放假办法 (2024 revision) — 元旦 1, 春节 4 (除夕 to 初三), 清明 1,
    // 劳动节 2, 端午 1, 中秋 1, 国庆 3 — on their 2027 dates. The State Council's arrangement for 2027 (bridging days
    // and 调休 weekends) is to be added here once published; until then 2027's holidays are these days and weekends.
    '2027-01-01',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
  ]),
  workdays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
};

function cstDay(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(d: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const day = cstDay(d);
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = new Date(d.getTime() + CST_OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline N working days after `from`: the end (23:59:59.999 CST) of the N-th working day after the day of
 * `from`. The day something is submitted does not count, as with statutory time limits.
 */
export function addWorkingDays(from: Date, n: number, cal: WorkingCalendar = DEFAULT_CALENDAR): Date {
  let d = new Date(from.getTime());
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() + 86_400_000);
    if (isWorkingDay(d, cal)) left--;
  }
  const day = cstDay(d);
  return new Date(Date.parse(`${day}T23:59:59.999+08:00`));
}

/** End of the calendar day N days after `from` (CST): notice periods count calendar days. */
export function addCalendarDays(from: Date, n: number): Date {
  const day = cstDay(new Date(from.getTime() + n * 86_400_000));
  return new Date(Date.parse(`${day}T23:59:59.999+08:00`));
}

/**
 * The end of a period of N calendar days as 民法典 Art. 201 and 203 count it: the day of `from` does not count, the
 * period runs to 24:00 (China time) of its N-th day — and when that last day is a 法定休假日 (a weekend or a public
 * holiday; a 调休 working day is not one), to 24:00 of the first working day after it. Returns that 24:00 instant
 * (the next day's 00:00 CST): a step at or before it is in time.
 */
export function endOfDaysPeriod(from: Date, n: number, cal: WorkingCalendar = DEFAULT_CALENDAR): Date {
  const day = cstDay(from);
  let last = Date.parse(`${day}T12:00:00+08:00`) + n * 86_400_000;
  while (!isWorkingDay(new Date(last), cal)) last += 86_400_000;
  return new Date(Date.parse(`${cstDay(new Date(last))}T00:00:00+08:00`) + 86_400_000);
}
