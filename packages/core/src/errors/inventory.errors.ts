/**
 * Error codes of inventory (inventory): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const INVENTORY_ERRORS = {
  'inventory.warehouse_not_found': { kind: 'not_found', zh: '仓库不存在', en: 'No such warehouse' },
  'inventory.sku_not_found': { kind: 'not_found', zh: '商品规格不存在', en: 'No such SKU' },
  'inventory.warehouse_closed': { kind: 'conflict', zh: '仓库已停用', en: 'The warehouse is closed' },
  'inventory.name_taken': { kind: 'conflict', zh: '已有同名仓库', en: 'There is already a warehouse of that name' },
  'inventory.below_reserved': {
    kind: 'conflict',
    zh: '可售库存不足：调减后将低于已占用的数量',
    en: 'Below reserved: the change would leave less than the units already promised',
  },
  'inventory.insufficient': { kind: 'conflict', zh: '该仓库在库数量不足', en: 'Not enough on hand in this warehouse' },
  'inventory.no_warehouse': {
    kind: 'conflict',
    zh: '没有一个仓库备齐本单全部商品，请指定发货仓',
    en: 'No single warehouse holds every line of this order: choose one',
  },
  'inventory.same_warehouse': { kind: 'invalid', zh: '调出与调入仓库不能相同', en: 'Transfer between two different warehouses' },
} as const satisfies Record<string, ErrorDef>;
