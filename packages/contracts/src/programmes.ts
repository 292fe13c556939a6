/** 共享直播间 (programmes): studios of live bases, their bookings and utilisation. docs/programmes.md. */
import { z } from 'zod';
import { idSchema } from './identity.ts';

export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'late_cancelled', 'no_show'] as const;
export type BookingStatusName = (typeof BOOKING_STATUSES)[number];

/** One weekday's opening hours in China time, minutes since midnight; null = closed. */
export const dayHoursSchema = z
  .strictObject({ open: z.number().int().min(0).max(1440), close: z.number().int().min(0).max(1440) })
  .nullable();
export const openingHoursSchema = z.array(dayHoursSchema).length(7, { error: '7 days, Monday first' });

export const studioInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  equipment: z.array(z.string().trim().min(1).max(40)).max(30),
  openingHours: openingHoursSchema,
  pricePerHourFen: z.number().int().min(0).max(100_000_000),
  active: z.boolean(),
});
export type StudioInputBody = z.infer<typeof studioInputSchema>;

export const studioViewSchema = z.object({
  id: idSchema,
  baseOrgId: idSchema,
  baseName: z.string().optional(),
  name: z.string(),
  equipment: z.array(z.string()),
  openingHours: z.array(z.object({ open: z.number(), close: z.number() }).nullable()),
  pricePerHourFen: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type StudioView = z.infer<typeof studioViewSchema>;
export const studioListSchema = z.object({ items: z.array(studioViewSchema) });

export const studioBrowseQuerySchema = z.strictObject({ baseOrgId: idSchema.optional() });

export const bookingCreateSchema = z.strictObject({
  studioId: idSchema,
  startsAt: z.iso.datetime({ offset: true, error: 'an ISO date-time' }),
  endsAt: z.iso.datetime({ offset: true, error: 'an ISO date-time' }),
  purpose: z.string().trim().min(1).max(200),
});
export type BookingCreateBody = z.infer<typeof bookingCreateSchema>;

export const checkInSchema = z.strictObject({ sessionId: idSchema.optional() });

export const bookingViewSchema = z.object({
  id: idSchema,
  studioId: idSchema,
  studioName: z.string().optional(),
  baseOrgId: idSchema,
  baseName: z.string().optional(),
  bookerRole: z.enum(['mcn_manager', 'streamer', 'merchant_staff']),
  purpose: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(BOOKING_STATUSES),
  priceFen: z.number().int(),
  sessionId: idSchema.nullable(),
  /** the title of the live session named at check-in, when the booking is listed */
  sessionTitle: z.string().nullable().optional(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type BookingView = z.infer<typeof bookingViewSchema>;
export const bookingListSchema = z.object({ items: z.array(bookingViewSchema) });

export const baseBookingsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const bookingStandingSchema = z.object({ suspendedUntil: z.string().nullable(), incidents: z.number().int() });

const utilisationDaySchema = z.object({ day: z.string(), openHours: z.number(), bookedHours: z.number(), rate: z.number() });
export const utilisationSchema = z.object({
  baseOrgId: idSchema,
  days: z.array(utilisationDaySchema),
  openHours: z.number(),
  bookedHours: z.number(),
  rate: z.number(),
  studios: z.array(
    z.object({
      studioId: idSchema,
      name: z.string(),
      days: z.array(utilisationDaySchema),
      openHours: z.number(),
      bookedHours: z.number(),
      rate: z.number(),
    }),
  ),
});
export type UtilisationView = z.infer<typeof utilisationSchema>;
