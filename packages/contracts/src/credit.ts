/**
 * Credit and tiered management (信用 · 分级管理): what the API accepts and answers. Scores are 0–100 with two
 * decimals; every point of a score is traceable to the event behind it (`contributions`), and every measure to the
 * tier that imposes it. The engine itself is `@livehub/credit`; docs/credit.md explains the model.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

export const CREDIT_PARTY_KINDS = ['merchant', 'streamer', 'mcn', 'base'] as const;
export type CreditPartyKind = (typeof CREDIT_PARTY_KINDS)[number];

export const CREDIT_TIERS = ['A', 'B', 'C', 'D'] as const;
export type CreditTier = (typeof CREDIT_TIERS)[number];

/** The event kinds the engine scores (the engine's own list is the source; this one is checked against it). */
export const CREDIT_EVENT_KINDS_API = [
  'violation.confirmed',
  'complaint.upheld',
  'compensation.advanced',
  'order.completed',
  'order.returned',
  'refund.overdue',
  'shipment.late',
  'sample.overdue',
  'certification.lapsed',
  'case.penalty',
  'training.completed',
  'streaming.clean',
] as const;
export type CreditEventKindApi = (typeof CREDIT_EVENT_KINDS_API)[number];

/** Event kinds a platform admin (or a regulator's case) may record by hand; the rest come from the contexts. */
export const MANUAL_CREDIT_EVENT_KINDS = ['case.penalty', 'training.completed', 'complaint.upheld'] as const;

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** A platform admin records an event by hand (an administrative penalty, a completed training). */
export const creditEventCreateSchema = z.strictObject({
  partyId: idSchema,
  kind: z.enum(MANUAL_CREDIT_EVENT_KINDS),
  /** the event's data, checked against the kind by the engine (`data.severity`, `data.hours`) */
  data: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  /** ISO time it happened; now when left out; never in the future */
  at: z.iso.datetime({ offset: true }).optional(),
  note: plainText(2, 200).optional(),
});
export type CreditEventCreate = z.infer<typeof creditEventCreateSchema>;

export const creditEventViewSchema = z.object({
  id: idSchema,
  partyId: idSchema,
  partyKind: z.enum(CREDIT_PARTY_KINDS),
  kind: z.enum(CREDIT_EVENT_KINDS_API),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** where it came from: `violation:<id>`, `order:<id>`, `manual:<id>` */
  source: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** the latest appeal against it: open (申诉中), upheld (申诉成立, the event is voided) or rejected; null when never appealed */
  appeal: z.enum(['open', 'upheld', 'rejected']).nullable().optional(),
});
export type CreditEventView = z.infer<typeof creditEventViewSchema>;

export const creditContributionSchema = z.object({
  eventId: z.string(),
  kind: z.string(),
  dimension: z.string(),
  points: z.number(),
  at: z.string(),
  decay: z.number(),
  waived: z.literal('first_offence').optional(),
  hint: bilingual.optional(),
  /** a relaxed category (监管沙盒): the share of the points kept and why */
  relaxed: z.object({ factor: z.number(), zh: z.string(), en: z.string() }).optional(),
});

export const creditMeasureSchema = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  /** why it applies: the tier, or the enforcement mode that set it */
  because: bilingual.optional(),
});
export type CreditMeasureView = z.infer<typeof creditMeasureSchema>;

export const creditDimensionSchema = z.object({ key: z.string(), zh: z.string(), en: z.string(), weightBp: z.number(), score: z.number() });

/** A party's score as stored: what lists and gates read. */
export const creditSummarySchema = z.object({
  partyId: idSchema,
  partyKind: z.enum(CREDIT_PARTY_KINDS),
  partyName: z.string(),
  total: z.number(),
  tier: z.enum(CREDIT_TIERS),
  modelVersion: z.string(),
  computedAt: z.string(),
  /** since when the party is in this tier */
  tierSince: z.string(),
});
export type CreditSummary = z.infer<typeof creditSummarySchema>;

/** A party's whole explanation: the score, its dimensions, every contribution, the measures and the events. */
export const creditDetailSchema = creditSummarySchema.extend({
  dimensions: z.array(creditDimensionSchema),
  contributions: z.array(creditContributionSchema),
  measures: z.array(creditMeasureSchema),
  events: z.array(creditEventViewSchema),
  tierMoves: z.array(
    z.object({ at: z.string(), from: z.enum(CREDIT_TIERS).nullable(), to: z.enum(CREDIT_TIERS), total: z.number(), reason: z.string() }),
  ),
  /** the enforcement modes in force (观察期, 监管沙盒…) and what each changed */
  modes: z.array(z.object({ mode: z.string(), zh: z.string(), en: z.string(), until: z.string().nullable() })).optional(),
});
export type CreditDetail = z.infer<typeof creditDetailSchema>;

