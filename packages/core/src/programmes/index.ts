/** The programmes context's public entry: 共享直播间 — studios of live bases and their bookings. */
export type { ProgrammesRepository } from './programmes.repository.ts';
export { BOOKING_RULES, bookingRefusal, chinaTime, suspendedUntil } from './programmes.rules.ts';
export { ProgrammesService } from './programmes.service.ts';
export type { ProgrammesDeps } from './programmes.service.ts';
export type {
  BaseUtilisation,
  BookerRole,
  BookingInput,
  BookingListing,
  BookingRecord,
  BookingStatus,
  DayHours,
  OpeningHours,
  StudioInput,
  StudioListing,
  StudioRecord,
  StudioUtilisation,
  UtilisationDay,
} from './programmes.types.ts';
