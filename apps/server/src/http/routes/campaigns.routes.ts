/**
 * 活动与节庆 (programmes): organisers (regulators, certified live bases) create, publish, end and cancel campaigns,
 * review enrolments, read live totals and download the after-action report; merchants, streamers and MCN managers
 * enrol products and scheduled sessions; consumers read the public campaign page without signing in.
 * docs/programmes.md.
 */
import {
  campaignCancelSchema,
  campaignInputSchema,
  campaignListSchema,
  campaignTotalsSchema,
  campaignViewSchema,
  enrolmentDecisionSchema,
  enrolmentListSchema,
  enrolmentViewSchema,
  enrolProductSchema,
  enrolSessionSchema,
  idSchema,
  publicCampaignListSchema,
  publicCampaignSchema,
  sessionCampaignsSchema,
  type CampaignInputBody,
} from '@livehub/contracts';
import { CAMPAIGN_ENROLLERS, CAMPAIGN_ORGANISERS, type CampaignInput } from '@livehub/core';
import { z } from 'zod';
import { campaignReportPdf } from '../../adapters/campaign-report-pdf.ts';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import {
  campaignReportFileName,
  campaignReportXlsx,
  presentCampaign,
  presentEnrolment,
  presentPublicCampaign,
  presentPublicHeader,
  presentTotals,
} from '../presenters/campaign.presenter.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['campaigns'];
const idParams = z.strictObject({ id: idSchema });
const reportQuery = z.strictObject({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });

const input = (b: CampaignInputBody): CampaignInput => ({
  ...b,
  startsAt: new Date(b.startsAt),
  endsAt: new Date(b.endsAt),
  enrolDeadline: new Date(b.enrolDeadline),
});

