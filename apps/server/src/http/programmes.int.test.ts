/**
 * 共享直播间 through the API, on PGlite and PostgreSQL (whichever the suite runs on): concurrent bookings of
 * overlapping slots — exactly one wins, the rest 409 `programmes.slot_taken` (the exclusion constraint decides);
 * refusals (outside hours, bad length, another base's studio) leave nothing written; cancellation free and late;
 * check-in window and the session tie; the no-show sweep; suspension after 3 no-shows.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.now();
const clock = new ManualClock(START);

let p: TestPlatform;
let base: TestSession;
let otherBase: TestSession;
let mcn: TestSession;
let streamer: TestSession;
let merchant: TestSession;
let studioId: string;
let daytimeStudioId: string;

const ALL_DAY = Array.from({ length: 7 }, () => ({ open: 0, close: 1440 }));
/** 09:00–18:00 China time, every day */
const DAYTIME = Array.from({ length: 7 }, () => ({ open: 540, close: 1080 }));

/** the first whole hour at least `ms` after the clock's now */
const hourAfter = (ms: number) => new Date(Math.ceil((clock.now().getTime() + ms) / HOUR) * HOUR);
const iso = (d: Date | number) => new Date(d).toISOString();
const bookingCount = async () => (await p.c.uow.read.programmes.listBookings({ limit: 10_000 })).length;
const book = (s: TestSession, startsAt: Date | number, hours: number, studio = studioId) =>
  p.call(s, 'POST', '/api/programmes/bookings', {
    studioId: studio,
    startsAt: iso(startsAt),
    endsAt: iso(new Date(startsAt).getTime() + hours * HOUR),
    purpose: '新品首发直播',
  });

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [base, otherBase, mcn, streamer, merchant] = await p.loginAll('base', 'base_0001', 'mcn', 'streamer', 'merchant');
  const a = await p.call(base, 'POST', '/api/programmes/studios', {
    name: '测试一号间',
    equipment: ['摄像机', '补光灯', '绿幕'],
    openingHours: ALL_DAY,
    pricePerHourFen: 20_000,
    active: true,
  });
  expect(a.status).toBe(201);
  studioId = a.body.id;
  const b = await p.call(base, 'POST', '/api/programmes/studios', {
    name: '测试日间间',
    equipment: ['摄像机'],
    openingHours: DAYTIME,
    pricePerHourFen: 10_000,
    active: true,
  });
  expect(b.status).toBe(201);
  daytimeStudioId = b.body.id;
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('studios', () => {
  it('bookers browse active studios of certified bases; the operator lists its own', async () => {
    const browse = await p.call(mcn, 'GET', '/api/programmes/studios');
    expect(browse.status).toBe(200);
    const mine = browse.body.items.find((s: { id: string }) => s.id === studioId);
    expect(mine).toMatchObject({ name: '测试一号间', equipment: ['摄像机', '补光灯', '绿幕'], pricePerHourFen: 20_000 });
    expect(typeof mine.baseName).toBe('string');
    const own = await p.call(base, 'GET', '/api/programmes/studios/mine');
    expect(own.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([studioId, daytimeStudioId]));
  });

  it('another base’s operator may not edit the studio: 404, nothing changed', async () => {
    const r = await p.call(otherBase, 'POST', `/api/programmes/studios/${studioId}`, {
      name: '改名',
      equipment: [],
      openingHours: ALL_DAY,
      pricePerHourFen: 1,
      active: false,
    });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'programmes.studio_not_found', field: 'id' });
    const s = await p.c.uow.read.programmes.findStudio(studioId);
    expect(s).toMatchObject({ name: '测试一号间', pricePerHourFen: 20_000, active: true });
  });

  it('refuses malformed opening hours with the day named', async () => {
    const hours = [...ALL_DAY];
    hours[2] = { open: 600, close: 540 };
    const r = await p.call(base, 'POST', '/api/programmes/studios', {
      name: '坏',
      equipment: [],
      openingHours: hours,
      pricePerHourFen: 1,
      active: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'programmes.bad_hours', field: 'openingHours.2' });
  });

  it('an inactive studio is not browsable nor bookable', async () => {
    const c = await p.call(base, 'POST', '/api/programmes/studios', {
      name: '停用间',
      equipment: [],
      openingHours: ALL_DAY,
      pricePerHourFen: 1,
      active: false,
    });
    expect(c.status).toBe(201);
    const browse = await p.call(streamer, 'GET', '/api/programmes/studios');
    expect(browse.body.items.map((s: { id: string }) => s.id)).not.toContain(c.body.id);
    const r = await book(streamer, hourAfter(DAY), 1, c.body.id);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('programmes.studio_not_found');
  });
});

