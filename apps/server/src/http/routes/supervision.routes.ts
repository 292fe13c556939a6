/**
 * 监管线索 (docs/supervision.md): the regulator's clue queues — a department sees its own clues, the joint office as
 * a whole every clue — a clue with its log, a regulator's own clue, transfer between departments, dismissal.
 */
import { serveEventStream } from '../sse.ts';
import {
  caseCloseSchema,
  caseJoinSchema,
  caseTransferSchema,
  caseDecideSchema,
  caseDetailSchema,
  caseEvidenceAddSchema,
  caseListQuerySchema,
  caseListSchema,
  caseNoticeListSchema,
  caseNoticeViewSchema,
  caseNotifySchema,
  caseOpenSchema,
  caseStatementSchema,
  caseViewSchema,
  clueCreateSchema,
  clueDepartmentsSchema,
  clueDetailSchema,
  clueDismissSchema,
  clueListQuerySchema,
  clueListSchema,
  clueShareSchema,
  clueSharingLogSchema,
  clueTransferSchema,
  clueViewSchema,
  crossBorderReportSchema,
  idSchema,
  wallRoomDetailSchema,
  wallSnapshotSchema,
} from '@livehub/contracts';
import { AppError } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { crossBorderFileName, crossBorderXlsx } from '../presenters/cross-border.presenter.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['supervision'];
const idParams = z.strictObject({ id: idSchema });
const REGULATOR = ['regulator'] as const;
/** who a case can be against: an organization's managing staff, or a streamer */
const PARTIES = ['merchant_staff', 'mcn_manager', 'base_operator', 'streamer'] as const;
/** the monitoring wall: regulators, and the platform's administrators watching their own market */
const WALL = ['regulator', 'platform_admin'] as const;
/** the stream's comment line every 15 s keeps proxies from closing an idle connection */

