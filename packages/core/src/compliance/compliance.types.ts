/** Records of the compliance context: screened events, hits, review items, violations, evidence, exemptions. */
import type { Action, Category, EventKind, ProductCard, ProductCategory } from '@livehub/compliance';

export interface ScreeningEventRecord {
  id: string;
  eventId: string;
  /** the sending organization; events sent without one (system, CLI) use NO_SOURCE_ORG */
  sourceOrgId: string;
  actorUserId: string | null;
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
}

export interface ReviewItemView extends ReviewItemRecord {
  event: ScreeningEventRecord;
  hits: ScreeningHitRecord[];
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
  limit: number;
}

export interface ComplianceRepository {
  findEvent(sourceOrgId: string, eventId: string): Promise<{ event: ScreeningEventRecord; hits: ScreeningHitRecord[] } | null>;
  /** false (and nothing written) when an event with the same source and eventId exists */
  insertEvent(event: ScreeningEventRecord, hits: ScreeningHitRecord[]): Promise<boolean>;
  /** events of the same live session before `before`, newest first */
  sessionContext(sessionRef: string, before: Date, limit: number): Promise<ScreeningEventRecord[]>;
  insertReviewItem(item: ReviewItemRecord): Promise<void>;
  findReviewItem(id: string): Promise<ReviewItemView | null>;
  findReviewItemForEvent(screeningEventId: string): Promise<ReviewItemRecord | null>;
  /** applies `patch` only while the item is in one of `whenStatus`; returns whether it did */
  updateReviewItem(id: string, whenStatus: ReviewStatus[], patch: Partial<ReviewItemRecord>): Promise<boolean>;
  listReviewItems(filter: ReviewQueueFilter): Promise<ReviewItemView[]>;
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
