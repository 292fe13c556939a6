/**
 * Supervision benchmark (issue #18: "statistics pages over 1,000,000 orders (`p95_ms`, goal ≤ 200 ms on PGlite and
 * PostgreSQL), and clue detectors keeping up with an event stream (`events_per_s`, with the same events simply
 * inserted as the ceiling, `ratio`)").
 *
 * Statistics: --orders orders (1,000,000) over the two years before the measured one, with one line each and a second
 * line on three in ten, 10 % refunded in full and 5 % in part, from 2,000 merchants in 16 districts (a quarter in one
 * of 20 live bases), each merchant selling in one or two of 24 leaf categories; plus --sessions live sessions. They are
 * bulk-inserted into the source tables with generate_series (not timed), then `StatisticsService.rebuild` projects
 * every fact and rollup from the source tables (`rebuild_s`, timed once). Then the page's read,
 * `StatisticsService.overview` (a year by month with last year's for YoY, by district, base and category, active
 * parties, the targets' progress), --queries times over the three filters the page offers (the whole year, one
 * district, one category): `p50_ms`/`p95_ms`/`p99_ms`.
 * Detectors: --events events (complaints filed against 300 merchants, confirmed violations, credit's 触发式监管
 * crossings) through `ClueService.ingestBatch` as the outbox hands them over, in passes of --batch (200, the
 * dispatcher's) events (signals stored once, windows counted, clues raised or reinforced, audited; --batch 1 is one
 * event at a time) — `events_per_s`, with the SQL statements spent per event (`statements_per_event`); the ceiling is
 * the same events each inserted as a row into a plain table, one statement per event. `ratio` = ours ÷ ceiling
 * (PGlite). --detectors-only runs this part alone (seconds, not minutes) and prints its figures without a result.
 * On PGlite (in memory) and, unless --skip-postgres, on PostgreSQL (BENCH_DATABASE_URL / DATABASE_URL) in a scratch
 * database from @livehub/testing, dropped afterwards. Options: --orders, --sessions, --queries, --events, --batch,
 * --detectors-only, --skip-postgres, --skip-pglite.
 */
import { randomUUID } from 'node:crypto';
import {
  AuditService,
  ClueService,
  NameDirectory,
  type Repositories,
  StatisticsService,
  SYSTEM_ACTOR,
  type UnitOfWork,
} from '@livehub/core';
import { openTestDatabase, type TestDatabase } from '@livehub/testing';
import { user } from '@livehub/testing/fixtures';
import { numberArg } from './lib/args.ts';
import { percentile } from './lib/load.ts';

const GOAL_P95_MS = 200;
const YEAR = 2026;
const CATEGORIES = [
  'food.snacks', 'food.dairy', 'food.tea', 'food.fresh', 'agri.fresh', 'agri.grain', 'agri.specialty',
  'cosmetics.skincare', 'cosmetics.makeup', 'apparel.women', 'apparel.men', 'apparel.shoes', 'apparel.bags',
  'electronics.phones', 'electronics.appliances', 'electronics.software', 'home.kitchen', 'home.textile',
  'home.cleaning', 'baby.toys', 'baby.formula', 'books', 'handicraft', 'health_food',
]; // biome-ignore format: a list
const DISTRICTS = [
  '嘉定区',
  '浦东新区',
  '静安区',
  '徐汇区',
  '长宁区',
  '普陀区',
  '虹口区',
  '杨浦区',
  '闵行区',
  '宝山区',
  '松江区',
  '金山区',
  '青浦区',
  '奉贤区',
  '崇明区',
  '黄浦区',
];

interface Options {
  orders: number;
  sessions: number;
  queries: number;
  events: number;
  /** events per detectors' pass (the outbox dispatcher's default pass: 200) */
  batch: number;
  /** the detectors' part alone (seconds, not minutes): its figures are printed, not a full result */
  detectorsOnly: boolean;
}

async function exec(t: TestDatabase, q: string): Promise<Array<Record<string, unknown>>> {
  return t.database.exec(q) as Promise<Array<Record<string, unknown>>>;
}

