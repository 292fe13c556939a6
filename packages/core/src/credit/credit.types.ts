/**
 * Credit (信用) in the domain's words: the events a score is computed from, as stored; each party's current score;
 * and the history of tier moves. The scoring itself is the pure engine `@livehub/credit`.
 */
import type { CreditEvent, CreditEventKind, PartyKind, Tier } from '@livehub/credit';

export type { CreditEvent, CreditEventKind, PartyKind as CreditPartyKind, Tier as CreditTier };

/** A credit event as stored. `source` is unique: the same fact (a violation, an order) is recorded once. */
export interface CreditEventRecord {
  id: string;
  partyId: string;
  partyKind: PartyKind;
  kind: CreditEventKind;
  at: Date;
  data: Record<string, unknown>;
  /** where it came from: `violation:<id>`, `order:<id>`, `manual:<id>` … unique per party */
  source: string;
  /** set when an appeal against it was upheld: it then counts for nothing, and stays in the history */
  voidedAt: Date | null;
  voidReason: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

/** A party's score as last computed. Dimensions are stored for the screens; contributions are recomputed. */
export interface CreditScoreRecord {
  partyId: string;
  partyKind: PartyKind;
  /** in hundredths of a point (0–10,000) */
  totalCenti: number;
  tier: Tier;
  modelVersion: string;
  dimensions: Array<{ key: string; score: number }>;
  computedAt: Date;
  tierSince: Date;
}

export type TierMoveReason = 'event' | 'recompute' | 'appeal' | 'model';

export interface CreditTierMoveRecord {
  id: string;
  partyId: string;
  partyKind: PartyKind;
  fromTier: Tier | null;
  toTier: Tier;
  totalCenti: number;
  modelVersion: string;
  reason: TierMoveReason;
  at: Date;
}
