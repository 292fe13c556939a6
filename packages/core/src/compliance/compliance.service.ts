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
  normalizeTerm,
  type RuleDef,
  ScreeningEngine,
  type ScreenResult,
} from '@livehub/compliance';
// MAX_BATCH_DECISION: how many items one batch decision may touch (one transaction: it must stay short)
import { MAX_BATCH_DECISION, storableText } from '@livehub/contracts';
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
  ReviewNameLookup,
  ReviewOccurrence,
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
/** how many occurrences of a grouped item the detail and the evidence list (the count is always exact) */
const OCCURRENCES_SHOWN = 50;

type Decision = { decision: 'confirm' | 'dismiss'; reason: string };
type Decided = { item: ReviewItemRecord; violation: ViolationRecord | null; evidence: EvidenceRecord | null };

/** The short name of a rule: its explanation without the quoted match (使用了绝对化用语“{matched}” → 使用了绝对化用语). */
export function ruleName(rule: Pick<RuleDef, 'explain'>): { zh: string; en: string } {
  const strip = (t: string) =>
    t
      .replace(/[“"]?\{matched\}[”"]?/g, '')
      .replace(/[（(]\s*[)）]/g, '')
      .replace(/\s*[，,:：]\s*(?=[，,]|$)/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  return { zh: strip(rule.explain.zh), en: strip(rule.explain.en) };
}

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
      senderUserId: input.senderUserId ?? null,
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

  /**
   * Opens a review item for the event, or counts it on the undecided item of its group: a simulated or real
   * spammer repeating one message makes one item with a count, not a queue of copies. The SLA runs from the
   * group's first occurrence (a repeat never moves `dueAt`).
   */
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
      groupKey: groupKey(event, hits),
      occurrences: 1,
      firstSeenAt: event.occurredAt,
      lastSeenAt: event.occurredAt,
    };
    const r = await tx.compliance.openOrGroupReviewItem(item, event.occurredAt);
    return r.id;
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

  /** The queue, most urgent first, with the names of the sessions, people, organizations and products it names. */
  async listQueue(filter: ReviewQueueFilter): Promise<{ items: ReviewItemView[]; names: ReviewNameLookup }> {
    const items = await this.d.uow.read.compliance.listReviewItems(filter);
    return { items, names: await this.names(items) };
  }

  async getItem(
    id: string,
  ): Promise<{ item: ReviewItemView; context: ScreeningEventRecord[]; occurrences: ReviewOccurrence[]; names: ReviewNameLookup }> {
    const item = await this.d.uow.read.compliance.findReviewItem(id);
    if (!item) throw new AppError('review.not_found', { field: 'id' });
    const [context, occurrences, names] = await Promise.all([
      this.contextOf(this.d.uow.read, item),
      this.d.uow.read.compliance.listOccurrences(item.id, OCCURRENCES_SHOWN),
      this.names([item]),
    ]);
    return { item, context, occurrences, names };
  }

  private contextOf(r: Repositories, item: ReviewItemView): Promise<ScreeningEventRecord[]> {
    return item.event.sessionRef
      ? r.compliance.sessionContext(item.event.sessionRef, item.event.occurredAt, this.settings.contextEvents)
      : Promise.resolve([]);
  }

  /**
   * Names for every id the items refer to, in one query per kind whatever the number of items: sessions first (a
   * session names its streamer), then people (streamers, senders, reviewers), organizations and products.
   */
  async names(items: ReviewItemView[]): Promise<ReviewNameLookup> {
    const ids = (pick: (i: ReviewItemView) => Array<string | null>) => [...new Set(items.flatMap(pick).filter((x): x is string => !!x))];
    const sessions = await this.d.uow.read.compliance.lookupNames({
      users: [],
      orgs: [],
      sessions: ids((i) => [i.event.sessionRef]),
      products: [],
    });
    const rest = await this.d.uow.read.compliance.lookupNames({
      users: [
        ...ids((i) => [i.event.streamerUserId, i.event.senderUserId, i.claimedBy, i.decidedBy]),
        ...[...sessions.sessions.values()].map((s) => s.streamerUserId),
      ],
      orgs: ids((i) => [i.event.merchantOrgId]),
      sessions: [],
      products: ids((i) => [i.event.productRef]),
    });
    return { ...rest, sessions: sessions.sessions };
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
  async decide(actor: Actor, id: string, input: Decision): Promise<Decided> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const [item] = await tx.compliance.lockReviewItems([id]);
      if (!item) throw new AppError('review.not_found', { field: 'id' });
      const refused = this.refusal(actor, item, now);
      if (refused) throw new AppError(refused);
      return this.applyDecision(tx, actor, item, input, now, null);
    });
  }

  /**
   * Decides several items in one transaction (all or nothing): the items named by `ids`, or every undecided item
   * matching `filter` that was opened by `filter.createdBefore` (what the reviewer was looking at), at most
   * MAX_BATCH_DECISION. An item decided or claimed by someone else meanwhile fails the whole batch, and the
   * answer names each such item with who holds it; nothing is overwritten. Every item's decision is audited.
   */
  async decideMany(
    actor: Actor,
    target: { ids: string[] } | { filter: Omit<ReviewQueueFilter, 'limit' | 'status'> },
    input: Decision,
  ): Promise<{ decided: Decided[] }> {
    const now = this.d.clock.now();
    let ids: string[];
    if ('ids' in target) {
      ids = [...new Set(target.ids)];
      if (ids.length === 0) throw new AppError('review.batch_empty', { field: 'ids' });
      if (ids.length > MAX_BATCH_DECISION)
        throw new AppError('review.batch_too_large', { field: 'ids', details: { max: MAX_BATCH_DECISION } });
    } else {
      ids = await this.d.uow.read.compliance.listReviewItemIds({
        ...target.filter,
        status: ['open', 'claimed'],
        limit: MAX_BATCH_DECISION + 1,
      });
      if (ids.length === 0) throw new AppError('review.batch_empty', { field: 'filter' });
      if (ids.length > MAX_BATCH_DECISION)
        throw new AppError('review.batch_too_large', { field: 'filter', details: { max: MAX_BATCH_DECISION } });
    }
    const decided = await this.d.uow.transaction(async (tx) => {
      const items = await tx.compliance.lockReviewItems(ids);
      const found = new Map(items.map((i) => [i.id, i]));
      const conflicts: Array<{ id: string; code: string; by: string | null }> = [];
      for (const id of ids) {
        const item = found.get(id);
        const refused = item ? this.refusal(actor, item, now) : 'review.not_found';
        if (refused) conflicts.push({ id, code: refused, by: item ? (item.decidedBy ?? item.claimedBy) : null });
      }
      if (conflicts.length > 0) {
        const people = await tx.compliance.lookupNames({
          users: conflicts.flatMap((c) => (c.by ? [c.by] : [])),
          orgs: [],
          sessions: [],
          products: [],
        });
        throw new AppError('review.batch_conflict', {
          field: 'ids',
          details: {
            count: conflicts.length,
            conflicts: conflicts.map((c) => ({ ...c, byName: c.by ? (people.users.get(c.by) ?? null) : null })),
          },
        });
      }
      const out: Decided[] = [];
      const batch = { size: ids.length };
      for (const id of ids) {
        const item = found.get(id);
        if (item) out.push(await this.applyDecision(tx, actor, item, input, now, batch));
      }
      return out;
    });
    return { decided };
  }

  /** Why `actor` may not decide `item` now, or null when they may. */
  private refusal(actor: Actor, item: ReviewItemRecord, now: Date): 'review.already_decided' | 'review.claimed_by_other' | null {
    if (item.status === 'confirmed' || item.status === 'dismissed') return 'review.already_decided';
    const staleClaim = item.claimedAt !== null && now.getTime() - item.claimedAt.getTime() > CLAIM_TIMEOUT_MS;
    if (item.status === 'claimed' && item.claimedBy !== actor.userId && !staleClaim) return 'review.claimed_by_other';
    return null;
  }

  /** One item's decision inside the caller's transaction, with the item row already locked. */
  private async applyDecision(
    tx: Repositories,
    actor: Actor,
    item: ReviewItemView,
    input: Decision,
    now: Date,
    batch: { size: number } | null,
  ): Promise<Decided> {
    const status = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
    const ok = await tx.compliance.updateReviewItem(item.id, ['open', 'claimed'], {
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
      const [context, occurrences] = await Promise.all([
        this.contextOf(tx, item),
        tx.compliance.listOccurrences(item.id, OCCURRENCES_SHOWN),
      ]);
      evidence = await this.appendEvidence(tx, violation, item, context, occurrences, now);
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
      targetId: item.id,
      detail: {
        reason: input.reason,
        violationId: violation?.id ?? null,
        evidenceHash: evidence?.hash ?? null,
        occurrences: item.occurrences,
        ...(batch ? { batch: true, batchSize: batch.size } : {}),
      },
    });
    return { item: { ...item, status, decidedBy: actor.userId, decidedAt: now, reason: input.reason }, violation, evidence };
  }

  private async appendEvidence(
    tx: Repositories,
    v: ViolationRecord,
    item: ReviewItemView,
    context: ScreeningEventRecord[],
    occurrences: ReviewOccurrence[],
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
      // a grouped item stands for every repeat: how many, when, and (up to OCCURRENCES_SHOWN) which events
      occurrences: {
        count: item.occurrences,
        firstSeenAt: item.firstSeenAt.toISOString(),
        lastSeenAt: item.lastSeenAt.toISOString(),
        events: occurrences.map((o) => ({ id: o.screeningEventId, eventId: o.eventId, occurredAt: o.occurredAt.toISOString() })),
      },
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

/**
 * The group of a hit: one session, one sender (the chat sender; else the streamer; else the sending organization),
 * one kind of event, the same rules, the same text once normalized (width, case, traditional characters, inserted
 * symbols and spaces do not make a new item). Events outside a session are never grouped.
 */
export function groupKey(event: ScreeningEventRecord, hits: Array<Pick<ScreeningHitRecord, 'ruleId'>>): string | null {
  if (!event.sessionRef) return null;
  const sender = event.senderUserId
    ? `u:${event.senderUserId}`
    : event.streamerUserId
      ? `s:${event.streamerUserId}`
      : `o:${event.sourceOrgId}`;
  const rules = [...new Set(hits.map((h) => h.ruleId))].sort();
  return sha256Hex(canonicalJson({ session: event.sessionRef, sender, kind: event.kind, rules, text: normalizeTerm(event.text) }));
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
