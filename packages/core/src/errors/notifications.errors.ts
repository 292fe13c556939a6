/**
 * Error codes of notifications (notification): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const NOTIFICATIONS_ERRORS = {
  'notification.not_found': { kind: 'not_found', zh: '消息不存在', en: 'No such notification' },
} as const satisfies Record<string, ErrorDef>;
