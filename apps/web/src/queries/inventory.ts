/** 库存: query keys, the typed calls and the hooks of the merchant's stock page. */
import type { MovementView, SkuStockViewDto, WarehouseView } from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export interface MovementQuery {
  skuId?: string | undefined;
  warehouseId?: string | undefined;
  kind?: string | undefined;
  offset: number;
}

export const inventoryKeys = {
  all: ['inventory'] as const,
  warehouses: ['inventory', 'warehouses'] as const,
  levels: ['inventory', 'levels'] as const,
  movements: (q: MovementQuery) => ['inventory', 'movements', q] as const,
};

const qs = (q: MovementQuery) =>
  new URLSearchParams(
    Object.entries({ ...q, limit: 20 }).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  ).toString();

export const inventoryApi = {
  warehouses: () => api.get<{ items: WarehouseView[] }>('/inventory/warehouses').then((r) => r.items),
  createWarehouse: (body: { name: string; region: string; address: string }) => api.post<WarehouseView>('/inventory/warehouses', body),
  levels: () => api.get<{ items: SkuStockViewDto[] }>('/inventory/levels').then((r) => r.items),
  movements: (q: MovementQuery) => api.get<{ items: MovementView[]; total: number }>(`/inventory/movements?${qs(q)}`),
  adjust: (body: { skuId: string; warehouseId: string; qty: number; reason: string }) =>
    api.post<MovementView>('/inventory/adjustments', body),
  transfer: (body: { skuId: string; fromWarehouseId: string; toWarehouseId: string; qty: number; reason?: string }) =>
    api.post<{ movements: MovementView[] }>('/inventory/transfers', body),
  setBuffer: (skuId: string, safetyBuffer: number) =>
    api.post<{ skuId: string; safetyBuffer: number; sellable: number }>(`/inventory/skus/${encodeURIComponent(skuId)}/safety-buffer`, {
      safetyBuffer,
    }),
};

export const useWarehouses = apiHook(inventoryKeys.warehouses, inventoryApi.warehouses);
export const useStockLevels = apiHook(inventoryKeys.levels, inventoryApi.levels);
export const useMovements = apiHookBy(inventoryKeys.movements, inventoryApi.movements);
