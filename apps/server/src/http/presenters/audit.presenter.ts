/** Audit records as the API shows them: the chain's hashes, never the change detail (it may name people). */
import type { AuditEntry } from '@livehub/contracts';
import type { AuditRecord } from '@livehub/core';

export function presentAuditEntry(e: AuditRecord): AuditEntry {
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
    changeHash: e.changeHash,
    hash: e.hash,
    requestId: e.requestId,
  };
}
