/**
 * Error codes of supply (supply): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const SUPPLY_ERRORS = {
  'supply.bad_supplier': {
    kind: 'invalid',
    zh: '供应商须为服务机构或其他商家',
    en: 'A supplier must be a service provider or another merchant',
  },
  'supply.not_your_product': { kind: 'invalid', zh: '只能为本店商品指定供应商', en: 'Only your own products can be given a supplier' },
  'supply.link_not_found': { kind: 'not_found', zh: '供应商关系不存在', en: 'No such supplier link' },
  'supply.session_not_found': {
    kind: 'not_found',
    zh: '直播场次不存在或无可查看的商品',
    en: 'No such session, or nothing on it you may see',
  },
  'supply.cart_session_not_found': { kind: 'not_found', zh: '直播场次不存在', en: 'No such live session' },
  'supply.cart_session_not_live': {
    kind: 'conflict',
    zh: '直播未在进行中，暂不能加入购物车',
    en: 'The session is not live: nothing can be added to the cart now',
  },
  'supply.sku_not_on_sale': {
    kind: 'invalid',
    zh: '该规格不在本场直播的在售商品中',
    en: 'That specification is not on sale in this live session',
  },
  'supply.alert_not_found': { kind: 'not_found', zh: '需求预警不存在', en: 'No such demand alert' },
  'supply.no_supplier': { kind: 'invalid', zh: '该商品尚未指定供应商', en: 'The product has no supplier yet' },
  'supply.supplier_required': {
    kind: 'invalid',
    zh: '该商品有多个供应商，请选择一个',
    en: 'The product has several suppliers: choose one',
  },
  'supply.replenishment_exists': {
    kind: 'conflict',
    zh: '该预警已向此供应商发起补货',
    en: 'That alert already has a replenishment request to this supplier',
  },
  'supply.replenishment_not_found': { kind: 'not_found', zh: '补货申请不存在', en: 'No such replenishment request' },
  'supply.replenishment_state': {
    kind: 'conflict',
    zh: '补货申请当前状态不允许此操作',
    en: 'The replenishment request is not in a state that allows this',
  },
  'supply.po_not_found': { kind: 'not_found', zh: '采购单不存在', en: 'No such purchase order' },
  'supply.po_state': { kind: 'conflict', zh: '采购单当前状态不允许此操作', en: 'The purchase order is not in a state that allows this' },
  'supply.po_expected_past': { kind: 'invalid', zh: '预计到货日期不能早于今天', en: 'The expected arrival date cannot be before today' },
  'supply.po_bad_line': {
    kind: 'invalid',
    zh: '采购单行无效：行号不存在或重复、同一规格重复，或数量为零',
    en: 'Invalid purchase order line: an unknown or repeated line or SKU, or nothing on it',
  },
  'supply.not_supplied': {
    kind: 'invalid',
    zh: '该供应商未被指定供应此商品',
    en: 'That supplier is not named as a supplier of this product',
  },
  'supply.not_your_supplier': {
    kind: 'invalid',
    zh: '该机构不是本店的供应商，请先在「供应商」中添加',
    en: 'That organization is not one of your suppliers: add it under Suppliers first',
  },
  'supply.replenishment_other_supplier': {
    kind: 'invalid',
    zh: '该补货申请发给了其他供应商',
    en: 'That replenishment request went to another supplier',
  },
  'supply.over_receipt': {
    kind: 'invalid',
    zh: '收货数量超过采购数量，请填写差异说明',
    en: 'More received than ordered: give a reason for the difference',
  },
  'supply.replenishment_ordered': {
    kind: 'conflict',
    zh: '该补货申请已生成采购单',
    en: 'That replenishment request already has a purchase order',
  },
  'supply.demand_stream_accept': {
    kind: 'invalid',
    zh: '实时需求须以 text/event-stream 方式订阅',
    en: 'The live demand stream needs Accept: text/event-stream',
  },
  // ── 预售 · 反向定制 ──
  'presale.not_found': { kind: 'not_found', zh: '预售不存在', en: 'No such pre-sale' },
  'presale.state': { kind: 'conflict', zh: '预售当前状态不允许此操作', en: 'The pre-sale is not in a state that allows this' },
  'presale.windows': {
    kind: 'invalid',
    zh: '时间窗口无效：定金期须先开始后结束，尾款期须在定金期结束之后',
    en: 'Invalid windows: the deposit window must start before it ends, and the balance window must follow it',
  },
  'presale.not_your_product': { kind: 'invalid', zh: '只能为本店商品发起预售', en: 'Only your own products can be pre-sold' },
  'presale.deposit_window': {
    kind: 'conflict',
    zh: '不在定金支付期内（未开始或已结束）',
    en: 'Outside the deposit window (not started or already ended)',
  },
  'presale.balance_window': {
    kind: 'conflict',
    zh: '不在尾款支付期内：须待预售截单后、在尾款期内支付',
    en: 'Outside the balance window: the balance is paid after the pre-sale closes, within its window',
  },
  'presale.empty': { kind: 'conflict', zh: '尚无已付定金的预订，无法截单生产', en: 'No paid deposits yet: nothing to produce' },
  'presale.cancel_after_production': {
    kind: 'conflict',
    zh: '生产单已下达，预售不能再取消',
    en: 'The production order has been sent: the pre-sale can no longer be cancelled',
  },
  'presale.bad_qty': { kind: 'invalid', zh: '预订数量须大于零', en: 'The quantity must be more than zero' },
  'presale.unknown_spec': { kind: 'invalid', zh: '该规格不属于预售商品', en: 'That specification is not one of the pre-sold product’s' },
  'presale.reservation_not_found': { kind: 'not_found', zh: '预订不存在', en: 'No such reservation' },
  'presale.reservation_state': {
    kind: 'conflict',
    zh: '预订当前状态不允许此操作（定金未付、已退或尾款已付）',
    en: 'The reservation is not in a state that allows this (deposit unpaid or refunded, or balance already paid)',
  },
  'presale.production_not_found': { kind: 'not_found', zh: '生产单不存在', en: 'No such production order' },
  'presale.production_state': {
    kind: 'conflict',
    zh: '生产单当前状态不允许此操作',
    en: 'The production order is not in a state that allows this',
  },
  'presale.ship_past': { kind: 'invalid', zh: '承诺发货日不能早于今天', en: 'The promised ship date cannot be before today' },
} as const satisfies Record<string, ErrorDef>;
