/**
 * Foundation benchmark: the cost of identity on every request. An authenticated GET /api/auth/me (session
 * lookup, user, memberships: three queries) and GET /api/health, against a Fastify hello-world measured in the
 * same run as the HTTP ceiling. Also times `livehub seed --demo --scale 10` (bulk import).
 * ratio = authenticated requests/s ÷ hello-world requests/s. BENCH_DATABASE_URL (+ BENCH_REDIS_URL) adds a run on
 * PostgreSQL (+ Redis) in a database of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withScratchDatabase } from '@livehub/testing/scratch';
import { load, signInAdmin, startProcess, stopProcess } from './lib/load.ts';

const root = new URL('..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const livehub = join(root, 'apps/cli/bin/livehub.mjs');

async function measurePlatform(label: string, env: Record<string, string>, durationS: number) {
  const port = String(3400 + Math.floor(Math.random() * 500));
  const server = await startProcess(
    process.execPath,
    [livehub, 'serve', '--history', '0'],
    { ...env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    /LiveHub .* is running/,
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const { cookie } = await signInAdmin(base);
    process.stderr.write(`[${label}] GET /api/auth/me …\n`);
    const me = await load(`${base}/api/auth/me`, { headers: { cookie }, durationS });
    process.stderr.write(`[${label}] GET /api/health …\n`);
    const health = await load(`${base}/api/health`, { durationS });
    return { me, health };
  } finally {
    await stopProcess(server);
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const durationS = Number(args[args.indexOf('--duration') + 1]) || 8;

  process.stderr.write('hello-world ceiling …\n');
  const helloPort = String(3300 + Math.floor(Math.random() * 90));
  const hello = await startProcess(process.execPath, [tsx, join(root, 'bench/servers/hello.ts')], { PORT: helloPort }, /listening/);
  const ceiling = await load(`http://127.0.0.1:${helloPort}/`, { durationS });
  await stopProcess(hello);

  process.stderr.write('seed --demo --scale 10 …\n');
  const seedDir = mkdtempSync(join(tmpdir(), 'livehub-bench-seed-'));
  const t0 = performance.now();
  const seed = spawnSync(process.execPath, [livehub, 'seed', '--demo', '--scale', '10'], {
    env: { ...process.env, LIVEHUB_DATA_DIR: seedDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  const seedS = (performance.now() - t0) / 1000;
  if (seed.status !== 0) throw new Error(seed.stderr);
  const seedCounts = JSON.parse(seed.stdout.trim().split('\n').at(-1) ?? '{}');

  const embedded = await measurePlatform(
    'pglite',
    { LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-bench-')), DATABASE_URL: '', REDIS_URL: '' },
    durationS,
  );
  let cluster: Awaited<ReturnType<typeof measurePlatform>> | null = null;
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    // Its own database, dropped afterwards: the machine's PostgreSQL outlives the run.
    const name = `livehub_bench_${Date.now().toString(36)}`;
    cluster = await withScratchDatabase(adminUrl, name, (url) =>
      measurePlatform(
        'postgres',
        {
          LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-bench-')),
          DATABASE_URL: url,
          REDIS_URL: process.env.BENCH_REDIS_URL ?? '',
          REDIS_PREFIX: `${name}:`,
        },
        durationS,
      ),
    );
  }

  const ratio = Math.round((embedded.me.rps / ceiling.rps) * 1000) / 1000;
  process.stderr.write(
    `\nhello-world ${ceiling.rps} req/s | /api/auth/me ${embedded.me.rps} req/s (p99 ${embedded.me.p99_ms} ms) | /api/health ${embedded.health.rps} req/s | ratio ${ratio} | seed x10 ${seedS.toFixed(1)} s\n`,
  );
  return {
    ratio,
    ratio_basis: 'authenticated GET /api/auth/me on PGlite ÷ Fastify hello-world, requests/s, same run',
    p50_ms: embedded.me.p50_ms,
    p95_ms: embedded.me.p95_ms,
    p99_ms: embedded.me.p99_ms,
    me_requests_per_s: embedded.me.rps,
    me_errors: embedded.me.errors + embedded.me.non2xx,
    health_requests_per_s: embedded.health.rps,
    health_p99_ms: embedded.health.p99_ms,
    hello_requests_per_s: ceiling.rps,
    hello_p99_ms: ceiling.p99_ms,
    seed_scale10_s: Math.round(seedS * 10) / 10,
    seed_scale10_users: seedCounts.users,
    seed_scale10_orgs: seedCounts.orgs,
    ...(cluster
      ? {
          postgres_me_requests_per_s: cluster.me.rps,
          postgres_me_p99_ms: cluster.me.p99_ms,
          postgres_health_requests_per_s: cluster.health.rps,
          postgres_ratio: Math.round((cluster.me.rps / ceiling.rps) * 1000) / 1000,
        }
      : {}),
    connections: 50,
    duration_s: durationS,
  };
}
