/**
 * Catalog-list benchmark (issue #13 item 6: "GET /api/catalog/products takes ~200 ms alone; 50 connections stall the
 * whole server (health checks at 15–25 s)"). A LiveHub server process (bench/servers/catalog-server.ts: the demo
 * data plus `--products` products for the demo merchant, 3 SKUs each with 8 points of price history) on the
 * embedded default (PGlite). Measured:
 *   - alone: `--alone` sequential GET /api/catalog/products?limit=50 as the merchant, one at a time (alone_p50_ms);
 *   - under load: autocannon with `--connections` (50) connections for `--duration` (15) s on the same request,
 *     while a probe process of its own (bench/lib/health-probe.ts) sends GET /api/health every 100 ms, one at a time:
 *     p50_ms/p95_ms/p99_ms of the answered pages (200), requests_per_s (pages answered per second), shed_per_s (503
 *     Retry-After answers of the pressure guard per second), health_p99_ms/health_max_ms.
 *   - the ceiling: bench/servers/hello.ts (Fastify answering a fixed JSON body) under the same autocannon load, best
 *     of two rounds, in the same run.
 * ratio = requests_per_s ÷ the hello-world requests/s (higher is better).
 * The machine may be shared: the load average before the run and the machine's and the server's CPU during the
 * loaded run are reported (`load`), not waited out.
 */
import type { ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { numberArg } from './lib/args.ts';
import { percentile } from './lib/load.ts';
import { cpuMs, forkTsx, machineBusyMs, startServer, stopServer } from './lib/processes.ts';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Options {
  products: number;
  connections: number;
  durationS: number;
  alone: number;
  path: string;
}

function options(args: string[]): Options {
  const num = (name: string, dflt: number) => numberArg(args, name, dflt);
  return {
    products: num('--products', 2000),
    connections: num('--connections', 50),
    durationS: num('--duration', 20),
    alone: num('--alone', 30),
    path: '/api/catalog/products?limit=50',
  };
}

interface Fired {
  requests: number;
  statuses: Record<string, number>;
  okTimes: number[];
  elapsedS: number;
  errors: number;
}

function fire(url: string, connections: number, durationS: number, headers: Record<string, string> = {}): Promise<Fired> {
  const okTimes: number[] = [];
  const statuses: Record<string, number> = {};
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationS, headers, timeout: 60 }, (err, r) => {
      if (err) return reject(err);
      okTimes.sort((a, b) => a - b);
      resolve({ requests: r.requests.total, statuses, okTimes, elapsedS: (performance.now() - t0) / 1000, errors: r.errors + r.timeouts });
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if (status === 200) okTimes.push(responseTime);
    });
  });
}

async function hello(o: Options): Promise<{ rps: number; rounds: number[] }> {
  const { child, line } = await startServer('bench/servers/hello.ts', { PORT: '0' }, { ready: (l) => l.startsWith('listening') });
  try {
    const url = `http://127.0.0.1:${line.split(' ')[1]}/`;
    await fire(url, o.connections, 2);
    const rounds: number[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await fire(url, o.connections, 5);
      rounds.push(Math.round((r.statuses['200'] ?? 0) / r.elapsedS));
    }
    return { rps: Math.max(...rounds), rounds };
  } finally {
    await stopServer(child);
  }
}

/** Waits (at most 180 s) until GET /api/health answers within 500 ms; returns the seconds waited. */
async function drain(base: string): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < 180_000) {
    const t = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
    if (performance.now() - t < 500) break;
  }
  return round((performance.now() - t0) / 1000);
}

