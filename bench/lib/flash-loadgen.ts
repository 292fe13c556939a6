/**
 * The flash-sale benchmark's load generator, forked into a process of its own so it never shares an event loop with
 * the server. A minimal HTTP/1.1 client on raw keep-alive sockets (what autocannon does, without its request
 * accounting): `concurrency` connections opened and each served once (`preflightPath`) before the clock starts,
 * one request in flight on each, every request sent exactly once — a buy attempt that fails on the wire is
 * recorded as an error, never retried, so each buyer makes exactly one attempt. Every response time is kept for
 * exact percentiles.
 *
 * Protocol (IPC): {cmd:'fire', …FireOptions} → {ev:'done', …FireResult}; {cmd:'exit'}.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export type Plan =
  | {
      kind: 'flash';
      /** JSON file with [{cookie, csrf}] — one buy attempt per entry */
      buyersFile: string;
      body: string;
      /** Idempotency-Key per attempt: `${prefix}-${i}` (`${prefix}-${round}-${i}` after the first round); null sends none */
      idempotencyPrefix: string | null;
      /** only these entries of the file: [from, to) (default all) */
      slice?: [number, number];
      /** the buyers press again: the list is sent this many times over, each attempt with a key of its own (default 1) */
      rounds?: number;
    }
  | { kind: 'hello'; count: number };

export interface FireOptions {
  host: string;
  port: number;
  /** several server processes (one database and Redis behind them): connections go round-robin over these */
  ports?: number[];
  concurrency: number;
  plan: Plan;
  /**
   * GET this path once on every connection before the clock starts, so every connection has been accepted and
   * served by the server (a busy Node process accepts new connections slowly; clients in a live room already hold
   * theirs)
   */
  preflightPath: string;
}

export interface FireResult {
  requests: number;
  completed: number;
  /** HTTP status → count; -1 = no response (socket error) */
  statuses: Record<string, number>;
  /** error codes of non-2xx answers (`error.code` of the body) → count */
  codes: Record<string, number>;
  socketErrors: Record<string, number>;
  /** first request sent → last response */
  elapsedMs: number;
  /** first request sent → last 201 */
  lastCreatedMs: number | null;
  /** answers that came after the last 201 (once sold out: the losers' path alone) */
  answeredAfterLastCreated: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** latency of the 201s only */
  createdP99Ms: number | null;
  cpuMs: number;
  elu: number;
  firstUnexpected: string | null;
  /** the slowest answers: when each was sent (ms after the start), how long it took, what it got */
  slowest: Array<{ i: number; sentMs: number; ms: number; status: number; code: string | null }>;
  timedOut: boolean;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 100) / 100;
}

