/**
 * 举报: query keys, the typed calls and the hooks — filing (anyone), 我的举报, 举报查询 by tracking code, the platform's
 * queue (举报受理) and handling. Writes invalidate through `reportKeys`.
 */
import type { ReportCase, ReportCreate, ReportHandle, ReportReceipt, ReportStatus, ReportTrack } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export const reportKeys = {
  all: ['reports'] as const,
  mine: ['reports', 'mine'] as const,
  queue: (status: ReportStatus | 'open') => ['reports', 'queue', status] as const,
  track: (code: string) => ['reports', 'track', code] as const,
};

export const reportsApi = {
  file: (body: ReportCreate) => api.post<ReportReceipt>('/reports', body),
  mine: () => api.get<{ items: ReportReceipt[] }>('/reports/mine', { query: { limit: 100 } }),
  queue: (status: ReportStatus | 'open') =>
    api.get<{ items: ReportCase[] }>('/reports', { query: { limit: 200, ...(status === 'open' ? {} : { status }) } }),
  track: (code: string) => api.get<ReportTrack>(`/reports/track/${encodeURIComponent(code)}`),
  handle: (id: string, body: ReportHandle) => api.post<ReportCase>(`/reports/${id}/handle`, body),
};

export const useMyReports = apiHook(reportKeys.mine, reportsApi.mine);
export const useReportQueue = apiHookBy(reportKeys.queue, reportsApi.queue);
export const useReportTrack = apiHookBy(reportKeys.track, reportsApi.track);

export function useFileReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reportsApi.file,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useHandleReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReportHandle }) => reportsApi.handle(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}
