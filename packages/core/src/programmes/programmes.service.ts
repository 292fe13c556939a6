/**
 * 共享直播间 (seed 002): a live base's operator keeps its studios (equipment, opening hours, hourly price); MCN
 * managers, streamers and merchant staff browse the active studios of certified bases and book whole half-hours.
 * No double booking: the database's exclusion constraint refuses an overlapping slot (`programmes.slot_taken`), so
 * racing requests cannot both win. Cancellation, check-in (optionally naming the live session held in the studio),
 * the no-show sweep and the suspension after 3 no-shows are the rules of programmes.rules.ts. docs/programmes.md.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { SessionLookup } from '../live/session-lookup.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import {
  bookingPrice,
  bookingRefusal,
  cancellationOutcome,
  checkInWindow,
  chinaDays,
  chinaTime,
  incidentAt,
  incidentLookback,
  noShowAfter,
  openingHoursProblem,
  suspendedUntil,
  sumDays,
  utilisation,
} from './programmes.rules.ts';
import type {
  BaseUtilisation,
  BookerRole,
  BookingInput,
  BookingListing,
  BookingRecord,
  StudioInput,
  StudioListing,
  StudioRecord,
} from './programmes.types.ts';

export interface ProgrammesDeps {
  uow: ScopedUnitOfWork<'programmes' | 'audit' | 'outbox' | 'live'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  /** the live context's reader: a session named at check-in must be the booker's own, scheduled or live */
  sessions: Pick<SessionLookup, 'sessionIn'>;
}

const BOOKERS: ReadonlySet<Actor['role']> = new Set<BookerRole>(['mcn_manager', 'streamer', 'merchant_staff']);
const DAY_MS = 86_400_000;

export class ProgrammesService {
  constructor(private readonly d: ProgrammesDeps) {}

  private baseOf(actor: Actor): string {
    if (actor.role !== 'base_operator' || !actor.orgId) throw new AppError('auth.forbidden');
    return actor.orgId;
  }

  private booker(actor: Actor): { userId: string; role: BookerRole; partyId: string } {
    if (!actor.userId) throw new AppError('auth.required');
    if (!BOOKERS.has(actor.role)) throw new AppError('auth.forbidden');
    const role = actor.role as BookerRole;
    // a streamer's no-shows are the streamer's own; an MCN's or a merchant's are the organization's
    const partyId = role === 'streamer' || !actor.orgId ? actor.userId : actor.orgId;
    return { userId: actor.userId, role, partyId };
  }

  private checkStudioInput(input: StudioInput): void {
    const problem = openingHoursProblem(input.openingHours);
    if (problem) throw new AppError('programmes.bad_hours', { field: problem });
  }

  // ── studios (the base operator) ──────────────────────────────────────────────────────────────

  async listOwnStudios(actor: Actor): Promise<StudioRecord[]> {
    return this.d.uow.read.programmes.listStudiosOfBase(this.baseOf(actor));
  }

  async createStudio(actor: Actor, input: StudioInput): Promise<StudioRecord> {
    const baseOrgId = this.baseOf(actor);
    this.checkStudioInput(input);
    const now = this.d.clock.now();
    const studio: StudioRecord = {
      id: this.d.ids.next(),
      baseOrgId,
      name: input.name.trim(),
      equipment: input.equipment.map((e) => e.trim()).filter(Boolean),
      openingHours: input.openingHours,
      pricePerHourFen: input.pricePerHourFen,
      active: input.active,
      createdAt: now,
      updatedAt: now,
    };
    return this.d.uow.transaction(async (tx) => {
      await tx.programmes.insertStudio(studio);
      await this.d.audit.record(tx, actor, {
        action: 'studio.create',
        targetType: 'studio',
        targetId: studio.id,
        detail: { name: studio.name, pricePerHourFen: studio.pricePerHourFen, active: studio.active },
      });
      return studio;
    });
  }

  /** Another base's studio is answered as not found, as one that does not exist. */
  async updateStudio(actor: Actor, id: string, input: StudioInput): Promise<StudioRecord> {
    const baseOrgId = this.baseOf(actor);
    this.checkStudioInput(input);
    return this.d.uow.transaction(async (tx) => {
      const studio = await tx.programmes.findStudio(id);
      if (!studio || studio.baseOrgId !== baseOrgId) throw new AppError('programmes.studio_not_found', { field: 'id' });
      const patch = {
        name: input.name.trim(),
        equipment: input.equipment.map((e) => e.trim()).filter(Boolean),
        openingHours: input.openingHours,
        pricePerHourFen: input.pricePerHourFen,
        active: input.active,
        updatedAt: this.d.clock.now(),
      };
      await tx.programmes.updateStudio(id, patch);
      await this.d.audit.record(tx, actor, {
        action: 'studio.update',
        targetType: 'studio',
        targetId: id,
        detail: { name: patch.name, pricePerHourFen: patch.pricePerHourFen, active: patch.active },
      });
      return { ...studio, ...patch };
    });
  }

