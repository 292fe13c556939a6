/**
 * The foundation's API end to end through Fastify's inject: sign-in, CSRF, lockout and throttling, tenant
 * scoping, bad input, PII at rest, and the audit chain catching tampering.
 */
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
});
afterAll(async () => p?.close());

const json = { 'content-type': 'application/json' };

describe('sign-in and sessions', () => {
  it('signs in, sets an httpOnly cookie, and lands each role on its workbench', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'regulator', password: 'livehub-demo' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lh_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = res.json();
    expect(me.role).toBe('regulator');
    expect(me.workbench).toBe('/regulator');
    expect(me.active.departmentName).toBe('市场监管局');
    expect(me.csrfToken).toEqual(expect.any(String));
    for (const [u, wb] of [
      ['admin', '/platform'],
      ['base', '/base'],
      ['mcn', '/mcn'],
      ['streamer', '/streamer'],
      ['merchant', '/merchant'],
      ['consumer', '/shop'],
    ] as const) {
      expect((await p.login(u)).me).toMatchObject({ workbench: wb });
    }
  });

  it('answers a wrong password and an unknown user with the same generic error', async () => {
    const a = await p.loginAttempt('mcn', 'wrong-password', '127.1.0.1');
    const b = await p.loginAttempt('no_such_user', 'wrong-password', '127.1.0.1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.message).toBe('用户名或密码错误');
  });

  it('never locks an account: failures slow it down, the right password still signs in, unknown names answer alike', async () => {
    const { SYSTEM_ACTOR } = await import('@livehub/core');
    await p.c.identity.createUser({ ...SYSTEM_ACTOR }, { username: 'lockme', password: 'correct-horse', displayName: '锁定测试' });
    const attempt = p.loginAttempt;
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      real.push((await attempt('lockme', `bad-${i}`, `127.2.0.${i + 1}`)).statusCode);
      unknown.push((await attempt('no_such_user_x', `bad-${i}`, `127.2.1.${i + 1}`)).statusCode);
    }
    // the same answer for an existing and a made-up username, and never 423
    expect(real).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(unknown).toEqual(real);
    // the owner, from yet another address, signs in with the right password
    const right = await attempt('lockme', 'correct-horse', '127.2.2.1');
    expect(right.statusCode).toBe(200);
    // the failures past the fifth were slowed (audited with how long), and signing in cleared the count
    const audit = await p.c.uow.read.audit.list({ action: 'auth.login_failed', limit: 50 });
    const slowed = audit.filter((e) => e.actorLabel === 'lockme').map((e) => (e.detail as { slowedMs: number }).slowedMs);
    expect(slowed.sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 0, 250, 500]);
    expect(await p.c.kv.rateLimits.peek('login:fail:lockme')).toBe(0);
  });

  it('limits failures of one username from one address without keeping its owner out elsewhere', async () => {
    const { SYSTEM_ACTOR } = await import('@livehub/core');
    await p.c.identity.createUser({ ...SYSTEM_ACTOR }, { username: 'pairme', password: 'correct-horse', displayName: '限流测试' });
    // ten failures counted from one address (as if earlier attempts had failed), the next one from there is refused
    for (let i = 0; i < 10; i++) await p.c.kv.rateLimits.hit('login:fail:pairme@127.2.3.1', 60_000);
    const there = await p.loginAttempt('pairme', 'correct-horse', '127.2.3.1');
    expect(there.statusCode).toBe(429);
    expect(there.headers['retry-after']).toBeDefined();
    const elsewhere = await p.loginAttempt('pairme', 'correct-horse', '127.2.3.2');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('throttles many attempts from one address across usernames', async () => {
    let last = 0;
    for (let i = 0; i < 32; i++) {
      last = (await p.loginAttempt(`spray_${i}`, 'guess-guess', '127.3.0.1')).statusCode;
    }
    expect(last).toBe(429);
  });

  it('refuses cookie writes without the CSRF token, and accepts them with it', async () => {
    const s = await p.login('admin');
    const without = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: s.cookie },
      payload: { kind: 'mcn', name: '无CSRF的MCN' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf');
    const wrong = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
      payload: { kind: 'mcn', name: '无CSRF的MCN' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: s.headers(),
      payload: { kind: 'mcn', name: '有CSRF的MCN' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const s = await p.login('streamer');
    expect((await p.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers() })).statusCode).toBe(204);
    expect((await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers(false) })).statusCode).toBe(401);
  });

  it('ignores a forged (unsigned) session cookie', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'lh_session=forged-value' } });
    expect(res.statusCode).toBe(401);
  });

  it('switches the active organization for a user with two memberships', async () => {
    const admin = await p.login('admin');
    const mcnOrg = (await p.app.inject({ method: 'GET', url: '/api/orgs?kind=mcn', headers: admin.headers(false) })).json().items[0];
    const merchant = await p.login('merchant');
    const add = await p.call(admin, 'POST', `/api/orgs/${mcnOrg.id}/members`, { userId: merchant.me.user.id, role: 'streamer' });
    expect(add.status).toBe(201);
    const again = await p.login('merchant');
    const target = again.me.memberships.find((m) => m.orgId === mcnOrg.id);
    const sw = await p.call(again, 'POST', '/api/auth/switch', { membershipId: target?.id });
    expect(sw.status).toBe(200);
    expect(sw.body).toMatchObject({ role: 'streamer', workbench: '/streamer' });
    const me = await p.call(again, 'GET', '/api/auth/me');
    expect(me.body.role).toBe('streamer');
    const foreign = await p.call(again, 'POST', '/api/auth/switch', { membershipId: admin.me.memberships[0]?.id });
    expect(foreign.status).toBe(404);
  });

  it('lets a consumer sign up and be signed in', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { username: 'new_buyer', password: 'a-long-password', displayName: '新买家', phone: '13912345678' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'consumer', workbench: '/shop', user: { phone: '139****5678' } });
    const dup = await p.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { username: 'NEW_BUYER', password: 'a-long-password', displayName: '重复' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'user.username_taken', field: 'username' });
  });
});

