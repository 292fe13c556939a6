/**
 * 举报 (docs/reports.md): anyone files — signed in or not — and follows the report (我的举报, or 举报查询 by tracking
 * code); the platform handles the queue (举报受理; regulators read it); the reported party reads only what was
 * substantiated about it, without the reporter.
 */
import {
  idSchema,
  reportAboutMeSchema,
  reportCaseListSchema,
  reportCaseSchema,
  reportCreateSchema,
  reportHandleSchema,
  reportListQuerySchema,
  reportReceiptListSchema,
  reportReceiptSchema,
  reportTrackSchema,
} from '@livehub/contracts';
import { AppError } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentReportCase, presentReportOutcome, presentReportReceipt, presentReportTrack } from '../presenters/reports.presenter.ts';
import { idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['reports'];
const idParams = z.strictObject({ id: idSchema });
const HANDLERS = ['platform_admin', 'reviewer'] as const;
const QUEUE_READERS = ['platform_admin', 'reviewer', 'regulator'] as const;
const SUBJECTS = ['merchant_staff', 'streamer', 'mcn_manager'] as const;

export function reportsRoutes(api: Api, c: Container): void {
  api.post(
    '/api/reports',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags,
        summary: '举报: anyone reports a live room, a product, an organization or a user (anonymous: a tracking code once)',
        body: reportCreateSchema,
        response: { 201: reportReceiptSchema },
      },
    },
    async (req, reply) => {
      // a public route skips the policy's CSRF check: a signed-in browser's report must still come from our page
      if (req.sessionAuth && req.headers['x-csrf-token'] !== req.sessionAuth.session.csrfToken) throw new AppError('auth.csrf');
      return reply.status(201).send(presentReportReceipt(await c.reports.filing.file(req.actor, req.body, req.ip)));
    },
  );

  api.get(
    '/api/reports/mine',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: '我的举报: the signed-in reporter’s reports',
        querystring: reportListQuerySchema,
        response: { 200: reportReceiptListSchema },
      },
    },
    async (req) => ({ items: (await c.reports.views.mine(requireActor(req), req.query)).map(presentReportReceipt) }),
  );

  api.get(
    '/api/reports/track/:code',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags,
        summary: '举报查询: the state and outcome of the report with this tracking code (nothing of the reporter)',
        params: z.strictObject({ code: z.string().max(40) }),
        response: { 200: reportTrackSchema },
      },
    },
    async (req) => presentReportTrack(await c.reports.views.track(req.params.code)),
  );

  api.get(
    '/api/reports/about-me',
    {
      config: { policy: { allow: SUBJECTS } },
      schema: {
        tags,
        summary: 'Substantiated reports about the caller’s organization (or the streamer), never who reported',
        querystring: reportListQuerySchema,
        response: { 200: reportAboutMeSchema },
      },
    },
    async (req) => {
      const r = await c.reports.views.aboutMe(requireActor(req), req.query.limit);
      return { items: r.items.map(presentReportOutcome), counts: { substantiated: r.substantiated } };
    },
  );

  api.get(
    '/api/reports',
    {
      config: { policy: { allow: QUEUE_READERS } },
      schema: {
        tags,
        summary: '举报受理: the queue (open reports unless a status is asked for)',
        querystring: reportListQuerySchema,
        response: { 200: reportCaseListSchema },
      },
    },
    async (req) => ({ items: (await c.reports.views.queue(requireActor(req), req.query)).map(presentReportCase) }),
  );

  idReadRoute(
    api,
    '/api/reports/:id',
    {
      allow: QUEUE_READERS,
      tags,
      summary: 'One report for its handlers (the reporter only as signed in or anonymous)',
      params: idParams,
      response: reportCaseSchema,
    },
    async (actor, id) => presentReportCase(await c.reports.views.case(actor, id)),
  );

  idActionRoute(
    api,
    '/api/reports/:id/handle',
    {
      allow: HANDLERS,
      tags,
      summary: '受理: take under review, find substantiated or not, or refer to supervision as a clue (with a reason)',
      params: idParams,
      body: reportHandleSchema,
      response: reportCaseSchema,
    },
    async (actor, id, body) => presentReportCase(await c.reports.handling.handle(actor, id, body)),
  );
}
