/**
 * Real-time compliance review (技术+人工实时审核), the context's one public entry. It delegates each job to its
 * service: screening and ingestion (screening.service.ts), the review queue and decisions (review.service.ts),
 * violations and their evidence chain (evidence.service.ts), rule exemptions (exemption.service.ts). Never talks
 * to sockets: it writes outbox events that the room gateway and credit context consume.
 */
import type { CreditGatePort } from '../credit/index.ts';
import type { EventKind, ProductCard, ProductCategory, RulePack, ScreenResult } from '@livehub/compliance';
import type { AuditService } from '../audit/audit.service.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { type NameReader, type Names, noNames } from '../shared/name-directory.ts';
import { DEFAULT_COMPLIANCE_SETTINGS, liveWarning } from './compliance.rules.ts';
import type {
  BatchTarget,
  ChainVerification,
  ComplianceSettings,
  Decided,
  Decision,
  IngestInput,
  IngestResult,
  LiveWarningPort,
  ReviewItemRecord,
  ReviewItemView,
  ReviewNameLookup,
  ReviewOccurrence,
  ReviewQueueFilter,
  RuleExemptionRecord,
  RulePackSummary,
  ScreeningEventRecord,
  ViolationRecord,
} from './compliance.types.ts';
import { EvidenceService } from './evidence.service.ts';
import { ExemptionService } from './exemption.service.ts';
import { openReportItem, type ReportItemInput } from './report-intake.ts';
import { ReviewService } from './review.service.ts';
import { ScreeningService } from './screening.service.ts';

export interface ComplianceDeps {
  uow: ScopedUnitOfWork<'compliance' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  pack: RulePack;
  settings?: Partial<ComplianceSettings>;
  /** where warnings for live rooms' managers go (ingestLive) */
  warnings?: LiveWarningPort;
  /** told after a rule editor changed the pack, so every process reloads it (the container publishes it) */
  packChanged?: () => Promise<void>;
  /** the names of the people, merchants, products and sessions violations refer to; none without it */
  names?: NameReader;
  /** 信用: the measures of tier C in the queue — who is under observation (重点观察) and under extra sampling (加大抽检) */
  credit?: CreditGatePort | undefined;
}

export class ComplianceService {
  readonly settings: ComplianceSettings;
  private readonly screening: ScreeningService;
  private readonly review: ReviewService;
  private readonly evidence: EvidenceService;
  private readonly exemptions: ExemptionService;

  constructor(private readonly d: ComplianceDeps) {
    this.settings = { ...DEFAULT_COMPLIANCE_SETTINGS, ...d.settings };
    const { uow, clock, ids, audit, pack } = d;
    this.screening = new ScreeningService({ uow, clock, ids, pack, settings: this.settings, credit: d.credit });
    this.evidence = new EvidenceService({ uow, ids, pack });
    this.review = new ReviewService({ uow, clock, ids, audit, settings: this.settings, evidence: this.evidence, credit: d.credit });
    this.exemptions = new ExemptionService({ uow, clock, ids, audit, pack, screening: this.screening });
  }

  /** Recompiles the engine from the shipped pack plus the exemptions rule editors added. */
  reload(): Promise<void> {
    return this.exemptions.reload();
  }

  get stats() {
    return this.screening.stats;
  }

  get pack(): RulePack {
    return this.d.pack;
  }

  /** Screening without storing anything: previews for product copy and tools. */
  screen(input: { text: string; kind?: EventKind; productCategory?: ProductCategory; card?: ProductCard }): ScreenResult {
    return this.screening.screen(input);
  }

  /** Screens a live event inline and stores it; idempotent on (sending organization, eventId). */
  ingest(actor: Actor, raw: IngestInput): Promise<IngestResult> {
    return this.screening.ingest(actor, raw);
  }

  /**
   * Ingests an event sent to the API and, when it is new and hits a rule during a live session, warns the room's
   * managers within the next batch (streamer console).
   */
  async ingestLive(actor: Actor, raw: IngestInput): Promise<IngestResult> {
    const r = await this.screening.ingest(actor, raw);
    const warning = liveWarning(this.d.pack, raw, r);
    if (warning && raw.sessionRef) await this.d.warnings?.warn(raw.sessionRef, warning);
    return r;
  }

