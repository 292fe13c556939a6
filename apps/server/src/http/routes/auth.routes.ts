import { loginRequestSchema, meSchema, registerConsumerRequestSchema, switchOrgRequestSchema } from '@livehub/contracts';
import type { LoginMeta, MeView } from '@livehub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireSession, SESSION_COOKIE } from '../policy.ts';
import { presentMe } from '../presenters/identity.presenter.ts';
import type { Api } from './types.ts';

export function authRoutes(app: Api, c: Container): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: c.config.cookieSecure,
      signed: true,
      maxAge: 7 * 24 * 3600,
    });
  /** A session started: its cookie set, the caller's view returned. */
  const signedIn = (reply: FastifyReply, session: { token: string; me: MeView }) => {
    setCookie(reply, session.token);
    return presentMe(session.me);
  };
  const loginMeta = (req: FastifyRequest): LoginMeta => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });

  app.post(
    '/api/auth/login',
    {
      config: { policy: { allow: 'public', tokens: false } },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: loginRequestSchema, response: { 200: meSchema } },
    },
    async (req, reply) => {
      return signedIn(reply, await c.identity.login(req.body.username, req.body.password, loginMeta(req)));
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { policy: { allow: 'public', tokens: false } },
      schema: { tags: ['auth'], summary: 'Consumer sign-up; signs in', body: registerConsumerRequestSchema, response: { 200: meSchema } },
    },
    async (req, reply) => {
      return signedIn(reply, await c.identity.registerConsumer(req.body, loginMeta(req)));
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await c.identity.logout(requireSession(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags: ['auth'], summary: 'The signed-in user, memberships and active role', response: { 200: meSchema } },
    },
    async (req) => {
      const actor = req.actor;
      if (req.sessionAuth && actor) return presentMe(await c.identity.me({ ...req.sessionAuth, actor }));
      return presentMe(await c.identity.me({ actor: actor ?? requireSession(req).actor, session: null }));
    },
  );

  app.post(
    '/api/auth/switch',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: {
        tags: ['auth'],
        summary: 'Act through another membership (organization switcher)',
        body: switchOrgRequestSchema,
        response: { 200: meSchema },
      },
    },
    async (req) => presentMe(await c.identity.switchMembership(requireSession(req), req.body.membershipId)),
  );
}
