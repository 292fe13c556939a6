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
import { type Actor, AppError, type ApplicationView as CoreView, type DocumentRecord, isCrossTenant, stepOf } from '@livehub/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import {
  BASE_LEVEL_ZH,
  BASE_STATUS_ZH,
  chinaDate,
  chinaTime,
  csvDocument,
  labelOf,
  MERCHANT_CATEGORY_ZH,
  MERCHANT_STATUS_ZH,
  STREAMER_STATUS_ZH,
  STREAMER_TOPIC_ZH,
} from '../csv.ts';
import { departmentOf } from '../department.ts';
import { requireActor } from '../policy.ts';
import type { Api } from './types.ts';

const ANY_SIGNED_IN = 'authenticated' as const;
const created = z.object({ applicationId: z.string(), orgId: z.string().nullable(), step: z.string(), status: z.string() });

const presentDoc = (d: DocumentRecord) => ({
  id: d.id,
  docType: d.docType,
  fileType: d.fileType,
  size: d.size,
  sha256: d.sha256,
  filename: d.filename,
  expiresAt: d.expiresAt?.toISOString() ?? null,
  retainUntil: d.retainUntil.toISOString(),
  createdAt: d.createdAt.toISOString(),
});

/** The department code of the membership the actor acts through (regulators), or null. */
async function presentApplication(c: Container, v: CoreView) {
  const a = v.application;
  const step = stepOf(v.definition, a.step);
  let subjectName: string | null = null;
  if (a.subjectType === 'organization') subjectName = (await c.uow.read.orgs.findById(a.subjectId))?.name ?? null;
  if (a.subjectType === 'streamer') subjectName = (await c.uow.read.users.findById(a.subjectId))?.displayName ?? null;
  if (a.subjectType === 'product') subjectName = (await c.uow.read.catalog.findProduct(a.subjectId))?.title ?? null;
  const joint = Object.values(v.definition.steps).find((s) => s.type === 'joint_review');
  return {
    id: a.id,
    kind: a.kind,
    kindTitle: v.definition.title,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    subjectName,
    applicantUserId: a.applicantUserId,
    step: a.step,
    stepTitle: step.title,
    stepType: step.type,
    status: a.status,
    version: a.version,
    data: a.data,
    dueAt: a.dueAt?.toISOString() ?? null,
    overdue: v.overdue,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    path: Object.entries(v.definition.steps)
      .filter(([, s]) => s.type !== 'final' || s.outcome === 'approved')
      .map(([id, s]) => ({ id, title: s.title, type: s.type })),
    events: v.events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorLabel: e.actorLabel,
      department: e.department,
      action: e.action,
      fromStep: e.fromStep,
      toStep: e.toStep,
      reason: e.reason,
      attachments: e.attachments,
      detail: e.detail,
    })),
    jointReview:
      joint?.type === 'joint_review'
        ? {
            departments: joint.departments.map((code) => {
              const vote = v.votes.find((x) => x.department === code);
              return { code, decision: vote?.decision ?? null, at: vote?.at.toISOString() ?? null, reason: vote?.reason ?? null };
            }),
          }
        : null,
    objections: v.objections.map((o) => ({
      id: o.id,
      text: o.text,
      status: o.status,
      resolution: o.resolution,
      createdAt: o.createdAt.toISOString(),
    })),
    documents: v.documents.map(presentDoc),
    actions: v.actions,
  };
}

