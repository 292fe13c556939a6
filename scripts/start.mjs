#!/usr/bin/env node
// `npm start`: build the web app if needed, then serve (migrates, seeds demo data into an empty database).
import { spawn } from 'node:child_process';
import { ensureWebBuilt } from './web-build.mjs';

ensureWebBuilt();
const child = spawn(
  process.execPath,
  [new URL('../apps/cli/bin/livehub.mjs', import.meta.url).pathname, 'serve', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
