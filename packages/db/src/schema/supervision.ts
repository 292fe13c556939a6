/**
 * 监管线索 (supervision clues): a clue about a party, product or session, raised by a detector on the event stream,
 * a credit threshold or a regulator; its log (raised, reinforced, transferred between departments, dismissed); and
 * the signals the detectors count over time windows (one row per source event: a redelivered event is a no-op).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export const clues = pgTable(
  'clues',
  {
    id: uuid('id').primaryKey(),
    rule: text('rule').notNull(),
    subjectKind: text('subject_kind', { enum: ['organization', 'user', 'product', 'live_session'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    riskLevel: integer('risk_level').notNull(),
    status: text('status', { enum: ['open', 'dismissed', 'filed'] }).notNull(),
    departmentCode: text('department_code'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    evidence: jsonb('evidence').$type<Array<{ kind: string; id: string; at: string }>>().notNull(),
    signals: integer('signals').notNull(),
    /** rule + subject for a detector's clue: one open clue per key, later signals reinforce it; null for manual */
    dedupeKey: text('dedupe_key'),
    createdByUserId: uuid('created_by_user_id'),
    closingReason: text('closing_reason'),
    firstAt: ts('first_at').notNull(),
    lastAt: ts('last_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('clues_open_key_uq').on(t.dedupeKey).where(sql`${t.status} = 'open' and ${t.dedupeKey} is not null`),
    index('clues_department_idx').on(t.departmentCode, t.status, t.lastAt.desc()),
    index('clues_status_idx').on(t.status, t.lastAt.desc()),
    index('clues_subject_idx').on(t.subjectId),
  ],
);

export const clueEntries = pgTable(
  'clue_entries',
  {
    id: uuid('id').primaryKey(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    at: ts('at').notNull(),
    action: text('action', {
      enum: ['raised', 'reinforced', 'transferred', 'dismissed', 'reopened', 'filed', 'shared', 'viewed'],
    }).notNull(),
    actorUserId: uuid('actor_user_id'),
    fromDepartment: text('from_department'),
    toDepartment: text('to_department'),
    note: text('note'),
  },
  (t) => [
    index('clue_entries_clue_idx').on(t.clueId, t.at, t.id),
    index('clue_entries_from_idx').on(t.fromDepartment, t.at),
    index('clue_entries_to_idx').on(t.toDepartment, t.at),
  ],
);

export const clueSignals = pgTable(
  'clue_signals',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    at: ts('at').notNull(),
    /** the fact behind it (`complaint:<id>`, `violation:<id>`…): unique, so a redelivered event counts once */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('clue_signals_source_uq').on(t.source), index('clue_signals_window_idx').on(t.kind, t.subjectId, t.at)],
);

/** 共享: a clue shown to another department of the joint office (read-only there); one row per clue and department. */
export const clueShares = pgTable(
  'clue_shares',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    departmentCode: text('department_code').notNull(),
    sharedByUserId: uuid('shared_by_user_id'),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('clue_shares_uq').on(t.clueId, t.departmentCode), index('clue_shares_department_idx').on(t.departmentCode)],
);

/**
 * 案件 (cases with off-site enforcement): one case per clue filed, against one party, held by the clue's
 * department; moved by version through 调查 → 告知 → 陈述申辩 → 决定 → 执行 → 结案.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    caseNo: text('case_no').notNull(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    status: text('status', { enum: ['investigating', 'notified', 'stated', 'decided', 'executed', 'closed'] }).notNull(),
    partyKind: text('party_kind', { enum: ['organization', 'user'] }).notNull(),
    partyId: uuid('party_id').notNull(),
    subjectKind: text('subject_kind', { enum: ['product', 'live_session'] }),
    subjectId: uuid('subject_id'),
    departmentCode: text('department_code'),
    /** 协办部门: departments handling the case jointly with the holder (联合执法); they read it and add evidence */
    jointDepartments: text('joint_departments').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull(),
    openedByUserId: uuid('opened_by_user_id'),
    openedAt: ts('opened_at').notNull(),
    notice: jsonb('notice').$type<{ facts: string; intended: string; legalBasis: string }>(),
    notifiedAt: ts('notified_at'),
    defenceDueAt: ts('defence_due_at'),
    statement: jsonb('statement').$type<{ text: string; documentIds: string[] }>(),
    statedAt: ts('stated_at'),
    statementLapsed: boolean('statement_lapsed').notNull(),
    decision: jsonb('decision').$type<{ measures: unknown[]; reasoning: string; legalBasis: string }>(),
    decidedAt: ts('decided_at'),
    documentKey: text('document_key'),
    documentSha256: text('document_sha256'),
    executedAt: ts('executed_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('cases_clue_uq').on(t.clueId),
    uniqueIndex('cases_no_uq').on(t.caseNo),
    index('cases_department_idx').on(t.departmentCode, t.openedAt.desc()),
    index('cases_party_idx').on(t.partyId, t.notifiedAt.desc()),
  ],
);

/** The case's evidence, hash-chained: each entry's hash covers the previous entry's hash (append-only). */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['screening_event', 'violation', 'recording', 'order', 'complaint'] }).notNull(),
    refId: uuid('ref_id').notNull(),
    summary: text('summary').notNull(),
    note: text('note'),
    contentHash: text('content_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    addedAt: ts('added_at').notNull(),
    addedByUserId: uuid('added_by_user_id'),
  },
  (t) => [uniqueIndex('case_evidence_seq_uq').on(t.caseId, t.seq), uniqueIndex('case_evidence_ref_uq').on(t.caseId, t.kind, t.refId)],
);

export const caseEntries = pgTable(
  'case_entries',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: ts('at').notNull(),
    action: text('action', {
      enum: ['opened', 'evidence_added', 'notified', 'stated', 'lapsed', 'decided', 'executed', 'closed', 'transferred', 'joined'],
    }).notNull(),
    actorUserId: uuid('actor_user_id'),
    note: text('note'),
    /** a transfer's from and to, a joint department's code (to) */
    fromDepartment: text('from_department'),
    toDepartment: text('to_department'),
  },
  (t) => [index('case_entries_case_idx').on(t.caseId, t.at, t.id)],
);

/** 暂停直播 imposed by a decision: the live gate refuses the streamer between `from` and `until`. */
export const liveSuspensions = pgTable(
  'live_suspensions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id').notNull(),
    from: ts('from_at').notNull(),
    until: ts('until_at').notNull(),
  },
  (t) => [index('live_suspensions_user_idx').on(t.userId, t.until)],
);
