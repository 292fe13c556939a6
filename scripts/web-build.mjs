// Builds the web app when its output is missing or older than its sources. Shared by `npm start`, `npm test` and the
// browser tests' harness (e2e/helpers/browser.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir)) {
    if (e === 'node_modules' || e === 'dist') continue;
    const p = join(dir, e);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

export function ensureWebBuilt() {
  const out = join(root, 'apps/web/dist/index.html');
  const sources = [join(root, 'apps/web'), join(root, 'packages/contracts/src')];
  if (existsSync(out) && statSync(out).mtimeMs >= Math.max(...sources.map(newest))) return;
  process.stderr.write('building the web app…\n');
  const r = spawnSync('npm', ['run', 'build', '-w', '@livehub/web', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    // a production bundle whatever NODE_ENV the caller runs under (Vitest sets 'test')
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`the web app's build failed (exit ${r.status})`);
}

// `node scripts/web-build.mjs`: the same from another process (the browser tests' harness runs it this way)
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) ensureWebBuilt();
