/**
 * Credit routes (信用 · 分级管理): each party reads its own credit (我的信用); the platform and regulators read every
 * party's, the distribution and the tier moves; the platform records events by hand (an administrative penalty, a
 * completed training) and runs a full recompute. docs/credit.md.
 */
import {
  creditDetailSchema,
  creditEventCreateSchema,
  creditEventViewSchema,
  creditListQuerySchema,
  creditListSchema,
  creditModelPublishResultSchema,
  creditModelVersionSchema,
  creditRecomputeResultSchema,
  creditStatsSchema,
  idSchema,
} from '@livehub/contracts';
import type { CreditEventKind } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentCreditDetail, presentCreditEvent, presentCreditSummary } from '../presenters/credit.presenter.ts';
import { createdRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['credit'];
/** The parties with a credit record: a streamer, a merchant's staff, an MCN manager, a base operator. */
export const CREDIT_PARTIES = ['streamer', 'merchant_staff', 'mcn_manager', 'base_operator'] as const;
/** Who reads every party's credit. */
export const CREDIT_READERS = ['platform_admin', 'reviewer', 'regulator'] as const;
const ADMIN = ['platform_admin'] as const;
const idParams = z.strictObject({ id: idSchema });

export function creditRoutes(api: Api, c: Container): void {
  api.get(
    '/api/credit/me',
    {
      config: { policy: { allow: CREDIT_PARTIES } },
      schema: {
        tags,
        summary: '我的信用: the caller’s party’s score, the events behind it, the measures in force',
        response: { 200: creditDetailSchema },
      },
    },
    async (req) => presentCreditDetail(await c.creditView.mine(requireActor(req))),
  );

  api.get(
    '/api/credit/parties',
    {
      config: { policy: { allow: CREDIT_READERS } },
      schema: {
        tags,
        summary: 'Parties by score, lowest first; filter by tier and kind',
        querystring: creditListQuerySchema,
        response: { 200: creditListSchema },
      },
    },
    async (req) => {
      const page = await c.creditView.list(requireActor(req), req.query);
      return { items: page.items.map(presentCreditSummary), next: page.next };
    },
  );

  idReadRoute(
    api,
    '/api/credit/parties/:id',
    {
      allow: [...CREDIT_READERS, ...CREDIT_PARTIES],
      tags,
      summary: 'One party’s credit with its explanation',
      params: idParams,
      response: creditDetailSchema,
    },
    async (actor, id) => presentCreditDetail(await c.creditView.detail(actor, id)),
  );

  api.get(
    '/api/credit/stats',
    {
      config: { policy: { allow: CREDIT_READERS } },
      schema: {
        tags,
        summary: 'The distribution by tier, the histogram of scores and the tier moves per day',
        response: { 200: creditStatsSchema },
      },
    },
    async (req) => c.creditView.stats(requireActor(req)),
  );

  api.get(
    '/api/credit/model',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: 'The credit model in force: dimensions, weights, rules, tiers, measures, changelog',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => c.credit.model as unknown as Record<string, unknown>,
  );

  createdRoute(
    api,
    '/api/credit/events',
    {
      allow: ADMIN,
      tags,
      summary: 'Record a credit event by hand (an administrative penalty, a completed training)',
      body: creditEventCreateSchema,
      response: creditEventViewSchema,
    },
    async (actor, body) =>
      presentCreditEvent(
        await c.credit.record(actor, {
          partyId: body.partyId,
          kind: body.kind as CreditEventKind,
          data: body.data,
          at: body.at ? new Date(body.at) : undefined,
          note: body.note,
        }),
      ),
  );

  api.post(
    '/api/credit/recompute',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: 'Recompute every party’s score from its events (after a change of model)',
        response: { 200: creditRecomputeResultSchema },
      },
    },
    async (req) => c.creditRecompute.recompute(requireActor(req)),
  );

  api.get(
    '/api/credit/models',
    {
      config: { policy: { allow: CREDIT_READERS } },
      schema: {
        tags,
        summary: 'The model’s published versions, newest first (the default model until one is published)',
        response: { 200: z.array(creditModelVersionSchema) },
      },
    },
    async () => (await c.creditModels.versions()).map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  );

  api.post(
    '/api/credit/models',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: 'Publish a new version of the model (validated; everyone is re-scored under it)',
        body: z.record(z.string(), z.unknown()),
        response: { 200: creditModelPublishResultSchema },
      },
    },
    async (req) => c.creditModels.publish(requireActor(req), req.body),
  );
}
