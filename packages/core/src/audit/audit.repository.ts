/** The audit context's storage port. */
import type { AuditRecord } from './audit.types.ts';

export interface AuditRepository {
  /**
   * Takes the chain lock for the rest of the transaction and returns the current head. Appends are serialized
   * through it so every entry links to exactly one predecessor.
   */
  lockHead(): Promise<{ seq: number; hash: string } | null>;
  insert(entry: AuditRecord): Promise<void>;
  /** consecutive entries of one transaction in one statement */
  insertMany(entries: AuditRecord[]): Promise<void>;
  list(opts: { limit: number; beforeSeq?: number; action?: string; orgIds?: string[] }): Promise<AuditRecord[]>;
  /** entries with seq > afterSeq in order, for verification */
  scan(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  count(opts?: { orgIds?: string[] }): Promise<number>;
}
