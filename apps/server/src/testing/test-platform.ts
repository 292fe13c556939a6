/**
 * A whole platform for a test: container on a fresh test database and hot-state store, optionally with the demo
 * data, and the Fastify app built on it. Tests talk to it with `inject` (integration) or over a real port (e2e).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@livehub/contracts';
import type { Clock } from '@livehub/core';
import { type DriverName, openTestDatabase, openTestKv, primaryDriver, primaryKv, testRunDir } from '@livehub/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config.ts';
import { type Container, createContainer } from '../container.ts';
import { buildApp } from '../http/app.ts';
import type { RegisteredRoute } from '../http/policy.ts';
import { DEMO_PASSWORD, seedDemo, type SeedResult } from '../seed/index.ts';
import { SnapshotShelf } from './seeded-snapshot.ts';

/** The demo account that signs in for each role (README's table). */
export const DEMO_ACCOUNT_BY_ROLE: Readonly<Record<Role, string>> = {
  platform_admin: 'admin',
  reviewer: 'reviewer',
  regulator: 'regulator',
  base_operator: 'base',
  mcn_manager: 'mcn',
  streamer: 'streamer',
  merchant_staff: 'merchant',
  provider_staff: 'provider',
  evaluator: 'evaluator',
  consumer: 'consumer',
};

export interface TestPlatform {
  c: Container;
  app: FastifyInstance;
  routes: RegisteredRoute[];
  seed: SeedResult | null;
  /** signs in through the API; returns what a browser would hold */
  login(username: string, password?: string, ip?: string): Promise<TestSession>;
  /** signs each of `usernames` in at once (their demo passwords); the sessions in the same order */
  loginAll<const U extends readonly string[]>(...usernames: U): Promise<{ -readonly [K in keyof U]: TestSession }>;
  /** a sign-in attempt through the API from `ip` (its own address if none), whatever it answers */
  loginAttempt(username: string, password: string, ip?: string): Promise<LightMyRequestResponse>;
  /**
   * An API call as `s` (anonymous when null), with the CSRF token on anything but GET and `headers` on top; the
   * answer's status and body (its JSON, loosely typed: the assertions are the contract; the text when not JSON).
   */
  call(s: TestSession | null, method: ApiMethod, url: string, payload?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  close(): Promise<void>;
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface ApiAnswer {
  status: number;
  body: ReturnType<typeof JSON.parse>;
}

export interface TestSession {
  cookie: string;
  csrf: string;
  me: {
    role: string;
    active: { orgId: string; id: string } | null;
    user: { id: string };
    memberships: Array<{ id: string; orgId: string }>;
  };
  headers(unsafe?: boolean): Record<string, string>;
}

export async function createTestPlatform(
  opts: {
    seed?: boolean;
    clock?: Clock;
    driver?: DriverName;
    serveWeb?: boolean;
    /** more configuration (environment variables), e.g. LIVEHUB_PUBLISH_HOOK_SECRET */
    env?: Record<string, string>;
  } = {},
): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livehub-test-'));
  const driver = opts.driver ?? primaryDriver();
  // the demo data on the embedded defaults comes from the run's seeded snapshot when there is one (seeded-snapshot.ts)
  const run = testRunDir();
  const shelf =
    opts.seed && !opts.clock && run && driver === 'pglite' && primaryKv() === 'memory' ? new SnapshotShelf(run, opts.env ?? {}) : null;
  const snapshot = shelf?.find() ?? null;
  snapshot?.copyFiles(dataDir);
  const piiKey = snapshot?.meta.piiKey ?? randomBytes(32).toString('base64');
  const config = loadConfig({
    LIVEHUB_DATA_DIR: dataDir,
    LIVEHUB_SESSION_SECRET: randomBytes(32).toString('base64'),
    LIVEHUB_PII_KEY: piiKey,
    LOG_LEVEL: 'silent',
    PORT: '0',
    // the event-loop guard is off in tests (a test process keeps its loop busy by design); pressure.int.test.ts
    // turns it on
    LIVEHUB_MAX_EVENT_LOOP_DELAY_MS: '0',
    LIVEHUB_MAX_EVENT_LOOP_UTILIZATION: '0',
    // the matching model is not retrained by every test's tick (matching.int.test.ts turns the schedule on)
    LIVEHUB_MATCHING_RETRAIN_HOURS: '0',
    ...opts.env,
  });
  const db = await openTestDatabase(driver, snapshot ? { image: await snapshot.image() } : {});
  const kv = await openTestKv(undefined, opts.clock);
  snapshot?.loadCounters(kv);
  const c = await createContainer(config, {
    database: db.database,
    kv: kv.kv,
    fastHashing: true,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  let seed: SeedResult | null = snapshot?.meta.seed ?? null;
  if (opts.seed && !snapshot) {
    const seededAt = Date.now();
    seed = await seedDemo(c);
    await shelf?.keep({ database: db.database, kv, dataDir, piiKey, seed }, seededAt);
  }
  const { app, routes } = await buildApp(c, { logger: false, serveWeb: opts.serveWeb ?? false });

  // Each sign-in comes from its own loopback address: tests sign in often, and the per-address throttle (real time
  // on Redis) is tested on purpose elsewhere, not tripped by accident here.
  let seq = 0;
  const nextIp = () => {
    seq++;
    return `127.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255 || 1}`;
  };
  const loginAttempt = (username: string, password: string, ip = nextIp()) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const login = async (username: string, password = DEMO_PASSWORD, ip = nextIp()): Promise<TestSession> => {
    const res = await loginAttempt(username, password, ip);
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const set = res.cookies.find((k) => k.name === 'lh_session');
    if (!set) throw new Error('no session cookie');
    const me = res.json() as TestSession['me'] & { csrfToken: string };
    const cookie = `lh_session=${set.value}`;
    return {
      cookie,
      csrf: me.csrfToken,
      me,
      headers: (unsafe = true) => ({ cookie, ...(unsafe ? { 'x-csrf-token': me.csrfToken } : {}) }),
    };
  };

  const call = async (s: TestSession | null, method: ApiMethod, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(s ? s.headers(method !== 'GET') : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    const body = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body;
    return { status: res.statusCode, body };
  };

  return {
    c,
    app,
    routes,
    seed,
    login,
    loginAll: <const U extends readonly string[]>(...usernames: U) =>
      Promise.all(usernames.map((u) => login(u))) as Promise<{ -readonly [K in keyof U]: TestSession }>,
    loginAttempt,
    call,
    async close() {
      await app.close();
      await kv.drop();
      await db.drop();
    },
  };
}
