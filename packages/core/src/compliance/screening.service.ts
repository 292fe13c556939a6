/**
 * 技术审核: screens live events inline with the engine, stores each event and its hits, and opens (or counts on)
 * a review item for serious hits, announcing every hit on the outbox. Idempotent per (sending organization, eventId).
 * A passed event of a party under the credit measure `extra_sampling` (tier C) is sampled into the queue too, at
 * `extraSamplingBp` (加大抽检), chosen by its id's hash.
 */
import {
  type EventKind,
  type Hit,
  type ProductCard,
  type ProductCategory,
  type RulePack,
  ScreeningEngine,
  type ScreenResult,
} from '@livehub/compliance';
import { storableText } from '@livehub/contracts';
import type { CreditGatePort } from '../credit/index.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { groupKey, NO_SOURCE_ORG, SAMPLED_GROUP_PREFIX, sampledForReview } from './compliance.rules.ts';
import type {
  ComplianceSettings,
  IngestInput,
  IngestResult,
  ReviewItemRecord,
  RuleExemptionRecord,
  ScreeningEventRecord,
  ScreeningHitRecord,
} from './compliance.types.ts';

export interface ScreeningDeps {
  uow: ScopedUnitOfWork<'compliance' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  pack: RulePack;
  settings: ComplianceSettings;
  /** 信用: who is under `extra_sampling` */
  credit?: CreditGatePort | undefined;
}

export class ScreeningService {
  private engine: ScreeningEngine;

  constructor(private readonly d: ScreeningDeps) {
    this.engine = ScreeningEngine.compile(d.pack);
  }

  /** Recompiles the engine from the shipped pack plus the exemptions rule editors added. */
  recompile(extra: RuleExemptionRecord[]): void {
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
    const reviewed = event.maxSeverity >= this.d.settings.reviewMinSeverity && hits.length > 0;
    // 加大抽检: the hash decides first, so only a sampled event asks credit (before the transaction: it reads)
    const sampled =
      !reviewed &&
      this.d.credit !== undefined &&
      (event.streamerUserId !== null || event.merchantOrgId !== null) &&
      sampledForReview(event.eventId, this.d.settings.extraSamplingBp) &&
      (await this.d.credit.applies([event.streamerUserId, event.merchantOrgId], 'extra_sampling')) !== null;
    const result = await this.d.uow.transaction(async (tx): Promise<IngestResult | null> => {
      // The unique (source, eventId) decides between a first delivery and a retry, even when two race.
      if (!(await tx.compliance.insertEvent(event, hits))) return null;
      let reviewItemId: string | null = null;
      if (reviewed || sampled) reviewItemId = await this.openReviewItem(tx, event, hits, now, sampled);
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
  private async openReviewItem(
    tx: Pick<Repositories, 'compliance'>,
    event: ScreeningEventRecord,
    hits: ScreeningHitRecord[],
    now: Date,
    sampled = false,
  ): Promise<string> {
    const sla = this.d.settings.slaMinutes[event.maxSeverity] ?? 60;
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
      groupKey: sampled ? `${SAMPLED_GROUP_PREFIX}${event.id}` : groupKey(event, hits),
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
}
