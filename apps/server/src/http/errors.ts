/**
 * The one error mapper: AppErrors, validation failures and Fastify's own errors become
 * `{ error: { code, message, field? } }` with a status from the error's kind and a message in the caller's
 * language. Anything else is a bug: logged with the request id, answered as a plain 500.
 */
import { AppError, type ErrorCode, type ErrorKind, errorMessage, isAppError } from '@livehub/core';
import type { ErrorBody } from '@livehub/contracts';
import { isDatabaseBusy } from '@livehub/db';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

const zhIssue = z.locales.zhCN().localeError;

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type Locale = 'zh-CN' | 'en-US';

export function localeOf(request: FastifyRequest): Locale {
  const h = request.headers['accept-language'];
  const first = (Array.isArray(h) ? h[0] : h)?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export function errorBody(
  code: ErrorCode,
  locale: Locale,
  opts: { field?: string | undefined; details?: Record<string, unknown>; exposeDetails?: boolean } = {},
): ErrorBody {
  return {
    error: {
      code,
      message: errorMessage(code, locale, opts.details),
      ...(opts.field ? { field: opts.field } : {}),
      ...(opts.exposeDetails && opts.details && Object.keys(opts.details).length > 0 ? { details: opts.details } : {}),
    },
  };
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.malformed_json', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.bad_request', status: 400 },
  FST_ERR_BAD_URL: { code: 'request.bad_url', status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'request.uri_too_long', status: 414 },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'request.bad_request', status: 400 },
};

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldOf(context: string | undefined, issue: ValidationIssue): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const keys = issue.params?.keys;
  // An unknown field names itself: that is the field the caller must fix.
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
    return [path, String(keys[0])].filter(Boolean).join('.');
  }
  return path || (context ?? 'body');
}

/** Zod's own Chinese wording for a validation issue (custom English messages stay for en-US). */
function issueMessage(issue: ValidationIssue, locale: Locale): string {
  const fallback = issue.message ?? 'invalid';
  if (locale === 'en-US' || !issue.keyword) return fallback;
  // zod's Chinese text for a pattern quotes the regular expression: say what the format is instead
  if (issue.keyword === 'invalid_format' && (issue.params as { format?: string } | undefined)?.format === 'regex')
    return fallback.startsWith('Invalid string') ? '格式不正确' : `格式不正确（${fallback}）`;
  try {
    const r = zhIssue({ ...(issue.params ?? {}), code: issue.keyword } as unknown as Parameters<typeof zhIssue>[0]);
    return typeof r === 'string' ? r : (r?.message ?? fallback);
  } catch {
    return fallback;
  }
}

export function sendError(reply: FastifyReply, request: FastifyRequest, err: unknown): FastifyReply {
  const locale = localeOf(request);
  if (isAppError(err)) {
    // A throttled caller (or one refused by an unavailable provider) is told when to come back, in the header clients and proxies read.
    const seconds = err.details?.seconds;
    if ((err.kind === 'rate_limited' || err.kind === 'unavailable') && typeof seconds === 'number')
      reply.header('retry-after', String(seconds));
    // A conflict names what it conflicts with (e.g. the existing plan), machine-readable for the client.
    return reply
      .status(STATUS_BY_KIND[err.kind])
      .send(errorBody(err.code, locale, { field: err.field, details: err.details, exposeDetails: err.kind === 'conflict' }));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = (err.validation[0] ?? {}) as ValidationIssue;
    const field = fieldOf(err.validationContext, issue);
    return reply
      .status(400)
      .send(errorBody('request.invalid', locale, { field, details: { issue: `${field}: ${issueMessage(issue, locale)}` } }));
  }
  const fe = err as Partial<FastifyError>;
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return reply.status(known.status).send(errorBody(known.code, locale));
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's messages quote what the client sent (the URL, a header): never echoed back.
    return reply.status(fe.statusCode).send(errorBody('request.bad_request', locale));
  }
  if (isDatabaseBusy(err)) {
    // every database connection stayed busy: overload, answered so clients back off and retry
    request.log.warn('database busy: every pool connection in use');
    return reply.status(503).header('retry-after', '1').send(errorBody('db.busy', locale));
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', locale));
}

const CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'request.headers_too_large' },
  HPE_URI_TOO_LONG: { status: 414, code: 'request.uri_too_long' },
};

/**
 * Node's `clientError`: the request could not even be parsed (headers over the size limit, garbage), so there is
 * no request to read a language from: the body is the default (Chinese) message with the one error shape, and the
 * connection closes.
 */
export function writeClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const known = (err.code && CLIENT_ERRORS[err.code]) || { status: 400, code: 'request.bad_request' as const };
  const body = JSON.stringify(errorBody(known.code, 'zh-CN'));
  socket.end(
    `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] ?? 'Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).send(errorBody('route.not_found', localeOf(request)));
}

export { AppError };
