/** 投诉: query keys and hooks — each party's list (its queue) and one complaint with its timeline. */
import type { ComplaintStats, ComplaintStatsQuery, ComplaintStatus } from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { type ComplaintScope, endpoints } from '../lib/endpoints.ts';
import { apiHookBy, type ApiQueryOptions, useApiQuery } from './query-options.ts';

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (scope: ComplaintScope, status?: ComplaintStatus) => ['complaints', 'list', scope, status ?? 'open'] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
  stats: (q: ComplaintStatsQuery) => ['complaints', 'stats', q] as const,
};

/** 投诉统计 of a period per merchant, streamer or product. */
export const useComplaintStats = apiHookBy(complaintKeys.stats, (q: ComplaintStatsQuery) =>
  api.get<ComplaintStats>('/complaints/stats', { query: { ...q } }),
);

/** Where the browser downloads the statistics workbook (a plain GET with the session cookie). */
export function complaintStatsXlsxUrl(q: ComplaintStatsQuery): string {
  return `/api/complaints/stats.xlsx?${new URLSearchParams({ ...q }).toString()}`;
}

export const useComplaints = (scope: ComplaintScope, status?: ComplaintStatus, options?: ApiQueryOptions<'complaints'>) =>
  useApiQuery(complaintKeys.list(scope, status), () => endpoints.complaints(scope, status), options);
export const useComplaint = apiHookBy(complaintKeys.one, endpoints.complaint);
