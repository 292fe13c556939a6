/**
 * The live-room WebSocket protocol. Clients send small JSON frames (`ClientFrame`); the server sends one `batch`
 * frame per room every ~100 ms carrying every public event since the last one (so fan-out cost does not grow
 * with the chat rate), `viewers` when the count changed, direct frames to one connection (welcome, blocked, error,
 * muted), and `staff` frames to the room's managers only (compliance warnings, blocked chat, mutes).
 */
import { z } from 'zod';

export const MAX_CHAT_CHARS = 200;
/** the largest client frame accepted, in bytes */
export const MAX_CLIENT_FRAME_BYTES = 2048;

export const clientFrameSchema = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('chat'),
    // HTTP input is guarded against NUL before validation; a socket frame is not HTTP, so its text says it here
    text: z
      .string()
      .trim()
      .min(1)
      .max(MAX_CHAT_CHARS)
      .refine((s) => !s.includes('\u0000'), { error: 'must not contain NUL' }),
  }),
  z.strictObject({ t: z.literal('like'), n: z.number().int().min(1).max(50).default(1) }),
  z.strictObject({ t: z.literal('pin'), productId: z.uuid() }),
  z.strictObject({ t: z.literal('unpin') }),
  z.strictObject({ t: z.literal('mute'), userId: z.uuid(), seconds: z.number().int().min(10).max(86_400) }),
  z.strictObject({ t: z.literal('unmute'), userId: z.uuid() }),
  z.strictObject({ t: z.literal('delete'), id: z.string().min(1).max(64) }),
  z.strictObject({ t: z.literal('slow'), seconds: z.number().int().min(0).max(300) }),
  z.strictObject({ t: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export interface PinnedProduct {
  productId: string;
  title: string;
  minPriceFen: number;
  coverImageId: string | null;
  stock: number;
}

/** Public room events, in `batch` frames; `seq` orders them per room (resume from the last one seen). */
export type RoomEvent =
  | { seq: number; k: 'chat'; id: string; uid: string; name: string; text: string; at: number }
  | { seq: number; k: 'like'; n: number }
  | { seq: number; k: 'pinned'; product: PinnedProduct }
  | { seq: number; k: 'unpinned' }
  | { seq: number; k: 'deleted'; id: string }
  | { seq: number; k: 'slow'; seconds: number }
  | { seq: number; k: 'price'; productId: string; priceFen: number }
  | {
      seq: number;
      k: 'countdown';
      flashSaleId: string;
      productId: string;
      skuId: string;
      priceFen: number;
      startsAt: number;
      endsAt: number;
      quantity: number;
      stockLeft: number;
      /** true when the sale was cancelled or ended: the card goes away */
      over?: boolean;
    }
  | { seq: number; k: 'order'; name: string; productTitle: string }
  /** the streamer's encoder started (`on`) or stopped publishing the session's video */
  | { seq: number; k: 'stream'; on: boolean }
  | { seq: number; k: 'ended' };

/**
 * Whether the session's video is being published: `on`, `off` (not yet, or the signal dropped), or `unknown` when
 * the platform is not told (an external media server without publish callbacks): the player then just tries.
 */
export type StreamState = 'on' | 'off' | 'unknown';

/** Events only the room's managers (streamer, co-hosts, platform) receive. */
export type StaffEvent =
  | {
      seq: number;
      k: 'warning';
      source: 'chat' | 'transcript';
      ruleIds: string[];
      text: string;
      message: { zh: string; en: string };
      at: number;
    }
  | { seq: number; k: 'blocked_chat'; uid: string; name: string; text: string; ruleIds: string[]; at: number }
  /**
   * A manager (`by`, `byName`) muted or unmuted a user. It is also how every process learns the mute, so when it
   * arrives the mute is in force: the acting manager's confirmation, and news for the other managers.
   */
  | { seq: number; k: 'muted'; uid: string; until: number; by: string | null; byName: string; at: number }
  | { seq: number; k: 'unmuted'; uid: string; by: string | null; byName: string; at: number };

/** Where the room's video plays: HTTP-FLV (mpegts.js) and, when a media server makes it, HLS (hls.js). */
export interface RoomPlayback {
  flv: string;
  hls: string | null;
}

export type ServerFrame =
  | {
      t: 'welcome';
      sessionId: string;
      title: string;
      status: string;
      seq: number;
      viewers: number;
      pinned: PinnedProduct | null;
      slowMode: number;
      /** null when the server does not know (a hub without a media server) */
      playback: RoomPlayback | null;
      /** whether the video is being published now */
      stream: StreamState;
      you: { userId: string | null; name: string; canManage: boolean; mutedUntil: number | null };
    }
  | { t: 'batch'; events: RoomEvent[] }
  | { t: 'staff'; events: StaffEvent[] }
  | { t: 'viewers'; n: number }
  | { t: 'missed'; events: RoomEvent[]; complete: boolean }
  | { t: 'blocked'; text: string; reason: { zh: string; en: string }; ruleIds: string[] }
  | { t: 'muted'; until: number }
  | { t: 'error'; code: string; message: string }
  | { t: 'pong' };
