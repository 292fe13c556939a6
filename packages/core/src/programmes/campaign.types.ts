/** 活动与节庆 (campaigns): records, inputs and the facts the automatic review reads. docs/programmes.md. */

export type CampaignStatus = 'draft' | 'published' | 'running' | 'ended' | 'cancelled';
export type CreditTierName = 'A' | 'B' | 'C' | 'D';
export type EnrolmentKind = 'product' | 'session';
export type EnrolmentStatus = 'pending' | 'approved' | 'rejected';

/** 价格上限 as data */
export type PriceCap = { kind: 'none' } | { kind: 'lowest_7d' } | { kind: 'fixed'; caps: Array<{ categoryId: string; maxFen: number }> };

export interface CampaignRules {
  priceCap: PriceCap;
  /** the label every enrolled product card must carry (e.g. 年货节); null = none */
  requiredLabel: string | null;
  /** the lowest credit tier admitted (A best); null = any */
  minCreditTier: CreditTierName | null;
  /** the merchant must pass the registry's listing gate, the streamer its live gate */
  requireCertified: boolean;
}

export interface CampaignInput {
  name: string;
  theme: string;
  startsAt: Date;
  endsAt: Date;
  enrolDeadline: Date;
  categoryIds: string[];
  districts: string[];
  rules: CampaignRules;
}

export interface CampaignRecord extends CampaignInput {
  id: string;
  organiserOrgId: string;
  /** a regulator's campaign is open to all; a live base's to the parties it hosts */
  organiserKind: 'regulator' | 'live_base';
  createdBy: string;
  status: CampaignStatus;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** a campaign with the names a screen shows */
export interface CampaignListing extends CampaignRecord {
  organiserName: string;
  categoryNames: string[];
}

export interface EnrolmentRecord {
  id: string;
  campaignId: string;
  kind: EnrolmentKind;
  productId: string | null;
  sessionId: string | null;
  /** the merchant organization (product) or the streamer (session) */
  partyId: string;
  /** the MCN of a session, so its managers see the enrolment */
  partyOrgId: string | null;
  enrolledBy: string;
  subjectName: string;
  partyName: string;
  cardLabel: string | null;
  /** the product's lowest SKU price at enrolment, fen */
  priceFen: number | null;
  /** what the automatic review checked (all passed), Chinese */
  checks: string[];
  status: EnrolmentStatus;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

// ── the facts the automatic review reads (through other contexts' readers) ─────────────────────

export interface CampaignPartyFacts {
  name: string;
  /** the organization's district (merchant, or the streamer's MCN); null when unknown */
  district: string | null;
  creditTier: CreditTierName;
  /** the registry gate (listing for a merchant, live for a streamer) */
  certified: boolean;
  /** the live base the party's organization (merchant, or the streamer's MCN) belongs to, if any */
  hostBaseId: string | null;
}

export interface CampaignProductFacts {
  id: string;
  merchantOrgId: string;
  title: string;
  approved: boolean;
  categoryId: string;
  categoryName: string;
  /** the category and its ancestors, nearest first */
  categoryPath: string[];
  skus: Array<{ name: string; priceFen: number; lowest7dFen: number | null }>;
}

export interface CampaignSessionFacts {
  id: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  title: string;
  status: string;
  scheduledAt: Date;
  peakViewers: number;
  orders: number;
  gmvFen: number;
  /** the shared studio the session was held in (「基地 · 直播间」, named at the booking's check-in), if any */
  studio: string | null;
}

/**
 * The reader port the campaigns read other contexts through (catalog, live, orders, credit, registry, disputes,
 * identity); implemented in the server over those contexts' services and readers.
 */
export interface CampaignSources {
  product(id: string): Promise<CampaignProductFacts | null>;
  sessions(ids: string[]): Promise<CampaignSessionFacts[]>;
  merchant(orgId: string): Promise<CampaignPartyFacts | null>;
  streamer(userId: string, mcnOrgId: string | null): Promise<CampaignPartyFacts | null>;
  /** complaints filed in [from, to) about orders of these sessions, per session */
  complaints(sessionIds: string[], from: Date, to: Date): Promise<Map<string, number>>;
  /** whether the live base is certified (a base organises campaigns only then) */
  baseCertified(orgId: string): Promise<boolean>;
}

export interface CampaignTotals {
  campaignId: string;
  status: CampaignStatus;
  sessions: number;
  liveSessions: number;
  endedSessions: number;
  products: number;
  peakViewers: number;
  orders: number;
  gmvFen: number;
  complaints: number;
  perSession: Array<{
    sessionId: string;
    title: string;
    streamerName: string;
    /** the shared studio it was held in, if any */
    studio: string | null;
    status: string;
    peakViewers: number;
    orders: number;
    gmvFen: number;
    complaints: number;
  }>;
  generatedAt: Date;
}

export interface CampaignReport {
  campaign: CampaignListing;
  totals: CampaignTotals;
  enrolments: EnrolmentRecord[];
}

export interface PublicCampaign {
  campaign: CampaignListing;
  rooms: Array<{ sessionId: string; title: string; streamerName: string; status: string; scheduledAt: Date }>;
  products: Array<{ productId: string; title: string; merchantName: string; priceFen: number | null; cardLabel: string | null }>;
}