/** Who may read an application: its applicant and organization, the platform and regulators, and whoever may act on it. */
function mayRead(actor: Actor, v: CoreView): boolean {
  const a = v.application;
  return (
    isCrossTenant(actor) ||
    a.applicantUserId === actor.userId ||
    // an organization's application is read by its managing staff; a streamer's colleagues never read it
    (actor.orgId !== null && actor.role !== 'streamer' && (a.applicantOrgId === actor.orgId || a.subjectId === actor.orgId)) ||
    v.actions.length > 0
  );
}

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
      return reply.status(201).send(presentDoc(doc));
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
      const r = await c.registry.registerMerchant(requireActor(req), req.body);
      return reply
        .status(201)
        .send({ applicationId: r.application.id, orgId: r.orgId, step: r.application.step, status: r.application.status });
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
      const r = await c.registry.registerStreamer(requireActor(req), req.body);
      return reply
        .status(201)
        .send({ applicationId: r.application.id, orgId: null, step: r.application.step, status: r.application.status });
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
      const r = await c.registry.registerBase(requireActor(req), req.body);
      return reply
        .status(201)
        .send({ applicationId: r.application.id, orgId: r.orgId, step: r.application.step, status: r.application.status });
    },
  );

  api.post(
    '/api/registry/mcns',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: 'MCN机构登记: register an MCN agency (the caller becomes its manager)',
        body: registerMcnSchema,
        response: { 201: z.object({ orgId: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await c.registry.registerMcn(requireActor(req), req.body)),
  );

  api.post(
    '/api/registry/providers',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['registry'],
        summary: '服务机构登记: register a service provider (supply chain, data, technology …)',
        body: registerProviderSchema,
        response: { 201: z.object({ orgId: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await c.registry.registerProvider(requireActor(req), req.body)),
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
    async (req) => {
      const actor = requireActor(req);
      const p = await c.registry.streamerProfile(actor.userId ?? '');
      return { profile: p ? c.registry.maskedStreamer(p) : null, liveGate: await c.registry.liveGate(actor.userId ?? '') };
    },
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
    async () => ({
      items: (await c.uow.read.registry.listBases({ status: ['certified', 'downgraded'], limit: 500 })).map((b) =>
        c.registry.maskedBase(b),
      ),
    }),
  );

  api.get(
    '/api/public/streamers',
    { config: { policy: { allow: 'public' } }, schema: { tags: ['public'], summary: 'Certified streamers (public list, masked)' } },
    async () => ({
      items: (await c.uow.read.registry.listStreamers({ status: ['certified'], limit: 1000 })).map((s) => ({
        displayName: s.displayName,
        ...c.registry.maskedStreamer(s),
        idNumber: undefined,
        birthYear: undefined,
      })),
    }),
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
      const rows: string[][] = [];
      if (req.query.kind === 'bases') {
        rows.push(['机构编号', '名称', '所在区', '面积(㎡)', '运营方', '级别', '状态', '认定有效期至']);
        for (const b of await c.uow.read.registry.listBases({ limit: 100_000 })) {
          const m = c.registry.maskedBase(b);
          rows.push([
            m.orgId,
            m.name ?? '',
            m.district,
            String(m.areaM2),
            m.operatorName,
            m.level ? BASE_LEVEL_ZH[m.level] : '',
            labelOf(BASE_STATUS_ZH, m.status),
            chinaDate(m.certifiedUntil),
          ]);
        }
      } else if (req.query.kind === 'streamers') {
        rows.push(['用户编号', '昵称', '姓名', '身份证号', '所属MCN', '直播领域', '数字人', '状态', '认证有效期至']);
        const mcnNames = new Map((await c.uow.read.orgs.list({ kind: 'mcn', limit: 100_000 })).map((o) => [o.id, o.name]));
        for (const s of await c.uow.read.registry.listStreamers({ limit: 100_000 })) {
          const m = c.registry.maskedStreamer(s);
          rows.push([
            m.userId,
            s.displayName,
            m.realName,
            m.idNumber,
            m.mcnOrgId ? (mcnNames.get(m.mcnOrgId) ?? '') : '',
            m.topics.map((t) => labelOf(STREAMER_TOPIC_ZH, t)).join('、'),
            m.virtual ? '是' : '否',
            labelOf(STREAMER_STATUS_ZH, m.status),
            chinaDate(m.certifiedUntil),
          ]);
        }
      } else {
        rows.push(['机构编号', '统一社会信用代码', '名称', '法定代表人', '联系电话', '经营类目', '保证金(元)', '状态', '入驻时间']);
        for (const p of await c.uow.read.registry.listMerchants({ limit: 100_000 })) {
          const m = c.registry.maskedMerchant(p);
          rows.push([
            m.orgId,
            m.creditCode,
            m.legalName,
            m.legalRepresentative,
            m.contactPhone ?? '',
            m.categories.map((k) => labelOf(MERCHANT_CATEGORY_ZH, k)).join('、'),
            (m.depositFen / 100).toFixed(2),
            labelOf(MERCHANT_STATUS_ZH, m.status),
            chinaTime(p.createdAt),
          ]);
        }
      }
      await c.uow.transaction((tx) =>
        c.audit.record(tx, requireActor(req), {
          action: 'registry.export',
          targetType: 'export',
          targetId: req.query.kind,
          detail: { rows: rows.length - 1 },
        }),
      );
      // Excel-friendly: BOM, Chinese labels, China time (csv.ts)
      const csv = csvDocument(rows);
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
    async (req) => {
      const actor = requireActor(req);
      const department = await departmentOf(c, actor);
      let views: CoreView[];
      if (req.query.scope === 'queue') views = await c.workflows.queue(actor, department, req.query.kind);
      else {
        const filter =
          req.query.scope === 'all' && isCrossTenant(actor)
            ? {}
            : actor.orgId && actor.role !== 'streamer'
              ? { applicantOrgId: actor.orgId }
              : { applicantUserId: actor.userId ?? '' };
        const apps = await c.uow.read.workflows.listApplications({
          ...filter,
          ...(req.query.kind ? { kind: req.query.kind } : {}),
          limit: 200,
        });
        views = await Promise.all(apps.map((a) => c.workflows.view(actor, a.id, department)));
      }
      return { items: await Promise.all(views.map((v) => presentApplication(c, v))) };
    },
  );

  api.get(
    '/api/applications/:id',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: { tags: ['workflows'], params: z.strictObject({ id: idSchema }), response: { 200: applicationViewSchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      const v = await c.workflows.view(actor, req.params.id, await departmentOf(c, actor));
      if (!mayRead(actor, v)) throw new AppError('workflow.not_found', { field: 'id' });
      return presentApplication(c, v);
    },
  );

  api.post(
    '/api/applications/:id/actions',
    {
      config: { policy: { allow: ANY_SIGNED_IN } },
      schema: {
        tags: ['workflows'],
        summary: 'Act on an application: a step action, a joint-review vote, withdraw, or rule on objections',
        params: z.strictObject({ id: idSchema }),
        body: applicationActionSchema,
        response: { 200: applicationViewSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const department = await departmentOf(c, actor);
      await c.workflows.act(actor, req.params.id, { ...req.body, department });
      return presentApplication(c, await c.workflows.view(actor, req.params.id, department));
    },
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
