/**
 * Error codes of the transport and the platform (request, route, db, server, internal): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const PLATFORM_ERRORS = {
  'request.invalid': { kind: 'invalid', zh: '请求参数无效：{issue}', en: 'Invalid request: {issue}' },
  'request.malformed_json': { kind: 'invalid', zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'request.too_large': { kind: 'invalid', zh: '请求体过大', en: 'The request body is too large' },
  'request.unsupported_media_type': { kind: 'invalid', zh: '不支持的内容类型', en: 'Unsupported content type' },
  'request.bad_url': { kind: 'invalid', zh: '请求地址含有无效的编码', en: 'The request URL has an invalid encoding' },
  'request.uri_too_long': { kind: 'invalid', zh: '请求地址过长', en: 'The request URL is too long' },
  'request.headers_too_large': { kind: 'invalid', zh: '请求头过大', en: 'The request headers are too large' },
  'request.bad_request': { kind: 'invalid', zh: '请求格式错误，无法解析', en: 'The request could not be parsed' },
  'request.nul_byte': {
    kind: 'invalid',
    zh: '输入中含有不允许的空字符（NUL）',
    en: 'The input contains a NUL character, which is not allowed',
  },
  'route.not_found': { kind: 'not_found', zh: '接口不存在', en: 'No such endpoint' },
  'db.unavailable': { kind: 'unavailable', zh: '数据库暂不可用', en: 'The database is unavailable' },
  'db.busy': { kind: 'unavailable', zh: '系统繁忙，请稍后重试', en: 'The system is busy: try again in a moment' },
  'server.overloaded': {
    kind: 'unavailable',
    zh: '服务器繁忙，请 {seconds} 秒后重试',
    en: 'The server is overloaded: try again in {seconds} s',
  },
  internal: { kind: 'internal', zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, ErrorDef>;
