/**
 * Real-time compliance review (技术+人工实时审核): screens live events inline with the engine, stores events and
 * hits, opens review items with SLA timers for serious hits, and turns a reviewer's confirmation into a violation
 * with tamper-evident evidence. Owns the evidence hash chain. Never talks to sockets: it writes outbox events that
 * the room gateway and credit context consume.
 */
import {
  type Action,
  type Category,
  type EventKind,
  type Hit,
  type ProductCard,
  type ProductCategory,
  type RulePack,
  ScreeningEngine,
  type ScreenResult,
} from '@livehub/compliance';
import { storableText } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import type {
  EvidenceRecord,
  ReviewItemRecord,
  ReviewItemView,
  ReviewQueueFilter,
  ScreeningEventRecord,
  ScreeningHitRecord,
  ViolationRecord,
} from './compliance.types.ts';

export const EVIDENCE_GENESIS = '0'.repeat(64);
/** the source of events sent by no organization (the system, the CLI) */
export const NO_SOURCE_ORG = '00000000-0000-0000-0000-000000000000';
const RETENTION_MS = 3 * 366 * 86_400_000; // ≥ 3 years (网络交易监督管理办法; 电子商务法 Art. 31)
const CLAIM_TIMEOUT_MS = 30 * 60_000;

export interface ComplianceSettings {
  /** hits at or above this severity open a review item */
  reviewMinSeverity: number;
  /** SLA per severity, minutes */
  slaMinutes: Record<number, number>;
  /** how many earlier events of the same session the evidence keeps */
  contextEvents: number;
}

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = {
  reviewMinSeverity: 2,
  slaMinutes: { 1: 240, 2: 60, 3: 15, 4: 5 },
  contextEvents: 8,
};

export interface IngestInput {
  eventId: string;
  kind: EventKind;
  text: string;
  sessionRef?: string | undefined;
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

export interface ComplianceDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  pack: RulePack;
  settings?: Partial<ComplianceSettings>;
}

export class ComplianceService {
  private engine: ScreeningEngine;
  readonly settings: ComplianceSettings;

  constructor(private readonly d: ComplianceDeps) {
    this.settings = { ...DEFAULT_COMPLIANCE_SETTINGS, ...d.settings };
    this.engine = ScreeningEngine.compile(d.pack);
  }

  /** Recompiles the engine from the shipped pack plus the exemptions rule editors added. */
  async reload(): Promise<void> {
    const extra = await this.d.uow.read.compliance.listExemptions();
    const byRule = new Map<string, string[]>();
    for (const x of extra) byRule.set(x.ruleId, [...(byRule.get(x.ruleId) ?? []), x.text]);
    const pack: RulePack = {
      ...this.d.pack,
      rules: this.d.pack.rules.map((r) => (byRule.has(r.id) ? { ...r, exemptions: [...r.exemptions, ...(byRule.get(r.id) ?? [])] } : r)),
    };
    this.engine = ScreeningEngine.compile(pack);
  }

  get stats() {
    return this.engine.stats;
  }

  get pack(): RulePack {
    return this.d.pack;
  }

  /** Screening without storing anything: previews for product copy and tools. */
  screen(input: { text: string; kind?: EventKind; productCategory?: ProductCategory; card?: ProductCard }): ScreenResult {
    return this.engine.screen(input);
  }

