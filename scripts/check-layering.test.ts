/**
 * The layering check on small temporary trees: each forbidden import must fail the check and name the file; the
 * allowed ones (including the test-only exceptions) must pass. Then the repository itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./check-layering.mjs', import.meta.url));
const trees: string[] = [];

/** a minimal tree where every layer imports what it may */
const CLEAN: Record<string, string> = {
  'packages/contracts/src/index.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
  'packages/compliance/src/index.ts': "import type { s } from '@livehub/contracts';\nexport type S = typeof s;\n",
  'packages/core/src/index.ts': "import { s } from '@livehub/contracts';\nimport type { S } from '@livehub/compliance';\n",
  'packages/core/src/kv.test.ts': "import { kvContract } from '@livehub/testing/kv-contract';\nimport fc from 'fast-check';\n",
  'packages/db/src/index.ts': "import { drizzle } from 'drizzle-orm';\nimport type { X } from '@livehub/core';\n",
  'packages/db/src/repositories.int.test.ts': "import { openTestDatabase } from '@livehub/testing';\n",
  'packages/redis/src/index.ts': "import { Redis } from 'ioredis';\nimport type { X } from '@livehub/core';\n",
  'packages/testing/src/index.ts': "import { openDatabase } from '@livehub/db';\nimport { createRedisKv } from '@livehub/redis';\n",
  'apps/server/src/index.ts':
    "import Fastify from 'fastify';\nimport { openDatabase } from '@livehub/db';\nexport * from './seed/index.ts';\n",
  'apps/server/src/seed/index.ts': "import type { X } from '@livehub/core';\n",
  'apps/server/src/testing/index.ts':
    "import { openTestDatabase } from '@livehub/testing';\nimport { seedDemo } from '../seed/index.ts';\n",
  'apps/server/src/http/api.int.test.ts': "import { createTestPlatform } from '@livehub/server/testing';\n",
  'apps/cli/src/main.ts': "import { seedDemo } from '@livehub/server/seed';\nimport { Command } from 'commander';\n",
  'apps/web/src/main.tsx': "import { z } from '@livehub/contracts';\nimport { Button } from 'antd';\n",
  'e2e/cli.test.ts': "import { simulate } from '@livehub/cli';\nimport { createTestPlatform } from '@livehub/server/testing';\n",
  'bench/run.ts': "import { seedDemo } from '@livehub/server/seed';\nimport { openTestDatabase } from '@livehub/testing';\n",
};

