/**
 * 统计分析: query keys, the typed call and the hook for a year's statistics (optionally one district or category),
 * the monthly reports, and the export links (CSV, XLSX).
 */
import type { StatsOverviewView, StatsReportsView, StatsTargetCreate, StatsTargetUpdate, StatsTargetView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export interface StatsFilter {
  year: number;
  district: string | null;
  category: string | null;
}

export const statisticsKeys = {
  all: ['statistics'] as const,
  overview: (f: StatsFilter) => ['statistics', 'overview', f.year, f.district, f.category] as const,
  reports: ['statistics', 'reports'] as const,
};

function params(f: StatsFilter): string {
  const q = new URLSearchParams({ year: String(f.year) });
  if (f.district) q.set('district', f.district);
  if (f.category) q.set('category', f.category);
  return q.toString();
}

export const statisticsFileUrl = (f: StatsFilter, ext: 'csv' | 'xlsx') => `/api/supervision/statistics.${ext}?${params(f)}`;
export const reportFileUrl = (month: string) => `/api/supervision/statistics/reports/${month}/xlsx`;

export const useStatistics = apiHookBy(statisticsKeys.overview, (f: StatsFilter) =>
  api.get<StatsOverviewView>(`/supervision/statistics?${params(f)}`),
);
export const useStatsReports = apiHook(statisticsKeys.reports, () =>
  api.get<StatsReportsView>('/supervision/statistics/reports').then((r) => r.items),
);

/** 本区目标: add, edit (a province's or city's missing figure too) or remove a target; the overview refreshes. */
export function useStatsTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      s:
        | { kind: 'create'; body: StatsTargetCreate }
        | { kind: 'update'; id: string; body: StatsTargetUpdate }
        | { kind: 'delete'; id: string },
    ): Promise<StatsTargetView | undefined> => {
      if (s.kind === 'create') return api.post<StatsTargetView>('/supervision/statistics/targets', s.body);
      if (s.kind === 'update') return api.put<StatsTargetView>(`/supervision/statistics/targets/${s.id}`, s.body);
      return api.delete(`/supervision/statistics/targets/${s.id}`).then(() => undefined);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statisticsKeys.all }),
  });
}
