/**
 * Builds the Fastify application: validation and OpenAPI from zod, cookies, the auth hook, every route, the web
 * app's static files, and the one error mapper. Stateless: everything it needs comes from the container.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyWebsocket from '@fastify/websocket';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Container } from '../container.ts';
import { notFound, sendError, writeClientError } from './errors.ts';
import { installInputGuards } from './input-guards.ts';
import { documentRoute, withWebSocketRoutes } from './openapi.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { enforcePolicies, installAuth, type RegisteredRoute } from './policy.ts';
import { installPressureGuard } from './pressure.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { catalogRoutes } from './routes/catalog.routes.ts';
import { selectionRoutes } from './routes/selection.routes.ts';
import { matchingRoutes } from './routes/matching.routes.ts';
import { liveRoutes } from './routes/live.routes.ts';
import { feeRateRoutes } from './routes/fee-rate.routes.ts';
import { orderRoutes } from './routes/order.routes.ts';
import { settlementRoutes } from './routes/settlement.routes.ts';
import { depositRoutes } from './routes/deposit.routes.ts';
import { payoutRoutes } from './routes/payout.routes.ts';
import { creditRoutes } from './routes/credit.routes.ts';
import { creditModeRoutes } from './routes/credit-modes.routes.ts';
import { disputesRoutes } from './routes/disputes.routes.ts';
import { reportsRoutes } from './routes/reports.routes.ts';
import { statisticsRoutes } from './routes/statistics.routes.ts';
import { supervisionRoutes } from './routes/supervision.routes.ts';
import { ipNoticeRoutes } from './routes/ip-notice.routes.ts';
import { exchangeRoutes } from './routes/exchange.routes.ts';
import { creditAppealRoutes } from './routes/credit-appeals.routes.ts';
import { notificationRoutes } from './routes/notifications.routes.ts';
import { roomRoutes } from './routes/room.routes.ts';
import { reconciliationRoutes } from './routes/reconciliation.routes.ts';
import { statementRoutes } from './routes/statement.routes.ts';
import { complianceRoutes } from './routes/compliance.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { programmesRoutes } from './routes/programmes.routes.ts';
import { presaleRoutes } from './routes/presale.routes.ts';
import { supplyRoutes } from './routes/supply.routes.ts';
import { campaignsRoutes } from './routes/campaigns.routes.ts';
import { fundingRoutes } from './routes/funding.routes.ts';
import { policiesRoutes } from './routes/policies.routes.ts';
import { inventoryRoutes } from './routes/inventory.routes.ts';
import { organizationRoutes } from './routes/organization.routes.ts';
import { invitationRoutes } from './routes/invitation.routes.ts';
import { registryRoutes } from './routes/registry.routes.ts';
import { tokenRoutes } from './routes/token.routes.ts';
import { withZod } from './routes/types.ts';
import { userRoutes } from './routes/user.routes.ts';
import { workbenchRoutes } from './routes/workbench.routes.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface BuildAppOptions {
  logger?: boolean;
  /** serve the built web app (default: when it has been built) */
  serveWeb?: boolean;
}

export interface App {
  app: FastifyInstance;
  routes: RegisteredRoute[];
}

let reqSeq = 0;

export async function buildApp(c: Container, opts: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: c.config.logLevel,
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers["x-device-id"]'],
              censor: '[redacted]',
            },
          },
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies (LIVEHUB_TRUST_PROXY); by default from no one.
    trustProxy: c.config.trustProxy.length > 0 ? c.config.trustProxy : false,
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && /^[\w.-]{1,64}$/.test(h)
        ? h
        : `${process.pid.toString(36)}-${Date.now().toString(36)}-${(++reqSeq).toString(36)}`;
    },
    ajv: { customOptions: { removeAdditional: false } },
    // Errors Fastify raises before a route runs (bad percent-encoding, an over-long path parameter) get the one
    // error shape, without echoing the URL; so do those Node raises before Fastify sees a request (431, 400).
    frameworkErrors: (err, request, reply) => sendError(reply, request, err),
    clientErrorHandler: writeClientError,
  });
  // The API speaks JSON only; anything else is a 415, not a string that fails validation further on.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, request, reply) => sendError(reply, request, err));
  app.setNotFoundHandler((request, reply) => {
    const serveSpa = opts.serveWeb !== false && request.method === 'GET' && !request.url.startsWith('/api') && existsSync(WEB_DIST);
    // Client-side routes (/login, /review/…) get the app; a missing asset (a path with an extension) stays a 404.
    const path = request.url.split('?')[0] ?? '';
    if (serveSpa && !/\.[a-z0-9]+$/i.test(path)) return reply.sendFile('index.html', WEB_DIST);
    return notFound(request, reply);
  });
  installSecurityHeaders(app, c.config);
  installInputGuards(app);

  const routes: RegisteredRoute[] = [];
  enforcePolicies(app, routes);

  // first of all hooks: a refused request costs no cookie parsing, session look-up or validation
  await installPressureGuard(app, c.config.pressure);
  await app.register(fastifyCookie, { secret: c.config.sessionSecret.toString('base64') });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'LiveHub API', description: 'Live-streaming e-commerce with governance built in', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lh_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: (input) => documentRoute(input, jsonSchemaTransform(input)),
    transformObject: (input) => withWebSocketRoutes('openapiObject' in input ? input.openapiObject : input.swaggerObject),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  // Live rooms: frames are small; a client sending more than this is cut off by ws itself.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  installAuth(app, c);

  const api = withZod(app);
  healthRoutes(api, c);
  authRoutes(api, c);
  workbenchRoutes(api, c);
  organizationRoutes(api, c);
  invitationRoutes(api, c);
  userRoutes(api, c);
  tokenRoutes(api, c);
  auditRoutes(api, c);
  complianceRoutes(api, c);
  registryRoutes(api, c, app);
  catalogRoutes(api, c);
  selectionRoutes(api, c);
  matchingRoutes(api, c);
  liveRoutes(api, c);
  orderRoutes(api, c, app);
  feeRateRoutes(api, c);
  settlementRoutes(api, c);
  payoutRoutes(api, c, app);
  depositRoutes(api, c);
  creditRoutes(api, c);
  creditModeRoutes(api, c);
  creditAppealRoutes(api, c);
  disputesRoutes(api, c);
  reportsRoutes(api, c);
  supervisionRoutes(api, c);
  ipNoticeRoutes(api, c);
  exchangeRoutes(api, c);
  statisticsRoutes(api, c);
  notificationRoutes(api, c);
  roomRoutes(app, c);
  statementRoutes(api, c);
  reconciliationRoutes(api, c);
  programmesRoutes(api, c);
  supplyRoutes(api, c);
  presaleRoutes(api, c);
  campaignsRoutes(api, c);
  policiesRoutes(api, c);
  fundingRoutes(api, c);
  inventoryRoutes(api, c);

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  await app.ready();
  // The simulated provider delivers its notifications to our own route, as a provider's servers would over HTTP.
  c.payoutProviders.sim.setDeliver(
    async (headers, body) => (await app.inject({ method: 'POST', url: '/api/payouts/notify/sim', headers, payload: body })).statusCode,
  );
  // The simulated carrier pushes to the subscription's callback URL: in process, to its path on this app.
  c.carriers.sim.setDeliver(
    async (url, headers, body) => (await app.inject({ method: 'POST', url: new URL(url).pathname, headers, payload: body })).statusCode,
  );
  c.payments.sim.setDeliver(
    async (headers, body) => (await app.inject({ method: 'POST', url: '/api/payments/notify/sim', headers, payload: body })).statusCode,
  );
  return { app, routes };
}
