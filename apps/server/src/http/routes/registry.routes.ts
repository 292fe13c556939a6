import {
  applicationActionSchema,
  applicationListQuerySchema,
  applicationViewSchema,
  documentSchema,
  gateSchema,
  idSchema,
  objectionSchema,
  registerBaseSchema,
  registerMcnSchema,
  registerMerchantSchema,
  registerProviderSchema,
  registerStreamerSchema,
  talentSchema,
  trainingSchema,
  uploadQuerySchema,
} from '@livehub/contracts';
import { AppError } from '@livehub/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute } from '../route-helpers.ts';
import { presentPublicStreamer, presentRegistration, registryExportCsv } from '../presenters/registry.presenter.ts';
import { presentApplication, presentDocument } from '../presenters/workflows.presenter.ts';
import type { Api } from './types.ts';

const ANY_SIGNED_IN = 'authenticated' as const;
const created = z.object({ applicationId: z.string(), orgId: z.string().nullable(), step: z.string(), status: z.string() });

export function registryRoutes(api: Api, c: Container, app: FastifyInstance): void {
  // Documents arrive as the raw body of their own type; the content is sniffed, the header is only a claim.
  for (const mime of ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream']) {
    app.addContentTypeParser(mime, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 + 1 }, (_req, body, done) => done(null, body));
  }

  api.post(
    '/api/documents',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      bodyLimit: 10 * 1024 * 1024 + 1,
      schema: {
        tags: ['registry'],
        summary: 'Upload a document (PDF, JPEG or PNG; raw body; identified by content; ≤ 10 MB)',
        querystring: uploadQuerySchema,
        response: { 201: documentSchema },
      },
    },
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw new AppError('document.unsupported_type', { field: 'file' });
      const q = req.query;
      const doc = await c.registry.upload(requireActor(req), {
        bytes: body,
        filename: q.filename,
        contentType: req.headers['content-type'],
        docType: q.docType,
        ...(q.expiresAt ? { expiresAt: new Date(`${q.expiresAt}T23:59:59+08:00`) } : {}),
      });
      return reply.status(201).send(presentDocument(doc));
    },
  );

  api.get(
    '/api/documents/:id/content',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: 'Download a document (authorized readers; audited)',
        params: z.strictObject({ id: idSchema }),
      },
    },
    async (req, reply) => {
      const r = await c.registry.download(requireActor(req), req.params.id);
      return reply
        .header('content-type', r.mime)
        .header('content-disposition', `attachment; filename="${r.doc.id}.${r.doc.fileType === 'jpeg' ? 'jpg' : r.doc.fileType}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(r.bytes));
    },
  );

  api.post(
    '/api/registry/merchants',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: '商家入驻: register a merchant and apply for admission',
        body: registerMerchantSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(presentRegistration(await c.registry.registerMerchant(requireActor(req), req.body)));
    },
  );

  api.post(
    '/api/registry/streamers',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: '主播认证: apply for streamer certification',
        body: registerStreamerSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(presentRegistration(await c.registry.registerStreamer(requireActor(req), req.body)));
    },
  );

  api.post(
    '/api/registry/bases',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: '直播基地申报: apply for live-base certification',
        body: registerBaseSchema,
        response: { 201: created },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(presentRegistration(await c.registry.registerBase(requireActor(req), req.body)));
    },
  );

  createdRoute(
    api,
    '/api/registry/mcns',
    {
      allow: ANY_SIGNED_IN,
      tags: ['registry'],
      summary: 'MCN机构登记: register an MCN agency (the caller becomes its manager)',
      body: registerMcnSchema,
      response: z.object({ orgId: z.string() }),
    },
    async (actor, body) => c.registry.registerMcn(actor, body),
  );

  createdRoute(
    api,
    '/api/registry/providers',
    {
      allow: ANY_SIGNED_IN,
      tags: ['registry'],
      summary: '服务机构登记: register a service provider (supply chain, data, technology …)',
      body: registerProviderSchema,
      response: z.object({ orgId: z.string() }),
    },
    async (actor, body) => c.registry.registerProvider(actor, body),
  );

  api.post(
    '/api/registry/training',
    {
      config: { policy: { allow: ['platform_admin', 'mcn_manager', 'base_operator'] } },
      schema: {
        tags: ['registry'],
        summary: '人才培训: record a training course for a streamer or staff member',
        body: trainingSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      return reply
        .status(201)
        .send(await c.registry.recordTraining(requireActor(req), { ...b, completedAt: new Date(`${b.completedAt}T12:00:00+08:00`) }));
    },
  );

  api.get(
    '/api/registry/talent/:userId',
    {
      config: { policy: { allow: ['platform_admin', 'regulator', 'mcn_manager', 'base_operator', 'streamer'] } },
      schema: {
        tags: ['registry'],
        summary: 'A person’s talent record: 互联网营销师 level and training',
        params: z.strictObject({ userId: idSchema }),
        response: { 200: talentSchema },
      },
    },
    async (req) => c.registry.talent(requireActor(req), req.params.userId),
  );

  api.get(
    '/api/registry/streamers/me',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: { tags: ['registry'], summary: 'My streamer registration (masked) and whether I may go live' },
    },
    async (req) => c.registry.myStreamer(requireActor(req)),
  );

  api.get(
    '/api/registry/streamers/:id/identity',
    {
      config: { policy: { allow: ['platform_admin', 'reviewer'] } },
      schema: {
        tags: ['registry'],
        summary: 'Full (unmasked) identity of a streamer — every view is audited',
        params: z.strictObject({ id: idSchema }),
        querystring: z.strictObject({ purpose: z.string().trim().min(2).max(200) }),
        response: { 200: z.object({ userId: z.string(), realName: z.string(), idNumber: z.string() }) },
      },
    },
    async (req) => c.registry.streamerFullView(requireActor(req), req.params.id, req.query.purpose),
  );

  api.get(
    '/api/registry/gates/live/:userId',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: 'May this streamer go live now?',
        params: z.strictObject({ userId: idSchema }),
        response: { 200: gateSchema },
      },
    },
    async (req) => c.registry.liveGateFor(requireActor(req), req.params.userId),
  );

  api.get(
    '/api/registry/gates/listing/:orgId',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin', 'reviewer', 'regulator'] } },
      schema: {
        tags: ['registry'],
        summary: 'May this merchant list products now?',
        params: z.strictObject({ orgId: idSchema }),
        response: { 200: gateSchema },
      },
    },
    async (req) => c.registry.listingGateFor(requireActor(req), req.params.orgId),
  );

  api.get(
    '/api/public/bases',
    { config: { policy: { allow: 'public' } }, schema: { tags: ['public'], summary: 'Certified live bases (public list)' } },
    async () => ({ items: await c.registry.publicBases() }),
  );

  api.get(
    '/api/public/streamers',
    { config: { policy: { allow: 'public' } }, schema: { tags: ['public'], summary: 'Certified streamers (public list, masked)' } },
    async () => ({ items: (await c.registry.publicStreamers()).map(presentPublicStreamer) }),
  );

  api.get(
    '/api/registry/export.csv',
    {
      config: { policy: { allow: ['regulator', 'platform_admin'] } },
      schema: {
        tags: ['registry'],
        summary: 'CSV export for regulators (masked)',
        querystring: z.strictObject({ kind: z.enum(['bases', 'streamers', 'merchants']) }),
      },
    },
    async (req, reply) => {
      const csv = registryExportCsv(await c.registry.export(requireActor(req), req.query.kind));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="livehub-${req.query.kind}.csv"`)
        .send(csv);
    },
  );

  api.get(
    '/api/applications',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['workflows'],
        summary: 'My applications, or the queue of applications waiting for me',
        querystring: applicationListQuerySchema,
        response: { 200: z.object({ items: z.array(applicationViewSchema) }) },
      },
    },
    async (req) => ({ items: (await c.workflows.list(requireActor(req), req.query)).map(presentApplication) }),
  );

  api.get(
    '/api/applications/:id',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: { tags: ['workflows'], params: z.strictObject({ id: idSchema }), response: { 200: applicationViewSchema } },
    },
    async (req) => presentApplication(await c.workflows.read(requireActor(req), req.params.id)),
  );

  idActionRoute(
    api,
    '/api/applications/:id/actions',
    {
      allow: ANY_SIGNED_IN,
      tags: ['workflows'],
      summary: 'Act on an application: a step action, a joint-review vote, withdraw, or rule on objections',
      params: z.strictObject({ id: idSchema }),
      body: applicationActionSchema,
      response: applicationViewSchema,
    },
    async (actor, id, body) => presentApplication(await c.workflows.actAndView(actor, id, body)),
  );

  api.post(
    '/api/applications/:id/objections',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['workflows'],
        summary: '公示异议: object to an application on public notice',
        params: z.strictObject({ id: idSchema }),
        body: objectionSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const o = await c.workflows.fileObjection(requireActor(req), req.params.id, req.body.text);
      return reply.status(201).send({ id: o.id });
    },
  );
}
