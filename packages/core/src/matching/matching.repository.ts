/**
 * What the matching context needs from storage. The snapshot is a read-side projection of the selection pool, the
 * registry, the orders and the selection center's samples and agreements (never copied: read from their tables);
 * the context's own tables hold impressions and clicks, a user's choice of non-personalised ranking, the trained
 * model's versions and each streamer's aggregate audience.
 */
import type { AudienceIncrement, Gender, ViewerRecord } from './audience.rules.ts';
import type { MatchActivityRow, MatchEventRecord, MatchModelMeta, MatchModelRecord, MatchSnapshot } from './matching.types.ts';

export interface MatchingRepository {
  /** the pool (plans running at `now`), its categories, every registered streamer, the merchants, and the history since `since` */
  snapshot(now: Date, since: Date): Promise<MatchSnapshot>;
  insertEvents(events: MatchEventRecord[]): Promise<void>;
  /** a user's choice: false = non-personalised ranking; null = never chosen */
  personalisation(userId: string): Promise<boolean | null>;
  setPersonalisation(userId: string, personalised: boolean, now: Date): Promise<void>;
  /** impressions, clicks, targeted plans naming them, agreements in force, per streamer of the MCN orgs given */
  activityForStreamersOf(mcnOrgIds: string[], since: Date): Promise<MatchActivityRow[]>;
  /** the newest stored model's version and counts, without its factors (null: none trained yet) */
  latestModel(): Promise<MatchModelMeta | null>;
  /** a stored model with its factors */
  loadModel(version: number): Promise<MatchModelRecord | null>;
  /** stores a new version (its number must be the next one) and keeps only the newest `keep` versions */
  saveModel(model: MatchModelRecord, keep: number): Promise<void>;
  /** a consumer's consented verification (birth year and gender only; null: not verified) */
  findConsumerProfile(userId: string): Promise<ConsumerProfileRecord | null>;
  saveConsumerProfile(p: ConsumerProfileRecord): Promise<void>;
  /** consent withdrawn: the profile is deleted (counts already added stay in the aggregate, which names no one) */
  deleteConsumerProfile(userId: string): Promise<boolean>;
  /** a viewer's verified birth year and gender and its default address's region (all null: not verified) */
  viewerRecord(userId: string): Promise<ViewerRecord>;
  /** one viewer added to a streamer's aggregate in one upsert (`insert … on conflict do update`) */
  incrementAudience(streamerUserId: string, inc: AudienceIncrement, at: Date): Promise<void>;
}

/** A consumer's verification as stored: never the ID number or the name. */
export interface ConsumerProfileRecord {
  userId: string;
  birthYear: number;
  gender: Gender;
  consentedAt: Date;
  updatedAt: Date;
}
