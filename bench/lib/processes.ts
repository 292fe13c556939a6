/**
 * What the benchmarks share about the processes they run and the machine they run on: a server child started with
 * tsx that says when it is ready on a stdout line, stopped gently then firmly; CPU time from /proc; waiting for the
 * machine to be idle before measuring.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const CLK_TCK = 100; // getconf CLK_TCK on Linux
/** more than this much of a core of other work, and a measurement is called disturbed */
export const OTHER_CPU_WARN_PCT = 25;

/** Forks `script` (a path from the repository root) under tsx: its output on ours, an IPC channel unless `ipc` is false. */
export function forkTsx(script: string, ipc = true): ChildProcess {
  return fork(join(root, script), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : 'inherit',
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `script` (a path from the repository root) under tsx with `env` on top of this process's environment (no
 * DATABASE_URL / REDIS_URL unless `env` sets them) and resolves with the first stdout line `ready` accepts. Other
 * lines are shown on stderr (the first `showLines`). `ipc` opens an IPC channel to the child.
 */
export function startServer(
  script: string,
  env: Record<string, string>,
  opts: { ready: (line: string) => boolean; nodeArgs?: string[]; ipc?: boolean; timeoutMs?: number; showLines?: number },
): Promise<{ child: ChildProcess; line: string }> {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const showLines = opts.showLines ?? 5;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', join(root, script)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
      stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let shown = 0;
    const timer = setTimeout(() => reject(new Error(`${script}: not ready in ${timeoutMs / 1000} s\n${err.slice(-2000)}`)), timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      let nl = out.indexOf('\n');
      while (nl >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (opts.ready(line)) {
          clearTimeout(timer);
          resolve({ child, line });
        } else if (line.trim() && ++shown <= showLines) process.stderr.write(`  [server] ${line.slice(0, 300)}\n`);
        else if (line.trim() && shown === showLines + 1) process.stderr.write('  [server] (more output not shown)\n');
        nl = out.indexOf('\n');
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 100_000) err = err.slice(-20_000);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited ${code}\n${err.slice(-3000)}`));
    });
  });
}

/** SIGTERM, then SIGKILL after 15 s (a server stuck in a backlog may take a while to see the signal). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

/** utime + stime of a process, in ms (/proc/<pid>/stat, fields 14 and 15). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
}

/** CPU of the machine's processes whose name is one of `names` (e.g. postgres, redis-server), in ms. */
export function cpuMsOf(names: (comm: string) => boolean): number {
  let total = 0;
  for (const pid of readdirPids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!names(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

function readdirPids(): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p));
}

/** Busy time of the whole machine, in ms summed over its cores (/proc/stat: everything but idle and iowait). */
export function machineBusyMs(): number {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return ((total - (f[3] ?? 0) - (f[4] ?? 0)) * 1000) / CLK_TCK;
}

/**
 * Waits (at most `maxS`) until the machine is idle — other work under OTHER_CPU_WARN_PCT of a core for 3 s running —
 * so a measurement does not start in the middle of someone else's job. Returns the seconds waited.
 */
export async function waitForIdle(maxS: number): Promise<number> {
  const t0 = performance.now();
  let calm = 0;
  while ((performance.now() - t0) / 1000 < maxS) {
    const b0 = machineBusyMs();
    const w0 = performance.now();
    await sleep(1000);
    calm = ((machineBusyMs() - b0) / (performance.now() - w0)) * 100 < OTHER_CPU_WARN_PCT ? calm + 1 : 0;
    if (calm >= 3) break;
  }
  return Math.round((performance.now() - t0) / 1000);
}
