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
  'price_fraud',
  'false_scarcity',
  'unqualified_category',
  'cross_region',
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

/** A clue's log: raised, reinforced, moved (移送), shared (共享) with other departments, read (查阅) by one, closed. */
export const CLUE_ENTRY_ACTIONS = ['raised', 'reinforced', 'transferred', 'dismissed', 'reopened', 'shared', 'viewed'] as const;
export type ClueEntryAction = (typeof CLUE_ENTRY_ACTIONS)[number];

export const clueEntrySchema = z.object({
  at: z.string(),
  action: z.enum(CLUE_ENTRY_ACTIONS),
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
  /** the departments it was shared with (共享, read-only for them), by name */
  sharedWith: z.array(z.string()),
  /** whether the caller's department holds it (may transfer, share, dismiss); false when only shared with it */
  held: z.boolean(),
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

/** 共享: a clue shown to other departments (read-only for them) with the reason; the holder keeps it. */
export const clueShareSchema = z.strictObject({
  departmentCodes: z.array(z.string().min(1).max(20)).min(1).max(20),
  reason: plainText(2, 1000),
});
export type ClueShare = z.infer<typeof clueShareSchema>;

/** 信息共享记录: who in the office sent, shared or read which clue, as far as it concerns the caller's department. */
export const clueSharingLogSchema = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      action: z.enum(CLUE_ENTRY_ACTIONS),
      clueId: z.string(),
      clueSubjectName: z.string(),
      clueRule: z.enum(CLUE_RULES),
      actorName: z.string().nullable(),
      fromDepartment: z.string().nullable(),
      toDepartment: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type ClueSharingLog = z.infer<typeof clueSharingLogSchema>;
