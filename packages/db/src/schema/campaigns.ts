/**
 * 活动与节庆 (programmes): campaigns with their rules as data, and the products and live sessions enrolled in them.
 * A product or a session enrols once per campaign (unique indexes). docs/programmes.md.
 */
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

export type CampaignRulesColumn = {
  priceCap: { kind: 'none' } | { kind: 'lowest_7d' } | { kind: 'fixed'; caps: Array<{ categoryId: string; maxFen: number }> };
  requiredLabel: string | null;
  minCreditTier: 'A' | 'B' | 'C' | 'D' | null;
  requireCertified: boolean;
};

export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    organiserOrgId: uuid('organiser_org_id').notNull(),
    organiserKind: text('organiser_kind', { enum: ['regulator', 'live_base'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    name: text('name').notNull(),
    theme: text('theme').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    enrolDeadline: ts('enrol_deadline').notNull(),
    categoryIds: jsonb('category_ids').$type<string[]>().notNull(),
    districts: jsonb('districts').$type<string[]>().notNull(),
    rules: jsonb('rules').$type<CampaignRulesColumn>().notNull(),
    status: text('status', { enum: ['draft', 'published', 'running', 'ended', 'cancelled'] }).notNull(),
    cancelReason: text('cancel_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('campaigns_organiser_idx').on(t.organiserOrgId, t.startsAt.desc()), index('campaigns_status_idx').on(t.status, t.startsAt)],
);

export const campaignEnrolments = pgTable(
  'campaign_enrolments',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    kind: text('kind', { enum: ['product', 'session'] }).notNull(),
    productId: uuid('product_id'),
    sessionId: uuid('session_id'),
    /** the merchant organization, or the streamer */
    partyId: uuid('party_id').notNull(),
    /** the merchant, or the streamer's MCN */
    partyOrgId: uuid('party_org_id'),
    enrolledBy: uuid('enrolled_by').notNull(),
    subjectName: text('subject_name').notNull(),
    partyName: text('party_name').notNull(),
    cardLabel: text('card_label'),
    priceFen: integer('price_fen'),
    checks: jsonb('checks').$type<string[]>().notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('campaign_enrolments_product_uq').on(t.campaignId, t.productId),
    uniqueIndex('campaign_enrolments_session_uq').on(t.campaignId, t.sessionId),
    index('campaign_enrolments_party_idx').on(t.partyId, t.createdAt.desc()),
    index('campaign_enrolments_party_org_idx').on(t.partyOrgId, t.createdAt.desc()),
    index('campaign_enrolments_session_idx').on(t.sessionId),
  ],
);