  /** The base's bookings whose start lies in [from, to) (default: 7 days back to 30 days ahead). */
  async baseBookings(actor: Actor, q: { from?: Date | undefined; to?: Date | undefined }): Promise<BookingListing[]> {
    const baseOrgId = this.baseOf(actor);
    const now = this.d.clock.now();
    return this.d.uow.read.programmes.listBookings({
      baseOrgId,
      from: q.from ?? new Date(now.getTime() - 7 * DAY_MS),
      to: q.to ?? new Date(now.getTime() + 31 * DAY_MS),
      limit: 500,
    });
  }

  /** Utilisation of the base's studios per China day over the last `days` days (today included). */
  async utilisation(actor: Actor, days = 30): Promise<BaseUtilisation> {
    const baseOrgId = this.baseOf(actor);
    const now = this.d.clock.now();
    const dayList = chinaDays(chinaTime(now).day, days);
    const from = new Date(Date.parse(`${dayList[0]}T00:00:00Z`) - 8 * 3_600_000 - DAY_MS);
    const to = new Date(now.getTime() + DAY_MS);
    const studios = await this.d.uow.read.programmes.listStudiosOfBase(baseOrgId);
    const bookings = await this.d.uow.read.programmes.listBookings({ baseOrgId, from, to, limit: 10_000 });
    const perStudio = studios.map((s) => {
      const series = utilisation(
        s.openingHours,
        bookings.filter((b) => b.studioId === s.id),
        dayList,
      );
      return { studioId: s.id, name: s.name, days: series, ...totals(series) };
    });
    const all = sumDays(
      perStudio.map((s) => s.days),
      dayList,
    );
    return { baseOrgId, days: all, ...totals(all), studios: perStudio };
  }

  // ── browsing and booking (MCN managers, streamers, merchant staff) ────────────────────────────

  async browse(actor: Actor, q: { baseOrgId?: string | undefined }): Promise<StudioListing[]> {
    this.booker(actor);
    return this.d.uow.read.programmes.listBookableStudios({ baseOrgId: q.baseOrgId, limit: 200 });
  }

  /** The caller's standing: until when it may not book (null = may book), from its no-shows and late cancellations. */
  async standing(actor: Actor): Promise<{ suspendedUntil: Date | null; incidents: number }> {
    const { partyId } = this.booker(actor);
    const now = this.d.clock.now();
    const incidents = await this.d.uow.read.programmes.incidentsOf(partyId, incidentLookback(now));
    const recent = incidents.filter((b) => incidentAt(b).getTime() > now.getTime() - 30 * DAY_MS);
    return { suspendedUntil: suspendedUntil(incidents.map(incidentAt), now), incidents: recent.length };
  }