  /** The rule pack in force, with the exemptions rule editors added. */
  async rulePackSummary(): Promise<RulePackSummary> {
    return { pack: this.d.pack, exemptions: await this.exemptions.listExemptions(), stats: this.screening.stats };
  }

  // ---- human review ---------------------------------------------------------------------------------------

  listQueue(filter: ReviewQueueFilter): Promise<{ items: ReviewItemView[]; names: ReviewNameLookup }> {
    return this.review.listQueue(filter);
  }

  getItem(
    id: string,
  ): Promise<{ item: ReviewItemView; context: ScreeningEventRecord[]; occurrences: ReviewOccurrence[]; names: ReviewNameLookup }> {
    return this.review.getItem(id);
  }

  names(items: ReviewItemView[]): Promise<ReviewNameLookup> {
    return this.review.names(items);
  }

  claim(actor: Actor, id: string): Promise<ReviewItemRecord> {
    return this.review.claim(actor, id);
  }

  decide(actor: Actor, id: string, input: Decision): Promise<Decided> {
    return this.review.decide(actor, id, input);
  }

  /** A report's handling closes the review item it opened (substantiated → confirmed, unsubstantiated → dismissed). */
  followReport(reviewItemId: string, decision: Decision['decision'], reason: string, handledBy: string | null): Promise<boolean> {
    return this.review.followReport(reviewItemId, decision, reason, handledBy);
  }

  decideMany(actor: Actor, target: BatchTarget, input: Decision): Promise<{ decided: Decided[] }> {
    return this.review.decideMany(actor, target, input);
  }

  /**
   * In-transaction form for the reports context (举报): opens a review item for a report on a live room or a product
   * in the caller's transaction (report-intake.ts); the caller hands its transaction over and never calls the
   * compliance repository itself.
   */
  openReportItemIn(tx: Pick<Repositories, 'compliance'>, input: ReportItemInput): Promise<string> {
    return openReportItem(tx, { ids: this.d.ids, settings: this.settings, packVersion: this.screening.stats.packVersion }, input);
  }

  // ---- violations and evidence --------------------------------------------------------------------------------

  verifyEvidence(batch = 500): Promise<ChainVerification> {
    return this.evidence.verify(batch);
  }

  listViolations(opts: { limit: number; streamerUserId?: string; merchantOrgIds?: string[] }) {
    return this.evidence.listViolations(opts);
  }

  /** Confirmed violations as `actor` may see them: merchants' staff their organization's, streamers their own. */
  listViolationsFor(
    actor: Actor,
    limit: number,
  ): Promise<Array<ViolationRecord & { text: string; kind: string; evidenceHash: string | null }>> {
    const scope =
      actor.role === 'merchant_staff'
        ? { merchantOrgIds: actor.orgId ? [actor.orgId] : [] }
        : actor.role === 'streamer'
          ? { streamerUserId: actor.userId ?? '00000000-0000-0000-0000-000000000000' }
          : {};
    return this.evidence.listViolations({ limit, ...scope });
  }

  /**
   * A page of the violations `actor` may see, with the names of their streamers, merchants, products and sessions:
   * one look-up per kind of name, whatever the page's size.
   */
  async violationPage(
    actor: Actor,
    limit: number,
  ): Promise<{ items: Array<ViolationRecord & { text: string; kind: string; evidenceHash: string | null }>; names: Names }> {
    const items = await this.listViolationsFor(actor, limit);
    if (!this.d.names) return { items, names: noNames() };
    const names = await this.d.names.namesFor({
      users: items.map((v) => v.streamerUserId),
      orgs: items.map((v) => v.merchantOrgId),
      products: items.map((v) => v.productRef),
      sessions: items.map((v) => v.sessionRef),
    });
    return { items, names };
  }

  // ---- rule editing -------------------------------------------------------------------------------------------

  /** Adds an exemption to a rule and recompiles the engine here; every other process is told to reload. */
  async addExemption(actor: Actor, input: { ruleId: string; text: string; reviewItemId?: string | undefined }): Promise<void> {
    await this.exemptions.addExemption(actor, input);
    await this.d.packChanged?.();
  }

  listExemptions(): Promise<RuleExemptionRecord[]> {
    return this.exemptions.listExemptions();
  }
}
