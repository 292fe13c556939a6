/**
 * The port of studios and bookings (programmes). Writes run in the caller's transaction. `insertBooking` fails with
 * AppError `programmes.slot_taken` when the slot overlaps a booking that holds it: the database's exclusion
 * constraint decides, so two racing requests cannot both win.
 */
import type { BookingListing, BookingRecord, BookingStatus, StudioListing, StudioRecord } from './programmes.types.ts';

export interface ProgrammesRepository {
  insertStudio(s: StudioRecord): Promise<void>;
  updateStudio(id: string, patch: Partial<Omit<StudioRecord, 'id' | 'baseOrgId' | 'createdAt'>>): Promise<void>;
  findStudio(id: string): Promise<StudioRecord | null>;
  /** a base's own studios, active or not, by name */
  listStudiosOfBase(baseOrgId: string): Promise<StudioRecord[]>;
  /** active studios of certified bases, by base and name */
  listBookableStudios(opts: { baseOrgId?: string | undefined; limit: number }): Promise<StudioListing[]>;
  /** the studio when it is active and its base is certified */
  findBookableStudio(id: string): Promise<StudioListing | null>;

  insertBooking(b: BookingRecord): Promise<void>;
  findBooking(id: string, opts?: { lock?: boolean }): Promise<BookingRecord | null>;
  /** moves a booking from one of `from` to `patch.status`; false when it was no longer in one of them */
  transitionBooking(
    id: string,
    from: BookingStatus[],
    patch: Pick<BookingRecord, 'status' | 'updatedAt'> & Partial<Pick<BookingRecord, 'checkedInAt' | 'cancelledAt' | 'sessionId'>>,
  ): Promise<boolean>;
  /** bookings whose start lies in [from, to), newest first */
  listBookings(opts: {
    baseOrgId?: string | undefined;
    bookerUserId?: string | undefined;
    partyId?: string | undefined;
    studioId?: string | undefined;
    /** the bookings these live sessions were held in (named at check-in) */
    sessionIds?: string[] | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
  }): Promise<BookingListing[]>;
  /** the party's no-shows and late cancellations since `since` */
  incidentsOf(partyId: string, since: Date): Promise<BookingRecord[]>;
  /** bookings still `booked` whose start is before `startedBefore` (the no-show sweep) */
  overdueBookings(startedBefore: Date, limit: number): Promise<BookingRecord[]>;
}
