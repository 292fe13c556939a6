/** Statements (对账单) and reconciliation (对账): the endpoints, query keys and hooks the finance pages call. */
import type { ReconciliationDayView, ReconciliationRunView, StatementQuery, StatementView } from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

type Items<T> = { items: T[] };

export const statementEndpoints = {
  statement: (q: StatementQuery) => api.get<StatementView>('/statements', { query: { ...q } }),
  reconciliationRuns: () => api.get<Items<ReconciliationRunView>>('/reconciliation/runs'),
  reconciliationDay: (day: string) => api.get<ReconciliationDayView>(`/reconciliation/runs/${encodeURIComponent(day)}`),
  runReconciliation: (day: string) => api.post<ReconciliationDayView>('/reconciliation/runs', { day }),
  resolveDifference: (id: string, note: string) =>
    api.post<ReconciliationDayView>(`/reconciliation/items/${encodeURIComponent(id)}/resolve`, { note }),
};

/** Where the browser downloads a statement file (a plain GET with the session cookie). */
export function statementFileUrl(q: StatementQuery, ext: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ partyId: q.partyId, period: q.period, ...(q.kind ? { kind: q.kind } : {}) });
  return `/api/statements.${ext}?${params.toString()}`;
}

export const statementKeys = {
  all: ['statements'] as const,
  statement: (q: StatementQuery) => ['statements', 'statement', q] as const,
  reconciliation: ['statements', 'reconciliation'] as const,
  runs: ['statements', 'reconciliation', 'runs'] as const,
  day: (day: string) => ['statements', 'reconciliation', 'day', day] as const,
};

export const useStatement = apiHookBy(statementKeys.statement, statementEndpoints.statement);
export const useReconciliationRuns = apiHook(statementKeys.runs, statementEndpoints.reconciliationRuns);
export const useReconciliationDay = apiHookBy(statementKeys.day, statementEndpoints.reconciliationDay);
