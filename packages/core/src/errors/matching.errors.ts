/**
 * Error codes of matching (matching): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const MATCHING_ERRORS = {
  'matching.streamer_not_found': { kind: 'not_found', zh: '主播不存在或无权查看', en: 'No such streamer, or not yours to see' },
  'matching.consent_required': {
    kind: 'invalid',
    zh: '实名认证需您同意用于观众画像统计（仅保存年龄段与性别）',
    en: 'Verification needs your consent to the audience statistics (age band and gender only)',
  },
  'matching.verification_under_14': {
    kind: 'invalid',
    zh: '未满十四周岁的实名认证需监护人同意，暂不支持',
    en: 'Verification under 14 needs a guardian’s consent, which is not supported',
  },
  'matching.identity_mismatch': {
    kind: 'invalid',
    zh: '姓名与身份证号码不一致，请核对后重试',
    en: 'The name does not match the ID number: check both and try again',
  },
  'matching.identity_no_record': {
    kind: 'invalid',
    zh: '身份核验未查到该身份证号码，请核对后重试',
    en: 'The identity service has no record of this ID number: check it and try again',
  },
  'matching.identity_unavailable': {
    kind: 'unavailable',
    zh: '身份核验服务暂不可用，请 {seconds} 秒后重试（未保存任何信息）',
    en: 'The identity verification service is unavailable: try again in {seconds} s (nothing was stored)',
  },
} as const satisfies Record<string, ErrorDef>;
