import { healthSchema } from '@livehub/contracts';
import type { Container } from '../../container.ts';
import type { Api } from './types.ts';

const VERSION = '0.1.0';
const startedAt = Date.now();

export function healthRoutes(app: Api, c: Container): void {
  app.get(
    '/api/health',
    {
      config: { policy: { allow: 'public' } },
      schema: { tags: ['system'], summary: 'Database and Redis status', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_req, reply) => {
      const db = await c.database.ping().then(
        (ms) => ({ ok: true, latencyMs: round(ms) }),
        () => ({ ok: false, latencyMs: -1 }),
      );
      const redis =
        c.kv.kind === 'redis'
          ? await c.kv.ping().then(
              (ms) => ({ ok: true, enabled: true, latencyMs: round(ms) }),
              () => ({ ok: false, enabled: true, latencyMs: null }),
            )
          : { ok: true, enabled: false, latencyMs: null };
      const ok = db.ok && redis.ok;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version: VERSION,
        uptimeS: Math.round((Date.now() - startedAt) / 1000),
        database: { ...db, driver: c.database.driver },
        redis,
      });
    },
  );
}

const round = (ms: number) => Math.round(ms * 100) / 100;
