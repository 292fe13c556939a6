/**
 * Error codes of 项目资金绩效评价 (programmes, funding): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const FUNDING_ERRORS = {
  'funding.not_found': { kind: 'not_found', zh: '项目不存在', en: 'No such funded project' },
  'funding.tranche_not_found': { kind: 'not_found', zh: '资金拨付批次不存在', en: 'No such tranche' },
  'funding.no_department': {
    kind: 'forbidden',
    zh: '须以监管部门（资金下达部门）身份管理项目资金',
    en: 'Project funding is managed for a regulator’s department',
  },
  'funding.bad_owner': { kind: 'invalid', zh: '项目承担单位须为直播基地', en: 'The project’s owner must be a live base' },
  'funding.bad_evaluator': {
    kind: 'invalid',
    zh: '第三方评估机构须为有评估人员的专业服务机构',
    en: 'The evaluator must be a service provider with an evaluator',
  },
  'funding.bad_year': {
    kind: 'invalid',
    zh: '年度须在三年计划之内（第 1–{years} 年）',
    en: 'The year must be within the plan (year 1–{years})',
  },
  'funding.bad_amount': { kind: 'invalid', zh: '金额须大于 0', en: 'The amount must be above zero' },
  'funding.over_budget': {
    kind: 'invalid',
    zh: '拨付合计 {total} 超过项目预算 {budget}',
    en: 'The tranches total {total}, above the project’s budget of {budget}',
  },
  'funding.year_taken': { kind: 'conflict', zh: '该年度已有拨付批次', en: 'That plan year already has a tranche' },
  'funding.duplicate_target': { kind: 'invalid', zh: '同一年度同一类指标只能设定一次', en: 'One target per kind and year' },
  'funding.bad_state': {
    kind: 'conflict',
    zh: '项目当前状态（{status}）不允许该操作',
    en: 'The project’s status ({status}) does not allow this',
  },
  'funding.tranche_out_of_order': {
    kind: 'conflict',
    zh: '须按年度拨付：本次应拨付第 {year} 年资金',
    en: 'Tranches are paid year by year: the next is year {year}',
  },
  'funding.not_evaluator': {
    kind: 'forbidden',
    zh: '只有承担评估任务的第三方评估机构可以提交评估',
    en: 'Only the assigned third-party evaluator may submit an evaluation',
  },
  'funding.not_owner': {
    kind: 'forbidden',
    zh: '只能为本基地承担的项目提交自查自评',
    en: 'A self-assessment is filed only for your own base’s project',
  },
  'funding.not_self_assessed': {
    kind: 'conflict',
    zh: '承担单位尚未提交本年度自查自评，不能评定等级',
    en: 'The year’s self-assessment has not been filed: it cannot be graded yet',
  },
  'funding.already_clawed_back': {
    kind: 'conflict',
    zh: '项目已退出，资金已收回',
    en: 'The project has exited; its funds were clawed back already',
  },
  'funding.figure_missing': { kind: 'invalid', zh: '缺少指标「{target}」的数值', en: 'A figure for “{target}” is missing' },
  'funding.bad_deadline': { kind: 'invalid', zh: '整改期限须在今天之后', en: 'The rectification deadline must be in the future' },
  'funding.no_rectification_report': {
    kind: 'conflict',
    zh: '承担单位尚未提交整改报告',
    en: 'The base has not filed its rectification report',
  },
} as const satisfies Record<string, ErrorDef>;