function check(extra: Record<string, string> = {}): { status: number | null; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'layering-'));
  trees.push(root);
  for (const [path, text] of Object.entries({ ...CLEAN, ...extra })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('check-layering', () => {
  it('passes a tree where every layer imports only downward', () => {
    const r = check();
    expect(r.out).toContain('layering: ok');
    expect(r.status).toBe(0);
  });

  const forbidden: Array<[string, string, string, string]> = [
    ['core imports a framework', 'packages/core/src/bad.ts', "import Fastify from 'fastify';\n", 'framework/driver fastify'],
    ['core imports an adapter', 'packages/core/src/bad.ts', "import { openDatabase } from '@livehub/db';\n", 'imports @livehub/db'],
    ['an engine imports core', 'packages/compliance/src/bad.ts', "export { x } from '@livehub/core';\n", 'imports @livehub/core'],
    ['the credit engine imports core', 'packages/credit/src/bad.ts', "export { x } from '@livehub/core';\n", 'imports @livehub/core'],
    [
      'the credit engine imports a driver',
      'packages/credit/src/bad.ts',
      "import { drizzle } from 'drizzle-orm';\n",
      'framework/driver drizzle-orm',
    ],
    ['the matching engine imports core', 'packages/matching/src/bad.ts', "export { x } from '@livehub/core';\n", 'imports @livehub/core'],
    ['the matching engine imports a driver', 'packages/matching/src/bad.ts', "import { Pool } from 'pg';\n", 'framework/driver pg'],
    ['contracts imports a library other than zod', 'packages/contracts/src/bad.ts', "import 'lodash';\n", 'imports lodash'],
    [
      'testing imports the server',
      'packages/testing/src/bad.ts',
      "import { buildApp } from '@livehub/server';\n",
      'imports @livehub/server',
    ],
    ['the server imports the CLI', 'apps/server/src/bad.ts', "import { simulate } from '@livehub/cli';\n", 'imports @livehub/cli'],
    [
      'server code imports the test helpers',
      'apps/server/src/http/bad.ts',
      "import { openTestDatabase } from '@livehub/testing';\n",
      'imports @livehub/testing',
    ],
    [
      'server code imports its test platform',
      'apps/server/src/bad.ts',
      "import { createTestPlatform } from '@livehub/server/testing';\n",
      'outside a test',
    ],
    ['web imports the server', 'apps/web/src/bad.tsx', "const m = await import('@livehub/server');\n", 'imports @livehub/server'],
    ['web imports node', 'apps/web/src/bad.tsx', "import { readFileSync } from 'node:fs';\n", 'web code imports node:fs'],
    [
      'a relative import leaves its package',
      'bench/bad.ts',
      "import { seedDemo } from '../apps/server/src/seed/index.ts';\n",
      'leaves bench',
    ],
    [
      'a route reads through the unit of work',
      'apps/server/src/http/routes/token.routes.ts',
      'export const list = (c: { uow: { read: unknown } }) => c.uow.read;\n',
      'a route touches storage (.uow)',
    ],
    [
      'a route imports the database adapter',
      'apps/server/src/http/routes/user.routes.ts',
      "import { openDatabase } from '@livehub/db';\n",
      'a route imports @livehub/db',
    ],
    ['a package has no rule', 'packages/ranking/src/index.ts', 'export const nothing = 0;\n', 'packages/ranking: no layering rule'],
  ];
  it.each(forbidden)('fails when %s', (_label, path, text, message) => {
    const r = check({ [path]: text });
    expect(r.status).toBe(1);
    expect(r.out).toContain('layering: 1 violation(s)');
    expect(r.out).toContain(message);
    if (!message.includes('no layering rule')) expect(r.out).toContain(path);
  });

  it('exempts no route file any more (live, order and room routes hold no storage), but not their tests', () => {
    const route = check({
      'apps/server/src/http/routes/live.routes.ts':
        "import { openDatabase } from '@livehub/db';\nexport const r = (c: { uow: unknown }) => c.uow;\n",
    });
    expect(route.status).toBe(1);
    expect(route.out).toContain('a route touches storage (.uow)');
    expect(route.out).toContain('a route imports @livehub/db');
    const tests = check({
      'apps/server/src/http/routes/token.routes.test.ts': 'export const r = (c: { uow: unknown }) => c.uow;\n',
      'apps/server/src/http/token.int.test.ts': 'export const r = (c: { uow: unknown }) => c.uow;\n',
    });
    expect(tests.out).toContain('layering: ok');
    expect(tests.status).toBe(0);
  });

  it('lets core read the credit engine, and the credit engine read contracts', () => {
    const r = check({
      'packages/credit/src/index.ts': "import type { s } from '@livehub/contracts';\nexport type C = typeof s;\n",
      'packages/core/src/credit.ts': "import type { C } from '@livehub/credit';\nexport type X = C;\n",
    });
    expect(r.out).toContain('layering: ok');
    expect(r.status).toBe(0);
  });

  it('lets core read the matching engine, and the matching engine read contracts', () => {
    const r = check({
      'packages/matching/src/index.ts': "import type { s } from '@livehub/contracts';\nexport type M = typeof s;\n",
      'packages/core/src/matching.ts': "import type { M } from '@livehub/matching';\nexport type X = M;\n",
    });
    expect(r.out).toContain('layering: ok');
    expect(r.status).toBe(0);
  });

  it('passes the repository itself', () => {
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('layering: ok');
    expect(r.status).toBe(0);
  });
});
