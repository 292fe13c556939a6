/**
 * The port of 统计分析. The facts are a projection of the source tables (orders and their lines, live sessions,
 * complaints, confirmed violations): `refresh` replaces one source's facts and moves the rollups by the difference,
 * so a redelivered event changes nothing; `rebuild` recomputes every fact and rollup from the source tables.
 */
import type {
  StatsActiveRow,
  StatsFilter,
  StatsGroupBy,
  StatsReportRecord,
  StatsRow,
  StatsSourceKind,
  StatsTargetRecord,
} from './statistics.types.ts';

export interface StatisticsRepository {
  /** recomputes the facts of one source from the source tables and applies the difference to the rollups */
  refresh(kind: StatsSourceKind, ref: string): Promise<void>;
  /** every fact and rollup recomputed from the source tables; returns the facts written */
  rebuild(): Promise<number>;
  /** the rollup's figures over the filter, grouped */
  figures(groupBy: StatsGroupBy, f: StatsFilter): Promise<StatsRow[]>;
  /** distinct active merchants and streamers, grouped (a party active in two months counts in each) */
  active(groupBy: Exclude<StatsGroupBy, 'base'> | 'total', f: StatsFilter): Promise<StatsActiveRow[]>;
  /** the number of live bases with any activity in the period */
  activeBases(f: StatsFilter): Promise<number>;
  /** the display names of the keys a grouping returns: top-level categories (id → 中文名), bases (org id → name) */
  categoryNames(): Promise<Map<string, string>>;
  baseNames(ids: readonly string[]): Promise<Map<string, string>>;
  targets(): Promise<StatsTargetRecord[]>;
  saveReport(r: StatsReportRecord): Promise<void>;
  findReport(month: string): Promise<StatsReportRecord | null>;
  /** newest first, without the file */
  listReports(): Promise<Array<Omit<StatsReportRecord, 'xlsx'>>>;
}
