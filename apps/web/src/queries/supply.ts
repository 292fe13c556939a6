/**
 * 需求协同 (supply): query keys, the typed calls and hooks of the demand pages — the merchant's 实时需求 and
 * suppliers, the 供应商工作台, the streamer console's 需求 card — the purchase orders (采购单) the merchant places
 * and the supplier answers, and the live stream: an EventSource on `/api/supply/demand/stream` whose `board` events
 * replace the cached board (as the monitoring wall does).
 */
import type {
  CartAddResult,
  DemandAlertView,
  DemandBoard,
  DemandSessionView,
  PurchaseOrderCreateBody,
  PurchaseOrderFromReplenishmentBody,
  PurchaseOrderReceiveBody,
  PurchaseOrderShipBody,
  PurchaseOrderStatus,
  PurchaseOrderView,
  ReplenishmentCreateBody,
  ReplenishmentView,
  SupplierLinkCreateBody,
  SupplierLinkView,
} from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../lib/api-client.ts';
import { endpoints } from '../lib/endpoints.ts';
import { inventoryKeys } from './inventory.ts';
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
  purchaseOrders: ['supply', 'purchase-orders'] as const,
  purchaseOrderList: (status: PurchaseOrderStatus | null) => ['supply', 'purchase-orders', 'list', status] as const,
};

const poPath = (id: string, step?: string) => `/supply/purchase-orders/${encodeURIComponent(id)}${step ? `/${step}` : ''}`;

export const supplyApi = {
  board: () => api.get<DemandBoard>('/supply/demand'),
  session: (id: string) => api.get<DemandSessionView>(`/supply/demand/sessions/${encodeURIComponent(id)}`),
  /** 加入购物车 in a live room: the 加购 signal of the SKU for the session's minute */
  addToCart: (sessionId: string, skuId: string) =>
    api.post<CartAddResult>(`/supply/live/sessions/${encodeURIComponent(sessionId)}/cart-adds`, { skuId }),
  suppliers: () => api.get<{ items: SupplierLinkView[] }>('/supply/suppliers').then((r) => r.items),
  options: () => api.get<{ items: Array<{ id: string; name: string; kind: string }> }>('/supply/supplier-options').then((r) => r.items),
  addSupplier: (body: SupplierLinkCreateBody) => api.post<SupplierLinkView>('/supply/suppliers', body),
  removeSupplier: (id: string) => api.post<SupplierLinkView>(`/supply/suppliers/${encodeURIComponent(id)}/remove`),
  merchants: () => api.get<{ items: SupplierLinkView[] }>('/supply/merchants').then((r) => r.items),
  replenishments: () => api.get<{ items: ReplenishmentView[] }>('/supply/replenishments').then((r) => r.items),
  replenish: (body: ReplenishmentCreateBody) => api.post<ReplenishmentView>('/supply/replenishments', body),
  confirm: (id: string) => api.post<ReplenishmentView>(`/supply/replenishments/${encodeURIComponent(id)}/confirm`),
  ship: (id: string) => api.post<ReplenishmentView>(`/supply/replenishments/${encodeURIComponent(id)}/ship`),
  purchaseOrders: (status: PurchaseOrderStatus | null) =>
    api.get<{ items: PurchaseOrderView[] }>('/supply/purchase-orders', { query: { status } }).then((r) => r.items),
  purchaseOrder: (id: string) => api.get<PurchaseOrderView>(poPath(id)),
  createPurchaseOrder: (body: PurchaseOrderCreateBody) => api.post<PurchaseOrderView>('/supply/purchase-orders', body),
  /** 转采购单: a purchase order answering a 补货 request */
  orderReplenishment: (id: string, body: PurchaseOrderFromReplenishmentBody) =>
    api.post<PurchaseOrderView>(`/supply/replenishments/${encodeURIComponent(id)}/purchase-order`, body),
};

/** One step on a purchase order: the supplier's 接单 / 拒单 / 发货, the receiver's 收货, the merchant's 撤销 / 短收结案. */
export type PurchaseOrderStep =
  | { kind: 'confirm'; id: string }
  | { kind: 'decline' | 'cancel' | 'close'; id: string; reason: string }
  | { kind: 'ship'; id: string; body: PurchaseOrderShipBody }
  | { kind: 'receive'; id: string; body: PurchaseOrderReceiveBody };

function purchaseOrderStep(s: PurchaseOrderStep): Promise<PurchaseOrderView> {
  switch (s.kind) {
    case 'confirm':
      return api.post<PurchaseOrderView>(poPath(s.id, 'confirm'));
    case 'ship':
      return api.post<PurchaseOrderView>(poPath(s.id, 'ship'), s.body);
    case 'receive':
      return api.post<PurchaseOrderView>(poPath(s.id, 'receive'), s.body);
    default:
      return api.post<PurchaseOrderView>(poPath(s.id, s.kind), { reason: s.reason });
  }
}

export const useDemandBoard = apiHook(supplyKeys.board, supplyApi.board);
export const useDemandSession = apiHookBy(supplyKeys.session, supplyApi.session);
export const useSuppliers = apiHook(supplyKeys.suppliers, supplyApi.suppliers);
export const useSupplierOptions = apiHook(supplyKeys.options, supplyApi.options);
export const useMyMerchants = apiHook(supplyKeys.merchants, supplyApi.merchants);
export const useReplenishments = apiHook(supplyKeys.replenishments, supplyApi.replenishments);
/** the merchant's products, to pick which ones a supplier supplies */
export const useOwnProducts = apiHook(supplyKeys.products, () => endpoints.products({}));

export const usePurchaseOrders = apiHookBy(supplyKeys.purchaseOrderList, supplyApi.purchaseOrders);

/** A step on a purchase order; the lists refresh, and the stock too when goods were received. */
export function usePurchaseOrderStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: purchaseOrderStep,
    onSuccess: async (_po, s) => {
      await queryClient.invalidateQueries({ queryKey: supplyKeys.purchaseOrders });
      if (s.kind === 'receive') await queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });
}

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
