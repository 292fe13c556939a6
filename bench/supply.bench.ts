/**
 * Supply benchmark (issue #20: "stock movements posted per second on PGlite and PostgreSQL with a plain INSERT as
 * the ceiling in the same run (`ratio`)").
 *
 * Ours: `--workers` concurrent loops, each posting one receipt (+1 unit of one of `--skus` SKUs into one of two
 * warehouses) per transaction through the real `StockPostingService.postIn`: the movement checked, the SKU and the
 * warehouse looked up (owner, status), the projection `stock_levels` upserted, the SKU's sellable number moved by
 * its conditional UPDATE, the ledger row inserted. Ceiling, same database, same workers: one plain INSERT of a row
 * of the same shape per statement into a copy of the ledger table (LIKE … INCLUDING ALL: same columns, indexes,
 * CHECKs), with nothing else. ratio = our movements/s ÷ ceiling rows/s, on PostgreSQL when it is reachable
 * (BENCH_DATABASE_URL / DATABASE_URL, else 127.0.0.1:5432/test), else on PGlite. After the run, every SKU's
 * projection must equal its ledger sum and its sellable number (`drift`, must be 0).
 * Options: --duration S (per side, default 4), --workers N (PostgreSQL, default 4; PGlite has one connection),
 * --skus N (default 100).
 */
import { randomUUID } from 'node:crypto';
import { type Actor, StockPostingService } from '@livehub/core';
import { openTestDatabase, type TestDatabase } from '@livehub/testing';
import { org, product, sku } from '@livehub/testing/fixtures';
import { numberArg } from './lib/args.ts';
import { percentile } from './lib/load.ts';

interface Phase {
  n: number;
  ms: number;
  latencies: number[];
}

const actor: Actor = { userId: null, label: 'system:bench', orgId: null, membershipId: null, role: 'system', via: 'system' };

async function drive(durationS: number, workers: number, one: () => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + durationS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await one();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, ms: performance.now() - start, latencies };
}

const perSecond = (p: Phase) => Math.round((p.n / p.ms) * 1000);

async function measure(t: TestDatabase, o: { durationS: number; workers: number; skus: number }) {
  const clock = { now: () => new Date() };
  const ids = { next: () => randomUUID() };
  const posting = new StockPostingService({ clock, ids });
  const merchant = org({ kind: 'merchant', name: `bench-merchant-${randomUUID().slice(0, 8)}` });
  const skuIds: string[] = [];
  const warehouses: string[] = [];
  await t.database.uow.transaction(async (r) => {
    await r.orgs.insert(merchant);
    const p = product(merchant.id);
    await r.catalog.insertProduct(p);
    for (let i = 0; i < o.skus; i++) {
      const s = sku(p.id, { stock: 0, sort: i, name: `规格 ${i}` });
      await r.catalog.insertSku(s);
      skuIds.push(s.id);
    }
    warehouses.push((await posting.defaultWarehouseIn(r, merchant.id)).id);
    const second = { ...(await posting.defaultWarehouseIn(r, merchant.id)), id: randomUUID(), name: '二号仓', isDefault: false };
    await r.inventory.insertWarehouse(second);
    warehouses.push(second.id);
  });
  await t.database.exec('create table if not exists ceiling_movements (like stock_movements including all)');
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;
  const ours = () =>
    t.database.uow
      .transaction((tx) =>
        posting.postIn(tx, actor, { skuId: pick(skuIds), warehouseId: pick(warehouses), kind: 'receipt', qty: 1, refType: 'bench' }),
      )
      .then(() => {});
  const ceiling = () =>
    t.database
      .exec(
        `insert into ceiling_movements (id, sku_id, warehouse_id, merchant_org_id, kind, qty, reason, ref_type, ref_id, actor_user_id, actor_label, at)
         values ('${randomUUID()}', '${pick(skuIds)}', '${pick(warehouses)}', '${merchant.id}', 'receipt', 1, null, 'bench', null, null, 'system:bench', now())`,
      )
      .then(() => {});
  await drive(0.5, o.workers, ours);
  await drive(0.5, o.workers, ceiling);
  const us = await drive(o.durationS, o.workers, ours);
  const top = await drive(o.durationS, o.workers, ceiling);
  // the one truth held: every SKU's projection = its ledger sum = its sellable number
  const rows = await t.database.exec(
    `select s.id, s.stock, coalesce((select sum(on_hand) from stock_levels l where l.sku_id = s.id), 0)::int as on_hand,
            coalesce((select sum(qty) from stock_movements m where m.sku_id = s.id), 0)::int as ledger
     from product_skus s where s.product_id = (select product_id from product_skus where id = '${skuIds[0]}')`,
  );
  const drift = rows.reduce((n, r) => n + Math.abs(Number(r.on_hand) - Number(r.ledger)) + Math.abs(Number(r.stock) - Number(r.ledger)), 0);
  return { us, top, drift };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const o = { durationS: numberArg(args, '--duration', 4), workers: numberArg(args, '--workers', 4), skus: numberArg(args, '--skus', 100) };
  const lite = await openTestDatabase('pglite');
  const onLite = await measure(lite, { ...o, workers: 1 }).finally(() => lite.drop());
  process.stderr.write(
    `supply PGlite: ${perSecond(onLite.us)} movements/s (p50 ${percentile(onLite.us.latencies, 50)} ms, p99 ${percentile(onLite.us.latencies, 99)} ms), ` +
      `plain INSERT ${perSecond(onLite.top)} rows/s; drift ${onLite.drift}\n`,
  );
  let onPg: Awaited<ReturnType<typeof measure>> | null = null;
  process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const pgDb = await openTestDatabase('postgres', { poolSize: o.workers + 2 });
    onPg = await measure(pgDb, o).finally(() => pgDb.drop());
    process.stderr.write(
      `supply PostgreSQL (${o.workers} workers): ${perSecond(onPg.us)} movements/s (p50 ${percentile(onPg.us.latencies, 50)} ms, ` +
        `p99 ${percentile(onPg.us.latencies, 99)} ms), plain INSERT ${perSecond(onPg.top)} rows/s; drift ${onPg.drift}\n`,
    );
  } catch (e) {
    process.stderr.write(`supply PostgreSQL: skipped (${(e as Error).message})\n`);
  }
  const head = onPg ?? onLite;
  return {
    backend: onPg ? 'postgres' : 'pglite',
    ratio: Math.round((perSecond(head.us) / Math.max(1, perSecond(head.top))) * 1000) / 1000,
    movements_per_s: perSecond(head.us),
    ceiling_per_s: perSecond(head.top),
    p50_ms: percentile(head.us.latencies, 50),
    p95_ms: percentile(head.us.latencies, 95),
    p99_ms: percentile(head.us.latencies, 99),
    drift: onLite.drift + (onPg?.drift ?? 0),
    movements_per_s_pglite: perSecond(onLite.us),
    ceiling_per_s_pglite: perSecond(onLite.top),
    ratio_pglite: Math.round((perSecond(onLite.us) / Math.max(1, perSecond(onLite.top))) * 1000) / 1000,
    movements_per_s_postgres: onPg ? perSecond(onPg.us) : null,
    ceiling_per_s_postgres: onPg ? perSecond(onPg.top) : null,
    workers_postgres: o.workers,
    duration_s: o.durationS,
    what: 'StockPostingService.postIn (one receipt per transaction: checks, warehouse look-up, stock_levels upsert, sellable UPDATE, ledger INSERT) ÷ one plain INSERT per statement of a same-shaped row into a copy of stock_movements; same database and workers',
  };
}
