/**
 * Payout routes (提现): a merchant's staff, a streamer or an MCN manager withdraws from its own available balance
 * (Idempotency-Key required) and reads its payouts; the platform admin approves or rejects the large ones and holds
 * or releases a party's payouts; the payout provider's signed results (public: the signature is the authentication).
 */
import {
  idSchema,
  payoutDecisionSchema,
  payoutHoldSchema,
  payoutHoldViewSchema,
  payoutListQuerySchema,
  payoutRejectSchema,
  payoutRequestSchema,
  payoutSummarySchema,
  payoutViewSchema,
} from '@livehub/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import { presentHold, presentPayout, presentPayoutSummary } from '../presenters/payouts.presenter.ts';
import { signedNotificationRoute } from './signed-notify.ts';
import { idempotencyKey } from './idempotency-key.ts';
import type { Api } from './types.ts';

const tags = ['payouts'];
/** Who withdraws: a merchant's staff for the merchant, a streamer, an MCN manager for the MCN. */
const PAYERS = ['merchant_staff', 'streamer', 'mcn_manager'] as const;
const ADMIN = ['platform_admin'] as const;
const idParams = z.strictObject({ id: idSchema });

export function payoutRoutes(api: Api, c: Container, app: FastifyInstance): void {
  api.get(
    '/api/payouts/summary',
    {
      config: { policy: { allow: PAYERS } },
      schema: {
        tags,
        summary: 'What the caller’s party may withdraw, what is in transit, and any hold',
        response: { 200: payoutSummarySchema },
      },
    },
    async (req) => presentPayoutSummary(await c.payouts.summary(requireActor(req))),
  );

  api.get(
    '/api/payouts',
    {
      config: { policy: { allow: [...PAYERS, ...ADMIN] } },
      schema: {
        tags,
        summary: 'Payouts, newest first: the caller’s own party’s, or anyone’s for the platform',
        querystring: payoutListQuerySchema,
        response: { 200: z.array(payoutViewSchema) },
      },
    },
    async (req) => (await c.payouts.list(requireActor(req), req.query)).map(presentPayout),
  );

  idReadRoute(
    api,
    '/api/payouts/:id',
    { allow: [...PAYERS, ...ADMIN], tags, summary: 'One payout (account details masked)', params: idParams, response: payoutViewSchema },
    async (actor, id) => presentPayout(await c.payouts.get(actor, id)),
  );

  api.post(
    '/api/payouts',
    {
      config: { policy: { allow: PAYERS } },
      schema: {
        tags,
        summary: '申请提现: withdraw from the party’s available balance (Idempotency-Key required)',
        body: payoutRequestSchema,
        response: { 201: payoutViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(presentPayout(await c.payouts.request(requireActor(req), req.body, idempotencyKey(req)))),
  );

  idActionRoute(
    api,
    '/api/payouts/:id/approve',
    {
      allow: ADMIN,
      tags,
      summary: '审批通过: the payout goes to the provider',
      params: idParams,
      body: payoutDecisionSchema.optional(),
      response: payoutViewSchema,
    },
    async (actor, id, body) => presentPayout(await c.payouts.approve(actor, id, body?.reason)),
  );

  idActionRoute(
    api,
    '/api/payouts/:id/reject',
    {
      allow: ADMIN,
      tags,
      summary: '驳回: the funds return to the party’s available balance',
      params: idParams,
      body: payoutRejectSchema,
      response: payoutViewSchema,
    },
    async (actor, id, body) => presentPayout(await c.payouts.reject(actor, id, body.reason)),
  );

  api.get(
    '/api/payout-holds',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: 'Parties whose payouts are held (冻结)',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(payoutHoldViewSchema) },
      },
    },
    async (req) => (await c.payoutHolds.holds(requireActor(req), req.query.all !== 'true')).map((h) => presentHold(h.hold, h.partyName)),
  );

  createdRoute(
    api,
    '/api/payout-holds',
    {
      allow: ADMIN,
      tags,
      summary: '冻结提现: hold a party’s payouts, with a reason',
      body: payoutHoldSchema,
      response: payoutHoldViewSchema,
    },
    async (actor, body) => presentHold(await c.payoutHolds.placeHold(actor, body.partyId, body.reason), ''),
  );

  api.post(
    '/api/payout-holds/:partyId/release',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: '解除冻结: release a party’s payout hold',
        params: z.strictObject({ partyId: idSchema }),
        response: { 200: z.object({ released: z.boolean() }) },
      },
    },
    async (req) => c.payoutHolds.releaseHold(requireActor(req), req.params.partyId),
  );

  signedNotificationRoute(app, {
    path: '/api/payouts/notify/:provider',
    tags,
    summary: '转账结果通知: signed asynchronous results from the payout provider',
    handle: (provider, headers, rawBody) => c.payouts.onResult(provider, headers, rawBody),
  });
}
