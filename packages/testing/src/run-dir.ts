/**
 * What the tests of one run share on disk: a directory made by the run's global setup (`run-setup.ts`) and removed
 * when the run ends. It holds the image of a migrated PGlite database, which each test database opens instead of
 * running initdb and every migration again (~5 s a file on a two-core machine, ~1.5 s from the image), and the
 * seeded demo platforms of apps/server/src/testing/seeded-snapshot.ts. Outside a run (the variable unset) nothing
 * is shared and each test database starts empty.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, openAsBlob, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@livehub/db';

export const TEST_RUN_DIR_ENV = 'LIVEHUB_TEST_RUN_DIR';

/** The run's shared directory, when the tests run under the run's global setup. */
export function testRunDir(): string | undefined {
  return process.env[TEST_RUN_DIR_ENV] || undefined;
}

/** Writes a file whole or not at all: under a temporary name beside it, then renamed (a reader never sees half). */
function writeWhole(file: string, data: Uint8Array | string): void {
  const part = `${file}.${randomBytes(4).toString('hex')}.part`;
  writeFileSync(part, data);
  renameSync(part, file);
}

const MIGRATED = 'migrated-pglite.tar';

/** The run's image of a migrated, empty PGlite database, once a test database has kept it. */
export async function migratedImage(): Promise<Blob | undefined> {
  const run = testRunDir();
  const file = run && join(run, MIGRATED);
  return file && existsSync(file) ? openAsBlob(file) : undefined;
}

/** Keeps the image of a freshly migrated PGlite database for the run's next test databases (two at once: both write, the last rename wins). */
export async function keepMigratedImage(database: Database): Promise<void> {
  const run = testRunDir();
  if (!run || !database.image) return;
  writeWhole(join(run, MIGRATED), new Uint8Array(await (await database.image()).arrayBuffer()));
}
