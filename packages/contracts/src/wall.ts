/**
 * 实时监测大屏 (the monitoring wall, docs/supervision.md "Monitoring wall"): the market right now — live sessions,
 * viewers, GMV and screening hits per minute over the last hour, the riskiest rooms with their reasons, and the
 * same by district and by base. The snapshot the page reads, and what the stream pushes.
 * Must never import anything but zod: the web bundle depends on it.
 */
import { z } from 'zod';
import { idSchema } from './identity.ts';

export const WALL_RISK_KEYS = [
  'screening_hits',
  'reports',
  'complaints',
  'price_reference_above_low',
  'price_raised_before_discount',
  'cross_border_under_declared',
] as const;
export const WALL_RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;

export const wallRiskReasonSchema = z.object({
  key: z.enum(WALL_RISK_KEYS),
  category: z.string().nullable(),
  count: z.number().int(),
  points: z.number().int(),
  zh: z.string(),
  en: z.string(),
});

/** A cross-border product on air in a room (跨境电商零售进口): its declaration and what the room sold it at so far. */
export const wallCrossBorderSchema = z.object({
  productId: idSchema,
  title: z.string(),
  /** ISO 3166 code and its Chinese name */
  originCountry: z.string(),
  originName: z.string(),
  /** 1210 保税备货 or 9610 直购进口 */
  importMode: z.enum(['1210', '9610']),
  declaredValueFen: z.number().int(),
  /** units paid in this session so far, their median unit price and its ratio to the declared value */
  units: z.number().int(),
  medianFen: z.number().int().nullable(),
  ratio: z.number().nullable(),
  /** the session's sales already cross the under-declaration threshold */
  flagged: z.boolean(),
  /** an open 跨境低报价格 clue on the product (from an earlier session) */
  openClue: z.boolean(),
});
export type WallCrossBorder = z.infer<typeof wallCrossBorderSchema>;

export const wallRoomSchema = z.object({
  sessionId: idSchema,
  title: z.string(),
  streamerUserId: idSchema,
  streamerName: z.string(),
  merchantNames: z.array(z.string()),
  baseName: z.string().nullable(),
  district: z.string().nullable(),
  startedAt: z.string().nullable(),
  viewers: z.number().int(),
  /** paid since the session started */
  gmvFen: z.number().int(),
  /** screening hits in the risk window */
  hits: z.number().int(),
  score: z.number().int().min(0).max(100),
  level: z.enum(WALL_RISK_LEVELS),
  reasons: z.array(wallRiskReasonSchema),
  /** cross-border products on air (empty: none) */
  crossBorder: z.array(wallCrossBorderSchema),
});
export type WallRoom = z.infer<typeof wallRoomSchema>;

export const wallAreaSchema = z.object({
  /** the district's name, or the base's org id (null: not registered with a base / no district) */
  key: z.string().nullable(),
  name: z.string().nullable(),
  liveSessions: z.number().int(),
  viewers: z.number().int(),
  /** GMV paid in the last hour in the area's live sessions */
  gmvFen: z.number().int(),
  /** screening hits in the risk window in the area's live sessions */
  hits: z.number().int(),
  /** rooms scoring 中 or 高 */
  riskyRooms: z.number().int(),
});
export type WallArea = z.infer<typeof wallAreaSchema>;

export const wallSnapshotSchema = z.object({
  at: z.string(),
  /** the minutes the series cover, oldest first (ISO, the start of each minute) */
  minutes: z.array(z.string()),
  counters: z.object({
    liveSessions: z.number().int(),
    viewers: z.number().int(),
    gmvTodayFen: z.number().int(),
    ordersToday: z.number().int(),
    hitsToday: z.number().int(),
    reportsToday: z.number().int(),
  }),
  /** one value per minute of `minutes` */
  gmvPerMinute: z.array(z.number().int()),
  ordersPerMinute: z.array(z.number().int()),
  /** per screening category, one value per minute of `minutes` */
  hitsPerMinute: z.array(z.object({ category: z.string(), counts: z.array(z.number().int()) })),
  riskWindowMinutes: z.number().int(),
  /** the riskiest rooms now, highest score first */
  rooms: z.array(wallRoomSchema),
  byDistrict: z.array(wallAreaSchema),
  byBase: z.array(wallAreaSchema),
});
export type WallSnapshot = z.infer<typeof wallSnapshotSchema>;

/** One screened event of a room (transcript segment, chat, overlay, product copy) with what it hit. */
export const wallRoomEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['transcript', 'chat', 'product_copy', 'overlay']),
  text: z.string(),
  decision: z.enum(['allow', 'warn', 'review', 'block']),
  occurredAt: z.string(),
  hits: z.array(z.object({ category: z.string(), severity: z.number().int(), matched: z.string() })),
});

/** A room as the wall sees it now, with its screened transcript and chat (newest first). */
export const wallRoomDetailSchema = z.object({
  room: wallRoomSchema,
  status: z.enum(['scheduled', 'live', 'ended', 'cancelled']),
  events: z.array(wallRoomEventSchema),
});
export type WallRoomDetail = z.infer<typeof wallRoomDetailSchema>;
