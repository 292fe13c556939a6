/**
 * 监管线索 (docs/supervision.md): the regulator's clue queues — a department sees its own clues, the joint office as
 * a whole every clue — a clue with its log, a regulator's own clue, transfer between departments, dismissal.
 */
import {
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
  idSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['supervision'];
const idParams = z.strictObject({ id: idSchema });
const REGULATOR = ['regulator'] as const;

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
}