  /** Screens a live event inline and stores it; idempotent on (sending organization, eventId). */
  async ingest(actor: Actor, raw: IngestInput): Promise<IngestResult> {
    // What was said is kept as said, except what the database cannot store (one unit for one: offsets hold).
    const input = { ...raw, text: storableText(raw.text) };
    const source = actor.orgId ?? NO_SOURCE_ORG;
    const r = this.engine.screen(input);
    const now = this.d.clock.now();
    const event: ScreeningEventRecord = {
      id: this.d.ids.next(),
      eventId: input.eventId,
      sourceOrgId: source,
      actorUserId: actor.userId,
      kind: input.kind,
      text: input.text,
      sessionRef: input.sessionRef ?? null,
      streamerUserId: input.streamerUserId ?? null,
      merchantOrgId: input.merchantOrgId ?? null,
      productRef: input.productRef ?? null,
      productCategory: input.productCategory ?? null,
      card: input.card ?? null,
      decision: r.decision,
      hitCount: r.hits.length,
      maxSeverity: r.hits.reduce((m, h) => Math.max(m, h.severity), 0),
      packVersion: this.engine.stats.packVersion,
      occurredAt: input.occurredAt ?? now,
      receivedAt: now,
    };
    const hits = r.hits.map((h) => this.hitRecord(event.id, h));
    const result = await this.d.uow.transaction(async (tx): Promise<IngestResult | null> => {
      // The unique (source, eventId) decides between a first delivery and a retry, even when two race.
      if (!(await tx.compliance.insertEvent(event, hits))) return null;
      let reviewItemId: string | null = null;
      if (event.maxSeverity >= this.settings.reviewMinSeverity && hits.length > 0) {
        reviewItemId = await this.openReviewItem(tx, event, hits, now);
      }
      if (hits.length > 0) {
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'compliance.screened',
          payload: {
            screeningEventId: event.id,
            sessionRef: event.sessionRef,
            streamerUserId: event.streamerUserId,
            decision: event.decision,
            hits: hits.map((h) => ({ rule: h.ruleId, category: h.category, severity: h.severity, matched: h.matched })),
          },
          createdAt: now,
          publishedAt: null,
        });
      }
      return { event, hits, reviewItemId, duplicate: false };
    });
    if (result) return result;
    const known = await this.d.uow.read.compliance.findEvent(source, input.eventId);
    if (!known) throw new AppError('compliance.event_conflict', { field: 'eventId' });
    return this.replay(known, input);
  }

  private async replay(known: { event: ScreeningEventRecord; hits: ScreeningHitRecord[] }, input: IngestInput): Promise<IngestResult> {
    if (known.event.text !== input.text || known.event.kind !== input.kind) {
      throw new AppError('compliance.event_conflict', { field: 'eventId' });
    }
    const item = await this.d.uow.read.compliance.findReviewItemForEvent(known.event.id);
    return { event: known.event, hits: known.hits, reviewItemId: item?.id ?? null, duplicate: true };
  }

  private async openReviewItem(tx: Repositories, event: ScreeningEventRecord, hits: ScreeningHitRecord[], now: Date): Promise<string> {
    const sla = this.settings.slaMinutes[event.maxSeverity] ?? 60;
    const item: ReviewItemRecord = {
      id: this.d.ids.next(),
      screeningEventId: event.id,
      status: 'open',
      severity: event.maxSeverity,
      categories: [...new Set(hits.map((h) => h.category))],
      dueAt: new Date(now.getTime() + sla * 60_000),
      claimedBy: null,
      claimedAt: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      createdAt: now,
    };
    await tx.compliance.insertReviewItem(item);
    return item.id;
  }

  private hitRecord(screeningEventId: string, h: Hit): ScreeningHitRecord {
    return {
      id: this.d.ids.next(),
      screeningEventId,
      ruleId: h.rule,
      category: h.category,
      severity: h.severity,
      action: h.action,
      start: h.start,
      end: h.end,
      matched: h.matched,
      normalized: h.normalized,
      basis: h.basis,
      via: h.via,
    };
  }

  // ---- human review ---------------------------------------------------------------------------------------

  listQueue(filter: ReviewQueueFilter): Promise<ReviewItemView[]> {
    return this.d.uow.read.compliance.listReviewItems(filter);
  }

  async getItem(id: string): Promise<{ item: ReviewItemView; context: ScreeningEventRecord[] }> {
    const item = await this.d.uow.read.compliance.findReviewItem(id);
    if (!item) throw new AppError('review.not_found', { field: 'id' });
    const context = item.event.sessionRef
      ? await this.d.uow.read.compliance.sessionContext(item.event.sessionRef, item.event.occurredAt, this.settings.contextEvents)
      : [];
    return { item, context };
  }

  async claim(actor: Actor, id: string): Promise<ReviewItemRecord> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const item = await tx.compliance.findReviewItem(id);
      if (!item) throw new AppError('review.not_found', { field: 'id' });
      if (item.status === 'confirmed' || item.status === 'dismissed') throw new AppError('review.already_decided');
      const staleClaim = item.claimedAt !== null && now.getTime() - item.claimedAt.getTime() > CLAIM_TIMEOUT_MS;
      if (item.status === 'claimed' && item.claimedBy !== actor.userId && !staleClaim) {
        throw new AppError('review.claimed_by_other');
      }
      const ok = await tx.compliance.updateReviewItem(id, ['open', 'claimed'], {
        status: 'claimed',
        claimedBy: actor.userId,
        claimedAt: now,
      });
      if (!ok) throw new AppError('review.already_decided');
      await this.d.audit.record(tx, actor, { action: 'review.claim', targetType: 'review_item', targetId: id, orgId: actor.orgId });
      return { ...item, status: 'claimed', claimedBy: actor.userId, claimedAt: now };
    });
  }

  /**
   * Confirm: the hit is a violation — recorded against the streamer, merchant, product and session, with evidence
   * chained to the previous evidence record. Dismiss: kept with its reason (a rule editor can turn it into an
   * exemption). Either way the item must be open or claimed by the caller.
   */
  async decide(
    actor: Actor,
    id: string,
    input: { decision: 'confirm' | 'dismiss'; reason: string },
  ): Promise<{ item: ReviewItemRecord; violation: ViolationRecord | null; evidence: EvidenceRecord | null }> {
    const now = this.d.clock.now();
    const { item, context } = await this.getItem(id);
    return this.d.uow.transaction(async (tx) => {
      if (item.status === 'confirmed' || item.status === 'dismissed') throw new AppError('review.already_decided');
      const staleClaim = item.claimedAt !== null && now.getTime() - item.claimedAt.getTime() > CLAIM_TIMEOUT_MS;
      if (item.status === 'claimed' && item.claimedBy !== actor.userId && !staleClaim) throw new AppError('review.claimed_by_other');
      const status = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
      const ok = await tx.compliance.updateReviewItem(id, ['open', 'claimed'], {
        status,
        claimedBy: item.claimedBy ?? actor.userId,
        claimedAt: item.claimedAt ?? now,
        decidedBy: actor.userId,
        decidedAt: now,
        reason: input.reason,
      });
      if (!ok) throw new AppError('review.already_decided');
      let violation: ViolationRecord | null = null;
      let evidence: EvidenceRecord | null = null;
      if (input.decision === 'confirm') {
        violation = {
          id: this.d.ids.next(),
          reviewItemId: item.id,
          screeningEventId: item.event.id,
          ruleIds: [...new Set(item.hits.map((h) => h.ruleId))],
          categories: item.categories,
          severity: item.severity,
          streamerUserId: item.event.streamerUserId,
          merchantOrgId: item.event.merchantOrgId,
          productRef: item.event.productRef,
          sessionRef: item.event.sessionRef,
          confirmedBy: actor.userId ?? 'system',
          confirmedAt: now,
          reason: input.reason,
        };
        await tx.compliance.insertViolation(violation);
        evidence = await this.appendEvidence(tx, violation, item, context, now);
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'compliance.violation_confirmed',
          payload: {
            violationId: violation.id,
            streamerUserId: violation.streamerUserId,
            merchantOrgId: violation.merchantOrgId,
            categories: violation.categories,
            severity: violation.severity,
          },
          createdAt: now,
          publishedAt: null,
        });
      }
      await this.d.audit.record(tx, actor, {
        action: input.decision === 'confirm' ? 'review.confirm' : 'review.dismiss',
        targetType: 'review_item',
        targetId: id,
        detail: { reason: input.reason, violationId: violation?.id ?? null, evidenceHash: evidence?.hash ?? null },
      });
      return { item: { ...item, status, decidedBy: actor.userId, decidedAt: now, reason: input.reason }, violation, evidence };
    });
  }

  private async appendEvidence(
    tx: Repositories,
    v: ViolationRecord,
    item: ReviewItemView,
    context: ScreeningEventRecord[],
    now: Date,
  ): Promise<EvidenceRecord> {
    const e = item.event;
    const rules = [...new Set(item.hits.map((h) => h.ruleId))].map((rid) => {
      const r = this.d.pack.rules.find((x) => x.id === rid);
      return r ? { id: r.id, category: r.category, severity: r.severity, basis: r.basis } : { id: rid };
    });
    const content: Record<string, unknown> = {
      violation: {
        id: v.id,
        categories: v.categories,
        severity: v.severity,
        reason: v.reason,
        confirmedBy: v.confirmedBy,
        confirmedAt: now.toISOString(),
      },
      event: {
        id: e.id,
        eventId: e.eventId,
        kind: e.kind,
        text: e.text,
        occurredAt: e.occurredAt.toISOString(),
        sessionRef: e.sessionRef,
        streamerUserId: e.streamerUserId,
        merchantOrgId: e.merchantOrgId,
        productRef: e.productRef,
        productCategory: e.productCategory,
        card: e.card,
      },
      hits: item.hits.map((h) => ({
        rule: h.ruleId,
        category: h.category,
        severity: h.severity,
        start: h.start,
        end: h.end,
        matched: h.matched,
        normalized: h.normalized,
        basis: h.basis,
      })),
      context: context.map((c) => ({ id: c.id, kind: c.kind, text: c.text, occurredAt: c.occurredAt.toISOString() })),
      rulePack: { id: this.d.pack.id, version: e.packVersion },
      rules,
    };
    const head = await tx.compliance.lockEvidenceHead();
    const base = {
      seq: (head?.seq ?? 0) + 1,
      id: this.d.ids.next(),
      violationId: v.id,
      content,
      contentHash: sha256Hex(canonicalJson(content)),
      prevHash: head?.hash ?? EVIDENCE_GENESIS,
      createdAt: now,
      retainUntil: new Date(now.getTime() + RETENTION_MS),
    };
    const record: EvidenceRecord = { ...base, hash: evidenceHash(base) };
    await tx.compliance.insertEvidence(record);
    return record;
  }

  /** Walks the evidence chain; the first record whose content, link or hash does not recompute is reported. */
  async verifyEvidence(batch = 500): Promise<{ ok: boolean; checked: number; firstBrokenSeq: number | null; reason: string | null }> {
    let prevHash = EVIDENCE_GENESIS;
    let prevSeq = 0;
    let checked = 0;
    for (;;) {
      const rows = await this.d.uow.read.compliance.scanEvidence(prevSeq, batch);
      if (rows.length === 0) break;
      for (const r of rows) {
        const fail = (reason: string) => ({ ok: false, checked, firstBrokenSeq: r.seq, reason });
        if (r.seq !== prevSeq + 1) return fail(`sequence gap: expected ${prevSeq + 1}, found ${r.seq}`);
        if (r.prevHash !== prevHash) return fail('prev_hash does not match the previous record');
        if (sha256Hex(canonicalJson(r.content)) !== r.contentHash) return fail('content does not match content_hash');
        const { hash, ...rest } = r;
        if (evidenceHash(rest) !== hash) return fail('record hash does not recompute');
        prevHash = r.hash;
        prevSeq = r.seq;
        checked++;
      }
    }
    return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }

  listViolations(opts: { limit: number; streamerUserId?: string; merchantOrgIds?: string[] }) {
    return this.d.uow.read.compliance.listViolations(opts);
  }

  // ---- rule editing -------------------------------------------------------------------------------------------

  /** Adds an exemption to a rule (e.g. from a dismissed review item) and recompiles the engine. */
  async addExemption(actor: Actor, input: { ruleId: string; text: string; reviewItemId?: string | undefined }): Promise<void> {
    const rule = this.d.pack.rules.find((r) => r.id === input.ruleId);
    if (!rule) throw new AppError('compliance.rule_not_found', { field: 'ruleId' });
    // An exemption works by containing a hit: one that contains no term of the rule would never apply.
    const probe = ScreeningEngine.compile({
      ...this.d.pack,
      rules: [{ ...rule, exemptions: [], requiresContext: undefined, appliesTo: {} }],
    });
    if (!probe.screen({ text: input.text }).hits.some((h) => h.rule === rule.id)) {
      throw new AppError('compliance.exemption_not_in_rule', { field: 'text', details: { rule: rule.id } });
    }
    await this.d.uow.transaction(async (tx) => {
      await tx.compliance.insertExemption({
        id: this.d.ids.next(),
        ruleId: rule.id,
        text: input.text,
        reviewItemId: input.reviewItemId ?? null,
        createdBy: actor.userId ?? 'system',
        createdAt: this.d.clock.now(),
      });
      await this.d.audit.record(tx, actor, {
        action: 'rule.exemption_add',
        targetType: 'rule',
        targetId: rule.id,
        detail: { text: input.text, reviewItemId: input.reviewItemId ?? null },
      });
    });
    await this.reload();
  }

  listExemptions() {
    return this.d.uow.read.compliance.listExemptions();
  }
}

export function evidenceHash(r: Omit<EvidenceRecord, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      prev: r.prevHash,
      seq: r.seq,
      id: r.id,
      violationId: r.violationId,
      content: r.contentHash,
      at: r.createdAt.toISOString(),
      retainUntil: r.retainUntil.toISOString(),
    }),
  );
}

export type { Action, Category };
