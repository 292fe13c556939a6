/**
 * PostgreSQL databases and Redis key prefixes of a run's own on the machine's long-lived servers: made for a test
 * file or a benchmark, dropped afterwards, so runs never see each other's data.
 */
import { Redis } from 'ioredis';
import pg from 'pg';

/** Creates database `name` through `adminUrl` and returns the URL to reach it. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name`, closing whatever is still connected to it. */
export async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** `work` on a database of its own (its URL), dropped afterwards whatever `work` does. */
export async function withScratchDatabase<T>(adminUrl: string, name: string, work: (url: string) => Promise<T>): Promise<T> {
  const url = await createScratchDatabase(adminUrl, name);
  try {
    return await work(url);
  } finally {
    await dropScratchDatabase(adminUrl, name);
  }
}

/** Deletes every key under `prefix` in the Redis at `redisUrl`. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const r = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

/** Why PostgreSQL at `pgUrl` and Redis at `redisUrl` cannot be used here, or null when both answer. */
export async function clusterUnavailable(pgUrl: string, redisUrl: string): Promise<string | null> {
  const problems: string[] = [];
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query('select 1');
  } catch (e) {
    problems.push(`PostgreSQL at ${new URL(pgUrl).host}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await admin.end().catch(() => {});
  }
  const r = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let cause: unknown = null;
  r.on('error', (e) => {
    cause ??= e;
  });
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    const err = cause ?? e;
    problems.push(`Redis at ${new URL(redisUrl).host}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    r.disconnect();
  }
  return problems.length > 0 ? problems.join('; ') : null;
}
