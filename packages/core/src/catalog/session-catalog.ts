/**
 * The catalog's part in a live session, read through the caller's repositories (its transaction, or the unit of
 * work's reads): a product on the session, and the products with their SKUs a session's page shows. The live
 * context asks here and never reads the catalog's tables itself.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { ProductRecord, SkuRecord } from './catalog.types.ts';

export type CatalogReads = Pick<Repositories, 'catalog'>;

export class SessionCatalog {
  productIn(r: CatalogReads, id: string): Promise<ProductRecord | null> {
    return r.catalog.findProduct(id);
  }

  /** The products of these ids and all their SKUs (two queries, whatever the number). */
  async productsWithSkusIn(r: CatalogReads, ids: string[]): Promise<{ products: ProductRecord[]; skus: SkuRecord[] }> {
    if (ids.length === 0) return { products: [], skus: [] };
    const products = await r.catalog.listProducts({ ids, limit: ids.length });
    const skus = products.length > 0 ? await r.catalog.listSkus(products.map((p) => p.id)) : [];
    return { products, skus };
  }
}
