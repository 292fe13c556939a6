/**
 * Drizzle implementation of the statistics port (统计分析). The facts are a read-side projection: they are computed
 * here, in SQL, from the source tables (orders, order lines, organizations, live sessions, complaints, violations) and
 * written only to the statistics tables. One SQL text computes them for one source (`refresh`, on each outbox event)
 * and for all (`rebuild`), so the incremental path and the recomputation agree by construction.
 */
import {
  NON_PHYSICAL_CATEGORIES,
  type StatisticsRepository,
  type StatsActiveSetRow,
  type StatsFilter,
  type StatsGroupBy,
  type StatsReportRecord,
  type StatsRow,
  type StatsSetRow,
  type StatsSourceKind,
  type StatsTargetRecord,
} from '@livehub/core';
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { statsReports, statsTargets } from '../schema/statistics.ts';

type Rows = { rows: Array<Record<string, unknown>> };

const FACT_COLUMNS = sql.raw(
  'source, ref, day, district, base_id, category, gmv_fen, orders, refund_fen, physical_fen, sessions, complaints, violations, merchant_org_id, streamer_user_id',
);
const SUMS = sql.raw(
  'sum(gmv_fen)::bigint as gmv_fen, sum(orders)::bigint as orders, sum(refund_fen)::bigint as refund_fen, sum(physical_fen)::bigint as physical_fen, sum(sessions)::bigint as sessions, sum(complaints)::bigint as complaints, sum(violations)::bigint as violations',
);

/** the base of an organization: its parent when that parent is a live base ('' otherwise) */
const baseOf = (alias: string) =>
  sql.raw(`coalesce((select p.id::text from organizations p where p.id = ${alias}.parent_id and p.kind = 'live_base'), '')`);

function physicalSql(column: string): SQL {
  const parts = NON_PHYSICAL_CATEGORIES.map((c) => `${column} <> '${c}' and ${column} not like '${c}.%'`);
  return sql.raw(`(${parts.join(' and ')})`);
}

/**
 * The category a live session counts under: its lead product's (the first of its lineup), '' with no lineup. A
 * session counts once, like an order under its first line's category.
 */
const sessionCategory = (sessionId: string) =>
  sql.raw(
    `coalesce((select p.category_id from live_session_products lp join products p on p.id = lp.product_id where lp.session_id = ${sessionId} order by lp.sort, lp.product_id limit 1), '')`,
  );

