/**
 * A provider's signed notification route (支付结果通知, 转账结果通知): public — the signature is the authentication —
 * and verified over the exact bytes that were signed, so its scope keeps JSON bodies as text and hands the service
 * the headers and the raw body.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withZod } from './types.ts';

export function signedNotificationRoute(
  app: FastifyInstance,
  route: {
    /** with a `:provider` parameter */
    path: string;
    tags: string[];
    summary: string;
    handle: (provider: string, headers: Record<string, string | undefined>, rawBody: string) => Promise<unknown>;
  },
): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    withZod(scope).post(
      route.path,
      {
        config: { policy: { allow: 'public' } },
        schema: { tags: route.tags, summary: route.summary, params: z.strictObject({ provider: z.string().max(20) }) },
      },
      async (req) => {
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
        return route.handle(req.params.provider, headers, typeof req.body === 'string' ? req.body : '');
      },
    );
  });
}
