/**
 * 监管线索 (supervision clues): query keys, the typed calls and the hooks — the caller's department queue, one clue with
 * its log, the office's departments, and the two steps (移送, 不予立案). Writes invalidate through `clueKeys`.
 */
import type {
  CaseDecide,
  CaseJoin,
  CaseTransfer,
  CaseDetailView,
  CaseEvidenceAdd,
  CaseNoticeView,
  CaseNotify,
  CaseView,
  ClueDepartments,
  ClueDetailView,
  ClueRule,
  ClueSharingLog,
  ClueStatus,
  ClueView,
  CrossBorderReport,
} from '@livehub/contracts';
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

/** 跨境商品: declared values against 30 days of live sale prices (regulators). */
export const useCrossBorderReport = apiHook(['supervision', 'cross-border'] as const, () =>
  api.get<CrossBorderReport>('/supervision/cross-border'),
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

// --- 案件 (cases) and 监管通知 (the party's notices) -----------------------------------------------------------

export const caseKeys = {
  all: ['cases'] as const,
  list: ['cases', 'list'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  notices: ['cases', 'notices'] as const,
};

export const useCases = apiHook(caseKeys.list, () => api.get<{ items: CaseView[] }>('/supervision/cases?limit=200').then((r) => r.items));
export const useCase = apiHookBy(caseKeys.detail, (id: string) => api.get<CaseDetailView>(`/supervision/cases/${id}`));
export const useNotices = apiHook(caseKeys.notices, () =>
  api.get<{ items: CaseNoticeView[] }>('/supervision/notices').then((r) => r.items),
);

export type CaseStepInput =
  | { kind: 'open'; clueId: string; summary: string }
  | { kind: 'evidence'; id: string; body: CaseEvidenceAdd }
  | { kind: 'notify'; id: string; body: CaseNotify }
  | { kind: 'decide'; id: string; body: CaseDecide }
  | { kind: 'execute'; id: string }
  | { kind: 'close'; id: string }
  | { kind: 'transfer'; id: string; body: CaseTransfer }
  | { kind: 'joint'; id: string; body: CaseJoin };

/** One step of a case (立案, 取证, 告知, 决定, 执行, 结案, 移送, 联合执法); the cases, the clues and the case refresh. */
export function useCaseStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: CaseStepInput): Promise<unknown> => {
      switch (s.kind) {
        case 'open':
          return api.post<CaseView>('/supervision/cases', { clueId: s.clueId, summary: s.summary });
        case 'evidence':
          return api.post<CaseDetailView>(`/supervision/cases/${s.id}/evidence`, s.body);
        case 'notify':
          return api.post<CaseView>(`/supervision/cases/${s.id}/notify`, s.body);
        case 'decide':
          return api.post<CaseView>(`/supervision/cases/${s.id}/decide`, s.body);
        case 'execute':
          return api.post<CaseView>(`/supervision/cases/${s.id}/execute`, {});
        case 'close':
          return api.post<CaseView>(`/supervision/cases/${s.id}/close`, {});
        case 'transfer':
          return api.post<CaseView>(`/supervision/cases/${s.id}/transfer`, s.body);
        case 'joint':
          return api.post<CaseView>(`/supervision/cases/${s.id}/joint`, s.body);
      }
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void queryClient.invalidateQueries({ queryKey: clueKeys.all });
      void queryClient.invalidateQueries({ queryKey: clueKeys.sharingLog });
    },
  });
}

/** 陈述申辩: the party's statement; its notices refresh. */
export function useCaseStatement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: { id: string; text: string; documentIds: string[] }) =>
      api.post<CaseNoticeView>(`/supervision/notices/${s.id}/statement`, { text: s.text, documentIds: s.documentIds }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.notices }),
  });
}