function buildRequests(o: FireOptions): Buffer[] {
  const host = `host: ${o.host}:${o.port}\r\n`;
  if (o.plan.kind === 'hello') {
    const one = Buffer.from(`GET / HTTP/1.1\r\n${host}\r\n`, 'latin1');
    return new Array(o.plan.count).fill(one);
  }
  const plan = o.plan;
  const all = JSON.parse(readFileSync(plan.buyersFile, 'utf8')) as Array<{ cookie: string; csrf: string }>;
  const buyers = plan.slice ? all.slice(...plan.slice) : all;
  const body = Buffer.from(plan.body, 'utf8');
  const out: Buffer[] = [];
  for (let round = 0; round < (plan.rounds ?? 1); round++)
    for (const [i, b] of buyers.entries()) {
      const id = round === 0 ? `${i}` : `${round}-${i}`;
      const key = plan.idempotencyPrefix ? `idempotency-key: ${plan.idempotencyPrefix}-${id}\r\n` : '';
      const head =
        `POST /api/orders HTTP/1.1\r\n${host}content-type: application/json\r\ncontent-length: ${body.length}\r\n` +
        `cookie: ${b.cookie}\r\nx-csrf-token: ${b.csrf}\r\n${key}\r\n`;
      out.push(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    }
  return out;
}

export function fire(o: FireOptions): Promise<FireResult> {
  const reqs = buildRequests(o);
  const n = reqs.length;
  const latency = new Float64Array(n);
  const sentAt = new Float64Array(n);
  const status = new Int16Array(n);
  const errCode: Array<string | null> = new Array(n).fill(null);
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  const socketErrors: Record<string, number> = {};
  const createdLatency: number[] = [];
  let firstUnexpected: string | null = null;
  let next = 0;
  let completed = 0;
  let t0 = 0;
  let tLast = 0;
  let tLastCreated: number | null = null;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => {
    finish = r;
  });

  const record = (i: number, code: number, body: string | null) => {
    const t = performance.now();
    status[i] = code;
    statuses[code] = (statuses[code] ?? 0) + 1;
    if (code === 201) {
      tLastCreated = t;
      createdLatency.push(latency[i] as number);
    }
    if (code >= 300 || code < 0) {
      const m = body ? /"code":"([^"]+)"/.exec(body) : null;
      const k = m?.[1] ?? (code < 0 ? 'socket' : `http_${code}`);
      codes[k] = (codes[k] ?? 0) + 1;
      errCode[i] = k;
      if (!firstUnexpected && code !== 409) firstUnexpected = `${code} ${body?.slice(0, 300) ?? ''}`;
    }
    tLast = t;
    completed++;
    if (completed === n) finish();
  };

  const ports = o.ports && o.ports.length > 0 ? o.ports : [o.port];
  let opened = 0;

  class Conn {
    sock!: net.Socket;
    /** the server process this connection talks to (a reconnect stays with it) */
    readonly port = ports[opened++ % ports.length] as number;
    buf: Buffer | null = null;
    cur = -1;
    sentAt = 0;
    /** while set, the next answer is the preflight's: not recorded */
    preflightDone: (() => void) | null = null;

    constructor(onConnect?: () => void) {
      this.open(onConnect);
    }

    open(onConnect?: () => void) {
      const s = net.connect({ host: o.host, port: this.port });
      this.sock = s;
      this.buf = null;
      s.setNoDelay(true);
      if (onConnect) s.once('connect', onConnect);
      s.on('data', (d: Buffer) => this.onData(d));
      s.on('error', (e: NodeJS.ErrnoException) => {
        const k = e.code ?? e.message;
        socketErrors[k] = (socketErrors[k] ?? 0) + 1;
      });
      s.on('close', () => {
        if (this.sock !== s) return;
        if (this.cur >= 0) {
          const i = this.cur;
          this.cur = -1;
          latency[i] = performance.now() - this.sentAt;
          record(i, -1, null);
        }
        if (next < n) {
          this.open();
          this.send();
        }
      });
    }

    preflight(): Promise<void> {
      return new Promise((resolve) => {
        this.preflightDone = resolve;
        this.sock.write(`GET ${o.preflightPath} HTTP/1.1\r\nhost: ${o.host}:${this.port}\r\n\r\n`);
      });
    }

    send() {
      if (next >= n) {
        this.sock.end();
        return;
      }
      const i = next++;
      this.cur = i;
      this.sentAt = performance.now();
      sentAt[i] = this.sentAt;
      this.sock.write(reqs[i] as Buffer);
    }

    onData(d: Buffer) {
      this.buf = this.buf ? Buffer.concat([this.buf, d]) : d;
      const buf = this.buf;
      const he = buf.indexOf('\r\n\r\n');
      if (he < 0) return;
      const head = buf.toString('latin1', 0, he);
      const code = Number(head.slice(9, 12));
      const len = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
      let body: Buffer;
      if (len) {
        const end = he + 4 + Number(len[1]);
        if (buf.length < end) return;
        body = buf.subarray(he + 4, end);
      } else if (/\r\ntransfer-encoding:[ \t]*chunked/i.test(head)) {
        const parts: Buffer[] = [];
        let at = he + 4;
        for (;;) {
          const le = buf.indexOf('\r\n', at);
          if (le < 0) return;
          const size = Number.parseInt(buf.toString('latin1', at, le), 16);
          if (buf.length < le + 2 + size + 2) return;
          if (size === 0) break;
          parts.push(buf.subarray(le + 2, le + 2 + size));
          at = le + 2 + size + 2;
        }
        body = Buffer.concat(parts);
      } else body = Buffer.alloc(0);
      this.buf = null;
      if (this.preflightDone) {
        const done = this.preflightDone;
        this.preflightDone = null;
        done();
        return;
      }
      const i = this.cur;
      if (i < 0) return;
      this.cur = -1;
      latency[i] = performance.now() - this.sentAt;
      record(i, code, code >= 300 ? body.toString('utf8') : null);
      if (/\r\nconnection:[ \t]*close/i.test(head)) {
        const old = this.sock;
        this.open();
        old.destroy();
        this.send();
      } else this.send();
    }
  }

  return (async () => {
    const conns: Conn[] = [];
    await Promise.all(
      Array.from(
        { length: Math.min(o.concurrency, n) },
        () =>
          new Promise<void>((r) => {
            conns.push(new Conn(r));
          }),
      ),
    );
    await Promise.all(conns.map((c) => c.preflight()));
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    for (const c of conns) c.send();
    let timedOut = false;
    const guard = new Promise<void>((r) =>
      setTimeout(() => {
        timedOut = true;
        r();
      }, 600_000).unref(),
    );
    await Promise.race([finished, guard]);
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    for (const c of conns) c.sock.destroy();
    const answered = latency.filter((_, i) => status[i] !== 0).sort();
    const afterLast = tLastCreated ?? Number.POSITIVE_INFINITY;
    let answeredAfterLastCreated = 0;
    for (let i = 0; i < n; i++)
      if (status[i] !== 0 && (sentAt[i] as number) + (latency[i] as number) > afterLast) answeredAfterLastCreated++;
    const slowest = Array.from({ length: n }, (_, i) => i)
      .filter((i) => status[i] !== 0)
      .sort((a, b) => (latency[b] as number) - (latency[a] as number))
      .slice(0, 5)
      .map((i) => ({
        i,
        sentMs: Math.round((sentAt[i] as number) - t0),
        ms: Math.round(latency[i] as number),
        status: status[i] as number,
        code: errCode[i] ?? null,
      }));
    const created = Float64Array.from(createdLatency).sort();
    return {
      requests: n,
      completed,
      statuses,
      codes,
      socketErrors,
      elapsedMs: Math.round((tLast - t0) * 10) / 10,
      lastCreatedMs: tLastCreated === null ? null : Math.round(((tLastCreated as number) - t0) * 10) / 10,
      answeredAfterLastCreated,
      p50Ms: percentile(answered, 50),
      p95Ms: percentile(answered, 95),
      p99Ms: percentile(answered, 99),
      maxMs: percentile(answered, 100),
      createdP99Ms: created.length ? percentile(created, 99) : null,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      elu: Math.round(elu.utilization * 1000) / 1000,
      firstUnexpected,
      slowest,
      timedOut,
    };
  })();
}

if (process.send) {
  process.on('message', (m: { cmd: 'fire' | 'exit' } & FireOptions) => {
    if (m.cmd === 'exit') process.exit(0);
    if (m.cmd === 'fire')
      fire(m).then(
        (r) => process.send?.({ ev: 'done', ...r }),
        (e: unknown) => process.send?.({ ev: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  });
  process.send({ ev: 'up', pid: process.pid });
}
