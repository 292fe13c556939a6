/**
 * Error codes of registry (registry, document): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const REGISTRY_ERRORS = {
  'document.not_found': { kind: 'not_found', zh: '文件不存在', en: 'No such document' },
  'document.empty': { kind: 'invalid', zh: '文件为空', en: 'The file is empty' },
  'document.too_large': { kind: 'invalid', zh: '文件超过 {maxMb} MB 限制', en: 'The file exceeds the {maxMb} MB limit' },
  'document.unsupported_type': {
    kind: 'invalid',
    zh: '仅支持 PDF、JPEG、PNG 文件（按文件内容识别）',
    en: 'Only PDF, JPEG and PNG files are accepted (identified by content)',
  },
  'document.type_mismatch': { kind: 'invalid', zh: '文件内容与声明的类型不符', en: 'The file content does not match its declared type' },
  'document.type_invalid': { kind: 'invalid', zh: '材料类型无效', en: 'Invalid document type' },
  'document.malformed': {
    kind: 'invalid',
    zh: '文件内容残缺，或在文件末尾附加了其他数据，请上传原始文件',
    en: 'The file is truncated or has other data appended; upload the original file',
  },
  'document.expired': {
    kind: 'invalid',
    zh: '有效期已过（{date}），请上传在有效期内的材料',
    en: 'The document expired on {date}; upload one that is still valid',
  },
  'document.expiry_invalid': {
    kind: 'invalid',
    zh: '有效期不合理（{date}）：长期有效的证照请不填有效期',
    en: 'Implausible expiry date ({date}): leave it empty for documents valid indefinitely',
  },
  'registry.credit_code_invalid': {
    kind: 'invalid',
    zh: '统一社会信用代码无效：{reason}',
    en: 'Invalid unified social credit code: {reason}',
  },
  'registry.id_number_invalid': { kind: 'invalid', zh: '身份证号码无效：{reason}', en: 'Invalid ID number: {reason}' },
  'registry.under_16': {
    kind: 'invalid',
    zh: '未满十六周岁不得注册为直播营销人员',
    en: 'Under-16s may not register as live-marketing streamers',
  },
  'registry.guardian_consent_required': {
    kind: 'invalid',
    zh: '十六至十八周岁需提交监护人同意书',
    en: 'Streamers aged 16–17 need a guardian-consent document',
  },
  'registry.professional_licence_required': {
    kind: 'invalid',
    zh: '涉及{topic}类内容需提交执业资质',
    en: 'Content on {topic} needs a professional licence',
  },
  'registry.virtual_operator_required': {
    kind: 'invalid',
    zh: '数字人主播须登记运营责任人、肖像授权和标识',
    en: 'A digital-human streamer needs a responsible operator, likeness consent and a label',
  },
  'registry.qualification_required': {
    kind: 'invalid',
    zh: '经营{category}类目需提交相应资质（{document}）',
    en: 'The {category} category needs the qualification document {document}',
  },
  'registry.duplicate': { kind: 'conflict', zh: '{what}已登记（{existing}）', en: '{what} is already registered ({existing})' },
  'registry.not_found': { kind: 'not_found', zh: '登记记录不存在', en: 'No such registration' },
} as const satisfies Record<string, ErrorDef>;
