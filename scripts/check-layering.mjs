#!/usr/bin/env node
// Checks the one-way import rule of docs/ARCHITECTURE.md:
//   contracts ← engines (compliance, matching) ← core ← adapters (db, redis) ← apps
// core, the engines and contracts import no framework, driver, ORM or socket library; apps/web imports only
// @livehub/contracts from the monorepo. Exits 1 listing every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const FRAMEWORKS =
  /^(fastify|@fastify\/|fastify-|pg$|pg\/|ioredis|redis$|ws$|drizzle-orm|@electric-sql\/|node-media-server|react|react-dom|antd|@node-rs\/|pino|commander|vite)/;

const rules = [
  { dir: 'packages/contracts/src', allowPkgs: ['zod'], allowLivehub: [] },
  { dir: 'packages/compliance/src', allowPkgs: null, allowLivehub: ['@livehub/contracts'] },
  { dir: 'packages/matching/src', allowPkgs: null, allowLivehub: ['@livehub/contracts'] },
  { dir: 'packages/core/src', allowPkgs: null, allowLivehub: ['@livehub/contracts', '@livehub/compliance', '@livehub/matching'] },
  { dir: 'packages/db/src', allowPkgs: null, allowLivehub: ['@livehub/contracts', '@livehub/core'], frameworksOk: true },
  { dir: 'packages/redis/src', allowPkgs: null, allowLivehub: ['@livehub/contracts', '@livehub/core'], frameworksOk: true },
  { dir: 'apps/web/src', allowPkgs: null, allowLivehub: ['@livehub/contracts'], frameworksOk: true },
];

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

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems = [];
let checked = 0;
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const isTest = /\.test\.tsx?$/.test(file);
    const src = readFileSync(file, 'utf8');
    checked++;
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec || spec.startsWith('.') || spec.startsWith('node:')) {
        if (spec?.startsWith('node:') && rule.dir.startsWith('apps/web'))
          problems.push(`${relative(root, file)}: web code imports ${spec}`);
        continue;
      }
      const where = relative(root, file);
      if (spec.startsWith('@livehub/')) {
        const pkg = spec.split('/').slice(0, 2).join('/');
        if (isTest && pkg === '@livehub/testing') continue;
        if (!rule.allowLivehub.includes(pkg))
          problems.push(`${where}: imports ${spec} (allowed: ${rule.allowLivehub.join(', ') || 'none'})`);
        continue;
      }
      if (isTest) continue;
      if (rule.allowPkgs && !rule.allowPkgs.some((a) => spec === a || spec.startsWith(`${a}/`))) {
        problems.push(`${where}: imports ${spec} (allowed: ${rule.allowPkgs.join(', ')})`);
      } else if (!rule.frameworksOk && FRAMEWORKS.test(spec)) {
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
