/**
 * What the matching engine (人货在线匹配) knows about the parties: plain data the caller assembles from the registry,
 * the catalog, the selection center and the credit context. Money is integer fen, rates basis points or shares 0–1.
 */

/** Viewer profile shares (0–1): `female`, age buckets (`under18`, `age18_24`, `age25_34`, `age35_44`, `age45plus`). */
export type Audience = Partial<Record<AudienceKey, number>>;
export const AUDIENCE_KEYS = ['female', 'under18', 'age18_24', 'age25_34', 'age35_44', 'age45plus'] as const;
export type AudienceKey = (typeof AUDIENCE_KEYS)[number];
export const AGE_KEYS = ['under18', 'age18_24', 'age25_34', 'age35_44', 'age45plus'] as const;

export type CreditTier = 'A' | 'B' | 'C' | 'D';
export type ReviewState = 'draft' | 'in_review' | 'returned' | 'approved' | 'rejected' | 'delisted';
export type LiveRule = 'allowed' | 'restricted' | 'prohibited';

export interface MatchProduct {
  id: string;
  category: string;
  merchant: string;
  priceFen: number;
  commissionBp: number;
  /** product review state; only `approved` products are ever recommended (default approved) */
  status?: ReviewState;
  /** the category's live-sale rule (default allowed); `prohibited` never goes live */
  liveRule?: LiveRule;
  /** professional licences / certifications a streamer needs to sell it (from the category rules), e.g. `drug_promotion` */
  requiredLicences?: readonly string[];
  /** restricted to adults (alcohol, tobacco products, …): never to a young audience */
  adultOnly?: boolean;
  /** units in stock (undefined: not tracked) */
  stock?: number;
  /** whether a sample can be sent (寄样) */
  sampleAvailable?: boolean;
  /** commission plan: open to all, or targeted / exclusive to named streamers or MCNs (default open) */
  plan?: { type: 'open' | 'targeted' | 'exclusive'; partners: readonly string[] };
  /** who the product is for, same keys as a streamer's audience */
  audience?: Audience;
  /** free attributes (brand, style, …) for content-based cold start */
  attributes?: readonly string[];
  /** recent measured rates 0–1 (undefined: unknown) */
  conversionRate?: number;
  returnRate?: number;
  complaintRate?: number;
  /** GMV of the last 30 days in fen (for the in-category sales rank) */
  gmv30dFen?: number;
}

export interface MatchMerchant {
  id: string;
  /** admitted (入驻审核通过) and not suspended */
  admitted: boolean;
  creditTier?: CreditTier;
  /** credit measures in force (codes of @livehub/credit, e.g. `no_selection`) */
  measures?: readonly string[];
}

export interface MatchStreamer {
  id: string;
  /** categories the streamer declares (cold start) */
  categories: readonly string[];
  audience: Audience;
  /** streamer certification (主播认证) in force (default true) */
  certified?: boolean;
  /** professional licences / certifications held */
  licences?: readonly string[];
  /** the MCN the streamer belongs to, for plans targeted at an MCN */
  mcn?: string;
  /** units the streamer's sessions usually sell of one product: the stock must cover it */
  expectedUnits?: number;
  /** only takes products that can be sampled first */
  requiresSample?: boolean;
  creditTier?: CreditTier;
  measures?: readonly string[];
}

export interface MatchCatalog {
  products: readonly MatchProduct[];
  streamers: readonly MatchStreamer[];
  merchants?: readonly MatchMerchant[];
}

export const INTERACTION_KINDS = ['impression', 'click', 'sample', 'agreement', 'sale'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface Interaction {
  streamer: string;
  product: string;
  kind: InteractionKind;
  /** epoch milliseconds */
  at: number;
  gmvFen?: number;
}
