/**
 * 监管线索 (supervision clues): query keys, the typed calls and the hooks — the caller's department queue, one clue with
 * its log, the office's departments, and the two steps (移送, 不予立案). Writes invalidate through `clueKeys`.
 */
import type { ClueDepartments, ClueDetailView, ClueRule, ClueSharingLog, ClueStatus, ClueView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export interface ClueFilter {
  status: ClueStatus | null;
  rule: ClueRule | null;
  minRisk: number | null;
}

export const clueKeys = {
  all: ['clues'] as const,
  list: (f: ClueFilter) => ['clues', 'list', f.status, f.rule, f.minRisk] as const,
  detail: (id: string) => ['clues', 'detail', id] as const,
  departments: ['clues', 'departments'] as const,
  sharingLog: ['clues', 'sharing-log'] as const,
};

function fetchList(f: ClueFilter): Promise<ClueView[]> {
  const q = new URLSearchParams({ limit: '200' });
  if (f.status) q.set('status', f.status);
  if (f.rule) q.set('rule', f.rule);
  if (f.minRisk) q.set('minRisk', String(f.minRisk));
  return api.get<{ items: ClueView[] }>(`/supervision/clues?${q}`).then((r) => r.items);
}

export const useClues = apiHookBy(clueKeys.list, fetchList);
export const useClue = apiHookBy(clueKeys.detail, (id: string) => api.get<ClueDetailView>(`/supervision/clues/${id}`));
export const useClueDepartments = apiHook(clueKeys.departments, () =>
  api.get<ClueDepartments>('/supervision/departments').then((r) => r.items),
);

export const useClueSharingLog = apiHook(clueKeys.sharingLog, () =>
  api.get<ClueSharingLog>('/supervision/sharing-log?limit=100').then((r) => r.items),
);

/** 移送 (with a department), 共享 (with departments) or 不予立案; the queue, the clue and the sharing log refresh. */
export function useClueStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      step:
        | { id: string; kind: 'transfer'; departmentCode: string; reason: string }
        | { id: string; kind: 'share'; departmentCodes: string[]; reason: string }
        | { id: string; kind: 'dismiss'; reason: string },
    ) =>
      step.kind === 'transfer'
        ? api.post<ClueView>(`/supervision/clues/${step.id}/transfer`, { departmentCode: step.departmentCode, reason: step.reason })
        : step.kind === 'share'
          ? api.post<ClueView>(`/supervision/clues/${step.id}/share`, { departmentCodes: step.departmentCodes, reason: step.reason })
          : api.post<ClueView>(`/supervision/clues/${step.id}/dismiss`, { reason: step.reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clueKeys.all }),
  });
}
