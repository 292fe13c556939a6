/**
 * The catalog's part in an order, in the orders context's transaction (its in-transaction form): the SKU and its
 * product an order line is made of, whether it is sold to adults only, the units a paid order adds to a product's sales, and a flash sale's price
 * point (the 7-day lowest price must see it). The orders context hands its transaction over and never touches the
 * catalog's tables itself.
 */
import type { Repositories } from '../ports/repositories.ts';
import { adultOnlyCategory } from './catalog.rules.ts';
import type { PricePointRecord, ProductRecord, SkuRecord } from './catalog.types.ts';

export type OrderCatalogTx = Pick<Repositories, 'catalog'>;

export class OrderCatalog {
  skuIn(tx: OrderCatalogTx, skuId: string): Promise<SkuRecord | null> {
    return tx.catalog.findSku(skuId);
  }

  /** The SKU and its product (null when either is missing). */
  async skuWithProductIn(tx: OrderCatalogTx, skuId: string): Promise<{ sku: SkuRecord; product: ProductRecord | null } | null> {
    const sku = await tx.catalog.findSku(skuId);
    return sku ? { sku, product: await tx.catalog.findProduct(sku.productId) } : null;
  }

  /** Whether the product is sold to adults only: its category or its top-level category is screened as alcohol or tobacco. */
  async adultOnlyIn(tx: OrderCatalogTx, product: Pick<ProductRecord, 'categoryId'>): Promise<boolean> {
    const own = await tx.catalog.findCategory(product.categoryId);
    if (adultOnlyCategory([own])) return true;
    const root = product.categoryId.split('.')[0] ?? product.categoryId;
    return root !== product.categoryId && adultOnlyCategory([await tx.catalog.findCategory(root)]);
  }

  /** 销量: a paid order's lines add to their products' sales. */
  async addSalesIn(tx: OrderCatalogTx, lines: ReadonlyArray<{ productId: string; qty: number }>): Promise<void> {
    for (const l of lines) await tx.catalog.addSales(l.productId, l.qty);
  }

  pricePointIn(tx: OrderCatalogTx, point: PricePointRecord): Promise<void> {
    return tx.catalog.insertPricePoint(point);
  }
}
