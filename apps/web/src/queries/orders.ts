/** Addresses, orders and returns: query keys and hooks. */
import type { ReturnStatus } from '../lib/api-types.ts';
import { endpoints, type OrderListQuery } from '../lib/endpoints.ts';
import { type ApiQueryOptions, useApiQuery, useKeysetPages } from './query-options.ts';

export const orderKeys = {
  addresses: ['addresses'] as const,
  /** every order list, paged or not */
  lists: ['orders', 'list'] as const,
  orders: (query: OrderListQuery) => ['orders', 'list', query] as const,
  /** a list read page by page (under 'list', so what invalidates lists refreshes it too) */
  orderPages: (query: OrderListQuery) => ['orders', 'list', 'pages', query] as const,
  order: (id: string) => ['orders', 'one', id] as const,
  orderReturns: (id: string) => ['orders', 'one', id, 'returns'] as const,
  /** every return list */
  allReturns: ['returns'] as const,
  returns: (as: 'buyer' | 'merchant', status?: ReturnStatus) => ['returns', as, status ?? 'all'] as const,
};

export const useAddresses = (options?: ApiQueryOptions<'addresses'>) => useApiQuery(orderKeys.addresses, endpoints.addresses, options);
export const useOrders = (query: OrderListQuery, options?: ApiQueryOptions<'orders'>) =>
  useApiQuery(orderKeys.orders(query), () => endpoints.orders(query), options);
export const useOrder = (id: string, options?: ApiQueryOptions<'order'>) =>
  useApiQuery(orderKeys.order(id), () => endpoints.order(id), options);
export const useOrderReturns = (id: string, options?: ApiQueryOptions<'orderReturns'>) =>
  useApiQuery(orderKeys.orderReturns(id), () => endpoints.orderReturns(id), options);
export const useReturns = (as: 'buyer' | 'merchant', status?: ReturnStatus, options?: ApiQueryOptions<'returns'>) =>
  useApiQuery(orderKeys.returns(as, status), () => endpoints.returns(as, status), options);

export const ORDER_PAGE_SIZE = 50;

/** An order list read page by page, for lists that grow without end — a shop's sales, a buyer's purchases. */
export function useOrderPages(query: OrderListQuery, refetchInterval: number) {
  const { items, ...pages } = useKeysetPages(
    orderKeys.orderPages(query),
    (cursor) => endpoints.orders({ ...query, limit: ORDER_PAGE_SIZE, ...(cursor ?? {}) }),
    ORDER_PAGE_SIZE,
    { refetchInterval },
  );
  return { orders: items, ...pages };
}
