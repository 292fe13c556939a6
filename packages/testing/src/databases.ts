/**
 * Test databases and hot-state stores. PGlite in memory always; a fresh PostgreSQL database when DATABASE_URL is
 * set, and a fresh Redis key prefix when REDIS_URL is set — created per test file and dropped after, so runs
 * never see each other's data on the machine's long-lived servers.
 */
import { randomBytes } from 'node:crypto';
import { createMemoryKv, type Clock, type KvAdapters } from '@livehub/core';
import { type Database, openDatabase } from '@livehub/db';
import { createRedisKv } from '@livehub/redis';
import { keepMigratedImage, migratedImage } from './run-dir.ts';
import { createScratchDatabase, deleteRedisKeys, dropScratchDatabase } from './scratch.ts';

export type DriverName = 'pglite' | 'postgres';

/** The drivers this run can test: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function availableDrivers(): DriverName[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** The driver the app-level integration tests use: PostgreSQL when configured, else PGlite. */
export function primaryDriver(): DriverName {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  database: Database;
  /** for messages: where it lives */
  label: string;
  drop(): Promise<void>;
}

/**
 * A fresh test database. PGlite starts from `opts.image` when given (a seeded snapshot), else from the run's image of a
 * migrated database (run-dir.ts), kept by the first PGlite test database of the run; either way the migrations then
 * run, finding nothing left to apply.
 */
export async function openTestDatabase(
  driver: DriverName = primaryDriver(),
  opts: { poolSize?: number; poolWaitMs?: number; image?: Blob } = {},
): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const image = opts.image ?? (await migratedImage());
    const database = await openDatabase({ pgliteImage: image });
    if (!image) await keepMigratedImage(database);
    return { database, label: 'pglite:memory', drop: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `livehub_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = await createScratchDatabase(adminUrl, name);
  const database = await openDatabase({
    url,
    poolSize: opts.poolSize ?? 5,
    ...(opts.poolWaitMs ? { poolWaitMs: opts.poolWaitMs } : {}),
  });
  return {
    database,
    label: `postgres:${name}`,
    async drop() {
      await database.close();
      await dropScratchDatabase(adminUrl, name);
    },
  };
}

export type KvName = 'memory' | 'redis';

export function availableKvs(): KvName[] {
  return process.env.REDIS_URL ? ['memory', 'redis'] : ['memory'];
}

export function primaryKv(): KvName {
  return process.env.REDIS_URL ? 'redis' : 'memory';
}

export interface TestKv {
  kv: KvAdapters;
  prefix: string;
  drop(): Promise<void>;
}

export async function openTestKv(kind: KvName = primaryKv(), clock?: Clock): Promise<TestKv> {
  if (kind === 'memory') {
    const kv = createMemoryKv(clock);
    return { kv, prefix: '', drop: () => kv.close() };
  }
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set');
  const prefix = `lhtest:${Date.now().toString(36)}:${randomBytes(4).toString('hex')}:`;
  const kv = await createRedisKv({ url, prefix });
  return {
    kv,
    prefix,
    async drop() {
      await kv.close();
      await deleteRedisKeys(url, prefix);
    },
  };
}

/**
 * Waits until a session of this database waits for a lock of `locktype` (PostgreSQL; other files' databases on the
 * same server are not counted): how a concurrency test knows its second transaction is blocked before it goes on.
 */
export async function untilLockWaited(
  database: Pick<Database, 'exec'>,
  locktype: 'advisory' | 'transactionid',
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const [row] = await database.exec(
      `select count(*)::int as n from pg_locks where locktype = '${locktype}' and not granted
        and pid in (select pid from pg_stat_activity where datname = current_database())`,
    );
    if (Number(row?.n) > 0) return;
    if (Date.now() > deadline) throw new Error(`no session waited for a ${locktype} lock within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
