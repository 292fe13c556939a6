/**
 * What the OpenAPI document says about access, from the same policies the server enforces (policy.ts): a public
 * route carries no security requirement, every other route lists the roles that may call it and whether API
 * tokens may, and the live-room WebSocket (which @fastify/websocket hides from the generated document) is added.
 */
import type { FastifySchema, RouteOptions } from 'fastify';
import type { RoutePolicy } from './policy.ts';

type Documented = FastifySchema & {
  description?: string;
  security?: Array<Record<string, string[]>>;
  [extension: `x-${string}`]: unknown;
};

const ROLE_ZH: Record<string, string> = {
  platform_admin: '平台管理员',
  reviewer: '审核员',
  regulator: '监管部门',
  base_operator: '直播基地运营',
  mcn_manager: 'MCN机构',
  streamer: '主播',
  merchant_staff: '商家',
  provider_staff: '专业服务机构',
  evaluator: '第三方评估机构',
  consumer: '消费者',
};

export function accessLine(policy: RoutePolicy): string {
  if (policy.allow === 'public') return 'Access 访问: public, no sign-in 公开，无需登录';
  const who =
    policy.allow === 'authenticated'
      ? 'any signed-in user 任何已登录用户'
      : policy.allow.map((r) => `${r} ${ROLE_ZH[r] ?? ''}`.trim()).join(', ');
  const tokens = policy.tokens === false ? '; session only, no API tokens 仅限登录会话' : '';
  return `Access 访问: ${who}${tokens}`;
}

export function documentRoute(
  input: { route: RouteOptions },
  out: { schema: FastifySchema; url: string },
): { schema: FastifySchema; url: string } {
  const policy = (input.route.config as { policy?: RoutePolicy } | undefined)?.policy;
  if (!policy) return out;
  const schema: Documented = { ...(out.schema as Documented) };
  const lines = [schema.description, accessLine(policy)];
  if (policy.allow === 'public') schema.security = [];
  schema['x-livehub-access'] = policy.allow === 'public' || policy.allow === 'authenticated' ? policy.allow : [...policy.allow];
  schema.description = lines.filter(Boolean).join('\n\n');
  return { ...out, schema };
}

/** The WebSocket routes, written into the document by hand: the generator never sees them. */
export function withWebSocketRoutes<T extends { paths?: Record<string, unknown> }>(doc: T): T {
  const paths = { ...(doc.paths ?? {}) };
  paths['/api/live/rooms/{id}/ws'] = {
    get: {
      tags: ['live'],
      summary: 'The live room over WebSocket (watch: anyone; chat: signed in; manage: the streamer, co-hosts, the platform)',
      description: [
        'WebSocket: open with an HTTP GET upgrade (ws:// or wss://). Frames are JSON objects, both ways; their types are in',
        'packages/contracts/src/room.ts (danmaku batches, pinned products, warnings, flash-sale countdowns; chat, mute, slow mode).',
        'Resume after a reconnect with ?after=<last seq>. A cookie-authenticated socket must come from this origin.',
        '',
        accessLine({ allow: 'public' }),
      ].join('\n'),
      security: [],
      'x-websocket': true,
      'x-livehub-access': 'public',
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'the live session', schema: { type: 'string', format: 'uuid' } },
        {
          name: 'after',
          in: 'query',
          required: false,
          description: 'resume after this event sequence number',
          schema: { type: 'integer', minimum: 0 },
        },
      ],
      responses: { 101: { description: 'Switching Protocols: the room stream begins' }, 404: { description: 'No such live session' } },
    },
  };
  return { ...doc, paths };
}
