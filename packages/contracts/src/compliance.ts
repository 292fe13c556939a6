/** Compliance contracts: live-event ingestion, screening results, the review queue, violations and rules. */
import { z } from 'zod';
import { plainText } from './common.ts';

export const SCREENING_CATEGORIES = [
  'absolute_claim',
  'medical_claim',
  'efficacy_guarantee',
  'off_platform_diversion',
  'fake_review_incentive',
  'prohibited_goods',
  'price_fraud',
  'false_scarcity',
] as const;
export const screeningCategorySchema = z.enum(SCREENING_CATEGORIES);
export const EVENT_KINDS = ['transcript', 'chat', 'product_copy', 'overlay'] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
/** Product categories as the catalog names them; screening rules can apply to or exempt some. */
export const PRODUCT_CATEGORIES = [
  'food',
  'health_food',
  'cosmetics',
  'drug',
  'medical_device',
  'apparel',
  'electronics',
  'home',
  'baby',
  'agri',
  'handicraft',
  'tobacco',
  'other',
] as const;
export const productCategorySchema = z.enum(PRODUCT_CATEGORIES);
export const decisionSchema = z.enum(['allow', 'warn', 'review', 'block']);

const fen = z.number().int().min(0).max(100_000_000_00);
export const productCardSchema = z.strictObject({
  priceFen: fen.optional(),
  referencePriceFen: fen.optional(),
  lowest7dPriceFen: fen.optional(),
  giftValueFen: fen.optional(),
  giftCurrentPriceFen: fen.optional(),
  stockLeft: z.number().int().min(0).max(100_000_000).optional(),
});

export const MAX_EVENT_TEXT = 20_000;

export const screenRequestSchema = z.strictObject({
  text: z.string().max(MAX_EVENT_TEXT, { error: `at most ${MAX_EVENT_TEXT} characters` }),
  kind: eventKindSchema.default('transcript'),
  productCategory: productCategorySchema.optional(),
  card: productCardSchema.optional(),
});

export const ingestEventRequestSchema = screenRequestSchema.extend({
  eventId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w.:-]+$/, { error: 'letters, digits, _ . : - only' }),
  sessionRef: z.string().min(1).max(128).optional(),
  /** who said or typed it (a chat sender): repeats of one hit are grouped per session and sender */
  senderUserId: z.uuid().optional(),
  streamerUserId: z.uuid().optional(),
  merchantOrgId: z.uuid().optional(),
  productRef: z.string().min(1).max(128).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
export type IngestEventRequest = z.infer<typeof ingestEventRequestSchema>;

export const hitSchema = z.object({
  rule: z.string(),
  category: screeningCategorySchema,
  severity: z.number().int(),
  action: decisionSchema,
  start: z.number().int(),
  end: z.number().int(),
  matched: z.string(),
  normalized: z.string(),
  basis: z.string(),
  explanation: z.object({ zh: z.string(), en: z.string() }).optional(),
  via: z.enum(['term', 'variant', 'detector']),
});

export const screenResultSchema = z.object({ decision: decisionSchema, hits: z.array(hitSchema) });

export const ingestResultSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  decision: decisionSchema,
  hits: z.array(hitSchema),
  reviewItemId: z.string().nullable(),
  duplicate: z.boolean(),
  packVersion: z.string(),
});

export const reviewStatusSchema = z.enum(['open', 'claimed', 'confirmed', 'dismissed']);

