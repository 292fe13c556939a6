/**
 * Ledger benchmark (issue #15: "two-leg transfers posted by concurrent workers, including a hot account (every
 * transfer also touches the platform fee account). In the same run, the ceiling: the same rows written by plain
 * multi-row INSERTs with no checks").
 *
 * Ours: concurrent workers post transfers through the real `LedgerService.postMany` — each transfer one entry of
 * three postings (payer −amount, payee +amount−fee, the platform's fee account +fee), business key unique, amounts
 * checked, accounts locked in id order, floors held by the balance UPDATE, postings with their balance after —
 * `--batch` transfers per transaction. On PGlite (one connection: the workers queue) and on PostgreSQL
 * (BENCH_DATABASE_URL / DATABASE_URL, else 127.0.0.1:5432/test), each in a scratch database of its own from
 * @livehub/testing, dropped afterwards.
 * Ceiling (PostgreSQL, same database, same workers, same pool size, same batch): the same entry and posting rows
 * written by two plain multi-row INSERT … VALUES per transaction into copies of the tables (LIKE … INCLUDING ALL:
 * same columns, indexes and CHECKs, no foreign keys) — no lock, no balance, no idempotency look-up.
 * ratio = our PostgreSQL transfers/s ÷ ceiling transfers/s (goal ≥ 0.5). imbalance_fen: after the run, the sum of
 * every balance plus the sum of every unbalanced entry (must be 0; `verify()` must also pass).
 * The fee account is the platform's own `platform_fee_revenue`, opened as the platform opens it: a hot account
 * spread over its shards (ADR 0015). The headline draws the two parties of each transfer from 10,000 accounts (a
 * platform's merchants, streamers and MCNs); the same run repeats at --workers on 1,000 (`contended`), where two
 * concurrent batches of 20 transfers share an account most of the time and wait on each other's commit.
 * Options: --duration S (per phase, default 6), --workers N (default 8), --batch N (default 20), --accounts N
 * (default 10,000), --contended-accounts N (default 1,000; 0: skip).
 */
import { randomUUID } from 'node:crypto';
import { AuditService, type EntryInput, LedgerService, PLATFORM_PARTY } from '@livehub/core';
import { openTestDatabase, type TestDatabase } from '@livehub/testing';
import pg from 'pg';
import { percentile } from './lib/load.ts';

const GOAL_RATIO = 0.5;
const FEE_BP = 500; // 5 %
const FUNDING = 1_000_000_000; // fen per payer account, so no transfer meets the floor

interface Options {
  durationS: number;
  workers: number;
  batch: number;
  accounts: number;
  contendedAccounts: number;
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** A transfer between two of the accounts, with its fee to the hot account: three postings summing to zero. */
function transferOf(key: string, accounts: string[], fee: string): EntryInput {
  const i = Math.floor(Math.random() * accounts.length);
  let j = Math.floor(Math.random() * (accounts.length - 1));
  if (j >= i) j++;
  const amount = 100 + Math.floor(Math.random() * 99_900);
  const cut = Math.floor((amount * FEE_BP) / 10_000) || 1;
  return {
    businessKey: key,
    kind: 'transfer',
    postings: [
      { accountId: accounts[i] as string, amount: -amount },
      { accountId: accounts[j] as string, amount: amount - cut },
      { accountId: fee, amount: cut },
    ],
  };
}

interface Phase {
  transfers: number;
  refused: number;
  elapsedS: number;
  /** ms per transaction (one batch) */
  latencies: number[];
}

/** `workers` loops running `work` until the deadline; each call writes `batch` transfers. */
async function drive(o: Options, work: (worker: number, n: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  let transfers = 0;
  let refused = 0;
  const start = performance.now();
  const end = start + o.durationS * 1000;
  await Promise.all(
    Array.from({ length: o.workers }, async (_, w) => {
      let n = 0;
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await work(w, n++);
          transfers += o.batch;
          latencies.push(performance.now() - t);
        } catch (e) {
          refused += o.batch;
          if (refused <= o.batch) process.stderr.write(`  refused: ${e instanceof Error ? e.message : String(e)}\n`);
        }
      }
    }),
  );
  return { transfers, refused, elapsedS: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

/** Our side, set up: the platform's clearing and fee accounts as the platform opens them, the parties funded. */
async function setUpOurs(t: TestDatabase, o: Options) {
  const clock = { now: () => new Date() };
  const ids = { next: () => randomUUID() };
  const ledger = new LedgerService({ uow: t.database.uow, clock, ids, audit: new AuditService({ clock, ids }) });
  const clearing = await ledger.openAccount(PLATFORM_PARTY, 'provider_clearing');
  const fee = await ledger.openAccount(PLATFORM_PARTY, 'platform_fee_revenue');
  const accounts: string[] = [];
  for (let i = 0; i < o.accounts; i += 50)
    accounts.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, o.accounts - i) }, async () => (await ledger.openAccount(randomUUID(), 'merchant_available')).id),
      )),
    );
  for (let i = 0; i < accounts.length; i += 500)
    await ledger.postMany(
      accounts.slice(i, i + 500).map((a) => ({
        businessKey: `fund:${a}`,
        kind: 'funding',
        postings: [
          { accountId: clearing.id, amount: -FUNDING },
          { accountId: a, amount: FUNDING },
        ],
      })),
    );
  const run = randomUUID();
  return {
    accounts,
    fee: fee.id,
    /** `workers` loops of postMany(`batch` transfers) for `durationS` */
    drive: (durationS: number, prefix: string) =>
      drive({ ...o, durationS }, (w, n) =>
        ledger
          .postMany(Array.from({ length: o.batch }, (_, k) => transferOf(`${prefix}:${run}:${w}:${n}:${k}`, accounts, fee.id)))
          .then(() => {}),
      ),
    async check() {
      const v = await ledger.verify();
      return {
        verifyOk: v.ok,
        imbalance: Math.abs(v.balanceTotal) + v.unbalancedEntries.reduce((sum, e) => sum + Math.abs(e.sum), 0),
        entries: v.entries,
        postings: v.postings,
      };
    },
  };
}

