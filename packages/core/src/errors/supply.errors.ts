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
} as const satisfies Record<string, ErrorDef>;
