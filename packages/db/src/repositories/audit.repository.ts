/** Drizzle implementations of the audit and outbox ports. The audit table is append-only from here. */
import type { AuditRecord, AuditRepository, OutboxRecord, OutboxRepository } from '@livehub/core';
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { countWhere } from './count-where.ts';
import { bulkInsert } from './bulk-insert.ts';
import { auditLog, outbox } from '../schema/audit.ts';

/** One fixed advisory-lock key serializes chain appends across every connection and process. */
export const AUDIT_CHAIN_LOCK = 0x4c48_4155; // "LHAU"

/**
 * The audit chain as one transaction sees it, shared by that transaction's repositories: whether it holds the
 * chain lock (held until the transaction ends) and, once read or appended under the lock, the head. While the lock
 * is held no other transaction appends, so the head this transaction last read or wrote is the head: `lockHead`
 * answers from here without a statement. Another repository may take the lock inside one of its own statements
 * (the credit events' insert does) and read the head in a later one (the credit score's upsert does): a head read in
 * the statement that takes the lock could miss an entry committed while it waited (its snapshot is older), so the
 * head is only ever read by a statement after the one that took the lock.
 */
export interface AuditChainState {
  locked: boolean;
  /** undefined: not known yet; null: the chain is empty */
  head?: { seq: number; hash: string } | null;
  /** entries kept back until just before the commit (`defer`), built then in the order recorded */
  pending?: Array<(head: { seq: number; hash: string } | null) => AuditRecord[]>;
}

/**
 * Appends what the transaction kept back (`DrizzleAuditRepository.defer`): the chain's lock (unless an earlier
 * statement took it), the head, then every entry in one statement. The unit of work calls it after the
 * transaction's own work, as its last statements before COMMIT.
 */
export async function appendPending(db: Db, chain: AuditChainState): Promise<void> {
  const pending = chain.pending;
  if (!pending || pending.length === 0) return;
  chain.pending = undefined;
  const repo = new DrizzleAuditRepository(db, chain);
  let head = await repo.lockHead();
  const entries: AuditRecord[] = [];
  for (const build of pending)
    for (const e of build(head)) {
      entries.push(e);
      head = { seq: e.seq, hash: e.hash };
    }
  await (entries.length === 1 ? repo.insert(entries[0] as AuditRecord) : repo.insertMany(entries));
}

export class DrizzleAuditRepository implements AuditRepository {
  /** Only in a transaction: entries kept until its end (`appendPending`), so the chain's lock is the last it takes. */
  readonly defer?: (build: (head: { seq: number; hash: string } | null) => AuditRecord[]) => void;

  /** `chain`: the transaction's chain state (none outside a transaction, where a lock ends with its statement) */
  constructor(
    private readonly db: Db,
    private readonly chain?: AuditChainState,
  ) {
    if (chain)
      this.defer = (build) => {
        chain.pending ??= [];
        chain.pending.push(build);
      };
  }

  async lockHead(): Promise<{ seq: number; hash: string } | null> {
    const chain = this.chain;
    if (chain?.locked && chain.head !== undefined) return chain.head;
    if (!chain?.locked) await this.db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [row] = await this.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    if (chain) {
      chain.locked = true;
      chain.head = row ?? null;
    }
    return row ?? null;
  }
  async insert(entry: AuditRecord): Promise<void> {
    await this.db.insert(auditLog).values(entry);
    this.appended(entry);
  }
  async insertMany(entries: AuditRecord[]): Promise<void> {
    await bulkInsert(this.db, auditLog, entries);
    const last = entries.at(-1);
    if (last) this.appended(last);
  }
  /** under the lock, what this transaction appends last is the head */
  private appended(entry: AuditRecord): void {
    if (this.chain?.locked) this.chain.head = { seq: entry.seq, hash: entry.hash };
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