/** The facts of one kind of source, for one source (`ref`) or all of them. */
function factsSql(kind: StatsSourceKind, ref: string | null): SQL {
  const only = (col: string) => (ref === null ? sql`true` : sql`${sql.raw(col)} = ${ref}::uuid`);
  switch (kind) {
    case 'order':
      return sql`
        with o as (
          select o.id, o.paid_at, o.merchant_org_id, o.streamer_user_id, o.refunded_fen
          from orders o where o.paid_at is not null and ${only('o.id')}
        ),
        l as (
          select l.order_id, l.line_no, l.category_id, (l.unit_price_fen * l.qty)::bigint as amount,
            sum(l.unit_price_fen * l.qty) over (partition by l.order_id) as order_amount,
            row_number() over (partition by l.order_id order by l.line_no) as rn
          from order_lines l join o on o.id = l.order_id
        ),
        s as (
          select l.*, o.paid_at, o.merchant_org_id, o.streamer_user_id, o.refunded_fen,
            case when l.order_amount > 0 then (o.refunded_fen * l.amount / l.order_amount)::bigint else 0 end as share
          from l join o on o.id = l.order_id
        ),
        r as (
          select s.*, s.share + case when s.rn = 1 then s.refunded_fen - sum(s.share) over (partition by s.order_id) else 0 end as refund
          from s
        )
        select 'order_line:' || r.order_id || ':' || r.line_no, r.order_id, (r.paid_at at time zone 'Asia/Shanghai')::date,
          coalesce(m.district, ''), ${baseOf('m')}, r.category_id, r.amount, case when r.rn = 1 then 1 else 0 end, r.refund,
          case when ${physicalSql('r.category_id')} then r.amount - r.refund else 0 end, 0, 0, 0, r.merchant_org_id, r.streamer_user_id
        from r left join organizations m on m.id = r.merchant_org_id`;
    case 'session':
      return sql`
        select 'session:' || s.id, s.id, (s.started_at at time zone 'Asia/Shanghai')::date, coalesce(m.district, ''), ${baseOf('m')},
          ${sessionCategory('s.id')},
          0, 0, 0, 0, 1, 0, 0, null::uuid, s.streamer_user_id
        from live_sessions s left join organizations m on m.id = s.mcn_org_id
        where s.started_at is not null and ${only('s.id')}`;
    case 'complaint':
      return sql`
        select 'complaint:' || c.id, c.id, (c.filed_at at time zone 'Asia/Shanghai')::date, coalesce(m.district, ''), ${baseOf('m')},
          coalesce((select l.category_id from order_lines l where l.order_id = c.order_id order by l.line_no limit 1), ''),
          0, 0, 0, 0, 0, 1, 0, c.merchant_org_id, c.streamer_user_id
        from complaints c left join organizations m on m.id = c.merchant_org_id
        where ${only('c.id')}`;
    case 'violation':
      return sql`
        select 'violation:' || v.id, v.id, (v.confirmed_at at time zone 'Asia/Shanghai')::date, coalesce(m.district, ''), ${baseOf('m')},
          coalesce(
            (select p.category_id from products p where p.id::text = v.product_ref),
            (select ${sessionCategory('ls.id')} from live_sessions ls where ls.id::text = v.session_ref),
            ''),
          0, 0, 0, 0, 0, 0, 1, v.merchant_org_id, v.streamer_user_id
        from violations v left join organizations m on m.id = v.merchant_org_id
        where ${only('v.id')}`;
  }
}

const KINDS: StatsSourceKind[] = ['order', 'session', 'complaint', 'violation'];
const PREFIX: Record<StatsSourceKind, string> = {
  order: 'order_line:%',
  session: 'session:%',
  complaint: 'complaint:%',
  violation: 'violation:%',
};

/** adds the rows to a rollup (`stats_daily` by day, `stats_monthly` by month) */
const addTo = (table: 'stats_daily' | 'stats_monthly') =>
  sql.raw(`on conflict (${table === 'stats_daily' ? 'day' : 'month'}, district, base_id, category) do update set
  gmv_fen = ${table}.gmv_fen + excluded.gmv_fen, orders = ${table}.orders + excluded.orders,
  refund_fen = ${table}.refund_fen + excluded.refund_fen, physical_fen = ${table}.physical_fen + excluded.physical_fen,
  sessions = ${table}.sessions + excluded.sessions, complaints = ${table}.complaints + excluded.complaints,
  violations = ${table}.violations + excluded.violations`);

/** the facts in `src` (signed: 1 entering, -1 leaving) added to both rollups */
function rollUp(sign: 1 | -1): SQL {
  const m = sign === 1 ? '' : '-';
  const sums = ['gmv_fen', 'orders', 'refund_fen', 'physical_fen', 'sessions', 'complaints', 'violations']
    .map((c) => `${m}sum(${c})`)
    .join(', ');
  return sql`
    daily as (insert into stats_daily select day, district, base_id, category, ${sql.raw(sums)}
      from src group by day, district, base_id, category ${addTo('stats_daily')})
    insert into stats_monthly select date_trunc('month', day)::date, district, base_id, category, ${sql.raw(sums)}
      from src group by 1, district, base_id, category ${addTo('stats_monthly')}`;
}

/** the active parties of some facts (a CTE or table named `src`) */
const ACTIVE_FROM = `
  select date_trunc('month', day)::date, district, base_id, category, 'merchant', merchant_org_id from src where merchant_org_id is not null and orders > 0
  union
  select date_trunc('month', day)::date, district, base_id, category, 'streamer', streamer_user_id from src where streamer_user_id is not null and (orders > 0 or sessions > 0)`;

