/**
 * Error codes of matching (matching): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const MATCHING_ERRORS = {
  'matching.streamer_not_found': { kind: 'not_found', zh: '主播不存在或无权查看', en: 'No such streamer, or not yours to see' },
} as const satisfies Record<string, ErrorDef>;
