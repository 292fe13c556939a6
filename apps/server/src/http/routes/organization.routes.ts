import {
  addMemberRequestSchema,
  createOrganizationRequestSchema,
  idSchema,
  memberSchema,
  organizationSchema,
  orgKindSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentMember, presentOrganization } from '../presenters/identity.presenter.ts';
import { ORG_MANAGERS, ORG_READERS } from './roles.ts';
import type { Api } from './types.ts';

export function organizationRoutes(app: Api, c: Container): void {
  app.get(
    '/api/orgs',
    {
      config: { policy: { allow: ORG_READERS } },
      schema: {
        tags: ['organizations'],
        summary: 'Organizations the caller may see',
        querystring: z.strictObject({ kind: orgKindSchema.optional() }),
        response: { 200: z.object({ items: z.array(organizationSchema) }) },
      },
    },
    async (req) => ({
      items: (await c.orgs.list(requireActor(req), req.query.kind ? { kind: req.query.kind } : {})).map(presentOrganization),
    }),
  );

  app.post(
    '/api/orgs',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization',
        body: createOrganizationRequestSchema,
        response: { 201: organizationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentOrganization(await c.orgs.create(requireActor(req), req.body))),
  );

  app.get(
    '/api/orgs/:id',
    {
      config: { policy: { allow: ORG_READERS } },
      schema: { tags: ['organizations'], params: z.strictObject({ id: idSchema }), response: { 200: organizationSchema } },
    },
    async (req) => presentOrganization(await c.orgs.get(requireActor(req), req.params.id)),
  );

  app.get(
    '/api/orgs/:id/members',
    {
      config: { policy: { allow: ORG_READERS } },
      schema: {
        tags: ['organizations'],
        params: z.strictObject({ id: idSchema }),
        response: { 200: z.object({ items: z.array(memberSchema) }) },
      },
    },
    async (req) => ({ items: (await c.orgs.listMembers(requireActor(req), req.params.id)).map(presentMember) }),
  );

  // Direct adds are the platform's alone (and audited); organization managers invite (invitation.routes.ts).
  app.post(
    '/api/orgs/:id/members',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: {
        tags: ['organizations'],
        summary: 'Add a member directly (platform administrators only; others send an invitation)',
        params: z.strictObject({ id: idSchema }),
        body: addMemberRequestSchema,
        response: { 201: z.object({ id: idSchema }) },
      },
    },
    async (req, reply) => {
      const m = await c.orgs.addMember(requireActor(req), req.params.id, req.body);
      return reply.status(201).send({ id: m.id });
    },
  );

  app.delete(
    '/api/orgs/:id/members/:memberId',
    {
      config: { policy: { allow: ORG_MANAGERS } },
      schema: { tags: ['organizations'], params: z.strictObject({ id: idSchema, memberId: idSchema }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await c.orgs.removeMember(requireActor(req), req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
