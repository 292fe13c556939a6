/**
 * Live-session routes: schedule, products, the pre-live checklist, go live, end, the stream key, the session's
 * recordings, and the media server's publish authentication (for a server holding an API token, and the SRS /
 * nginx-rtmp callbacks, which also report recordings). The room gateway (WebSocket) and video ingest build on these.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { posix } from 'node:path';
import {
  checklistItemSchema,
  idSchema,
  liveRecordingViewSchema,
  liveSessionViewSchema,
  publishAuthSchema,
  type RoomPlayback,
  scheduleSessionSchema,
  sessionProductsSchema,
  streamKeySchema,
} from '@livehub/contracts';
import { AppError, type SessionListing } from '@livehub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { idActionRoute, idReadRoute } from '../route-helpers.ts';
import { presentRecording, presentSession } from '../presenters/live.presenter.ts';
import { type Api, withZod } from './types.ts';

const tags = ['live'];

/** A described session, presented with where its video plays. */
const present = (c: Container, d: SessionListing) => presentSession(d, playbackOf(c, d.session.id));

/** Where a session's video plays (the media server's URLs; not authenticated — see docs/live.md). */
export function playbackOf(c: Container, sessionId: string): RoomPlayback {
  return {
    flv: `${c.config.playbackBaseUrl}/${sessionId}.flv`,
    hls: c.config.hlsBaseUrl ? `${c.config.hlsBaseUrl}/${sessionId}.m3u8` : null,
  };
}

