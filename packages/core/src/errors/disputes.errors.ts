/**
 * Error codes of disputes (disputes, reports): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const DISPUTES_ERRORS = {
  'disputes.not_found': { kind: 'not_found', zh: '投诉不存在', en: 'No such complaint' },
  'disputes.order_not_found': { kind: 'not_found', zh: '订单不存在或不是您的订单', en: 'No such order among yours' },
  'disputes.order_not_paid': {
    kind: 'invalid',
    zh: '订单尚未付款，不能投诉',
    en: 'The order was never paid; it cannot be complained about',
  },
  'disputes.too_late': {
    kind: 'invalid',
    zh: '超过三年的投诉不予受理（期限至 {limit}）',
    en: 'Complaints are accepted within three years (the limit was {limit})',
  },
  'disputes.claim_too_high': {
    kind: 'invalid',
    zh: '请求金额超出法律和订单允许的上限（最多 {maxYuan} 元）',
    en: 'The amount claimed is above what the law and the order allow (at most ¥{maxYuan})',
  },
  'disputes.open_complaint': { kind: 'conflict', zh: '该订单已有处理中的投诉', en: 'This order already has an open complaint' },
  'disputes.evidence_invalid': {
    kind: 'invalid',
    zh: '证据必须是您本人上传的文件',
    en: 'Evidence must be documents you uploaded yourself',
  },
  'disputes.session_mismatch': {
    kind: 'invalid',
    zh: '该直播场次不是此订单的成交场次',
    en: 'This live session is not the one the order was placed in',
  },
  'disputes.wrong_role': { kind: 'forbidden', zh: '您无权对该投诉执行此操作', en: 'Your role may not take this step on the complaint' },
  'disputes.wrong_status': {
    kind: 'conflict',
    zh: '投诉当前状态（{status}）不允许此操作',
    en: 'The complaint’s current state ({status}) does not allow this step',
  },
  'disputes.deadline_passed': {
    kind: 'conflict',
    zh: '该环节已于 {dueAt} 截止，投诉将按规定自动流转',
    en: 'This step ended at {dueAt}; the complaint moves on as the rules say',
  },
  'disputes.offer_required': { kind: 'invalid', zh: '还价时须给出方案和金额', en: 'A counter-offer needs its remedy and amount' },
  'disputes.offer_not_allowed': { kind: 'invalid', zh: '只有还价时才可附方案', en: 'Only a counter-offer carries an offer' },
  'disputes.no_offer': { kind: 'conflict', zh: '商家未提出可接受的方案', en: 'The merchant made no offer to accept' },
  'disputes.amount_required': { kind: 'invalid', zh: '请填写金额', en: 'An amount is required' },
  'disputes.amount_computed': {
    kind: 'invalid',
    zh: '欺诈赔偿金额按消费者权益保护法第五十五条计算，不可填写',
    en: 'Fraud compensation is computed under Consumer Protection Law Art. 55; it cannot be entered',
  },
  'disputes.amount_too_high': {
    kind: 'invalid',
    zh: '金额超出法律和订单允许的上限（最多 {maxYuan} 元）',
    en: 'The amount is above what the law and the order allow (at most ¥{maxYuan})',
  },
  'disputes.nothing_to_pay': { kind: 'conflict', zh: '该投诉没有待支付的赔付', en: 'This complaint has no compensation to pay' },
  'disputes.already_paid': {
    kind: 'conflict',
    zh: '该赔付已处理（{status}），无需再付',
    en: 'This compensation is already settled ({status}); nothing to pay',
  },
  'disputes.insufficient_balance': {
    kind: 'conflict',
    zh: '可提现余额 {availableYuan} 元不足以支付赔付 {amountYuan} 元',
    en: 'The available balance ¥{availableYuan} does not cover the compensation of ¥{amountYuan}',
  },
  'disputes.remedy_exceeds_refundable': {
    kind: 'conflict',
    zh: '订单可退金额仅剩 {refundableYuan} 元，无法按投诉结果退款 {amountYuan} 元',
    en: 'Only ¥{refundableYuan} of the order can still be refunded: the complaint’s refund of ¥{amountYuan} cannot be made',
  },
  'disputes.return_open': {
    kind: 'conflict',
    zh: '该订单已有进行中的售后申请，请先处理完毕再按投诉结果退货退款',
    en: 'The order has an after-sales return open: finish it before the complaint’s return',
  },
  'disputes.order_unpaid': {
    kind: 'conflict',
    zh: '订单没有成功的支付记录，无法原路退款',
    en: 'The order has no successful payment to refund to',
  },
  'disputes.stats_period_invalid': {
    kind: 'invalid',
    zh: '统计期间无效：须为有效日期，截止日不早于起始日，且不超过 366 天',
    en: 'Invalid period: real dates, the end not before the start, at most 366 days',
  },
  'disputes.stale': { kind: 'conflict', zh: '投诉已被他人更新，请刷新后重试', en: 'The complaint changed meanwhile; reload and try again' },
  'reports.target_not_found': {
    kind: 'not_found',
    zh: '被举报的对象不存在',
    en: 'There is no such live room, product, organization or user to report',
  },
  'reports.evidence_sign_in': {
    kind: 'invalid',
    zh: '登录后才能上传举报证据；匿名举报请在描述中说明情况',
    en: 'Sign in to attach evidence; an anonymous report states what happened in its description',
  },
  'reports.evidence_invalid': {
    kind: 'invalid',
    zh: '证据必须是您本人上传的文件',
    en: 'Evidence must be documents you uploaded yourself',
  },
  'reports.not_found': { kind: 'not_found', zh: '举报不存在', en: 'No such report' },
  'reports.code_invalid': {
    kind: 'not_found',
    zh: '查询码无效或不存在，请核对后重试',
    en: 'No report has this tracking code; check it and try again',
  },
  'reports.wrong_status': {
    kind: 'conflict',
    zh: '举报当前状态（{status}）不允许此操作',
    en: 'The report’s current state ({status}) does not allow this step',
  },
  'reports.reason_required': { kind: 'invalid', zh: '请填写处理理由（举报人可见）', en: 'A reason is required (the reporter reads it)' },
  'reports.stale': { kind: 'conflict', zh: '举报已被他人处理，请刷新后重试', en: 'The report changed meanwhile; reload and try again' },
  'reports.rate_limited': {
    kind: 'rate_limited',
    zh: '举报过于频繁，请 {seconds} 秒后再试',
    en: 'Too many reports; try again in {seconds} seconds',
  },
} as const satisfies Record<string, ErrorDef>;
