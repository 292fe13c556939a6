/** The selection center: plans, the pool, samples and agreements — query keys and hooks. */
import { endpoints, type SelectionQuery } from '../lib/endpoints.ts';
import { type ApiQueryOptions, useApiQuery } from './query-options.ts';

export const selectionKeys = {
  selectionMcns: ['selection', 'mcns'] as const,
  plans: (productId: string) => ['selection', 'plans', productId] as const,
  pool: (query: SelectionQuery) => ['selection', 'pool', query] as const,
  poolProduct: (id: string) => ['selection', 'pool-product', id] as const,
  /** every sample list */
  allSamples: ['samples'] as const,
  samples: (overdue: boolean) => ['samples', overdue ? 'overdue' : 'all'] as const,
  agreements: ['agreements'] as const,
  agreementsInForce: ['agreements', 'in_force'] as const,
  agreement: (id: string) => ['agreement', id] as const,
};

export const useSelectionMcns = (options?: ApiQueryOptions<'selectionMcns'>) =>
  useApiQuery(selectionKeys.selectionMcns, endpoints.selectionMcns, options);
export const usePlans = (productId: string, options?: ApiQueryOptions<'plans'>) =>
  useApiQuery(selectionKeys.plans(productId), () => endpoints.plans(productId), options);
export const useSelectionPool = (query: SelectionQuery, options?: ApiQueryOptions<'searchPool'>) =>
  useApiQuery(selectionKeys.pool(query), () => endpoints.searchPool(query), options);
export const usePoolProduct = (id: string, options?: ApiQueryOptions<'poolProduct'>) =>
  useApiQuery(selectionKeys.poolProduct(id), () => endpoints.poolProduct(id), options);
export const useSamples = (overdue: boolean, options?: ApiQueryOptions<'samples'>) =>
  useApiQuery(selectionKeys.samples(overdue), () => endpoints.samples(overdue), options);
export const useAgreements = (options?: ApiQueryOptions<'agreements'>) =>
  useApiQuery(selectionKeys.agreements, endpoints.agreements, options);
export const useAgreementsInForce = (options?: ApiQueryOptions<'agreementsInForce'>) =>
  useApiQuery(selectionKeys.agreementsInForce, endpoints.agreementsInForce, options);
export const useAgreement = (id: string, options?: ApiQueryOptions<'agreement'>) =>
  useApiQuery(selectionKeys.agreement(id), () => endpoints.agreement(id), options);
