/**
 * 人工审核: the review queue (most urgent first, names batched), claiming an item, and a reviewer's decision —
 * one item or a batch, all or nothing. A confirmation records a violation with chained evidence and announces it
 * on the outbox; every decision is audited.
 */
// MAX_BATCH_DECISION: how many items one batch decision may touch (one transaction: it must stay short)
import type { CreditGatePort } from '../credit/index.ts';
import { MAX_BATCH_DECISION } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { decisionRefusal, OCCURRENCES_SHOWN } from './compliance.rules.ts';
import { REPORT_EVENT_PREFIX } from './report-intake.ts';
import type {
  BatchTarget,
  ComplianceSettings,
  Decided,
  Decision,
  EvidenceRecord,
  ReviewItemRecord,
  ReviewItemView,
  ReviewNameLookup,
  ReviewOccurrence,
  ReviewQueueFilter,
  ScreeningEventRecord,
  ViolationRecord,
} from './compliance.types.ts';
import type { EvidenceService } from './evidence.service.ts';

type ReviewTx = Pick<Repositories, 'compliance' | 'audit' | 'outbox'>;

export interface ReviewDeps {
  uow: ScopedUnitOfWork<'compliance' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  settings: ComplianceSettings;
  evidence: EvidenceService;
  /** 信用: who is under observation (重点观察), shown on their items */
  credit?: CreditGatePort | undefined;
}

const REPORT_FOLLOWER: Actor = { userId: null, label: 'system:reports', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class ReviewService {
  constructor(private readonly d: ReviewDeps) {}

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

  private contextOf(r: Pick<Repositories, 'compliance'>, item: ReviewItemView): Promise<ScreeningEventRecord[]> {
    return item.event.sessionRef
      ? r.compliance.sessionContext(item.event.sessionRef, item.event.occurredAt, this.d.settings.contextEvents)
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
    const observation = new Map<string, { zh: string; en: string }>();
    if (this.d.credit) {
      const parties = [
        ...ids((i) => [i.event.streamerUserId, i.event.merchantOrgId]),
        ...[...sessions.sessions.values()].map((s) => s.streamerUserId),
      ];
      for (const party of new Set(parties)) {
        const hit = await this.d.credit.applies([party], 'observation_tag');
        if (hit)
          observation.set(party, {
            zh: `${hit.measure.zh}（${hit.measure.because.zh}）`,
            en: `${hit.measure.en} (${hit.measure.because.en})`,
          });
      }
    }
    return { ...rest, sessions: sessions.sessions, observation };
  }

  async claim(actor: Actor, id: string): Promise<ReviewItemRecord> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const item = await tx.compliance.findReviewItem(id);
      if (!item) throw new AppError('review.not_found', { field: 'id' });
      const refused = decisionRefusal(actor, item, now);
      if (refused) throw new AppError(refused);
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
      const refused = decisionRefusal(actor, item, now);
      if (refused) throw new AppError(refused);
      return this.applyDecision(tx, actor, item, input, now, null);
    });
  }

  /**
   * A report's handling closes the review item it opened (docs/reports.md, "Kept in step"): substantiated confirms
   * it (a violation, as any confirmation, confirmed by the report's handler), unsubstantiated dismisses it, with the
   * report's reason; by the system on the handler's behalf, whoever holds the claim. An item already decided is left as it is (idempotent: a
   * redelivered event, or the report that followed the item's own decision). Returns whether it decided.
   */
  async followReport(reviewItemId: string, decision: Decision['decision'], reason: string, handledBy: string | null): Promise<boolean> {
    const now = this.d.clock.now();
    // the decision is the report handler's (a violation names who confirmed it): the system acts in their name
    if (decision === 'confirm' && !handledBy) return false;
    const actor: Actor = { ...REPORT_FOLLOWER, userId: handledBy };
    return this.d.uow.transaction(async (tx) => {
      const [item] = await tx.compliance.lockReviewItems([reviewItemId]);
      if (!item || (item.status !== 'open' && item.status !== 'claimed')) return false;
      await this.applyDecision(tx, actor, item, { decision, reason }, now, null);
      return true;
    });
  }

  /**
   * Decides several items in one transaction (all or nothing): the items named by `ids`, or every undecided item
   * matching `filter` that was opened by `filter.createdBefore` (what the reviewer was looking at), at most
   * MAX_BATCH_DECISION. An item decided or claimed by someone else meanwhile fails the whole batch, and the
   * answer names each such item with who holds it; nothing is overwritten. Every item's decision is audited.
   */
  async decideMany(actor: Actor, target: BatchTarget, input: Decision): Promise<{ decided: Decided[] }> {
    const now = this.d.clock.now();
    const ids = await this.batchIds(target);
    const decided = await this.d.uow.transaction(async (tx) => {
      const items = await tx.compliance.lockReviewItems(ids);
      const found = new Map(items.map((i) => [i.id, i]));
      const conflicts: Array<{ id: string; code: string; by: string | null }> = [];
      for (const id of ids) {
        const item = found.get(id);
        const refused = item ? decisionRefusal(actor, item, now) : 'review.not_found';
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

  /** The ids a batch decision targets, at least one and at most MAX_BATCH_DECISION. */
  private async batchIds(target: BatchTarget): Promise<string[]> {
    const field = 'ids' in target ? 'ids' : 'filter';
    const ids =
      'ids' in target
        ? [...new Set(target.ids)]
        : await this.d.uow.read.compliance.listReviewItemIds({
            ...target.filter,
            status: ['open', 'claimed'],
            limit: MAX_BATCH_DECISION + 1,
          });
    if (ids.length === 0) throw new AppError('review.batch_empty', { field });
    if (ids.length > MAX_BATCH_DECISION) throw new AppError('review.batch_too_large', { field, details: { max: MAX_BATCH_DECISION } });
    return ids;
  }

  /** One item's decision inside the caller's transaction, with the item row already locked. */
  private async applyDecision(
    tx: ReviewTx,
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
      evidence = await this.d.evidence.append(tx, violation, item, context, occurrences, now);
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'compliance.violation_confirmed',
        payload: {
          violationId: violation.id,
          streamerUserId: violation.streamerUserId,
          merchantOrgId: violation.merchantOrgId,
          categories: violation.categories,
          severity: violation.severity,
          ruleId: violation.ruleIds[0] ?? null,
        },
        createdAt: now,
        publishedAt: null,
      });
    }
    // an item opened by a report: the report follows the decision (docs/reports.md, "Kept in step")
    if (item.event.eventId.startsWith(REPORT_EVENT_PREFIX))
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'compliance.report_item_decided',
        payload: {
          reviewItemId: item.id,
          reportId: item.event.eventId.slice(REPORT_EVENT_PREFIX.length),
          decision: input.decision,
          reason: input.reason,
          decidedBy: actor.userId,
        },
        createdAt: now,
        publishedAt: null,
      });
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
}