  async book(actor: Actor, input: BookingInput): Promise<BookingRecord> {
    const who = this.booker(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const studio = await tx.programmes.findBookableStudio(input.studioId);
      if (!studio) throw new AppError('programmes.studio_not_found', { field: 'studioId' });
      const refusal = bookingRefusal(studio.openingHours, input.startsAt, input.endsAt, now);
      if (refusal) throw new AppError(refusal.code, { field: refusal.field });
      const incidents = await tx.programmes.incidentsOf(who.partyId, incidentLookback(now));
      const until = suspendedUntil(incidents.map(incidentAt), now);
      if (until) throw new AppError('programmes.booking_suspended', { field: 'studioId', details: { until: until.toISOString() } });
      const booking: BookingRecord = {
        id: this.d.ids.next(),
        studioId: studio.id,
        baseOrgId: studio.baseOrgId,
        bookerUserId: who.userId,
        bookerOrgId: actor.orgId,
        bookerRole: who.role,
        partyId: who.partyId,
        purpose: input.purpose.trim(),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        status: 'booked',
        priceFen: bookingPrice(studio.pricePerHourFen, input.startsAt, input.endsAt),
        sessionId: null,
        checkedInAt: null,
        cancelledAt: null,
        createdAt: now,
        updatedAt: now,
      };
      // the exclusion constraint refuses an overlap here (programmes.slot_taken), whatever races
      await tx.programmes.insertBooking(booking);
      await this.d.audit.record(tx, actor, {
        action: 'studio.book',
        targetType: 'studio_booking',
        targetId: booking.id,
        detail: { studioId: studio.id, startsAt: booking.startsAt.toISOString(), endsAt: booking.endsAt.toISOString() },
      });
      await this.outbox(tx, 'programmes.booked', booking, now);
      return booking;
    });
  }

  async myBookings(actor: Actor): Promise<BookingListing[]> {
    const who = this.booker(actor);
    return this.d.uow.read.programmes.listBookings({ bookerUserId: who.userId, limit: 200 });
  }

  /** The booker cancels: free until 24 h before the start, a late cancellation (counted like a no-show) after. */
  async cancel(actor: Actor, id: string): Promise<BookingRecord> {
    const who = this.booker(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const b = await this.ownBooking(tx, who.userId, id);
      if (b.status !== 'booked') throw new AppError('programmes.not_cancellable', { field: 'id' });
      if (b.startsAt.getTime() <= now.getTime()) throw new AppError('programmes.not_cancellable', { field: 'id' });
      const status = cancellationOutcome(b.startsAt, now);
      const ok = await tx.programmes.transitionBooking(id, ['booked'], { status, cancelledAt: now, updatedAt: now });
      if (!ok) throw new AppError('programmes.not_cancellable', { field: 'id' });
      await this.d.audit.record(tx, actor, {
        action: status === 'cancelled' ? 'studio.cancel' : 'studio.cancel_late',
        targetType: 'studio_booking',
        targetId: id,
        detail: { studioId: b.studioId, startsAt: b.startsAt.toISOString() },
      });
      const after = { ...b, status, cancelledAt: now, updatedAt: now };
      await this.outbox(tx, 'programmes.cancelled', after, now);
      return after;
    });
  }

  /**
   * The booker checks in, from 15 min before the start to 30 min after. `sessionId` ties a live session to the
   * studio: the booker's own (the streamer's, or one of the MCN's), scheduled or live.
   */
  async checkIn(actor: Actor, id: string, input: { sessionId?: string | undefined }): Promise<BookingRecord> {
    const who = this.booker(actor);
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const b = await this.ownBooking(tx, who.userId, id);
      if (b.status !== 'booked') throw new AppError('programmes.not_checkable', { field: 'id' });
      const window = checkInWindow(b.startsAt, now);
      if (window === 'early') throw new AppError('programmes.check_in_early', { field: 'id' });
      if (window === 'late') throw new AppError('programmes.check_in_late', { field: 'id' });
      let sessionId: string | null = null;
      if (input.sessionId) {
        const s = await this.d.sessions.sessionIn(tx, input.sessionId);
        const mine = s && (s.streamerUserId === who.userId || (who.role === 'mcn_manager' && s.mcnOrgId === actor.orgId));
        if (!s || !mine || (s.status !== 'scheduled' && s.status !== 'live'))
          throw new AppError('programmes.session_invalid', { field: 'sessionId' });
        sessionId = s.id;
      }
      const ok = await tx.programmes.transitionBooking(id, ['booked'], {
        status: 'checked_in',
        checkedInAt: now,
        sessionId,
        updatedAt: now,
      });
      if (!ok) throw new AppError('programmes.not_checkable', { field: 'id' });
      await this.d.audit.record(tx, actor, {
        action: 'studio.check_in',
        targetType: 'studio_booking',
        targetId: id,
        detail: { studioId: b.studioId, sessionId },
      });
      const after = { ...b, status: 'checked_in' as const, checkedInAt: now, sessionId, updatedAt: now };
      await this.outbox(tx, 'programmes.checked_in', after, now);
      return after;
    });
  }

  /** Time-driven: bookings not checked in by 30 min after their start become no-shows. Idempotent. */
  async sweep(at?: Date): Promise<{ studioNoShows: number }> {
    const now = at ?? this.d.clock.now();
    let count = 0;
    for (;;) {
      const overdue = await this.d.uow.read.programmes.overdueBookings(new Date(now.getTime() - 30 * 60_000), 100);
      let moved = 0;
      for (const b of overdue) {
        if (noShowAfter(b.startsAt).getTime() >= now.getTime()) continue;
        const ok = await this.d.uow.transaction(async (tx) => {
          const done = await tx.programmes.transitionBooking(b.id, ['booked'], { status: 'no_show', updatedAt: now });
          if (!done) return false;
          await this.d.audit.record(tx, SYSTEM_ACTOR, {
            action: 'studio.no_show',
            targetType: 'studio_booking',
            targetId: b.id,
            detail: { studioId: b.studioId, partyId: b.partyId, startsAt: b.startsAt.toISOString() },
          });
          await this.outbox(tx, 'programmes.no_show', { ...b, status: 'no_show' }, now);
          return true;
        });
        if (ok) moved++;
      }
      count += moved;
      if (overdue.length < 100 || moved === 0) break;
    }
    return { studioNoShows: count };
  }

  private async ownBooking(
    tx: { programmes: { findBooking: (id: string, o?: { lock?: boolean }) => Promise<BookingRecord | null> } },
    userId: string,
    id: string,
  ) {
    const b = await tx.programmes.findBooking(id, { lock: true });
    if (!b || b.bookerUserId !== userId) throw new AppError('programmes.booking_not_found', { field: 'id' });
    return b;
  }

  private async outbox(
    tx: {
      outbox: {
        add: (e: {
          id: string;
          topic: string;
          payload: Record<string, unknown>;
          createdAt: Date;
          publishedAt: Date | null;
        }) => Promise<void>;
      };
    },
    topic: string,
    b: BookingRecord,
    now: Date,
  ) {
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic,
      payload: { bookingId: b.id, studioId: b.studioId, baseOrgId: b.baseOrgId, status: b.status, startsAt: b.startsAt.toISOString() },
      createdAt: now,
      publishedAt: null,
    });
  }
}

function totals(days: Array<{ openHours: number; bookedHours: number }>): { openHours: number; bookedHours: number; rate: number } {
  const openHours = days.reduce((s, d) => s + d.openHours, 0);
  const bookedHours = days.reduce((s, d) => s + d.bookedHours, 0);
  return { openHours, bookedHours, rate: openHours > 0 ? Math.min(1, bookedHours / openHours) : 0 };
}
