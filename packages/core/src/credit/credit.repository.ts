/**
 * The credit context's port: events (appended once per source, voided but never deleted), scores (one row per
 * party, replaced on every change) and tier moves (appended). Writes run in the caller's transaction.
 */
import type { CreditTier } from './credit.types.ts';
import type { CreditEventRecord, CreditPartyKind, CreditScoreRecord, CreditTierMoveRecord } from './credit.types.ts';

export interface CreditRepository {
  /** inserts the events whose (party, source) is new; returns the ones inserted */
  insertEvents(events: CreditEventRecord[]): Promise<CreditEventRecord[]>;
  findEvent(id: string, opts?: { lock?: boolean }): Promise<CreditEventRecord | null>;
  /** a party's events, oldest first (voided ones included) */
  eventsOf(partyId: string): Promise<CreditEventRecord[]>;
  voidEvent(id: string, at: Date, reason: string): Promise<boolean>;
  /** every event in pages (keyset on id), for a full recompute */
  eventPage(afterId: string | null, limit: number): Promise<CreditEventRecord[]>;
  countEvents(): Promise<number>;

  score(partyId: string): Promise<CreditScoreRecord | null>;
  scoresOf(partyIds: string[]): Promise<CreditScoreRecord[]>;
  /** inserts or replaces these parties' scores */
  upsertScores(scores: CreditScoreRecord[]): Promise<void>;
  /** scores from the lowest total up (the parties that need attention first); keyset on (total, party) */
  listScores(opts: {
    tier?: CreditTier | undefined;
    partyKind?: CreditPartyKind | undefined;
    after?: { totalCenti: number; partyId: string } | undefined;
    limit: number;
  }): Promise<CreditScoreRecord[]>;
  /** every stored score's party, tier and total (for a recompute to compare against) */
  allScores(): Promise<Array<Pick<CreditScoreRecord, 'partyId' | 'tier' | 'totalCenti' | 'tierSince'>>>;
  tierCounts(): Promise<Array<{ partyKind: CreditPartyKind; tier: CreditTier; parties: number }>>;
  /** parties per band of 10 points (band 0 … 9, 100 falls in band 9) */
  histogram(): Promise<Array<{ band: number; parties: number }>>;

  insertTierMoves(moves: CreditTierMoveRecord[]): Promise<void>;
  tierMovesOf(partyId: string, limit: number): Promise<CreditTierMoveRecord[]>;
  /** moves since a time, for the moves-per-day chart */
  tierMovesSince(since: Date): Promise<Array<Pick<CreditTierMoveRecord, 'fromTier' | 'toTier' | 'at'>>>;
}
