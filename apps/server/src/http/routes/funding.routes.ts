/**
 * 项目资金绩效评价 (project funding with performance evaluation): the issuing department sets up projects, adds and
 * pays tranches and decides rectifications; the base operator reads its own projects, files the year's
 * self-assessment (prefilled from LiveHub's figures) and its rectification report; the assigned third-party
 * evaluator reads the projects assigned to it and submits its evaluation. docs/programmes.md § Project funding.
 */
import {
  fundingEvaluationSchema,
  fundingEvaluationViewSchema,
  fundingOptionsSchema,
  fundingPaySchema,
  fundingPrefillSchema,
  fundingProjectDetailSchema,
  fundingProjectInputSchema,
  fundingProjectListSchema,
  fundingProjectViewSchema,
  fundingRectificationDecisionSchema,
  fundingRectificationReportSchema,
  fundingSelfAssessmentSchema,
  fundingTrancheInputSchema,
  fundingTrancheViewSchema,
  idSchema,
} from '@livehub/contracts';
import { TARGET_ZH } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentEvaluation, presentFundingDetail, presentFundingProject, presentTranche } from '../presenters/funding.presenter.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['funding'];
const idParams = z.strictObject({ id: idSchema });
/** The issuing department: a regulator acting for a department. */
export const FUNDING_ISSUERS = ['regulator'] as const;
/** Who sees projects: the issuing department, the base, the assigned evaluator (each only its own). */
export const FUNDING_READERS = ['regulator', 'base_operator', 'evaluator'] as const;
const BASE = ['base_operator'] as const;
const BASE_PATH = '/api/programmes/funding/projects';

export function fundingRoutes(api: Api, c: Container): void {
  api.get(
    BASE_PATH,
    {
      config: { policy: { allow: FUNDING_READERS } },
      schema: {
        tags,
        summary: 'Funded projects the caller sees: its department’s, its base’s own, or those assigned to its evaluator',
        response: { 200: fundingProjectListSchema },
      },
    },
    async (req) => ({
      items: (await c.funding.list(requireActor(req))).map((p) => presentFundingProject(p, p.ownerName, p.evaluatorName)),
    }),
  );

  api.get(
    '/api/programmes/funding/options',
    {
      config: { policy: { allow: FUNDING_ISSUERS } },
      schema: {
        tags,
        summary: 'The live bases and the third-party evaluators a new project may name',
        response: { 200: fundingOptionsSchema },
      },
    },
    async (req) => c.funding.options(requireActor(req)),
  );

  createdRoute(
    api,
    BASE_PATH,
    {
      allow: FUNDING_ISSUERS,
      tags,
      summary: 'Sets up a three-year funded project of a base with its budget, tranches and targets',
      body: fundingProjectInputSchema,
      response: fundingProjectViewSchema,
    },
    async (actor, body) => presentFundingProject(await c.funding.create(actor, body), null, null),
  );

  idReadRoute(
    api,
    `${BASE_PATH}/:id`,
    {
      allow: FUNDING_READERS,
      tags,
      summary: 'A project with its tranches, targets and evaluations',
      params: idParams,
      response: fundingProjectDetailSchema,
    },
    async (actor, id) => presentFundingDetail(await c.funding.detail(actor, id)),
  );

  idActionRoute(
    api,
    `${BASE_PATH}/:id/tranches`,
    {
      allow: FUNDING_ISSUERS,
      tags,
      summary: 'Adds a tranche (the tranches stay within the budget)',
      params: idParams,
      body: fundingTrancheInputSchema,
      response: fundingTrancheViewSchema,
    },
    async (actor, id, body) => {
      const t = await c.funding.addTranche(actor, id, body);
      const d = await c.funding.detail(actor, id);
      return presentTranche(d.project, t);
    },
  );

  idActionRoute(
    api,
    `${BASE_PATH}/:id/pay`,
    {
      allow: FUNDING_ISSUERS,
      tags,
      summary: 'Pays the next year’s tranche: a ledger entry from the programme fund to the project’s account',
      params: idParams,
      body: fundingPaySchema,
      response: fundingTrancheViewSchema,
    },
    async (actor, id, body) => {
      const t = await c.funding.payTranche(actor, id, body.trancheId);
      const d = await c.funding.detail(actor, id);
      return presentTranche(d.project, t);
    },
  );

  idReadRoute(
    api,
    `${BASE_PATH}/:id/self-assessment`,
    {
      allow: BASE,
      tags,
      summary: 'The self-assessment form of the current plan year, prefilled with LiveHub’s own figures',
      params: idParams,
      response: fundingPrefillSchema,
    },
    async (actor, id) => {
      const pre = await c.funding.prefill(actor, id);
      return {
        planYear: pre.planYear,
        year: pre.year,
        targets: pre.targets.map((t) => ({
          planYear: t.planYear,
          year: pre.year,
          kind: t.kind,
          label: TARGET_ZH[t.kind],
          target: t.target,
        })),
        figures: pre.figures,
      };
    },
  );

  idActionRoute(
    api,
    `${BASE_PATH}/:id/self-assessment`,
    {
      allow: BASE,
      tags,
      summary: 'Files the year’s self-assessment (自查自评): declared figures for what LiveHub does not hold',
      params: idParams,
      body: fundingSelfAssessmentSchema,
      response: fundingEvaluationViewSchema,
    },
    async (actor, id, body) => {
      const e = await c.funding.selfAssess(actor, id, body);
      return presentEvaluation((await c.funding.detail(actor, id)).project, e);
    },
  );

  idActionRoute(
    api,
    `${BASE_PATH}/:id/evaluation`,
    {
      // the base and the department reach the service, which refuses them by name (funding.not_evaluator)
      allow: FUNDING_READERS,
      tags,
      summary: 'The assigned third-party evaluator’s report and verified figures; graded by the rules',
      params: idParams,
      body: fundingEvaluationSchema,
      response: fundingEvaluationViewSchema,
    },
    async (actor, id, body) => {
      const e = await c.funding.evaluate(actor, id, {
        verified: body.verified,
        report: body.report,
        rectificationDeadline: body.rectificationDeadline ? new Date(body.rectificationDeadline) : null,
      });
      return presentEvaluation((await c.funding.detail(actor, id)).project, e);
    },
  );

  idActionRoute(
    api,
    `${BASE_PATH}/:id/rectification-report`,
    {
      allow: BASE,
      tags,
      summary: 'Files the rectification report (整改报告) of a 不合格 year',
      params: idParams,
      body: fundingRectificationReportSchema,
      response: fundingEvaluationViewSchema,
    },
    async (actor, id, body) => {
      const e = await c.funding.fileRectification(actor, id, body.report);
      return presentEvaluation((await c.funding.detail(actor, id)).project, e);
    },
  );

  idActionRoute(
    api,
    `${BASE_PATH}/:id/rectification`,
    {
      allow: FUNDING_ISSUERS,
      tags,
      summary: 'Accepts the rectification (the year passes) or rejects it (exit, the year’s tranches clawed back)',
      params: idParams,
      body: fundingRectificationDecisionSchema,
      response: fundingProjectViewSchema,
    },
    async (actor, id, body) => presentFundingProject(await c.funding.decideRectification(actor, id, body.decision, body.note), null, null),
  );
}
