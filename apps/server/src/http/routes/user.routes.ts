import { createUserRequestSchema, userSchema } from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentUser } from '../presenters/identity.presenter.ts';
import type { Api } from './types.ts';

export function userRoutes(app: Api, c: Container): void {
  app.get(
    '/api/users',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: {
        tags: ['users'],
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (req) => ({ items: (await c.identity.listUsers(req.query.limit)).map(presentUser) }),
  );

  app.post(
    '/api/users',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: { tags: ['users'], body: createUserRequestSchema, response: { 201: userSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(presentUser(c.identity.userView(await c.identity.createUser(requireActor(req), req.body)))),
  );
}
