/**
 * Selection-center routes (选品中心): the MCNs a plan may name, commission plans, the selection square's search and
 * pool products, sample requests (寄样) and live service agreements (直播服务协议). Thin: validate, call the
 * selection or agreement service, present with the pure presenters in presenters/selection.presenter.ts.
 */
import {
  acceptAgreementSchema,
  agreementViewSchema,
  amendAgreementSchema,
  createAgreementSchema,
  createPlanSchema,
  idSchema,
  planViewSchema,
  productViewSchema,
  sampleActionSchema,
  sampleListQuerySchema,
  sampleRequestSchema,
  sampleViewSchema,
  selectionCardSchema,
  selectionPageSchema,
  selectionSearchQuerySchema,
  terminateAgreementSchema,
} from '@livehub/contracts';
import { AppError, isCrossTenant } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import { presentProduct } from '../presenters/catalog.presenter.ts';
import { presentAgreement, presentCard, presentPlan, presentSample } from '../presenters/selection.presenter.ts';
import { CATALOG_READERS, MERCHANT } from './roles.ts';
import type { Api } from './types.ts';

const POOL_READERS = ['streamer', 'mcn_manager', 'platform_admin', 'reviewer', 'regulator'] as const;
const SAMPLE_PARTIES = ['merchant_staff', 'streamer', 'mcn_manager', 'platform_admin', 'reviewer', 'regulator'] as const;
const AGREEMENT_PARTIES = SAMPLE_PARTIES;
/** who may amend, accept or terminate an agreement: its two sides and the streamer's MCN */
const AGREEMENT_SIGNERS = ['merchant_staff', 'streamer', 'mcn_manager'] as const;

