/** The Idempotency-Key header, checked: absent is fine (the route decides), malformed is a field error. */
import { idempotencyKeySchema } from '@livehub/contracts';
import { AppError } from '@livehub/core';
import type { FastifyRequest } from 'fastify';

export function idempotencyKey(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!parsed.success)
    throw new AppError('request.invalid', { field: 'Idempotency-Key', details: { issue: parsed.error.issues[0]?.message ?? 'invalid' } });
  return parsed.data;
}
