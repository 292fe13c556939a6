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
  wallRoomDetailSchema,
  wallSnapshotSchema,
} from '@livehub/contracts';
import { AppError } from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute, idReadRoute } from '../route-helpers.ts';
import type { Api } from './types.ts';

const tags = ['supervision'];
const idParams = z.strictObject({ id: idSchema });
const REGULATOR = ['regulator'] as const;
/** the monitoring wall: regulators, and the platform's administrators watching their own market */
const WALL = ['regulator', 'platform_admin'] as const;
/** the stream's comment line every 15 s keeps proxies from closing an idle connection */
const KEEPALIVE_MS = 15_000;

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
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      res.write('retry: 5000\n\n');
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
      let stop: (() => Promise<void>) | null = null;
      let closed = false;
      req.raw.on('close', () => {
        closed = true;
        clearInterval(keepAlive);
        if (stop) void stop().catch(() => {});
      });
      try {
        stop = await c.wall.watch(actor, (s) => res.write(`event: snapshot\ndata: ${JSON.stringify(s)}\n\n`));
        if (closed) await stop();
      } catch {
        clearInterval(keepAlive);
        res.end();
      }
    },
  );
}
