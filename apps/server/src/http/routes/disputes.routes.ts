/**
 * 投诉 / ODR (docs/disputes.md): a consumer files about their own order; the merchant answers; the consumer accepts
 * an offer, escalates or withdraws; the platform mediates (调解台); the regulator accepts or refuses, then mediates an
 * accepted complaint to agreement (调解成立) or terminates it (终止调解) within 45 working days (受理台). Each
 * list is its caller's own: a merchant sees its organization's complaints only.
 */
import {
  complaintAnswerSchema,
  complaintCreateSchema,
  complaintDecisionSchema,
  complaintDetailSchema,
  complaintDismissSchema,
  complaintListQuerySchema,
  complaintListSchema,
  complaintNoteSchema,
  complaintRegulatorCloseSchema,
  complaintRegulatorDecisionSchema,
  complaintRegulatorMediationSchema,
  complaintStatsQuerySchema,
  complaintStatsSchema,
  complaintViewSchema,
  compensationObligationSchema,
  idSchema,
  type Role,
} from '@livehub/contracts';
import type { ComplaintListScope } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { complaintStatsFileName, complaintStatsXlsx } from '../presenters/complaint-stats.presenter.ts';
import { presentComplaint, presentComplaintDetail, presentObligation } from '../presenters/disputes.presenter.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['disputes'];
const idParams = z.strictObject({ id: idSchema });

const CONSUMER = ['consumer'] as const;
const MERCHANT = ['merchant_staff'] as const;
const MEDIATORS = ['platform_admin', 'reviewer'] as const;
const REGULATOR = ['regulator'] as const;
const PARTIES: readonly Role[] = [...CONSUMER, ...MERCHANT, ...MEDIATORS, ...REGULATOR];
const STATS_READERS: readonly Role[] = [...MERCHANT, ...MEDIATORS, ...REGULATOR];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LISTS: Array<{ path: string; scope: ComplaintListScope; allow: readonly Role[]; summary: string }> = [
  { path: '/api/complaints/mine', scope: 'mine', allow: CONSUMER, summary: '我的投诉: the consumer’s own complaints' },
  { path: '/api/complaints/merchant', scope: 'merchant', allow: MERCHANT, summary: '投诉处理: the merchant’s own complaints' },
  { path: '/api/complaints/mediation', scope: 'mediation', allow: MEDIATORS, summary: '调解台: complaints in platform mediation' },
  {
    path: '/api/complaints/regulator',
    scope: 'regulator',
    allow: REGULATOR,
    summary: '受理台: complaints escalated to the regulator, and those it accepted and mediates',
  },
];

export function disputesRoutes(api: Api, c: Container): void {
  createdRoute(
    api,
    '/api/complaints',
    {
      allow: CONSUMER,
      tags,
      summary: '我要投诉: file a complaint about one of the caller’s own paid orders',
      body: complaintCreateSchema,
      response: complaintViewSchema,
    },
    async (actor, body) => presentComplaint(await c.complaints.filing.file(actor, body)),
  );

  for (const l of LISTS)
    api.get(
      l.path,
      {
        config: { policy: { allow: l.allow } },
        schema: { tags, summary: l.summary, querystring: complaintListQuerySchema, response: { 200: complaintListSchema } },
      },
      async (req) => ({ items: (await c.complaints.views.list(requireActor(req), l.scope, req.query)).map(presentComplaint) }),
    );

  // 投诉统计: per merchant, streamer or product over a period; a merchant's staff see their own organization only
  api.get(
    '/api/complaints/stats',
    {
      config: { policy: { allow: STATS_READERS } },
      schema: {
        tags,
        summary: '投诉统计: complaint and report counts per merchant, streamer or product over a period',
        querystring: complaintStatsQuerySchema,
        response: { 200: complaintStatsSchema },
      },
    },
    async (req) => c.complaints.stats.stats(requireActor(req), req.query),
  );
  api.get(
    '/api/complaints/stats.xlsx',
    {
      config: { policy: { allow: STATS_READERS } },
      schema: { tags, summary: '投诉统计 as an Excel workbook', querystring: complaintStatsQuerySchema },
    },
    async (req, reply) => {
      const s = await c.complaints.stats.stats(requireActor(req), req.query);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${complaintStatsFileName(s)}"`)
        .send(await complaintStatsXlsx(s));
    },
  );

  idReadRoute(
    api,
    '/api/complaints/:id',
    { allow: PARTIES, tags, summary: 'One complaint with the timeline both sides see', params: idParams, response: complaintDetailSchema },
    async (actor, id) => presentComplaintDetail(await c.complaints.views.detail(actor, id)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/answer',
    {
      allow: MERCHANT,
      tags,
      summary: '商家答复 within 48 hours: accept the claim, counter-offer or reject',
      params: idParams,
      body: complaintAnswerSchema,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.answer(actor, id, body)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/accept-offer',
    {
      allow: CONSUMER,
      tags,
      summary: 'The consumer accepts the merchant’s counter-offer',
      params: idParams,
      body: complaintNoteSchema,
      emptyBody: true,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.acceptOffer(actor, id, body.note)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/escalate',
    {
      allow: CONSUMER,
      tags,
      summary: 'The consumer escalates: to platform mediation, or after a failed mediation to the regulator',
      params: idParams,
      body: complaintNoteSchema,
      emptyBody: true,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.escalate(actor, id, body.note)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/withdraw',
    {
      allow: CONSUMER,
      tags,
      summary: '撤回投诉',
      params: idParams,
      body: complaintNoteSchema,
      emptyBody: true,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.withdraw(actor, id, body.note)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/decide',
    {
      allow: MEDIATORS,
      tags,
      summary: '调解决定: a remedy within the law and the order (fraud compensation computed, Art. 55)',
      params: idParams,
      body: complaintDecisionSchema,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.decide(actor, id, body)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/dismiss',
    {
      allow: MEDIATORS,
      tags,
      summary: '驳回 with its reason',
      params: idParams,
      body: complaintDismissSchema,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.dismiss(actor, id, body.reason)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/regulator-decision',
    {
      allow: REGULATOR,
      tags,
      summary: '受理 / 不予受理 within 7 working days, with its reason',
      params: idParams,
      body: complaintRegulatorDecisionSchema,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.regulatorDecide(actor, id, body.decision, body.reason)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/regulator-mediate',
    {
      allow: REGULATOR,
      tags,
      summary: '调解成立 (行政调解): a remedy under the mediator’s rules, within 45 working days of acceptance',
      params: idParams,
      body: complaintRegulatorMediationSchema,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.regulatorMediate(actor, id, body)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/regulator-close',
    {
      allow: REGULATOR,
      tags,
      summary: '终止调解 with its reason, within 45 working days of acceptance',
      params: idParams,
      body: complaintRegulatorCloseSchema,
      response: complaintViewSchema,
    },
    async (actor, id, body) => presentComplaint(await c.complaints.steps.regulatorClose(actor, id, body.reason)),
  );

  idActionRoute(
    api,
    '/api/complaints/:id/pay',
    {
      allow: MERCHANT,
      tags,
      summary: '商家赔付: pay the resolution’s compensation from the merchant’s available balance, before its deadline',
      params: idParams,
      response: compensationObligationSchema,
    },
    async (actor, id) => presentObligation(await c.complaints.payments.pay(actor, id)),
  );
}
