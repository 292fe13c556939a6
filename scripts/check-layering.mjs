#!/usr/bin/env node
// Checks the one-way import rule of docs/ARCHITECTURE.md over every package and app, e2e/ and bench/:
//   contracts ← engines (compliance, credit, matching) ← core ← adapters (db, redis) ← testing ← apps (server ← cli) ← e2e, bench
//   apps/web imports only contracts.
// contracts, the engines and core import no framework, driver, ORM or socket library. The server never imports the
// CLI; its test platform (`@livehub/server/testing`, src/testing/) is the only server code that may import
// `@livehub/testing`. Test files may also import `@livehub/testing` (contract suites) and `<pkg>/testing`. A relative
// import must not leave its package: cross-package imports go through the package name. Every directory under
// packages/ and apps/ needs a rule here, so a new package cannot slip past.
//
// Route files (apps/server/src/http/routes/) hold no storage (docs/contexts.md rule 5): they may not reference `.uow`
// nor import `@livehub/db`; they validate, call one service and present.
//
//   node scripts/check-layering.mjs [root]     root defaults to the repository; exits 1 listing every violation.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const FRAMEWORKS =
  /^(fastify|@fastify\/|fastify-|pg$|pg\/|ioredis|redis$|ws$|drizzle-orm|@electric-sql\/|node-media-server|react|react-dom|antd|@node-rs\/|pino|commander|vite)/;

const ENGINES = ['@livehub/compliance', '@livehub/credit', '@livehub/matching'];
const CORE = ['@livehub/contracts', ...ENGINES, '@livehub/core'];
const ADAPTERS = [...CORE, '@livehub/db', '@livehub/redis'];
const SERVER = [...ADAPTERS, '@livehub/server'];
const EVERYTHING_BUT_WEB = [...SERVER, '@livehub/testing', '@livehub/cli'];

/**
 * dir: the package root; src: where its code lives (checked); self: its package name; allow: @livehub packages its
 * code may import; allowPkgs: the only outside packages allowed (null = any); pure: no framework/driver imports;
 * testingDirs: subfolders whose (non-test) code may import @livehub/testing.
 */
const rules = [
  { dir: 'packages/contracts', src: 'src', self: '@livehub/contracts', allow: [], allowPkgs: ['zod'], pure: true },
  { dir: 'packages/compliance', src: 'src', self: '@livehub/compliance', allow: ['@livehub/contracts'], pure: true },
  { dir: 'packages/credit', src: 'src', self: '@livehub/credit', allow: ['@livehub/contracts'], pure: true },
  { dir: 'packages/matching', src: 'src', self: '@livehub/matching', allow: ['@livehub/contracts'], pure: true },
  { dir: 'packages/core', src: 'src', self: '@livehub/core', allow: ['@livehub/contracts', ...ENGINES], pure: true },
  { dir: 'packages/db', src: 'src', self: '@livehub/db', allow: CORE },
  { dir: 'packages/redis', src: 'src', self: '@livehub/redis', allow: CORE },
  { dir: 'packages/testing', src: 'src', self: '@livehub/testing', allow: ADAPTERS },
  { dir: 'apps/server', src: 'src', self: '@livehub/server', allow: ADAPTERS, testingDirs: ['src/testing'] },
  { dir: 'apps/cli', src: 'src', self: '@livehub/cli', allow: SERVER },
  { dir: 'apps/web', src: 'src', self: '@livehub/web', allow: ['@livehub/contracts'], web: true },
  { dir: 'e2e', src: '.', self: null, allow: EVERYTHING_BUT_WEB },
  { dir: 'bench', src: '.', self: null, allow: EVERYTHING_BUT_WEB },
];

/** Where route files live; none of them may touch storage. */
const ROUTES_DIR = 'apps/server/src/http/routes';
/**
 * Route files that still touch storage while their contexts are being reshaped (#14). This list must shrink to
 * empty: never add a file to it; remove a file as soon as its routes call services only.
 */
const ROUTES_STILL_TOUCHING_STORAGE = new Set([]);
const ROUTE_STORAGE = /\.uow\b/;

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (e === 'node_modules' || e === 'dist') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts)$/.test(e)) yield p;
  }
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
const problems = [];
let checked = 0;

// every package and app has a rule
const ruled = new Set(rules.map((r) => r.dir));
for (const parent of ['packages', 'apps']) {
  const dir = join(root, parent);
  if (!existsSync(dir)) continue;
  for (const e of readdirSync(dir)) {
    if (statSync(join(dir, e)).isDirectory() && !ruled.has(`${parent}/${e}`))
      problems.push(`${parent}/${e}: no layering rule (add one to scripts/check-layering.mjs and docs/ARCHITECTURE.md)`);
  }
}

for (const rule of rules) {
  const pkgRoot = join(root, rule.dir);
  for (const file of files(join(pkgRoot, rule.src))) {
    const where = relative(root, file);
    const isTest = /\.test\.tsx?$/.test(file);
    const inTestingDir = (rule.testingDirs ?? []).some((d) => file.startsWith(join(pkgRoot, d) + sep));
    const src = readFileSync(file, 'utf8');
    checked++;
    const routeFile = !isTest && dirname(file) === join(root, ROUTES_DIR);
    const exempt = routeFile && ROUTES_STILL_TOUCHING_STORAGE.has(basename(file));
    if (routeFile && !exempt && ROUTE_STORAGE.test(src))
      problems.push(`${where}: a route touches storage (.uow); call a service instead (docs/contexts.md, rule 5)`);
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (target !== pkgRoot && !target.startsWith(pkgRoot + sep))
          problems.push(`${where}: relative import ${spec} leaves ${rule.dir} (import the package by name)`);
        continue;
      }
      if (spec.startsWith('node:')) {
        if (rule.web) problems.push(`${where}: web code imports ${spec}`);
        continue;
      }
      if (spec.startsWith('@livehub/')) {
        const [scope, name, sub] = spec.split('/');
        const pkg = `${scope}/${name}`;
        if (sub === 'testing' && pkg !== '@livehub/testing') {
          // a package's test platform export: tests (and the layers above) only
          if (!isTest && rule.dir !== 'e2e' && rule.dir !== 'bench')
            problems.push(`${where}: imports ${spec} outside a test (test platforms are for tests)`);
          else if (pkg !== rule.self && !rule.allow.includes(pkg))
            problems.push(`${where}: imports ${spec} (allowed: ${rule.allow.join(', ') || 'none'})`);
          continue;
        }
        if (pkg === '@livehub/testing' && (isTest || inTestingDir)) continue;
        if (pkg === rule.self) {
          problems.push(`${where}: imports its own package ${spec} (use a relative import)`);
          continue;
        }
        if (pkg === '@livehub/db' && routeFile && !exempt) {
          problems.push(`${where}: a route imports ${spec}; call a service instead (docs/contexts.md, rule 5)`);
          continue;
        }
        if (!rule.allow.includes(pkg)) problems.push(`${where}: imports ${spec} (allowed: ${rule.allow.join(', ') || 'none'})`);
        continue;
      }
      if (isTest) continue;
      if (rule.allowPkgs && !rule.allowPkgs.some((a) => spec === a || spec.startsWith(`${a}/`))) {
        problems.push(`${where}: imports ${spec} (allowed: ${rule.allowPkgs.join(', ')})`);
      } else if (rule.pure && FRAMEWORKS.test(spec)) {
        problems.push(`${where}: imports framework/driver ${spec}`);
      }
    }
  }
}
if (problems.length > 0) {
  console.error(`layering: ${problems.length} violation(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`layering: ok (${checked} files)`);
