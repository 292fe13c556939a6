/**
 * 对账: the daily reconciliation of the payment provider's trade bill against payments, refunds and the ledger.
 * Platform admins (finance) run a day and resolve its differences; regulators read.
 */
import {
  reconciliationDaySchema,
  reconciliationResolveSchema,
  reconciliationRunBodySchema,
  reconciliationRunSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { idActionRoute } from '../route-helpers.ts';
import { presentDay, presentRun } from '../presenters/statement.presenter.ts';
import type { Api } from './types.ts';

const READERS = ['platform_admin', 'regulator'] as const;
const FINANCE = ['platform_admin'] as const;

export function reconciliationRoutes(api: Api, c: Container): void {
  api.get(
    '/api/reconciliation/runs',
    {
      config: { policy: { allow: READERS } },
      schema: {
        tags: ['settlement'],
        summary: 'Reconciliation runs, newest day first',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(366).default(60) }),
        response: { 200: z.object({ items: z.array(reconciliationRunSchema) }) },
      },
    },
    async (req) => ({ items: (await c.reconciliation.runs(requireActor(req), req.query.limit)).map(presentRun) }),
  );

  api.get(
    '/api/reconciliation/runs/:day',
    {
      config: { policy: { allow: READERS } },
      schema: {
        tags: ['settlement'],
        summary: 'A day’s reconciliation with its differences',
        params: z.strictObject({ day: z.string().min(1).max(20) }),
        response: { 200: reconciliationDaySchema },
      },
    },
    async (req) => presentDay(await c.reconciliation.day(requireActor(req), req.params.day)),
  );

  api.post(
    '/api/reconciliation/runs',
    {
      config: { policy: { allow: FINANCE } },
      schema: {
        tags: ['settlement'],
        summary: 'Reconcile a day (again): replaces its open differences, keeps resolved ones',
        body: reconciliationRunBodySchema,
        response: { 200: reconciliationDaySchema },
      },
    },
    async (req) => presentDay(await c.reconciliation.run(requireActor(req), req.body.day)),
  );

  idActionRoute(
    api,
    '/api/reconciliation/items/:id/resolve',
    {
      allow: FINANCE,
      tags: ['settlement'],
      summary: 'Record how a difference was resolved',
      params: z.strictObject({ id: z.uuid() }),
      body: reconciliationResolveSchema,
      response: reconciliationDaySchema,
    },
    async (actor, id, body) => presentDay(await c.reconciliation.resolve(actor, id, body.note)),
  );
}
