/**
 * Opens the database the configuration names: PGlite (PostgreSQL in WASM, on disk under the data dir, or in
 * memory for tests) when there is no DATABASE_URL, a PostgreSQL pool otherwise. Applies committed migrations.
 */
import { fileURLToPath } from 'node:url';
import type { DatabaseHealth, UnitOfWork } from '@livehub/core';
import type { Transaction } from '@electric-sql/pglite';
import type { Db } from '../db.ts';
import { PreparedStatements } from '../prepared.ts';
import { DrizzleUnitOfWork } from '../unit-of-work.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface OpenDatabaseOptions {
  /** postgres://… selects PostgreSQL; absent selects PGlite */
  url?: string | undefined;
  /** PGlite data directory; absent = in memory */
  pgliteDir?: string | undefined;
  /**
   * PGlite in memory: start from this image of a data directory (`Database.image()` of another instance) instead of
   * an empty cluster — how the tests skip initdb and the migrations they already ran once (packages/testing).
   */
  pgliteImage?: Blob | undefined;
  poolSize?: number;
  /** PostgreSQL: how long a query waits for a free connection before it fails as busy (ms, default 5000) */
  poolWaitMs?: number;
  migrate?: boolean;
}

export interface Database extends DatabaseHealth {
  db: Db;
  uow: UnitOfWork;
  /** raw SQL for tests and tools: never used by services */
  exec(sqlText: string): Promise<Array<Record<string, unknown>>>;
  /**
   * Refreshes the planner's statistics where nothing else does: PGlite has no autovacuum, and without statistics
   * the planner picks poor plans for the search read model (ADR 0007). PostgreSQL's autovacuum does it itself.
   */
  refreshStatistics(): Promise<void>;
  /**
   * PGlite: an image of the whole data directory (a tar, checkpointed first), which `pgliteImage` opens as a new
   * instance in this state. Absent on PostgreSQL (a template database does the same there).
   */
  image?(): Promise<Blob>;
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const db = opts.url
    ? await openPostgres(opts.url, opts.poolSize ?? 10, opts.poolWaitMs ?? POOL_WAIT_MS)
    : await openPglite(opts.pgliteDir, opts.pgliteImage);
  if (opts.migrate !== false) await db.migrate();
  return db.database;
}

interface Opened {
  database: Database;
  migrate(): Promise<void>;
}

/**
 * The types Drizzle keeps as text on PGlite (its `PglitePreparedQuery` parsers): timestamp, timestamptz, interval,
 * date, and the arrays of numeric, timestamp, timestamptz, interval and date.
 */
const TEXT_KEPT_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];
const TEXT_KEPT = new Set(TEXT_KEPT_TYPES.map(String));
type QueryOptions = { parsers?: Record<number, (value: string, typeId?: number) => unknown> } & Record<string, unknown>;
/** A query's options without Drizzle's parsers when they are exactly the ones installed (any other set stays). */
function lean(options: QueryOptions | undefined): QueryOptions | undefined {
  const parsers = options?.parsers;
  if (!parsers) return options;
  const keys = Object.keys(parsers);
  if (keys.length !== TEXT_KEPT.size || !keys.every((k) => TEXT_KEPT.has(k))) return options;
  const { parsers: _installed, ...rest } = options;
  return rest;
}

