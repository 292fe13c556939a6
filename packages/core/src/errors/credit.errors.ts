/**
 * Error codes of credit (credit): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const CREDIT_ERRORS = {
  'credit.unknown_party': {
    kind: 'not_found',
    zh: '未找到该信用主体（商家、主播、MCN 或直播基地）',
    en: 'No such credit party (merchant, streamer, MCN or live base)',
  },
  'credit.invalid_event': { kind: 'invalid', zh: '信用事件数据无效：{issue}', en: 'Invalid credit event: {issue}' },
  'credit.event_not_found': { kind: 'not_found', zh: '信用事件不存在', en: 'No such credit event' },
  'credit.event_voided': { kind: 'conflict', zh: '该信用事件已撤销', en: 'This credit event has already been voided' },
  'credit.not_your_event': { kind: 'forbidden', zh: '只能对本方的信用事件提出申诉', en: 'You can only appeal your own credit events' },
  'credit.appeal_open': { kind: 'conflict', zh: '该信用事件已有进行中的申诉', en: 'An appeal against this event is already open' },
  'credit.invalid_model': { kind: 'invalid', zh: '信用模型无效：{issue}', en: 'Invalid credit model: {issue}' },
  'credit.measure_applies': {
    kind: 'forbidden',
    zh: '信用等级为 {tier}，已被采取措施：{measure}',
    en: 'Credit tier {tier}: the measure "{measure}" applies',
  },
  'credit.not_a_party': {
    kind: 'forbidden',
    zh: '当前身份没有信用档案（仅商家、主播、MCN 与直播基地有）',
    en: 'This role has no credit record (merchants, streamers, MCNs and live bases do)',
  },
  'credit.invalid_mode_settings': {
    kind: 'invalid',
    zh: '执法模式设置无效：{issue}',
    en: 'Invalid enforcement mode settings: {issue}',
  },
  'credit.invalid_cohort': { kind: 'invalid', zh: '监管沙盒设置无效：{issue}', en: 'Invalid sandbox cohort: {issue}' },
  'credit.cohort_not_found': { kind: 'not_found', zh: '监管沙盒不存在', en: 'No such sandbox cohort' },
  'credit.not_a_member': { kind: 'not_found', zh: '该主体不在此监管沙盒中', en: 'This party is not a member of the cohort' },
  'credit.task_not_found': { kind: 'not_found', zh: '培训任务不存在', en: 'No such training task' },
  'credit.task_done': { kind: 'conflict', zh: '该培训任务已完成', en: 'This training task is already completed' },
  'credit.rate_limited': {
    kind: 'rate_limited',
    zh: '信用查询过于频繁，请 {seconds} 秒后再试',
    en: 'Too many credit queries, try again in {seconds} seconds',
  },
} as const satisfies Record<string, ErrorDef>;
