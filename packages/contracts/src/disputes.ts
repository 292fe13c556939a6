/**
 * 投诉 / 在线纠纷解决 (ODR): a consumer's complaint about one of their orders, its statutory deadlines and its
 * timeline (docs/disputes.md). Money is integer fen.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

export const COMPLAINT_CATEGORIES = [
  'quality',
  'not_as_described',
  'false_advertising',
  'refund_refused',
  'fraud',
  'personal_data',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_STATUSES = [
  'awaiting_merchant',
  'negotiating',
  'mediating',
  'escalated',
  'accepted_by_regulator',
  'refused_by_regulator',
  'resolved',
  'dismissed',
  'withdrawn',
  'mediation_failed',
  /** 终止调解: the regulator's mediation ended without agreement (closed by the regulator, or its 45 working days lapsed) */
  'regulator_closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** what the consumer asks for */
export const CLAIM_KINDS = ['refund', 'return', 'compensation'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
/** what a resolution gives: a claim kind, or 退一赔三 computed under 消费者权益保护法 Art. 55 */
export const COMPLAINT_REMEDIES = ['refund', 'return', 'compensation', 'fraud_compensation'] as const;
export type ComplaintRemedy = (typeof COMPLAINT_REMEDIES)[number];

export const COMPLAINT_ROLES = ['consumer', 'merchant', 'mediator', 'regulator', 'system'] as const;
export type ComplaintRole = (typeof COMPLAINT_ROLES)[number];

const fen = z.number().int().min(1).max(100_000_000_00);

export const complaintCreateSchema = z.strictObject({
  orderId: idSchema,
  category: z.enum(COMPLAINT_CATEGORIES),
  claim: z.strictObject({ kind: z.enum(CLAIM_KINDS), amountFen: fen }),
  description: plainText(10, 2000),
  /** documents the consumer uploaded (POST /api/documents) */
  evidenceDocumentIds: z.array(idSchema).max(10).default([]),
  /** the live session where the claim was heard (must be the order's) */
  liveSessionId: idSchema.optional(),
  /** a phone number the merchant's service may call back (stored encrypted, shown masked) */
  contactPhone: z
    .string()
    .regex(/^1\d{10}$/)
    .optional(),
});
export type ComplaintCreate = z.infer<typeof complaintCreateSchema>;

export const complaintAnswerSchema = z.strictObject({
  answer: z.enum(['accept', 'counter', 'reject']),
  /** a counter-offer's remedy and amount */
  offer: z.strictObject({ kind: z.enum(CLAIM_KINDS), amountFen: fen }).optional(),
  note: plainText(2, 1000),
});
export type ComplaintAnswer = z.infer<typeof complaintAnswerSchema>;

export const complaintNoteSchema = z.strictObject({ note: plainText(2, 1000).optional() });
export const complaintDecisionSchema = z.strictObject({
  remedy: z.enum(COMPLAINT_REMEDIES),
  /** for refund / return / compensation; fraud compensation is computed and takes none */
  amountFen: fen.optional(),
  note: plainText(2, 1000),
});
export type ComplaintDecision = z.infer<typeof complaintDecisionSchema>;
export const complaintDismissSchema = z.strictObject({ reason: plainText(2, 1000) });
export const complaintRegulatorDecisionSchema = z.strictObject({ decision: z.enum(['accept', 'refuse']), reason: plainText(2, 1000) });
/** 调解成立 by the regulator (行政调解): the same remedy input and rules as the platform mediator's decision */
export const complaintRegulatorMediationSchema = complaintDecisionSchema;
/** 终止调解 by the regulator, with its reason */
export const complaintRegulatorCloseSchema = z.strictObject({ reason: plainText(2, 1000) });

export const complaintListQuerySchema = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const complaintEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  role: z.enum(COMPLAINT_ROLES),
  action: z.string(),
  fromStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  toStatus: z.enum(COMPLAINT_STATUSES),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const complaintViewSchema = z.object({
  id: idSchema,
  orderId: idSchema,
  merchantOrgId: idSchema,
  streamerUserId: idSchema.nullable(),
  liveSessionId: idSchema.nullable(),
  category: z.enum(COMPLAINT_CATEGORIES),
  claim: z.object({ kind: z.enum(CLAIM_KINDS), amountFen: z.number() }),
  description: z.string(),
  evidenceDocumentIds: z.array(idSchema),
  /** masked for everyone (138****5678) */
  contactPhone: z.string().nullable(),
  paidFen: z.number(),
  status: z.enum(COMPLAINT_STATUSES),
  /** when the current step ends (null in a final state) */
  dueAt: z.string().nullable(),
  /** the deadline has passed and the step still waits (a regulator's acceptance shows this; sweeps act on the others) */
  overdue: z.boolean(),
  answer: z
    .object({
      answer: z.enum(['accept', 'counter', 'reject']),
      offer: z.object({ kind: z.enum(CLAIM_KINDS), amountFen: z.number() }).nullable(),
    })
    .nullable(),
  outcome: z.object({ remedy: z.enum(COMPLAINT_REMEDIES), amountFen: z.number(), upheld: z.boolean() }).nullable(),
  closingReason: z.string().nullable(),
  filedAt: z.string(),
  updatedAt: z.string(),
  /** the names screens show (the lists and the detail carry them; a step's answer has null) */
  merchantName: z.string().nullable(),
  streamerName: z.string().nullable(),
  orderNo: z.string().nullable(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;
export const complaintListSchema = z.object({ items: z.array(complaintViewSchema) });

/**
 * 赔付义务: what a resolution with an amount obliges the merchant to pay the consumer, by a deadline. Paid by the
 * merchant (`paid_by_merchant`), or past the deadline 先行赔付 by the platform's fund (`advanced`) and then
 * recovered (追偿) from the merchant's deposit and balance (`recovered`, or `partially_recovered` with the rest owed).
 */
export const COMPENSATION_STATUSES = ['due', 'paid_by_merchant', 'advanced', 'partially_recovered', 'recovered'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

export const compensationObligationSchema = z.object({
  id: idSchema,
  remedy: z.enum(COMPLAINT_REMEDIES),
  amountFen: z.number(),
  /** the merchant pays by then (3 working days from the resolution); past it the fund pays */
  dueAt: z.string(),
  status: z.enum(COMPENSATION_STATUSES),
  paidByMerchantFen: z.number(),
  advancedFen: z.number(),
  /** recovered from the merchant's deposit and its available balance */
  recoveredFromDepositFen: z.number(),
  recoveredFromBalanceFen: z.number(),
  /** advanced and not recovered yet: what the merchant still owes the platform (应收追偿款) */
  outstandingFen: z.number(),
  paidAt: z.string().nullable(),
  advancedAt: z.string().nullable(),
  recoveredAt: z.string().nullable(),
});
export type CompensationObligation = z.infer<typeof compensationObligationSchema>;

export const complaintDetailSchema = complaintViewSchema.extend({
  timeline: z.array(complaintEntrySchema),
  /** the compensation obligation of a resolution with an amount (null before, or without one) */
  obligation: compensationObligationSchema.nullable(),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

// ---- 投诉统计: complaint and report statistics per merchant, streamer or product, over a period (docs/disputes.md)

export const COMPLAINT_STATS_DIMENSIONS = ['merchant', 'streamer', 'product'] as const;
export type ComplaintStatsDimension = (typeof COMPLAINT_STATS_DIMENSIONS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A period of days in China time, `from` to `to` inclusive (at most 366 days; the service checks the dates). */
export const complaintStatsQuerySchema = z.strictObject({
  by: z.enum(COMPLAINT_STATS_DIMENSIONS),
  from: day,
  to: day,
});
export type ComplaintStatsQuery = z.infer<typeof complaintStatsQuerySchema>;

export const complaintStatsRowSchema = z.object({
  /** the merchant organization, the streamer or the product */
  subjectId: z.string(),
  subjectName: z.string(),
  complaints: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  /** decided for the consumer by a mediator */
  upheld: z.number().int(),
  /** upheld ÷ complaints closed (resolved, dismissed, refused or accepted by the regulator, withdrawn); null with none closed */
  upheldRate: z.number().nullable(),
  /** what consumers were paid on these complaints: obligations paid by the merchant or advanced by the fund */
  compensationPaidFen: z.number().int(),
  /** refunds and returns decided or agreed on these complaints */
  refundedFen: z.number().int(),
  /** median hours from filing to the merchant's answer (answered complaints only); null when none was answered */
  medianAnswerHours: z.number().nullable(),
  reports: z.number().int(),
});
export type ComplaintStatsRow = z.infer<typeof complaintStatsRowSchema>;

export const complaintStatsSchema = z.object({
  by: z.enum(COMPLAINT_STATS_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  rows: z.array(complaintStatsRowSchema),
  /** the whole period (all subjects) */
  totals: complaintStatsRowSchema.omit({ subjectId: true, subjectName: true }),
  generatedAt: z.string(),
});
export type ComplaintStats = z.infer<typeof complaintStatsSchema>;
