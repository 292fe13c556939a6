/** Load generation over loopback with autocannon, keeping every response time for exact percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 100) / 100;
}

export async function load(
  url: string,
  opts: { connections?: number; durationS?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: opts.connections ?? 50, duration: opts.durationS ?? 8, headers: opts.headers ?? {} },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    rps: Math.round(r.requests.average),
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    p50_ms: percentile(times, 50),
    p95_ms: percentile(times, 95),
    p99_ms: percentile(times, 99),
  };
}

/** Starts a server process and resolves when `ready` appears on its output. */
export function startProcess(cmd: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      if (ready.test(buf)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${cmd} exited ${code}: ${buf.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`timeout waiting for ${cmd}: ${buf.slice(-2000)}`)), 120_000).unref();
  });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Signs the demo admin in to the LiveHub at `base` over HTTP: its session cookie and CSRF token. */
export async function signInAdmin(base: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'livehub-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);
  const me = (await login.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}
