/**
 * 跨区域协同 (cross-region sharing): query keys, typed calls and hooks — this region's key and partners, the bundles,
 * what partners sent; registering a partner, exporting a signed bundle, importing one. Writes invalidate `exchangeKeys`.
 */
import type {
  ExchangeBundle,
  ExchangeExport,
  ExchangeImportResult,
  ExchangeKind,
  ExchangeOverview,
  ExchangeRecordView,
  ExchangeRegionCreate,
} from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';
import { clueKeys } from './supervision.ts';

export const exchangeKeys = {
  all: ['exchange'] as const,
  overview: ['exchange', 'overview'] as const,
  records: (kind: ExchangeKind | null) => ['exchange', 'records', kind] as const,
};

export const useExchangeOverview = apiHook(exchangeKeys.overview, () => api.get<ExchangeOverview>('/supervision/exchange'));
export const useExchangeRecords = apiHookBy(exchangeKeys.records, (kind: ExchangeKind | null) =>
  api.get<{ items: ExchangeRecordView[] }>(`/supervision/exchange/records${kind ? `?kind=${kind}` : ''}`).then((r) => r.items),
);

export function useExchangeWrites() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: exchangeKeys.all });
    void queryClient.invalidateQueries({ queryKey: clueKeys.all });
  };
  return {
    addRegion: useMutation({
      mutationFn: (body: ExchangeRegionCreate) => api.post<ExchangeOverview>('/supervision/exchange/regions', body),
      onSuccess: refresh,
    }),
    exportBundle: useMutation({
      mutationFn: (body: ExchangeExport) => api.post<ExchangeBundle>('/supervision/exchange/export', body),
      onSuccess: refresh,
    }),
    importBundle: useMutation({
      mutationFn: (bundle: unknown) => api.post<ExchangeImportResult>('/supervision/exchange/import', { bundle }),
      onSuccess: refresh,
    }),
  };
}
