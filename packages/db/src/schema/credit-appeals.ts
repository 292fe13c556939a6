/**
 * Credit appeals (申诉) and credit reports (信用报告): an appeal names the event it contests and the approval
 * application that decides it (one open appeal per event); a report is stored as issued — its canonical content,
 * the SHA-256 of it and the server's HMAC signature — so anyone holding its number and hash can check it.
 */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

const PARTY_KINDS = ['merchant', 'streamer', 'mcn', 'base'] as const;

export const creditAppeals = pgTable(
  'credit_appeals',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id').notNull(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    applicationId: uuid('application_id').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'rejected'] }).notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    filedBy: uuid('filed_by').notNull(),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    // one open appeal per event, whatever two requests race
    uniqueIndex('credit_appeals_open_uq').on(t.eventId).where(sql`${t.status} = 'open'`),
    uniqueIndex('credit_appeals_application_uq').on(t.applicationId),
    index('credit_appeals_party_idx').on(t.partyId, t.createdAt.desc()),
    index('credit_appeals_event_idx').on(t.eventId, t.createdAt.desc()),
    index('credit_appeals_created_idx').on(t.createdAt.desc(), t.id),
  ],
);

export const creditReports = pgTable(
  'credit_reports',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    partyId: uuid('party_id').notNull(),
    partyKind: text('party_kind', { enum: PARTY_KINDS }).notNull(),
    purpose: text('purpose', { enum: ['request', 'inquiry'] }).notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    sha256: text('sha256').notNull(),
    signature: text('signature').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: ts('issued_at').notNull(),
  },
  (t) => [uniqueIndex('credit_reports_number_uq').on(t.number), index('credit_reports_party_idx').on(t.partyId, t.issuedAt.desc())],
);
