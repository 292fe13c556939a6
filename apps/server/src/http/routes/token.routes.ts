import { apiTokenSchema, createApiTokenRequestSchema, createdApiTokenSchema, idSchema } from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentApiToken } from '../presenters/identity.presenter.ts';
import type { Api } from './types.ts';

export function tokenRoutes(app: Api, c: Container): void {
  // Tokens cannot mint or list tokens: only a person signed in through the page can.
  app.get(
    '/api/tokens',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: { tags: ['api tokens'], response: { 200: z.object({ items: z.array(apiTokenSchema) }) } },
    },
    async (req) => ({ items: (await c.identity.listApiTokens(requireActor(req))).map(presentApiToken) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: { tags: ['api tokens'], body: createApiTokenRequestSchema, response: { 201: createdApiTokenSchema } },
    },
    async (req, reply) => {
      const { record, token } = await c.identity.createApiToken(requireActor(req), req.body);
      return reply.status(201).send({ ...presentApiToken(record), token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: { tags: ['api tokens'], params: z.strictObject({ id: idSchema }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await c.identity.revokeApiToken(requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
