/** 统计分析's records: rollup figures grouped by a key, active parties, targets, monthly reports. */
import type { StatsFigures } from './statistics.rules.ts';

/** Where a fact comes from: an order (its lines), a live session, a complaint, a confirmed violation. */
export type StatsSourceKind = 'order' | 'session' | 'complaint' | 'violation';

/** How the figures are grouped: by month (`YYYY-MM`), district, base (org id, '' for none) or top-level category. */
export type StatsGroupBy = 'month' | 'district' | 'base' | 'category';

export interface StatsFilter {
  /** China dates, `from` inclusive, `until` exclusive (`YYYY-MM-DD`) */
  from: string;
  until: string;
  district?: string | undefined;
  /** a top-level category id (`food`): its sub-categories too */
  category?: string | undefined;
}

export interface StatsRow extends StatsFigures {
  key: string;
}

export interface StatsActiveRow {
  key: string;
  merchants: number;
  streamers: number;
}

/** A row of a grouped read: the (China) year, which grouping it belongs to ('year': the year's total), its key. */
export interface StatsSetRow extends StatsRow {
  year: number;
  grouping: StatsGroupBy | 'year';
  /** live bases with any order or session in the group */
  bases: number;
}

export interface StatsActiveSetRow extends StatsActiveRow {
  year: number;
  grouping: Exclude<StatsGroupBy, 'base'> | 'year';
}

export interface StatsTargetRecord {
  id: string;
  scope: 'province' | 'city' | 'district';
  region: string;
  year: number;
  metric: string;
  value: number | null;
  title: string;
  source: string;
}

export interface StatsReportRecord {
  month: string;
  generatedAt: Date;
  summary: Record<string, unknown>;
  xlsx: Uint8Array;
}
