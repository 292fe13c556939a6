/**
 * Error codes of compliance (compliance, review): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const COMPLIANCE_ERRORS = {
  'compliance.event_conflict': {
    kind: 'conflict',
    zh: '该事件编号已用于不同的内容',
    en: 'That event id was already used for different content',
  },
  'compliance.rule_not_found': { kind: 'not_found', zh: '规则不存在', en: 'No such rule' },
  'compliance.exemption_not_in_rule': {
    kind: 'invalid',
    zh: '豁免词必须包含规则 {rule} 的某个词条，否则不会生效',
    en: 'An exemption must contain a term of rule {rule}, or it has no effect',
  },
  'review.not_found': { kind: 'not_found', zh: '审核任务不存在', en: 'No such review item' },
  'review.claimed_by_other': { kind: 'conflict', zh: '该审核任务已被其他审核员领取', en: 'Another reviewer has claimed this item' },
  'review.already_decided': { kind: 'conflict', zh: '该审核任务已处理', en: 'This item has already been decided' },
  'review.batch_empty': { kind: 'invalid', zh: '没有可批量处理的待审任务', en: 'No undecided review items to decide' },
  'review.batch_too_large': {
    kind: 'invalid',
    zh: '一次最多批量处理 {max} 项，请缩小筛选范围',
    en: 'At most {max} items can be decided at once: narrow the filter',
  },
  'review.batch_conflict': {
    kind: 'conflict',
    zh: '其中 {count} 项已被其他审核员处理或领取，本次批量操作未执行，请刷新后重试',
    en: '{count} of the items were decided or claimed by another reviewer meanwhile: nothing was changed, refresh and retry',
  },
} as const satisfies Record<string, ErrorDef>;
