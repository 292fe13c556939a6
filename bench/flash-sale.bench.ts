/**
 * Flash-sale benchmark (issue: "1,000 units, 20,000 concurrent buy attempts from distinct users over HTTP; report
 * orders_created, oversold (must be 0), orders_per_s, p99_ms, and a Fastify hello-world measured in the same run
 * as the HTTP ceiling — for the embedded default and for PostgreSQL + Redis. Goal: exactly 1,000 orders, 0
 * oversold, throughput ≥ 30 % of the hello-world ceiling").
 *
 * Per backend, a server child process (bench/servers/order-server.ts): the real container and app with the demo
 * data, `--buyers` consumers created in bulk with their sessions (no 20,000 argon2 logins; see the server), the
 * demo streamer live with a flash sale of `--quantity` units, one per user. A warm-up sale (`--warmup-buyers`
 * attempts for `--warmup-quantity` units, other users) runs first and is ended, so the measured sale meets a
 * server that has been running. The load generator (bench/lib/flash-loadgen.ts, a process of its own, raw
 * keep-alive HTTP/1.1) opens `--concurrency` connections and has each served once (GET /api/health; GET / on the
 * ceiling) before the clock starts — buyers in a live room already hold their connections, and a saturated Node
 * process accepts new ones only between its bursts of work, which would otherwise leave the last connections'
 * first attempts waiting for the whole run. Then it sends every buyer's one POST /api/orders — cookie, CSRF token
 * and an Idempotency-Key, as a retry-safe client does (`--no-idempotency` sends none) — with one request in flight
 * per connection, recording every response time. The database is then asked what it holds (orders, claims, slots, reservations, the
 * counter, the SKU's stock before, during and after the sale, which the streamer ends).
 *
 * Backends: embedded (PGlite + process memory, the default install) and pg_redis (PostgreSQL + Redis: a database
 * and a key prefix of its own, dropped afterwards; BENCH_DATABASE_URL / DATABASE_URL, else the CI's
 * postgres://postgres@127.0.0.1:5432/test, and BENCH_REDIS_URL / REDIS_URL, else redis://127.0.0.1:6379; reported
 * as skipped, null, when unreachable). The ceiling: bench/servers/hello.ts with the same load generator and
 * concurrency, 20,000 GET / after a warm-up round, best of `--hello-rounds`.
 *
 * ratio = attempts/s on the embedded default ÷ hello-world requests/s (pg_redis_ratio likewise).
 * Pressing again (`--again-buyers`, 500; 0 skips it): after the measured sale, its last buyers — all refused — send as
 * many attempts again between them, each with a new Idempotency-Key, as buyers keep tapping 抢 once it sold out.
 * Their sessions have been read by then, so `again_answers_per_s` is the losers' path without a session read, and
 * `again_ratio_vs_post` compares it with the same POST answered by Fastify with nothing behind it;
 * `again_server_cpu_us_per_answer` is the server's CPU time per answer in that round (it too moves ±20 % between runs
 * on a shared machine).
 * The machine may be shared: each measurement waits for it to be idle, and a backend whose measured sale had other
 * work on the cores (more than a quarter of a core beyond the server, the load generator and PostgreSQL/Redis, from
 * /proc) is measured again on a fresh server, up to `--attempts` (2) times; the least disturbed is reported, with a
 * warning when even that one was disturbed.
 * pg_redis_2p (the scale-out path): two LiveHub processes on the same database and Redis prefix with shared secrets
 * (bench/servers/order-replica.ts is the second), the load generator's connections alternating between them as a
 * load balancer would; same buyers, sale and checks — one Redis counter, one database, no oversell across them.
 * `--only embedded,pg_redis,pg_redis_2p` runs a subset; `--profile` writes a V8 CPU profile of each LiveHub server process (into
 * the system's temporary directory; the path is printed).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterUnavailable, createScratchDatabase, deleteRedisKeys, dropScratchDatabase } from '@livehub/testing/scratch';
import { listArg, numberArg } from './lib/args.ts';
import type { FireOptions, FireResult, Plan } from './lib/flash-loadgen.ts';
import { cpuMs, cpuMsOf, forkTsx, machineBusyMs, OTHER_CPU_WARN_PCT, startServer, stopServer, waitForIdle } from './lib/processes.ts';

const GOAL_RATIO = 0.3;
const ADDRESS = { name: '张三丰', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路 888 号 6 楼' };

/** pg_redis_2p: two server processes on one PostgreSQL and Redis, the connections spread over both (scale-out) */
type Backend = 'embedded' | 'pg_redis' | 'pg_redis_2p';

interface Options {
  buyers: number;
  quantity: number;
  concurrency: number;
  warmupBuyers: number;
  warmupQuantity: number;
  helloRounds: number;
  idempotency: boolean;
  only: Backend[];
  profile: boolean;
  attempts: number;
  againBuyers: number;
}

