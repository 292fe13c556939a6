/**
 * The rules of 共享直播间 bookings (seed 002: shared live studios in bases and malls), pure: opening hours in China
 * time, whole half-hours, 1–8 hours, at most 30 days ahead, free cancellation until 24 h before, check-in from 15 min
 * before to 30 min after the start, and a 14-day suspension after 3 no-shows (late cancellations count) in 30 days.
 * docs/programmes.md.
 */
import type { BookingRecord, BookingStatus, DayHours, OpeningHours, UtilisationDay } from './programmes.types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** China time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET = 8 * HOUR;

export const BOOKING_RULES = {
  slotMinutes: 30,
  minHours: 1,
  maxHours: 8,
  maxDaysAhead: 30,
  freeCancelHours: 24,
  checkInBeforeMinutes: 15,
  checkInAfterMinutes: 30,
  noShowLimit: 3,
  noShowWindowDays: 30,
  suspensionDays: 14,
} as const;

export type BookingRefusal =
  | { code: 'programmes.not_half_hour'; field: 'startsAt' | 'endsAt' }
  | { code: 'programmes.in_past'; field: 'startsAt' }
  | { code: 'programmes.too_far_ahead'; field: 'startsAt' }
  | { code: 'programmes.bad_length'; field: 'endsAt' }
  | { code: 'programmes.outside_hours'; field: 'startsAt' };

/** The China-time weekday (0 = Monday) and minutes since midnight of an instant, and its China day. */
export function chinaTime(at: Date): { weekday: number; minutes: number; day: string } {
  const local = new Date(at.getTime() + CHINA_OFFSET);
  return {
    weekday: (local.getUTCDay() + 6) % 7,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
    day: local.toISOString().slice(0, 10),
  };
}

/** The instant a China day (YYYY-MM-DD) begins. */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET);
}

const MINUTES_PER_DAY = 1440;

function isHalfHour(at: Date): boolean {
  return at.getTime() % (BOOKING_RULES.slotMinutes * MINUTE) === 0;
}

/** Whether opening hours are well formed: 7 days, each closed or open < close within the day, on half-hours. */
export function openingHoursProblem(hours: OpeningHours): string | null {
  if (hours.length !== 7) return 'openingHours';
  for (const [i, d] of hours.entries()) {
    if (d === null) continue;
    const ok =
      Number.isInteger(d.open) &&
      Number.isInteger(d.close) &&
      d.open >= 0 &&
      d.close <= 1440 &&
      d.open < d.close &&
      d.open % 30 === 0 &&
      d.close % 30 === 0;
    if (!ok) return `openingHours.${i}`;
  }
  return null;
}

/** Why a booking of [startsAt, endsAt) may not be made now, or null when it may. */
export function bookingRefusal(hours: OpeningHours, startsAt: Date, endsAt: Date, now: Date): BookingRefusal | null {
  if (!isHalfHour(startsAt)) return { code: 'programmes.not_half_hour', field: 'startsAt' };
  if (!isHalfHour(endsAt)) return { code: 'programmes.not_half_hour', field: 'endsAt' };
  if (startsAt.getTime() <= now.getTime()) return { code: 'programmes.in_past', field: 'startsAt' };
  if (startsAt.getTime() > now.getTime() + BOOKING_RULES.maxDaysAhead * DAY) return { code: 'programmes.too_far_ahead', field: 'startsAt' };
  const length = endsAt.getTime() - startsAt.getTime();
  if (length < BOOKING_RULES.minHours * HOUR || length > BOOKING_RULES.maxHours * HOUR)
    return { code: 'programmes.bad_length', field: 'endsAt' };
  if (!withinHours(hours, startsAt, endsAt)) return { code: 'programmes.outside_hours', field: 'startsAt' };
  return null;
}

/**
 * Whether [startsAt, endsAt) lies inside the opening hours: within one China day's hours, or — for a late-night
 * session — running past midnight when the day is open until 24:00 and the next day from 00:00 (a booking is at most
 * 8 hours, so it touches two days at most).
 */
export function withinHours(hours: OpeningHours, startsAt: Date, endsAt: Date): boolean {
  const s = chinaTime(startsAt);
  const day: DayHours | null | undefined = hours[s.weekday];
  if (!day || s.minutes < day.open) return false;
  const endMinutes = s.minutes + (endsAt.getTime() - startsAt.getTime()) / MINUTE;
  if (endMinutes <= day.close) return true;
  if (day.close !== MINUTES_PER_DAY) return false;
  const next: DayHours | null | undefined = hours[(s.weekday + 1) % 7];
  return !!next && next.open === 0 && endMinutes - MINUTES_PER_DAY <= next.close;
}

