/** The finance pages' reads (资金结算, 收益, 财务, 先行赔付金): query keys, the calls and the hooks pages use. */
import type { FinanceBalances, FinanceCommission, FinanceDaily, FinanceFund, FinanceLinePage, FinancePlatform } from '@livehub/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

type Cursor = { before: string; beforeEntryId: string };

/** The finance API: every read is of the caller's own party (or the platform's), never of a party it names. */
export const financeApi = {
  balances: () => api.get<FinanceBalances>('/finance/balances'),
  lines: (kind: string | undefined, cursor: Cursor | null, limit: number) =>
    api.get<FinanceLinePage>('/finance/lines', { query: { kind, limit, ...(cursor ?? {}) } }),
  income: (days: number) => api.get<FinanceDaily>('/finance/income', { query: { days } }),
  commission: () => api.get<FinanceCommission>('/finance/commission'),
  platform: (days: number) => api.get<FinancePlatform>('/finance/platform', { query: { days } }),
  fund: (cursor: Cursor | null, limit: number) => api.get<FinanceFund>('/finance/fund', { query: { limit, ...(cursor ?? {}) } }),
};

export const financeKeys = {
  /** everything the finance pages read: a money move (a payout, a deposit) invalidates this */
  all: ['finance'] as const,
  balances: ['finance', 'balances'] as const,
  lines: (kind: string | undefined) => ['finance', 'lines', kind ?? 'default'] as const,
  income: (days: number) => ['finance', 'income', days] as const,
  commission: ['finance', 'commission'] as const,
  platform: (days: number) => ['finance', 'platform', days] as const,
  fund: ['finance', 'fund'] as const,
};

export const FINANCE_PAGE_SIZE = 50;

export const useBalances = apiHook(financeKeys.balances, financeApi.balances);
export const useIncome = apiHookBy(financeKeys.income, financeApi.income);
export const useCommission = apiHook(financeKeys.commission, financeApi.commission);
export const usePlatformFinance = apiHookBy(financeKeys.platform, financeApi.platform);

/** An account's lines page by page, newest first (the ledger's keyset: posted time and entry id). */
export function useFinanceLines(kind: string | undefined) {
  const q = useInfiniteQuery({
    queryKey: financeKeys.lines(kind),
    queryFn: ({ pageParam }) => financeApi.lines(kind, pageParam, FINANCE_PAGE_SIZE),
    initialPageParam: null as Cursor | null,
    getNextPageParam: (last) => last.next,
  });
  return { ...q, items: q.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** The fund's balance, floor and totals (from the first page) and its movements page by page. */
export function useFund() {
  const q = useInfiniteQuery({
    queryKey: financeKeys.fund,
    queryFn: ({ pageParam }) => financeApi.fund(pageParam, FINANCE_PAGE_SIZE),
    initialPageParam: null as Cursor | null,
    getNextPageParam: (last) => last.lines.next,
  });
  const first = q.data?.pages[0];
  return { ...q, balanceFen: first?.balanceFen, summary: first, items: q.data?.pages.flatMap((p) => p.lines.items) ?? [] };
}