export function selectionRoutes(api: Api, c: Container): void {
  const idParams = z.strictObject({ id: idSchema });

  api.get(
    '/api/selection/mcns',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin', 'reviewer', 'regulator'] } },
      schema: {
        tags: ['selection'],
        summary: 'MCN agencies a merchant may name as plan partners (names only)',
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async () => c.selection.listMcns(),
  );

  // ---- commission plans, the pool and its search --------------------------------------------------------------------------------------

  api.get(
    '/api/selection/plans',
    {
      config: { policy: { allow: CATALOG_READERS } },
      schema: {
        tags: ['selection'],
        summary: 'Commission plans of a product (or all of the merchant’s)',
        querystring: z.strictObject({ productId: idSchema.optional() }),
        response: { 200: z.array(planViewSchema) },
      },
    },
    async (req) => (await c.selection.listPlans(requireActor(req), req.query.productId)).map(presentPlan),
  );

  createdRoute(
    api,
    '/api/selection/plans',
    {
      allow: MERCHANT,
      tags: ['selection'],
      summary: 'Put an approved product in the pool under a commission plan (open, targeted or exclusive)',
      body: createPlanSchema,
      response: planViewSchema,
    },
    async (actor, body) => presentPlan(await c.selection.createPlan(actor, body)),
  );

  idActionRoute(
    api,
    '/api/selection/plans/:id/end',
    { allow: MERCHANT, tags: ['selection'], summary: 'End a commission plan now', params: idParams, response: planViewSchema },
    async (actor, id) => presentPlan(await c.selection.endPlan(actor, id)),
  );

  api.get(
    '/api/selection/search',
    {
      config: { policy: { allow: POOL_READERS } },
      schema: {
        tags: ['selection'],
        summary: '选品广场: search the pool in Chinese ("保温杯 316") with filters; a streamer sees the plans offered to them',
        querystring: selectionSearchQuerySchema,
        response: { 200: selectionPageSchema },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await c.selection.search(requireActor(req), {
        ...q,
        inStock: q.inStock === undefined ? undefined : q.inStock === 'true',
        sampleAvailable: q.sampleAvailable === undefined ? undefined : q.sampleAvailable === 'true',
      });
      return { items: r.items.map(presentCard), total: r.total, page: q.page, pageSize: q.pageSize, tookMs: r.tookMs };
    },
  );

  api.get(
    '/api/selection/products/:id',
    {
      config: { policy: { allow: [...POOL_READERS, 'merchant_staff'] } },
      schema: {
        tags: ['selection'],
        summary: 'A pool product with the commission plans that apply to the caller',
        params: idParams,
        response: { 200: z.object({ card: selectionCardSchema, product: productViewSchema, plans: z.array(planViewSchema) }) },
      },
    },
    async (req) => {
      const r = await c.selection.poolProduct(requireActor(req), req.params.id);
      return { card: presentCard(r.listing), product: presentProduct(r.detail), plans: r.plans.map(presentPlan) };
    },
  );

  // ---- samples ------------------------------------------------------------------------------------------------------

  api.get(
    '/api/samples',
    {
      config: { policy: { allow: SAMPLE_PARTIES } },
      schema: {
        tags: ['selection'],
        summary: 'Sample requests: a streamer’s own, a merchant’s incoming, an MCN’s streamers’ (contacts masked)',
        querystring: sampleListQuerySchema,
        response: { 200: z.array(sampleViewSchema) },
      },
    },
    async (req) => {
      const list = await c.selection.listSamples(requireActor(req), {
        status: req.query.status,
        overdue: req.query.overdue === undefined ? undefined : req.query.overdue === 'true',
      });
      return list.map(presentSample);
    },
  );

  createdRoute(
    api,
    '/api/samples',
    {
      allow: ['streamer'],
      tags: ['selection'],
      summary: '寄样: a streamer requests a sample',
      body: sampleRequestSchema,
      response: sampleViewSchema,
    },
    async (actor, body) => presentSample(await c.selection.requestSample(actor, body)),
  );

  idReadRoute(
    api,
    '/api/samples/:id',
    { allow: SAMPLE_PARTIES, tags: ['selection'], summary: 'A sample request', params: idParams, response: sampleViewSchema },
    async (actor, id) => presentSample(await c.selection.getSample(actor, id)),
  );

  idActionRoute(
    api,
    '/api/samples/:id/actions',
    {
      allow: ['merchant_staff', 'streamer'],
      tags: ['selection'],
      summary: 'Move a sample request: approve / decline / ship / receive / feature / ship_return / confirm_return / cancel',
      params: idParams,
      body: sampleActionSchema,
      response: sampleViewSchema,
    },
    async (actor, id, body) => presentSample(await c.selection.sampleAction(actor, id, body)),
  );

  api.get(
    '/api/samples/:id/shipping-label',
    {
      config: { policy: { allow: MERCHANT } },
      schema: {
        tags: ['selection'],
        summary: '面单: the full recipient, phone and address for the shipping merchant (audited)',
        params: idParams,
        response: { 200: z.object({ recipient: z.string(), phone: z.string(), address: z.string() }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return c.selection.shippingLabel(requireActor(req), req.params.id);
    },
  );

  // ---- agreements ------------------------------------------------------------------------------------------------

  const agreementTags = ['agreements'];
  api.get(
    '/api/agreements',
    {
      config: { policy: { allow: AGREEMENT_PARTIES } },
      schema: {
        tags: agreementTags,
        summary: 'Live service agreements the caller is party to',
        querystring: z.strictObject({ status: z.enum(['pending', 'in_force', 'terminated', 'expired']).optional() }),
        response: { 200: z.array(agreementViewSchema) },
      },
    },
    async (req) => {
      return (await c.agreements.listViews(requireActor(req), req.query.status)).map(presentAgreement);
    },
  );

  createdRoute(
    api,
    '/api/agreements',
    {
      allow: ['merchant_staff', 'streamer'],
      tags: agreementTags,
      summary: '直播服务协议: propose an agreement (the proposer’s side accepts it)',
      body: createAgreementSchema,
      response: agreementViewSchema,
    },
    async (actor, body) => presentAgreement(await c.agreements.create(actor, body)),
  );

  idReadRoute(
    api,
    '/api/agreements/:id',
    {
      allow: AGREEMENT_PARTIES,
      tags: agreementTags,
      summary: 'An agreement with every version, its hash and its acceptances',
      params: idParams,
      response: agreementViewSchema,
    },
    async (actor, id) => presentAgreement(await c.agreements.view(actor, id)),
  );

  idActionRoute(
    api,
    '/api/agreements/:id/versions',
    {
      allow: AGREEMENT_SIGNERS,
      tags: agreementTags,
      summary: 'Propose new terms (a new immutable version)',
      params: idParams,
      body: amendAgreementSchema,
      response: agreementViewSchema,
    },
    async (actor, id, body) => presentAgreement(await c.agreements.amend(actor, id, body.terms)),
  );

  idActionRoute(
    api,
    '/api/agreements/:id/accept',
    {
      allow: AGREEMENT_SIGNERS,
      tags: agreementTags,
      summary: 'Accept the current version by its content hash',
      params: idParams,
      body: acceptAgreementSchema,
      response: agreementViewSchema,
    },
    async (actor, id, body) => presentAgreement(await c.agreements.accept(actor, id, body)),
  );

  idActionRoute(
    api,
    '/api/agreements/:id/terminate',
    {
      allow: AGREEMENT_SIGNERS,
      tags: agreementTags,
      summary: 'Terminate an agreement (any party, with a reason)',
      params: idParams,
      body: terminateAgreementSchema,
      response: agreementViewSchema,
    },
    async (actor, id, body) => presentAgreement(await c.agreements.terminate(actor, id, body.reason)),
  );

  api.get(
    '/api/agreements/in-force',
    {
      config: { policy: { allow: AGREEMENT_PARTIES } },
      schema: {
        tags: agreementTags,
        summary: 'Whether an agreement in force lets a streamer sell a product now (what the live room checks)',
        querystring: z.strictObject({ merchantOrgId: idSchema, streamerUserId: idSchema, productId: idSchema }),
        response: { 200: z.object({ inForce: z.boolean(), agreementId: z.string().nullable(), version: z.number().int().nullable() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const mine = isCrossTenant(actor) || actor.orgId === q.merchantOrgId || actor.userId === q.streamerUserId;
      if (!mine) throw new AppError('agreement.not_found', { field: 'merchantOrgId' });
      const a = await c.agreements.inForce(q);
      return { inForce: a !== null, agreementId: a?.id ?? null, version: a?.inForceVersion ?? null };
    },
  );
}
