/** Payouts (提现) and deposits (保证金): query keys, the typed calls, and the hooks the finance pages use. */
import type {
  DepositRequirementView,
  DepositView,
  PayoutHoldView,
  PayoutRequest,
  PayoutStatus,
  PayoutSummary,
  PayoutView,
} from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook, useApiQuery } from './query-options.ts';

export const payoutKeys = {
  /** every payout read (lists, summary): what a payout write invalidates */
  all: ['payouts'] as const,
  summary: ['payouts', 'summary'] as const,
  list: (status?: PayoutStatus) => ['payouts', 'list', status ?? 'all'] as const,
  holds: ['payouts', 'holds'] as const,
  /** every deposit read */
  deposits: ['deposits'] as const,
  deposit: (merchantOrgId?: string) => ['deposits', 'one', merchantOrgId ?? 'mine'] as const,
  requirements: ['deposits', 'requirements'] as const,
};

export const payoutApi = {
  summary: () => api.get<PayoutSummary>('/payouts/summary'),
  list: (status?: PayoutStatus) => api.get<PayoutView[]>('/payouts', { query: { status } }),
  request: (body: PayoutRequest, idempotencyKey: string) =>
    api.post<PayoutView>('/payouts', body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  approve: (id: string) => api.post<PayoutView>(`/payouts/${encodeURIComponent(id)}/approve`, {}),
  reject: (id: string, reason: string) => api.post<PayoutView>(`/payouts/${encodeURIComponent(id)}/reject`, { reason }),
  holds: () => api.get<PayoutHoldView[]>('/payout-holds'),
  hold: (partyId: string, reason: string) => api.post<PayoutHoldView>('/payout-holds', { partyId, reason }),
  release: (partyId: string) => api.post<{ released: boolean }>(`/payout-holds/${encodeURIComponent(partyId)}/release`, {}),
  deposit: (merchantOrgId?: string) => api.get<DepositView>('/deposit', { query: { merchantOrgId } }),
  payDeposit: (amountFen?: number) =>
    api.post<{ paymentId: string; payUrl: string; amountFen: number }>('/deposit/pay', amountFen ? { amountFen } : {}),
  requirements: () => api.get<DepositRequirementView[]>('/deposit-requirements'),
  setRequirement: (categoryId: string, amountFen: number) =>
    api.put<{ categoryId: string; amountFen: number }>('/deposit-requirements', { categoryId, amountFen }),
  deduct: (merchantOrgId: string, amountFen: number, reason: string) =>
    api.post<{ id: string; dueFen: number; topUpRequired: boolean }>('/deposit-deductions', { merchantOrgId, amountFen, reason }),
};

export const usePayoutSummary = (refetchInterval?: number) =>
  useApiQuery(payoutKeys.summary, payoutApi.summary, refetchInterval ? { refetchInterval } : undefined);
export const usePayouts = (status?: PayoutStatus, refetchInterval?: number) =>
  useApiQuery(payoutKeys.list(status), () => payoutApi.list(status), refetchInterval ? { refetchInterval } : undefined);
export const usePayoutHolds = apiHook(payoutKeys.holds, payoutApi.holds);
export const useDeposit = (merchantOrgId?: string, enabled = true) =>
  useApiQuery(payoutKeys.deposit(merchantOrgId), () => payoutApi.deposit(merchantOrgId), { enabled });
export const useDepositRequirements = apiHook(payoutKeys.requirements, payoutApi.requirements);
