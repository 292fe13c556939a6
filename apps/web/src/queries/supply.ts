/**
 * 需求协同 (supply): query keys, the typed calls and hooks of the demand pages — the merchant's 实时需求 and
 * suppliers, the 供应商工作台, the streamer console's 需求 card — and the live stream: an EventSource on
 * `/api/supply/demand/stream` whose `board` events replace the cached board (as the monitoring wall does).
 */
import type {
  DemandAlertView,
  DemandBoard,
  DemandSessionView,
  ReplenishmentCreateBody,
  ReplenishmentView,
  SupplierLinkCreateBody,
  SupplierLinkView,
} from '@livehub/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../lib/api-client.ts';
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export const supplyKeys = {
  all: ['supply'] as const,
  board: ['supply', 'demand', 'board'] as const,
  session: (id: string) => ['supply', 'demand', 'session', id] as const,
  suppliers: ['supply', 'suppliers'] as const,
  options: ['supply', 'supplier-options'] as const,
  merchants: ['supply', 'merchants'] as const,
  replenishments: ['supply', 'replenishments'] as const,
  products: ['supply', 'own-products'] as const,
};

export const supplyApi = {
  board: () => api.get<DemandBoard>('/supply/demand'),
  session: (id: string) => api.get<DemandSessionView>(`/supply/demand/sessions/${encodeURIComponent(id)}`),
  suppliers: () => api.get<{ items: SupplierLinkView[] }>('/supply/suppliers').then((r) => r.items),
  options: () => api.get<{ items: Array<{ id: string; name: string; kind: string }> }>('/supply/supplier-options').then((r) => r.items),
  addSupplier: (body: SupplierLinkCreateBody) => api.post<SupplierLinkView>('/supply/suppliers', body),
  removeSupplier: (id: string) => api.post<SupplierLinkView>(`/supply/suppliers/${encodeURIComponent(id)}/remove`),
  merchants: () => api.get<{ items: SupplierLinkView[] }>('/supply/merchants').then((r) => r.items),
  replenishments: () => api.get<{ items: ReplenishmentView[] }>('/supply/replenishments').then((r) => r.items),
  replenish: (body: ReplenishmentCreateBody) => api.post<ReplenishmentView>('/supply/replenishments', body),
  confirm: (id: string) => api.post<ReplenishmentView>(`/supply/replenishments/${encodeURIComponent(id)}/confirm`),
  ship: (id: string) => api.post<ReplenishmentView>(`/supply/replenishments/${encodeURIComponent(id)}/ship`),
};

export const useDemandBoard = apiHook(supplyKeys.board, supplyApi.board);
export const useDemandSession = apiHookBy(supplyKeys.session, supplyApi.session);
export const useSuppliers = apiHook(supplyKeys.suppliers, supplyApi.suppliers);
export const useSupplierOptions = apiHook(supplyKeys.options, supplyApi.options);
export const useMyMerchants = apiHook(supplyKeys.merchants, supplyApi.merchants);
export const useReplenishments = apiHook(supplyKeys.replenishments, supplyApi.replenishments);
/** the merchant's products, to pick which ones a supplier supplies */
export const useOwnProducts = apiHook(supplyKeys.products, () => endpoints.products({}));

export type { DemandAlertView };

/** Keeps the demand board fresh from the server's stream while mounted; tells whether the stream is connected. */
export function useDemandStream(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/supply/demand/stream', { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('board', (e) => {
      setConnected(true);
      queryClient.setQueryData(supplyKeys.board, JSON.parse((e as MessageEvent<string>).data) as DemandBoard);
    });
    return () => source.close();
  }, [queryClient]);
  return connected;
}
