/**
 * The audit log as the auditors read it (审计日志): newest entries first, filtered, and the whole chain verified.
 * Writes go through AuditService.record inside each context's own transaction; this job only reads.
 */
import type { AuditVerifyResult } from '@livehub/contracts';
import type { NameKind } from '../ports/names.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { NameReader } from '../shared/name-directory.ts';
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
  /** the names of the entries' targets (users, organizations, orders, products, live sessions); none without it */
  names?: NameReader;
}

/** A page of the log with its targets' names, keyed `targetType:targetId` (订单 · LH2026… rather than an id). */
export interface AuditLogPage {
  items: AuditRecord[];
  targetNames: Map<string, string>;
}

/** The kinds of target the log names, and where their names are found. */
const NAMED_TARGETS: Readonly<Record<string, NameKind>> = {
  user: 'users',
  organization: 'orgs',
  order: 'orders',
  product: 'products',
  live_session: 'sessions',
};

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

  /** A page of entries with their targets' names: one look-up per kind of target, whatever the page's size. */
  async page(q: AuditLogQuery): Promise<AuditLogPage> {
    const items = await this.list(q);
    const targetNames = new Map<string, string>();
    if (!this.d.names) return { items, targetNames };
    const wanted: Record<NameKind, string[]> = { users: [], orgs: [], orders: [], products: [], sessions: [] };
    for (const e of items) {
      const kind = NAMED_TARGETS[e.targetType];
      if (kind && e.targetId) wanted[kind].push(e.targetId);
    }
    const names = await this.d.names.namesFor(wanted);
    for (const [targetType, kind] of Object.entries(NAMED_TARGETS))
      for (const [id, name] of names[kind]) targetNames.set(`${targetType}:${id}`, name);
    return { items, targetNames };
  }

  /** Recomputes the hash chain over every entry. */
  verify(): Promise<AuditVerifyResult> {
    return this.d.audit.verify(this.d.uow.read);
  }
}
