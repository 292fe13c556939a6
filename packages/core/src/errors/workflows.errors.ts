/**
 * Error codes of workflows (workflow): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const WORKFLOWS_ERRORS = {
  'workflow.unknown_kind': { kind: 'invalid', zh: '未知的申请类型', en: 'Unknown application kind' },
  'workflow.not_found': { kind: 'not_found', zh: '申请不存在', en: 'No such application' },
  'workflow.action_not_allowed': {
    kind: 'forbidden',
    zh: '当前环节（{step}）不允许您执行“{action}”',
    en: 'You may not “{action}” at the current step ({step})',
  },
  'workflow.reason_required': { kind: 'invalid', zh: '此操作需要填写理由', en: 'This action needs a reason' },
  'workflow.stale': {
    kind: 'conflict',
    zh: '申请已被他人处理，请刷新后重试',
    en: 'The application changed meanwhile; reload and try again',
  },
  'workflow.documents_missing': { kind: 'invalid', zh: '缺少必需材料：{types}', en: 'Required documents missing: {types}' },
  'workflow.not_in_notice': { kind: 'conflict', zh: '该申请不在公示期内', en: 'The application is not on public notice' },
} as const satisfies Record<string, ErrorDef>;
