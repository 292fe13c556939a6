/**
 * 共享直播间 (programmes): a base operator's studios, bookings and utilisation; MCN managers, streamers and
 * merchant staff browse studios, book, cancel and check in. docs/programmes.md.
 */
import {
  baseBookingsQuerySchema,
  bookingCreateSchema,
  bookingListSchema,
  bookingStandingSchema,
  bookingViewSchema,
  checkInSchema,
  idSchema,
  studioBrowseQuerySchema,
  studioInputSchema,
  studioListSchema,
  studioViewSchema,
  utilisationSchema,
} from '@livehub/contracts';
import type { BookingListing, BookingRecord, StudioListing, StudioRecord } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['programmes'];
const idParams = z.strictObject({ id: idSchema });
/** Who runs a base's studios. */
export const STUDIO_OPERATORS = ['base_operator'] as const;
/** Who may book a studio. */
export const STUDIO_BOOKERS = ['mcn_manager', 'streamer', 'merchant_staff'] as const;

function presentStudio(s: StudioRecord | StudioListing) {
  return {
    id: s.id,
    baseOrgId: s.baseOrgId,
    ...('baseName' in s ? { baseName: s.baseName } : {}),
    name: s.name,
    equipment: s.equipment,
    openingHours: s.openingHours,
    pricePerHourFen: s.pricePerHourFen,
    active: s.active,
    updatedAt: s.updatedAt.toISOString(),
  };
}

function presentBooking(b: BookingRecord | BookingListing) {
  return {
    id: b.id,
    studioId: b.studioId,
    ...('studioName' in b ? { studioName: b.studioName, baseName: b.baseName, sessionTitle: b.sessionTitle } : {}),
    baseOrgId: b.baseOrgId,
    bookerRole: b.bookerRole,
    purpose: b.purpose,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    status: b.status,
    priceFen: b.priceFen,
    sessionId: b.sessionId,
    checkedInAt: b.checkedInAt?.toISOString() ?? null,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
  };
}

export function programmesRoutes(api: Api, c: Container): void {
  // ── the base operator ──
  api.get(
    '/api/programmes/studios/mine',
    {
      config: { policy: { allow: STUDIO_OPERATORS } },
      schema: { tags, summary: 'The studios of the caller’s base, active or not', response: { 200: studioListSchema } },
    },
    async (req) => ({ items: (await c.programmes.listOwnStudios(requireActor(req))).map(presentStudio) }),
  );

  createdRoute(
    api,
    '/api/programmes/studios',
    { allow: STUDIO_OPERATORS, tags, summary: 'Adds a studio to the caller’s base', body: studioInputSchema, response: studioViewSchema },
    async (actor, body) => presentStudio(await c.programmes.createStudio(actor, body)),
  );

  idActionRoute(
    api,
    '/api/programmes/studios/:id',
    {
      allow: STUDIO_OPERATORS,
      tags,
      summary: 'Changes one of the base’s studios (another base’s is not found)',
      params: idParams,
      body: studioInputSchema,
      response: studioViewSchema,
    },
    async (actor, id, body) => presentStudio(await c.programmes.updateStudio(actor, id, body)),
  );

  api.get(
    '/api/programmes/base-bookings',
    {
      config: { policy: { allow: STUDIO_OPERATORS } },
      schema: {
        tags,
        summary: 'The bookings of the base’s studios starting in [from, to) (default 7 days back to 30 ahead)',
        querystring: baseBookingsQuerySchema,
        response: { 200: bookingListSchema },
      },
    },
    async (req) => ({
      items: (
        await c.programmes.baseBookings(requireActor(req), {
          from: req.query.from ? new Date(req.query.from) : undefined,
          to: req.query.to ? new Date(req.query.to) : undefined,
        })
      ).map(presentBooking),
    }),
  );

  api.get(
    '/api/programmes/utilisation',
    {
      config: { policy: { allow: STUDIO_OPERATORS } },
      schema: {
        tags,
        summary: 'Utilisation (booked ÷ open hours) per China day for the last 30 days, per studio and for the base',
        response: { 200: utilisationSchema },
      },
    },
    async (req) => c.programmes.utilisation(requireActor(req)),
  );

  // ── the bookers ──
  api.get(
    '/api/programmes/studios',
    {
      config: { policy: { allow: STUDIO_BOOKERS } },
      schema: {
        tags,
        summary: 'Active studios of certified bases',
        querystring: studioBrowseQuerySchema,
        response: { 200: studioListSchema },
      },
    },
    async (req) => ({ items: (await c.programmes.browse(requireActor(req), req.query)).map(presentStudio) }),
  );

  createdRoute(
    api,
    '/api/programmes/bookings',
    { allow: STUDIO_BOOKERS, tags, summary: 'Books a studio for whole half-hours', body: bookingCreateSchema, response: bookingViewSchema },
    async (actor, body) =>
      presentBooking(
        await c.programmes.book(actor, {
          studioId: body.studioId,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          purpose: body.purpose,
        }),
      ),
  );

  api.get(
    '/api/programmes/bookings/mine',
    {
      config: { policy: { allow: STUDIO_BOOKERS } },
      schema: { tags, summary: 'The caller’s own bookings, newest first', response: { 200: bookingListSchema } },
    },
    async (req) => ({ items: (await c.programmes.myBookings(requireActor(req))).map(presentBooking) }),
  );

  api.get(
    '/api/programmes/standing',
    {
      config: { policy: { allow: STUDIO_BOOKERS } },
      schema: {
        tags,
        summary: 'Whether the caller may book: suspended until when, and its no-shows in 30 days',
        response: { 200: bookingStandingSchema },
      },
    },
    async (req) => {
      const s = await c.programmes.standing(requireActor(req));
      return { suspendedUntil: s.suspendedUntil?.toISOString() ?? null, incidents: s.incidents };
    },
  );

  idActionRoute(
    api,
    '/api/programmes/bookings/:id/cancel',
    {
      allow: STUDIO_BOOKERS,
      tags,
      summary: 'Cancels the caller’s booking (late within 24 h of the start)',
      params: idParams,
      response: bookingViewSchema,
    },
    async (actor, id) => presentBooking(await c.programmes.cancel(actor, id)),
  );

  idActionRoute(
    api,
    '/api/programmes/bookings/:id/check-in',
    {
      allow: STUDIO_BOOKERS,
      tags,
      summary: 'Checks in (15 min before to 30 min after the start), optionally naming the live session held there',
      params: idParams,
      body: checkInSchema,
      emptyBody: true,
      response: bookingViewSchema,
    },
    async (actor, id, body) => presentBooking(await c.programmes.checkIn(actor, id, body ?? {})),
  );
}
