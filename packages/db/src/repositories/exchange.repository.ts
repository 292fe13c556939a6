/** Drizzle implementation of the cross-region sharing port. */
import type { ExchangeKind } from '@livehub/contracts';
import type { ExchangeBundleRecord, ExchangeKeyRecord, ExchangeRecord, ExchangeRegionRecord, ExchangeRepository } from '@livehub/core';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { exchangeBundles, exchangeKeys, exchangeRecords, exchangeRegions } from '../schema/exchange.ts';

export class DrizzleExchangeRepository implements ExchangeRepository {
  constructor(private readonly db: Db) {}

  async findKey(): Promise<ExchangeKeyRecord | null> {
    const [row] = await this.db.select().from(exchangeKeys).orderBy(asc(exchangeKeys.createdAt)).limit(1);
    return row ?? null;
  }
  async insertKey(k: ExchangeKeyRecord): Promise<boolean> {
    const rows = await this.db.insert(exchangeKeys).values(k).onConflictDoNothing().returning({ code: exchangeKeys.regionCode });
    return rows.length === 1;
  }
  async listRegions(): Promise<ExchangeRegionRecord[]> {
    return this.db.select().from(exchangeRegions).orderBy(asc(exchangeRegions.code));
  }
  async findRegion(code: string): Promise<ExchangeRegionRecord | null> {
    const [row] = await this.db.select().from(exchangeRegions).where(eq(exchangeRegions.code, code)).limit(1);
    return row ?? null;
  }
  async upsertRegion(r: ExchangeRegionRecord): Promise<void> {
    await this.db
      .insert(exchangeRegions)
      .values(r)
      .onConflictDoUpdate({
        target: exchangeRegions.code,
        set: { name: r.name, publicKey: r.publicKey, keyId: r.keyId, addedByUserId: r.addedByUserId, addedAt: r.addedAt },
      });
  }
  async insertBundle(b: ExchangeBundleRecord): Promise<boolean> {
    const rows = await this.db.insert(exchangeBundles).values(b).onConflictDoNothing().returning({ id: exchangeBundles.id });
    return rows.length === 1;
  }
  async listBundles(limit: number): Promise<ExchangeBundleRecord[]> {
    return this.db.select().from(exchangeBundles).orderBy(desc(exchangeBundles.at), desc(exchangeBundles.id)).limit(limit);
  }
  async bundleHashes(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db
      .select({ id: exchangeBundles.id, sha256: exchangeBundles.sha256 })
      .from(exchangeBundles)
      .where(inArray(exchangeBundles.id, unique));
    return new Map(rows.map((b) => [b.id, b.sha256]));
  }
  async upsertRecord(r: ExchangeRecord): Promise<void> {
    const item = r.item as unknown as Record<string, unknown>;
    await this.db
      .insert(exchangeRecords)
      .values({ ...r, item })
      .onConflictDoUpdate({
        target: [exchangeRecords.sourceRegionCode, exchangeRecords.kind, exchangeRecords.sourceId],
        // a later bundle refreshes the item; the clue raised for it here stays linked
        set: {
          bundleId: r.bundleId,
          subjectCreditCode: r.subjectCreditCode,
          subjectName: r.subjectName,
          localOrgId: r.localOrgId,
          localClueId: sql`coalesce(${r.localClueId}::uuid, ${exchangeRecords.localClueId})`,
          item,
          importedAt: r.importedAt,
        },
      });
  }
  async findRecord(sourceRegionCode: string, kind: ExchangeKind, sourceId: string): Promise<ExchangeRecord | null> {
    const [row] = await this.db
      .select()
      .from(exchangeRecords)
      .where(
        and(eq(exchangeRecords.sourceRegionCode, sourceRegionCode), eq(exchangeRecords.kind, kind), eq(exchangeRecords.sourceId, sourceId)),
      )
      .limit(1);
    return (row as ExchangeRecord | undefined) ?? null;
  }
  async listRecords(opts: { kind?: ExchangeKind | undefined; limit: number }): Promise<ExchangeRecord[]> {
    const where: SQL[] = [];
    if (opts.kind) where.push(eq(exchangeRecords.kind, opts.kind));
    return (await this.db
      .select()
      .from(exchangeRecords)
      .where(and(...where))
      .orderBy(desc(exchangeRecords.importedAt), desc(exchangeRecords.id))
      .limit(opts.limit)) as ExchangeRecord[];
  }
}
