/**
 * The enforcement modes of 包容审慎监管 (docs/credit.md): the platform admin sets them and runs 监管沙盒 cohorts;
 * regulators read settings, cohorts and clues; a party reads and completes its own training tasks (首违不罚).
 */
import {
  creditClueQuerySchema,
  creditCluesSchema,
  creditCohortCreateSchema,
  creditCohortMemberSchema,
  creditCohortMembersSchema,
  creditCohortViewSchema,
  creditModeSettingsSchema,
  creditModeSettingsViewSchema,
  creditTrainingTasksSchema,
  creditTrainingTaskViewSchema,
  idSchema,
} from '@livehub/contracts';
import type { CreditModeSettings } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { presentClue, presentCohort, presentMember, presentTrainingTask } from '../presenters/credit-modes.presenter.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import { CREDIT_PARTIES, CREDIT_READERS } from './credit.routes.ts';
import type { Api } from './types.ts';

const tags = ['credit'];
const ADMIN = ['platform_admin'] as const;
const idParams = z.strictObject({ id: idSchema });
const memberParams = z.strictObject({ id: idSchema, partyId: idSchema });

export function creditModeRoutes(api: Api, c: Container): void {
  api.get(
    '/api/credit/modes/settings',
    {
      config: { policy: { allow: CREDIT_READERS } },
      schema: {
        tags,
        summary: '执法模式设置: first offence per category, observation days, trigger thresholds',
        response: { 200: creditModeSettingsViewSchema },
      },
    },
    async (req) => {
      const s = await c.creditModes.settings(requireActor(req));
      return { settings: s.settings, updatedAt: s.updatedAt?.toISOString() ?? null };
    },
  );

  api.put(
    '/api/credit/modes/settings',
    {
      config: { policy: { allow: ADMIN } },
      schema: {
        tags,
        summary: 'Save the enforcement mode settings',
        body: creditModeSettingsSchema,
        response: { 200: creditModeSettingsViewSchema },
      },
    },
    async (req) => {
      const s = await c.creditModes.updateSettings(requireActor(req), req.body as CreditModeSettings);
      return { settings: s.settings, updatedAt: s.updatedAt.toISOString() };
    },
  );

  api.get(
    '/api/credit/cohorts',
    {
      config: { policy: { allow: CREDIT_READERS } },
      schema: { tags, summary: '监管沙盒: the cohorts', response: { 200: z.object({ items: z.array(creditCohortViewSchema) }) } },
    },
    async (req) => ({ items: (await c.creditModes.cohorts(requireActor(req))).map(presentCohort) }),
  );

  createdRoute(
    api,
    '/api/credit/cohorts',
    { allow: ADMIN, tags, summary: 'Create a sandbox cohort', body: creditCohortCreateSchema, response: creditCohortViewSchema },
    async (actor, body) =>
      presentCohort(
        await c.creditModes.createCohort(actor, {
          name: body.name,
          description: body.description,
          relax: body.relax,
          extraSampling: body.extraSampling,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
        }),
      ),
  );

  idReadRoute(
    api,
    '/api/credit/cohorts/:id/members',
    { allow: CREDIT_READERS, tags, summary: 'A cohort’s members', params: idParams, response: creditCohortMembersSchema },
    async (actor, id) => ({ items: (await c.creditModes.members(actor, id)).map(presentMember) }),
  );

  idActionRoute(
    api,
    '/api/credit/cohorts/:id/members',
    {
      allow: ADMIN,
      tags,
      summary: 'Add a party to a cohort',
      params: idParams,
      body: creditCohortMemberSchema,
      response: creditCohortMembersSchema,
    },
    async (actor, id, body) => ({ items: (await c.creditModes.addMember(actor, id, body.partyId)).map(presentMember) }),
  );

  api.delete(
    '/api/credit/cohorts/:id/members/:partyId',
    {
      config: { policy: { allow: ADMIN } },
      schema: { tags, summary: 'Remove a party from a cohort', params: memberParams, response: { 200: creditCohortMembersSchema } },
    },
    async (req) => {
      const { id, partyId } = req.params as z.output<typeof memberParams>;
      return { items: (await c.creditModes.removeMember(requireActor(req), id, partyId)).map(presentMember) };
    },
  );

  api.get(
    '/api/credit/tasks',
    {
      config: { policy: { allow: CREDIT_PARTIES } },
      schema: { tags, summary: '首违不罚: my training tasks', response: { 200: creditTrainingTasksSchema } },
    },
    async (req) => ({ items: (await c.creditModes.tasks(requireActor(req))).map(presentTrainingTask) }),
  );

  idActionRoute(
    api,
    '/api/credit/tasks/:id/complete',
    {
      allow: CREDIT_PARTIES,
      tags,
      summary: 'Complete my training task (records training.completed)',
      params: idParams,
      response: creditTrainingTaskViewSchema,
    },
    async (actor, id) => presentTrainingTask(await c.creditModes.completeTask(actor, id)),
  );

  api.get(
    '/api/credit/clues',
    {
      config: { policy: { allow: CREDIT_READERS } },
      schema: {
        tags,
        summary: '触发式监管: clues raised by crossed thresholds',
        querystring: creditClueQuerySchema,
        response: { 200: creditCluesSchema },
      },
    },
    async (req) => ({ items: (await c.creditModes.clues(requireActor(req), req.query)).map(presentClue) }),
  );
}
