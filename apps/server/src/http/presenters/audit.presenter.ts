/** Audit records as the API shows them: the chain's hashes, never the change detail (it may name people). */
import type { AuditEntry } from '@livehub/contracts';
import type { AuditRecord } from '@livehub/core';

/** An entry, with its target's name when the page's names hold it (keyed `targetType:targetId`). */
export function presentAuditEntry(e: AuditRecord, targetNames: ReadonlyMap<string, string> = new Map()): AuditEntry {
  return {
    seq: e.seq,
    id: e.id,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    orgId: e.orgId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    targetName: e.targetId ? (targetNames.get(`${e.targetType}:${e.targetId}`) ?? null) : null,
    changeHash: e.changeHash,
    hash: e.hash,
    requestId: e.requestId,
  };
}