export function campaignsRoutes(api: Api, c: Container): void {
  const admin = c.campaigns.admin;
  const reports = c.campaigns.reports;

  // ── organisers ──
  api.get(
    '/api/campaigns/mine',
    {
      config: { policy: { allow: CAMPAIGN_ORGANISERS } },
      schema: { tags, summary: 'The campaigns the caller’s organization organises', response: { 200: campaignListSchema } },
    },
    async (req) => ({ items: (await admin.listOwn(requireActor(req))).map(presentCampaign) }),
  );
  createdRoute(
    api,
    '/api/campaigns',
    { allow: CAMPAIGN_ORGANISERS, tags, summary: 'Creates a campaign (a draft)', body: campaignInputSchema, response: campaignViewSchema },
    async (actor, body) => presentCampaign(await admin.create(actor, input(body))),
  );
  idReadRoute(
    api,
    '/api/campaigns/:id',
    { allow: CAMPAIGN_ORGANISERS, tags, summary: 'One of the caller’s campaigns', params: idParams, response: campaignViewSchema },
    async (actor, id) => presentCampaign(await admin.get(actor, id)),
  );
  idActionRoute(
    api,
    '/api/campaigns/:id',
    {
      allow: CAMPAIGN_ORGANISERS,
      tags,
      summary: 'Changes a draft campaign',
      params: idParams,
      body: campaignInputSchema,
      response: campaignViewSchema,
    },
    async (actor, id, body) => presentCampaign(await admin.update(actor, id, input(body))),
  );
  idActionRoute(
    api,
    '/api/campaigns/:id/publish',
    { allow: CAMPAIGN_ORGANISERS, tags, summary: 'Publishes a draft: enrolment opens', params: idParams, response: campaignViewSchema },
    async (actor, id) => presentCampaign(await admin.publish(actor, id)),
  );
  idActionRoute(
    api,
    '/api/campaigns/:id/end',
    { allow: CAMPAIGN_ORGANISERS, tags, summary: 'Ends a running campaign now', params: idParams, response: campaignViewSchema },
    async (actor, id) => presentCampaign(await admin.end(actor, id)),
  );
  idActionRoute(
    api,
    '/api/campaigns/:id/cancel',
    {
      allow: CAMPAIGN_ORGANISERS,
      tags,
      summary: 'Cancels a campaign with a reason',
      params: idParams,
      body: campaignCancelSchema,
      response: campaignViewSchema,
    },
    async (actor, id, body) => presentCampaign(await admin.cancel(actor, id, body.reason)),
  );
  idReadRoute(
    api,
    '/api/campaigns/:id/enrolments',
    {
      allow: CAMPAIGN_ORGANISERS,
      tags,
      summary: 'The campaign’s enrolments, oldest first',
      params: idParams,
      response: enrolmentListSchema,
    },
    async (actor, id) => ({ items: (await admin.enrolments(actor, id)).map((e) => presentEnrolment(e)) }),
  );
  idActionRoute(
    api,
    '/api/campaigns/enrolments/:id/decide',
    {
      allow: CAMPAIGN_ORGANISERS,
      tags,
      summary: 'Approves (the rules are reviewed again) or rejects a pending enrolment, with a reason',
      params: idParams,
      body: enrolmentDecisionSchema,
      response: enrolmentViewSchema,
    },
    async (actor, id, body) => presentEnrolment(await admin.decide(actor, id, body)),
  );
  idReadRoute(
    api,
    '/api/campaigns/:id/totals',
    { allow: CAMPAIGN_ORGANISERS, tags, summary: 'Live totals of the approved sessions', params: idParams, response: campaignTotalsSchema },
    async (actor, id) => presentTotals(await reports.totals(actor, id)),
  );
  api.get(
    '/api/campaigns/:id/report',
    {
      config: { policy: { allow: CAMPAIGN_ORGANISERS } },
      schema: { tags, summary: 'The after-action report of an ended campaign (XLSX or PDF)', params: idParams, querystring: reportQuery },
    },
    async (req, reply) => {
      const r = await reports.report(requireActor(req), req.params.id);
      const pdf = req.query.format === 'pdf';
      return reply
        .header('content-type', pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${campaignReportFileName(r, pdf ? 'pdf' : 'xlsx')}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf ? await campaignReportPdf(r) : await campaignReportXlsx(r));
    },
  );

  // ── enrollers ──
  api.get(
    '/api/campaigns/open',
    {
      config: { policy: { allow: CAMPAIGN_ENROLLERS } },
      schema: { tags, summary: 'Campaigns open for enrolment now', response: { 200: campaignListSchema } },
    },
    async (req) => ({ items: (await admin.open(requireActor(req))).map(presentCampaign) }),
  );
  api.get(
    '/api/campaigns/enrolments/mine',
    {
      config: { policy: { allow: CAMPAIGN_ENROLLERS } },
      schema: { tags, summary: 'The caller’s (or its organization’s) enrolments, newest first', response: { 200: enrolmentListSchema } },
    },
    async (req) => ({ items: (await admin.myEnrolments(requireActor(req))).map((e) => presentEnrolment(e, e.campaignName)) }),
  );
  createdRoute(
    api,
    '/api/campaigns/:id/enrol-product',
    {
      allow: ['merchant_staff'],
      tags,
      summary: 'Enrols one of the merchant’s products (reviewed against the rules at once)',
      params: idParams,
      body: enrolProductSchema,
      response: enrolmentViewSchema,
    },
    async (actor, body, params) => presentEnrolment(await admin.enrolProduct(actor, params.id, body)),
  );
  createdRoute(
    api,
    '/api/campaigns/:id/enrol-session',
    {
      allow: ['streamer', 'mcn_manager'],
      tags,
      summary: 'Enrols one of the caller’s scheduled live sessions (reviewed against the rules at once)',
      params: idParams,
      body: enrolSessionSchema,
      response: enrolmentViewSchema,
    },
    async (actor, body, params) => presentEnrolment(await admin.enrolSession(actor, params.id, body)),
  );

  // ── public (no sign-in) ──
  api.get(
    '/api/public/campaigns',
    {
      config: { policy: { allow: 'public' } },
      schema: { tags, summary: 'Published, running and ended campaigns', response: { 200: publicCampaignListSchema } },
    },
    async () => ({ items: (await reports.publicList()).map(presentPublicHeader) }),
  );
  api.get(
    '/api/public/campaigns/:id',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags,
        summary: 'A campaign’s page: its live and upcoming rooms and its products',
        params: idParams,
        response: { 200: publicCampaignSchema },
      },
    },
    async (req) => presentPublicCampaign(await reports.publicPage(req.params.id)),
  );
  api.get(
    '/api/public/live/sessions/:id/campaigns',
    {
      config: { policy: { allow: 'public' } },
      schema: {
        tags,
        summary: 'The campaigns a live session is approved in (the room’s badge)',
        params: idParams,
        response: { 200: sessionCampaignsSchema },
      },
    },
    async (req) => ({
      items: (await reports.sessionCampaigns(req.params.id)).map((x) => ({ id: x.id, name: x.name, label: x.rules.requiredLabel })),
    }),
  );
}
