/** Drizzle implementation of the credit port. */
import type {
  CreditEventRecord,
  CreditPartyKind,
  CreditRepository,
  CreditScoreRecord,
  CreditTier,
  CreditTierMoveRecord,
} from '@livehub/core';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { creditEvents, creditScores, creditTierMoves } from '../schema/credit.ts';
import { bulkInsert, bulkInsertSql } from './bulk-insert.ts';

const BATCH = 2_000;

export class DrizzleCreditRepository implements CreditRepository {
  constructor(private readonly db: Db) {}

  async insertEvents(events: CreditEventRecord[]): Promise<CreditEventRecord[]> {
    const inserted = new Set<unknown>();
    for (let i = 0; i < events.length; i += BATCH) {
      const ids = await bulkInsert(this.db, creditEvents, events.slice(i, i + BATCH), {
        onConflictDoNothing: [creditEvents.partyId, creditEvents.source],
        returning: creditEvents.id,
      });
      for (const id of ids) inserted.add(id);
    }
    return events.filter((e) => inserted.has(e.id));
  }
  async findEvent(id: string, opts: { lock?: boolean } = {}): Promise<CreditEventRecord | null> {
    const q = this.db.select().from(creditEvents).where(eq(creditEvents.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as CreditEventRecord | undefined) ?? null;
  }
  async eventsOf(partyId: string): Promise<CreditEventRecord[]> {
    return (await this.db
      .select()
      .from(creditEvents)
      .where(eq(creditEvents.partyId, partyId))
      .orderBy(asc(creditEvents.at), asc(creditEvents.id))) as CreditEventRecord[];
  }
  async voidEvent(id: string, at: Date, reason: string): Promise<boolean> {
    const rows = await this.db
      .update(creditEvents)
      .set({ voidedAt: at, voidReason: reason })
      .where(and(eq(creditEvents.id, id), isNull(creditEvents.voidedAt)))
      .returning({ id: creditEvents.id });
    return rows.length === 1;
  }
  async eventPage(afterId: string | null, limit: number): Promise<CreditEventRecord[]> {
    return (await this.db
      .select()
      .from(creditEvents)
      .where(afterId ? gt(creditEvents.id, afterId) : undefined)
      .orderBy(asc(creditEvents.id))
      .limit(limit)) as CreditEventRecord[];
  }
  async countEvents(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(creditEvents);
    return Number(row?.n ?? 0);
  }

  async score(partyId: string): Promise<CreditScoreRecord | null> {
    const [row] = await this.db.select().from(creditScores).where(eq(creditScores.partyId, partyId)).limit(1);
    return (row as CreditScoreRecord | undefined) ?? null;
  }
  async scoresOf(partyIds: string[]): Promise<CreditScoreRecord[]> {
    if (partyIds.length === 0) return [];
    return (await this.db.select().from(creditScores).where(inArray(creditScores.partyId, partyIds))) as CreditScoreRecord[];
  }
  async upsertScores(scores: CreditScoreRecord[]): Promise<void> {
    for (let i = 0; i < scores.length; i += BATCH) {
      const batch = scores.slice(i, i + BATCH);
      await this.db.execute(
        sql`${bulkInsertSql(creditScores, batch)} on conflict (party_id) do update set party_kind = excluded.party_kind,
          total_centi = excluded.total_centi, tier = excluded.tier, model_version = excluded.model_version,
          dimensions = excluded.dimensions, computed_at = excluded.computed_at, tier_since = excluded.tier_since`,
      );
    }
  }
  async listScores(opts: {
    tier?: CreditTier | undefined;
    partyKind?: CreditPartyKind | undefined;
    after?: { totalCenti: number; partyId: string } | undefined;
    limit: number;
  }): Promise<CreditScoreRecord[]> {
    const where: SQL[] = [];
    if (opts.tier) where.push(eq(creditScores.tier, opts.tier));
    if (opts.partyKind) where.push(eq(creditScores.partyKind, opts.partyKind));
    if (opts.after)
      where.push(
        or(
          gt(creditScores.totalCenti, opts.after.totalCenti),
          and(eq(creditScores.totalCenti, opts.after.totalCenti), gt(creditScores.partyId, opts.after.partyId)),
        )!,
      );
    return (await this.db
      .select()
      .from(creditScores)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(asc(creditScores.totalCenti), asc(creditScores.partyId))
      .limit(opts.limit)) as CreditScoreRecord[];
  }
  async allScores(): Promise<Array<Pick<CreditScoreRecord, 'partyId' | 'tier' | 'totalCenti' | 'tierSince'>>> {
    return (await this.db
      .select({
        partyId: creditScores.partyId,
        tier: creditScores.tier,
        totalCenti: creditScores.totalCenti,
        tierSince: creditScores.tierSince,
      })
      .from(creditScores)) as Array<Pick<CreditScoreRecord, 'partyId' | 'tier' | 'totalCenti' | 'tierSince'>>;
  }
  async tierCounts(): Promise<Array<{ partyKind: CreditPartyKind; tier: CreditTier; parties: number }>> {
    const rows = await this.db
      .select({ partyKind: creditScores.partyKind, tier: creditScores.tier, parties: count() })
      .from(creditScores)
      .groupBy(creditScores.partyKind, creditScores.tier)
      .orderBy(asc(creditScores.partyKind), asc(creditScores.tier));
    return rows.map((r) => ({ partyKind: r.partyKind, tier: r.tier, parties: Number(r.parties) }));
  }
  async histogram(): Promise<Array<{ band: number; parties: number }>> {
    const band = sql<number>`least(${creditScores.totalCenti} / 1000, 9)`;
    const rows = await this.db.select({ band, parties: count() }).from(creditScores).groupBy(band).orderBy(band);
    return rows.map((r) => ({ band: Number(r.band), parties: Number(r.parties) }));
  }

  async insertTierMoves(moves: CreditTierMoveRecord[]): Promise<void> {
    for (let i = 0; i < moves.length; i += BATCH) await bulkInsert(this.db, creditTierMoves, moves.slice(i, i + BATCH));
  }
  async tierMovesOf(partyId: string, limit: number): Promise<CreditTierMoveRecord[]> {
    return (await this.db
      .select()
      .from(creditTierMoves)
      .where(eq(creditTierMoves.partyId, partyId))
      .orderBy(desc(creditTierMoves.at), desc(creditTierMoves.id))
      .limit(limit)) as CreditTierMoveRecord[];
  }
  async tierMovesSince(since: Date): Promise<Array<Pick<CreditTierMoveRecord, 'fromTier' | 'toTier' | 'at'>>> {
    return (await this.db
      .select({ fromTier: creditTierMoves.fromTier, toTier: creditTierMoves.toTier, at: creditTierMoves.at })
      .from(creditTierMoves)
      .where(gte(creditTierMoves.at, since))) as Array<Pick<CreditTierMoveRecord, 'fromTier' | 'toTier' | 'at'>>;
  }
}
