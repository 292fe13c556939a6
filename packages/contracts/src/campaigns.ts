/** 活动与节庆 (campaigns): a campaign, its rules as data, enrolments, live totals and the public page. docs/programmes.md. */
import { z } from 'zod';
import { idSchema } from './identity.ts';

export const CAMPAIGN_STATUSES = ['draft', 'published', 'running', 'ended', 'cancelled'] as const;
export type CampaignStatusName = (typeof CAMPAIGN_STATUSES)[number];
export const ENROLMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EnrolmentStatusName = (typeof ENROLMENT_STATUSES)[number];
export const CREDIT_TIER_NAMES = ['A', 'B', 'C', 'D'] as const;

const categoryIdSchema = z.string().trim().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true, error: 'an ISO date-time' });

/** 价格上限: none, the 7-day lowest price of each SKU, or a fixed cap per category (fen) */
export const priceCapSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('lowest_7d') }),
  z.strictObject({
    kind: z.literal('fixed'),
    caps: z
      .array(z.strictObject({ categoryId: categoryIdSchema, maxFen: z.number().int().min(1).max(100_000_000) }))
      .min(1)
      .max(50),
  }),
]);

export const campaignRulesSchema = z.strictObject({
  priceCap: priceCapSchema,
  /** the label every enrolled product card must carry, e.g. 年货节 */
  requiredLabel: z.string().trim().min(1).max(20).nullable(),
  /** the lowest credit tier admitted (A best); null = any */
  minCreditTier: z.enum(CREDIT_TIER_NAMES).nullable(),
  /** the merchant must pass the listing gate, the streamer the live gate (registry certification) */
  requireCertified: z.boolean(),
});
export type CampaignRulesBody = z.infer<typeof campaignRulesSchema>;

export const campaignInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  theme: z.string().trim().max(500),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  enrolDeadline: isoDateTime,
  categoryIds: z.array(categoryIdSchema).max(50),
  districts: z.array(z.string().trim().min(1).max(20)).max(30),
  rules: campaignRulesSchema,
});
export type CampaignInputBody = z.infer<typeof campaignInputSchema>;

export const campaignViewSchema = z.object({
  id: idSchema,
  organiserOrgId: idSchema,
  organiserName: z.string(),
  name: z.string(),
  theme: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  enrolDeadline: z.string(),
  categoryIds: z.array(z.string()),
  categoryNames: z.array(z.string()),
  districts: z.array(z.string()),
  rules: campaignRulesSchema,
  status: z.enum(CAMPAIGN_STATUSES),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;
export const campaignListSchema = z.object({ items: z.array(campaignViewSchema) });

export const campaignCancelSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const enrolProductSchema = z.strictObject({
  productId: idSchema,
  /** the label the product card shows during the campaign */
  cardLabel: z.string().trim().max(20).optional(),
});
export const enrolSessionSchema = z.strictObject({ sessionId: idSchema });
export const enrolmentDecisionSchema = z.strictObject({
  approve: z.boolean(),
  reason: z.string().trim().min(1).max(500),
});

export const enrolmentViewSchema = z.object({
  id: idSchema,
  campaignId: idSchema,
  campaignName: z.string().optional(),
  kind: z.enum(['product', 'session']),
  productId: idSchema.nullable(),
  sessionId: idSchema.nullable(),
  /** the product's title or the session's title */
  subjectName: z.string(),
  /** the merchant or the streamer */
  partyName: z.string(),
  cardLabel: z.string().nullable(),
  priceFen: z.number().int().nullable(),
  /** what the automatic review checked, in Chinese */
  checks: z.array(z.string()),
  status: z.enum(ENROLMENT_STATUSES),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EnrolmentView = z.infer<typeof enrolmentViewSchema>;
export const enrolmentListSchema = z.object({ items: z.array(enrolmentViewSchema) });

export const campaignTotalsSchema = z.object({
  campaignId: idSchema,
  status: z.enum(CAMPAIGN_STATUSES),
  sessions: z.number().int(),
  liveSessions: z.number().int(),
  endedSessions: z.number().int(),
  products: z.number().int(),
  peakViewers: z.number().int(),
  orders: z.number().int(),
  gmvFen: z.number().int(),
  complaints: z.number().int(),
  perSession: z.array(
    z.object({
      sessionId: idSchema,
      title: z.string(),
      streamerName: z.string(),
      /** the shared studio the session was held in (「基地 · 直播间」), if any */
      studio: z.string().nullable(),
      status: z.string(),
      peakViewers: z.number().int(),
      orders: z.number().int(),
      gmvFen: z.number().int(),
      complaints: z.number().int(),
    }),
  ),
  generatedAt: z.string(),
});
export type CampaignTotalsView = z.infer<typeof campaignTotalsSchema>;

export const publicCampaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  theme: z.string(),
  organiserName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  requiredLabel: z.string().nullable(),
  rooms: z.array(
    z.object({
      sessionId: idSchema,
      title: z.string(),
      streamerName: z.string(),
      status: z.string(),
      scheduledAt: z.string(),
    }),
  ),
  products: z.array(
    z.object({
      productId: idSchema,
      title: z.string(),
      merchantName: z.string(),
      priceFen: z.number().int().nullable(),
      cardLabel: z.string().nullable(),
    }),
  ),
});
export type PublicCampaignView = z.infer<typeof publicCampaignSchema>;
export const publicCampaignListSchema = z.object({
  items: z.array(publicCampaignSchema.omit({ rooms: true, products: true })),
});
export const sessionCampaignsSchema = z.object({
  items: z.array(z.object({ id: idSchema, name: z.string(), label: z.string().nullable() })),
});
