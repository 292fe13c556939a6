/** Drizzle implementations of the audit and outbox ports. The audit table is append-only from here. */
import type { AuditRecord, AuditRepository, OutboxRecord, OutboxRepository } from '@livehub/core';
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { countWhere } from './count-where.ts';
import { bulkInsert } from './bulk-insert.ts';
import { auditLog, outbox } from '../schema/audit.ts';

/** One fixed advisory-lock key serializes chain appends across every connection and process. */
const AUDIT_CHAIN_LOCK = 0x4c48_4155; // "LHAU"

export class DrizzleAuditRepository implements AuditRepository {
  constructor(private readonly db: Db) {}

  async lockHead(): Promise<{ seq: number; hash: string } | null> {
    await this.db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [row] = await this.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return row ?? null;
  }
  async insert(entry: AuditRecord): Promise<void> {
    await this.db.insert(auditLog).values(entry);
  }
  async insertMany(entries: AuditRecord[]): Promise<void> {
    await bulkInsert(this.db, auditLog, entries);
  }
  async list(opts: { limit: number; beforeSeq?: number; action?: string; orgIds?: string[] }): Promise<AuditRecord[]> {
    if (opts.orgIds && opts.orgIds.length === 0) return [];
    return this.db
      .select()
      .from(auditLog)
      .where(
        and(
          opts.beforeSeq ? lt(auditLog.seq, opts.beforeSeq) : undefined,
          opts.action ? eq(auditLog.action, opts.action) : undefined,
          opts.orgIds ? inArray(auditLog.orgId, opts.orgIds) : undefined,
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(opts.limit);
  }
  async scan(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return this.db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
  }
  async count(opts: { orgIds?: string[] } = {}): Promise<number> {
    if (opts.orgIds && opts.orgIds.length === 0) return 0;
    return countWhere(this.db, auditLog, opts.orgIds ? inArray(auditLog.orgId, opts.orgIds) : undefined);
  }
}

export class DrizzleOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Db) {}

  async add(event: OutboxRecord): Promise<void> {
    await this.db.insert(outbox).values(event);
  }
  async addMany(events: OutboxRecord[]): Promise<void> {
    await bulkInsert(this.db, outbox, events);
  }
  async pending(limit: number): Promise<OutboxRecord[]> {
    return this.db.select().from(outbox).where(isNull(outbox.publishedAt)).orderBy(asc(outbox.createdAt), asc(outbox.id)).limit(limit);
  }
  async markPublished(ids: string[], at: Date): Promise<void> {
    if (ids.length > 0) await this.db.update(outbox).set({ publishedAt: at }).where(inArray(outbox.id, ids));
  }
}