describe('bad input never yields a 500', () => {
  it.each([
    ['malformed JSON', { payload: '{"username": ', headers: json }, 400, 'request.malformed_json', undefined],
    ['wrong type', { payload: { username: 42, password: 'x' } }, 400, 'request.invalid', 'username'],
    ['unknown field', { payload: { username: 'admin', password: 'x', isAdmin: true } }, 400, 'request.invalid', 'isAdmin'],
    ['missing field', { payload: { username: 'admin' } }, 400, 'request.invalid', 'password'],
    [
      'oversized body',
      { payload: JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }), headers: json },
      413,
      'request.too_large',
      undefined,
    ],
    [
      'wrong media type',
      { payload: 'username=admin', headers: { 'content-type': 'text/plain' } },
      415,
      'request.unsupported_media_type',
      undefined,
    ],
  ])('%s', async (_name, req, status, code, field) => {
    const res = await p.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.4.0.1', ...req });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (field) expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toEqual(expect.any(String));
  });

  it('reports a bad id as a field error, in both languages', async () => {
    const s = await p.login('admin');
    const zh = await p.call(s, 'GET', '/api/orgs/not-a-uuid');
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ code: 'request.invalid', field: 'id' });
    expect(zh.body.error.message).toMatch(/^请求参数无效/);
    const en = await p.app.inject({
      method: 'GET',
      url: '/api/orgs/not-a-uuid',
      headers: { ...s.headers(false), 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().error.message).toMatch(/^Invalid request/);
  });

  it('refuses control characters and broken UTF-16 in names with a field error, not a database 500', async () => {
    for (const displayName of ['坏\u0000名字', '坏\ud800名字']) {
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: {
          username: `ctl_${displayName.length}${Math.random().toString(36).slice(2, 6)}`,
          password: 'a-long-password',
          displayName,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('displayName');
    }
  });

  it('answers unknown routes with a coded 404', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/no/such/thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route.not_found');
  });

  it('refuses a duplicate organization with 409 naming the field, and writes nothing', async () => {
    const s = await p.login('admin');
    const before = (await p.c.audit.verify(p.c.uow.read)).checked;
    const res = await p.call(s, 'POST', '/api/orgs', { kind: 'live_base', name: '云嘉直播电商产业园' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'org.name_taken', field: 'name' });
    expect((await p.c.audit.verify(p.c.uow.read)).checked).toBe(before);
  });

  it('rolls back an organization whose department list is invalid', async () => {
    const s = await p.login('admin');
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: s.headers(),
      payload: {
        kind: 'regulator',
        name: '半截监管局',
        departments: [
          { code: 'aa', name: '甲' },
          { code: 'aa', name: '乙' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('departments.1.code');
    const list = await p.call(s, 'GET', '/api/orgs?kind=regulator');
    expect(list.body.items.map((o: { name: string }) => o.name)).not.toContain('半截监管局');
  });
});

describe('tenant scoping', () => {
  it('shows a merchant only its own organization, and another tenant’s as not found', async () => {
    const m = await p.login('merchant');
    const own = await p.call(m, 'GET', '/api/orgs');
    expect(own.body.items.map((o: { id: string }) => o.id)).toEqual([m.me.active?.orgId]);
    const admin = await p.login('admin');
    const other = (await p.app.inject({ method: 'GET', url: '/api/orgs?kind=live_base', headers: admin.headers(false) })).json().items[0];
    const res = await p.call(m, 'GET', `/api/orgs/${other.id}`);
    expect(res.status).toBe(404);
    const members = await p.app.inject({ method: 'GET', url: `/api/orgs/${other.id}/members`, headers: m.headers(false) });
    expect(members.statusCode).toBe(404);
    const add = await p.call(m, 'POST', `/api/orgs/${other.id}/members`, { userId: m.me.user.id, role: 'base_operator' });
    expect(add.status).toBe(403);
  });

  it('shows a base its hosted MCNs, and a regulator every organization', async () => {
    const b = await p.login('base');
    const seen = (await p.app.inject({ method: 'GET', url: '/api/orgs', headers: b.headers(false) })).json().items as Array<{
      kind: string;
      parentId: string | null;
    }>;
    expect(seen.filter((o) => o.kind === 'live_base')).toHaveLength(1);
    expect(seen.filter((o) => o.kind === 'mcn').length).toBeGreaterThan(0);
    expect(seen.every((o) => o.kind === 'live_base' || o.parentId === b.me.active?.orgId)).toBe(true);
    const r = await p.login('regulator');
    const all = (await p.app.inject({ method: 'GET', url: '/api/orgs', headers: r.headers(false) })).json().items;
    expect(all.length).toBe(await p.c.uow.read.orgs.count());
  });

  it('refuses a role that does not fit the organization kind', async () => {
    const admin = await p.login('admin');
    const merchantOrg = (await p.app.inject({ method: 'GET', url: '/api/orgs?kind=merchant', headers: admin.headers(false) })).json()
      .items[0];
    const res = await p.call(admin, 'POST', `/api/orgs/${merchantOrg.id}/members`, { userId: admin.me.user.id, role: 'regulator' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'org.role_not_allowed', field: 'role' });
  });
});

describe('personal information', () => {
  it('stores phone numbers encrypted and returns them masked', async () => {
    const admin = await p.login('admin');
    const res = await p.call(admin, 'POST', '/api/users', {
      username: 'pii_check',
      password: 'a-long-password',
      displayName: '隐私测试',
      phone: '13700001234',
    });
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe('137****1234');
    const [row] = await p.c.database.exec(`select phone_enc, phone_index from users where username = 'pii_check'`);
    expect(String(row?.phone_enc)).not.toContain('13700001234');
    expect(String(row?.phone_enc)).toMatch(/^v1\./);
    expect(p.c.vault.decrypt(String(row?.phone_enc))).toBe('13700001234');
    const list = await p.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers(false) });
    expect(list.body).not.toContain('13700001234');
  });
});

