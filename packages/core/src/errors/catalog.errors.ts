/**
 * Error codes of catalog (catalog): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const CATALOG_ERRORS = {
  'catalog.category_not_found': { kind: 'invalid', zh: '商品类目不存在', en: 'No such product category' },
  'catalog.brand_not_found': { kind: 'not_found', zh: '品牌不存在', en: 'No such brand' },
  'catalog.brand_duplicate': { kind: 'conflict', zh: '品牌「{name}」已存在', en: 'The brand “{name}” already exists' },
  'catalog.brand_unauthorized': {
    kind: 'invalid',
    zh: '「{brand}」列入重点商标保护名录，须先提交权利人的有效品牌授权',
    en: '“{brand}” is on the key-trademark protection list: file a valid authorization from the rights holder first',
  },
  'catalog.brand_protection_forbidden': {
    kind: 'forbidden',
    zh: '只有平台管理员或知识产权部门可以维护重点商标保护名录',
    en: 'Only the platform or the intellectual-property office keeps the key-trademark protection list',
  },
  'catalog.image_invalid': { kind: 'invalid', zh: '商品图片须为 JPEG 或 PNG', en: 'Product images must be JPEG or PNG' },
  'catalog.product_not_found': { kind: 'not_found', zh: '商品不存在', en: 'No such product' },
  'catalog.sku_not_found': { kind: 'not_found', zh: 'SKU 不存在', en: 'No such SKU' },
  'catalog.not_editable': { kind: 'conflict', zh: '商品审核中，暂不能修改', en: 'The product is in review and cannot be edited' },
  'catalog.not_listed': { kind: 'conflict', zh: '商品当前不在售（{status}）', en: 'The product is not on sale ({status})' },
  'catalog.already_submitted': {
    kind: 'conflict',
    zh: '商品已提交审核或已通过（{status}）',
    en: 'The product is already in review or approved ({status})',
  },
  'catalog.listing_not_allowed': {
    kind: 'forbidden',
    zh: '商家当前不能发布商品：{reasons}',
    en: 'This merchant may not list products now: {reasons}',
  },
  'catalog.stale': { kind: 'conflict', zh: '商品已被他人修改，请刷新后重试', en: 'The product was changed meanwhile: reload and retry' },
} as const satisfies Record<string, ErrorDef>;