const num = (v: unknown) => Number(v ?? 0);

/** the eight (period, district, category) an active row counts under: month or year × its district or all × its category or all */
const COMBOS = `(values
  (to_char(a.month, 'YYYY-MM'), a.district, split_part(a.category, '.', 1)), (to_char(a.month, 'YYYY-MM'), '*', split_part(a.category, '.', 1)),
  (to_char(a.month, 'YYYY-MM'), a.district, '*'), (to_char(a.month, 'YYYY-MM'), '*', '*'),
  (to_char(a.month, 'YYYY'), a.district, split_part(a.category, '.', 1)), (to_char(a.month, 'YYYY'), '*', split_part(a.category, '.', 1)),
  (to_char(a.month, 'YYYY'), a.district, '*'), (to_char(a.month, 'YYYY'), '*', '*')) p(period, district, category)`;

/** active rows just inserted (`act`) that are new to a period, district or category count one there */
const COUNT_NEW_ACTIVE = `
  fresh as (
    select distinct p.period, p.district, p.category, a.party_kind, a.party_id
    from act a cross join lateral ${COMBOS}
    where not exists (
      select 1 from stats_active s
      where s.party_id = a.party_id and s.party_kind = a.party_kind
        and (case when length(p.period) = 7 then s.month = a.month else date_trunc('year', s.month) = date_trunc('year', a.month) end)
        and (p.district = '*' or s.district = p.district)
        and (p.category = '*' or split_part(s.category, '.', 1) = p.category))
  ),
  counted as (
    insert into stats_active_counts select period, district, category, party_kind, count(*) from fresh group by 1, 2, 3, 4
    on conflict (period, district, category, party_kind) do update set n = stats_active_counts.n + excluded.n
  )`;

/** the column of each grouping in the grouped reads (`m` month, `c` top-level category) */
const GROUP_COLUMN: Record<StatsGroupBy, string> = { month: 'm', district: 'district', base: 'base_id', category: 'c' };

function groupingSets(sets: readonly StatsGroupBy[]): SQL {
  return sql.raw(['(y)', ...sets.map((g) => `(y, ${GROUP_COLUMN[g]})`)].join(', '));
}

/** which grouping a row belongs to, and its key */
function groupingKey(sets: readonly StatsGroupBy[]): SQL {
  const which = sets.map((g) => `when grouping(${GROUP_COLUMN[g]}) = 0 then '${g}'`).join(' ');
  const key = sets.map((g) => `when grouping(${GROUP_COLUMN[g]}) = 0 then ${GROUP_COLUMN[g]}`).join(' ');
  return sql.raw(`case ${which} else 'year' end as grouping, case ${key} else '' end as key`);
}
function figuresOf(r: Record<string, unknown>): StatsRow {
  return {
    key: String(r.key ?? ''),
    gmvFen: num(r.gmv_fen),
    orders: num(r.orders),
    refundFen: num(r.refund_fen),
    physicalFen: num(r.physical_fen),
    sessions: num(r.sessions),
    complaints: num(r.complaints),
    violations: num(r.violations),
  };
}

export class DrizzleStatisticsRepository implements StatisticsRepository {
  constructor(private readonly db: Db) {}

  private async rows(q: SQL): Promise<Array<Record<string, unknown>>> {
    return ((await this.db.execute(q)) as unknown as Rows).rows;
  }

  async refresh(kind: StatsSourceKind, ref: string): Promise<void> {
    // the old facts leave the rollup …
    await this.db.execute(sql`
      with src as (delete from stats_facts where ref = ${ref}::uuid and source like ${PREFIX[kind]} returning *),
      ${rollUp(-1)}`);
    // … and the new ones enter it, with their active parties
    await this.db.execute(sql`
      with src as (insert into stats_facts (${FACT_COLUMNS}) ${factsSql(kind, ref)} returning *),
      act as (insert into stats_active ${sql.raw(ACTIVE_FROM)} on conflict do nothing returning *),
      ${sql.raw(COUNT_NEW_ACTIVE)},
      ${rollUp(1)}`);
  }

