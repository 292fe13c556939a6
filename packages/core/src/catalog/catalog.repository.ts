/** The catalog's repository port: categories, brands and authorizations, products, SKUs and price points. */
import type {
  BrandAuthorizationRecord,
  BrandRecord,
  CategoryRecord,
  PricePointRecord,
  ProductRecord,
  ProductStatus,
  SkuRecord,
} from './catalog.types.ts';

export interface CatalogRepository {
  upsertCategory(c: CategoryRecord): Promise<void>;
  listCategories(): Promise<CategoryRecord[]>;
  findCategory(id: string): Promise<CategoryRecord | null>;
  insertBrand(b: BrandRecord): Promise<void>;
  findBrand(id: string): Promise<BrandRecord | null>;
  /** the brands of `ids` in one query (unknown ids are left out) */
  findBrands(ids: string[]): Promise<BrandRecord[]>;
  findBrandByKey(nameKey: string): Promise<BrandRecord | null>;
  listBrands(opts: { q?: string; protectedOnly?: boolean; limit: number }): Promise<BrandRecord[]>;
  updateBrand(id: string, patch: Partial<BrandRecord>): Promise<void>;
  insertAuthorization(a: BrandAuthorizationRecord): Promise<void>;
  listAuthorizations(opts: { merchantOrgId?: string; brandId?: string }): Promise<BrandAuthorizationRecord[]>;
  insertProduct(p: ProductRecord): Promise<void>;
  findProduct(id: string): Promise<ProductRecord | null>;
  /** writes only when the stored version is `expectVersion` */
  updateProduct(p: ProductRecord, expectVersion: number): Promise<boolean>;
  /**
   * Newest first by (createdAt, id). Keyset paging: `before` (+ `beforeId`) returns the products created before it,
   * or at it with a smaller id — the next page after a product (createdAt, id), stable while products are edited.
   */
  listProducts(opts: {
    merchantOrgId?: string;
    status?: ProductStatus[];
    ids?: string[];
    /** only cross-border (跨境) products */
    crossBorder?: boolean;
    before?: Date;
    beforeId?: string;
    limit: number;
  }): Promise<ProductRecord[]>;
  countProducts(opts: { merchantOrgId?: string; status?: ProductStatus[] }): Promise<number>;
  /** how many products are in each status (statuses without products are left out), in one query */
  countProductsByStatus(opts: { merchantOrgId?: string }): Promise<Array<{ status: ProductStatus; n: number }>>;
  insertSku(s: SkuRecord): Promise<void>;
  /** name, code and price; stock never moves here (the inventory context's ledger moves it: `InventoryRepository.moveSellable`) */
  updateSku(s: SkuRecord): Promise<void>;
  /** counts units sold on the product (paid orders) */
  addSales(productId: string, n: number): Promise<void>;
  listSkus(productIds: string[]): Promise<SkuRecord[]>;
  findSku(id: string): Promise<SkuRecord | null>;
  /** takes `n` from a product's sample stock if that many are left */
  takeSampleStock(productId: string, n: number): Promise<boolean>;
  /** closes the open point of the SKU at `at` and opens a new one (one price in effect at a time per source) */
  recordPrice(p: PricePointRecord): Promise<void>;
  /** a price with a known period (a promotion, a flash sale) that runs alongside the list price */
  insertPricePoint(p: PricePointRecord): Promise<void>;
  listPrices(skuId: string): Promise<PricePointRecord[]>;
  /**
   * The lowest price in effect at any moment of [from, to): one query over the price points that overlap the
   * window. What the price-fraud rule compares a reference (划线) price with.
   */
  lowestPrice(skuIds: string[], from: Date, to: Date): Promise<Map<string, number>>;
}
