/** Records of the programmes context: 共享直播间 — a live base's shared studios and their bookings. docs/programmes.md. */

/** One weekday's opening hours in China time (UTC+8), minutes since midnight (close ≤ 1440); null = closed. */
export interface DayHours {
  open: number;
  close: number;
}
/** Seven entries, Monday first. */
export type OpeningHours = Array<DayHours | null>;

export interface StudioRecord {
  id: string;
  baseOrgId: string;
  name: string;
  equipment: string[];
  openingHours: OpeningHours;
  pricePerHourFen: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A studio as bookers browse it: with its base's name. */
export type StudioListing = StudioRecord & { baseName: string };

export type BookingStatus = 'booked' | 'checked_in' | 'cancelled' | 'late_cancelled' | 'no_show';
export type BookerRole = 'mcn_manager' | 'streamer' | 'merchant_staff';

export interface BookingRecord {
  id: string;
  studioId: string;
  baseOrgId: string;
  bookerUserId: string;
  bookerOrgId: string | null;
  bookerRole: BookerRole;
  /** who the no-show tally counts against: the MCN or merchant organization, or the streamer */
  partyId: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  priceFen: number;
  sessionId: string | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** a booking as listed: its studio and base by name, and the title of the live session named at check-in (if any) */
export type BookingListing = BookingRecord & { studioName: string; baseName: string; sessionTitle: string | null };

export interface StudioInput {
  name: string;
  equipment: string[];
  openingHours: OpeningHours;
  pricePerHourFen: number;
  active: boolean;
}

export interface BookingInput {
  studioId: string;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
}

/** One China day's utilisation of a studio (or a base): hours booked ÷ hours open. */
export interface UtilisationDay {
  /** YYYY-MM-DD, China time */
  day: string;
  openHours: number;
  bookedHours: number;
  /** 0..1; 0 when the studio was closed */
  rate: number;
}

export interface StudioUtilisation {
  studioId: string;
  name: string;
  days: UtilisationDay[];
  openHours: number;
  bookedHours: number;
  rate: number;
}

export interface BaseUtilisation {
  baseOrgId: string;
  days: UtilisationDay[];
  openHours: number;
  bookedHours: number;
  rate: number;
  studios: StudioUtilisation[];
}
