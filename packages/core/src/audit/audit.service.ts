/**
 * The audit log: every write appends one entry, hash-chained to the one before it, inside the same transaction
 * as the write. Owns the hashing rule, so verification recomputes exactly what append wrote. It must never update
 * or delete an entry.
 */
import type { AuditVerifyResult } from '@livehub/contracts';
import type { Repositories } from '../ports/repositories.ts';
import type { AuditRecord } from './audit.types.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** what changed, already redacted: no secrets, no PII */
  detail?: Record<string, unknown>;
  /** defaults to the actor's organization */
  orgId?: string | null;
}

export function entryHash(e: Omit<AuditRecord, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      prev: e.prevHash,
      seq: e.seq,
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorUserId,
      label: e.actorLabel,
      org: e.orgId,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      change: e.changeHash,
      requestId: e.requestId,
      ip: e.ip,
    }),
  );
}

export class AuditService {
  constructor(private readonly deps: { clock: Clock; ids: IdGenerator }) {}

  /**
   * Call inside the write's transaction. In a transaction the entry is chained and written just before the commit
   * (`AuditRepository.defer`); outside one, at once.
   */
  async record(repos: Pick<Repositories, 'audit'>, actor: Actor, input: AuditInput): Promise<void> {
    await this.recordMany(repos, [{ actor, input }]);
  }

  /**
   * Several entries of one transaction (a group of flash-sale orders written together): chained to each other in
   * order and inserted in one statement, with the chain lock taken once.
   */
  async recordMany(repos: Pick<Repositories, 'audit'>, items: Array<{ actor: Actor; input: AuditInput }>): Promise<void> {
    if (items.length === 0) return;
    const build = (from: { seq: number; hash: string } | null): AuditRecord[] => {
      let head = from;
      return items.map(({ actor, input }) => {
        const e = this.entry(head, actor, input);
        head = { seq: e.seq, hash: e.hash };
        return e;
      });
    };
    if (repos.audit.defer) return repos.audit.defer(build);
    const entries = build(await repos.audit.lockHead());
    await (entries.length === 1 ? repos.audit.insert(entries[0] as AuditRecord) : repos.audit.insertMany(entries));
  }

  private entry(head: { seq: number; hash: string } | null, actor: Actor, input: AuditInput): AuditRecord {
    const detail = input.detail ?? {};
    const base: Omit<AuditRecord, 'hash'> = {
      seq: (head?.seq ?? 0) + 1,
      id: this.deps.ids.next(),
      at: this.deps.clock.now(),
      actorUserId: actor.userId,
      actorLabel: actor.label,
      orgId: input.orgId === undefined ? actor.orgId : input.orgId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      detail,
      changeHash: sha256Hex(canonicalJson(detail)),
      prevHash: head?.hash ?? GENESIS_HASH,
      requestId: actor.requestId ?? null,
      ip: actor.ip ?? null,
    };
    return { ...base, hash: entryHash(base) };
  }

  /**
   * Walks the whole chain: each entry's change hash must match its detail, its own hash must recompute, it must
   * point at its predecessor's hash, and sequence numbers must have no gaps (a deleted row breaks the chain).
   */
  async verify(repos: Pick<Repositories, 'audit'>, batch = 1000): Promise<AuditVerifyResult> {
    let prevHash = GENESIS_HASH;
    let prevSeq = 0;
    let checked = 0;
    for (;;) {
      const rows = await repos.audit.scan(prevSeq, batch);
      if (rows.length === 0) break;
      for (const row of rows) {
        const fail = (reason: string): AuditVerifyResult => ({ ok: false, checked, firstBrokenSeq: row.seq, reason });
        if (row.seq !== prevSeq + 1) return fail(`sequence gap: expected ${prevSeq + 1}, found ${row.seq}`);
        if (row.prevHash !== prevHash) return fail('prev_hash does not match the previous entry');
        if (sha256Hex(canonicalJson(row.detail)) !== row.changeHash) return fail('change detail does not match change_hash');
        const { hash, ...rest } = row;
        if (entryHash(rest) !== hash) return fail('entry hash does not recompute');
        prevHash = row.hash;
        prevSeq = row.seq;
        checked++;
      }
    }
    return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}