/** What a cancellation now makes of a booking: free until 24 h before the start, late afterwards. */
export function cancellationOutcome(startsAt: Date, now: Date): Extract<BookingStatus, 'cancelled' | 'late_cancelled'> {
  return now.getTime() <= startsAt.getTime() - BOOKING_RULES.freeCancelHours * HOUR ? 'cancelled' : 'late_cancelled';
}

/** Whether check-in is open: from 15 min before the start to 30 min after, both ends included. */
export function checkInWindow(startsAt: Date, now: Date): 'early' | 'open' | 'late' {
  const t = now.getTime();
  if (t < startsAt.getTime() - BOOKING_RULES.checkInBeforeMinutes * MINUTE) return 'early';
  if (t > startsAt.getTime() + BOOKING_RULES.checkInAfterMinutes * MINUTE) return 'late';
  return 'open';
}

/** The instant after which an unchecked booking is a no-show (the sweep marks those strictly past it). */
export function noShowAfter(startsAt: Date): Date {
  return new Date(startsAt.getTime() + BOOKING_RULES.checkInAfterMinutes * MINUTE);
}

/** When an incident (no-show or late cancellation) happened: the start for a no-show, the cancellation otherwise. */
export function incidentAt(b: Pick<BookingRecord, 'status' | 'startsAt' | 'cancelledAt'>): Date {
  return b.status === 'late_cancelled' && b.cancelledAt ? b.cancelledAt : b.startsAt;
}

/** How far back the incidents that may still suspend a party reach (30-day window + 14-day suspension). */
export function incidentLookback(now: Date): Date {
  return new Date(now.getTime() - (BOOKING_RULES.noShowWindowDays + BOOKING_RULES.suspensionDays) * DAY);
}

/**
 * Until when a party may not book, or null: the 3rd incident within any 30 days suspends it for 14 days from that
 * incident. `incidents` are the times of its no-shows and late cancellations.
 */
export function suspendedUntil(incidents: Date[], now: Date): Date | null {
  const times = incidents
    .map((d) => d.getTime())
    .filter((t) => t <= now.getTime())
    .sort((a, b) => a - b);
  let until: number | null = null;
  const n = BOOKING_RULES.noShowLimit;
  for (let i = n - 1; i < times.length; i++) {
    const t = times[i] as number;
    const first = times[i - n + 1] as number;
    if (t - first < BOOKING_RULES.noShowWindowDays * DAY) {
      const end = t + BOOKING_RULES.suspensionDays * DAY;
      if (end > now.getTime() && (until === null || end > until)) until = end;
    }
  }
  return until === null ? null : new Date(until);
}

/** The price of a booking: the hourly price times its length (half-hours at half the price). */
export function bookingPrice(pricePerHourFen: number, startsAt: Date, endsAt: Date): number {
  return Math.round((pricePerHourFen * (endsAt.getTime() - startsAt.getTime())) / HOUR);
}

/** The China days ending with `lastDay`, oldest first. */
export function chinaDays(lastDay: string, count: number): string[] {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * DAY).toISOString().slice(0, 10));
}

/**
 * Utilisation per China day: hours open that weekday, hours booked (bookings that held the slot: booked, checked in
 * or not shown up — cancelled ones freed it), clipped to the day.
 */
export function utilisation(
  hours: OpeningHours,
  bookings: Array<Pick<BookingRecord, 'startsAt' | 'endsAt' | 'status'>>,
  days: string[],
): UtilisationDay[] {
  return days.map((day) => {
    const start = chinaDayStart(day).getTime();
    const end = start + DAY;
    const weekday = chinaTime(new Date(start)).weekday;
    const open = hours[weekday];
    const openHours = open ? (open.close - open.open) / 60 : 0;
    let bookedMs = 0;
    for (const b of bookings) {
      if (b.status === 'cancelled' || b.status === 'late_cancelled') continue;
      const s = Math.max(start, b.startsAt.getTime());
      const e = Math.min(end, b.endsAt.getTime());
      if (e > s) bookedMs += e - s;
    }
    const bookedHours = bookedMs / HOUR;
    return { day, openHours, bookedHours, rate: openHours > 0 ? Math.min(1, bookedHours / openHours) : 0 };
  });
}

/** Sums days (of several studios) into one series. */
export function sumDays(series: UtilisationDay[][], days: string[]): UtilisationDay[] {
  return days.map((day, i) => {
    let openHours = 0;
    let bookedHours = 0;
    for (const s of series) {
      openHours += s[i]?.openHours ?? 0;
      bookedHours += s[i]?.bookedHours ?? 0;
    }
    return { day, openHours, bookedHours, rate: openHours > 0 ? Math.min(1, bookedHours / openHours) : 0 };
  });
}
