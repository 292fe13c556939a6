/**
 * Walks every /api route against every role (and no session, and API tokens) and checks that what the route
 * declares is what happens: 401 without a session, 403 for a role the policy leaves out, and anything but 401/403
 * for a role it allows. The table comes from the app's own route registry, so a new route is covered the moment
 * it is added.
 */
import { ROLES, type Role } from '@livehub/contracts';
import { createTestPlatform, DEMO_ACCOUNT_BY_ROLE, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from './policy.ts';

const ACCOUNT_BY_ROLE = DEMO_ACCOUNT_BY_ROLE;

let p: TestPlatform;
const sessions = new Map<Role, TestSession>();

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  for (const role of ROLES) sessions.set(role, await p.login(ACCOUNT_BY_ROLE[role]));
});
afterAll(async () => p?.close());

const NIL = '00000000-0000-7000-8000-000000000000';

/** Fills path parameters with ids the caller owns, so a 403 can only come from the role policy. */
function urlFor(route: RegisteredRoute, s: TestSession | null): string {
  return route.url
    .replace(':id', s?.me.active?.orgId ?? NIL)
    .replace(':orgId', s?.me.active?.orgId ?? NIL)
    .replace(':userId', s?.me.user.id ?? NIL)
    .replace(/:[A-Za-z]+/g, NIL);
}

function expected(route: RegisteredRoute, role: Role | null): 'public' | 401 | 403 | 'allowed' {
  const allow = route.policy?.allow;
  if (allow === 'public') return 'public';
  if (role === null) return 401;
  if (allow === 'authenticated') return 'allowed';
  return (allow as readonly string[]).includes(role) ? 'allowed' : 403;
}

describe('access control: every route × every role', () => {
  it('every /api route declares a policy', () => {
    const api = p.routes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThanOrEqual(15);
    for (const r of api) expect(r.policy, `${r.method} ${r.url}`).toBeDefined();
  });

  it('enforces each declared policy', async () => {
    // Logout ends the session it is called with, so it goes last.
    const routes = p.routes
      .filter((r) => r.url.startsWith('/api'))
      .sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    const table: string[] = [];
    for (const route of routes) {
      for (const role of [null, ...ROLES] as const) {
        const s = role ? (sessions.get(role) ?? null) : null;
        const res = await p.app.inject({
          method: route.method as 'GET',
          url: urlFor(route, s),
          headers: s ? s.headers(true) : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          remoteAddress: `127.9.${ROLES.indexOf(role as Role) + 1}.1`,
        });
        const want = expected(route, role);
        const got = res.statusCode;
        const line = `${route.method} ${route.url} as ${role ?? 'anonymous'}: want ${want}, got ${got}`;
        table.push(line);
        if (want === 401 || want === 403) expect(got, line).toBe(want);
        else expect([401, 403], `${line} ${res.body}`).not.toContain(got);
        expect(got, line).toBeLessThan(500);
      }
    }
    expect(table.length).toBe(routes.length * (ROLES.length + 1));
  });
});

/**
 * Object-level cases (a probe found each of these open): the routes above may be called by a role, and these say
 * whose records that role reaches. Every role × every case; `streamer_0001` is a colleague of `streamer` in the MCN
 * `mcn` manages; the demo room belongs to a streamer of `mcn_0001`'s MCN.
 */
