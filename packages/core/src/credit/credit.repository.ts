/**
 * The credit context's port: events (appended once per source, voided but never deleted), scores (one row per
 * party, replaced on every change) and tier moves (appended). Writes run in the caller's transaction.
 */
import type { CreditTrigger } from './credit-modes.types.ts';
import type { CreditTier } from './credit.types.ts';
import type { CreditEventRecord, CreditPartyKind, CreditScoreRecord, CreditTierMoveRecord } from './credit.types.ts';

export interface CreditRepository {
  /** inserts the events whose (party, source) is new; returns the ones inserted */
  insertEvents(events: CreditEventRecord[]): Promise<CreditEventRecord[]>;
  /**
   * `insertEvents`, and every event of the events' parties (the new ones included, voided ones too, in time order)
   * as rescoring reads them — in one statement where the batch allows, so an event from the feed costs one round
   * trip less (issue #16's incremental benchmark).
   */
  insertEventsReading(events: CreditEventRecord[]): Promise<{ inserted: CreditEventRecord[]; partyEvents: CreditPartyEvent[] }>;
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
  /**
   * Stores one party's score in one statement and returns the tier it had before (null when it had no score). The
   * stored `tierSince` is kept when the tier is unchanged; otherwise (and for a first score) it is `score.tierSince`.
   */
  rescore(score: CreditScoreRecord): Promise<CreditTier | null>;
  /**
   * `rescore` as an ingest needs it, in the same one statement — which runs after the audit chain's lock is taken,
   * so it sees every commit made while this transaction waited for it:
   * - `seen`: how many events (and voided ones) the score was computed from; when the party's events now differ (a
   *   writer for the same party committed after they were read), nothing is stored and `stored` is false, so the
   *   caller reads them again and rescores (no lost update);
   * - `followUps`: what the enforcement modes act on after a rescore (the party's training tasks' events, its last
   *   clue per trigger), so that a rescore which changes neither costs no further statement.
   */
  rescoreChecked(
    score: CreditScoreRecord,
    opts: { seen?: { events: number; voided: number } | undefined; followUps?: CreditFollowUpsWanted | undefined },
  ): Promise<CreditRescoreResult>;
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

  /**
   * For a full recompute, one range of parties at a time (party ids from `range.from` to `range.to`, both
   * included): the unvoided events of those parties with only what scoring reads, as one text in no particular order
   * (`lines`: a line per event, fields separated by tabs — party id, party kind, event kind, time in ms since the
   * epoch, event id, data as JSON; `cutScoringLines` reads it), and how many events the range holds in all (voided
   * ones included).
   */
  scoringLines(range: CreditPartyRange): Promise<{ lines: string; total: number }>;
  /** For a full recompute: the stored scores of a range of parties, to compare the new ones against. */
  storedScores(range: CreditPartyRange): Promise<CreditStoredScore[]>;
}

/** What `rescoreChecked` says. */
export interface CreditRescoreResult {
  /** the tier stored before (null when the party had no score) */
  before: CreditTier | null;
  /** false when the party's events were not the ones scored: nothing was written */
  stored: boolean;
  /** when asked for */
  followUps?: CreditFollowUps;
}

/** Which follow-ups a rescore reads (each costs a look-up, so only what the hook will act on). */
export interface CreditFollowUpsWanted {
  trainingTasks?: boolean;
  clues?: boolean;
}

/** What the enforcement modes' hook acts on after a rescore, read with it. */
export interface CreditFollowUps {
  /** the violations that already have a training task (when asked for) */
  trainingEventIds?: string[];
  /** when each trigger last raised a clue for the party (when asked for) */
  lastClues?: Partial<Record<CreditTrigger, Date>>;
}

/** Party ids from `from` to `to`, both included (compared as the database compares them). */
export interface CreditPartyRange {
  from: string;
  to: string;
}

/** An event as rescoring reads it: what the engine scores, and whether it was voided. */
export type CreditPartyEvent = Pick<CreditEventRecord, 'id' | 'partyId' | 'partyKind' | 'kind' | 'at' | 'data' | 'voidedAt'>;

/** An event as a recompute scores it: no source, no audit fields, never voided. */
export type CreditScoringEvent = Pick<CreditEventRecord, 'id' | 'partyId' | 'partyKind' | 'kind' | 'at' | 'data'>;

/** A stored score as a recompute compares it (everything but when it was computed). */
export type CreditStoredScore = Omit<CreditScoreRecord, 'computedAt'>;
