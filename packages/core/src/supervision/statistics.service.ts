/**
 * 统计分析 (docs/supervision.md, "Statistics against targets"): the market as a whole — GMV, orders, physical-goods
 * retail, refunds, live sessions, active streamers and merchants, complaint and violation rates — by month, district,
 * base and category with year-on-year growth, and progress against the targets the province, the city and the
 * district set. The rollups are fed by the outbox (`ingest`, idempotent per source) and can be recomputed from the
 * source tables (`rebuild`); a monthly report is generated on schedule (`monthlyReport`, from the tick).
 */
import type { StatsTargetCreate, StatsTargetUpdate } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import {
  chinaMonth,
  monthRange,
  monthsBetween,
  parseMonth,
  per10k,
  previousMonth,
  progress,
  type StatsFigures,
  sameMonthLastYear,
  targetActual,
  yoyGrowth,
  ZERO_FIGURES,
} from './statistics.rules.ts';
import type {
  StatsActiveRow,
  StatsActiveSetRow,
  StatsFilter,
  StatsRow,
  StatsSetRow,
  StatsSourceKind,
  StatsTargetRecord,
} from './statistics.types.ts';

/** One row of figures with what is derived from them. */
export interface StatsLine extends StatsFigures {
  key: string;
  name: string;
  merchants: number;
  streamers: number;
  /** year-on-year growth of GMV and orders (null without last year's figure) */
  gmvYoy: number | null;
  ordersYoy: number | null;
  lastYearGmvFen: number;
  /** per 10,000 orders */
  complaintRate: number | null;
  violationRate: number | null;
}

export interface StatsTargetLine {
  id: string;
  scope: 'province' | 'city' | 'district';
  region: string;
  year: number;
  metric: string;
  value: number | null;
  title: string;
  source: string;
  /** the year the actual is measured over (the current year for a later target) */
  measuredYear: number;
  actual: number;
  progress: number | null;
}

export interface StatsOverview {
  year: number;
  district: string | null;
  category: string | null;
  total: StatsLine;
  months: StatsLine[];
  byDistrict: StatsLine[];
  byCategory: StatsLine[];
  byBase: StatsLine[];
  targets: StatsTargetLine[];
}

export interface StatsQuery {
  year: number;
  district?: string | undefined;
  category?: string | undefined;
}

