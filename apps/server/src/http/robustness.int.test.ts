/**
 * Bad input never gets a 500 or a foreign error shape: NUL characters are refused at validation with the field,
 * errors Fastify and Node raise before a route runs have the one shape and do not echo the URL, uploads must be
 * whole files with believable expiry dates, and every response carries the security headers.
 */
import { connect } from 'node:net';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let merchant: TestSession;
let streamer: TestSession;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  admin = await p.login('admin');
  merchant = await p.login('merchant');
  streamer = await p.login('streamer');
});
afterAll(async () => p?.close());

function expectErrorShape(res: { statusCode: number; body: string }, code: string, field?: string) {
  const body = JSON.parse(res.body) as { error: { code: string; message: string; field?: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body;
}

describe('NUL characters', () => {
  it('are refused in query strings, bodies, nested fields and keys with 400 and the field, never 500', async () => {
    const cases: Array<{ method: 'GET' | 'POST'; url: string; payload?: unknown; field: string; s: TestSession }> = [
      { method: 'GET', url: '/api/audit?action=auth.login%00', field: 'action', s: admin },
      { method: 'GET', url: '/api/catalog/products?q=%E4%BF%9D%00', field: 'q', s: merchant },
      { method: 'GET', url: '/api/selection/search?q=a%00b', field: 'q', s: streamer },
      { method: 'POST', url: '/api/orgs', payload: { kind: 'mcn', name: 'MCN\u0000' }, field: 'name', s: admin },
      {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'nul_user', password: 'long-enough-1', displayName: '空\u0000字符' },
        field: 'displayName',
        s: admin,
      },
      { method: 'POST', url: '/api/orgs', payload: { 'k\u0000': 1 }, field: 'k\\0', s: admin },
    ];
    for (const c of cases) {
      const res = await p.app.inject({
        method: c.method,
        url: c.url,
        headers: c.s.headers(c.method !== 'GET'),
        ...(c.payload ? { payload: c.payload } : {}),
      });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(400);
      expectErrorShape(res, 'request.nul_byte', c.field);
    }
    // nothing was written: no user by that name
    expect(await p.c.uow.read.users.findByUsername('nul_user')).toBeNull();
  });

  it('are screened, not refused, in text sent for compliance screening (an evasion to catch)', async () => {
    const res = await p.call(admin, 'POST', '/api/compliance/screen', { text: '加\u0000微\u0000信 lily8888', kind: 'chat' });
    expect(res.status).toBe(200);
    expect(res.body.hits.length).toBeGreaterThan(0);
  });

  it('are refused in the sign-in form before anything is looked up', async () => {
    const res = await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res, 'request.nul_byte', 'username');
  });
});

describe('errors raised before a route runs', () => {
  it('bad percent-encoding and an over-long path parameter get the one shape without echoing the URL', async () => {
    for (const [url, status, code] of [
      ['/api/orgs/%E0%A4%A', 400, 'request.bad_url'],
      ['/api/orgs/%', 400, 'request.bad_url'],
      [`/api/orgs/${'a'.repeat(500)}`, 414, 'request.uri_too_long'],
    ] as const) {
      const res = await p.app.inject({ method: 'GET', url, headers: admin.headers(false) });
      expect(res.statusCode, url).toBe(status);
      expectErrorShape(res, code);
      expect(res.body).not.toContain('%E0');
      expect(res.body).not.toContain('aaaaaaaaaa');
    }
  });

  it('headers over the limit get a 431 with the one shape from the socket itself', async () => {
    const addr = await p.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(addr);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (d) => {
        data += d.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expectErrorShape({ statusCode: 431, body }, 'request.headers_too_large');
  });

  it('an unknown route and malformed JSON keep the shape too', async () => {
    expectErrorShape(await p.app.inject({ method: 'GET', url: '/api/nope' }), 'route.not_found');
    const bad = await p.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { ...admin.headers(), 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(bad.statusCode).toBe(400);
    expectErrorShape(bad, 'request.malformed_json');
  });
});

describe('uploaded documents', () => {
  const upload = (body: Buffer, query = '', type = 'image/png') =>
    p.app.inject({
      method: 'POST',
      url: `/api/documents?docType=business_licence&filename=licence.png${query}`,
      headers: { ...merchant.headers(), 'content-type': type },
      payload: body,
    });

  it('refuses a PNG with an HTML page appended, and a truncated one', async () => {
    const polyglot = await upload(Buffer.concat([PNG, Buffer.from('<html><script>alert(document.cookie)</script></html>')]));
    expect(polyglot.statusCode).toBe(400);
    expectErrorShape(polyglot, 'document.malformed', 'file');
    const truncated = await upload(PNG.subarray(0, 30));
    expect(truncated.statusCode).toBe(400);
    expectErrorShape(truncated, 'document.malformed', 'file');
    expect((await upload(PNG)).statusCode).toBe(201);
  });

  it('refuses an expiry date in the past or beyond any real licence, naming the field', async () => {
    const past = await upload(PNG, '&expiresAt=1900-01-01');
    expect(past.statusCode).toBe(400);
    const body = expectErrorShape(past, 'document.expired', 'expiresAt');
    expect(body.error.message).toContain('1900-01-01');
    const far = await upload(PNG, '&expiresAt=2999-12-31');
    expect(far.statusCode).toBe(400);
    expectErrorShape(far, 'document.expiry_invalid', 'expiresAt');
    const ok = await upload(PNG, '&expiresAt=2030-06-30');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().expiresAt).toMatch(/^2030-06-30/);
  });
});

describe('security headers and the API document', () => {
  it('sends a CSP, a Permissions-Policy and no-store on API answers', async () => {
    const me = await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.headers(false) });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const csp = String(me.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(String(me.headers['permissions-policy'])).toContain('camera=()');
    expect(me.headers['x-content-type-options']).toBe('nosniff');
  });

  it('shows public routes as public, every other route’s roles, and the WebSocket route', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; description?: string; 'x-livehub-access'?: unknown; 'x-websocket'?: boolean }>
      >;
    };
    const health = doc.paths['/api/health']?.get;
    expect(health?.security).toEqual([]);
    expect(health?.['x-livehub-access']).toBe('public');
    const audit = doc.paths['/api/audit']?.get;
    expect(audit?.security).toBeUndefined();
    expect(audit?.['x-livehub-access']).toEqual(expect.arrayContaining(['platform_admin']));
    expect(audit?.description).toContain('平台管理员');
    const ws = doc.paths['/api/live/rooms/{id}/ws']?.get;
    expect(ws?.['x-websocket']).toBe(true);
    expect(ws?.description).toContain('WebSocket');
    // every operation says who may call it
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api')) continue;
      for (const [method, op] of Object.entries(ops)) expect(op['x-livehub-access'], `${method} ${path}`).toBeDefined();
    }
  });
});
