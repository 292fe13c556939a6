/** Records of the audit context: the hash-chained, append-only log of every write. */
export interface AuditRecord {
  seq: number;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  orgId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** redacted description of the change (no PII) */
  detail: Record<string, unknown>;
  changeHash: string;
  prevHash: string;
  hash: string;
  requestId: string | null;
  ip: string | null;
}
