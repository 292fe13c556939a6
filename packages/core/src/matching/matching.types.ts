/**
 * Records of the matching context (人货匹配, docs/matching.md): what the repository reads from the source tables
 * (the selection pool's products and plans, categories, streamers, merchants, the interactions) to feed the pure
 * engine of `@livehub/matching`, and the impressions and clicks the context stores itself.
 */
import type { PlanPartner, PlanType } from '../selection/selection.types.ts';

export interface MatchPoolPlan {
  type: PlanType;
  commissionBp: number;
  partners: PlanPartner[];
}

/** A product of the selection pool: one with a plan running now (whatever its review state, which the engine checks). */
export interface MatchPoolProductRecord {
  id: string;
  merchantOrgId: string;
  categoryId: string;
  status: 'draft' | 'in_review' | 'returned' | 'approved' | 'rejected' | 'delisted';
  /** the lowest SKU price (null: no SKU) and the reference price */
  minPriceFen: number | null;
  referencePriceFen: number | null;
  /** units in stock over its SKUs */
  stock: number;
  sampleAvailable: boolean;
  sampleStock: number;
  salesCount: number;
  /** the plans running now */
  plans: MatchPoolPlan[];
}

export interface MatchCategoryRecord {
  id: string;
  parentId: string | null;
  liveRule: 'allowed' | 'restricted' | 'prohibited';
  screenAs: string;
  nameZh: string;
  nameEn: string;
}

export interface MatchStreamerRecord {
  userId: string;
  mcnOrgId: string | null;
  status: 'pending' | 'certified' | 'suspended' | 'expired' | 'revoked' | 'rejected';
  certifiedUntil: Date | null;
  topics: string[];
  /** holds a professional licence (职业资格证书) document not past its expiry */
  professionalLicence: boolean;
  /** the categories of its past order lines, session products and agreements */
  pastCategories: string[];
  /** units one session of the streamer sold of one product, on average (0: no sales yet) */
  avgUnitsPerSessionProduct: number;
  /** credit tier on record (null: no score yet) */
  creditTier: 'A' | 'B' | 'C' | 'D' | null;
  /** the aggregate audience (`match_audiences`; null: none recorded) */
  audience: MatchAudienceCounts | null;
}

/** A streamer's viewers counted by gender, age band (under18 = 未成年) and region: an aggregate, never per viewer. */
export interface MatchAudienceCounts {
  viewers: number;
  female: number;
  male: number;
  under18: number;
  age18_24: number;
  age25_34: number;
  age35_44: number;
  age45plus: number;
  /** viewers by region code */
  regions: Record<string, number>;
}

export interface MatchMerchantRecord {
  orgId: string;
  status: 'pending' | 'admitted' | 'suspended' | 'revoked' | 'rejected';
  creditTier: 'A' | 'B' | 'C' | 'D' | null;
}

export type MatchInteractionKind = 'impression' | 'click' | 'sample' | 'agreement' | 'sale';

/** One interaction, from the context's own events (impression, click) or the source tables (sample, agreement, sale). */
export interface MatchHistoryRow {
  streamerUserId: string;
  productId: string;
  kind: MatchInteractionKind;
  at: Date;
  gmvFen?: number;
}

export interface MatchSnapshot {
  products: MatchPoolProductRecord[];
  categories: MatchCategoryRecord[];
  streamers: MatchStreamerRecord[];
  merchants: MatchMerchantRecord[];
  history: MatchHistoryRow[];
}

/** What the context stores itself: recommendations shown (impression) and opened (click). */
export interface MatchEventRecord {
  id: string;
  streamerUserId: string;
  productId: string;
  kind: 'impression' | 'click';
  /** whether the list it came from was personalised */
  personalised: boolean;
  at: Date;
}

/** Match activity per party, for a base's view of its hosted parties. */
export interface MatchActivityRow {
  partyId: string;
  impressions: number;
  clicks: number;
  invitations: number;
  agreements: number;
}

/** What started a training: an admin's request, or the scheduler (the tick, audited as system). */
export type MatchModelTrigger = 'manual' | 'schedule';

/** A stored model (`match_models`): its version and sample counts; the factors travel separately. */
export interface MatchModelMeta {
  /** 1, 2, 3, … — every process ranks with the highest it has loaded */
  version: number;
  trainedAt: Date;
  trigger: MatchModelTrigger;
  streamers: number;
  products: number;
  /** interactions in the training history (the last 180 days) */
  interactions: number;
  /** distinct (streamer, product) pairs learned from */
  pairs: number;
  /** interactions newer than the previous version (all of them for the first) */
  newInteractions: number;
  /** factors per party (0: nothing learned) */
  dim: number;
}

export interface MatchModelRecord extends MatchModelMeta {
  /** the factors by party id, encoded by `encodeFactors` */
  factors: Uint8Array;
}
