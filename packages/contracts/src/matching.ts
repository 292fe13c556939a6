/**
 * 人货匹配 (docs/matching.md): recommendations for a streamer (为你推荐), "why not" for a product (为什么不能带),
 * streamers for a product (找达人), the personalisation choice (电子商务法 第十八条), the model and the activity.
 */
import { z } from 'zod';
import { idSchema } from './identity.ts';

const boolString = z.enum(['true', 'false']);

export const matchQuerySchema = z.strictObject({
  k: z.coerce.number().int().min(1).max(50).default(20),
  /** 'false': the non-personalised ranking; absent: the user's own choice (personalised unless they opted out) */
  personalised: boolString.optional(),
});
export type MatchQuery = z.infer<typeof matchQuerySchema>;

export const matchReasonSchema = z.object({ code: z.string(), zh: z.string(), en: z.string(), weight: z.number() });
export type MatchReason = z.infer<typeof matchReasonSchema>;

const listMeta = {
  personalised: z.boolean(),
  learned: z.boolean(),
  modelTrainedAt: z.string().nullable(),
};

export const productRecommendationsSchema = z.object({
  ...listMeta,
  items: z.array(
    z.object({
      productId: z.string(),
      title: z.string(),
      merchantOrgId: z.string(),
      merchantName: z.string(),
      category: z.string(),
      categoryName: z.string(),
      priceFen: z.number(),
      commissionBp: z.number(),
      score: z.number(),
      reasons: z.array(matchReasonSchema),
    }),
  ),
});
export type ProductRecommendationsView = z.infer<typeof productRecommendationsSchema>;

export const streamerRecommendationsSchema = z.object({
  ...listMeta,
  inPool: z.boolean(),
  items: z.array(
    z.object({
      streamerUserId: z.string(),
      displayName: z.string(),
      mcnOrgId: z.string().nullable(),
      mcnName: z.string().nullable(),
      score: z.number(),
      reasons: z.array(matchReasonSchema),
    }),
  ),
});
export type StreamerRecommendationsView = z.infer<typeof streamerRecommendationsSchema>;

export const whyNotQuerySchema = z.strictObject({ productId: idSchema });
export const whyNotSchema = z.object({
  productId: z.string(),
  allowed: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
});
export type WhyNotView = z.infer<typeof whyNotSchema>;

export const matchClickSchema = z.strictObject({ productId: idSchema, personalised: z.boolean().default(true) });
export const matchPreferenceSchema = z.strictObject({ personalised: z.boolean() });
export type MatchPreference = z.infer<typeof matchPreferenceSchema>;

export const matchModelSchema = z.object({
  version: z.number(),
  trainedAt: z.string(),
  /** manual: an admin asked; schedule: the tick (audited as system) */
  trigger: z.enum(['manual', 'schedule']),
  streamers: z.number(),
  products: z.number(),
  interactions: z.number(),
  pairs: z.number(),
  /** interactions newer than the previous version */
  newInteractions: z.number(),
  dim: z.number(),
});
export type MatchModelView = z.infer<typeof matchModelSchema>;

/** The newest stored model, the version this server process ranks with, and the schedule. */
export const matchModelStatusSchema = z.object({
  latest: matchModelSchema.nullable(),
  loadedVersion: z.number().nullable(),
  schedule: z.object({ intervalHours: z.number(), quietHourCst: z.number(), minNewInteractions: z.number() }),
  nextRetrainAt: z.string().nullable(),
});
export type MatchModelStatusView = z.infer<typeof matchModelStatusSchema>;

export const matchActivitySchema = z.array(
  z.object({
    streamerUserId: z.string(),
    displayName: z.string(),
    impressions: z.number(),
    clicks: z.number(),
    invitations: z.number(),
    agreements: z.number(),
  }),
);
export type MatchActivityView = z.infer<typeof matchActivitySchema>;

/**
 * 实名认证 for the audience (观众画像): the name and ID number are checked (the number's form, then both together by
 * the identity authority) and dropped — only the birth year and gender read from
 * it are kept — and only with the consumer's consent. The answer shows the age band (年龄段) and gender, never a number.
 */
export const consumerVerifyInputSchema = z.strictObject({
  /** the name on the ID card: checked with the number by the identity authority (二要素), never stored */
  name: z.string().trim().min(2).max(30),
  idNumber: z.string().trim().min(15).max(18),
  consent: z.literal(true),
});
export type ConsumerVerifyInput = z.infer<typeof consumerVerifyInputSchema>;

export const consumerVerificationSchema = z.strictObject({
  verified: z.boolean(),
  ageBand: z.enum(['under18', 'age18_24', 'age25_34', 'age35_44', 'age45plus']).nullable(),
  ageBandName: z.string().nullable(),
  gender: z.enum(['female', 'male']).nullable(),
  province: z.string().nullable(),
  consentedAt: z.string().nullable(),
});
export type ConsumerVerification = z.infer<typeof consumerVerificationSchema>;
