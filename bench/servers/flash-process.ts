/**
 * What the benchmarks' server processes (order-server.ts, order-replica.ts, room-server.ts) share: their
 * configuration from the environment, and their way out.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@livehub/server';

/**
 * A fresh data directory and the configuration: PGlite there, or PostgreSQL + Redis (+ prefix) from the environment;
 * the secrets that sign cookies and seal PII from BENCH_SESSION_SECRET / BENCH_PII_KEY when given (processes serving
 * the same buyers and data share them), else new ones. `more`: further settings on top.
 */
export function benchServerConfig(name: string, more: Record<string, string | undefined> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), `livehub-bench-${name}-`));
  const config = loadConfig({
    LIVEHUB_DATA_DIR: dataDir,
    LIVEHUB_SESSION_SECRET: process.env.BENCH_SESSION_SECRET ?? randomBytes(32).toString('base64'),
    LIVEHUB_PII_KEY: process.env.BENCH_PII_KEY ?? randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    PORT: process.env.PORT ?? '0',
    HOST: '127.0.0.1',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    DATABASE_URL: process.env.DATABASE_URL,
    ...more,
  });
  return { dataDir, config };
}

/** The configuration of a flash-sale server process (`benchServerConfig` with its pool size and payment window). */
export function flashConfig(name: string) {
  return benchServerConfig(name, {
    DB_POOL_SIZE: process.env.DB_POOL_SIZE,
    // unpaid flash orders would time out after 5 minutes; nothing here should expire during a run
    LIVEHUB_FLASH_PAY_MINUTES: '120',
  });
}

/** On SIGTERM / SIGINT (and when the parent goes, for IPC children) the app and the container close and the data
 * directory goes. */
export function shutdownOnSignals(
  closers: { app: { close(): Promise<unknown> }; c: { close(): Promise<unknown> } },
  dataDir: string,
  opts: { onDisconnect?: boolean } = {},
): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await closers.app.close().catch(() => {});
      await closers.c.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (opts.onDisconnect) process.on('disconnect', stop);
}
