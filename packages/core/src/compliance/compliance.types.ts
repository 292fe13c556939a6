/** Records of the compliance context: screened events, hits, review items, violations, evidence, exemptions. */
import type { Action, Category, EventKind, ProductCard, ProductCategory } from '@livehub/compliance';

export interface ScreeningEventRecord {
  id: string;
  eventId: string;
  /** the sending organization; events sent without one (system, CLI) use NO_SOURCE_ORG */
  sourceOrgId: string;
  actorUserId: string | null;
  /** who said or typed it, when known (the chat sender from the room gateway) */
  senderUserId: string | null;
  kind: EventKind;
  text: string;
  sessionRef: string | null;
  streamerUserId: string | null;
  merchantOrgId: string | null;
  productRef: string | null;
  productCategory: ProductCategory | null;
  card: ProductCard | null;
  decision: Action;
  hitCount: number;
  maxSeverity: number;
  packVersion: string;
  occurredAt: Date;
  receivedAt: Date;
}

export interface ScreeningHitRecord {
  id: string;
  screeningEventId: string;
  ruleId: string;
  category: Category;
  severity: number;
  action: Action;
  start: number;
  end: number;
  matched: string;
  normalized: string;
  basis: string;
  via: 'term' | 'variant' | 'detector';
}

export type ReviewStatus = 'open' | 'claimed' | 'confirmed' | 'dismissed';

export interface ReviewItemRecord {
  id: string;
  screeningEventId: string;
  status: ReviewStatus;
  severity: number;
  categories: Category[];
  dueAt: Date;
  claimedBy: string | null;
  claimedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  createdAt: Date;
  /** repeats of the same hit share one undecided item (see ComplianceService.groupKey); null: never grouped */
  groupKey: string | null;
  /** how many screened events this item stands for (1 + repeats) */
  occurrences: number;
  /** when the first and the latest of them happened (`occurredAt`); the SLA runs from the first */
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface ReviewItemView extends ReviewItemRecord {
  /** the first event of the group */
  event: ScreeningEventRecord;
  hits: ScreeningHitRecord[];
}

/** One screened event counted on a review item. */
export interface ReviewOccurrence {
  screeningEventId: string;
  eventId: string;
  occurredAt: Date;
}

/** Display names for the ids a review item refers to, looked up in one batch per kind. */
export interface ReviewNameLookup {
  users: Map<string, string>;
  orgs: Map<string, string>;
  sessions: Map<string, { title: string; streamerUserId: string }>;
  products: Map<string, string>;
}

export interface ViolationRecord {
  id: string;
  reviewItemId: string;
  screeningEventId: string;
  ruleIds: string[];
  categories: Category[];
  severity: number;
  streamerUserId: string | null;
  merchantOrgId: string | null;
  productRef: string | null;
  sessionRef: string | null;
  confirmedBy: string;
  confirmedAt: Date;
  reason: string;
}

export interface EvidenceRecord {
  seq: number;
  id: string;
  violationId: string;
  content: Record<string, unknown>;
  contentHash: string;
  prevHash: string;
  hash: string;
  createdAt: Date;
  retainUntil: Date;
}

export interface RuleExemptionRecord {
  id: string;
  ruleId: string;
  text: string;
  reviewItemId: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface ReviewQueueFilter {
  status?: ReviewStatus[];
  category?: Category;
  minSeverity?: number;
  /** only items opened at or before this time (a batch "all matching" acts on what the reviewer saw) */
  createdBefore?: Date;
  limit: number;
}

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
