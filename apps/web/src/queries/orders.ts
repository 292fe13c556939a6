/** Addresses, orders and returns: query keys and hooks. */
import type { ReturnStatus } from '../lib/api-types.ts';
import { endpoints, type OrderListQuery } from '../lib/endpoints.ts';
import { apiHook, apiHookBy, useApiQuery, useKeysetPages, type ApiQueryOptions } from './query-options.ts';

export const orderKeys = {
  addresses: ['addresses'] as const,
  /** every order list, paged or not */
  lists: ['orders', 'list'] as const,
  orders: (query: OrderListQuery) => ['orders', 'list', query] as const,
  /** a list read page by page (under 'list', so what invalidates lists refreshes it too) */
  orderPages: (query: OrderListQuery) => ['orders', 'list', 'pages', query] as const,
  order: (id: string) => ['orders', 'one', id] as const,
  orderReturns: (id: string) => ['orders', 'one', id, 'returns'] as const,
  orderTracking: (id: string) => ['orders', 'one', id, 'tracking'] as const,
  /** every return list */
  allReturns: ['returns'] as const,
  returns: (as: 'buyer' | 'merchant', status?: ReturnStatus) => ['returns', as, status ?? 'all'] as const,
};

export const useAddresses = apiHook(orderKeys.addresses, endpoints.addresses);
export const useOrders = apiHookBy(orderKeys.orders, endpoints.orders);
export const useOrder = apiHookBy(orderKeys.order, endpoints.order);
export const useOrderTracking = apiHookBy(orderKeys.orderTracking, endpoints.orderTracking);
export const useOrderReturns = apiHookBy(orderKeys.orderReturns, endpoints.orderReturns);
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
