/**
 * What the query hooks of apps/web/src/queries/<area>.ts share: the options a page may add to a hook (when it runs,
 * how fresh it must be, how often it refreshes) and the keyset pager for lists that grow without end.
 */
import { type QueryKey, type UseQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { endpoints } from '../lib/endpoints.ts';

/** A hook's extra options: everything but the key and the fetch, which the hook owns. */
export type QueryOptions<T> = Omit<UseQueryOptions<T, Error, T, readonly unknown[]>, 'queryKey' | 'queryFn'>;

type Endpoint = keyof typeof endpoints;

/** The options of a hook that reads what endpoint `E` answers. */
export type ApiQueryOptions<E extends Endpoint> = QueryOptions<Awaited<ReturnType<(typeof endpoints)[E]>>>;

/** One API read under its key: the hooks of the area files are this with their key and endpoint filled in. */
export function useApiQuery<T>(queryKey: readonly unknown[], queryFn: () => Promise<T>, options?: QueryOptions<T>) {
  return useQuery({ queryKey, queryFn, ...options });
}

/** The hook for a read without parameters: `useX(options?)`. Made once, at module load: each hook is one stable function. */
export function apiHook<T>(queryKey: readonly unknown[], fetch: () => Promise<T>) {
  return (options?: QueryOptions<T>) => useApiQuery(queryKey, fetch, options);
}

/** The hook for a read by one parameter (an id, a scope, a filter): `useX(param, options?)`. */
export function apiHookBy<P, T>(queryKey: (param: P) => readonly unknown[], fetch: (param: P) => Promise<T>) {
  return (param: P, options?: QueryOptions<T>) => useApiQuery(queryKey(param), () => fetch(param), options);
}

/** Where the next page starts: the createdAt and id of the last row of the page before. */
export interface KeysetCursor {
  before: string;
  beforeId: string;
}

export interface KeysetPagesOptions {
  enabled?: boolean;
  staleTime?: number;
  refetchInterval?: number | false;
}

/**
 * A list read page by page, newest first (keyset: the last row's createdAt and id). `loadMore` asks for the next
 * page while there may be one: a page shorter than `pageSize` is the last.
 */
export function useKeysetPages<T extends { createdAt: string; id: string }>(
  queryKey: QueryKey,
  fetchPage: (cursor: KeysetCursor | null) => Promise<T[]>,
  pageSize: number,
  options: KeysetPagesOptions = {},
) {
  const pages = useInfiniteQuery({
    queryKey,
    initialPageParam: null as KeysetCursor | null,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last: T[]) => {
      const tail = last.at(-1);
      return last.length < pageSize || !tail ? null : { before: tail.createdAt, beforeId: tail.id };
    },
    enabled: options.enabled ?? true,
    staleTime: options.staleTime ?? 0,
    ...(options.refetchInterval !== undefined ? { refetchInterval: options.refetchInterval } : {}),
  });
  return {
    items: pages.data?.pages.flat() ?? [],
    error: pages.error,
    isPending: pages.isPending,
    isFetching: pages.isFetching,
    refetch: pages.refetch,
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    loadMore: () => void pages.fetchNextPage(),
  };
}
