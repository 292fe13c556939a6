/** The compliance context's storage port: screened events, review items, violations, evidence, exemptions. */
import type {
  EvidenceRecord,
  ReviewItemRecord,
  ReviewItemView,
  ReviewNameLookup,
  ReviewOccurrence,
  ReviewQueueFilter,
  ReviewStatus,
  RuleExemptionRecord,
  ScreeningEventRecord,
  ScreeningHitRecord,
  ViolationRecord,
} from './compliance.types.ts';

export interface ComplianceRepository {
  findEvent(sourceOrgId: string, eventId: string): Promise<{ event: ScreeningEventRecord; hits: ScreeningHitRecord[] } | null>;
  /** false (and nothing written) when an event with the same source and eventId exists */
  insertEvent(event: ScreeningEventRecord, hits: ScreeningHitRecord[]): Promise<boolean>;
  /** events of the same live session before `before`, newest first */
  sessionContext(sessionRef: string, before: Date, limit: number): Promise<ScreeningEventRecord[]>;
  /**
   * Opens `item`, or — when an undecided item with the same group key exists — counts the event on that one
   * (occurrences + 1, last seen), atomically (the partial unique index on the open group key is the arbiter, so
   * two racing repeats never open two items). Either way the event is recorded as an occurrence of the item.
   */
  openOrGroupReviewItem(item: ReviewItemRecord, occurredAt: Date): Promise<{ id: string; grouped: boolean }>;
  findReviewItem(id: string): Promise<ReviewItemView | null>;
  /** the items with these ids, locked for update until the end of the transaction; unknown ids are left out */
  lockReviewItems(ids: string[]): Promise<ReviewItemView[]>;
  /** the item an event was counted on (its first event or a repeat) */
  findReviewItemForEvent(screeningEventId: string): Promise<ReviewItemRecord | null>;
  /** the events counted on an item, oldest first */
  listOccurrences(reviewItemId: string, limit: number): Promise<ReviewOccurrence[]>;
  /** display names of users, organizations, live sessions and products (one query per kind, unknown ids left out) */
  lookupNames(ids: { users: string[]; orgs: string[]; sessions: string[]; products: string[] }): Promise<ReviewNameLookup>;
  /** applies `patch` only while the item is in one of `whenStatus`; returns whether it did */
  updateReviewItem(id: string, whenStatus: ReviewStatus[], patch: Partial<ReviewItemRecord>): Promise<boolean>;
  listReviewItems(filter: ReviewQueueFilter): Promise<ReviewItemView[]>;
  /** ids of the items matching the filter, in queue order (at most `filter.limit`) */
  listReviewItemIds(filter: ReviewQueueFilter): Promise<string[]>;
  countReviewItems(status: ReviewStatus[]): Promise<number>;
  insertViolation(v: ViolationRecord): Promise<void>;
  listViolations(opts: {
    limit: number;
    streamerUserId?: string;
    merchantOrgIds?: string[];
  }): Promise<Array<ViolationRecord & { text: string; kind: string; evidenceHash: string | null }>>;
  countViolations(): Promise<number>;
  /** confirmed violations against a merchant organization or a streamer, by severity, since `since` */
  violationsFor(
    subject: { merchantOrgId?: string; streamerUserId?: string },
    since: Date,
  ): Promise<Array<{ severity: number; confirmedAt: Date }>>;
  lockEvidenceHead(): Promise<{ seq: number; hash: string } | null>;
  insertEvidence(e: EvidenceRecord): Promise<void>;

  scanEvidence(afterSeq: number, limit: number): Promise<EvidenceRecord[]>;
  insertExemption(x: RuleExemptionRecord): Promise<void>;
  listExemptions(): Promise<RuleExemptionRecord[]>;
}