/** The source tables, bulk-filled with generate_series: organizations, a buyer and streamers, orders, lines, sessions. */
async function load(t: TestDatabase, o: Options): Promise<void> {
  const buyer = user();
  const streamer = user();
  await t.database.uow.transaction((tx) => tx.users.insertMany([buyer, streamer]));
  const cats = `array[${CATEGORIES.map((c) => `'${c}'`).join(',')}]`;
  const districts = `array[${DISTRICTS.map((d) => `'${d}'`).join(',')}]`;
  await exec(
    t,
    `insert into organizations (id, kind, name, district, parent_id, created_at)
     select ('00000000-0000-7000-a000-' || lpad(to_hex(b), 12, '0'))::uuid, 'live_base', '基地' || b, (${districts})[1 + b % 16], null, now()
     from generate_series(1, 20) b`,
  );
  await exec(
    t,
    `insert into organizations (id, kind, name, district, parent_id, created_at)
     select ('00000000-0000-7000-b000-' || lpad(to_hex(m), 12, '0'))::uuid, 'merchant', '商家' || m, (${districts})[1 + (m * 7) % 16],
       case when m % 4 = 0 then ('00000000-0000-7000-a000-' || lpad(to_hex(1 + m % 20), 12, '0'))::uuid end, now()
     from generate_series(1, 2000) m`,
  );
  const chunk = 100_000;
  for (let start = 1; start <= o.orders; start += chunk) {
    const end = Math.min(o.orders, start + chunk - 1);
    // price1 (1 line, qty 1) + price2 on 3 in 10; refunded: 1 in 10 in full, 1 in 20 in part (100 fen)
    await exec(
      t,
      `insert into orders (id, order_no, buyer_user_id, merchant_org_id, status, session_id, streamer_user_id, total_fen, refunded_fen,
         commission_fen, address_enc, region, pay_by, paid_at, retain_until, version, created_at, updated_at)
       select ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'B' || i, '${buyer.id}',
         ('00000000-0000-7000-b000-' || lpad(to_hex(1 + (i * 7919) % 2000), 12, '0'))::uuid,
         case when i % 10 = 0 then 'refunded' else 'completed' end, null, '${streamer.id}',
         t.total, case when i % 10 = 0 then t.total when i % 20 = 5 then 100 else 0 end, 0, 'x', '上海',
         t.paid, t.paid, t.paid + interval '3 years', 1, t.paid, t.paid
       from generate_series(${start}::bigint, ${end}::bigint) i,
         lateral (select (1000 + (i * 37) % 20000) + case when i % 10 < 3 then 500 + (i * 53) % 5000 else 0 end as total,
           timestamptz '${YEAR - 1}-01-01 00:00+08' + ((i * 104729) % (730 * 1440)) * interval '1 minute' as paid) t`,
    );
    await exec(
      t,
      `insert into order_lines (order_id, line_no, product_id, sku_id, title, sku_name, category_id, no_reason_return, unit_price_fen, qty,
         commission_bp, streamer_share_bp, commission_fen, returned_qty, reversed_commission_fen)
       select ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, n, gen_random_uuid(), gen_random_uuid(), '商品', '默认',
         (${cats})[1 + ((1 + (i * 7919) % 2000) * 3 + n * ((i * 7919) % 2)) % 24], true,
         case when n = 1 then 1000 + (i * 37) % 20000 else 500 + (i * 53) % 5000 end, 1, 0, 0, 0, 0, 0
       from generate_series(${start}::bigint, ${end}::bigint) i, generate_series(1, 2) n
       where n = 1 or i % 10 < 3`,
    );
  }
  await exec(
    t,
    `insert into live_sessions (id, streamer_user_id, mcn_org_id, title, scheduled_at, status, co_host_user_ids, stream_key_hash,
       stream_key_enc, started_at, ended_at, peak_viewers, avg_viewers, chat_messages, orders, gmv_fen, version, created_at, updated_at)
     select gen_random_uuid(), '${streamer.id}', ('00000000-0000-7000-b000-' || lpad(to_hex(1 + s % 2000), 12, '0'))::uuid, '直播',
       t.at, 'ended', '{}', md5(s::text), 'x', t.at, t.at + interval '2 hours', 0, 0, 0, 0, 0, 1, t.at, t.at
     from generate_series(1::bigint, ${o.sessions}::bigint) s,
       lateral (select timestamptz '${YEAR - 1}-01-01 00:00+08' + ((s * 7907) % (730 * 24)) * interval '1 hour' as at) t`,
  );
}

