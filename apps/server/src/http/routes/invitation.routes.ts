/**
 * 成员邀请: organizations invite (managers), invited users accept or decline (themselves), members leave. A
 * membership of someone else's making only ever comes from the user's own acceptance.
 */
import { createInvitationRequestSchema, idSchema, invitationSchema } from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { ORG_MANAGERS } from './roles.ts';
import type { Api } from './types.ts';

const list = z.object({ items: z.array(invitationSchema) });

export function invitationRoutes(app: Api, c: Container): void {
  app.get(
    '/api/orgs/:id/invitations',
    {
      config: { policy: { allow: ORG_MANAGERS } },
      schema: {
        tags: ['organizations'],
        summary: 'The organization’s invitations, newest first (managers only)',
        params: z.strictObject({ id: idSchema }),
        response: { 200: list },
      },
    },
    async (req) => ({ items: await c.invitations.listForOrg(requireActor(req), req.params.id) }),
  );

  app.post(
    '/api/orgs/:id/invitations',
    {
      config: { policy: { allow: ORG_MANAGERS } },
      schema: {
        tags: ['organizations'],
        summary: 'Invite an existing user (by username or mobile number) to take a role; they become a member on accepting',
        params: z.strictObject({ id: idSchema }),
        body: createInvitationRequestSchema,
        response: { 201: invitationSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await c.invitations.invite(requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/orgs/:id/invitations/:invitationId/revoke',
    {
      config: { policy: { allow: ORG_MANAGERS } },
      schema: {
        tags: ['organizations'],
        summary: 'Take a pending invitation back',
        params: z.strictObject({ id: idSchema, invitationId: idSchema }),
        response: { 200: invitationSchema },
      },
    },
    async (req) => c.invitations.revoke(requireActor(req), req.params.id, req.params.invitationId),
  );

  app.get(
    '/api/me/invitations',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags: ['organizations'],
        summary: 'Invitations addressed to the caller (pending only unless all=true)',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: list },
      },
    },
    async (req) => ({ items: await c.invitations.listMine(requireActor(req), { pendingOnly: req.query.all !== 'true' }) }),
  );

  // Accepting, declining and leaving are a person's own decisions: made in a session, never by an API token.
  app.post(
    '/api/me/invitations/:id/accept',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: {
        tags: ['organizations'],
        summary: 'Accept an invitation: the membership is created',
        params: z.strictObject({ id: idSchema }),
        response: { 200: invitationSchema },
      },
    },
    async (req) => c.invitations.accept(requireActor(req), req.params.id),
  );

  app.post(
    '/api/me/invitations/:id/decline',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: {
        tags: ['organizations'],
        summary: 'Decline an invitation',
        params: z.strictObject({ id: idSchema }),
        response: { 200: invitationSchema },
      },
    },
    async (req) => c.invitations.decline(requireActor(req), req.params.id),
  );

  app.delete(
    '/api/me/memberships/:memberId',
    {
      config: { policy: { allow: 'authenticated', tokens: false } },
      schema: {
        tags: ['organizations'],
        summary: 'Leave an organization (end one of the caller’s own memberships)',
        params: z.strictObject({ memberId: idSchema }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await c.orgs.leave(requireActor(req), req.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
