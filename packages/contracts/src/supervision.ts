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
  'fake_orders',
  'under_declaration',
  'cross_region',
  'manual',
] as const;
export type ClueRule = (typeof CLUE_RULES)[number];

export const CLUE_SUBJECT_KINDS = ['organization', 'user', 'product', 'live_session'] as const;
export type ClueSubjectKind = (typeof CLUE_SUBJECT_KINDS)[number];

/** open: to be looked at; dismissed: looked at, nothing to pursue (with a reason); filed: a case was opened (已立案). */
export const CLUE_STATUSES = ['open', 'dismissed', 'filed'] as const;
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
export const CLUE_ENTRY_ACTIONS = ['raised', 'reinforced', 'transferred', 'dismissed', 'reopened', 'filed', 'shared', 'viewed'] as const;
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
// ---------------------------------------------------------------------------------------------------------------
// 案件 (cases with off-site enforcement, docs/supervision.md "Cases"): a clue becomes a case (立案); evidence from
// the evidence chain is attached, hash-chained; the party is told online (告知) and may state its case (陈述申辩)
// within a deadline; a decision (处罚决定) is issued as a PDF and executed through the platform's gates; closure.

/**
 * investigating 调查中 → notified 已告知 (the party's 陈述申辩 period runs) → stated 已陈述申辩 (or, past the deadline,
 * the regulator decides with 逾期未陈述) → decided 已决定 → executed 已执行 → closed 已结案.
 */
export const CASE_STATUSES = ['investigating', 'notified', 'stated', 'decided', 'executed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What can be attached from the evidence chain. */
export const CASE_EVIDENCE_KINDS = ['screening_event', 'violation', 'recording', 'order', 'complaint'] as const;
export type CaseEvidenceKind = (typeof CASE_EVIDENCE_KINDS)[number];

/** 警告 · 罚款 · 责令整改 · 下架 · 暂停直播 · 撤销认证 */
export const CASE_MEASURE_KINDS = ['warning', 'fine', 'rectify', 'takedown', 'suspend_live', 'revoke_certification'] as const;
export type CaseMeasureKind = (typeof CASE_MEASURE_KINDS)[number];

export const caseMeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('warning') }),
  z.strictObject({ kind: z.literal('fine'), amountFen: z.number().int().min(100).max(100_000_000_000) }),
  z.strictObject({ kind: z.literal('rectify'), requirement: plainText(2, 1000) }),
  z.strictObject({ kind: z.literal('takedown'), productId: idSchema }),
  z.strictObject({ kind: z.literal('suspend_live'), days: z.number().int().min(1).max(365) }),
  z.strictObject({ kind: z.literal('revoke_certification') }),
]);
export type CaseMeasure = z.infer<typeof caseMeasureSchema>;

export const caseOpenSchema = z.strictObject({ clueId: idSchema, summary: plainText(4, 2000) });
export type CaseOpen = z.infer<typeof caseOpenSchema>;
export const caseEvidenceAddSchema = z.strictObject({
  kind: z.enum(CASE_EVIDENCE_KINDS),
  refId: idSchema,
  note: plainText(1, 500).optional(),
});
export type CaseEvidenceAdd = z.infer<typeof caseEvidenceAddSchema>;
export const caseNotifySchema = z.strictObject({
  /** the facts found and the measures intended, as the party reads them (告知书) */
  facts: plainText(4, 4000),
  intended: plainText(2, 2000),
  legalBasis: plainText(2, 1000),
});
export type CaseNotify = z.infer<typeof caseNotifySchema>;
export const caseStatementSchema = z.strictObject({
  text: plainText(2, 8000),
  documentIds: z.array(idSchema).max(10).default([]),
});
export type CaseStatement = z.infer<typeof caseStatementSchema>;
export const caseDecideSchema = z.strictObject({
  measures: z.array(caseMeasureSchema).min(1).max(6),
  reasoning: plainText(4, 4000),
  legalBasis: plainText(2, 1000),
});
export type CaseDecide = z.infer<typeof caseDecideSchema>;
export const caseCloseSchema = z.strictObject({ note: plainText(2, 1000).optional() });
/** 移送: the case goes to another department, with the reason (the holder only, before it is closed) */
export const caseTransferSchema = z.strictObject({ departmentCode: z.string().min(1).max(20), reason: plainText(2, 1000) });
export type CaseTransfer = z.infer<typeof caseTransferSchema>;
/** 联合执法: departments invited to handle the case jointly (协办) */
export const caseJoinSchema = z.strictObject({
  departmentCodes: z.array(z.string().min(1).max(20)).min(1).max(12),
  note: plainText(2, 1000).optional(),
});
export type CaseJoin = z.infer<typeof caseJoinSchema>;

export const caseEvidenceViewSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(CASE_EVIDENCE_KINDS),
  refId: z.string(),
  /** what it is, in words (the transcript line, the order number…) */
  summary: z.string(),
  note: z.string().nullable(),
  contentHash: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
});
export type CaseEvidenceView = z.infer<typeof caseEvidenceViewSchema>;

