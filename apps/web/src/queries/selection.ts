/** The selection center: plans, the pool, samples and agreements — query keys and hooks. */
import type { SelectionSearchQuery } from '@livehub/contracts';
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export const selectionKeys = {
  selectionMcns: ['selection', 'mcns'] as const,
  plans: (productId: string) => ['selection', 'plans', productId] as const,
  pool: (query: SelectionSearchQuery) => ['selection', 'pool', query] as const,
  poolProduct: (id: string) => ['selection', 'pool-product', id] as const,
  /** every sample list */
  allSamples: ['samples'] as const,
  samples: (overdue: boolean) => ['samples', overdue ? 'overdue' : 'all'] as const,
  /** one sample with its package's 物流轨迹 (under `allSamples`: a step refreshes it) */
  sample: (id: string) => ['samples', 'one', id] as const,
  agreements: ['agreements'] as const,
  agreementsInForce: ['agreements', 'in_force'] as const,
  agreement: (id: string) => ['agreement', id] as const,
};

export const useSelectionMcns = apiHook(selectionKeys.selectionMcns, endpoints.selectionMcns);
export const usePlans = apiHookBy(selectionKeys.plans, endpoints.plans);
export const useSelectionPool = apiHookBy(selectionKeys.pool, endpoints.searchPool);
export const usePoolProduct = apiHookBy(selectionKeys.poolProduct, endpoints.poolProduct);
export const useSamples = apiHookBy(selectionKeys.samples, endpoints.samples);
export const useSample = apiHookBy(selectionKeys.sample, endpoints.sample);
export const useAgreements = apiHook(selectionKeys.agreements, endpoints.agreements);
export const useAgreementsInForce = apiHook(selectionKeys.agreementsInForce, endpoints.agreementsInForce);
export const useAgreement = apiHookBy(selectionKeys.agreement, endpoints.agreement);
