/**
 * 举报: anyone, signed in or not, reports a live room, a product, an organization or a user (docs/reports.md). The
 * reporter is never shown to the reported party; an anonymous reporter follows the report with a tracking code.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

export const REPORT_TARGET_KINDS = ['live_session', 'product', 'organization', 'user'] as const;
export type ReportTargetKind = (typeof REPORT_TARGET_KINDS)[number];

/**
 * What is reported. Aligned with the screening categories where one fits (false_advertising ↔ absolute / medical /
 * efficacy claims, prohibited_goods ↔ prohibited_goods, fraud ↔ price_fraud); the rest are report-only.
 */
export const REPORT_CATEGORIES = ['false_advertising', 'prohibited_goods', 'vulgar', 'fraud', 'infringement', 'minors', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const REPORT_STATUSES = ['received', 'under_review', 'substantiated', 'unsubstantiated', 'referred'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_HANDLE_ACTIONS = ['review', 'substantiate', 'unsubstantiate', 'refer'] as const;
export type ReportHandleAction = (typeof REPORT_HANDLE_ACTIONS)[number];

/** A tracking code as shown to an anonymous reporter: JB- and 16 characters of an alphabet without 0/O/1/I. */
export const REPORT_TRACKING_CODE = /^JB-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{16}$/;

export const reportCreateSchema = z.strictObject({
  targetKind: z.enum(REPORT_TARGET_KINDS),
  targetId: idSchema,
  category: z.enum(REPORT_CATEGORIES),
  description: plainText(5, 2000),
  /** documents the signed-in reporter uploaded (POST /api/documents); refused for anonymous reporters */
  evidenceDocumentIds: z.array(idSchema).max(10).default([]),
  /** a phone number the platform may call back (stored encrypted, shown masked, never to the reported party) */
  contactPhone: z
    .string()
    .regex(/^1\d{10}$/)
    .optional(),
});
export type ReportCreate = z.infer<typeof reportCreateSchema>;

export const reportHandleSchema = z.strictObject({
  action: z.enum(REPORT_HANDLE_ACTIONS),
  /** required for every action but `review` */
  reason: plainText(2, 1000).optional(),
});
export type ReportHandle = z.infer<typeof reportHandleSchema>;

export const reportListQuerySchema = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const reportTrackParamsSchema = z.strictObject({ code: z.string().trim().toUpperCase().regex(REPORT_TRACKING_CODE) });

const target = z.object({ kind: z.enum(REPORT_TARGET_KINDS), id: idSchema, name: z.string().nullable() });

/** 举报查询: what the tracking code shows — the state and the outcome, nothing of the reporter or the target. */
export const reportTrackSchema = z.object({
  category: z.enum(REPORT_CATEGORIES),
  targetKind: z.enum(REPORT_TARGET_KINDS),
  status: z.enum(REPORT_STATUSES),
  outcome: z.string().nullable(),
  filedAt: z.string(),
  handledAt: z.string().nullable(),
});
export type ReportTrack = z.infer<typeof reportTrackSchema>;

/** What everybody allowed to see a report shares: no reporter, no description, no evidence. */
const reportOutcome = z.object({
  id: idSchema,
  target,
  category: z.enum(REPORT_CATEGORIES),
  status: z.enum(REPORT_STATUSES),
  /** the handling's reason, once handled */
  outcome: z.string().nullable(),
  filedAt: z.string(),
  handledAt: z.string().nullable(),
});
export const reportOutcomeSchema = reportOutcome;
export type ReportOutcome = z.infer<typeof reportOutcomeSchema>;

/** The reporter's own view (我的举报) and the answer to filing: the tracking code only once, at filing. */
export const reportReceiptSchema = reportOutcome.extend({
  description: z.string(),
  evidenceCount: z.number().int(),
  /** shown once to an anonymous reporter; null for a signed-in one (they follow it under 我的举报) */
  trackingCode: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type ReportReceipt = z.infer<typeof reportReceiptSchema>;

/** The handlers' view (举报受理): what reviewers need — the reporter as signed in or anonymous and the masked phone. */
export const reportCaseSchema = reportOutcome.extend({
  description: z.string(),
  evidenceDocumentIds: z.array(idSchema),
  reporter: z.enum(['signed_in', 'anonymous']),
  contactPhone: z.string().nullable(),
  reviewItemId: idSchema.nullable(),
  handledByName: z.string().nullable(),
});
export type ReportCase = z.infer<typeof reportCaseSchema>;

export const reportReceiptListSchema = z.object({ items: z.array(reportReceiptSchema) });
export const reportCaseListSchema = z.object({ items: z.array(reportCaseSchema) });
/** 关于我的举报: the reported party sees substantiated reports only, and counts — never who reported */
export const reportAboutMeSchema = z.object({
  items: z.array(reportOutcomeSchema),
  counts: z.object({ substantiated: z.number().int() }),
});
