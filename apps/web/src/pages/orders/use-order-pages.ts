/**
 * An order list read page by page (keyset: the last order's createdAt and id), for lists that grow without end —
 * a shop's sales, a buyer's purchases. `loadMore` asks for the next page while there may be one.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OrderView } from '../../lib/api-types.ts';
import { endpoints, type OrderListQuery, queryKeys } from '../../lib/endpoints.ts';

export const ORDER_PAGE_SIZE = 50;

export function useOrderPages(query: OrderListQuery, refetchInterval: number) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.orderPages(query),
    initialPageParam: null as { before: string; beforeId: string } | null,
    queryFn: ({ pageParam }) => endpoints.orders({ ...query, limit: ORDER_PAGE_SIZE, ...(pageParam ?? {}) }),
    getNextPageParam: (last: OrderView[]) => {
      const tail = last.at(-1);
      return last.length < ORDER_PAGE_SIZE || !tail ? null : { before: tail.createdAt, beforeId: tail.id };
    },
    staleTime: 0,
    refetchInterval,
  });
  const orders = pages.data?.pages.flat() ?? [];
  return {
    orders,
    error: pages.error,
    isPending: pages.isPending,
    isFetching: pages.isFetching,
    refetch: pages.refetch,
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    loadMore: () => void pages.fetchNextPage(),
  };
}
