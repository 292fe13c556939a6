/**
 * A real `livehub serve` process for the e2e tests that need one of their own (crashes, scale-out): started on a free
 * loopback port with the given environment, stopped with a signal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/bin/livehub.mjs');

export interface CliServer {
  child: ChildProcess;
  base: string;
  /** the end of what it has written (stdout and stderr) */
  output(): string;
}

/** Starts `livehub serve` with `env` on top of this process's; resolves once it says it is running. */
export function startCliServer(env: Record<string, string>, label = 'server'): Promise<CliServer> {
  return new Promise((resolve, reject) => {
    // the demo data without the district's days of history: these servers test crashes and scale-out, not the past
    const child = spawn(process.execPath, [bin, 'serve', '--history', '0'], {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let up = false;
    const output = () => out.slice(-4000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-50_000);
      if (up) return;
      const m = /is running[\s\S]*?web:\s+http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        up = true;
        resolve({ child, base: `http://127.0.0.1:${m[1]}`, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${label} exited (${code ?? signal}) before it was up:\n${output()}`)));
  });
}

/** Sends `signal` (SIGKILL after `killAfterMs` if it is still there) and waits for the process to end. */
export async function stopCliServer(s: CliServer | undefined, signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 20_000): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill(signal);
  const killer = setTimeout(() => s.child.kill('SIGKILL'), killAfterMs);
  await exited;
  clearTimeout(killer);
}
