/**
 * 监管线索 (supervision clues, docs/supervision.md): what a detector on the event stream, a threshold of credit's
 * 触发式监管 or a regulator raised about a party, with its risk, its evidence and the department it is routed to.
 * Must never import anything but zod: the web bundle depends on it.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';

/** The rule that raised a clue. */
export const CLUE_RULES = [
  'repeat_violation',
  'serious_violation',
  'complaint_spike',
  'credit_tier_d',
  'refund_overdue_repeat',
  'report',
  'manual',
] as const;
export type ClueRule = (typeof CLUE_RULES)[number];

export const CLUE_SUBJECT_KINDS = ['organization', 'user', 'product', 'live_session'] as const;
export type ClueSubjectKind = (typeof CLUE_SUBJECT_KINDS)[number];

/** open: to be looked at; dismissed: looked at, nothing to pursue (with a reason). */
export const CLUE_STATUSES = ['open', 'dismissed'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];

/** 1 低 · 2 中 · 3 高 */
export const clueRiskSchema = z.number().int().min(1).max(3);

export const clueEvidenceSchema = z.object({
  /** what the link points at: a confirmed violation, a complaint, a credit party, an order… */
  kind: z.enum(['violation', 'complaint', 'report', 'credit_party', 'order', 'live_session', 'product', 'note']),
  id: z.string(),
  at: z.string(),
});
export type ClueEvidence = z.infer<typeof clueEvidenceSchema>;

export const clueEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['raised', 'reinforced', 'transferred', 'dismissed', 'reopened']),
  actorName: z.string().nullable(),
  fromDepartment: z.string().nullable(),
  toDepartment: z.string().nullable(),
  note: z.string().nullable(),
});

export const clueViewSchema = z.object({
  id: z.string(),
  rule: z.enum(CLUE_RULES),
  subjectKind: z.enum(CLUE_SUBJECT_KINDS),
  subjectId: z.string(),
  /** the party's, product's or session's name (never shown as an id) */
  subjectName: z.string(),
  riskLevel: clueRiskSchema,
  status: z.enum(CLUE_STATUSES),
  /** the department it is routed to (its code; null: the joint office as a whole) */
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** what raised it, in words */
  summary: z.object({ zh: z.string(), en: z.string() }),
  facts: z.record(z.string(), z.unknown()),
  evidence: z.array(clueEvidenceSchema),
  /** how many signals fed it (a spike's complaints, the crossings of a threshold) */
  signals: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  closingReason: z.string().nullable(),
});
export type ClueView = z.infer<typeof clueViewSchema>;

export const clueDetailSchema = z.object({ clue: clueViewSchema, entries: z.array(clueEntrySchema) });
export type ClueDetailView = z.infer<typeof clueDetailSchema>;

export const clueListQuerySchema = z.strictObject({
  status: z.enum(CLUE_STATUSES).optional(),
  rule: z.enum(CLUE_RULES).optional(),
  minRisk: z.coerce.number().int().min(1).max(3).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClueListQuery = z.infer<typeof clueListQuerySchema>;
export const clueListSchema = z.object({ items: z.array(clueViewSchema) });

/** A regulator's own clue (人工录入): about a party, a product or a session, with what they saw. */
export const clueCreateSchema = z.strictObject({
  subjectKind: z.enum(CLUE_SUBJECT_KINDS),
  subjectId: idSchema,
  riskLevel: clueRiskSchema,
  description: plainText(4, 2000),
  departmentCode: z.string().min(1).max(20).optional(),
});
export type ClueCreate = z.infer<typeof clueCreateSchema>;

export const clueTransferSchema = z.strictObject({ departmentCode: z.string().min(1).max(20), reason: plainText(2, 1000) });
export type ClueTransfer = z.infer<typeof clueTransferSchema>;
export const clueDismissSchema = z.strictObject({ reason: plainText(2, 1000) });

export const clueDepartmentsSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), mine: z.boolean() })),
});
export type ClueDepartments = z.infer<typeof clueDepartmentsSchema>;

/** 统计分析 (docs/supervision.md, "Statistics against targets"): a year's figures, optionally one district or category. */
export const statsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2099),
  district: z.string().min(1).max(40).optional(),
  category: z
    .string()
    .regex(/^[a-z_]+$/)
    .max(40)
    .optional(),
});
export type StatsQueryInput = z.infer<typeof statsQuerySchema>;

export const statsLineSchema = z.object({
  key: z.string(),
  name: z.string(),
  gmvFen: z.number(),
  orders: z.number(),
  refundFen: z.number(),
  physicalFen: z.number(),
  sessions: z.number(),
  complaints: z.number(),
  violations: z.number(),
  merchants: z.number(),
  streamers: z.number(),
  gmvYoy: z.number().nullable(),
  ordersYoy: z.number().nullable(),
  lastYearGmvFen: z.number(),
  complaintRate: z.number().nullable(),
  violationRate: z.number().nullable(),
});
export type StatsLineView = z.infer<typeof statsLineSchema>;

export const statsTargetSchema = z.object({
  id: z.string(),
  scope: z.enum(['province', 'city', 'district']),
  region: z.string(),
  year: z.number(),
  metric: z.string(),
  value: z.number().nullable(),
  title: z.string(),
  source: z.string(),
  measuredYear: z.number(),
  actual: z.number(),
  progress: z.number().nullable(),
});
export type StatsTargetView = z.infer<typeof statsTargetSchema>;

export const statsOverviewSchema = z.object({
  year: z.number(),
  district: z.string().nullable(),
  category: z.string().nullable(),
  total: statsLineSchema,
  months: z.array(statsLineSchema),
  byDistrict: z.array(statsLineSchema),
  byCategory: z.array(statsLineSchema),
  byBase: z.array(statsLineSchema),
  targets: z.array(statsTargetSchema),
});
export type StatsOverviewView = z.infer<typeof statsOverviewSchema>;

export const statsReportsSchema = z.object({
  items: z.array(z.object({ month: z.string(), generatedAt: z.string(), summary: z.record(z.string(), z.unknown()) })),
});
export type StatsReportsView = z.infer<typeof statsReportsSchema>;
export const statsMonthParamsSchema = z.strictObject({ month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/) });
export const statsRebuildSchema = z.object({ facts: z.number() });
