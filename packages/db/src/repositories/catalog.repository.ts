/** Drizzle implementation of the catalog repository port (categories, brands, products, SKUs, prices). */
import type {
  BrandAuthorizationRecord,
  BrandRecord,
  CatalogRepository,
  CategoryRecord,
  PricePointRecord,
  ProductRecord,
  ProductStatus,
  SkuRecord,
} from '@livehub/core';
import { and, asc, count, desc, eq, gt, inArray, isNull, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { countWhere } from './count-where.ts';
import { firstWhere } from './first-where.ts';
import { newestFirst, olderThan } from './keyset.ts';
import { listWhere } from './list-where.ts';
import { updateAtVersion } from './update-at-version.ts';
import { brandAuthorizations, brands, categories, pricePoints, productSkus, products } from '../schema/catalog.ts';

export class DrizzleCatalogRepository implements CatalogRepository {
  constructor(private readonly db: Db) {}

  async upsertCategory(c: CategoryRecord): Promise<void> {
    await this.db
      .insert(categories)
      .values(c)
      .onConflictDoUpdate({ target: categories.id, set: { ...c } });
  }
  async listCategories(): Promise<CategoryRecord[]> {
    return (await this.db.select().from(categories).orderBy(asc(categories.sort), asc(categories.id))) as CategoryRecord[];
  }
  async findCategory(id: string): Promise<CategoryRecord | null> {
    return (await firstWhere(this.db, categories, eq(categories.id, id))) as CategoryRecord | null;
  }

  async insertBrand(b: BrandRecord): Promise<void> {
    await this.db.insert(brands).values(b);
  }
  async findBrand(id: string): Promise<BrandRecord | null> {
    return firstWhere(this.db, brands, eq(brands.id, id));
  }
  async findBrands(ids: string[]): Promise<BrandRecord[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return this.db.select().from(brands).where(inArray(brands.id, unique));
  }
  async findBrandByKey(nameKey: string): Promise<BrandRecord | null> {
    return firstWhere(this.db, brands, eq(brands.nameKey, nameKey));
  }
  async listBrands(opts: { q?: string; protectedOnly?: boolean; limit: number }): Promise<BrandRecord[]> {
    return this.db
      .select()
      .from(brands)
      .where(
        and(
          opts.q ? like(brands.nameKey, `%${opts.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`) : undefined,
          opts.protectedOnly ? eq(brands.protected, true) : undefined,
        ),
      )
      .orderBy(desc(brands.protected), asc(brands.name))
      .limit(opts.limit);
  }
  async updateBrand(id: string, patch: Partial<BrandRecord>): Promise<void> {
    await this.db.update(brands).set(patch).where(eq(brands.id, id));
  }
  async insertAuthorization(a: BrandAuthorizationRecord): Promise<void> {
    await this.db.insert(brandAuthorizations).values(a);
  }
  async listAuthorizations(opts: { merchantOrgId?: string; brandId?: string }): Promise<BrandAuthorizationRecord[]> {
    return this.db
      .select()
      .from(brandAuthorizations)
      .where(
        and(
          opts.merchantOrgId ? eq(brandAuthorizations.merchantOrgId, opts.merchantOrgId) : undefined,
          opts.brandId ? eq(brandAuthorizations.brandId, opts.brandId) : undefined,
        ),
      )
      .orderBy(desc(brandAuthorizations.createdAt))
      .limit(500);
  }

  async insertProduct(p: ProductRecord): Promise<void> {
    await this.db.insert(products).values(p);
  }
  async findProduct(id: string): Promise<ProductRecord | null> {
    return (await firstWhere(this.db, products, eq(products.id, id))) as ProductRecord | null;
  }
  async updateProduct(p: ProductRecord, expectVersion: number): Promise<boolean> {
    const { id, createdAt, merchantOrgId, ...rest } = p;
    return updateAtVersion(this.db, products, id, expectVersion, rest);
  }
  private productFilter(opts: {
    merchantOrgId?: string;
    status?: ProductStatus[];
    ids?: string[];
    crossBorder?: boolean;
  }): SQL | undefined {
    return and(
      opts.crossBorder ? eq(products.crossBorder, true) : undefined,
      opts.merchantOrgId ? eq(products.merchantOrgId, opts.merchantOrgId) : undefined,
      opts.status ? inArray(products.status, opts.status) : undefined,
      opts.ids ? inArray(products.id, opts.ids) : undefined,
    );
  }
  async listProducts(opts: {
    merchantOrgId?: string;
    status?: ProductStatus[];
    ids?: string[];
    crossBorder?: boolean;
    before?: Date;
    beforeId?: string;
    limit: number;
  }): Promise<ProductRecord[]> {
    if (opts.ids && opts.ids.length === 0) return [];
    return (await listWhere(this.db, products, {
      where: and(this.productFilter(opts), olderThan(products.createdAt, products.id, opts.before, opts.beforeId)),
      orderBy: newestFirst(products.createdAt, products.id),
      limit: opts.limit,
    })) as ProductRecord[];
  }
  async countProducts(opts: { merchantOrgId?: string; status?: ProductStatus[] }): Promise<number> {
    return countWhere(this.db, products, this.productFilter(opts));
  }
  async countProductsByStatus(opts: { merchantOrgId?: string }): Promise<Array<{ status: ProductStatus; n: number }>> {
    return this.db.select({ status: products.status, n: count() }).from(products).where(this.productFilter(opts)).groupBy(products.status);
  }
  async insertSku(s: SkuRecord): Promise<void> {
    await this.db.insert(productSkus).values(s);
  }
  async updateSku(s: SkuRecord): Promise<void> {
    await this.db
      .update(productSkus)
      .set({ name: s.name, code: s.code, priceFen: s.priceFen, updatedAt: s.updatedAt })
      .where(eq(productSkus.id, s.id));
  }
  async addSales(productId: string, n: number): Promise<void> {
    await this.db
      .update(products)
      .set({ salesCount: sql`${products.salesCount} + ${n}` })
      .where(eq(products.id, productId));
  }
  async listSkus(productIds: string[]): Promise<SkuRecord[]> {
    if (productIds.length === 0) return [];
    return this.db.select().from(productSkus).where(inArray(productSkus.productId, productIds)).orderBy(asc(productSkus.sort));
  }
  async findSku(id: string): Promise<SkuRecord | null> {
    return firstWhere(this.db, productSkus, eq(productSkus.id, id));
  }
  async takeSampleStock(productId: string, n: number): Promise<boolean> {
    const rows = await this.db
      .update(products)
      .set({ sampleStock: sql`${products.sampleStock} - ${n}` })
      .where(and(eq(products.id, productId), sql`${products.sampleStock} >= ${n}`))
      .returning({ id: products.id });
    return rows.length === 1;
  }
  async recordPrice(p: PricePointRecord): Promise<void> {
    // Close the open point of this SKU and source. A point opened at the same instant never took effect: it
    // closes at its own start (zero length) and lowestPrice ignores it.
    await this.db
      .update(pricePoints)
      .set({ validTo: sql`GREATEST(${pricePoints.validFrom}, ${p.validFrom.toISOString()}::timestamptz)` })
      .where(and(eq(pricePoints.skuId, p.skuId), eq(pricePoints.source, p.source), isNull(pricePoints.validTo)));
    await this.db.insert(pricePoints).values(p);
  }
  async insertPricePoint(p: PricePointRecord): Promise<void> {
    await this.db.insert(pricePoints).values(p);
  }
  async listPrices(skuId: string): Promise<PricePointRecord[]> {
    return this.db.select().from(pricePoints).where(eq(pricePoints.skuId, skuId)).orderBy(asc(pricePoints.validFrom), asc(pricePoints.id));
  }
  async lowestPrice(skuIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
    if (skuIds.length === 0) return new Map();
    const rows = await this.db
      .select({ skuId: pricePoints.skuId, low: sql<string>`min(${pricePoints.priceFen})` })
      .from(pricePoints)
      .where(
        and(
          inArray(pricePoints.skuId, skuIds),
          lt(pricePoints.validFrom, to),
          or(isNull(pricePoints.validTo), and(gt(pricePoints.validTo, from), sql`${pricePoints.validTo} > ${pricePoints.validFrom}`)),
        ),
      )
      .groupBy(pricePoints.skuId);
    return new Map(rows.map((r) => [r.skuId, Number(r.low)]));
  }
}
