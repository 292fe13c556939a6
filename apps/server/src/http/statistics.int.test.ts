/**
 * 统计分析 through the outbox and the API, on PGlite and PostgreSQL: the seed's orders, sessions, complaints and
 * violations reach the rollups through the outbox and equal a recomputation straight from the source tables; a
 * redelivered event counts once; a partial refund moves refunds and physical-goods retail; the rebuild gives the same
 * figures; the exports parse back with exceljs; the monthly report is generated once per month; bad input is refused.
 */
import ExcelJS from 'exceljs';
import { createTestPlatform, drainOutbox, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let regulator: TestSession;
let admin: TestSession;
let merchant: TestSession;
let year: number;

const drain = () => drainOutbox(p.c);

type Line = Record<string, number | string | null> & { gmvFen: number; orders: number; refundFen: number; physicalFen: number };
type Overview = {
  total: Line;
  months: Line[];
  byDistrict: Line[];
  byCategory: Line[];
  byBase: Line[];
  targets: Array<Record<string, unknown>>;
};

const overview = async (query = `?year=${year}`): Promise<Overview> => {
  const r = await p.call(regulator, 'GET', `/api/supervision/statistics${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Overview;
};

/** The year's figures straight from the source tables: independent of the facts and rollups. */
async function fromSource(y: number) {
  const range = `>= '${y}-01-01'::date and (%s at time zone 'Asia/Shanghai')::date < '${y + 1}-01-01'::date`;
  const inYear = (col: string) => `(${col} at time zone 'Asia/Shanghai')::date ${range.replace('%s', col)}`;
  const [o] = await p.c.database.exec(
    `select coalesce(sum(l.unit_price_fen * l.qty), 0)::bigint as gmv, count(distinct o.id)::bigint as orders
     from orders o join order_lines l on l.order_id = o.id where o.paid_at is not null and ${inYear('o.paid_at')}`,
  );
  const [r] = await p.c.database.exec(
    `select coalesce(sum(o.refunded_fen), 0)::bigint as refunds from orders o
     where o.paid_at is not null and ${inYear('o.paid_at')} and exists (select 1 from order_lines l where l.order_id = o.id)`,
  );
  const [s] = await p.c.database.exec(
    `select count(*)::bigint as n from live_sessions where started_at is not null and ${inYear('started_at')}`,
  );
  const [c] = await p.c.database.exec(`select count(*)::bigint as n from complaints where ${inYear('filed_at')}`);
  const [v] = await p.c.database.exec(`select count(*)::bigint as n from violations where ${inYear('confirmed_at')}`);
  // active parties: merchants with a paid order; streamers with a started session or an attributed paid order
  const [a] = await p.c.database.exec(
    `select (select count(distinct o.merchant_org_id) from orders o where o.paid_at is not null and ${inYear('o.paid_at')}
       and exists (select 1 from order_lines l where l.order_id = o.id))::bigint as merchants,
     (select count(distinct s) from (
       select o.streamer_user_id as s from orders o where o.paid_at is not null and o.streamer_user_id is not null and ${inYear('o.paid_at')}
         and exists (select 1 from order_lines l where l.order_id = o.id)
       union select streamer_user_id from live_sessions where started_at is not null and ${inYear('started_at')}) x)::bigint as streamers`,
  );
  return {
    gmvFen: Number(o?.gmv),
    orders: Number(o?.orders),
    refundFen: Number(r?.refunds),
    sessions: Number(s?.n),
    complaints: Number(c?.n),
    violations: Number(v?.n),
    merchants: Number(a?.merchants),
    streamers: Number(a?.streamers),
  };
}

const get = (url: string) => p.app.inject({ method: 'GET', url, headers: regulator.headers(false) });

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [regulator, admin, merchant] = await Promise.all([p.login('regulator'), p.login('admin'), p.login('merchant')]);
  year = Number(new Date(p.c.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('statistics against targets', () => {
  it('the events through the outbox give the figures the source tables give', async () => {
    const o = await overview();
    const source = await fromSource(year);
    expect(source.orders).toBeGreaterThan(0);
    expect(source.sessions + source.complaints).toBeGreaterThan(0);
    expect(o.total).toMatchObject(source);
    // the months, districts and categories add up to the total
    const sum = (rows: Line[], k: keyof Line) => rows.reduce((a, r) => a + Number(r[k]), 0);
    for (const k of ['gmvFen', 'orders', 'refundFen', 'physicalFen', 'sessions', 'complaints', 'violations'] as const) {
      expect(sum(o.months, k)).toBe(o.total[k]);
      expect(sum(o.byDistrict, k)).toBe(o.total[k]);
      expect(sum(o.byCategory, k)).toBe(o.total[k]);
    }
    expect(o.months).toHaveLength(12);
    // sessions, complaints and violations by category: under the lead product's, the order's, the product's or the
    // session's category — the demo's live rooms and complaints all have one
    const uncategorised = o.byCategory.find((c) => c.key === '');
    expect(
      sum(
        o.byCategory.filter((c) => c.key !== ''),
        'sessions',
      ),
    ).toBeGreaterThan(0);
    expect(
      sum(
        o.byCategory.filter((c) => c.key !== ''),
        'complaints',
      ),
    ).toBe(o.total.complaints);
    expect(uncategorised?.complaints ?? 0).toBe(0);
    const byCat = await p.c.database.exec(
      `select split_part(coalesce((select p.category_id from live_session_products lp join products p on p.id = lp.product_id
         where lp.session_id = s.id order by lp.sort, lp.product_id limit 1), ''), '.', 1) as c, count(*)::bigint as n
       from live_sessions s where s.started_at is not null
         and extract(year from (s.started_at at time zone 'Asia/Shanghai')) = ${year} group by 1`,
    );
    for (const r of byCat) expect(o.byCategory.find((c) => c.key === r.c)?.sessions ?? 0).toBe(Number(r.n));
    // names, never keys: a category shows its Chinese name
    expect(o.byCategory.filter((c) => c.gmvFen > 0).every((c) => /[\u4e00-\u9fa5]/.test(String(c.name)))).toBe(true);
    expect(o.total.merchants).toBeGreaterThan(0);
    expect(o.total.complaintRate).toBeCloseTo(((o.total.complaints as number) * 10_000) / o.total.orders);
  });

  it('a redelivered event counts once; a partial refund moves refunds and physical-goods retail', async () => {
    const before = await overview();
    const [paid] = await p.c.database.exec(
      `select o.id, o.total_fen, o.refunded_fen from orders o where o.status = 'paid' and o.refunded_fen = 0
       and exists (select 1 from order_lines l where l.order_id = o.id and l.category_id <> 'electronics.software') order by o.paid_at desc limit 1`,
    );
    const orderId = String(paid?.id);
    const event = { topic: 'order.paid', payload: { orderId } };
    expect(await p.c.statistics.ingest(event)).toBe(true);
    expect(await p.c.statistics.ingest(event)).toBe(true);
    expect((await overview()).total).toEqual(before.total);
    // the payments context records a partial refund on the order and says so on the outbox
    await p.c.database.exec(`update orders set refunded_fen = 100 where id = '${orderId}'`);
    await p.c.statistics.ingest({ topic: 'order.refund_partial', payload: { orderId } });
    await p.c.statistics.ingest({ topic: 'order.refund_partial', payload: { orderId } });
    const after = (await overview()).total;
    expect(after.refundFen).toBe(before.total.refundFen + 100);
    expect(after.physicalFen).toBe(before.total.physicalFen - 100);
    expect(after.gmvFen).toBe(before.total.gmvFen);
    expect(after).toMatchObject(await fromSource(year));
    // not a source: nothing
    expect(await p.c.statistics.ingest({ topic: 'order.paid', payload: { orderId: 'nope' } })).toBe(false);
  });

  it('the rebuild from the source tables gives the same figures, and is audited', async () => {
    const before = await overview();
    const r = await p.call(admin, 'POST', '/api/supervision/statistics/rebuild');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.facts).toBeGreaterThan(0);
    expect(await overview()).toEqual(before);
    // the monthly rollup the year pages read holds what the daily one holds
    const [d] = await p.c.database.exec(
      `select sum(gmv_fen)::bigint as g, sum(orders)::bigint as o, sum(refund_fen)::bigint as r from stats_daily`,
    );
    const [m] = await p.c.database.exec(
      `select sum(gmv_fen)::bigint as g, sum(orders)::bigint as o, sum(refund_fen)::bigint as r from stats_monthly`,
    );
    expect(m).toEqual(d);
    const [audit] = await p.c.database.exec(`select count(*)::int as n from audit_log where action = 'statistics.rebuilt'`);
    expect(Number(audit?.n)).toBe(1);
    expect((await p.call(regulator, 'POST', '/api/supervision/statistics/rebuild')).status).toBe(403);
  });

  it('targets carry their sources and progress = actual ÷ target', async () => {
    const o = await overview();
    const sc = o.targets.find((t) => t.id === 'sc-2025-gmv') as Record<string, number | null>;
    expect(sc).toMatchObject({ value: 15_000_000_000_000, measuredYear: Math.min(2025, year) });
    expect(sc.progress).toBeCloseTo((sc.actual as number) / 15_000_000_000_000);
    const sh = o.targets.find((t) => t.id === 'sh-2026-gmv');
    expect(sh).toMatchObject({ value: null, progress: null });
    const jd = o.targets.find((t) => t.id === 'jd-2026-gmv') as Record<string, unknown>;
    expect(String(jd.source)).toContain('嘉商〔2020〕15号');
  });

  it('filters by district and category; YoY against last year', async () => {
    const o = await overview();
    const top = o.byDistrict[0] as Line;
    const d = await overview(`?year=${year}&district=${encodeURIComponent(String(top.key))}`);
    expect(d.total.gmvFen).toBe(top.gmvFen);
    const cat = o.byCategory.find((c) => c.key !== '' && c.gmvFen > 0) as Line;
    const c = await overview(`?year=${year}&category=${cat.key}`);
    expect(c.total.gmvFen).toBe(cat.gmvFen);
    const last = await overview(`?year=${year - 1}`);
    const next = await overview(`?year=${year + 1}`);
    expect(next.total.lastYearGmvFen).toBe(o.total.gmvFen);
    expect(next.total.gmvYoy).toBe(o.total.gmvFen > 0 ? -1 : null);
    expect(o.total.lastYearGmvFen).toBe(last.total.gmvFen);
  });

  it('exports: CSV with a BOM and Chinese headers; XLSX that parses back with the same figures', async () => {
    const o = await overview();
    const csv = await get(`/api/supervision/statistics.csv?year=${year}`);
    expect(csv.statusCode).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain('"交易额（元）"');
    const x = await get(`/api/supervision/statistics.xlsx?year=${year}`);
    expect(x.statusCode).toBe(200);
    expect(String(x.headers['content-type'])).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月度', '区域', '品类', '基地', '目标']);
    const months = wb.getWorksheet('月度') as ExcelJS.Worksheet;
    expect(months.getRow(1).getCell(2).value).toBe('交易额（元）');
    expect(months.getRow(14).getCell(1).value).toBe('合计');
    expect(months.getRow(14).getCell(2).value).toBe(o.total.gmvFen / 100);
    expect(months.getRow(14).getCell(4).value).toBe(o.total.orders);
    const targets = wb.getWorksheet('目标') as ExcelJS.Worksheet;
    expect(targets.rowCount).toBe(1 + o.targets.length);
  });

  it('the monthly report is generated once a month on the tick, and downloads', async () => {
    const first = await p.c.tick();
    expect(first.monthlyReports).toBe(1);
    expect((await p.c.tick()).monthlyReports).toBe(0);
    const list = await p.call(regulator, 'GET', '/api/supervision/statistics/reports');
    expect(list.status).toBe(200);
    const [report] = list.body.items as Array<{ month: string }>;
    const file = await get(`/api/supervision/statistics/reports/${report?.month}/xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('本月');
    expect((await p.call(regulator, 'GET', '/api/supervision/statistics/reports/2001-01/xlsx')).status).toBe(404);
  });

  it('the district sets its own targets; a province or city target only takes a missing figure; all audited', async () => {
    const body = { year: 2027, metric: 'orders', value: 1200, title: '本区直播订单量达到1200单' };
    const made = await p.call(regulator, 'POST', '/api/supervision/statistics/targets', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ scope: 'district', region: '上海市嘉定区', year: 2027, metric: 'orders', value: 1200 });
    expect(made.body.progress).toBeCloseTo(made.body.actual / 1200);
    const again = await p.call(regulator, 'POST', '/api/supervision/statistics/targets', body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'supervision.target_exists', field: 'metric' });
    for (const bad of [
      { ...body, metric: 'happiness' },
      { ...body, value: -5 },
      { ...body, year: 1999 },
      { ...body, title: '' },
    ]) {
      const r = await p.call(regulator, 'POST', '/api/supervision/statistics/targets', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.field).toBeTruthy();
    }
    expect((await p.call(merchant, 'POST', '/api/supervision/statistics/targets', body)).status).toBe(403);

    const edited = await p.call(regulator, 'PUT', `/api/supervision/statistics/targets/${made.body.id}`, {
      value: 1500,
      title: '本区直播订单量1500单',
    });
    expect(edited.body).toMatchObject({ value: 1500, title: '本区直播订单量1500单' });
    // the city's target quotes its document: the title stays; its missing figure may be entered once
    const cityTitle = await p.call(regulator, 'PUT', '/api/supervision/statistics/targets/sh-2026-gmv', { value: 1, title: '改名' });
    expect(cityTitle.status).toBe(403);
    expect(cityTitle.body.error).toMatchObject({ code: 'supervision.target_fixed', field: 'title' });
    const city = await p.call(regulator, 'PUT', '/api/supervision/statistics/targets/sh-2026-gmv', { value: 80_000_000_000_000 });
    expect(city.body).toMatchObject({ value: 80_000_000_000_000, title: expect.stringContaining('直播电商高地') });
    expect(String(city.body.source)).toContain('按下达文件录入');
    expect((await p.call(regulator, 'PUT', '/api/supervision/statistics/targets/sh-2026-gmv', { value: 2 })).status).toBe(403);
    expect((await p.call(regulator, 'DELETE', '/api/supervision/statistics/targets/sc-2025-gmv')).status).toBe(403);
    expect((await p.call(regulator, 'PUT', '/api/supervision/statistics/targets/nope', { value: 2 })).status).toBe(404);

    expect((await p.call(regulator, 'DELETE', `/api/supervision/statistics/targets/${made.body.id}`)).status).toBe(204);
    expect((await overview()).targets.some((t) => t.id === made.body.id)).toBe(false);
    for (const action of ['statistics.target_created', 'statistics.target_updated', 'statistics.target_deleted'])
      expect((await p.c.uow.read.audit.list({ action, limit: 20 })).length, action).toBeGreaterThan(0);
  });

  it('bad input: 400 with the field; others: 403', async () => {
    for (const q of ['?year=1999', '?year=abc', '', `?year=${year}&category=食品`, `?year=${year}&extra=1`]) {
      const r = await p.call(regulator, 'GET', `/api/supervision/statistics${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBeTruthy();
    }
    expect((await p.call(regulator, 'GET', '/api/supervision/statistics/reports/2026-13/xlsx')).status).toBe(400);
    expect((await p.call(merchant, 'GET', `/api/supervision/statistics?year=${year}`)).status).toBe(403);
  });
});
