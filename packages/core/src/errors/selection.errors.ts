/**
 * Error codes of selection (selection, agreement): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const SELECTION_ERRORS = {
  'selection.product_not_approved': {
    kind: 'conflict',
    zh: '商品未通过审核（{status}），不能进入选品池或协议',
    en: 'The product is not approved ({status}) and cannot enter the pool or an agreement',
  },
  'selection.plan_conflict': {
    kind: 'conflict',
    zh: '与已有的{existing}计划 {planId}（{from} 至 {until}）冲突：独家计划不能与公开或定向计划在同一期间并存',
    en: 'Conflicts with the existing {existing} plan {planId} ({from} to {until}): an exclusive plan cannot coexist with open or targeted plans in the same period',
  },
  'selection.plan_not_found': { kind: 'not_found', zh: '佣金计划不存在', en: 'No such commission plan' },
  'selection.partner_invalid': {
    kind: 'invalid',
    zh: '合作对象不是有效的{kind}（主播须已认证）',
    en: 'The partner is not a valid {kind} (streamers must be certified)',
  },
  'selection.streamer_not_certified': { kind: 'forbidden', zh: '主播未认证或已暂停', en: 'The streamer is not certified or is suspended' },
  'selection.no_samples': { kind: 'conflict', zh: '该商品暂不提供样品', en: 'This product has no samples available' },
  'selection.sample_open': {
    kind: 'conflict',
    zh: '该商品已有进行中的寄样申请（{status}）',
    en: 'There is already an open sample request for this product ({status})',
  },
  'selection.sample_not_found': { kind: 'not_found', zh: '寄样申请不存在', en: 'No such sample request' },
  'selection.sample_party': { kind: 'forbidden', zh: '此操作应由{party}执行', en: 'This step is for the {party}' },
  'selection.sample_action_not_allowed': {
    kind: 'conflict',
    zh: '寄样当前状态（{status}）不能执行「{action}」',
    en: 'The sample request is {status}: “{action}” is not possible',
  },
  'selection.stale': { kind: 'conflict', zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed meanwhile: reload and retry' },
  'agreement.not_found': { kind: 'not_found', zh: '协议不存在', en: 'No such agreement' },
  'agreement.merchant_invalid': { kind: 'invalid', zh: '商家不存在或未入驻', en: 'The merchant does not exist or is not admitted' },
  'agreement.mcn_missing': { kind: 'invalid', zh: '主播未签约 MCN 机构', en: 'The streamer has no MCN agency' },
  'agreement.closed': { kind: 'conflict', zh: '协议已结束（{status}）', en: 'The agreement is closed ({status})' },
  'agreement.version_stale': {
    kind: 'conflict',
    zh: '协议已有新版本（第 {current} 版），请阅读后再确认',
    en: 'There is a newer version ({current}): read it before accepting',
  },
  'agreement.hash_mismatch': {
    kind: 'conflict',
    zh: '协议内容摘要不符：您确认的不是当前版本的文本',
    en: 'Content hash mismatch: what you accepted is not the text of this version',
  },
  'agreement.already_accepted': { kind: 'conflict', zh: '您已确认第 {version} 版', en: 'You have already accepted version {version}' },
  'agreement.stale': {
    kind: 'conflict',
    zh: '协议已被他人修改，请刷新后重试',
    en: 'The agreement was changed meanwhile: reload and retry',
  },
} as const satisfies Record<string, ErrorDef>;
