/**
 * 预售 · 反向定制: query keys, the typed calls and hooks of the merchant's 预售, the console's 生产单 and the buyer's
 * 我的预售. A step refreshes every pre-sale query.
 */
import type { PresaleCloseBody, PresaleCreateBody, PresaleReservationView, PresaleView, ProductionOrderView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook } from './query-options.ts';

export const presaleKeys = {
  all: ['presales'] as const,
  list: ['presales', 'list'] as const,
  mine: ['presales', 'mine'] as const,
  production: ['presales', 'production-orders'] as const,
};

export interface PresalePayment {
  reservation: PresaleReservationView;
  paymentId: string;
  payUrl: string;
  amountFen: number;
}

export const presaleApi = {
  list: () => api.get<{ items: PresaleView[] }>('/supply/presales').then((r) => r.items),
  mine: () => api.get<{ items: PresaleReservationView[] }>('/supply/presales/reservations/mine').then((r) => r.items),
  production: () => api.get<{ items: ProductionOrderView[] }>('/supply/presales/production-orders').then((r) => r.items),
  create: (body: PresaleCreateBody) => api.post<PresaleView>('/supply/presales', body),
  close: (id: string, body: PresaleCloseBody) => api.post<PresaleView>(`/supply/presales/${encodeURIComponent(id)}/close`, body),
  cancel: (id: string, reason: string) => api.post<PresaleView>(`/supply/presales/${encodeURIComponent(id)}/cancel`, { reason }),
  reserve: (id: string, body: { skuId: string; qty: number }) =>
    api.post<PresalePayment>(`/supply/presales/${encodeURIComponent(id)}/reservations`, body),
};

export type PresaleStep =
  | { kind: 'open'; id: string }
  | { kind: 'balance'; id: string }
  | { kind: 'confirm'; id: string }
  | { kind: 'progress'; id: string; progressPct: number; note?: string }
  | { kind: 'ship'; id: string; carrier: string; trackingNo: string };

function presaleStep(s: PresaleStep): Promise<unknown> {
  const id = encodeURIComponent(s.id);
  switch (s.kind) {
    case 'open':
      return api.post<PresaleView>(`/supply/presales/${id}/open`);
    case 'balance':
      return api.post<PresalePayment>(`/supply/presales/reservations/${id}/balance`);
    case 'confirm':
      return api.post<ProductionOrderView>(`/supply/presales/production-orders/${id}/confirm`);
    case 'progress':
      return api.post<ProductionOrderView>(`/supply/presales/production-orders/${id}/progress`, {
        progressPct: s.progressPct,
        ...(s.note ? { note: s.note } : {}),
      });
    case 'ship':
      return api.post<ProductionOrderView>(`/supply/presales/production-orders/${id}/ship`, {
        carrier: s.carrier,
        trackingNo: s.trackingNo,
      });
  }
}

export const usePresales = apiHook(presaleKeys.list, presaleApi.list);
export const useMyReservations = apiHook(presaleKeys.mine, presaleApi.mine);
export const useProductionOrders = apiHook(presaleKeys.production, presaleApi.production);

export function usePresaleStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: presaleStep,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: presaleKeys.all });
    },
  });
}