  async rebuild(): Promise<number> {
    await this.db.execute(sql`delete from stats_active`);
    await this.db.execute(sql`delete from stats_active_counts`);
    await this.db.execute(sql`delete from stats_daily`);
    await this.db.execute(sql`delete from stats_monthly`);
    await this.db.execute(sql`delete from stats_facts`);
    for (const kind of KINDS) await this.db.execute(sql`insert into stats_facts (${FACT_COLUMNS}) ${factsSql(kind, null)}`);
    await this.db.execute(sql`
      insert into stats_daily
      select day, district, base_id, category, sum(gmv_fen), sum(orders), sum(refund_fen), sum(physical_fen),
        sum(sessions), sum(complaints), sum(violations)
      from stats_facts group by day, district, base_id, category`);
    await this.db.execute(sql`
      insert into stats_monthly
      select date_trunc('month', day)::date, district, base_id, category, sum(gmv_fen), sum(orders), sum(refund_fen),
        sum(physical_fen), sum(sessions), sum(complaints), sum(violations)
      from stats_daily group by 1, district, base_id, category`);
    await this.db.execute(sql`insert into stats_active with src as (select * from stats_facts) ${sql.raw(ACTIVE_FROM)}`);
    await this.db.execute(sql`
      insert into stats_active_counts
      select p.period, p.district, p.category, a.party_kind, count(distinct a.party_id)
      from stats_active a cross join lateral ${sql.raw(COMBOS)} group by 1, 2, 3, 4`);
    const [row] = await this.rows(sql`select count(*)::bigint as n from stats_facts`);
    return num(row?.n);
  }

  private where(f: StatsFilter, day = 'day'): SQL {
    const parts: SQL[] = [sql`${sql.raw(day)} >= ${f.from}::date`, sql`${sql.raw(day)} < ${f.until}::date`];
    if (f.district !== undefined) parts.push(sql`district = ${f.district}`);
    if (f.category !== undefined) parts.push(sql`(category = ${f.category} or category like ${`${f.category}.%`})`);
    return sql.join(parts, sql` and `);
  }

  async figures(sets: readonly StatsGroupBy[], f: StatsFilter): Promise<StatsSetRow[]> {
    const monthly = f.from.endsWith('-01') && f.until.endsWith('-01');
    const [table, day] = monthly ? ['stats_monthly', 'month'] : ['stats_daily', 'day'];
    const rows = await this.rows(sql`
      select y as year, ${groupingKey(sets)}, ${SUMS},
        count(distinct base_id) filter (where base_id <> '' and (orders > 0 or sessions > 0))::bigint as bases
      from (select *, ${sql.raw(`extract(year from ${day})::int`)} as y, ${sql.raw(`to_char(${day}, 'YYYY-MM')`)} as m,
        split_part(category, '.', 1) as c from ${sql.raw(table)} where ${this.where(f, day)}) x
      group by grouping sets (${groupingSets(sets)}) order by 1, 2, 3`);
    return rows.map((r) => ({ ...figuresOf(r), year: num(r.year), grouping: r.grouping as StatsSetRow['grouping'], bases: num(r.bases) }));
  }

