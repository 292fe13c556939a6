/**
 * The product list read page by page (keyset: the last product's createdAt and id), as order lists are: a shop's
 * catalog grows without end, and one request for all of it was what stalled the server. `loadMore` asks for the
 * next page while there may be one.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ProductView } from '../../lib/api-types.ts';
import { endpoints, type ProductListQuery, queryKeys } from '../../lib/endpoints.ts';

export const PRODUCT_PAGE_SIZE = 20;

export function useProductPages(query: ProductListQuery, opts: { enabled?: boolean; staleTime?: number } = {}) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.productPages(query),
    initialPageParam: null as { before: string; beforeId: string } | null,
    queryFn: ({ pageParam }) => endpoints.products({ ...query, limit: PRODUCT_PAGE_SIZE, ...(pageParam ?? {}) }),
    getNextPageParam: (last: ProductView[]) => {
      const tail = last.at(-1);
      return last.length < PRODUCT_PAGE_SIZE || !tail ? null : { before: tail.createdAt, beforeId: tail.id };
    },
    enabled: opts.enabled ?? true,
    staleTime: opts.staleTime ?? 0,
  });
  return {
    products: pages.data?.pages.flat() ?? [],
    error: pages.error,
    isPending: pages.isPending,
    refetch: pages.refetch,
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    loadMore: () => void pages.fetchNextPage(),
  };
}
