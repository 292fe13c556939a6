/** The catalog: categories, brands, authorizations, products and their prices — query keys and hooks. */
import type { ProductListQuery } from '@livehub/contracts';
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, apiHookBy, useApiQuery, useKeysetPages, type ApiQueryOptions, type KeysetPagesOptions } from './query-options.ts';

export const catalogKeys = {
  categories: ['catalog', 'categories'] as const,
  brands: ['catalog', 'brands'] as const,
  brandAuthorizations: ['catalog', 'brand-authorizations'] as const,
  /** every product list and its counts */
  products: ['catalog', 'products'] as const,
  productPages: (query: ProductListQuery) => ['catalog', 'products', 'pages', query] as const,
  productCounts: () => ['catalog', 'products', 'counts'] as const,
  product: (id: string) => ['catalog', 'product', id] as const,
  /** every SKU's price history of a product */
  prices: (id: string) => ['catalog', 'product', id, 'prices'] as const,
  priceHistory: (id: string, skuId: string) => ['catalog', 'product', id, 'prices', skuId] as const,
};

/** Reference data the catalog pages share: the category tree and the brand list (cached for the session). */
export const useCategories = () => useApiQuery(catalogKeys.categories, endpoints.categories, { staleTime: 10 * 60_000 });
export const useBrands = () => useApiQuery(catalogKeys.brands, () => endpoints.brands(), { staleTime: 60_000 });

export const useBrandAuthorizations = apiHook(catalogKeys.brandAuthorizations, endpoints.brandAuthorizations);
export const useProductCounts = (options?: ApiQueryOptions<'productCounts'>) =>
  useApiQuery(catalogKeys.productCounts(), () => endpoints.productCounts(), options);
export const useProduct = apiHookBy(catalogKeys.product, endpoints.product);
export const usePriceHistory = (id: string, skuId: string, options?: ApiQueryOptions<'priceHistory'>) =>
  useApiQuery(catalogKeys.priceHistory(id, skuId), () => endpoints.priceHistory(id, skuId), options);

export const PRODUCT_PAGE_SIZE = 20;

/**
 * The product list read page by page, as order lists are: a shop's catalog grows without end, and one request for
 * all of it was what stalled the server.
 */
export function useProductPages(query: ProductListQuery, options: KeysetPagesOptions = {}) {
  const { items, ...pages } = useKeysetPages(
    catalogKeys.productPages(query),
    (cursor) => endpoints.products({ ...query, limit: PRODUCT_PAGE_SIZE, ...(cursor ?? {}) }),
    PRODUCT_PAGE_SIZE,
    options,
  );
  return { products: items, ...pages };
}