export const creditListQuerySchema = z.strictObject({
  tier: z.enum(CREDIT_TIERS).optional(),
  partyKind: z.enum(CREDIT_PARTY_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** keyset cursor: the last row's `total:partyId` */
  after: z.string().max(80).optional(),
});

export const creditListSchema = z.object({ items: z.array(creditSummarySchema), next: z.string().nullable() });

/** The distribution and the tier moves over time, for the platform's and the regulator's charts. */
export const creditStatsSchema = z.object({
  modelVersion: z.string(),
  byTier: z.array(z.object({ partyKind: z.enum(CREDIT_PARTY_KINDS), tier: z.enum(CREDIT_TIERS), parties: z.number() })),
  /** parties per 10-point band of the total (0–9, 10–19 … 90–100) */
  histogram: z.array(z.object({ from: z.number(), parties: z.number() })),
  /** per day: how many parties moved up and down a tier */
  movesByDay: z.array(z.object({ day: z.string(), up: z.number(), down: z.number() })),
});
export type CreditStats = z.infer<typeof creditStatsSchema>;

export const creditRecomputeResultSchema = z.object({
  parties: z.number(),
  events: z.number(),
  tierChanges: z.number(),
  modelVersion: z.string(),
  ms: z.number(),
});
export type CreditRecomputeResult = z.infer<typeof creditRecomputeResultSchema>;

/** A published version of the credit model (the newest is in force). */
export const creditModelVersionSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  /** the changelog line of this version, in both languages */
  zh: z.string(),
  en: z.string(),
});
export type CreditModelVersion = z.infer<typeof creditModelVersionSchema>;

export const creditModelPublishResultSchema = z.object({ version: z.string(), parties: z.number(), tierChanges: z.number() });
export type CreditModelPublishResult = z.infer<typeof creditModelPublishResultSchema>;
/** 申诉: a party contests one of its own events (reason 10–500 characters, evidence optional). */
export const creditAppealCreateSchema = z.strictObject({
  reason: plainText(10, 500),
  /** what supports it: a description, order numbers, where the proof is */
  evidence: plainText(1, 2000).optional(),
});
export type CreditAppealCreate = z.infer<typeof creditAppealCreateSchema>;

export const CREDIT_APPEAL_STATUSES = ['open', 'upheld', 'rejected'] as const;

export const creditAppealViewSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  partyId: idSchema,
  partyKind: z.enum(CREDIT_PARTY_KINDS),
  /** the `credit_appeal` application a reviewer decides (审批) */
  applicationId: idSchema,
  status: z.enum(CREDIT_APPEAL_STATUSES),
  reason: z.string(),
  evidence: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type CreditAppealView = z.infer<typeof creditAppealViewSchema>;

export const creditAppealListQuerySchema = z.strictObject({
  status: z.enum(CREDIT_APPEAL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const creditAppealListSchema = z.object({ items: z.array(creditAppealViewSchema) });

/** 信用报告 as JSON: the signed content, its SHA-256 and the server's signature. */
export const creditReportSchema = z.object({
  id: idSchema,
  number: z.string(),
  content: z.object({
    number: z.string(),
    party: z.object({ id: idSchema, kind: z.enum(CREDIT_PARTY_KINDS), name: z.string() }),
    tier: z.enum(CREDIT_TIERS),
    total: z.number(),
    dimensions: z.array(creditDimensionSchema),
    eventCount: z.number(),
    events: z.array(z.object({ kind: z.string(), day: z.string(), points: z.number(), waived: z.boolean() })),
    measures: z.array(creditMeasureSchema),
    modelVersion: z.string(),
    issuedAt: z.string(),
  }),
  /** SHA-256 (hex) of the canonical JSON of `content` (keys sorted, no spaces) */
  sha256: z.string(),
  /** HMAC-SHA-256 (hex) of `sha256` under the platform's report key */
  signature: z.string(),
});
export type CreditReport = z.infer<typeof creditReportSchema>;

export const creditReportQuerySchema = z.strictObject({ format: z.enum(['json', 'pdf']).default('json') });

export const creditReportVerifyQuerySchema = z.strictObject({ hash: z.string().regex(/^[0-9a-fA-F]{64}$/) });
export const creditReportVerdictSchema = z.object({
  genuine: z.boolean(),
  number: z.string(),
  problem: z.enum(['unknown_number', 'hash_mismatch', 'signature_invalid']).nullable(),
  issuedAt: z.string().nullable(),
  tier: z.enum(CREDIT_TIERS).nullable(),
  partyKind: z.enum(CREDIT_PARTY_KINDS).nullable(),
});
export type CreditReportVerdict = z.infer<typeof creditReportVerdictSchema>;

/** 信用公示: tier and masked name only. */
export const creditPublicQuerySchema = z.strictObject({ name: plainText(2, 60) });
export const creditPublicResultSchema = z.object({
  items: z.array(z.object({ maskedName: z.string(), partyKind: z.enum(['merchant', 'streamer']), tier: z.enum(CREDIT_TIERS) })),
});
