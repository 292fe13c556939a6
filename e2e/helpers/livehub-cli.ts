/** Runs the `livehub` command as a user would: a child process from the repository root, on the env given. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/bin/livehub.mjs');

/** PGlite and in-process adapters unless `env` says otherwise; quiet logs. */
export function livehub(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '', ...env },
    timeout: 170_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