export function supervisionRoutes(api: Api, c: Container): void {
  api.get(
    '/api/supervision/clues',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '线索: the caller’s department’s clues (the joint office: every clue), newest signal first',
        querystring: clueListQuerySchema,
        response: { 200: clueListSchema },
      },
    },
    async (req) => ({ items: await c.clues.list(requireActor(req), req.query) }),
  );

  api.get(
    '/api/supervision/departments',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '联席会议: the departments of the caller’s office (their own marked), for transfers',
        response: { 200: clueDepartmentsSchema },
      },
    },
    async (req) => ({ items: await c.clues.departments(requireActor(req)) }),
  );

  idReadRoute(
    api,
    '/api/supervision/clues/:id',
    {
      allow: REGULATOR,
      tags,
      summary: 'One clue with its evidence and log (another department’s: 404)',
      params: idParams,
      response: clueDetailSchema,
    },
    async (actor, id) => c.clues.detail(actor, id),
  );

  createdRoute(
    api,
    '/api/supervision/clues',
    {
      allow: REGULATOR,
      tags,
      summary: '人工录入线索: a regulator’s own clue about a party, product or session',
      body: clueCreateSchema,
      response: clueViewSchema,
    },
    async (actor, body) => c.clues.create(actor, body),
  );

  idActionRoute(
    api,
    '/api/supervision/clues/:id/transfer',
    {
      allow: REGULATOR,
      tags,
      summary: '移送: to another department, with a reason',
      params: idParams,
      body: clueTransferSchema,
      response: clueViewSchema,
    },
    async (actor, id, body) => c.clues.transfer(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/supervision/clues/:id/dismiss',
    {
      allow: REGULATOR,
      tags,
      summary: '不予立案: nothing to pursue, with the reason',
      params: idParams,
      body: clueDismissSchema,
      response: clueViewSchema,
    },
    async (actor, id, body) => c.clues.dismiss(actor, id, body.reason),
  );

  idActionRoute(
    api,
    '/api/supervision/clues/:id/share',
    {
      allow: REGULATOR,
      tags,
      summary: '共享: show the clue to other departments (read-only for them), with the reason; the holder keeps it',
      params: idParams,
      body: clueShareSchema,
      response: clueViewSchema,
    },
    async (actor, id, body) => c.clues.share(actor, id, body),
  );

  api.get(
    '/api/supervision/sharing-log',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '信息共享记录: clues sent, shared and read across departments, as far as they concern the caller’s',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: clueSharingLogSchema },
      },
    },
    async (req) => ({ items: await c.clues.sharingLog(requireActor(req), req.query.limit) }),
  );

  api.get(
    '/api/supervision/cross-border',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '跨境商品: cross-border products, declared value against the median/min/max sold price of 30 days, 低报价格 flagged',
        response: { 200: crossBorderReportSchema },
      },
    },
    async (req) => c.crossBorder.report(requireActor(req)),
  );

  api.get(
    '/api/supervision/cross-border.xlsx',
    {
      config: { policy: { allow: REGULATOR } },
      schema: { tags, summary: '跨境商品 as an Excel workbook (Chinese headers, names, yuan)' },
    },
    async (req, reply) => {
      const report = await c.crossBorder.report(requireActor(req));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${crossBorderFileName(report)}"`)
        .send(await crossBorderXlsx(report));
    },
  );

  api.get(
    '/api/supervision/wall',
    {
      config: { policy: { allow: WALL } },
      schema: {
        tags,
        summary: '实时监测大屏: live sessions and viewers now, GMV and hits per minute, the riskiest rooms, by district and base',
        response: { 200: wallSnapshotSchema },
      },
    },
    async (req) => c.wall.snapshot(requireActor(req)),
  );

  idReadRoute(
    api,
    '/api/supervision/wall/rooms/:id',
    {
      allow: WALL,
      tags,
      summary: 'A room as the wall sees it now: its risk score and reasons, its screened transcript and chat with their hits',
      params: idParams,
      response: wallRoomDetailSchema,
    },
    async (actor, id) => c.wall.room(actor, id),
  );

  api.get(
    '/api/supervision/wall/stream',
    {
      config: { policy: { allow: WALL } },
      schema: {
        tags,
        summary: '实时监测大屏 as Server-Sent Events: a `snapshot` event now, every 5 s and after relevant events',
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!String(req.headers.accept ?? '').includes('text/event-stream'))
        throw new AppError('supervision.wall_stream_accept', { field: 'accept' });
      await serveEventStream(req, reply, 'snapshot', (send) => c.wall.watch(actor, send));
    },
  );

  // --- 案件 (cases, docs/supervision.md "Cases") ------------------------------------------------------------

  api.get(
    '/api/supervision/cases',
    {
      config: { policy: { allow: REGULATOR } },
      schema: {
        tags,
        summary: '案件: the caller’s department’s cases (the joint office: every case), newest first',
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema },
      },
    },
    async (req) => ({ items: await c.cases.list(requireActor(req), req.query) }),
  );

  createdRoute(
    api,
    '/api/supervision/cases',
    {
      allow: REGULATOR,
      tags,
      summary: '立案: a case from an open clue the caller’s department holds (the clue becomes 已立案)',
      body: caseOpenSchema,
      response: caseViewSchema,
    },
    async (actor, body) => c.cases.open(actor, body),
  );

  idReadRoute(
    api,
    '/api/supervision/cases/:id',
    {
      allow: REGULATOR,
      tags,
      summary: 'One case with its steps, its hash-chained evidence and its log (another department’s: 404)',
      params: idParams,
      response: caseDetailSchema,
    },
    async (actor, id) => c.cases.detail(actor, id),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/evidence',
    {
      allow: REGULATOR,
      tags,
      summary: '调查取证: attach a transcript segment, a confirmed violation, a recording, an order or a complaint',
      params: idParams,
      body: caseEvidenceAddSchema,
      response: caseDetailSchema,
    },
    async (actor, id, body) => c.cases.addEvidence(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/notify',
    {
      allow: REGULATOR,
      tags,
      summary: '告知: the facts, intended measures and basis to the party online; the 陈述申辩 period starts',
      params: idParams,
      body: caseNotifySchema,
      response: caseViewSchema,
    },
    async (actor, id, body) => c.cases.notify(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/decide',
    {
      allow: REGULATOR,
      tags,
      summary: '处罚决定: after the statement or past its deadline; the decision document is generated (PDF)',
      params: idParams,
      body: caseDecideSchema,
      response: caseViewSchema,
    },
    async (actor, id, body) => c.cases.decide(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/execute',
    {
      allow: REGULATOR,
      tags,
      summary: '执行: a takedown or live suspension takes effect now through the gates; a fine is recorded',
      params: idParams,
      body: caseCloseSchema,
      emptyBody: true,
      response: caseViewSchema,
    },
    async (actor, id) => c.cases.execute(actor, id),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/close',
    {
      allow: REGULATOR,
      tags,
      summary: '结案',
      params: idParams,
      body: caseCloseSchema,
      emptyBody: true,
      response: caseViewSchema,
    },
    async (actor, id, body) => c.cases.close(actor, id, body.note),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/transfer',
    {
      allow: REGULATOR,
      tags,
      summary: '移送: the holding department hands the case (and its clue) to another, with the reason',
      params: idParams,
      body: caseTransferSchema,
      response: caseViewSchema,
    },
    async (actor, id, body) => c.cases.transfer(actor, id, body),
  );

  idActionRoute(
    api,
    '/api/supervision/cases/:id/joint',
    {
      allow: REGULATOR,
      tags,
      summary: '联合执法: departments invited to handle the case jointly (they read it and add evidence)',
      params: idParams,
      body: caseJoinSchema,
      response: caseViewSchema,
    },
    async (actor, id, body) => c.cases.join(actor, id, body),
  );

  api.get(
    '/api/supervision/cases/:id/decision.pdf',
    {
      config: { policy: { allow: [...REGULATOR, ...PARTIES] } },
      schema: { tags, summary: '行政处罚决定书 (PDF) for the department holding the case or its party', params: idParams },
    },
    async (req, reply) => {
      const doc = await c.cases.decisionDocument(requireActor(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="decision-${req.params.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(doc.bytes));
    },
  );

  api.get(
    '/api/supervision/notices',
    {
      config: { policy: { allow: PARTIES } },
      schema: {
        tags,
        summary: '监管通知: the cases told to the caller (their organization, or themselves as a streamer)',
        response: { 200: caseNoticeListSchema },
      },
    },
    async (req) => ({ items: await c.cases.notices(requireActor(req)) }),
  );

  idReadRoute(
    api,
    '/api/supervision/notices/:id',
    {
      allow: PARTIES,
      tags,
      summary: 'One notice as its party reads it (someone else’s: 404)',
      params: idParams,
      response: caseNoticeViewSchema,
    },
    async (actor, id) => c.cases.notice(actor, id),
  );

  idActionRoute(
    api,
    '/api/supervision/notices/:id/statement',
    {
      allow: PARTIES,
      tags,
      summary: '陈述申辩: the party’s statement and defence with its documents, within the deadline',
      params: idParams,
      body: caseStatementSchema,
      response: caseNoticeViewSchema,
    },
    async (actor, id, body) => c.cases.state(actor, id, body),
  );
}
