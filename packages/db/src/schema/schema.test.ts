/**
 * The schema is one file per context, and drizzle-kit reads only what schema/index.ts exports: a context file left
 * out of the index, or a table defined twice, would make the next generated migration drop or duplicate tables.
 * These checks hold the split to the committed migrations' latest snapshot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './index.ts';

const here = new URL('./', import.meta.url);
const migrations = new URL('../../migrations/', import.meta.url);

const tablesOf = (mod: Record<string, unknown>): string[] =>
  Object.values(mod)
    .filter((v): v is PgTable => is(v, PgTable))
    .map((t) => getTableName(t));

async function contextFiles(): Promise<Array<{ file: string; tables: string[] }>> {
  const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'columns.ts');
  return Promise.all(files.map(async (file) => ({ file, tables: tablesOf(await import(new URL(file, here).href)) })));
}

describe('schema split per context', () => {
  it('exports from index.ts every table of every context file, each defined in one file only', async () => {
    const files = await contextFiles();
    const defined = files.flatMap((f) => f.tables);
    expect(new Set(defined).size).toBe(defined.length);
    expect(tablesOf(schema).sort()).toEqual([...defined].sort());
    for (const f of files) expect(f.tables.length, `${f.file} defines no table`).toBeGreaterThan(0);
  });

  it('holds the same tables as the latest committed migration snapshot', () => {
    const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', migrations), 'utf8')) as { entries: Array<{ idx: number }> };
    const last = journal.entries.at(-1);
    if (!last) throw new Error('no migrations');
    const snapshot = JSON.parse(readFileSync(new URL(`meta/${String(last.idx).padStart(4, '0')}_snapshot.json`, migrations), 'utf8')) as {
      tables: Record<string, { name: string }>;
    };
    expect(tablesOf(schema).sort()).toEqual(
      Object.values(snapshot.tables)
        .map((t) => t.name)
        .sort(),
    );
  });
});
