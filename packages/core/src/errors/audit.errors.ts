/**
 * Error codes of audit (audit): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const AUDIT_ERRORS = {
  'audit.chain_broken': { kind: 'conflict', zh: '审计哈希链校验失败', en: 'The audit hash chain does not verify' },
} as const satisfies Record<string, ErrorDef>;