describe('audit log', () => {
  it('records every write with actor and organization, chained and verifiable', async () => {
    const admin = await p.login('admin');
    await p.app.inject({ method: 'POST', url: '/api/orgs', headers: admin.headers(), payload: { kind: 'merchant', name: '审计测试商家' } });
    const list = await p.call(admin, 'GET', '/api/audit?limit=5&action=org.create');
    const entry = list.body.items[0];
    expect(entry).toMatchObject({ action: 'org.create', targetType: 'organization', actorLabel: 'admin', actorUserId: admin.me.user.id });
    // the log names its target rather than leaving an id to look up
    expect(entry.targetName).toBe('审计测试商家');
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    const v = await p.call(admin, 'GET', '/api/audit/verify');
    expect(v.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(v.body.checked).toBeGreaterThan(5);
  });

  it('detects an altered entry, and the API reports where', async () => {
    const admin = await p.login('admin');
    const [row] = await p.c.database.exec(`select seq from audit_log where action = 'org.create' order by seq limit 1`);
    const seq = Number(row?.seq);
    await p.c.database.exec(`update audit_log set detail = jsonb_set(detail, '{name}', '"篡改后的名字"') where seq = ${seq}`);
    const v = await p.call(admin, 'GET', '/api/audit/verify');
    expect(v.body).toMatchObject({ ok: false, firstBrokenSeq: seq });
    expect(v.body.reason).toMatch(/change/);
  });
});

describe('health', () => {
  it('reports the database and redis', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      redis: { ok: true, enabled: Boolean(process.env.REDIS_URL) },
    });
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/orgs', '/api/audit/verify']));
  });
});
