/** Drizzle implementation of the compensation obligations port (disputes, 赔付义务). */
import type { CompensationObligationRecord, CompensationObligationRepository } from '@livehub/core';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { compensationObligations as t } from '../schema/disputes.ts';

export class DrizzleCompensationObligationRepository implements CompensationObligationRepository {
  constructor(private readonly db: Db) {}

  async insertObligation(o: CompensationObligationRecord): Promise<void> {
    await this.db.insert(t).values(o);
  }
  async findObligationOf(complaintId: string, opts: { lock?: boolean } = {}): Promise<CompensationObligationRecord | null> {
    const q = this.db.select().from(t).where(eq(t.complaintId, complaintId)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as CompensationObligationRecord | undefined) ?? null;
  }
  async updateObligation(o: CompensationObligationRecord, expectVersion: number): Promise<boolean> {
    const { id, ...rest } = o;
    const rows = await this.db
      .update(t)
      .set(rest)
      .where(and(eq(t.id, id), eq(t.version, expectVersion)))
      .returning({ id: t.id });
    return rows.length === 1;
  }
  async listOverdue(now: Date, limit: number): Promise<CompensationObligationRecord[]> {
    return (await this.db
      .select()
      .from(t)
      .where(and(eq(t.status, 'due'), lt(t.dueAt, now)))
      .orderBy(asc(t.dueAt), asc(t.id))
      .limit(limit)) as CompensationObligationRecord[];
  }
  async listOutstanding(limit: number): Promise<CompensationObligationRecord[]> {
    return (await this.db
      .select()
      .from(t)
      .where(inArray(t.status, ['advanced', 'partially_recovered']))
      .orderBy(asc(t.advancedAt), asc(t.id))
      .limit(limit)) as CompensationObligationRecord[];
  }
  async listForMerchant(merchantOrgId: string, limit: number): Promise<CompensationObligationRecord[]> {
    return (await this.db
      .select()
      .from(t)
      .where(eq(t.merchantOrgId, merchantOrgId))
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(limit)) as CompensationObligationRecord[];
  }
}