function startProbe(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = forkTsx('bench/lib/health-probe.ts', false);
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`health probe exited ${code}`)));
  });
}
const ask = <T>(child: ChildProcess, m: object, ev: string) =>
  new Promise<T>((resolve) => {
    const on = (msg: { ev: string }) => {
      if (msg.ev !== ev) return;
      child.off('message', on);
      resolve(msg as T);
    };
    child.on('message', on);
    child.send(m);
  });

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const o = options(args);
  const load1 = loadavg()[0] ?? 0;
  process.stderr.write(
    `catalog-list: ${o.products} products, ${o.connections} connections × ${o.durationS} s (load average ${round(load1, 2)})\n`,
  );
  const ceiling = await hello(o);
  process.stderr.write(`  hello-world ceiling: ${ceiling.rps} req/s (${ceiling.rounds.join(', ')})\n`);

  const started = await startServer(
    'bench/servers/catalog-server.ts',
    { PORT: '0', PRODUCTS: String(o.products) },
    { ready: (l) => l.startsWith('{"ready":true'), timeoutMs: 600_000 },
  );
  const ready = JSON.parse(started.line) as {
    pid: number;
    port: number;
    cookie: string;
    products: number;
    skus: number;
    pricePoints: number;
    seedMs: number;
  };
  const probe = await startProbe();
  try {
    const base = `http://127.0.0.1:${ready.port}`;
    const headers = { cookie: ready.cookie };
    process.stderr.write(
      `  seeded in ${ready.seedMs} ms: ${ready.products} products, ${ready.skus} SKUs, ${ready.pricePoints} price points\n`,
    );

    // the seed kept the loop busy: the event-loop guard may still be refusing until its next sample
    await drain(base);
    // alone: one request at a time
    const alone: number[] = [];
    for (let i = 0; i < o.alone + 5; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${o.path}`, { headers });
      const body = (await res.json()) as unknown[];
      if (res.status !== 200 || body.length !== 50) throw new Error(`GET ${o.path}: ${res.status}, ${body.length} rows`);
      if (i >= 5) alone.push(performance.now() - t0);
    }
    alone.sort((a, b) => a - b);
    process.stderr.write(`  alone: p50 ${percentile(alone, 50)} ms, p95 ${percentile(alone, 95)} ms\n`);

    // warm-up under load, then the measured run with the health probe beside it
    await fire(`${base}${o.path}`, o.connections, 3, headers);
    // the warm-up's abandoned requests are still queued in the server: wait until it answers health promptly again
    const drained = await drain(base);
    process.stderr.write(`  warm-up backlog drained in ${drained} s\n`);
    await ask(probe, { cmd: 'start', port: ready.port, intervalMs: 100 }, 'started');
    const s0 = cpuMs(ready.pid);
    const m0 = machineBusyMs();
    const w0 = performance.now();
    const r = await fire(`${base}${o.path}`, o.connections, o.durationS, headers);
    const wall = performance.now() - w0;
    const serverCpuPct = round(((cpuMs(ready.pid) - s0) / wall) * 100);
    const machineCpuPct = round(((machineBusyMs() - m0) / wall) * 100);
    const probed = await ask<{ latenciesMs: number[]; statuses: Record<string, number> }>(probe, { cmd: 'stop' }, 'probed');
    const health = [...probed.latenciesMs].sort((a, b) => a - b);

    const ok = r.statuses['200'] ?? 0;
    const shed = r.statuses['503'] ?? 0;
    const rps = Math.round(ok / r.elapsedS);
    const result = {
      backend: 'embedded',
      products: ready.products,
      skus: ready.skus,
      price_points: ready.pricePoints,
      page_size: 50,
      connections: o.connections,
      duration_s: o.durationS,
      alone_p50_ms: percentile(alone, 50),
      alone_p95_ms: percentile(alone, 95),
      p50_ms: percentile(r.okTimes, 50),
      p95_ms: percentile(r.okTimes, 95),
      p99_ms: percentile(r.okTimes, 99),
      requests_per_s: rps,
      shed_per_s: round(shed / r.elapsedS),
      statuses: r.statuses,
      errors: r.errors,
      health_requests: health.length,
      health_p50_ms: percentile(health, 50),
      health_p99_ms: percentile(health, 99),
      health_max_ms: round(health.at(-1) ?? 0, 2),
      health_statuses: probed.statuses,
      hello_rps: ceiling.rps,
      hello_rounds: ceiling.rounds,
      ratio: round(rps / ceiling.rps, 4),
      load: {
        loadavg_1m_before: round(load1, 2),
        machine_cpu_pct: machineCpuPct,
        server_cpu_pct: serverCpuPct,
        cores: availableParallelism(),
        note: 'shared machine: other helpers’ builds and tests ran beside this benchmark',
      },
    };
    process.stderr.write(
      `  under load: ${rps} pages/s (${round(shed / r.elapsedS)} shed/s), p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms; ` +
        `health p99 ${result.health_p99_ms} ms, max ${result.health_max_ms} ms (${health.length} probes); ratio ${result.ratio}\n`,
    );
    return result;
  } finally {
    probe.kill();
    await stopServer(started.child);
  }
}