async function openPglite(dir: string | undefined, image: Blob | undefined): Promise<Opened> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  // btree_gist: the studio bookings' exclusion constraint (studio = and time range &&) needs it (docs/programmes.md)
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const extensions = { btree_gist };
  const client = dir ? new PGlite(dir, { extensions }) : new PGlite({ extensions, ...(image ? { loadDataDir: image } : {}) });
  await client.waitReady;
  // PGlite runs every query on this thread, one at a time, handing the next queued query its turn in a microtask:
  // with many requests in flight, the queue drained without the event loop ever reaching I/O — no new request, not
  // even a health check, was read until every queued query had run (issue #13: health checks at 15–25 s under 50
  // connections). A query outside a transaction first yields one macrotask turn, so sockets are served between
  // queries. (Inside a transaction, queries run on the transaction's own handle, without the yield.)
  //
  // Drizzle hands every query parsers that keep dates, timestamps and intervals (and their arrays) as the database's
  // text, and PGlite merges them over its own ~300 on every query — a copy of the whole set, a quarter of a
  // millisecond a statement, a sixth of a credit event's ingest (issue #16, docs/credit.md). They are installed once
  // instead and taken off each query that brings exactly them; the raw queries below ask for PGlite's own back.
  const own: Record<number, (value: string, typeId?: number) => unknown> = {};
  for (const type of TEXT_KEPT_TYPES) {
    own[type] = client.parsers[type]!;
    client.parsers[type] = (value: string) => value;
  }
  const runQuery = client.query.bind(client);
  client.query = (async (text: string, params?: unknown[], options?: QueryOptions) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return runQuery(text, params, lean(options));
  }) as typeof client.query;
  const runTransaction = client.transaction.bind(client);
  client.transaction = ((work: (tx: Transaction) => Promise<unknown>) =>
    runTransaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((text: string, params?: unknown[], options?: QueryOptions) => txQuery(text, params, lean(options))) as typeof tx.query;
      return work(tx);
    })) as typeof client.transaction;
  // no schema: nothing here uses Drizzle's relational queries, and with it every transaction built one per table
  const db = drizzle({ client });
  const typed = db as unknown as Db;
  return {
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
    database: {
      driver: 'pglite',
      db: typed,
      uow: new DrizzleUnitOfWork(typed, undefined, true, new PreparedStatements()),
      async ping() {
        const t = performance.now();
        await client.query('select 1', [], { parsers: own });
        return performance.now() - t;
      },
      async exec(sqlText) {
        const r = await client.query<Record<string, unknown>>(sqlText, [], { parsers: own });
        return r.rows;
      },
      async refreshStatistics() {
        await client.query('ANALYZE', [], { parsers: own });
      },
      async image() {
        await client.query('CHECKPOINT', [], { parsers: own });
        return client.dumpDataDir('none');
      },
      close: () => client.close(),
    },
  };
}

/** How long a query waits for a free connection by default before it is refused as busy (`isDatabaseBusy`). */
const POOL_WAIT_MS = 5000;
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/**
 * Whether an error (or what caused it) is the pool's refusal to wait longer for a connection: every connection was
 * busy for as long as a query may wait (`poolWaitMs`). That is overload, not a fault — the server answers 503 with Retry-After, not 500.
 */
export function isDatabaseBusy(e: unknown): boolean {
  for (let cur = e, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++)
    if (cur.message === POOL_TIMEOUT_MESSAGE || cur.message.endsWith(`: ${POOL_TIMEOUT_MESSAGE}`)) return true;
  return false;
}

async function openPostgres(url: string, poolSize: number, poolWaitMs: number): Promise<Opened> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // bigint counts come back as strings by default; ours fit in a double.
  pg.default.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: poolWaitMs });
  // An idle client whose server connection dies (restart, failover, terminated backend) is dropped by the pool
  // and replaced on the next checkout; without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  // Fail fast with a clear error when the server is not there, instead of on the first request.
  const probe = await pool.connect();
  probe.release();
  // no schema: nothing here uses Drizzle's relational queries, and with it every transaction built one per table
  const db = drizzle({ client: pool });
  const typed = db as unknown as Db;
  return {
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
    database: {
      driver: 'postgres',
      db: typed,
      uow: new DrizzleUnitOfWork(typed),
      async ping() {
        const t = performance.now();
        await pool.query('select 1');
        return performance.now() - t;
      },
      async exec(sqlText) {
        const r = await pool.query(sqlText);
        return r.rows as Array<Record<string, unknown>>;
      },
      async refreshStatistics() {},
      close: () => pool.end(),
    },
  };
}
