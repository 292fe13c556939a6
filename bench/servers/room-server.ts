/**
 * LiveHub itself for the fan-out benchmark: the real container and app (PGlite in a fresh data directory; Redis
 * when REDIS_URL is set), seeded with the demo data at the scale that yields SENDERS consumers, each signed in
 * through the login route. The streamer schedules a session with no products and goes live. Then it listens on
 * 127.0.0.1 and prints one line `{"ready":true,…}` with its pid, port, the session id and the senders' cookies.
 * Only sign-in is cheaper than in production (`fastHashing`: argon2 with test parameters); the room gateway,
 * chat screening and rate limits are the production ones.
 */
import { rmSync } from 'node:fs';
import { DEMO_PASSWORD, seedDemo } from '@livehub/server/seed';
import { buildApp, createContainer } from '@livehub/server';
import { benchServerConfig } from './flash-process.ts';

const senders = Number(process.env.SENDERS ?? 600);
const { dataDir, config } = benchServerConfig('fanout');
const c = await createContainer(config, { fastHashing: true });
// consumer_00001 … consumer_(200·scale − 1), plus `consumer`
const scale = Math.ceil((senders + 1) / 200);
const seeded = await seedDemo(c, { scale });
const { app } = await buildApp(c, { serveWeb: false });

let ipSeq = 0;
async function login(username: string): Promise<{ cookie: string; csrf: string }> {
  ipSeq++;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
    // each sign-in from its own address: the per-address login throttle is not what is measured here
    remoteAddress: `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`,
  });
  const set = res.cookies.find((k) => k.name === 'lh_session');
  if (res.statusCode !== 200 || !set) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: `lh_session=${set.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

const t0 = performance.now();
const names = ['consumer', ...Array.from({ length: senders - 1 }, (_, i) => `consumer_${String(i + 1).padStart(5, '0')}`)];
const cookies: string[] = new Array(names.length);
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < names.length) {
      const i = next++;
      cookies[i] = (await login(names[i] as string)).cookie;
    }
  }),
);
const loginMs = Math.round(performance.now() - t0);

const streamer = await login('streamer');
const headers = { cookie: streamer.cookie, 'x-csrf-token': streamer.csrf };
const created = await app.inject({
  method: 'POST',
  url: '/api/live/sessions',
  headers,
  payload: { title: '秋冬新品专场 · 压测直播间', scheduledAt: new Date().toISOString(), productIds: [] },
});
if (created.statusCode !== 201) throw new Error(`schedule failed: ${created.statusCode} ${created.body}`);
const sessionId = (created.json() as { session: { id: string } }).session.id;
const started = await app.inject({ method: 'POST', url: `/api/live/sessions/${sessionId}/start`, headers });
if (started.statusCode !== 200) throw new Error(`start failed: ${started.statusCode} ${started.body}`);

await app.listen({ port: config.port, host: config.host });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // no graceful close: thousands of sockets are the client's to drop; exit() also writes --cpu-prof profiles
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(
  `${JSON.stringify({ ready: true, pid: process.pid, port, sessionId, users: seeded.counts.users, loginMs, kv: c.kv.kind, cookies })}\n`,
);