/** A sheet of an export: Chinese header, rows of plain values. */
export interface StatsSheet {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/** Writes sheets into an XLSX workbook (the server's exceljs), for the monthly report's stored file. */
export type SpreadsheetWriter = (sheets: StatsSheet[]) => Promise<Uint8Array>;

export interface StatisticsDeps {
  uow: ScopedUnitOfWork<'statistics' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  xlsx: SpreadsheetWriter;
  /** this installation's region: where the district's own targets apply */
  region: { code: string; name: string };
}

/** The outbox topics that move the rollups, and the source each names. */
const FEED: Record<string, { kind: StatsSourceKind; field: string }> = {
  'order.paid': { kind: 'order', field: 'orderId' },
  'order.refunded': { kind: 'order', field: 'orderId' },
  'order.refund_partial': { kind: 'order', field: 'orderId' },
  'return.refunded': { kind: 'order', field: 'orderId' },
  'live.started': { kind: 'session', field: 'sessionId' },
  'disputes.complaint_filed': { kind: 'complaint', field: 'complaintId' },
  'compliance.violation_confirmed': { kind: 'violation', field: 'violationId' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNREGISTERED = '未登记';

export class StatisticsService {
  constructor(private readonly d: StatisticsDeps) {}

  static topics(): string[] {
    return Object.keys(FEED);
  }

  /** One outbox event into the rollups: the source's facts are replaced, so a redelivered event counts once. */
  async ingest(e: { topic: string; payload: Record<string, unknown> }): Promise<boolean> {
    const feed = FEED[e.topic];
    const ref = feed ? e.payload[feed.field] : undefined;
    if (!feed || typeof ref !== 'string' || !UUID.test(ref)) return false;
    await this.d.uow.transaction((tx) => tx.statistics.refresh(feed.kind, ref));
    return true;
  }

  /** Every fact and rollup recomputed from the source tables (after a restore, or to check the rollups). */
  async rebuild(actor: Actor): Promise<{ facts: number }> {
    return this.d.uow.transaction(async (tx) => {
      const facts = await tx.statistics.rebuild();
      await this.d.audit.record(tx, actor, {
        action: 'statistics.rebuilt',
        targetType: 'statistics',
        targetId: 'rollups',
        detail: { facts },
      });
      return { facts };
    });
  }

  /** The year's figures by month (with last year's for YoY), by district, base and category, and the targets. */
  async overview(_actor: Actor, q: StatsQuery): Promise<StatsOverview> {
    const year = checkYear(q.year);
    const r = this.d.uow.read.statistics;
    // two reads: the figures of this year and last, every grouping at once; the active parties of this year
    const both: StatsFilter = { from: `${year - 1}-01-01`, until: `${year + 1}-01-01`, district: q.district, category: q.category };
    const [figures, active, names, targets] = await Promise.all([
      r.figures(['month', 'district', 'base', 'category'], both),
      r.active(['month', 'district', 'category'], { ...both, from: `${year}-01-01` }),
      r.categoryNames(),
      this.targets(),
    ]);
    const pick = (y: number, g: StatsSetRow['grouping']) => figures.filter((x) => x.year === y && x.grouping === g);
    const activeOf = (g: StatsActiveSetRow['grouping']) => active.filter((x) => x.grouping === g);
    const months = pick(year, 'month');
    const lastMonths = new Map<string, StatsFigures>(pick(year - 1, 'month').map((m) => [m.key, m]));
    const monthLines = monthsBetween(`${year}-01`, `${year}-12`).map((m) =>
      line(
        m,
        m,
        months.find((x) => x.key === m) ?? ZERO_FIGURES,
        lastMonths.get(sameMonthLastYear(m)),
        activeOf('month').find((a) => a.key === m),
      ),
    );
    const bases = pick(year, 'base');
    const baseNames = await r.baseNames(bases.map((b) => b.key));
    return {
      year,
      district: q.district ?? null,
      category: q.category ?? null,
      total: line('total', '合计', pick(year, 'year')[0] ?? ZERO_ROW, pick(year - 1, 'year')[0], activeOf('year')[0]),
      months: monthLines,
      byDistrict: joinLines(pick(year, 'district'), pick(year - 1, 'district'), activeOf('district'), (k) => k || UNREGISTERED),
      byCategory: joinLines(pick(year, 'category'), pick(year - 1, 'category'), activeOf('category'), (k) =>
        k ? (names.get(k) ?? k) : '未归类（无商品的场次、投诉、违规）',
      ),
      byBase: joinLines(bases, pick(year - 1, 'base'), [], (k) => (k ? (baseNames.get(k) ?? k) : '未入驻基地')),
      targets,
    };
  }

  /**
   * 本区目标: the district's own target (scope `district`, this installation's region). One per year and metric: a
   * second is 409 `supervision.target_exists`.
   */
  async createTarget(actor: Actor, input: StatsTargetCreate): Promise<StatsTargetLine> {
    const t: StatsTargetRecord = {
      id: this.d.ids.next(),
      scope: 'district',
      region: this.d.region.name,
      year: input.year,
      metric: input.metric,
      value: input.value,
      title: input.title,
      source: `${this.d.region.name}自定年度目标（监管部门录入）`,
    };
    await this.d.uow.transaction(async (tx) => {
      if (!(await tx.statistics.insertTarget(t))) throw new AppError('supervision.target_exists', { field: 'metric' });
      await this.d.audit.record(tx, actor, {
        action: 'statistics.target_created',
        targetType: 'stats_target',
        targetId: t.id,
        detail: { ...input },
      });
    });
    return this.targetLine(t.id);
  }

  /**
   * A district target's figure and title; a province's or city's target keeps its title and source (they quote the
   * document) and takes a figure only when the document gave none (待下达后录入): 403 `supervision.target_fixed`.
   */
  async updateTarget(actor: Actor, id: string, input: StatsTargetUpdate): Promise<StatsTargetLine> {
    await this.d.uow.transaction(async (tx) => {
      const t = await tx.statistics.findTarget(id);
      if (!t) throw new AppError('supervision.target_not_found');
      if (t.scope !== 'district' && (t.value !== null || input.title !== undefined))
        throw new AppError('supervision.target_fixed', { field: input.title !== undefined ? 'title' : 'value' });
      const source = t.scope === 'district' ? t.source : `${t.source}；数值由监管部门按下达文件录入`;
      await tx.statistics.updateTarget(id, { value: input.value, title: input.title ?? t.title, source });
      await this.d.audit.record(tx, actor, {
        action: 'statistics.target_updated',
        targetType: 'stats_target',
        targetId: id,
        detail: { from: { value: t.value, title: t.title }, to: { value: input.value, title: input.title ?? t.title } },
      });
    });
    return this.targetLine(id);
  }

  /** Removes a district target (the province's and city's stay). */
  async deleteTarget(actor: Actor, id: string): Promise<void> {
    await this.d.uow.transaction(async (tx) => {
      const t = await tx.statistics.findTarget(id);
      if (!t) throw new AppError('supervision.target_not_found');
      if (t.scope !== 'district') throw new AppError('supervision.target_fixed');
      await tx.statistics.deleteTarget(id);
      await this.d.audit.record(tx, actor, {
        action: 'statistics.target_deleted',
        targetType: 'stats_target',
        targetId: id,
        detail: { year: t.year, metric: t.metric, value: t.value, title: t.title },
      });
    });
  }

  private async targetLine(id: string): Promise<StatsTargetLine> {
    const line = (await this.targets()).find((t) => t.id === id);
    if (!line) throw new AppError('supervision.target_not_found');
    return line;
  }

  /** The targets with progress: actual over the target's year (the current year when the target's is later). */
  async targets(): Promise<StatsTargetLine[]> {
    const r = this.d.uow.read.statistics;
    const current = Number(chinaMonth(this.d.clock.now()).slice(0, 4));
    const targets = await r.targets();
    if (targets.length === 0) return [];
    const years = targets.map((t) => Math.min(t.year, current));
    const from = Math.min(...years);
    const until = Math.max(...years) + 1;
    const figures = await r.figures(['district'], { from: `${from}-01-01`, until: `${until}-01-01` });
    return targets.map((t) => {
      const measuredYear = Math.min(t.year, current);
      const row =
        figures.find(
          (x) =>
            x.year === measuredYear && (t.scope === 'district' ? x.grouping === 'district' && x.key === t.region : x.grouping === 'year'),
        ) ?? ZERO_ROW;
      const actual = targetActual(t.metric, row, (row as Partial<StatsSetRow>).bases ?? 0) ?? 0;
      return { ...t, measuredYear, actual, progress: progress(actual, t.value) };
    });
  }

  /** The overview as sheets for CSV (the first) and XLSX (all): 月度, 区域, 品类, 基地, 目标. */
  async exportSheets(actor: Actor, q: StatsQuery): Promise<StatsSheet[]> {
    return overviewSheets(await this.overview(actor, q));
  }

  /**
   * 月度报告, on schedule (the tick): the last full month's figures and the year so far, stored with its XLSX once per
   * month — a later tick in the same month finds it and does nothing.
   */
  async monthlyReport(now?: Date): Promise<{ monthlyReports: number }> {
    const month = previousMonth(chinaMonth(now ?? this.d.clock.now()));
    if (await this.d.uow.read.statistics.findReport(`${month}-01`)) return { monthlyReports: 0 };
    const year = Number(month.slice(0, 4));
    const o = await this.overview(SYSTEM_ACTOR, { year });
    const m = o.months.find((x) => x.key === month) as StatsLine;
    const sheets = [
      {
        name: '本月',
        header: LINE_HEADER,
        rows: [lineRow({ ...m, name: `${month} 月度` }), lineRow({ ...o.total, name: `${year}年累计` })],
      },
      ...overviewSheets(o),
    ];
    const xlsx = await this.d.xlsx(sheets);
    const summary = {
      month,
      gmvFen: m.gmvFen,
      orders: m.orders,
      physicalFen: m.physicalFen,
      gmvYoy: m.gmvYoy,
      complaintRate: m.complaintRate,
      violationRate: m.violationRate,
      range: monthRange(month),
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.statistics.saveReport({ month: `${month}-01`, generatedAt: this.d.clock.now(), summary, xlsx });
      await this.d.audit.record(tx, SYSTEM_ACTOR, {
        action: 'statistics.monthly_report',
        targetType: 'statistics_report',
        targetId: month,
        detail: summary,
      });
    });
    return { monthlyReports: 1 };
  }

  async reports(_actor: Actor): Promise<Array<{ month: string; generatedAt: string; summary: Record<string, unknown> }>> {
    const rows = await this.d.uow.read.statistics.listReports();
    return rows.map((r) => ({ month: r.month.slice(0, 7), generatedAt: r.generatedAt.toISOString(), summary: r.summary }));
  }

  /** A stored monthly report's workbook; an unknown month: 404. */
  async reportFile(_actor: Actor, month: string): Promise<Uint8Array> {
    if (!parseMonth(month)) throw new AppError('statistics.bad_month', { field: 'month' });
    const r = await this.d.uow.read.statistics.findReport(`${month}-01`);
    if (!r) throw new AppError('statistics.report_not_found');
    return r.xlsx;
  }
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new AppError('statistics.bad_year', { field: 'year' });
  return year;
}

const ZERO_ROW: StatsRow = { key: 'total', ...ZERO_FIGURES };

function line(key: string, name: string, f: StatsFigures, last: StatsFigures | undefined, active: StatsActiveRow | undefined): StatsLine {
  return {
    key,
    name,
    gmvFen: f.gmvFen,
    orders: f.orders,
    refundFen: f.refundFen,
    physicalFen: f.physicalFen,
    sessions: f.sessions,
    complaints: f.complaints,
    violations: f.violations,
    merchants: active?.merchants ?? 0,
    streamers: active?.streamers ?? 0,
    gmvYoy: yoyGrowth(f.gmvFen, last?.gmvFen ?? 0),
    ordersYoy: yoyGrowth(f.orders, last?.orders ?? 0),
    lastYearGmvFen: last?.gmvFen ?? 0,
    complaintRate: per10k(f.complaints, f.orders),
    violationRate: per10k(f.violations, f.orders),
  };
}

function joinLines(rows: StatsRow[], last: StatsRow[], active: StatsActiveRow[], name: (key: string) => string): StatsLine[] {
  const lastBy = new Map(last.map((r) => [r.key, r]));
  const activeBy = new Map(active.map((r) => [r.key, r]));
  return rows
    .map((r) => line(r.key, name(r.key), r, lastBy.get(r.key), activeBy.get(r.key)))
    .sort((a, b) => b.gmvFen - a.gmvFen || b.complaints - a.complaints);
}

const yuan = (fen: number) => Math.round(fen) / 100;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);
const rate = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export const LINE_HEADER = [
  '项目',
  '交易额（元）',
  '同比（%）',
  '订单数',
  '订单同比（%）',
  '实物商品网上零售额（元）',
  '退款（元）',
  '直播场次',
  '活跃主播',
  '活跃商家',
  '投诉',
  '投诉率（每万单）',
  '确认违规',
  '违规率（每万单）',
];

function lineRow(l: StatsLine): Array<string | number | null> {
  return [
    l.name,
    yuan(l.gmvFen),
    pct(l.gmvYoy),
    l.orders,
    pct(l.ordersYoy),
    yuan(l.physicalFen),
    yuan(l.refundFen),
    l.sessions,
    l.streamers,
    l.merchants,
    l.complaints,
    rate(l.complaintRate),
    l.violations,
    rate(l.violationRate),
  ];
}

const METRIC_UNIT: Record<string, { name: string; money: boolean }> = {
  gmv: { name: '直播电商交易额', money: true },
  physical_retail: { name: '实物商品网上零售额', money: true },
  orders: { name: '订单数', money: false },
  bases: { name: '电商新业态基地', money: false },
};

function overviewSheets(o: StatsOverview): StatsSheet[] {
  const scope = { province: '省', city: '市', district: '区' };
  return [
    { name: '月度', header: LINE_HEADER, rows: [...o.months.map(lineRow), lineRow(o.total)] },
    { name: '区域', header: LINE_HEADER, rows: o.byDistrict.map(lineRow) },
    { name: '品类', header: LINE_HEADER, rows: o.byCategory.map(lineRow) },
    { name: '基地', header: LINE_HEADER, rows: o.byBase.map(lineRow) },
    {
      name: '目标',
      header: ['层级', '地区', '目标年份', '指标', '目标值', '实际值', '完成进度（%）', '统计年份', '目标', '来源'],
      rows: o.targets.map((t) => {
        const m = METRIC_UNIT[t.metric] ?? { name: t.metric, money: false };
        return [
          scope[t.scope],
          t.region,
          t.year,
          m.name + (m.money ? '（元）' : ''),
          t.value === null ? null : m.money ? yuan(t.value) : t.value,
          m.money ? yuan(t.actual) : t.actual,
          pct(t.progress),
          t.measuredYear,
          t.title,
          t.source,
        ];
      }),
    },
  ];
}
