/**
 * Contract cases of the studios and bookings port (programmes): no two bookings holding a slot of one studio overlap
 * (`programmes.slot_taken`), back-to-back ones do, a released slot is free again; a studio's name is unique in its
 * base; transitions happen once; the overdue and incident reads.
 */
import type { BookingRecord, StudioRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, storedOrg, uuid } from './fixtures.ts';

const studio = (baseOrgId: string, name: string): StudioRecord => ({
  id: uuid(),
  baseOrgId,
  name,
  equipment: ['摄像机', '绿幕'],
  openingHours: Array.from({ length: 7 }, () => ({ open: 540, close: 1320 })),
  pricePerHourFen: 20_000,
  active: true,
  createdAt: at(0),
  updatedAt: at(0),
});

const booking = (s: StudioRecord, from: number, to: number, over: Partial<BookingRecord> = {}): BookingRecord => {
  const party = uuid();
  return {
    id: uuid(),
    studioId: s.id,
    baseOrgId: s.baseOrgId,
    bookerUserId: party,
    bookerOrgId: null,
    bookerRole: 'streamer',
    partyId: party,
    purpose: '带货',
    startsAt: at(from),
    endsAt: at(to),
    status: 'booked',
    priceFen: 0,
    sessionId: null,
    checkedInAt: null,
    cancelledAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...over,
  };
};

export function programmesCases(db: ContractDb): void {
  it('refuses an overlapping booking of the same studio with programmes.slot_taken; adjacent and other studios pass', async () => {
    const r = db.r();
    // listings carry the base's name: the base is an organization
    const base = (await storedOrg(r, { kind: 'live_base' })).id;
    const a = studio(base, `一号间 ${base}`);
    const b = studio(base, `二号间 ${base}`);
    await r.programmes.insertStudio(a);
    await r.programmes.insertStudio(b);
    await expect(r.programmes.insertStudio(studio(base, a.name))).rejects.toMatchObject({ code: 'programmes.name_taken' });

    const first = booking(a, 10, 12);
    await r.programmes.insertBooking(first);
    await expect(r.programmes.insertBooking(booking(a, 11, 13))).rejects.toMatchObject({
      code: 'programmes.slot_taken',
      field: 'startsAt',
    });
    await expect(r.programmes.insertBooking(booking(a, 9, 10.5))).rejects.toMatchObject({ code: 'programmes.slot_taken' });
    await r.programmes.insertBooking(booking(a, 12, 13));
    await r.programmes.insertBooking(booking(a, 8, 10));
    await r.programmes.insertBooking(booking(b, 10, 12));
    // a cancelled booking holds nothing; a no-show neither
    await r.programmes.insertBooking(booking(a, 10, 12, { status: 'cancelled' }));
    expect(await r.programmes.transitionBooking(first.id, ['booked'], { status: 'no_show', updatedAt: at(13) })).toBe(true);
    expect(await r.programmes.transitionBooking(first.id, ['booked'], { status: 'cancelled', updatedAt: at(13) })).toBe(false);
    await r.programmes.insertBooking(booking(a, 10, 12));
    expect(await r.programmes.listBookings({ studioId: a.id, limit: 10 })).toHaveLength(5);

    // the bookings live sessions were held in, by the sessions named at check-in (none named: none)
    const session = uuid();
    const held = booking(b, 20, 21, { status: 'checked_in', sessionId: session, checkedInAt: at(20) });
    await r.programmes.insertBooking(held);
    const found = await r.programmes.listBookings({ sessionIds: [session, uuid()], limit: 10 });
    expect(found.map((x) => [x.id, x.sessionId, x.studioName])).toEqual([[held.id, session, b.name]]);
    expect(await r.programmes.listBookings({ sessionIds: [], limit: 10 })).toEqual([]);
  });

  it('reads the overdue bookings and a party’s incidents', async () => {
    const r = db.r();
    const s = studio(uuid(), '三号间');
    await r.programmes.insertStudio(s);
    const due = booking(s, 100, 101);
    const later = booking(s, 102, 103);
    await r.programmes.insertBooking(due);
    await r.programmes.insertBooking(later);
    const overdue = (await r.programmes.overdueBookings(at(101), 100)).map((b) => b.id);
    expect(overdue).toContain(due.id);
    expect(overdue).not.toContain(later.id);
    const party = uuid();
    await r.programmes.insertBooking(booking(s, 104, 105, { partyId: party, status: 'no_show' }));
    await r.programmes.insertBooking(booking(s, 104, 105, { partyId: party, status: 'late_cancelled', cancelledAt: at(90) }));
    await r.programmes.insertBooking(booking(s, 106, 107, { partyId: party, status: 'cancelled' }));
    expect((await r.programmes.incidentsOf(party, at(0))).map((b) => b.status).sort()).toEqual(['late_cancelled', 'no_show']);
    expect(await r.programmes.incidentsOf(party, at(200))).toEqual([]);
  });
}
