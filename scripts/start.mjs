#!/usr/bin/env node
// `npm start`: build the web app if needed, then serve (migrates, seeds demo data into an empty database).
import { spawn } from 'node:child_process';
import { ensureWebBuilt } from './web-build.mjs';

ensureWebBuilt();
// A larger young generation (64 MB semi-spaces, V8's default is 16 MB): a scavenge every ~190 credit ingests instead
// of every ~45, so fewer requests wait on one (docs/credit.md, "A seventh pass"); the benchmarks run with the same.
const NODE_FLAGS = ['--max-semi-space-size=64'];
const child = spawn(
  process.execPath,
  [...NODE_FLAGS, new URL('../apps/cli/bin/livehub.mjs', import.meta.url).pathname, 'serve', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
