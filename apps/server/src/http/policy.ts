/**
 * Route policies. Every /api route declares who may call it in `config.policy`; the server refuses to start when
 * one does not (see `enforcePolicies`). The access-control test walks every route against every role from the
 * same declarations, so what is declared is what is enforced.
 */
import type { ApiTokenScope, Role } from '@livehub/contracts';
import { AppError, type Actor, type SessionAuth } from '@livehub/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Container } from '../container.ts';

export interface RoutePolicy {
  /** 'public': anyone; 'authenticated': any signed-in user; or the roles allowed */
  allow: 'public' | 'authenticated' | readonly Role[];
  /** scope an API token needs; defaults to read for GET/HEAD and write otherwise */
  scope?: ApiTokenScope;
  /** whether API tokens may call it at all (default true; sign-in and session routes say false) */
  tokens?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /**
     * The route runs `authorize` itself, in a preValidation hook after its body is parsed, so it can answer
     * before the session is resolved (POST /api/orders: a sold-out flash sale, ADR 0011). The policy still holds.
     */
    authAfterBody?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionAuth: SessionAuth | null;
  }
}

export const SESSION_COOKIE = 'lh_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every route the app registered, with its policy: the access-control test's table of truth. */
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

export function enforcePolicies(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (route.url.startsWith('/api') && !policy) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no access policy`);
    }
    for (const m of methods) if (m !== 'HEAD') registry.push({ method: m, url: route.url, policy });
  });
}

export function installAuth(app: FastifyInstance, c: Container): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionAuth', null);

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (!config.policy || config.authAfterBody) return; // static files and docs; routes that authorize later
    await authorize(request, c, config.policy);
  });
}

/** Resolves the caller and enforces the route's policy: session or token, CSRF for cookie writes, the roles. */
export async function authorize(request: FastifyRequest, c: Container, policy: RoutePolicy): Promise<void> {
  await resolveActor(request, c);
  if (policy.allow === 'public') return;
  const actor = request.actor;
  if (!actor) throw new AppError('auth.required');
  if (actor.via === 'token') {
    if (policy.tokens === false) throw new AppError('auth.forbidden');
    const need: ApiTokenScope = policy.scope ?? (SAFE_METHODS.has(request.method) ? 'read' : 'write');
    if (!actor.scopes?.includes(need)) throw new AppError('auth.scope', { details: { scope: need } });
  } else if (!SAFE_METHODS.has(request.method)) {
    // Cookie-authenticated writes must prove they come from our page: the CSRF token is only readable by it.
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== request.sessionAuth?.session.csrfToken) throw new AppError('auth.csrf');
  }
  if (policy.allow !== 'authenticated' && !(policy.allow as readonly string[]).includes(actor.role)) {
    throw new AppError('auth.forbidden');
  }
}

async function resolveActor(request: FastifyRequest, c: Container): Promise<void> {
  const authz = request.headers.authorization;
  const meta = { requestId: request.id, ip: request.ip };
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    const actor = m?.[1] ? await c.identity.authenticateToken(m[1]) : null;
    if (!actor) throw new AppError('auth.invalid_token');
    request.actor = { ...actor, ...meta };
    return;
  }
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return;
  const auth = await c.identity.authenticateSession(unsigned.value);
  if (!auth) return;
  request.sessionAuth = auth;
  request.actor = { ...auth.actor, ...meta };
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

export function requireSession(request: FastifyRequest): SessionAuth {
  if (!request.sessionAuth || !request.actor) throw new AppError('auth.required');
  return { ...request.sessionAuth, actor: request.actor };
}
