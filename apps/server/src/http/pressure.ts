/**
 * The event-loop guard (@fastify/under-pressure): when the event loop falls behind — its mean delay or its
 * utilization over the last sample above the configured limits — new requests are answered at once with 503, a
 * Retry-After header and the coded bilingual `server.overloaded` body, instead of queueing behind the work that
 * saturates the process until every client (and the load balancer's health check) times out. /api/health is never
 * refused: it must keep saying whether the process is alive while it sheds load.
 */
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { errorBody, localeOf } from './errors.ts';

/** Routes answered even under pressure. */
const ALWAYS_ANSWERED = new Set(['/api/health']);

export async function installPressureGuard(app: FastifyInstance, pressure: Config['pressure']): Promise<void> {
  if (pressure.maxEventLoopDelayMs === 0 && pressure.maxEventLoopUtilization === 0) return;
  let loggedAt = 0;
  await app.register(underPressure, {
    maxEventLoopDelay: pressure.maxEventLoopDelayMs,
    maxEventLoopUtilization: pressure.maxEventLoopUtilization,
    // utilization over the last sample, not since start (the default would average a long idle night in)
    eventLoopUtilizationMode: 'interval',
    sampleInterval: pressure.sampleMs,
    retryAfter: pressure.retryAfterS,
    pressureHandler: (req, reply, type, value) => {
      if (ALWAYS_ANSWERED.has(req.routeOptions.url ?? '')) return;
      // one line a second at most: a flood of refusals must not become a flood of log lines
      if (Date.now() - loggedAt >= 1000) {
        loggedAt = Date.now();
        req.log.warn({ type, value }, 'under pressure: refusing requests with 503');
      }
      // sent here: the request's later hooks and its handler are skipped once a reply is sent
      void reply
        .status(503)
        .header('retry-after', String(pressure.retryAfterS))
        .send(errorBody('server.overloaded', localeOf(req), { details: { seconds: pressure.retryAfterS } }));
    },
  });
}
