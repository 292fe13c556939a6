#!/usr/bin/env node
// `npm test`: the layering check, the type check, then unit, integration and e2e tests (API, CLI and Chromium).
// Integration tests use PGlite and in-process adapters unless DATABASE_URL / REDIS_URL are set.
// Browser tests need Chromium and video tests ffmpeg: without them they are skipped locally and fail under CI=true.
// Prints `N passed, N failed` last; `--summary FILE` also writes the counts as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuilt } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const projects = (opt('--projects') ?? 'unit,integration,e2e').split(',');
const summaryFile = opt('--summary');
const skipChecks = args.includes('--no-checks');
// `--no-browser`: the e2e project without e2e/browser (CI's PostgreSQL + Redis run: the browser tests run once, embedded)
const noBrowser = args.includes('--no-browser');
// `--e2e a,b`: only these e2e files (CI's PostgreSQL + Redis run: the ones whose backend differs there)
const e2eFiles = opt('--e2e')?.split(',') ?? [];
const ci = process.env.CI === 'true';

let passed = 0;
let failed = 0;
let skipped = 0;
/** each failed test as `file › test`, printed again at the end (a long run's log is read from its tail) */
const failures = [];

function run(label, cmd, argv, env = {}) {
  process.stderr.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

if (!skipChecks) {
  for (const [label, argv] of [
    ['layering', ['scripts/check-layering.mjs']],
    ['typecheck', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']],
    ['typecheck web', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/web/tsconfig.json']],
  ]) {
    if (run(label, process.execPath, argv)) passed++;
    else {
      failed++;
      failures.push(label);
    }
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromium);
if (projects.includes('e2e') && !noBrowser) {
  if (!haveChromium && ci) {
    process.stderr.write(`Chromium not found at ${chromium}: browser tests cannot run (CI=true forbids skipping)\n`);
    failures.push(`no Chromium at ${chromium}`);
    failed++;
  }
  ensureWebBuilt();
}

const haveFfmpeg = spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).status === 0;
if (projects.includes('e2e') && !haveFfmpeg && ci)
  process.stderr.write('ffmpeg not found on PATH: the video test cannot run (CI=true forbids skipping; it fails)\n');
const env = {
  ...(haveChromium ? { CHROMIUM_PATH: chromium } : { LIVEHUB_SKIP_BROWSER: '1' }),
  ...(haveFfmpeg ? {} : { LIVEHUB_SKIP_FFMPEG: '1' }),
};

/** Runs vitest on some projects and adds its counts. */
function vitest(list, extra = []) {
  const out = join(mkdtempSync(join(tmpdir(), 'livehub-vitest-')), 'results.json');
  const argv = [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...list.flatMap((p) => ['--project', p]),
    ...(noBrowser && list.includes('e2e') ? ['--exclude', 'e2e/browser/**', '--exclude', '**/node_modules/**'] : []),
    ...extra,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  const ok = run(`vitest (${list.join(', ')})`, process.execPath, argv, env);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const file of r.testResults ?? []) {
      const name = file.name.startsWith(root) ? file.name.slice(root.length) : file.name;
      const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of tests) failures.push(`${name} › ${t.fullName ?? t.title}`);
      if (tests.length === 0 && file.status === 'failed') failures.push(`${name} › ${String(file.message ?? 'failed').split('\n')[0]}`);
    }
    if (!ok && (r.numFailedTests ?? 0) === 0) failed++; // a suite that crashed before its tests ran
  } else if (!ok) {
    failures.push(`vitest (${list.join(', ')}) wrote no report`);
    failed++;
  }
}

// Unit and integration files run as many at a time as the machine has cores (vitest's default leaves one core
// idle): on the embedded defaults each file has its own PGlite and in-process adapters; on PostgreSQL + Redis each
// has its own scratch database and Redis key prefix (packages/testing/src/databases.ts). The e2e files always run
// one at a time (servers, Chromium).
const fast = projects.filter((p) => p !== 'e2e');
if (fast.length > 0) vitest(fast, [`--maxWorkers=${Math.max(1, availableParallelism())}`]);
if (projects.includes('e2e')) vitest(['e2e'], e2eFiles);
if (!haveChromium && projects.includes('e2e') && !ci)
  process.stderr.write(`\n(browser tests skipped: no Chromium at ${chromium}; apt-get install chromium fonts-noto-cjk)\n`);
if (!haveFfmpeg && projects.includes('e2e') && !ci)
  process.stderr.write('(video tests skipped: no ffmpeg on PATH; apt-get install ffmpeg)\n');
if (summaryFile) writeFileSync(summaryFile, JSON.stringify({ passed, failed, skipped, failures }));
for (const f of failures) console.log(`✗ ${f}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
