/** Records of the compliance context: screened events, hits, review items, violations, evidence, exemptions. */
import type { Action, Category, EventKind, ProductCard, ProductCategory, RulePack, ScreeningEngine } from '@livehub/compliance';

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
  /** 重点观察 (credit measure `observation_tag`): the parties under observation among these, with the reason */
  observation?: Map<string, { zh: string; en: string }>;
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

export interface ComplianceSettings {
  /** hits at or above this severity open a review item */
  reviewMinSeverity: number;
  /** SLA per severity, minutes */
  slaMinutes: Record<number, number>;
  /** how many earlier events of the same session the evidence keeps */
  contextEvents: number;
  /**
   * 加大抽检 (credit measure `extra_sampling`, tier C): the share, in basis points, of a party's screened-and-passed
   * events also sent to the review queue; 0 for everyone else. Chosen by the event id's hash, so it is reproducible.
   */
  extraSamplingBp: number;
}

export interface IngestInput {
  eventId: string;
  kind: EventKind;
  text: string;
  sessionRef?: string | undefined;
  /** who said or typed it (the chat sender); repeats are grouped per sender */
  senderUserId?: string | undefined;
  streamerUserId?: string | undefined;
  merchantOrgId?: string | undefined;
  productRef?: string | undefined;
  productCategory?: ProductCategory | undefined;
  card?: ProductCard | undefined;
  occurredAt?: Date | undefined;
}

export interface IngestResult {
  event: ScreeningEventRecord;
  hits: ScreeningHitRecord[];
  reviewItemId: string | null;
  duplicate: boolean;
}

/** A reviewer's decision on a review item. */
export type Decision = { decision: 'confirm' | 'dismiss'; reason: string };
/** What a decision left behind: the item as decided, and for a confirmation its violation and evidence. */
export type Decided = { item: ReviewItemRecord; violation: ViolationRecord | null; evidence: EvidenceRecord | null };
/** Which items a batch decision targets: named ones, or every undecided one a queue filter shows. */
export type BatchTarget = { ids: string[] } | { filter: Omit<ReviewQueueFilter, 'limit' | 'status'> };

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** A warning for a live room's managers: a screened event of their session hit a rule. */
export interface LiveWarning {
  source: 'chat' | 'transcript';
  ruleIds: string[];
  text: string;
  /** the rule's explanation with what was said filled in, as the engine renders it */
  message: { zh: string; en: string };
}

/** Where live warnings go (the room gateway's staff channel); compliance never talks to sockets itself. */
export interface LiveWarningPort {
  warn(sessionRef: string, warning: LiveWarning): Promise<void>;
}

/** The rule pack in force, with the exemptions rule editors added and the engine's statistics. */
export interface RulePackSummary {
  pack: RulePack;
  exemptions: RuleExemptionRecord[];
  stats: ScreeningEngine['stats'];
}
