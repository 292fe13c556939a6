/** The audit context's storage port. */
import type { AuditRecord } from './audit.types.ts';

export interface AuditRepository {
  /**
   * Takes the chain lock for the rest of the transaction and returns the current head. Appends are serialized
   * through it so every entry links to exactly one predecessor.
   */
  lockHead(): Promise<{ seq: number; hash: string } | null>;
  /**
   * Inside a transaction, a repository may keep entries back and append them just before the transaction commits,
   * after every other lock it takes (`build` gets the head then). The chain's lock is then the last lock any
   * transaction takes, so one holding it never waits for a row another holds while that one waits for the chain:
   * without this, PostgreSQL ends such a pair as a deadlock (ADR 0045). Absent: entries are appended at once.
   */
  defer?(build: (head: { seq: number; hash: string } | null) => AuditRecord[]): void;
  insert(entry: AuditRecord): Promise<void>;
  /** consecutive entries of one transaction in one statement */
  insertMany(entries: AuditRecord[]): Promise<void>;
  list(opts: { limit: number; beforeSeq?: number; action?: string; orgIds?: string[] }): Promise<AuditRecord[]>;
  /** entries with seq > afterSeq in order, for verification */
  scan(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  count(opts?: { orgIds?: string[] }): Promise<number>;
}
