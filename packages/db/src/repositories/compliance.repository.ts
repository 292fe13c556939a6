/** Drizzle implementation of the compliance repository port. Evidence is append-only from here. */
import type {
  ComplianceRepository,
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
} from '@livehub/core';
import { and, arrayContains, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { listWhere } from './list-where.ts';
import { countWhere } from './count-where.ts';
import {
  evidence,
  reviewItemEvents,
  reviewItems,
  ruleExemptions,
  screeningEvents,
  screeningHits,
  violations,
} from '../schema/compliance.ts';
import { liveSessions } from '../schema/live.ts';
import { DrizzleNameRepository, uuids } from './names.repository.ts';

const EVIDENCE_CHAIN_LOCK = 0x4c48_4556; // "LHEV"

type EventRow = typeof screeningEvents.$inferSelect;
type HitRow = typeof screeningHits.$inferSelect;
type ItemRow = typeof reviewItems.$inferSelect;

const toEvent = (r: EventRow): ScreeningEventRecord => r as unknown as ScreeningEventRecord;
const toHit = (r: HitRow): ScreeningHitRecord => r as unknown as ScreeningHitRecord;
const toItem = (r: ItemRow): ReviewItemRecord => r as unknown as ReviewItemRecord;

export class DrizzleComplianceRepository implements ComplianceRepository {
  constructor(private readonly db: Db) {}

  async findEvent(sourceOrgId: string, eventId: string) {
    const [row] = await this.db
      .select()
      .from(screeningEvents)
      .where(
        and(
          sourceOrgId ? eq(screeningEvents.sourceOrgId, sourceOrgId) : isNull(screeningEvents.sourceOrgId),
          eq(screeningEvents.eventId, eventId),
        ),
      )
      .limit(1);
    if (!row) return null;
    const hits = await this.db
      .select()
      .from(screeningHits)
      .where(eq(screeningHits.screeningEventId, row.id))
      .orderBy(asc(screeningHits.start));
    return { event: toEvent(row), hits: hits.map(toHit) };
  }

  async insertEvent(event: ScreeningEventRecord, hits: ScreeningHitRecord[]): Promise<boolean> {
    const inserted = await this.db
      .insert(screeningEvents)
      .values(event as unknown as EventRow)
      .onConflictDoNothing({ target: [screeningEvents.sourceOrgId, screeningEvents.eventId] })
      .returning({ id: screeningEvents.id });
    if (inserted.length === 0) return false;
    if (hits.length > 0) await this.db.insert(screeningHits).values(hits as unknown as HitRow[]);
    return true;
  }

  async sessionContext(sessionRef: string, before: Date, limit: number): Promise<ScreeningEventRecord[]> {
    const rows = await listWhere(this.db, screeningEvents, {
      where: and(eq(screeningEvents.sessionRef, sessionRef), lt(screeningEvents.occurredAt, before)),
      orderBy: [desc(screeningEvents.occurredAt)],
      limit,
    });
    return rows.map(toEvent);
  }

  async openOrGroupReviewItem(item: ReviewItemRecord, occurredAt: Date): Promise<{ id: string; grouped: boolean }> {
    // The arbiter is the partial unique index on the open group key: its predicate is repeated here word for word
    // so both PostgreSQL and PGlite infer it. A repeat waits for a racing first insert and then updates it.
    const [row] = await this.db
      .insert(reviewItems)
      .values(item as unknown as ItemRow)
      .onConflictDoUpdate({
        target: reviewItems.groupKey,
        targetWhere: sql`${reviewItems.status} in ('open', 'claimed') and ${reviewItems.groupKey} is not null`,
        set: {
          occurrences: sql`${reviewItems.occurrences} + 1`,
          firstSeenAt: sql`least(${reviewItems.firstSeenAt}, excluded.first_seen_at)`,
          lastSeenAt: sql`greatest(${reviewItems.lastSeenAt}, excluded.last_seen_at)`,
        },
      })
      .returning({ id: reviewItems.id });
    if (!row) throw new Error('review item upsert returned no row');
    await this.db.insert(reviewItemEvents).values({ reviewItemId: row.id, screeningEventId: item.screeningEventId, occurredAt });
    return { id: row.id, grouped: row.id !== item.id };
  }

  async lockReviewItems(ids: string[]): Promise<ReviewItemView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.select().from(reviewItems).where(inArray(reviewItems.id, ids)).orderBy(asc(reviewItems.id)).for('update');
    return this.views(rows);
  }

  async listOccurrences(reviewItemId: string, limit: number): Promise<ReviewOccurrence[]> {
    return this.db
      .select({
        screeningEventId: reviewItemEvents.screeningEventId,
        eventId: screeningEvents.eventId,
        occurredAt: reviewItemEvents.occurredAt,
      })
      .from(reviewItemEvents)
      .innerJoin(screeningEvents, eq(screeningEvents.id, reviewItemEvents.screeningEventId))
      .where(eq(reviewItemEvents.reviewItemId, reviewItemId))
      .orderBy(asc(reviewItemEvents.occurredAt), asc(reviewItemEvents.screeningEventId))
      .limit(limit);
  }

  async lookupNames(ids: { users: string[]; orgs: string[]; sessions: string[]; products: string[] }): Promise<ReviewNameLookup> {
    const names = new DrizzleNameRepository(this.db);
    const s = uuids(ids.sessions);
    const [userNames, orgNames, sessionRows, productNames] = await Promise.all([
      names.namesOf('users', ids.users),
      names.namesOf('orgs', ids.orgs),
      s.length
        ? this.db
            .select({ id: liveSessions.id, title: liveSessions.title, streamerUserId: liveSessions.streamerUserId })
            .from(liveSessions)
            .where(inArray(liveSessions.id, s))
        : [],
      names.namesOf('products', ids.products),
    ]);
    return {
      users: userNames,
      orgs: orgNames,
      sessions: new Map(sessionRows.map((r) => [r.id, { title: r.title, streamerUserId: r.streamerUserId }])),
      products: productNames,
    };
  }

  private async views(items: ItemRow[]): Promise<ReviewItemView[]> {
    if (items.length === 0) return [];
    const ids = items.map((i) => i.screeningEventId);
    const events = await this.db.select().from(screeningEvents).where(inArray(screeningEvents.id, ids));
    const hits = await this.db
      .select()
      .from(screeningHits)
      .where(inArray(screeningHits.screeningEventId, ids))
      .orderBy(asc(screeningHits.start));
    const byId = new Map(events.map((e) => [e.id, toEvent(e)]));
    return items.flatMap((i) => {
      const event = byId.get(i.screeningEventId);
      return event ? [{ ...toItem(i), event, hits: hits.filter((h) => h.screeningEventId === i.screeningEventId).map(toHit) }] : [];
    });
  }

  async findReviewItem(id: string): Promise<ReviewItemView | null> {
    const rows = await this.db.select().from(reviewItems).where(eq(reviewItems.id, id)).limit(1);
    const [view] = await this.views(rows);
    return view ?? null;
  }

  async findReviewItemForEvent(screeningEventId: string): Promise<ReviewItemRecord | null> {
    const [row] = await this.db
      .select({ item: reviewItems })
      .from(reviewItemEvents)
      .innerJoin(reviewItems, eq(reviewItems.id, reviewItemEvents.reviewItemId))
      .where(eq(reviewItemEvents.screeningEventId, screeningEventId))
      .limit(1);
    return row ? toItem(row.item) : null;
  }

  async updateReviewItem(id: string, whenStatus: ReviewStatus[], patch: Partial<ReviewItemRecord>): Promise<boolean> {
    const rows = await this.db
      .update(reviewItems)
      .set(patch as Partial<ItemRow>)
      .where(and(eq(reviewItems.id, id), inArray(reviewItems.status, whenStatus)))
      .returning({ id: reviewItems.id });
    return rows.length === 1;
  }

  private queueWhere(f: ReviewQueueFilter): SQL | undefined {
    return and(
      f.status ? inArray(reviewItems.status, f.status) : undefined,
      f.minSeverity ? gte(reviewItems.severity, f.minSeverity) : undefined,
      f.category ? arrayContains(reviewItems.categories, [f.category]) : undefined,
      f.createdBefore ? lte(reviewItems.createdAt, f.createdBefore) : undefined,
    );
  }

  async listReviewItems(f: ReviewQueueFilter): Promise<ReviewItemView[]> {
    const rows = await listWhere(this.db, reviewItems, {
      where: this.queueWhere(f),
      orderBy: [asc(reviewItems.dueAt), desc(reviewItems.severity), asc(reviewItems.id)],
      limit: f.limit,
    });
    return this.views(rows);
  }

  async listReviewItemIds(f: ReviewQueueFilter): Promise<string[]> {
    const rows = await this.db
      .select({ id: reviewItems.id })
      .from(reviewItems)
      .where(this.queueWhere(f))
      .orderBy(asc(reviewItems.dueAt), desc(reviewItems.severity), asc(reviewItems.id))
      .limit(f.limit);
    return rows.map((r) => r.id);
  }

  async countReviewItems(status: ReviewStatus[]): Promise<number> {
    return countWhere(this.db, reviewItems, inArray(reviewItems.status, status));
  }

  async insertViolation(v: ViolationRecord): Promise<void> {
    await this.db.insert(violations).values(v as unknown as typeof violations.$inferInsert);
  }

  async listViolations(opts: { limit: number; streamerUserId?: string; merchantOrgIds?: string[] }) {
    if (opts.merchantOrgIds && opts.merchantOrgIds.length === 0) return [];
    const rows = await this.db
      .select({ v: violations, text: screeningEvents.text, kind: screeningEvents.kind, evidenceHash: evidence.hash })
      .from(violations)
      .innerJoin(screeningEvents, eq(screeningEvents.id, violations.screeningEventId))
      .leftJoin(evidence, eq(evidence.violationId, violations.id))
      .where(
        and(
          opts.streamerUserId ? eq(violations.streamerUserId, opts.streamerUserId) : undefined,
          opts.merchantOrgIds ? inArray(violations.merchantOrgId, opts.merchantOrgIds) : undefined,
        ),
      )
      .orderBy(desc(violations.confirmedAt))
      .limit(opts.limit);
    return rows.map((r) => ({ ...(r.v as unknown as ViolationRecord), text: r.text, kind: r.kind, evidenceHash: r.evidenceHash }));
  }

  async countViolations(): Promise<number> {
    return countWhere(this.db, violations);
  }

  async violationsFor(subject: { merchantOrgId?: string; streamerUserId?: string }, since: Date) {
    if (!subject.merchantOrgId && !subject.streamerUserId) return [];
    return this.db
      .select({ severity: violations.severity, confirmedAt: violations.confirmedAt })
      .from(violations)
      .where(
        and(
          subject.merchantOrgId
            ? eq(violations.merchantOrgId, subject.merchantOrgId)
            : eq(violations.streamerUserId, subject.streamerUserId as string),
          gte(violations.confirmedAt, since),
        ),
      );
  }

  async lockEvidenceHead(): Promise<{ seq: number; hash: string } | null> {
    await this.db.execute(sql`select pg_advisory_xact_lock(${EVIDENCE_CHAIN_LOCK})`);
    const [row] = await this.db.select({ seq: evidence.seq, hash: evidence.hash }).from(evidence).orderBy(desc(evidence.seq)).limit(1);
    return row ?? null;
  }

  async insertEvidence(e: EvidenceRecord): Promise<void> {
    await this.db.insert(evidence).values(e);
  }

  async scanEvidence(afterSeq: number, limit: number): Promise<EvidenceRecord[]> {
    return this.db.select().from(evidence).where(gt(evidence.seq, afterSeq)).orderBy(asc(evidence.seq)).limit(limit);
  }

  async insertExemption(x: RuleExemptionRecord): Promise<void> {
    await this.db.insert(ruleExemptions).values(x);
  }

  async listExemptions(): Promise<RuleExemptionRecord[]> {
    return this.db.select().from(ruleExemptions).orderBy(asc(ruleExemptions.createdAt));
  }
}