/** The ceiling, set up: the same rows by plain multi-row INSERTs into copies of the tables, no checks. */
async function setUpCeiling(url: string, o: Options, accounts: string[], fee: string) {
  const pool = new pg.Pool({ connectionString: url, max: o.workers + 2 });
  // the scratch database is dropped WITH (FORCE) at the end: a connection still closing must not crash the run
  pool.on('error', () => {});
  await pool.query(`create table if not exists ceiling_entries (like ledger_entries including all);
    create table if not exists ceiling_postings (like ledger_postings including all)`);
  const run = randomUUID();
  const values = (rows: number, cols: number) =>
    Array.from({ length: rows }, (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')})`).join(', ');
  const write = async (w: number, n: number, prefix: string) => {
    const now = new Date();
    const entries: unknown[] = [];
    const postings: unknown[] = [];
    for (let k = 0; k < o.batch; k++) {
      const e = transferOf(`${prefix}:${run}:${w}:${n}:${k}`, accounts, fee);
      const id = randomUUID();
      entries.push(id, e.businessKey, e.kind, now);
      e.postings.forEach((p, seq) => {
        postings.push(id, seq, p.accountId, p.amount, 0, now);
      });
    }
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`insert into ceiling_entries (id, business_key, kind, posted_at) values ${values(o.batch, 4)}`, entries);
      await client.query(
        `insert into ceiling_postings (entry_id, seq, account_id, amount, balance_after, posted_at) values ${values(o.batch * 3, 6)}`,
        postings,
      );
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  };
  return { drive: (durationS: number, prefix: string) => drive({ ...o, durationS }, (w, n) => write(w, n, prefix)), end: () => pool.end() };
}

const merge = (phases: Phase[]): Phase => ({
  transfers: phases.reduce((sum, p) => sum + p.transfers, 0),
  refused: phases.reduce((sum, p) => sum + p.refused, 0),
  elapsedS: phases.reduce((sum, p) => sum + p.elapsedS, 0),
  latencies: phases.flatMap((p) => p.latencies).sort((a, b) => a - b),
});
const perSecond = (p: Phase) => Math.round(p.transfers / p.elapsedS);

/**
 * Ours and the ceiling in alternating rounds (ours, ceiling, ours, …) of duration ÷ ROUNDS seconds each, after a
 * second of warm-up each: whatever else the machine does (autovacuum after the bulk inserts, a neighbour) falls on
 * both sides alike instead of on whichever phase ran second.
 */
const ROUNDS = 3;
async function compare(pgDb: TestDatabase, url: string, o: Options, label: string) {
  const us = await setUpOurs(pgDb, o);
  const them = await setUpCeiling(url, o, us.accounts, us.fee);
  try {
    await us.drive(1, 'warm');
    await them.drive(1, 'warm');
    const mine: Phase[] = [];
    const theirs: Phase[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      mine.push(await us.drive(o.durationS / ROUNDS, `t${r}`));
      theirs.push(await them.drive(o.durationS / ROUNDS, `c${r}`));
    }
    const onPg = merge(mine);
    const top = merge(theirs);
    const check = await us.check();
    const ratio = Math.round((perSecond(onPg) / perSecond(top)) * 100) / 100;
    process.stderr.write(
      `  ${label}: ours ${perSecond(onPg)} transfers/s (p50 ${percentile(onPg.latencies, 50)} ms, p99 ${percentile(onPg.latencies, 99)} ms per batch of ${o.batch}; ` +
        `${onPg.refused} refused; verify ${check.verifyOk ? 'ok' : 'FAILED'}), ceiling ${perSecond(top)} transfers/s ` +
        `(p50 ${percentile(top.latencies, 50)} ms, p99 ${percentile(top.latencies, 99)} ms); ratio ${ratio} (goal ≥ ${GOAL_RATIO})\n`,
    );
    return { onPg, top, ratio, ...check };
  } finally {
    await them.end();
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const o: Options = {
    durationS: option(args, 'duration', 6),
    workers: option(args, 'workers', 8),
    batch: option(args, 'batch', 20),
    accounts: option(args, 'accounts', 10_000),
    contendedAccounts: args.includes('--contended-accounts') ? Number(args[args.indexOf('--contended-accounts') + 1]) || 0 : 1000,
  };
  // the headline is at --workers; a run at 2 workers beside it shows what the hot account costs as workers grow
  const sweep = [...new Set([2, o.workers])].sort((a, b) => a - b);
  process.stderr.write(
    `ledger: ${sweep.join(' and ')} workers, ${o.batch} transfers per transaction, ${o.accounts} accounts + the hot fee account, ` +
      `${o.durationS} s per side in ${ROUNDS} alternating rounds\n`,
  );

  const lite = await openTestDatabase('pglite');
  const onLite = await (async () => {
    const us = await setUpOurs(lite, o);
    await us.drive(1, 'warm');
    const phase = await us.drive(o.durationS, 't');
    const check = await us.check();
    process.stderr.write(
      `  PGlite: ${perSecond(phase)} transfers/s, p50 ${percentile(phase.latencies, 50)} ms, p99 ${percentile(phase.latencies, 99)} ms per batch; verify ${check.verifyOk ? 'ok' : 'FAILED'}\n`,
    );
    return { phase, ...check };
  })().finally(() => lite.drop());

  // a scratch database of its own on the machine's PostgreSQL, through the test helpers (DATABASE_URL is their admin URL)
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const pgDb = await openTestDatabase('postgres', { poolSize: Math.max(...sweep) + 2 });
  try {
    const dbUrl = new URL(process.env.DATABASE_URL);
    dbUrl.pathname = `/${pgDb.label.replace(/^postgres:/, '')}`;
    const byWorkers: Record<string, Record<string, number>> = {};
    let head: Awaited<ReturnType<typeof compare>> | null = null;
    let imbalance = onLite.imbalance;
    let verifyOk = onLite.verifyOk;
    const figures = (c: Awaited<ReturnType<typeof compare>>) => ({
      postgres_transfers_per_s: perSecond(c.onPg),
      ceiling_transfers_per_s: perSecond(c.top),
      ratio: c.ratio,
      p50_ms: percentile(c.onPg.latencies, 50),
      p99_ms: percentile(c.onPg.latencies, 99),
    });
    for (const workers of sweep) {
      const c = await compare(pgDb, dbUrl.toString(), { ...o, workers }, `PostgreSQL, ${workers} workers`);
      imbalance += c.imbalance;
      verifyOk &&= c.verifyOk;
      byWorkers[String(workers)] = figures(c);
      if (workers === o.workers) head = c;
    }
    if (!head) throw new Error('no run at --workers');
    // the same at --workers with the parties drawn from fewer accounts: the cost of contention on them
    let contended: Record<string, number> | null = null;
    if (o.contendedAccounts > 0) {
      const c = await compare(
        pgDb,
        dbUrl.toString(),
        { ...o, accounts: o.contendedAccounts },
        `PostgreSQL, ${o.workers} workers, ${o.contendedAccounts} accounts`,
      );
      imbalance += c.imbalance;
      verifyOk &&= c.verifyOk;
      contended = { accounts: o.contendedAccounts, ...figures(c) };
    }
    const { onPg, top, ratio } = head;
    process.stderr.write(`  headline (${o.workers} workers, ${o.accounts} accounts): ratio ${ratio}; imbalance ${imbalance} fen\n`);
    return {
      transfers_per_s: perSecond(onLite.phase),
      postgres_transfers_per_s: perSecond(onPg),
      ceiling_transfers_per_s: perSecond(top),
      ratio,
      goal_ratio: GOAL_RATIO,
      goal_met: ratio >= GOAL_RATIO,
      ratio_basis:
        'LedgerService.postMany on PostgreSQL (3 postings per transfer incl. the hot platform fee account, spread over its shards; row locks in id order, floors in the UPDATE, idempotent keys, running balances; one ledger_post() call per transaction) ÷ the same rows by two plain multi-row INSERTs per transaction into copies of the tables; same workers, pool, batch; alternating rounds; parties drawn from --accounts',
      imbalance_fen: imbalance,
      verify_ok: verifyOk,
      p50_ms: percentile(onPg.latencies, 50),
      p95_ms: percentile(onPg.latencies, 95),
      p99_ms: percentile(onPg.latencies, 99),
      latency_basis: 'ms per transaction (one postMany of `batch` transfers) on PostgreSQL at --workers, under the full load',
      by_workers: byWorkers,
      contended,
      pglite_p50_ms: percentile(onLite.phase.latencies, 50),
      pglite_p99_ms: percentile(onLite.phase.latencies, 99),
      ceiling_p50_ms: percentile(top.latencies, 50),
      ceiling_p99_ms: percentile(top.latencies, 99),
      refused: onLite.phase.refused + onPg.refused,
      workers: o.workers,
      batch: o.batch,
      accounts: o.accounts,
      duration_s: o.durationS,
      rounds: ROUNDS,
      postgres_entries: head.entries,
      postgres_postings: head.postings,
    };
  } finally {
    await pgDb.drop();
  }
}
