/**
 * Guards every request's input before validation: text that contains a NUL character (U+0000) is refused with a
 * 400 naming the field. PostgreSQL cannot store NUL in text, so without this a NUL in a query string or a JSON
 * body reached the database (or the audit row written with the change) and came back as a 500. Routes whose input is
 * text to be screened opt out (`screensRawText`).
 */
import { AppError } from '@livehub/core';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route screens the text it is given (compliance ingestion and preview): a NUL inside it is an evasion
     * (加\0微信) the screening engine removes and catches, not input to refuse — refusing would leave it unscreened.
     * The services never store such text unnormalized.
     */
    screensRawText?: boolean;
  }
}

const MAX_DEPTH = 32;

/**
 * The dotted path of the first string (value or key) holding a NUL, or null. Buffers (uploads) are not text.
 * Every request body passes through here, so the walk allocates nothing unless it finds one.
 */
export function findNul(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? '' : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], depth + 1);
      if (hit !== null) return join(String(i), hit);
    }
    return null;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    if (k.includes('\u0000')) return k.replaceAll('\u0000', '\\0');
    const hit = findNul((value as Record<string, unknown>)[k], depth + 1);
    if (hit !== null) return join(k, hit);
  }
  return null;
}

const join = (head: string, rest: string) => (rest === '' ? head : `${head}.${rest}`);

export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.screensRawText) return;
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const field = findNul(value);
      if (field !== null) throw new AppError('request.nul_byte', { field: field || part });
    }
  });
}
