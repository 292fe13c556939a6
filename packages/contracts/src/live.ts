/** Live-session contracts: scheduling, the pre-live checklist, going live and ending, the stream key. */
import { z } from 'zod';
import { plainText } from './common.ts';

export const LIVE_SESSION_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;

export const scheduleSessionSchema = z.strictObject({
  title: plainText(2, 60),
  scheduledAt: z.iso.datetime({ offset: true, error: 'an ISO date-time' }),
  coverImageId: z.uuid().optional(),
  productIds: z.array(z.uuid()).max(100).default([]),
  coHostUserIds: z.array(z.uuid()).max(3).default([]),
});

export const sessionProductsSchema = z.strictObject({ productIds: z.array(z.uuid()).max(100) });

export const checklistItemSchema = z.object({
  key: z.string(),
  ok: z.boolean(),
  productId: z.string().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
});

export const liveSessionViewSchema = z.object({
  id: z.string(),
  streamerUserId: z.string(),
  streamerName: z.string(),
  mcnOrgId: z.string().nullable(),
  title: z.string(),
  coverImageId: z.string().nullable(),
  scheduledAt: z.string(),
  status: z.enum(LIVE_SESSION_STATUSES),
  coHostUserIds: z.array(z.string()),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  stats: z.object({
    peakViewers: z.number().int(),
    avgViewers: z.number().int(),
    chatMessages: z.number().int(),
    orders: z.number().int(),
    gmvFen: z.number().int(),
  }),
  retainUntil: z.string().nullable(),
  products: z.array(
    z.object({
      productId: z.string(),
      title: z.string(),
      /** the product's category (the shop's category tiles filter on it) */
      categoryId: z.string().nullable().optional(),
      merchantOrgId: z.string(),
      agreementId: z.string().nullable(),
      minPriceFen: z.number().int().nullable(),
    }),
  ),
  /** where viewers play the stream: HTTP-FLV (mpegts.js) and, when the media server makes it, HLS (hls.js) */
  playback: z.object({ flv: z.string(), hls: z.string().nullable() }).optional(),
});
export type LiveSessionView = z.infer<typeof liveSessionViewSchema>;

export const streamKeySchema = z.object({
  streamKey: z.string(),
  /** where OBS publishes: server URL and stream name (the session id; the key is the `key` query parameter) */
  ingestUrl: z.string(),
  streamName: z.string(),
});

/**
 * A recording of a session's stream (kept at least 3 years after it ended). `filePath` — where the media server keeps
 * it — is shown to the platform only (null for everyone else); `fileName` is its last part.
 */
export const liveRecordingViewSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  source: z.enum(['embedded', 'external']),
  fileName: z.string().nullable(),
  filePath: z.string().nullable(),
  startedAt: z.string(),
  /** null while recording */
  endedAt: z.string().nullable(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  retainUntil: z.string(),
});
export type LiveRecordingView = z.infer<typeof liveRecordingViewSchema>;

export const publishAuthSchema = z.strictObject({ sessionId: z.uuid(), key: z.string().min(1).max(200) });
