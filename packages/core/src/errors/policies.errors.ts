/**
 * Error codes of policies (policies): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const POLICIES_ERRORS = {
  'policies.bad_condition': {
    kind: 'invalid',
    zh: '申报条件无法解析（{path}：{problem}）',
    en: 'The eligibility conditions do not parse ({path}: {problem})',
  },
  'policies.not_found': { kind: 'not_found', zh: '政策不存在', en: 'No such policy' },
  'policies.application_not_found': { kind: 'not_found', zh: '政策申请不存在', en: 'No such policy application' },
  'policies.not_editable': { kind: 'conflict', zh: '只有草稿状态的政策可以修改', en: 'Only a draft policy can be edited' },
  'policies.bad_status': { kind: 'conflict', zh: '政策当前状态不允许该操作', en: 'The policy’s status does not allow this' },
  'policies.no_department': {
    kind: 'forbidden',
    zh: '须以监管部门身份发布和审核政策',
    en: 'Policies are issued and reviewed for a department',
  },
  'policies.not_open': { kind: 'conflict', zh: '政策不在申报期内', en: 'The policy is not open for applications' },
  'policies.not_eligible': {
    kind: 'conflict',
    zh: '不符合申报条件：{unmet}',
    en: 'Not eligible: {unmet}',
  },
  'policies.wrong_kind': {
    kind: 'forbidden',
    zh: '该政策不面向您的主体类型',
    en: 'This policy is not for applicants like you',
  },
  'policies.documents_missing': { kind: 'invalid', zh: '缺少申报材料：{types}', en: 'Documents missing: {types}' },
  'policies.already_applied': { kind: 'conflict', zh: '该政策已有进行中的申请', en: 'An application for this policy is already open' },
  'policies.amount_required': { kind: 'invalid', zh: '批准时须填写核定金额', en: 'Approving needs the amount granted' },
  'policies.amount_over_cap': { kind: 'invalid', zh: '核定金额超过政策上限', en: 'The amount exceeds the policy’s cap' },
  'policies.bad_window': { kind: 'invalid', zh: '申报截止时间须晚于开始时间', en: 'The application window ends before it starts' },
  'policies.bad_benefit': { kind: 'invalid', zh: '政策待遇不完整：{problem}', en: 'The benefit is incomplete: {problem}' },
} as const satisfies Record<string, ErrorDef>;
