/**
 * Drizzle implementation of the studios and bookings port (programmes). An overlapping booking is refused by the
 * exclusion constraint `studio_bookings_no_overlap` (SQLSTATE 23P01), answered as `programmes.slot_taken`.
 */
import {
  AppError,
  type BookingListing,
  type BookingRecord,
  type BookingStatus,
  type ProgrammesRepository,
  type StudioListing,
  type StudioRecord,
} from '@livehub/core';
import { and, asc, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { organizations } from '../schema/identity.ts';
import { liveSessions } from '../schema/live.ts';
import { studioBookings, studios } from '../schema/programmes.ts';
import { baseProfiles } from '../schema/registry.ts';

/** The SQLSTATE and constraint of a driver error, wherever the ORM wrapped it. */
function pgError(e: unknown): { code?: string; constraint?: string } {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const c = cur as { code?: unknown; constraint?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code))
      return { code: c.code, ...(typeof c.constraint === 'string' ? { constraint: c.constraint } : {}) };
  }
  return {};
}

const studioListing = {
  id: studios.id,
  baseOrgId: studios.baseOrgId,
  name: studios.name,
  equipment: studios.equipment,
  openingHours: studios.openingHours,
  pricePerHourFen: studios.pricePerHourFen,
  active: studios.active,
  createdAt: studios.createdAt,
  updatedAt: studios.updatedAt,
  baseName: organizations.name,
};

export class DrizzleProgrammesRepository implements ProgrammesRepository {
  constructor(private readonly db: Db) {}

  async insertStudio(s: StudioRecord): Promise<void> {
    try {
      await this.db.insert(studios).values(s);
    } catch (e) {
      if (pgError(e).code === '23505') throw new AppError('programmes.name_taken', { field: 'name', cause: e });
      throw e;
    }
  }
  async updateStudio(id: string, patch: Partial<Omit<StudioRecord, 'id' | 'baseOrgId' | 'createdAt'>>): Promise<void> {
    try {
      await this.db.update(studios).set(patch).where(eq(studios.id, id));
    } catch (e) {
      if (pgError(e).code === '23505') throw new AppError('programmes.name_taken', { field: 'name', cause: e });
      throw e;
    }
  }
  async findStudio(id: string): Promise<StudioRecord | null> {
    const [row] = await this.db.select().from(studios).where(eq(studios.id, id)).limit(1);
    return (row as StudioRecord | undefined) ?? null;
  }
  async listStudiosOfBase(baseOrgId: string): Promise<StudioRecord[]> {
    return (await this.db.select().from(studios).where(eq(studios.baseOrgId, baseOrgId)).orderBy(asc(studios.name))) as StudioRecord[];
  }
  async listBookableStudios(opts: { baseOrgId?: string | undefined; limit: number }): Promise<StudioListing[]> {
    const where: SQL[] = [eq(studios.active, true), eq(baseProfiles.status, 'certified')];
    if (opts.baseOrgId) where.push(eq(studios.baseOrgId, opts.baseOrgId));
    return (await this.db
      .select(studioListing)
      .from(studios)
      .innerJoin(baseProfiles, eq(baseProfiles.orgId, studios.baseOrgId))
      .innerJoin(organizations, eq(organizations.id, studios.baseOrgId))
      .where(and(...where))
      .orderBy(asc(organizations.name), asc(studios.name))
      .limit(opts.limit)) as StudioListing[];
  }
  async findBookableStudio(id: string): Promise<StudioListing | null> {
    const [row] = await this.db
      .select(studioListing)
      .from(studios)
      .innerJoin(baseProfiles, eq(baseProfiles.orgId, studios.baseOrgId))
      .innerJoin(organizations, eq(organizations.id, studios.baseOrgId))
      .where(and(eq(studios.id, id), eq(studios.active, true), eq(baseProfiles.status, 'certified')))
      .limit(1);
    return (row as StudioListing | undefined) ?? null;
  }

  async insertBooking(b: BookingRecord): Promise<void> {
    try {
      await this.db.insert(studioBookings).values(b);
    } catch (e) {
      // the exclusion constraint: another booking holds an overlapping slot of this studio
      if (pgError(e).code === '23P01') throw new AppError('programmes.slot_taken', { field: 'startsAt', cause: e });
      throw e;
    }
  }
  async findBooking(id: string, opts: { lock?: boolean } = {}): Promise<BookingRecord | null> {
    const q = this.db.select().from(studioBookings).where(eq(studioBookings.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as BookingRecord | undefined) ?? null;
  }
  async transitionBooking(
    id: string,
    from: BookingStatus[],
    patch: Pick<BookingRecord, 'status' | 'updatedAt'> & Partial<Pick<BookingRecord, 'checkedInAt' | 'cancelledAt' | 'sessionId'>>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(studioBookings)
      .set(patch)
      .where(and(eq(studioBookings.id, id), inArray(studioBookings.status, from)))
      .returning({ id: studioBookings.id });
    return rows.length === 1;
  }
  async listBookings(opts: {
    baseOrgId?: string | undefined;
    bookerUserId?: string | undefined;
    partyId?: string | undefined;
    studioId?: string | undefined;
    sessionIds?: string[] | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
  }): Promise<BookingListing[]> {
    if (opts.sessionIds?.length === 0) return [];
    const where: SQL[] = [];
    if (opts.baseOrgId) where.push(eq(studioBookings.baseOrgId, opts.baseOrgId));
    if (opts.bookerUserId) where.push(eq(studioBookings.bookerUserId, opts.bookerUserId));
    if (opts.partyId) where.push(eq(studioBookings.partyId, opts.partyId));
    if (opts.studioId) where.push(eq(studioBookings.studioId, opts.studioId));
    if (opts.sessionIds) where.push(inArray(studioBookings.sessionId, opts.sessionIds));
    if (opts.from) where.push(gte(studioBookings.startsAt, opts.from));
    if (opts.to) where.push(lt(studioBookings.startsAt, opts.to));
    const rows = await this.db
      .select({ b: studioBookings, studioName: studios.name, baseName: organizations.name, sessionTitle: liveSessions.title })
      .from(studioBookings)
      .innerJoin(studios, eq(studios.id, studioBookings.studioId))
      .innerJoin(organizations, eq(organizations.id, studioBookings.baseOrgId))
      .leftJoin(liveSessions, eq(liveSessions.id, studioBookings.sessionId))
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(studioBookings.startsAt), desc(studioBookings.id))
      .limit(opts.limit);
    return rows.map((r) => ({ ...(r.b as BookingRecord), studioName: r.studioName, baseName: r.baseName, sessionTitle: r.sessionTitle }));
  }
  async incidentsOf(partyId: string, since: Date): Promise<BookingRecord[]> {
    // late cancellations are found by their start too: a cancellation comes before its start, so this reaches them
    return (await this.db
      .select()
      .from(studioBookings)
      .where(
        and(
          eq(studioBookings.partyId, partyId),
          inArray(studioBookings.status, ['no_show', 'late_cancelled']),
          gte(studioBookings.startsAt, since),
        ),
      )
      .orderBy(asc(studioBookings.startsAt))) as BookingRecord[];
  }
  async overdueBookings(startedBefore: Date, limit: number): Promise<BookingRecord[]> {
    return (await this.db
      .select()
      .from(studioBookings)
      .where(and(eq(studioBookings.status, 'booked'), lt(studioBookings.startsAt, startedBefore)))
      .orderBy(asc(studioBookings.startsAt))
      .limit(limit)) as BookingRecord[];
  }
}
