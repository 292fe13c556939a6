/** The audit context's public entry: the hash-chained log every write records into. */
export type { AuditRepository } from './audit.repository.ts';
export { AuditService } from './audit.service.ts';
export type { AuditInput } from './audit.service.ts';
export type { AuditRecord } from './audit.types.ts';
export { AuditLogService } from './audit-log.service.ts';
export type { AuditLogDeps, AuditLogPage, AuditLogQuery } from './audit-log.service.ts';
