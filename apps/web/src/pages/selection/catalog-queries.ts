/** Reference data the catalog pages share: the category tree and the brand list (cached for the session). */
import { useQuery } from '@tanstack/react-query';
import { endpoints, queryKeys } from '../../lib/endpoints.ts';

export function useCategories() {
  return useQuery({ queryKey: queryKeys.categories, queryFn: endpoints.categories, staleTime: 10 * 60_000 });
}

export function useBrands() {
  return useQuery({ queryKey: queryKeys.brands, queryFn: () => endpoints.brands(), staleTime: 60_000 });
}