describe('access control: whose records each role reaches', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
  it('ID cards, talent records, gates and checklists answer only their people', async () => {
    const colleague = await p.login('streamer_0001');
    const otherMcn = await p.login('mcn_0001');
    const idCard = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=id_card&filename=id.png',
      headers: { ...colleague.headers(), 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(idCard.statusCode).toBe(201);
    const merchantOrg = (await p.login('merchant')).me.active?.orgId;
    // a session of another MCN's streamer (the demo room's MCN, which `mcn_0001` manages)
    const room = (await p.app.inject({ method: 'GET', url: '/api/live/sessions?scope=mine', headers: otherMcn.headers(false) })).json()[0];
    expect(room).toBeDefined();
    const cases: Array<{ name: string; url: string; allowed: ReadonlyArray<Role | 'colleague' | 'other_mcn'> }> = [
      {
        name: 'a streamer’s ID card',
        url: `/api/documents/${idCard.json().id}/content`,
        allowed: ['platform_admin', 'reviewer', 'regulator', 'colleague'],
      },
      {
        name: 'a streamer’s talent record',
        url: `/api/registry/talent/${colleague.me.user.id}`,
        // the base hosting the MCN reads its people's records too
        allowed: ['platform_admin', 'regulator', 'base_operator', 'mcn_manager', 'colleague'],
      },
      {
        name: 'a streamer’s live gate',
        url: `/api/registry/gates/live/${colleague.me.user.id}`,
        allowed: ['platform_admin', 'reviewer', 'regulator', 'base_operator', 'mcn_manager', 'colleague'],
      },
      {
        name: 'a merchant’s listing gate',
        url: `/api/registry/gates/listing/${merchantOrg}`,
        allowed: ['platform_admin', 'reviewer', 'regulator', 'merchant_staff'],
      },
      {
        name: 'another MCN’s live-session checklist',
        url: `/api/live/sessions/${room.id}/checklist`,
        allowed: ['platform_admin', 'reviewer', 'regulator', 'other_mcn'],
      },
    ];
    // fresh sessions: the route walk above ends with logout
    const fresh = new Map<Role, TestSession>();
    for (const role of ROLES) fresh.set(role, await p.login(ACCOUNT_BY_ROLE[role]));
    const callers: Array<[Role | 'colleague' | 'other_mcn', TestSession | undefined]> = [
      ...ROLES.map((r) => [r, fresh.get(r)] as [Role, TestSession | undefined]),
      ['colleague', colleague],
      ['other_mcn', otherMcn],
    ];
    const table: string[] = [];
    for (const c of cases) {
      for (const [who, s] of callers) {
        const res = await p.app.inject({ method: 'GET', url: c.url, headers: s?.headers(false) ?? {} });
        const want = c.allowed.includes(who) ? 200 : 'refused';
        table.push(`${c.name} as ${who}: want ${want}, got ${res.statusCode}`);
        if (want === 200) expect(res.statusCode, `${c.name} as ${who}`).toBe(200);
        else expect([403, 404], `${c.name} as ${who}: ${res.body}`).toContain(res.statusCode);
      }
    }
    expect(table).toHaveLength(cases.length * callers.length);
  });
});

describe('access control: API tokens', () => {
  it('reads with a read token, is refused writes without the write scope, and never mints tokens', async () => {
    const admin = await p.login('admin');
    const res = await p.call(admin, 'POST', '/api/tokens', { name: 'reader', scopes: ['read'] });
    expect(res.status).toBe(201);
    const { token, id } = res.body as { token: string; id: string };
    const bearer = { authorization: `Bearer ${token}` };

    expect((await p.app.inject({ method: 'GET', url: '/api/orgs', headers: bearer })).statusCode).toBe(200);
    const write = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: bearer,
      payload: { kind: 'mcn', name: '令牌创建的MCN' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('auth.scope');
    const audit = await p.app.inject({ method: 'GET', url: '/api/audit', headers: bearer });
    expect(audit.statusCode).toBe(403);
    expect((await p.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).statusCode).toBe(403);

    // A token needs no CSRF header: it is not ambient like a cookie.
    const writer = await p.call(admin, 'POST', '/api/tokens', { name: 'writer', scopes: ['read', 'write'] });
    const wtoken = (writer.body as { token: string }).token;
    const created = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { authorization: `Bearer ${wtoken}` },
      payload: { kind: 'mcn', name: '令牌创建的MCN' },
    });
    expect(created.statusCode).toBe(201);

    const revoke = await p.call(admin, 'DELETE', `/api/tokens/${id}`);
    expect(revoke.status).toBe(204);
    const after = await p.app.inject({ method: 'GET', url: '/api/orgs', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.invalid_token');
  });

  it('refuses a garbage bearer token with 401', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer lh_nonsense' } });
    expect(res.statusCode).toBe(401);
  });
});
