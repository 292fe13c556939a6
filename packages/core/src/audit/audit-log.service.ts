/**
 * The audit log as the auditors read it (审计日志): newest entries first, filtered, and the whole chain verified.
 * Writes go through AuditService.record inside each context's own transaction; this job only reads.
 */
import type { AuditVerifyResult } from '@livehub/contracts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { AuditService } from './audit.service.ts';
import type { AuditRecord } from './audit.types.ts';

export interface AuditLogQuery {
  limit: number;
  beforeSeq?: number | undefined;
  action?: string | undefined;
  orgId?: string | undefined;
}

export interface AuditLogDeps {
  uow: ScopedUnitOfWork<'audit'>;
  audit: AuditService;
}

export class AuditLogService {
  constructor(private readonly d: AuditLogDeps) {}

  /** Entries newest first, before `beforeSeq` when paging, of one action or one organization when asked. */
  list(q: AuditLogQuery): Promise<AuditRecord[]> {
    return this.d.uow.read.audit.list({
      limit: q.limit,
      ...(q.beforeSeq ? { beforeSeq: q.beforeSeq } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.orgId ? { orgIds: [q.orgId] } : {}),
    });
  }

  /** Recomputes the hash chain over every entry. */
  verify(): Promise<AuditVerifyResult> {
    return this.d.audit.verify(this.d.uow.read);
  }
}
