/**
 * Error codes of orders (orders, logistics, payments, returns): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const ORDERS_ERRORS = {
  'orders.not_found': { kind: 'not_found', zh: '订单不存在', en: 'No such order' },
  'orders.sku_not_found': { kind: 'invalid', zh: '商品规格不存在或商品未上架', en: 'No such SKU, or its product is not on sale' },
  'orders.not_on_session': {
    kind: 'invalid',
    zh: '该商品不在本场直播的商品列表中',
    en: 'That product is not on sale in this live session',
  },
  'orders.session_not_live': {
    kind: 'conflict',
    zh: '直播未在进行中，不能从直播间下单',
    en: 'The live session is not live: cannot order from its room',
  },
  'orders.one_merchant': { kind: 'invalid', zh: '一个订单只能包含同一商家的商品', en: 'One order holds products of one merchant only' },
  'orders.insufficient_stock': { kind: 'conflict', zh: '库存不足（剩余 {left} 件）', en: 'Not enough stock ({left} left)' },
  'orders.stock_changed': {
    kind: 'conflict',
    zh: '库存已变化，不能减到 0 以下，请刷新后重试',
    en: 'Stock changed meanwhile and cannot go below zero: reload and retry',
  },
  'orders.flash_not_found': { kind: 'not_found', zh: '秒杀活动不存在', en: 'No such flash sale' },
  'orders.flash_not_started': {
    kind: 'conflict',
    zh: '秒杀尚未开始（{startsAt} 开始）',
    en: 'The flash sale has not started (starts {startsAt})',
  },
  'orders.flash_ended': { kind: 'conflict', zh: '秒杀已结束', en: 'The flash sale is over' },
  'orders.sold_out': { kind: 'conflict', zh: '已抢光', en: 'Sold out' },
  'orders.limit_exceeded': { kind: 'conflict', zh: '超过每人限购数量（{limit} 件）', en: 'Above the per-person limit ({limit})' },
  'orders.flash_sku_mismatch': { kind: 'invalid', zh: '该规格不在此秒杀活动中', en: 'That SKU is not in this flash sale' },
  'orders.flash_invalid': { kind: 'invalid', zh: '秒杀设置无效：{issue}', en: 'Invalid flash sale: {issue}' },
  'orders.illegal_transition': {
    kind: 'conflict',
    zh: '订单当前状态（{status}）不能执行此操作（{action}）',
    en: 'The order is {status}: cannot {action}',
  },
  'orders.stale': { kind: 'conflict', zh: '订单已被修改，请刷新后重试', en: 'The order was changed meanwhile: reload and retry' },
  'orders.bad_device_id': {
    kind: 'invalid',
    zh: '设备标识格式不正确（应为 8–128 位字母、数字、- 或 _）',
    en: 'The device id must be 8–128 letters, digits, - or _',
  },
  'orders.idempotency_conflict': {
    kind: 'conflict',
    zh: '同一个 Idempotency-Key 已用于不同的请求内容',
    en: 'This Idempotency-Key was used with a different request body',
  },
  'orders.address_not_found': { kind: 'invalid', zh: '收货地址不存在', en: 'No such saved address' },
  'logistics.unknown_carrier': { kind: 'invalid', zh: '不支持的快递公司', en: 'Unknown carrier' },
  'logistics.bad_tracking_no': { kind: 'invalid', zh: '运单号格式与快递公司不符', en: 'The tracking number does not fit the carrier' },
  'logistics.bad_signature': { kind: 'unauthenticated', zh: '物流推送签名无效', en: 'The tracking push signature is invalid' },
  'logistics.unknown_package': { kind: 'not_found', zh: '未找到该运单号的包裹', en: 'No package with this tracking number' },
  'logistics.not_found': { kind: 'not_found', zh: '该订单暂无物流信息', en: 'No tracking for this order' },
  'payments.bad_signature': { kind: 'unauthenticated', zh: '支付通知签名无效', en: 'The payment notification signature is invalid' },
  'payments.stale': {
    kind: 'invalid',
    zh: '支付通知已过期（时间戳超出允许范围）',
    en: 'The payment notification is stale (timestamp out of window)',
  },
  'payments.malformed': { kind: 'invalid', zh: '支付通知格式错误', en: 'Malformed payment notification' },
  'payments.replayed': { kind: 'conflict', zh: '重复的支付通知（已处理）', en: 'Replayed payment notification (already processed)' },
  'payments.amount_mismatch': { kind: 'invalid', zh: '支付金额与订单不一致', en: 'The paid amount does not match the order' },
  'payments.not_found': { kind: 'not_found', zh: '支付单不存在', en: 'No such payment' },
  'payments.unknown_provider': { kind: 'not_found', zh: '未知的支付渠道', en: 'Unknown payment provider' },
  'returns.not_found': { kind: 'not_found', zh: '售后申请不存在', en: 'No such return request' },
  'returns.window_closed': {
    kind: 'conflict',
    zh: '已超过七天无理由退货期限（截至 {returnBy}）',
    en: 'The 7-day no-reason return window closed on {returnBy}',
  },
  'returns.exempt': {
    kind: 'conflict',
    zh: '该商品属于不适用七天无理由退货的类别（{title}），可按质量问题申请售后',
    en: 'This product is exempt from no-reason returns ({title}); ask for a quality return instead',
  },
  'returns.invalid_line': { kind: 'invalid', zh: '退货商品或数量无效', en: 'Invalid return line or quantity' },
  'returns.open': { kind: 'conflict', zh: '该订单已有进行中的售后申请', en: 'This order already has an open return request' },
  'returns.cross_border_deadline': {
    kind: 'conflict',
    zh: '已超过跨境退货期限：退货商品须在海关放行之日起30日内运抵原监管作业场所（截至 {arriveBy}）',
    en: 'Past the cross-border return deadline: the goods had to reach the original customs supervision site by {arriveBy} (30 days after release)',
  },
  'returns.illegal': {
    kind: 'conflict',
    zh: '售后申请当前状态（{status}）不能执行此操作（{action}）',
    en: 'The return is {status}: cannot {action}',
  },
  'orders.adult_only_unverified': {
    kind: 'forbidden',
    zh: '「{product}」限成年人购买，请先完成实名认证（我的订单 → 实名认证）',
    en: '“{product}” is sold to adults only: complete the real-name verification first (My orders → Verification)',
  },
  'orders.adult_only_minor': {
    kind: 'forbidden',
    zh: '「{product}」限成年人购买，未满十八周岁不能下单',
    en: '“{product}” is sold to adults only: it cannot be ordered under 18',
  },
} as const satisfies Record<string, ErrorDef>;
