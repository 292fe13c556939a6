/**
 * The port of 统计分析. The facts are a projection of the source tables (orders and their lines, live sessions,
 * complaints, confirmed violations): `refresh` replaces one source's facts and moves the rollups by the difference,
 * so a redelivered event changes nothing; `rebuild` recomputes every fact and rollup from the source tables.
 */
import type {
  StatsActiveSetRow,
  StatsFilter,
  StatsGroupBy,
  StatsReportRecord,
  StatsSetRow,
  StatsSourceKind,
  StatsTargetRecord,
} from './statistics.types.ts';

export interface StatisticsRepository {
  /** recomputes the facts of one source from the source tables and applies the difference to the rollups */
  refresh(kind: StatsSourceKind, ref: string): Promise<void>;
  /** every fact and rollup recomputed from the source tables; returns the facts written */
  rebuild(): Promise<number>;
  /**
   * The rollup's figures over the filter in one read, per year and per grouping asked for (each row says which),
   * with each year's total ('year'); whole months read the monthly rollup, other periods the daily one.
   */
  figures(sets: readonly StatsGroupBy[], f: StatsFilter): Promise<StatsSetRow[]>;
  /** distinct active merchants and streamers per year and grouping (a party active in two months counts in each) */
  active(sets: ReadonlyArray<Exclude<StatsGroupBy, 'base'>>, f: StatsFilter): Promise<StatsActiveSetRow[]>;
  /** the display names of the keys a grouping returns: top-level categories (id → 中文名), bases (org id → name) */
  categoryNames(): Promise<Map<string, string>>;
  baseNames(ids: readonly string[]): Promise<Map<string, string>>;
  targets(): Promise<StatsTargetRecord[]>;
  findTarget(id: string): Promise<StatsTargetRecord | null>;
  /** false when a target of that scope, year and metric exists already */
  insertTarget(t: StatsTargetRecord): Promise<boolean>;
  updateTarget(id: string, patch: Pick<StatsTargetRecord, 'value' | 'title' | 'source'>): Promise<void>;
  deleteTarget(id: string): Promise<void>;
  saveReport(r: StatsReportRecord): Promise<void>;
  findReport(month: string): Promise<StatsReportRecord | null>;
  /** newest first, without the file */
  listReports(): Promise<Array<Omit<StatsReportRecord, 'xlsx'>>>;
}