export const caseEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['opened', 'evidence_added', 'notified', 'stated', 'lapsed', 'decided', 'executed', 'closed', 'transferred', 'joined']),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  /** a transfer's departments; a joint department (to), by name */
  fromDepartmentName: z.string().nullable(),
  toDepartmentName: z.string().nullable(),
});

export const caseViewSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  clueId: z.string(),
  status: z.enum(CASE_STATUSES),
  partyKind: z.enum(['organization', 'user']),
  partyId: z.string(),
  partyName: z.string(),
  /** the product or session the clue was about (null: the party itself), and its name */
  subjectKind: z.enum(['product', 'live_session']).nullable(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** 协办部门 (联合执法) */
  jointDepartments: z.array(z.object({ code: z.string(), name: z.string() })),
  /** the caller's department holds the case (takes its steps); false for a joint department */
  held: z.boolean(),
  summary: z.string(),
  openedAt: z.string(),
  notice: z
    .object({ facts: z.string(), intended: z.string(), legalBasis: z.string(), at: z.string(), defenceDueAt: z.string() })
    .nullable(),
  statement: z.object({ text: z.string(), documentIds: z.array(z.string()), at: z.string() }).nullable(),
  /** 逾期未陈述: the deadline passed without a statement */
  statementLapsed: z.boolean(),
  decision: z
    .object({
      measures: z.array(caseMeasureSchema),
      reasoning: z.string(),
      legalBasis: z.string(),
      at: z.string(),
      documentSha256: z.string(),
    })
    .nullable(),
  executedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  evidenceCount: z.number().int(),
  /** the head of the evidence chain (the last entry's hash; the genesis hash when empty) */
  evidenceHead: z.string(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseDetailSchema = z.object({
  case: caseViewSchema,
  evidence: z.array(caseEvidenceViewSchema),
  entries: z.array(caseEntrySchema),
  /** the chain recomputed from the stored entries matches */
  chainValid: z.boolean(),
});
export type CaseDetailView = z.infer<typeof caseDetailSchema>;
export const caseListQuerySchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export const caseListSchema = z.object({ items: z.array(caseViewSchema) });

/** What the party reads (监管通知): its notice, its own statement, the decision — no evidence hashes or log. */
export const caseNoticeViewSchema = caseViewSchema.omit({
  evidenceHead: true,
  departmentCode: true,
  clueId: true,
  jointDepartments: true,
  held: true,
});
export type CaseNoticeView = z.infer<typeof caseNoticeViewSchema>;
export const caseNoticeListSchema = z.object({ items: z.array(caseNoticeViewSchema) });
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

/** What a target can measure (money in fen, the others counts). */
export const STATS_TARGET_METRICS = ['gmv', 'physical_retail', 'orders', 'bases'] as const;
/** 本区目标: the district's own target, set by its regulator (the province's and city's come from their documents). */
export const statsTargetCreateSchema = z.strictObject({
  year: z.number().int().min(2020).max(2099),
  metric: z.enum(STATS_TARGET_METRICS),
  value: z.number().int().min(1).max(1e16),
  title: plainText(2, 200),
});
export type StatsTargetCreate = z.infer<typeof statsTargetCreateSchema>;
/** A district target's figure and title; a province's or city's figure only (when its document gave none). */
export const statsTargetUpdateSchema = z.strictObject({
  value: z.number().int().min(1).max(1e16),
  title: plainText(2, 200).optional(),
});
export type StatsTargetUpdate = z.infer<typeof statsTargetUpdateSchema>;
export const statsTargetParamsSchema = z.strictObject({ id: z.string().min(1).max(80) });

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

// ---- 跨境商品 (cross-border retail imports): declared values against live sale prices -------------------------

export const crossBorderReportRowSchema = z.object({
  productId: z.string(),
  title: z.string(),
  merchantOrgId: z.string(),
  merchantName: z.string(),
  productStatus: z.string(),
  declaredValueFen: z.number().int(),
  originCountry: z.string(),
  /** the origin's Chinese name */
  originName: z.string(),
  importMode: z.enum(['1210', '9610']),
  /** units sold in paid orders over the window */
  units: z.number().int(),
  medianFen: z.number().int().nullable(),
  minFen: z.number().int().nullable(),
  maxFen: z.number().int().nullable(),
  /** median sold unit price ÷ declared value (null: nothing sold) */
  ratio: z.number().nullable(),
  /** 低报价格: median at or above `ratioThreshold` × the declared value over at least `minUnits` units */
  flagged: z.boolean(),
});
export type CrossBorderReportRow = z.infer<typeof crossBorderReportRowSchema>;

export const crossBorderReportSchema = z.object({
  windowDays: z.number().int(),
  ratioThreshold: z.number(),
  minUnits: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** flagged first, then by ratio, highest first */
  items: z.array(crossBorderReportRowSchema),
});
export type CrossBorderReport = z.infer<typeof crossBorderReportSchema>;