export function liveRoutes(api: Api, c: Container): void {
  const idParams = z.strictObject({ id: idSchema });
  const keyView = (id: string, key: string) => ({ streamKey: key, ingestUrl: c.config.rtmpIngestUrl, streamName: `${id}?key=${key}` });

  api.get(
    '/api/live/sessions',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: 'Sessions: scope=live lists the rooms live now (anyone); mine lists the streamer’s / MCN’s',
        querystring: z.strictObject({ scope: z.enum(['mine', 'live']).default('mine') }),
        response: { 200: z.array(liveSessionViewSchema) },
      },
    },
    async (req) => {
      return (await c.live.listDescribed(requireActor(req), req.query.scope)).map((d) => present(c, d));
    },
  );

  api.post(
    '/api/live/sessions',
    {
      config: { policy: { allow: ['streamer'] } },
      schema: {
        tags,
        summary: '预约直播: schedule a session with its products; the stream key is returned once',
        body: scheduleSessionSchema,
        response: { 201: z.object({ session: liveSessionViewSchema, stream: streamKeySchema }) },
      },
    },
    async (req, reply) => {
      const r = await c.live.schedule(requireActor(req), req.body);
      return reply.status(201).send({ session: present(c, await c.live.describe(r)), stream: keyView(r.session.id, r.streamKey) });
    },
  );

  idReadRoute(
    api,
    '/api/live/sessions/:id',
    { allow: 'authenticated', tags, summary: 'A session (public while live)', params: idParams, response: liveSessionViewSchema },
    async (actor, id) => present(c, await c.live.getDescribed(actor, id)),
  );

  api.put(
    '/api/live/sessions/:id/products',
    {
      config: { policy: { allow: ['streamer'] } },
      schema: {
        tags,
        summary: 'Set the session’s products',
        params: idParams,
        body: sessionProductsSchema,
        response: { 200: liveSessionViewSchema },
      },
    },
    async (req) => present(c, await c.live.describe(await c.live.setProducts(requireActor(req), req.params.id, req.body.productIds))),
  );

  idReadRoute(
    api,
    '/api/live/sessions/:id/checklist',
    {
      allow: ['streamer', 'mcn_manager', 'platform_admin', 'reviewer', 'regulator'],
      tags,
      summary: '开播前检查: what must hold before going live, each with whether it does now',
      params: idParams,
      response: z.array(checklistItemSchema),
    },
    async (actor, id) => c.live.checklist(actor, id),
  );

  idActionRoute(
    api,
    '/api/live/sessions/:id/start',
    {
      allow: ['streamer'],
      tags,
      summary: '开播: go live (409 listing the failed checks otherwise)',
      params: idParams,
      response: liveSessionViewSchema,
    },
    async (actor, id) => present(c, await c.live.describe(await c.live.start(actor, id))),
  );

  idActionRoute(
    api,
    '/api/live/sessions/:id/prereview',
    {
      allow: ['platform_admin', 'reviewer'],
      tags,
      summary:
        '先审后播: the platform pre-reviews a scheduled session (its script and product cards); a streamer under the credit measure `prereview` goes live only after it',
      params: idParams,
      response: liveSessionViewSchema,
    },
    async (actor, id) => present(c, await c.live.describe(await c.live.prereview(actor, id))),
  );

  api.post(
    '/api/live/sessions/:id/end',
    {
      config: { policy: { allow: ['streamer', 'platform_admin', 'reviewer'] } },
      schema: {
        tags,
        summary: '下播: end (or cancel a scheduled) session; the platform may end any, with a reason',
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(2).max(500).optional() }).optional(),
        response: { 200: liveSessionViewSchema },
      },
    },
    // viewers on every process get `ended`; the room's counters become the session's statistics
    async (req) => present(c, await c.sessionEnd.end(requireActor(req), req.params.id, req.body?.reason)),
  );

  api.get(
    '/api/live/sessions/:id/recordings',
    {
      config: { policy: { allow: ['streamer', 'mcn_manager', 'platform_admin', 'reviewer', 'regulator'] } },
      schema: {
        tags,
        summary: 'The session’s recordings (kept ≥ 3 years): times, size, SHA-256, retention; the file path for the platform only',
        params: idParams,
        response: { 200: z.array(liveRecordingViewSchema) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return (await c.live.listRecordings(actor, req.params.id)).map((r) => presentRecording(actor, r));
    },
  );

  /** The stream-key routes (the streamer only, never cached): GET shows the key, POST rotates it. */
  const streamKeyRoute = (summary: string) => ({
    config: { policy: { allow: ['streamer'] as const, tokens: false } },
    schema: { tags, summary, params: idParams, response: { 200: streamKeySchema } },
  });
  const sendKey = (reply: FastifyReply, sessionId: string, key: string) => {
    reply.header('cache-control', 'private, no-store');
    return keyView(sessionId, key);
  };

  api.get(
    '/api/live/sessions/:id/stream-key',
    streamKeyRoute('The session’s stream key and ingest URL (the streamer only; audited)'),
    async (req, reply) => sendKey(reply, req.params.id, await c.live.streamKey(requireActor(req), req.params.id)),
  );

  api.post(
    '/api/live/sessions/:id/stream-key',
    streamKeyRoute('Rotate the stream key (the old one stops working at once)'),
    async (req, reply) => sendKey(reply, req.params.id, await c.live.rotateKey(requireActor(req), req.params.id)),
  );

  api.post(
    '/api/live/publish-auth',
    {
      config: { policy: { allow: ['platform_admin'], scope: 'write' } },
      schema: {
        tags,
        summary: 'Media-server publish callback: is this key the session’s? (an API token of the platform; refusals are audited)',
        body: publishAuthSchema,
        response: { 200: z.object({ allowed: z.literal(true) }) },
      },
    },
    async (req) => {
      const ok = await c.live.authorizePublish(req.body.sessionId, req.body.key, req.ip);
      if (!ok) throw new AppError('live.publish_refused');
      return { allowed: true as const };
    },
  );

  publishHooks(api, c);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Publish callbacks of external RTMP servers: SRS `http_hooks.on_publish` (JSON: `stream` = the session id, `param`
 * = `?key=…`) and nginx-rtmp `on_publish` (form fields: `name` = the session id, the stream name's arguments such
 * as `key`, `addr`). Neither can send a bearer token, so these routes are public and check a shared secret
 * themselves — `?secret=<LIVEHUB_PUBLISH_HOOK_SECRET>` in the callback URL (or an `x-livehub-hook-secret` header).
 * Without the right secret, or with none configured, they answer like an unknown route. A wrong key is a 403
 * (both servers then refuse the publish) and audited as `live.publish_refused` by `authorizePublish`.
 *
 * The same routes take the servers' recording callbacks — SRS `on_dvr` (`stream`, `file`, `cwd`) and nginx-rtmp
 * `on_record_done` (`call=record_done`, `name`, `path`) — each a closed file of a session's stream: a recording of
 * source `external`, started and ended at once (its size and hash unknown). An unknown session is a 404.
 */
function publishHooks(api: Api, c: Container): void {
  const expected = c.config.publishHookSecret ? digest(c.config.publishHookSecret) : null;
  const checkSecret = async (req: FastifyRequest) => {
    const q = req.query as Record<string, unknown> | undefined;
    const sent = q?.secret ?? req.headers['x-livehub-hook-secret'];
    if (!expected || typeof sent !== 'string' || !timingSafeEqual(digest(sent), expected)) throw new AppError('route.not_found');
  };
  const authorize = async (req: FastifyRequest, sessionId: string, key: string, from: string | undefined) => {
    if (!UUID.test(sessionId)) {
      req.log.warn({ stream: sessionId, from }, 'publish refused: the stream name is not a session id');
      throw new AppError('live.publish_refused');
    }
    if (!(await c.live.authorizePublish(sessionId, key, from ?? req.ip))) throw new AppError('live.publish_refused');
  };
  const secretQuery = z.object({ secret: z.string().optional() });
  /** What every media-server callback route shares: public, behind the shared secret, logged quietly. */
  const publishHook = {
    config: { policy: { allow: 'public' as const } },
    logLevel: 'warn' as const, // the request line carries the secret
    preValidation: checkSecret,
  };
  /** an external server's closed recording of a session's stream */
  const recorded = async (req: FastifyRequest, sessionId: string, file: string | null) => {
    if (!UUID.test(sessionId)) {
      req.log.warn({ stream: sessionId }, 'recording ignored: the stream name is not a session id');
      throw new AppError('live.not_found', { field: 'stream' });
    }
    await c.live.externalRecording(sessionId, file);
  };

  api.post(
    '/api/live/publish-hook/srs',
    {
      ...publishHook,
      schema: {
        tags,
        summary:
          'SRS on_publish callback (shared secret in the URL): 200 {code: 0} allows the publish, 403 refuses it; on_dvr records a recording',
        querystring: secretQuery,
        body: z.object({
          action: z.string().max(40).optional(),
          ip: z.string().max(100).optional(),
          app: z.string().max(200).optional(),
          stream: z.string().max(200),
          param: z.string().max(2000).default(''),
          /** on_dvr: the file, relative to `cwd` unless absolute */
          file: z.string().max(2000).optional(),
          cwd: z.string().max(2000).optional(),
        }),
        response: { 200: z.object({ code: z.literal(0), msg: z.string() }) },
      },
    },
    async (req) => {
      if (req.body.action === 'on_dvr') {
        const { file, cwd } = req.body;
        await recorded(req, req.body.stream, file ? (cwd && !posix.isAbsolute(file) ? posix.join(cwd, file) : file) : null);
        return { code: 0 as const, msg: 'OK' };
      }
      // the stream went away: its room says the signal dropped
      if (req.body.action === 'on_unpublish') {
        if (UUID.test(req.body.stream)) await c.rooms.streamChanged(req.body.stream, false);
        return { code: 0 as const, msg: 'OK' };
      }
      // other events (on_play…) pointed here are not ours to refuse
      if (req.body.action && req.body.action !== 'on_publish') return { code: 0 as const, msg: 'ignored' };
      const key = new URLSearchParams(req.body.param.replace(/^\?/, '')).get('key') ?? '';
      await authorize(req, req.body.stream, key, req.body.ip);
      await c.rooms.streamChanged(req.body.stream, true);
      return { code: 0 as const, msg: 'OK' };
    },
  );

  // nginx-rtmp posts form fields: a parser for them in this scope only (the rest of the API stays JSON-only).
  api.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    withZod(scope).post(
      '/api/live/publish-hook/nginx',
      {
        ...publishHook,
        schema: {
          tags,
          summary:
            'nginx-rtmp on_publish callback (shared secret in the URL): 2xx allows the publish, 403 refuses it; on_record_done records a recording',
          querystring: secretQuery,
          body: z.object({
            call: z.string().max(40).optional(),
            addr: z.string().max(100).optional(),
            app: z.string().max(200).optional(),
            name: z.string().max(200),
            key: z.string().max(200).optional(),
            /** record_done: the recorded file */
            path: z.string().max(2000).optional(),
          }),
          response: { 200: z.object({ allowed: z.literal(true) }) },
        },
      },
      async (req) => {
        if (req.body.call === 'record_done') {
          await recorded(req, req.body.name, req.body.path || null);
          return { allowed: true as const };
        }
        if (req.body.call === 'publish_done') {
          if (UUID.test(req.body.name)) await c.rooms.streamChanged(req.body.name, false);
          return { allowed: true as const };
        }
        if (req.body.call && req.body.call !== 'publish') return { allowed: true as const };
        await authorize(req, req.body.name, req.body.key ?? '', req.body.addr);
        await c.rooms.streamChanged(req.body.name, true);
        return { allowed: true as const };
      },
    );
  });
}
