/**
 * Credit appeals (申诉), credit reports (信用报告, JSON or PDF, signed) with their public verification, and the
 * public credit query (信用公示: tier and masked name only). docs/credit.md.
 */
import {
  creditAppealCreateSchema,
  creditAppealListQuerySchema,
  creditAppealListSchema,
  creditAppealViewSchema,
  creditPublicQuerySchema,
  creditPublicResultSchema,
  creditReportQuerySchema,
  creditReportSchema,
  creditReportVerdictSchema,
  creditReportVerifyQuerySchema,
  idSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import { creditReportPdf } from '../../adapters/credit-report-pdf.ts';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentCreditAppeal, presentCreditReport, presentCreditVerdict } from '../presenters/credit-appeals.presenter.ts';
import { createdRoute } from '../route-helpers.ts';
import { CREDIT_PARTIES, CREDIT_READERS } from './credit.routes.ts';
import type { Api } from './types.ts';

const tags = ['credit'];
const idParams = z.strictObject({ id: idSchema });

export function creditAppealRoutes(api: Api, c: Container): void {
  createdRoute(
    api,
    '/api/credit/events/:id/appeal',
    {
      allow: CREDIT_PARTIES,
      tags,
      summary: '申诉: contest one of the caller’s own credit events (decided by a platform reviewer)',
      params: idParams,
      body: creditAppealCreateSchema,
      response: creditAppealViewSchema,
    },
    async (actor, body, params) => presentCreditAppeal((await c.creditAppeals.appeal(actor, params.id, body)).appeal),
  );

  api.get(
    '/api/credit/appeals',
    {
      config: { policy: { allow: [...CREDIT_PARTIES, ...CREDIT_READERS] } },
      schema: {
        tags,
        summary: 'Appeals and their status: a party’s own; the platform, reviewers and regulators see all',
        querystring: creditAppealListQuerySchema,
        response: { 200: creditAppealListSchema },
      },
    },
    async (req) => ({ items: (await c.creditAppeals.list(requireActor(req), req.query)).map(presentCreditAppeal) }),
  );

  api.get(
    '/api/credit/reports/:id',
    {
      config: { policy: { allow: [...CREDIT_PARTIES, ...CREDIT_READERS] } },
      schema: {
        tags,
        summary: '信用报告 of a party (its own, or any for the platform, reviewers and regulators): signed JSON, or PDF',
        params: idParams,
        querystring: creditReportQuerySchema,
      },
    },
    async (req, reply) => {
      const report = presentCreditReport(await c.creditReports.issue(requireActor(req), req.params.id));
      if (req.query.format === 'json') return reply.send(creditReportSchema.parse(report));
      const base = c.config.publicBaseUrl ?? `http://localhost:${c.config.port}`;
      const pdf = await creditReportPdf(report, `${base}/api/credit/reports/${report.number}/verify?hash=${report.sha256}`);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${report.number}.pdf"`)
        .send(pdf);
    },
  );

  api.get(
    '/api/credit/reports/:id/verify',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags: ['public'],
        summary: 'Whether a credit report (its number and SHA-256) was issued here, unaltered',
        params: z.strictObject({ id: z.string().regex(/^LHCR-\d{8}-[0-9A-F]{8}$/) }),
        querystring: creditReportVerifyQuerySchema,
        response: { 200: creditReportVerdictSchema },
      },
    },
    async (req) => presentCreditVerdict(await c.creditReports.verify(req.params.id, req.query.hash)),
  );

  api.get(
    '/api/public/credit',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags: ['public'],
        summary: '信用公示: merchants and streamers by exact or prefix name — tier and masked name only',
        querystring: creditPublicQuerySchema,
        response: { 200: creditPublicResultSchema },
      },
    },
    async (req) => ({ items: await c.creditPublic.query(req.query.name, req.ip) }),
  );
}