async function statistics(t: TestDatabase, o: Options, label: string) {
  const loadStart = performance.now();
  await load(t, o);
  const loadS = (performance.now() - loadStart) / 1000;
  const clock = { now: () => new Date(`${YEAR}-12-15T04:00:00Z`) };
  const audit = new AuditService({ clock, ids: { next: () => randomUUID() } });
  const stats = new StatisticsService({
    uow: t.database.uow,
    clock,
    ids: { next: () => randomUUID() },
    audit,
    xlsx: async () => new Uint8Array(),
    region: { code: '310114', name: '上海市嘉定区' },
  });
  const rebuildStart = performance.now();
  const { facts } = await stats.rebuild(SYSTEM_ACTOR);
  const rebuildS = (performance.now() - rebuildStart) / 1000;
  const [rows] = await exec(
    t,
    `select (select count(*) from stats_daily)::int as daily, (select count(*) from stats_monthly)::int as monthly`,
  );
  const filters = [{ year: YEAR }, { year: YEAR, district: '嘉定区' }, { year: YEAR, category: 'food' }];
  for (const f of filters) await stats.overview(SYSTEM_ACTOR, f); // warm
  const latencies: number[] = [];
  for (let i = 0; i < o.queries; i++) {
    const t0 = performance.now();
    const v = await stats.overview(SYSTEM_ACTOR, filters[i % filters.length] as { year: number });
    latencies.push(performance.now() - t0);
    if (i === 0 && v.total.orders === 0) throw new Error('no orders in the measured year');
  }
  latencies.sort((a, b) => a - b);
  const check = await stats.overview(SYSTEM_ACTOR, { year: YEAR });
  const out = {
    load_s: Math.round(loadS * 100) / 100,
    rebuild_s: Math.round(rebuildS * 100) / 100,
    facts,
    daily_rows: Number(rows?.daily),
    monthly_rows: Number(rows?.monthly),
    orders_in_year: check.total.orders,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
  };
  process.stderr.write(
    `  ${label}: loaded in ${out.load_s} s, rebuild ${out.rebuild_s} s (${facts} facts → ${out.daily_rows} daily, ${out.monthly_rows} monthly rows); ` +
      `overview p50 ${out.p50_ms} ms, p95 ${out.p95_ms} ms, p99 ${out.p99_ms} ms\n`,
  );
  return out;
}

function events(n: number) {
  const merchants = Array.from({ length: 300 }, () => randomUUID());
  const streamers = Array.from({ length: 200 }, () => randomUUID());
  const start = Date.UTC(YEAR, 10, 1);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(start + i * 60_000).toISOString();
    const merchantOrgId = merchants[(i * 7) % merchants.length] as string;
    const id = randomUUID();
    if (i % 20 === 0)
      return {
        id,
        at,
        topic: 'credit.clue_raised',
        payload: { partyId: merchantOrgId, partyKind: 'merchant', trigger: 'violations', detail: { count: 3 } },
      };
    if (i % 7 === 0)
      return {
        id,
        at,
        topic: 'compliance.violation_confirmed',
        payload: {
          violationId: randomUUID(),
          merchantOrgId,
          streamerUserId: streamers[i % streamers.length],
          categories: ['false_advertising'],
          severity: 3 + (i % 3),
        },
      };
    return { id, at, topic: 'disputes.complaint_filed', payload: { complaintId: randomUUID(), merchantOrgId, category: 'quality' } };
  });
}

/**
 * The unit of work with every repository call counted (each is one SQL statement; a transaction adds its BEGIN and
 * COMMIT), to say how many statements the detectors spend per event.
 */
function counting(inner: UnitOfWork): { uow: UnitOfWork; statements: () => number } {
  let n = 0;
  const wrap = (repos: Repositories): Repositories =>
    new Proxy(repos, {
      get(target, key) {
        const repo = Reflect.get(target, key) as unknown;
        if (!repo || typeof repo !== 'object') return repo;
        return new Proxy(repo, {
          get(r, m) {
            const f = Reflect.get(r, m) as unknown;
            if (typeof f !== 'function') return f;
            return (...args: unknown[]) => {
              n++;
              return (f as (...a: unknown[]) => unknown).apply(r, args);
            };
          },
        });
      },
    });
  const read = wrap(inner.read);
  const uow: UnitOfWork = {
    read,
    transaction: (work) => {
      n += 2;
      return inner.transaction((tx) => work(wrap(tx)));
    },
  };
  return { uow, statements: () => n };
}