  async active(sets: ReadonlyArray<Exclude<StatsGroupBy, 'base'>>, f: StatsFilter): Promise<StatsActiveSetRow[]> {
    const district = f.district ?? '*';
    const category = f.category ?? '*';
    const [fromMonth, untilMonth] = [f.from.slice(0, 7), f.until.slice(0, 7)];
    const [fromYear, untilYear] = [f.from.slice(0, 4), f.until.slice(0, 4)];
    const rows = await this.rows(sql`
      select period, district, category,
        coalesce(sum(n) filter (where party_kind = 'merchant'), 0)::bigint as merchants,
        coalesce(sum(n) filter (where party_kind = 'streamer'), 0)::bigint as streamers
      from stats_active_counts
      where ((length(period) = 7 and period >= ${fromMonth} and period < ${untilMonth})
          or (length(period) = 4 and period >= ${fromYear} and period < ${untilYear}))
        and (district = ${district} or (${district} = '*' and district <> '*'))
        and (category = ${category} or (${category} = '*' and category <> '*'))
        and not (district <> ${district} and category <> ${category})
      group by 1, 2, 3`);
    const out: StatsActiveSetRow[] = [];
    for (const r of rows) {
      const period = String(r.period);
      const d = String(r.district);
      const c = String(r.category);
      const figures = { merchants: num(r.merchants), streamers: num(r.streamers), year: Number(period.slice(0, 4)) };
      const isMonth = period.length === 7;
      // the caller's own district and category, or each one (when the caller did not filter on it)
      const dAll = d === district;
      const cAll = c === category;
      if (isMonth && dAll && cAll && sets.includes('month')) out.push({ ...figures, key: period, grouping: 'month' });
      if (!isMonth && dAll && cAll) out.push({ ...figures, key: '', grouping: 'year' });
      if (!isMonth && !dAll && cAll && sets.includes('district')) out.push({ ...figures, key: d, grouping: 'district' });
      if (!isMonth && dAll && !cAll && sets.includes('category')) out.push({ ...figures, key: c, grouping: 'category' });
    }
    return out;
  }

  async categoryNames(): Promise<Map<string, string>> {
    const rows = await this.rows(sql`select id, name_zh from categories where parent_id is null`);
    return new Map(rows.map((r) => [String(r.id), String(r.name_zh)]));
  }

  async baseNames(ids: readonly string[]): Promise<Map<string, string>> {
    const real = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    if (real.length === 0) return new Map();
    const rows = await this.rows(
      sql`select id::text as id, name from organizations where id in (${sql.join(
        real.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    return new Map(rows.map((r) => [String(r.id), String(r.name)]));
  }

  async targets(): Promise<StatsTargetRecord[]> {
    const rows = await this.db.select().from(statsTargets).orderBy(statsTargets.year, statsTargets.id);
    return rows as StatsTargetRecord[];
  }

  async findTarget(id: string): Promise<StatsTargetRecord | null> {
    const [row] = await this.db.select().from(statsTargets).where(eq(statsTargets.id, id)).limit(1);
    return (row as StatsTargetRecord | undefined) ?? null;
  }

  async insertTarget(t: StatsTargetRecord): Promise<boolean> {
    const rows = await this.db.insert(statsTargets).values(t).onConflictDoNothing().returning({ id: statsTargets.id });
    return rows.length > 0;
  }

  async updateTarget(id: string, patch: Pick<StatsTargetRecord, 'value' | 'title' | 'source'>): Promise<void> {
    await this.db.update(statsTargets).set(patch).where(eq(statsTargets.id, id));
  }

  async deleteTarget(id: string): Promise<void> {
    await this.db.delete(statsTargets).where(eq(statsTargets.id, id));
  }

  async saveReport(r: StatsReportRecord): Promise<void> {
    await this.db
      .insert(statsReports)
      .values(r)
      .onConflictDoUpdate({ target: statsReports.month, set: { generatedAt: r.generatedAt, summary: r.summary, xlsx: r.xlsx } });
  }

  async findReport(month: string): Promise<StatsReportRecord | null> {
    const [row] = await this.db.select().from(statsReports).where(eq(statsReports.month, month)).limit(1);
    if (!row) return null;
    return { ...row, xlsx: new Uint8Array(row.xlsx) };
  }

  async listReports(): Promise<Array<Omit<StatsReportRecord, 'xlsx'>>> {
    return this.db
      .select({ month: statsReports.month, generatedAt: statsReports.generatedAt, summary: statsReports.summary })
      .from(statsReports)
      .orderBy(desc(statsReports.month));
  }
}