export const reviewItemSchema = z.object({
  id: z.string(),
  status: reviewStatusSchema,
  severity: z.number().int(),
  categories: z.array(screeningCategorySchema),
  dueAt: z.string(),
  overdue: z.boolean(),
  claimedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  /** display names of the reviewers (null when nobody / unknown) */
  claimedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** how many identical hits (same session, sender, kind, rules, normalized text) this item stands for */
  occurrences: z.number().int().min(1),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** the first event of the group */
  event: z.object({
    id: z.string(),
    eventId: z.string(),
    kind: eventKindSchema,
    text: z.string(),
    sessionRef: z.string().nullable(),
    /** the live session's title when the ref is one of ours */
    sessionTitle: z.string().nullable(),
    streamerUserId: z.string().nullable(),
    /** the streamer's display name (the event's streamer, else the session's) */
    streamerName: z.string().nullable(),
    senderUserId: z.string().nullable(),
    senderName: z.string().nullable(),
    merchantOrgId: z.string().nullable(),
    merchantName: z.string().nullable(),
    productRef: z.string().nullable(),
    productName: z.string().nullable(),
    productCategory: z.string().nullable(),
    occurredAt: z.string(),
    decision: decisionSchema,
  }),
  hits: z.array(hitSchema),
  /** the short name of each rule hit, to show next to its code */
  ruleNames: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })),
  /** 重点观察: the streamer or merchant is under observation (credit tier C), with why; null otherwise */
  observation: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** 抽检: the event passed screening and was sampled into the queue (加大抽检, credit tier C) */
  sampled: z.boolean(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewItemDetailSchema = reviewItemSchema.extend({
  context: z.array(z.object({ id: z.string(), kind: eventKindSchema, text: z.string(), occurredAt: z.string() })),
  /** the events counted on the item, oldest first (at most 50; `occurrences` is the exact count) */
  occurrenceEvents: z.array(z.object({ id: z.string(), eventId: z.string(), occurredAt: z.string() })),
  rules: z.array(
    z.object({
      id: z.string(),
      category: screeningCategorySchema,
      law: z.string(),
      article: z.string(),
      summaryZh: z.string(),
      summaryEn: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
    }),
  ),
});

export const reviewQueueQuerySchema = z.strictObject({
  status: z.enum(['open', 'claimed', 'pending', 'confirmed', 'dismissed', 'all']).default('pending'),
  category: screeningCategorySchema.optional(),
  minSeverity: z.coerce.number().int().min(1).max(4).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const reviewDecisionRequestSchema = z.strictObject({
  decision: z.enum(['confirm', 'dismiss']),
  reason: plainText(2, 500),
});

/** the most items one batch decision may touch */
export const MAX_BATCH_DECISION = 200;

/**
 * A batch decision: the selected items (`ids`), or every undecided item matching `filter` that was opened by
 * `filter.asOf` (the time of the list the reviewer saw). Exactly one of the two.
 */
export const reviewBatchDecisionRequestSchema = z
  .strictObject({
    decision: z.enum(['confirm', 'dismiss']),
    reason: plainText(2, 500),
    ids: z
      .array(z.uuid())
      .min(1)
      .max(MAX_BATCH_DECISION, { error: `at most ${MAX_BATCH_DECISION} items` })
      .optional(),
    filter: z
      .strictObject({
        category: screeningCategorySchema.optional(),
        minSeverity: z.number().int().min(1).max(4).optional(),
        asOf: z.iso.datetime({ offset: true }),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.filter === undefined))
      ctx.addIssue({ code: 'custom', path: ['ids'], message: 'give either ids or filter, not both' });
  });
export type ReviewBatchDecisionRequest = z.infer<typeof reviewBatchDecisionRequestSchema>;

export const reviewBatchDecisionResultSchema = z.object({
  count: z.number().int(),
  items: z.array(z.object({ id: z.string(), status: z.string(), violationId: z.string().nullable(), evidenceHash: z.string().nullable() })),
});

export const violationSchema = z.object({
  id: z.string(),
  reviewItemId: z.string(),
  ruleIds: z.array(z.string()),
  categories: z.array(screeningCategorySchema),
  severity: z.number().int(),
  streamerUserId: z.string().nullable(),
  merchantOrgId: z.string().nullable(),
  productRef: z.string().nullable(),
  sessionRef: z.string().nullable(),
  /** the names behind the ids above, for screens (null when unknown) */
  streamerName: z.string().nullable().optional(),
  merchantName: z.string().nullable().optional(),
  productTitle: z.string().nullable().optional(),
  sessionTitle: z.string().nullable().optional(),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
  reason: z.string(),
  text: z.string(),
  kind: z.string(),
  evidenceHash: z.string().nullable(),
});

export const evidenceVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});

export const ruleSummarySchema = z.object({
  id: z.string(),
  category: screeningCategorySchema,
  severity: z.number().int(),
  action: decisionSchema,
  law: z.string(),
  article: z.string(),
  summaryZh: z.string(),
  summaryEn: z.string(),
  explainZh: z.string(),
  explainEn: z.string(),
  terms: z.array(z.string()),
  termCount: z.number().int(),
  variants: z.boolean(),
  exemptions: z.array(z.string()),
  detector: z.string().nullable(),
  kinds: z.array(z.string()).nullable(),
  exceptProductCategories: z.array(z.string()).nullable(),
});

export const rulePackSummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  publishedAt: z.string(),
  stats: z.object({ rules: z.number(), terms: z.number(), patterns: z.number(), states: z.number() }),
  rules: z.array(ruleSummarySchema),
});

export const addExemptionRequestSchema = z.strictObject({
  ruleId: z.string().regex(/^[A-Z]{2,6}-\d{3}$/),
  text: plainText(1, 50),
  reviewItemId: z.uuid().optional(),
});
