/** Drizzle implementation of the complaints port (disputes). */
import type { ComplaintStatus } from '@livehub/contracts';
import type { ComplaintEntryRecord, ComplaintRecord, ComplaintRepository } from '@livehub/core';
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { complaintEntries, complaints } from '../schema/disputes.ts';

const OPEN: ComplaintStatus[] = ['awaiting_merchant', 'negotiating', 'mediating', 'escalated', 'accepted_by_regulator'];

export class DrizzleComplaintRepository implements ComplaintRepository {
  constructor(private readonly db: Db) {}

  async insertComplaint(c: ComplaintRecord): Promise<void> {
    await this.db.insert(complaints).values(c);
  }
  async findComplaint(id: string, opts: { lock?: boolean } = {}): Promise<ComplaintRecord | null> {
    const q = this.db.select().from(complaints).where(eq(complaints.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as ComplaintRecord | undefined) ?? null;
  }
  async updateComplaint(c: ComplaintRecord, expectVersion: number): Promise<boolean> {
    const { id, ...rest } = c;
    const rows = await this.db
      .update(complaints)
      .set(rest)
      .where(and(eq(complaints.id, id), eq(complaints.version, expectVersion)))
      .returning({ id: complaints.id });
    return rows.length === 1;
  }
  async openComplaintOf(orderId: string): Promise<ComplaintRecord | null> {
    const [row] = await this.db
      .select()
      .from(complaints)
      .where(and(eq(complaints.orderId, orderId), inArray(complaints.status, OPEN)))
      .limit(1);
    return (row as ComplaintRecord | undefined) ?? null;
  }
  async listComplaints(opts: {
    consumerUserId?: string | undefined;
    merchantOrgId?: string | undefined;
    statuses?: readonly ComplaintStatus[] | undefined;
    liveSessionIds?: readonly string[] | undefined;
    filedFrom?: Date | undefined;
    filedBefore?: Date | undefined;
    limit: number;
  }): Promise<ComplaintRecord[]> {
    if (opts.liveSessionIds?.length === 0) return [];
    const where: SQL[] = [];
    if (opts.liveSessionIds) where.push(inArray(complaints.liveSessionId, [...opts.liveSessionIds]));
    if (opts.filedFrom) where.push(gte(complaints.filedAt, opts.filedFrom));
    if (opts.filedBefore) where.push(lt(complaints.filedAt, opts.filedBefore));
    if (opts.consumerUserId) where.push(eq(complaints.consumerUserId, opts.consumerUserId));
    if (opts.merchantOrgId) where.push(eq(complaints.merchantOrgId, opts.merchantOrgId));
    if (opts.statuses) where.push(inArray(complaints.status, [...opts.statuses]));
    return (await this.db
      .select()
      .from(complaints)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(complaints.filedAt), desc(complaints.id))
      .limit(opts.limit)) as ComplaintRecord[];
  }
  async listByEvidence(documentId: string, limit: number): Promise<ComplaintRecord[]> {
    return (await this.db
      .select()
      .from(complaints)
      .where(sql`${complaints.evidenceDocumentIds} @> ${JSON.stringify([documentId])}::jsonb`)
      .orderBy(desc(complaints.filedAt), desc(complaints.id))
      .limit(limit)) as ComplaintRecord[];
  }
  async listDue(statuses: readonly ComplaintStatus[], now: Date, limit: number, notBefore?: Date): Promise<ComplaintRecord[]> {
    if (statuses.length === 0) return [];
    const where = [isNotNull(complaints.dueAt), lt(complaints.dueAt, now), inArray(complaints.status, [...statuses])];
    if (notBefore) where.push(gte(complaints.dueAt, notBefore));
    return (await this.db
      .select()
      .from(complaints)
      .where(and(...where))
      .orderBy(asc(complaints.dueAt), asc(complaints.id))
      .limit(limit)) as ComplaintRecord[];
  }
  async appendEntry(e: ComplaintEntryRecord): Promise<void> {
    await this.db.insert(complaintEntries).values(e);
  }
  async listEntries(complaintId: string): Promise<ComplaintEntryRecord[]> {
    return (await this.db
      .select()
      .from(complaintEntries)
      .where(eq(complaintEntries.complaintId, complaintId))
      .orderBy(asc(complaintEntries.at), asc(complaintEntries.id))) as ComplaintEntryRecord[];
  }
}
