/**
 * Error codes of live (live): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const LIVE_ERRORS = {
  'live.not_found': { kind: 'not_found', zh: '直播场次不存在', en: 'No such live session' },
  'live.not_active': { kind: 'conflict', zh: '直播场次已结束或已取消（{status}）', en: 'The live session is over or cancelled ({status})' },
  'live.checks_failed': {
    kind: 'conflict',
    zh: '开播前检查未通过：{failed}',
    en: 'The pre-live checks did not pass: {failed}',
  },
  'live.publish_refused': {
    kind: 'forbidden',
    zh: '推流密钥错误或直播场次不可推流',
    en: 'Wrong stream key, or the session does not accept a stream',
  },
  'live.stale': { kind: 'conflict', zh: '直播场次已被修改，请刷新后重试', en: 'The session was changed meanwhile: reload and retry' },
} as const satisfies Record<string, ErrorDef>;
