/**
 * Wires adapters to ports and services to adapters, once per process. The only place that knows which database,
 * which hot-state store and which crypto the running platform uses.
 */
import { join } from 'node:path';
import {
  AuditService,
  ComplianceService,
  type Clock,
  createMemoryKv,
  IdentityService,
  ImportService,
  type KvAdapters,
  OrganizationService,
  RegistryService,
  ViolationCreditInquiry,
  type WorkflowHooks,
  WorkflowService,
  WorkbenchService,
} from '@livehub/core';
import { loadDefaultPack } from '@livehub/compliance';
import { type Database, openDatabase } from '@livehub/db';
import { createRedisKv } from '@livehub/redis';
import { LocalFileStore } from './adapters/file-store.ts';
import { AesGcmVault, Argon2Hasher, randomTokens, systemClock, UuidV7Generator } from './adapters/runtime.ts';
import type { Config } from './config.ts';

export interface ContainerOverrides {
  clock?: Clock;
  /** use this database instead of opening the configured one (tests share one per file) */
  database?: Database;
  kv?: KvAdapters;
  /** cheaper argon2 parameters for tests */
  fastHashing?: boolean;
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export async function createContainer(config: Config, o: ContainerOverrides = {}) {
  const clock = o.clock ?? systemClock;
  const ids = new UuidV7Generator();
  const database =
    o.database ??
    (await openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pgdata'), poolSize: config.dbPoolSize }).catch(
      (e: unknown) => {
        const where = config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : join(config.dataDir, 'pgdata');
        throw new StartupError(`Cannot open the database at ${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      },
    ));
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
  const identity = new IdentityService({ uow, clock, ids, hasher, vault, tokens: randomTokens, rateLimits: kv.rateLimits, audit });
  const orgs = new OrganizationService({ uow, clock, ids, audit });
  const workbench = new WorkbenchService({ uow });
  const imports = new ImportService({ uow, clock, ids, vault, audit });
  const compliance = new ComplianceService({ uow, clock, ids, audit, pack: loadDefaultPack() });
  await compliance.reload();
  // The engine calls the registry's step effects; the registry submits through the engine: wire both ways.
  const hooks: Record<string, WorkflowHooks> = {};
  const workflows = new WorkflowService({ uow, clock, ids, audit, credit: new ViolationCreditInquiry(clock), hooks });
  const files = new LocalFileStore(join(config.dataDir, 'files'));
  const registry = new RegistryService({ uow, clock, ids, vault, audit, files, workflows });
  Object.assign(hooks, registry.hooks());
  // A rule editor's exemption on any process reaches every process.
  const unsubscribePack = await kv.pubsub.subscribe('compliance:pack', () => void compliance.reload().catch(() => {}));

  return {
    config,
    clock,
    ids,
    database,
    uow,
    kv,
    hasher,
    vault,
    audit,
    identity,
    orgs,
    workbench,
    imports,
    compliance,
    workflows,
    registry,
    async close() {
      await unsubscribePack();
      await kv.close();
      await database.close();
    },
  };
}