async function detectors(t: TestDatabase, o: Options, label: string) {
  const counted = counting(t.database.uow);
  const uow = counted.uow;
  const clock = { now: () => new Date() };
  const ids = { next: () => randomUUID() };
  const audit = new AuditService({ clock, ids });
  const clues = new ClueService({
    uow,
    clock,
    ids,
    audit,
    names: new NameDirectory({ uow }),
    departments: { departmentOf: async () => null, departmentsOf: async () => new Map([['scjgj', '市场监管局']]) },
  });
  const list = events(o.events);
  let raised = 0;
  const t0 = performance.now();
  for (let i = 0; i < list.length; i += o.batch) raised += await clues.ingestBatch(list.slice(i, i + o.batch));
  const oursS = (performance.now() - t0) / 1000;
  const statements = counted.statements();
  await exec(t, `create table bench_events (id uuid primary key, topic text not null, payload jsonb not null, at timestamptz not null)`);
  const t1 = performance.now();
  // one statement per event, each its own transaction (autocommit), as the outbox would write them
  for (const e of list)
    await t.database.exec(
      `insert into bench_events values ('${e.id}', '${e.topic}', '${JSON.stringify(e.payload).replaceAll("'", "''")}', '${e.at}')`,
    );
  const ceilingS = (performance.now() - t1) / 1000;
  const out = {
    events_per_s: Math.round(o.events / oursS),
    ceiling_events_per_s: Math.round(o.events / ceilingS),
    clues_touched: raised,
    statements_per_event: Math.round((statements / o.events) * 100) / 100,
  };
  process.stderr.write(
    `  ${label}: detectors ${out.events_per_s} events/s (${raised} clues raised or reinforced, ${out.statements_per_event} statements per event), ` +
      `plain insert ${out.ceiling_events_per_s} events/s\n`,
  );
  return out;
}

async function runOn(driver: 'pglite' | 'postgres', o: Options, label: string) {
  const b = await openTestDatabase(driver);
  const det = await detectors(b, o, label).finally(() => b.drop());
  if (o.detectorsOnly) return { stats: null, det };
  const a = await openTestDatabase(driver);
  const stats = await statistics(a, o, label).finally(() => a.drop());
  return { stats, det };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const o: Options = {
    orders: numberArg(args, '--orders', 1_000_000),
    sessions: numberArg(args, '--sessions', 50_000),
    queries: numberArg(args, '--queries', 60),
    events: numberArg(args, '--events', 5_000),
    batch: numberArg(args, '--batch', 200),
    detectorsOnly: args.includes('--detectors-only'),
  };
  process.stderr.write(
    `supervision: ${o.orders} orders, ${o.sessions} sessions, ${o.queries} overview reads; ${o.events} detector events, ${o.batch} a pass\n`,
  );
  const lite = args.includes('--skip-pglite') ? null : await runOn('pglite', o, 'PGlite');
  let pg: Awaited<ReturnType<typeof runOn>> | null = null;
  if (!args.includes('--skip-postgres') && (process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL)) {
    process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    pg = await runOn('postgres', o, 'PostgreSQL');
  }
  const head = lite ?? pg;
  if (!head) throw new Error('nothing was run');
  if (o.detectorsOnly || !head.stats) {
    if (args.includes('--json')) throw new Error('--detectors-only is not a full run: leave out --json');
    return { detectors_pglite: lite?.det ?? null, detectors_postgres: pg?.det ?? null, events: o.events, batch: o.batch };
  }
  const headStats = head.stats;
  const ratio = Math.round((head.det.events_per_s / head.det.ceiling_events_per_s) * 1000) / 1000;
  return {
    ratio,
    ratio_basis: `clue detectors (ClueService.ingestBatch, ${o.batch} events a pass) ÷ the same events each inserted into a plain table, events/s`,
    goal_met: headStats.p95_ms <= GOAL_P95_MS && (pg === null || (pg.stats?.p95_ms ?? 0) <= GOAL_P95_MS),
    p50_ms: headStats.p50_ms,
    p95_ms: headStats.p95_ms,
    p99_ms: headStats.p99_ms,
    latency_basis:
      'ms per StatisticsService.overview (a year by month with YoY, by district, base and category, active parties, target progress) over 1M orders',
    rebuild_s: headStats.rebuild_s,
    load_s: headStats.load_s,
    facts: headStats.facts,
    daily_rows: headStats.daily_rows,
    monthly_rows: headStats.monthly_rows,
    orders_in_year: headStats.orders_in_year,
    events_per_s: head.det.events_per_s,
    ceiling_events_per_s: head.det.ceiling_events_per_s,
    clues_touched: head.det.clues_touched,
    statements_per_event: head.det.statements_per_event,
    statements_per_event_postgres: pg?.det.statements_per_event ?? null,
    p50_ms_postgres: pg?.stats?.p50_ms ?? null,
    p95_ms_postgres: pg?.stats?.p95_ms ?? null,
    p99_ms_postgres: pg?.stats?.p99_ms ?? null,
    rebuild_s_postgres: pg?.stats?.rebuild_s ?? null,
    events_per_s_postgres: pg?.det.events_per_s ?? null,
    ceiling_events_per_s_postgres: pg?.det.ceiling_events_per_s ?? null,
    goal_p95_ms: GOAL_P95_MS,
    orders: o.orders,
    sessions: o.sessions,
    queries: o.queries,
    events: o.events,
    batch: o.batch,
  };
}