describe('no double booking', () => {
  it('10 parallel bookings of overlapping slots: exactly one succeeds, the rest 409 programmes.slot_taken', async () => {
    const t0 = hourAfter(2 * DAY).getTime();
    const bookers = [mcn, streamer, merchant];
    // every slot contains [t0 + 1.5 h, t0 + 2 h): any two overlap
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => book(bookers[i % 3] as TestSession, t0 + (i % 4) * 30 * MIN, 2)),
    );
    const ok = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'programmes.slot_taken', field: 'startsAt' });
    }
    const held = await p.c.uow.read.programmes.listBookings({ studioId, from: new Date(t0 - DAY), to: new Date(t0 + DAY), limit: 100 });
    expect(held).toHaveLength(1);
  });

  it('adjacent slots both succeed; a cancelled slot is free again', async () => {
    const t0 = hourAfter(3 * DAY).getTime();
    const a = await book(mcn, t0, 2);
    const b = await book(streamer, t0 + 2 * HOUR, 1);
    expect([a.status, b.status]).toEqual([201, 201]);
    const clash = await book(merchant, t0 + HOUR, 2);
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('programmes.slot_taken');
    const cancel = await p.call(mcn, 'POST', `/api/programmes/bookings/${a.body.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    expect((await book(merchant, t0, 2)).status).toBe(201);
  });

  it('the message is bilingual', async () => {
    const t0 = hourAfter(4 * DAY).getTime();
    expect((await book(mcn, t0, 1)).status).toBe(201);
    const zh = await book(streamer, t0, 1);
    const en = await p.call(
      streamer,
      'POST',
      '/api/programmes/bookings',
      { studioId, startsAt: iso(t0), endsAt: iso(t0 + HOUR), purpose: 'x' },
      { 'accept-language': 'en-US' },
    );
    expect(zh.body.error.message).toBe('该时段已被预约');
    expect(en.body.error.message).toBe('That slot is already booked');
  });
});

describe('refusals leave nothing written', () => {
  it('outside opening hours, bad length, not on the half-hour, in the past, too far ahead', async () => {
    const before = await bookingCount();
    // 20:00 China time = 12:00 UTC, the day after tomorrow
    const day = new Date(clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
    const evening = Date.parse(`${day}T12:00:00Z`);
    const out = await book(streamer, evening, 1, daytimeStudioId);
    expect(out.status).toBe(400);
    expect(out.body.error).toMatchObject({ code: 'programmes.outside_hours', field: 'startsAt' });
    // 17:00–19:00 China time runs past closing
    const pastClose = await book(streamer, evening - 3 * HOUR, 2, daytimeStudioId);
    expect(pastClose.body.error.code).toBe('programmes.outside_hours');
    // 10:00–12:00 China time fits
    const fits = await book(streamer, evening - 10 * HOUR, 2, daytimeStudioId);
    expect(fits.status).toBe(201);

    const t = hourAfter(5 * DAY).getTime();
    const cases: Array<[number, number, string, string]> = [
      [t, 0.5, 'programmes.bad_length', 'endsAt'],
      [t, 8.5, 'programmes.bad_length', 'endsAt'],
      [t + 10 * MIN, 1, 'programmes.not_half_hour', 'startsAt'],
      [hourAfter(0).getTime() - HOUR, 1, 'programmes.in_past', 'startsAt'],
      [hourAfter(31 * DAY).getTime(), 1, 'programmes.too_far_ahead', 'startsAt'],
    ];
    for (const [start, hours, code, field] of cases) {
      const r = await book(mcn, start, hours);
      expect(r.status, code).toBe(400);
      expect(r.body.error).toMatchObject({ code, field });
    }
    expect(await bookingCount()).toBe(before + 1);
    // limits themselves are allowed: 8 hours
    expect((await book(mcn, t, 8)).status).toBe(201);
  });

  it('a malformed body is 400 with the field named', async () => {
    const r = await p.call(mcn, 'POST', '/api/programmes/bookings', {
      studioId,
      startsAt: 'tomorrow',
      endsAt: iso(Date.now()),
      purpose: 'x',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('startsAt');
  });
});

describe('cancellation, check-in, no-shows', () => {
  it('cancelling within 24 h is late; another booker’s booking is not found', async () => {
    const t = hourAfter(10 * HOUR).getTime() + 20 * DAY;
    const far = await book(streamer, t, 1);
    const near = await book(streamer, hourAfter(5 * HOUR), 1);
    expect([far.status, near.status]).toEqual([201, 201]);
    const notMine = await p.call(mcn, 'POST', `/api/programmes/bookings/${near.body.id}/cancel`);
    expect(notMine.status).toBe(404);
    const late = await p.call(streamer, 'POST', `/api/programmes/bookings/${near.body.id}/cancel`);
    expect(late.body.status).toBe('late_cancelled');
    const again = await p.call(streamer, 'POST', `/api/programmes/bookings/${near.body.id}/cancel`);
    expect(again.status).toBe(409);
    const free = await p.call(streamer, 'POST', `/api/programmes/bookings/${far.body.id}/cancel`);
    expect(free.body.status).toBe('cancelled');
    const standing = await p.call(streamer, 'GET', '/api/programmes/standing');
    expect(standing.body).toEqual({ suspendedUntil: null, incidents: 1 });
  });

  it('check-in opens 15 min before and closes 30 min after the start; the sweep marks no-shows', async () => {
    const s1 = hourAfter(6 * HOUR + DAY);
    const s2 = new Date(s1.getTime() + 2 * HOUR);
    const b1 = await book(mcn, s1, 1);
    const b2 = await book(mcn, s2, 1);
    expect([b1.status, b2.status]).toEqual([201, 201]);
    const now = clock.now();
    try {
      clock.set(new Date(s1.getTime() - 16 * MIN));
      const early = await p.call(mcn, 'POST', `/api/programmes/bookings/${b1.body.id}/check-in`);
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('programmes.check_in_early');
      clock.set(new Date(s1.getTime() - 15 * MIN));
      const other = (await p.c.uow.read.live.listSessions({ limit: 50 })).find((x) => x.mcnOrgId !== mcn.me.active?.orgId);
      if (other) {
        const wrong = await p.call(mcn, 'POST', `/api/programmes/bookings/${b1.body.id}/check-in`, { sessionId: other.id });
        expect(wrong.status).toBe(400);
        expect(wrong.body.error).toMatchObject({ code: 'programmes.session_invalid', field: 'sessionId' });
      }
      const ok = await p.call(mcn, 'POST', `/api/programmes/bookings/${b1.body.id}/check-in`);
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('checked_in');

      // (the demo base's own bookings may fall due too: the booking of this test is what is asserted)
      const statusOf = async (id: string) => (await p.c.uow.read.programmes.findBooking(id))?.status;
      clock.set(new Date(s2.getTime() + 30 * MIN));
      await p.c.tick();
      expect(await statusOf(b2.body.id)).toBe('booked');
      clock.set(new Date(s2.getTime() + 31 * MIN));
      const late = await p.call(mcn, 'POST', `/api/programmes/bookings/${b2.body.id}/check-in`);
      expect(late.body.error.code).toBe('programmes.check_in_late');
      expect((await p.c.tick()).studioNoShows).toBeGreaterThanOrEqual(1);
      expect(await statusOf(b2.body.id)).toBe('no_show');
      expect(await statusOf(b1.body.id)).toBe('checked_in');
      // idempotent: nothing is left to mark
      expect((await p.c.tick()).studioNoShows).toBe(0);
    } finally {
      clock.set(now);
    }
  });

  it('3 no-shows in 30 days suspend booking for 14 days', async () => {
    const party = merchant.me.active?.orgId as string;
    const base0 = (await p.c.uow.read.programmes.findStudio(studioId))?.baseOrgId as string;
    /** Past hour-long no-shows of the merchant, each starting at `startsAt` and recorded at `recordedAt`, in one transaction. */
    const plantNoShows = (bookings: Array<{ startsAt: Date; recordedAt: Date }>) =>
      p.c.uow.transaction(async (tx) => {
        for (const { startsAt, recordedAt } of bookings)
          await tx.programmes.insertBooking({
            id: p.c.ids.next(),
            studioId,
            baseOrgId: base0,
            bookerUserId: merchant.me.user.id,
            bookerOrgId: party,
            bookerRole: 'merchant_staff',
            partyId: party,
            purpose: '旧',
            startsAt,
            endsAt: new Date(startsAt.getTime() + HOUR),
            status: 'no_show',
            priceFen: 0,
            sessionId: null,
            checkedInAt: null,
            cancelledAt: null,
            createdAt: recordedAt,
            updatedAt: recordedAt,
          });
      });
    const ago = (ms: number) => new Date(hourAfter(0).getTime() - ms);
    await plantNoShows(
      [0, 1, 2].map((i) => {
        const at = ago((40 + i) * DAY);
        return { startsAt: at, recordedAt: at };
      }),
    );
    // 40–42 days ago: the suspension (from the 3rd, 40 days ago) has lapsed
    expect((await book(merchant, hourAfter(12 * DAY), 1)).status).toBe(201);
    const twentyAgo = ago(20 * DAY);
    await plantNoShows([0, 1, 2].map((i) => ({ startsAt: new Date(twentyAgo.getTime() - i * 2 * HOUR), recordedAt: twentyAgo })));
    // the 3rd 20 days ago is past the 14 days too: still allowed
    expect((await book(merchant, hourAfter(13 * DAY), 1)).status).toBe(201);
    const fiveAgo = ago(5 * DAY);
    await plantNoShows([{ startsAt: fiveAgo, recordedAt: fiveAgo }]);
    // now 3 within 30 days (20 d, 20 d − 2 h… and 5 d ago): suspended until 5 d ago + 14 d
    const before = await bookingCount();
    const r = await book(merchant, hourAfter(14 * DAY), 1);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('programmes.booking_suspended');
    expect(await bookingCount()).toBe(before);
    const standing = await p.call(merchant, 'GET', '/api/programmes/standing');
    expect(standing.body.suspendedUntil).not.toBeNull();
  });
});

describe('base operator views', () => {
  it('lists the base’s bookings and its utilisation per day', async () => {
    const list = await p.call(base, 'GET', '/api/programmes/base-bookings');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((b: { baseOrgId: string }) => b.baseOrgId === base.me.active?.orgId)).toBe(true);
    const other = await p.call(otherBase, 'GET', '/api/programmes/base-bookings');
    expect(other.body.items).toEqual([]);
    const u = await p.call(base, 'GET', '/api/programmes/utilisation');
    expect(u.status).toBe(200);
    expect(u.body.days).toHaveLength(30);
    const s = u.body.studios.find((x: { studioId: string }) => x.studioId === studioId);
    expect(s.days[29].openHours).toBe(24);
  });
});
