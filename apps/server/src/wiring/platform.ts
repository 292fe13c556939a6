/**
 * The platform every context is wired onto: the clock, ids, the database and its unit of work, the hot-state store
 * (Redis with REDIS_URL, in memory otherwise), hashing, the PII vault, the audit trail and the names directory.
 */
import { join } from 'node:path';
import { AuditLogService, AuditService, type Clock, createMemoryKv, type KvAdapters, NameDirectory } from '@livehub/core';
import { type Database, openDatabase } from '@livehub/db';
import { createRedisKv } from '@livehub/redis';
import { AesGcmVault, Argon2Hasher, systemClock, UuidV7Generator } from '../adapters/runtime.ts';
import type { Config } from '../config.ts';

export interface ContainerOverrides {
  clock?: Clock;
  /** use this database instead of opening the configured one (tests share one per file) */
  database?: Database;
  kv?: KvAdapters;
  /** cheaper argon2 parameters for tests */
  fastHashing?: boolean;
}

/** The platform cannot start (no database, no Redis): told to the operator without a stack. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export type Platform = Awaited<ReturnType<typeof openPlatform>>;

export async function openPlatform(config: Config, o: ContainerOverrides) {
  const clock = o.clock ?? systemClock;
  const ids = new UuidV7Generator();
  const database =
    o.database ??
    (await openDatabase({
      url: config.databaseUrl,
      pgliteDir: join(config.dataDir, 'pgdata'),
      poolSize: config.dbPoolSize,
      poolWaitMs: config.dbPoolWaitMs,
    }).catch((e: unknown) => {
      const where = config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : join(config.dataDir, 'pgdata');
      throw new StartupError(`Cannot open the database at ${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }));
  const kv =
    o.kv ??
    (config.redisUrl
      ? await createRedisKv({ url: config.redisUrl, prefix: config.redisPrefix }).catch((e: unknown) => {
          throw new StartupError(`Cannot reach Redis at ${config.redisUrl}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        })
      : createMemoryKv(clock));
  const hasher = new Argon2Hasher(o.fastHashing ? { memoryCost: 1024, timeCost: 1, parallelism: 1 } : undefined);
  const vault = new AesGcmVault(config.piiKey);
  const audit = new AuditService({ clock, ids });
  const uow = database.uow;
  // The names screens show for ids (audit targets, violations' subjects, applications' subjects): batched per page.
  const names = new NameDirectory({ uow });
  const auditLog = new AuditLogService({ uow, audit, names });
  return { config, clock, ids, database, uow, kv, hasher, vault, audit, names, auditLog };
}