function options(args: string[]): Options {
  const num = (name: string, dflt: number) => numberArg(args, name, dflt);
  return {
    buyers: num('--buyers', 20_000),
    quantity: num('--quantity', 1000),
    concurrency: num('--concurrency', 300),
    warmupBuyers: num('--warmup-buyers', 2000),
    warmupQuantity: num('--warmup-quantity', 100),
    helloRounds: Math.max(1, num('--hello-rounds', 3)),
    idempotency: !args.includes('--no-idempotency'),
    only: listArg(args, '--only', 'embedded,pg_redis,pg_redis_2p') as Backend[],
    profile: args.includes('--profile'),
    attempts: Math.max(1, num('--attempts', 2)),
    againBuyers: Math.max(0, num('--again-buyers', 500)),
  };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** CPU of the machine's PostgreSQL and Redis server processes, in ms (part of the work on pg_redis, not noise). */
const clusterCpuMs = () => cpuMsOf((comm) => comm === 'postgres' || comm.startsWith('redis-server'));

/** CPU used during `work` by the server, PostgreSQL + Redis, and everything else (minus the load generator's own). */
async function measured<T extends { cpuMs: number; elapsedMs: number }>(pids: number | number[], work: () => Promise<T>) {
  const all = Array.isArray(pids) ? pids : [pids];
  const serverMs = () => all.reduce((n, p) => n + cpuMs(p), 0);
  const s0 = serverMs();
  const c0 = clusterCpuMs();
  const m0 = machineBusyMs();
  const w0 = performance.now();
  const r = await work();
  const wall = performance.now() - w0;
  const serverCpuPct = ((serverMs() - s0) / wall) * 100;
  const clusterCpuPct = ((clusterCpuMs() - c0) / wall) * 100;
  const machineCpuPct = ((machineBusyMs() - m0) / wall) * 100;
  const loadgenCpuPct = (r.cpuMs / r.elapsedMs) * 100;
  // other processes, and kernel work not charged to anyone (loopback TCP in softirq context)
  const otherCpuPct = Math.max(0, machineCpuPct - serverCpuPct - clusterCpuPct - loadgenCpuPct);
  return {
    r,
    serverCpuPct: round(serverCpuPct),
    serverCpuMs: serverMs() - s0,
    clusterCpuPct: round(clusterCpuPct),
    machineCpuPct: round(machineCpuPct),
    loadgenCpuPct: round(loadgenCpuPct),
    otherCpuPct: round(otherCpuPct),
  };
}

// ---- processes ---------------------------------------------------------------------------------------------------

interface Ipc {
  child: ChildProcess;
  request<T>(m: object, ev: string): Promise<T>;
}

/** Request/answer over IPC: the answer is the next message with `ev` (or an error message). */
function ipc(child: ChildProcess): Ipc['request'] {
  return <T>(m: object, ev: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (msg: { ev: string; message?: string }) => {
        if (msg.ev !== ev && msg.ev !== 'error') return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (msg.ev === 'error') reject(new Error(msg.message));
        else resolve(msg as T);
      };
      const onExit = (code: number | null) => reject(new Error(`child exited ${code} while waiting for ${ev}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(m);
    });
}

function startLoadgen(): Promise<Ipc> {
  return new Promise((resolve, reject) => {
    const child = forkTsx('bench/lib/flash-loadgen.ts');
    child.once('message', (m: { ev: string }) => (m.ev === 'up' ? resolve({ child, request: ipc(child) }) : reject(new Error('loadgen'))));
    child.once('exit', (code) => reject(new Error(`load generator exited ${code}`)));
  });
}

interface Ready {
  ready: true;
  pid: number;
  port: number;
  sessionId: string;
  skuId: string;
  productId: string;
  db: string;
  kv: string;
  seedMs: number;
  buyersMs: number;
}

// ---- the ceiling -------------------------------------------------------------------------------------------------

interface Hello {
  rps: number;
  rounds: number[];
  p99Ms: number;
  /** the same ceiling for the buy request itself: POST with the same headers and body, a 409 JSON answer */
  postRps: number;
  postRounds: number[];
  postP99Ms: number;
  loadgenCpuPct: number;
  loadgenElu: number;
  serverCpuPct: number;
  otherCpuPct: number;
  errors: number;
}

async function measureHello(gen: Ipc, o: Options): Promise<Hello> {
  const { child, line } = await startServer(
    'bench/servers/hello.ts',
    { PORT: '0' },
    { ready: (l) => l.startsWith('listening'), ipc: true },
  );
  try {
    const port = Number(line.split(' ')[1]);
    // the buy request's bytes: cookies, CSRF tokens and bodies of the same shape and size as the real ones
    const buyersFile = join(tmpdir(), `livehub-flash-hello-${process.pid}.json`);
    const fake = () => randomBytes(32).toString('base64url');
    writeFileSync(
      buyersFile,
      JSON.stringify(Array.from({ length: o.buyers }, () => ({ cookie: `lh_session=${fake()}.${fake().slice(0, 43)}`, csrf: fake() }))),
    );
    const uuid = () => randomUUID();
    const body = JSON.stringify({ lines: [{ skuId: uuid(), qty: 1 }], sessionId: uuid(), flashSaleId: uuid(), address: ADDRESS });
    const fireOnce = (post: boolean) =>
      gen.request<FireResult>(
        {
          cmd: 'fire',
          host: '127.0.0.1',
          port,
          concurrency: o.concurrency,
          plan: post ? { kind: 'flash', buyersFile, body, idempotencyPrefix: 'hello' } : { kind: 'hello', count: o.buyers },
          preflightPath: '/',
        } satisfies FireOptions & { cmd: string },
        'done',
      );
    const best = async (post: boolean) => {
      await fireOnce(post); // warm-up
      const rounds: Array<Awaited<ReturnType<typeof measured<FireResult>>>> = [];
      for (let i = 0; i < o.helloRounds; i++) {
        const waited = await waitForIdle(120);
        if (waited > 5) process.stderr.write(`  (waited ${waited} s for the machine to be idle)\n`);
        rounds.push(await measured(child.pid as number, () => fireOnce(post)));
      }
      const rps = (m: (typeof rounds)[number]) => (m.r.completed / m.r.elapsedMs) * 1000;
      return { b: rounds.reduce((x, y) => (rps(y) > rps(x) ? y : x)), rounds: rounds.map((m) => Math.round(rps(m))), rps };
    };
    const get = await best(false);
    const post = await best(true);
    rmSync(buyersFile, { force: true });
    const b = get.b;
    return {
      rps: Math.round(get.rps(b)),
      rounds: get.rounds,
      p99Ms: b.r.p99Ms,
      postRps: Math.round(post.rps(post.b)),
      postRounds: post.rounds,
      postP99Ms: post.b.r.p99Ms,
      loadgenCpuPct: b.loadgenCpuPct,
      loadgenElu: b.r.elu,
      serverCpuPct: b.serverCpuPct,
      otherCpuPct: b.otherCpuPct,
      errors: b.r.requests - (b.r.statuses['200'] ?? 0) + (post.b.r.requests - (post.b.r.statuses['409'] ?? 0)),
    };
  } finally {
    await stopServer(child);
  }
}

// ---- one backend -------------------------------------------------------------------------------------------------

interface Verified {
  quantity: number;
  orders: number;
  orderBuyers: number;
  cancelled: number;
  claims: number;
  distinctSlots: number;
  minSlot: number | null;
  maxSlot: number | null;
  orphanClaims: number;
  reservedUnits: number;
  reservedOrders: number;
  idempotencyRecords: number;
  counterLeft: number | null;
  stockWhileRunning: number;
  stockAfterEnd: number;
}

interface BackendResult {
  backend: Backend;
  db: string;
  kv: string;
  attempts: number;
  completed: number;
  attemptsPerS: number;
  ordersCreated: number;
  soldOut: number;
  limitExceeded: number;
  errors: number;
  errorKinds: Record<string, number>;
  ordersInDb: number;
  claims: number;
  oversold: number;
  consistent: boolean;
  failedChecks: string[];
  ordersPerS: number;
  soldOutPhasePerS: number | null;
  elapsedMs: number;
  lastOrderMs: number | null;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  createdP99Ms: number | null;
  serverCpuPct: number;
  clusterCpuPct: number;
  machineCpuPct: number;
  otherCpuPct: number;
  loadgenCpuPct: number;
  loadgenElu: number;
  measuredTimes: number;
  setupS: number;
  seedMs: number;
  buyersMs: number;
  firstUnexpected: string | null;
  slowest: FireResult['slowest'];
  warmup: { orders: number; attemptsPerS: number; consistent: boolean };
  /** the sold-out sale's last buyers pressing again and again (null: not measured) */
  again: { attempts: number; answersPerS: number; p99Ms: number; soldOut: number; other: number; serverCpuUsPerAnswer: number } | null;
}

function checks(v: Verified, r: FireResult, sale: { stockBefore: number; stockAfter: number }, o: Options, quantity: number): string[] {
  const failed: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) failed.push(what);
  };
  const created = r.statuses['201'] ?? 0;
  expect(v.orders === Math.min(quantity, r.requests), `orders in the database ${v.orders} ≠ ${Math.min(quantity, r.requests)}`);
  expect(v.orders === created, `orders in the database ${v.orders} ≠ 201 answers ${created}`);
  expect(v.claims === v.orders, `claims ${v.claims} ≠ orders ${v.orders}`);
  expect(v.distinctSlots === v.claims, `claims share slots (${v.distinctSlots} distinct of ${v.claims})`);
  expect(
    v.claims === 0 || ((v.minSlot ?? 0) >= 1 && (v.maxSlot ?? 0) <= quantity),
    `slots outside 1..${quantity}: ${v.minSlot}..${v.maxSlot}`,
  );
  expect(v.orphanClaims === 0, `${v.orphanClaims} claims without a live order`);
  expect(
    v.reservedUnits === v.claims && v.reservedOrders === v.orders,
    `reservations ${v.reservedUnits} units / ${v.reservedOrders} orders`,
  );
  expect(v.orderBuyers === v.orders, `a buyer has two orders (${v.orderBuyers} buyers, ${v.orders} orders)`);
  expect(v.cancelled === 0, `${v.cancelled} cancelled orders`);
  if (o.idempotency) expect(v.idempotencyRecords === v.orders, `idempotency records ${v.idempotencyRecords} ≠ orders ${v.orders}`);
  expect(v.counterLeft === quantity - v.claims, `counter left ${v.counterLeft} ≠ quantity − claims ${quantity - v.claims}`);
  expect(
    sale.stockAfter === sale.stockBefore - quantity,
    `creating the sale took ${sale.stockBefore - sale.stockAfter} units, not ${quantity}`,
  );
  expect(v.stockWhileRunning === sale.stockBefore - quantity, `stock moved while the sale ran: ${v.stockWhileRunning}`);
  expect(v.stockAfterEnd === sale.stockBefore - v.claims, `stock after the end ${v.stockAfterEnd} ≠ ${sale.stockBefore} − ${v.claims}`);
  return failed;
}

async function buy(
  gen: Ipc,
  server: { child: ChildProcess; ready: Ready; request: Ipc['request']; replicas: Array<{ pid: number; port: number }> },
  o: Options,
  group: string,
  quantity: number,
  tag: string,
) {
  const sale = await server.request<{ flashSaleId: string; stockBefore: number; stockAfter: number }>({ cmd: 'sale', quantity }, 'sale');
  const { file } = await server.request<{ file: string }>({ cmd: 'buyers', group }, 'buyers');
  const body = JSON.stringify({
    lines: [{ skuId: server.ready.skuId, qty: 1 }],
    sessionId: server.ready.sessionId,
    flashSaleId: sale.flashSaleId,
    address: ADDRESS,
  });
  /** One round of attempts by the load generator, with the servers' CPU measured around it. */
  const fireRound = (plan: Plan) =>
    measured([server.ready.pid, ...server.replicas.map((x) => x.pid)], () =>
      gen.request<FireResult>(
        {
          cmd: 'fire',
          host: '127.0.0.1',
          port: server.ready.port,
          ports: [server.ready.port, ...server.replicas.map((x) => x.port)],
          concurrency: o.concurrency,
          plan,
          preflightPath: '/api/health',
        } satisfies FireOptions & { cmd: string },
        'done',
      ),
    );
  const m = await fireRound({ kind: 'flash', buyersFile: file, body, idempotencyPrefix: o.idempotency ? `bench-${tag}-${group}` : null });
  const r = m.r;
  // Pressing again (buyers tap 抢 after it sold out): the last `againBuyers` buyers — they lost — send the whole
  // attempt count again between them, each press with a key of its own. Their sessions are known by now, so this
  // is the losers' path without a session read: what the HTTP path, authentication, validation and the counter cost.
  const againN = Math.min(o.againBuyers, r.requests - quantity);
  const again =
    group === 'buyers' && againN > 0
      ? await fireRound({
          kind: 'flash',
          buyersFile: file,
          body,
          idempotencyPrefix: o.idempotency ? `bench-${tag}-again` : null,
          slice: [r.requests - againN, r.requests],
          rounds: Math.max(1, Math.round(r.requests / againN)),
        })
      : null;
  const v = await server.request<Verified>({ cmd: 'verify', flashSaleId: sale.flashSaleId }, 'verified');
  return { sale, r, v, m, again, failed: checks(v, r, sale, o, quantity) };
}

async function measureBackend(backend: Backend, gen: Ipc, o: Options, env: Record<string, string>): Promise<BackendResult> {
  const t0 = performance.now();
  const profileDir = join(tmpdir(), 'livehub-flash-profile', backend);
  if (o.profile) {
    mkdirSync(profileDir, { recursive: true });
    process.stderr.write(`  CPU profile of the server → ${profileDir}\n`);
  }
  // a scale-out run's processes share the database, the Redis prefix and the secrets that sign and seal
  const shared: Record<string, string> =
    backend === 'pg_redis_2p'
      ? { BENCH_SESSION_SECRET: randomBytes(32).toString('base64'), BENCH_PII_KEY: randomBytes(32).toString('base64') }
      : {};
  const { child, line } = await startServer(
    'bench/servers/order-server.ts',
    {
      ...env,
      ...shared,
      BUYERS: String(o.buyers),
      WARMUP_BUYERS: String(o.warmupBuyers),
      QUANTITY: String(o.quantity),
      WARMUP_QUANTITY: String(o.warmupQuantity),
    },
    { ready: (l) => l.startsWith('{"ready":true'), ipc: true, nodeArgs: o.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] },
  );
  const replicas: Array<{ child: ChildProcess; pid: number; port: number }> = [];
  try {
    const ready = JSON.parse(line) as Ready;
    if (backend === 'pg_redis_2p') {
      const r = await startServer('bench/servers/order-replica.ts', { ...env, ...shared }, { ready: (l) => l.startsWith('{"ready":true') });
      const info = JSON.parse(r.line) as { pid: number; port: number };
      replicas.push({ child: r.child, pid: info.pid, port: info.port });
    }
    const setupS = (performance.now() - t0) / 1000;
    process.stderr.write(
      `  ${ready.db} + ${ready.kv}: demo data ${ready.seedMs} ms; ${o.buyers + o.warmupBuyers} buyers with sessions ${ready.buyersMs} ms; up in ${setupS.toFixed(1)} s\n`,
    );
    const server = { child, ready, request: ipc(child), replicas };
    const tag = randomBytes(3).toString('hex');
    let warmup = { orders: 0, attemptsPerS: 0, consistent: true };
    if (o.warmupBuyers > 0) {
      const w = await buy(gen, server, o, 'warmup', o.warmupQuantity, tag);
      warmup = {
        orders: w.v.orders,
        attemptsPerS: Math.round((w.r.completed / w.r.elapsedMs) * 1000),
        consistent: w.failed.length === 0,
      };
      process.stderr.write(
        `  warm-up: ${w.r.requests} attempts for ${o.warmupQuantity} units → ${w.v.orders} orders, ${warmup.attemptsPerS} attempts/s` +
          `${w.failed.length ? ` — INCONSISTENT: ${w.failed.join('; ')}` : ''}\n`,
      );
    }
    const waited = await waitForIdle(300);
    if (waited > 5) process.stderr.write(`  (waited ${waited} s for the machine to be idle)\n`);
    const { r, v, m, again, failed } = await buy(gen, server, o, 'buyers', o.quantity, tag);
    const created = r.statuses['201'] ?? 0;
    const soldOut = r.codes['orders.sold_out'] ?? 0;
    const limitExceeded = r.codes['orders.limit_exceeded'] ?? 0;
    const errorKinds = Object.fromEntries(
      Object.entries(r.codes).filter(([k]) => k !== 'orders.sold_out' && k !== 'orders.limit_exceeded'),
    ) as Record<string, number>;
    const errors = r.requests - created - (r.statuses['409'] ?? 0);
    const oversold = Math.max(0, v.orders - o.quantity, v.claims - o.quantity);
    return {
      backend,
      db: ready.db,
      kv: ready.kv,
      attempts: r.requests,
      completed: r.completed,
      attemptsPerS: Math.round((r.completed / r.elapsedMs) * 1000),
      ordersCreated: created,
      soldOut,
      limitExceeded,
      errors,
      errorKinds,
      ordersInDb: v.orders,
      claims: v.claims,
      oversold,
      consistent: failed.length === 0,
      failedChecks: failed,
      ordersPerS: r.lastCreatedMs ? Math.round((created / r.lastCreatedMs) * 1000) : 0,
      soldOutPhasePerS:
        r.lastCreatedMs !== null && r.elapsedMs > r.lastCreatedMs
          ? Math.round((r.answeredAfterLastCreated / (r.elapsedMs - r.lastCreatedMs)) * 1000)
          : null,
      elapsedMs: r.elapsedMs,
      lastOrderMs: r.lastCreatedMs,
      p50Ms: r.p50Ms,
      p95Ms: r.p95Ms,
      p99Ms: r.p99Ms,
      maxMs: r.maxMs,
      createdP99Ms: r.createdP99Ms,
      serverCpuPct: m.serverCpuPct,
      clusterCpuPct: m.clusterCpuPct,
      machineCpuPct: m.machineCpuPct,
      otherCpuPct: m.otherCpuPct,
      loadgenCpuPct: m.loadgenCpuPct,
      loadgenElu: r.elu,
      measuredTimes: 1,
      setupS: round(setupS),
      seedMs: ready.seedMs,
      buyersMs: ready.buyersMs,
      firstUnexpected: r.firstUnexpected,
      slowest: r.slowest,
      warmup,
      again: again
        ? {
            attempts: again.r.requests,
            answersPerS: Math.round((again.r.completed / again.r.elapsedMs) * 1000),
            p99Ms: again.r.p99Ms,
            soldOut: again.r.codes['orders.sold_out'] ?? 0,
            other: again.r.requests - (again.r.codes['orders.sold_out'] ?? 0),
            serverCpuUsPerAnswer: round((again.serverCpuMs * 1000) / Math.max(1, again.r.completed)),
          }
        : null,
    };
  } finally {
    for (const r of replicas) await stopServer(r.child);
    await stopServer(child);
  }
}

function describe(r: BackendResult): string {
  return (
    `  ${r.attempts.toLocaleString('en')} attempts in ${(r.elapsedMs / 1000).toFixed(2)} s = ${r.attemptsPerS.toLocaleString('en')} attempts/s | ` +
    `${r.ordersCreated} orders (201), ${r.soldOut} sold out, ${r.limitExceeded} over the limit, ${r.errors} errors` +
    `${Object.keys(r.errorKinds).length ? ` ${JSON.stringify(r.errorKinds)}` : ''}\n` +
    `  orders ${r.ordersPerS}/s (last order at ${r.lastOrderMs} ms), then ${r.soldOutPhasePerS} sold-out answers/s | latency p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms ` +
    `(p99 of the 201s ${r.createdP99Ms} ms)\n` +
    `  database: ${r.ordersInDb} orders, ${r.claims} claims, oversold ${r.oversold}; ` +
    `${r.consistent ? 'counter, claims, slots, reservations, idempotency records and SKU stock agree' : `INCONSISTENT: ${r.failedChecks.join('; ')}`}\n` +
    `  server CPU ${r.serverCpuPct}% of a core${r.backend !== 'embedded' ? `, PostgreSQL + Redis ${r.clusterCpuPct}%` : ''} | ` +
    `load generator CPU ${r.loadgenCpuPct}%, event loop ${r.loadgenElu} busy | machine ${r.machineCpuPct}% of ${availableParallelism() * 100}%, other ${r.otherCpuPct}%` +
    `\n  slowest answers: ${r.slowest.map((x) => `#${x.i} sent at ${x.sentMs} ms took ${x.ms} ms → ${x.status}${x.code ? ` ${x.code}` : ''}`).join('; ')}` +
    `${r.firstUnexpected ? `\n  first unexpected answer: ${r.firstUnexpected}` : ''}\n` +
    (r.again
      ? `  pressing again: ${r.again.attempts.toLocaleString('en')} more attempts from the last buyers, sessions known → ` +
        `${r.again.answersPerS.toLocaleString('en')} answers/s, p99 ${r.again.p99Ms} ms, server CPU ${r.again.serverCpuUsPerAnswer} µs an answer ` +
        `(${r.again.soldOut} sold out, ${r.again.other} other)\n`
      : '')
  );
}

// ---- PostgreSQL + Redis --------------------------------------------------------------------------------------------

const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Why PostgreSQL + Redis cannot be measured here, or null when both answer. */
const unavailable = () => clusterUnavailable(PG_ADMIN_URL, REDIS_URL);

/** A database and a key prefix of the run's own, dropped afterwards: the machine's servers outlive the run. */
async function withCluster<T>(work: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const name = `livehub_bench_flash_${tag}`;
  const prefix = `lhbench:flash:${tag}:`;
  const url = await createScratchDatabase(PG_ADMIN_URL, name);
  try {
    return await work({ DATABASE_URL: url, REDIS_URL, REDIS_PREFIX: prefix });
  } finally {
    await dropScratchDatabase(PG_ADMIN_URL, name).catch((e) => process.stderr.write(`could not drop the database ${name}: ${e}\n`));
    await deleteRedisKeys(REDIS_URL, prefix);
  }
}

// ---- the run -------------------------------------------------------------------------------------------------------

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const o = options(args);
  process.stderr.write(
    `flash sale: ${o.quantity} units, ${o.buyers} buy attempts from distinct users, ${o.concurrency} in flight` +
      `${o.idempotency ? ', each with an Idempotency-Key' : ''}; warm-up sale ${o.warmupQuantity} units / ${o.warmupBuyers} attempts\n`,
  );
  const gen = await startLoadgen();
  try {
    process.stderr.write('\n[hello-world ceiling]\n');
    const hello = await measureHello(gen, o);
    process.stderr.write(
      `  ${hello.rps.toLocaleString('en')} requests/s (best of ${hello.rounds.join(', ')}), p99 ${hello.p99Ms} ms | ` +
        `server CPU ${hello.serverCpuPct}%, load generator CPU ${hello.loadgenCpuPct}%, event loop ${hello.loadgenElu} busy, other ${hello.otherCpuPct}%\n` +
        `  the buy request with nothing behind it (POST, same headers and body, a 409 JSON answer): ` +
        `${hello.postRps.toLocaleString('en')} requests/s (best of ${hello.postRounds.join(', ')}), p99 ${hello.postP99Ms} ms\n`,
    );

    const results: Partial<Record<Backend, BackendResult>> = {};
    /** Measures a backend, again (a fresh server) when other work competed for the cores; keeps the least disturbed. */
    const attempt = async (backend: Backend, once: () => Promise<BackendResult>) => {
      let best: BackendResult | undefined;
      for (let n = 1; n <= o.attempts; n++) {
        const r = { ...(await once()), measuredTimes: n };
        process.stderr.write(describe(r));
        if (!best || r.otherCpuPct < best.otherCpuPct) best = r;
        if (r.otherCpuPct <= OTHER_CPU_WARN_PCT) break;
        if (n < o.attempts)
          process.stderr.write(`  other processes used ${r.otherCpuPct}% of a core meanwhile: measuring ${backend} again\n`);
      }
      return best as BackendResult;
    };
    if (o.only.includes('embedded')) {
      process.stderr.write('\n[embedded: PGlite + memory]\n');
      results.embedded = await attempt('embedded', () => measureBackend('embedded', gen, o, {}));
    }
    const wantPg = o.only.includes('pg_redis') || o.only.includes('pg_redis_2p');
    const pgSkipped = wantPg ? await unavailable() : 'not requested (--only)';
    if (wantPg && pgSkipped) process.stderr.write(`\n[PostgreSQL + Redis] skipped: ${pgSkipped}\n`);
    if (o.only.includes('pg_redis') && !pgSkipped) {
      process.stderr.write('\n[pg_redis: PostgreSQL + Redis]\n');
      results.pg_redis = await attempt('pg_redis', () => withCluster((env) => measureBackend('pg_redis', gen, o, env)));
    }
    if (o.only.includes('pg_redis_2p') && !pgSkipped) {
      process.stderr.write('\n[pg_redis_2p: two server processes on one PostgreSQL + Redis, connections spread over both]\n');
      results.pg_redis_2p = await attempt('pg_redis_2p', () => withCluster((env) => measureBackend('pg_redis_2p', gen, o, env)));
    }
    const warnings = [
      ...(hello.otherCpuPct > OTHER_CPU_WARN_PCT
        ? [`hello: other processes used ${hello.otherCpuPct}% of a core during the best round`]
        : []),
      ...Object.values(results)
        .filter((r) => r.otherCpuPct > OTHER_CPU_WARN_PCT)
        .map((r) => `${r.backend}: other processes used ${r.otherCpuPct}% of a core during the measured sale — figures not representative`),
    ];
    for (const w of warnings) process.stderr.write(`WARNING ${w}\n`);

    const e = results.embedded;
    const p = results.pg_redis;
    const p2 = results.pg_redis_2p;
    const p2Ratio = p2 ? round(p2.attemptsPerS / hello.rps, 3) : null;
    const ratio = e ? round(e.attemptsPerS / hello.rps, 3) : null;
    const pgRatio = p ? round(p.attemptsPerS / hello.rps, 3) : null;
    const postRatio = e ? round(e.attemptsPerS / hello.postRps, 3) : null;
    const pgPostRatio = p ? round(p.attemptsPerS / hello.postRps, 3) : null;
    const againRatio = (r: BackendResult | undefined) => (r?.again ? round(r.again.answersPerS / hello.postRps, 3) : null);
    const exact = (r: BackendResult | undefined) => r !== undefined && r.ordersInDb === o.quantity && r.oversold === 0 && r.consistent;
    const goalMet = exact(e) && ratio !== null && ratio >= GOAL_RATIO;
    const pgGoalMet = p ? exact(p) && pgRatio !== null && pgRatio >= GOAL_RATIO : null;
    process.stderr.write(
      `\nratio ${ratio} (embedded attempts/s ÷ hello-world requests/s)${p ? `, pg_redis_ratio ${pgRatio}` : ''}; ` +
        `goal exactly ${o.quantity} orders, 0 oversold, ratio ≥ ${GOAL_RATIO}: embedded ${goalMet ? 'met' : 'NOT met'}` +
        `${p ? `, pg_redis ${pgGoalMet ? 'met' : 'NOT met'}` : ''}\n` +
        `against the buy request with nothing behind it: embedded ${postRatio}${p ? `, pg_redis ${pgPostRatio}` : ''}` +
        `; pressing again (sessions known) against it: embedded ${againRatio(e)}${p ? `, pg_redis ${againRatio(p)}` : ''}\n`,
    );

    const figures = (prefix: string, r: BackendResult | undefined) => {
      const k = (name: string) => (prefix ? `${prefix}_${name}` : name);
      return {
        [k('attempts')]: r?.attempts ?? null,
        [k('attempts_per_s')]: r?.attemptsPerS ?? null,
        [k('orders_created')]: r?.ordersCreated ?? null,
        [k('orders_in_db')]: r?.ordersInDb ?? null,
        [k('claims')]: r?.claims ?? null,
        [k('oversold')]: r?.oversold ?? null,
        [k('consistent')]: r?.consistent ?? null,
        ...(r && r.failedChecks.length > 0 ? { [k('failed_checks')]: r.failedChecks } : {}),
        [k('sold_out')]: r?.soldOut ?? null,
        [k('limit_exceeded')]: r?.limitExceeded ?? null,
        [k('errors')]: r?.errors ?? null,
        ...(r && Object.keys(r.errorKinds).length > 0 ? { [k('error_kinds')]: r.errorKinds } : {}),
        [k('orders_per_s')]: r?.ordersPerS ?? null,
        [k('last_order_ms')]: r?.lastOrderMs ?? null,
        [k('sold_out_phase_answers_per_s')]: r?.soldOutPhasePerS ?? null,
        [k('elapsed_ms')]: r?.elapsedMs ?? null,
        [k('p50_ms')]: r?.p50Ms ?? null,
        [k('p95_ms')]: r?.p95Ms ?? null,
        [k('p99_ms')]: r?.p99Ms ?? null,
        [k('max_ms')]: r?.maxMs ?? null,
        [k('orders_p99_ms')]: r?.createdP99Ms ?? null,
        [k('server_cpu_pct')]: r?.serverCpuPct ?? null,
        ...(prefix ? { [k('postgres_redis_cpu_pct')]: r?.clusterCpuPct ?? null } : {}),
        [k('machine_cpu_pct')]: r?.machineCpuPct ?? null,
        [k('other_cpu_pct')]: r?.otherCpuPct ?? null,
        [k('measured_times')]: r?.measuredTimes ?? null,
        [k('loadgen_cpu_pct')]: r?.loadgenCpuPct ?? null,
        [k('loadgen_event_loop_utilization')]: r?.loadgenElu ?? null,
        [k('setup_s')]: r?.setupS ?? null,
        [k('buyers_setup_ms')]: r?.buyersMs ?? null,
        [k('warmup_orders')]: r?.warmup.orders ?? null,
        [k('warmup_attempts_per_s')]: r?.warmup.attemptsPerS ?? null,
        [k('warmup_consistent')]: r?.warmup.consistent ?? null,
        [k('again_attempts')]: r?.again?.attempts ?? null,
        [k('again_answers_per_s')]: r?.again?.answersPerS ?? null,
        [k('again_p99_ms')]: r?.again?.p99Ms ?? null,
        [k('again_not_sold_out')]: r?.again?.other ?? null,
        [k('again_server_cpu_us_per_answer')]: r?.again?.serverCpuUsPerAnswer ?? null,
        ...(r?.firstUnexpected ? { [k('first_unexpected_answer')]: r.firstUnexpected } : {}),
      };
    };
    return {
      ratio,
      ratio_basis:
        'buy attempts/s on the embedded default (PGlite + memory) ÷ Fastify hello-world GET / requests/s, same load generator, concurrency and run',
      goal: `exactly ${o.quantity} orders, 0 oversold, ratio ≥ ${GOAL_RATIO}`,
      goal_met: goalMet,
      ...figures('', e),
      hello_rps: hello.rps,
      hello_rounds_rps: hello.rounds,
      hello_p99_ms: hello.p99Ms,
      hello_server_cpu_pct: hello.serverCpuPct,
      hello_other_cpu_pct: hello.otherCpuPct,
      hello_loadgen_cpu_pct: hello.loadgenCpuPct,
      hello_loadgen_event_loop_utilization: hello.loadgenElu,
      hello_post_rps: hello.postRps,
      hello_post_rounds_rps: hello.postRounds,
      hello_post_p99_ms: hello.postP99Ms,
      ratio_vs_post: postRatio,
      ratio_vs_post_basis:
        'buy attempts/s ÷ requests/s of the same POST /api/orders (same headers, body and concurrency) answered 409 by Fastify with nothing behind it: the share of the HTTP path that is left to the platform',
      again_ratio_vs_post: againRatio(e),
      again_basis:
        'after the measured sale, its last --again-buyers buyers (all refused) send as many attempts again between them, each with a new Idempotency-Key: sold-out answers/s with their sessions already read; again_ratio_vs_post = that ÷ hello_post_rps; again_server_cpu_us_per_answer = server CPU time in that round ÷ answers',
      pg_redis_ratio: pgRatio,
      pg_redis_ratio_vs_post: pgPostRatio,
      pg_redis_again_ratio_vs_post: againRatio(p),
      pg_redis_goal_met: pgGoalMet,
      ...figures('pg_redis', p),
      pg_redis_2p_ratio: p2Ratio,
      pg_redis_2p_basis:
        'two LiveHub processes on one PostgreSQL database and Redis prefix, the load generator’s connections alternating between them (what a load balancer does): the scale-out path; same buyers, quantity and checks',
      ...figures('pg_redis_2p', p2),
      ...(pgSkipped ? { pg_redis_skipped: pgSkipped } : {}),
      quantity: o.quantity,
      buyers: o.buyers,
      concurrency: o.concurrency,
      per_user_limit: 1,
      idempotency_keys: o.idempotency,
      warmup_buyers: o.warmupBuyers,
      warmup_quantity: o.warmupQuantity,
      pg_pool_size: Number(process.env.DB_POOL_SIZE) || 10,
      orders_per_s_basis: 'orders created ÷ time from the first attempt sent to the last 201 received',
      attempts_per_s_basis: 'attempts answered ÷ time from the first attempt sent to the last answer',
      sold_out_phase_basis: 'answers received after the last 201 ÷ time from the last 201 to the last answer: the losers’ path alone',
      oversold_basis: 'max(0, orders in the database for the sale − quantity, claims − quantity)',
      consistent_basis:
        'orders = 201 answers = claims = min(quantity, attempts); slots distinct within 1..quantity; held reservations = claims; one order per buyer; ' +
        'one idempotency record per order; counter left = quantity − claims; SKU stock − quantity while running, − claims after the end',
      buyers_basis:
        'users imported in bulk through the import service, one session row each through the session repository, cookie signed by the app (no argon2 logins)',
      hello_basis: `GET / on bench/servers/hello.ts, ${o.buyers} requests per round after a warm-up round, best of ${o.helloRounds}`,
      cpu_pct_basis: `100 = one core fully busy; the machine has ${availableParallelism()} cores shared by the server and the load generator`,
      other_cpu_basis:
        'machine busy time (/proc/stat) − server − load generator − PostgreSQL and Redis processes: other processes and unattributed kernel work',
      cores: availableParallelism(),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  } finally {
    gen.child.send({ cmd: 'exit' });
  }
}
