/**
 * Drizzle implementation of the inventory port (库存): warehouses, the insert-only ledger, its projection
 * `stock_levels`, and the SKU's sellable number (`product_skus.stock`, whose only writers are the inventory
 * context's movements and the orders context's reservations; ADR 0029).
 */
import type { InventoryRepository, MovementFilter, MovementRecord, SkuStockFacts, StockLevelRecord, WarehouseRecord } from '@livehub/core';
import { and, asc, count, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { productSkus, products } from '../schema/catalog.ts';
import { stockLevels, stockMovements, warehouseClients, warehouses } from '../schema/inventory.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const facts = {
  skuId: productSkus.id,
  productId: productSkus.productId,
  merchantOrgId: products.merchantOrgId,
  skuName: productSkus.name,
  productTitle: products.title,
  sellable: productSkus.stock,
  safetyBuffer: productSkus.safetyBuffer,
};

export class DrizzleInventoryRepository implements InventoryRepository {
  constructor(private readonly db: Db) {}

  async insertWarehouse(w: WarehouseRecord): Promise<void> {
    await this.db.insert(warehouses).values(w);
  }
  async updateWarehouse(w: WarehouseRecord): Promise<void> {
    const { id, createdAt, ...rest } = w;
    await this.db.update(warehouses).set(rest).where(eq(warehouses.id, id));
  }
  async findWarehouse(id: string): Promise<WarehouseRecord | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.db.select().from(warehouses).where(eq(warehouses.id, id)).limit(1);
    return row ?? null;
  }
  async listWarehouses(orgId: string | null): Promise<WarehouseRecord[]> {
    const q = this.db.select().from(warehouses);
    const rows = orgId
      ? await q.where(
          or(
            eq(warehouses.ownerOrgId, orgId),
            inArray(
              warehouses.id,
              this.db.select({ id: warehouseClients.warehouseId }).from(warehouseClients).where(eq(warehouseClients.merchantOrgId, orgId)),
            ),
          ),
        )
      : await q;
    return rows.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, 'zh-CN'));
  }
  async defaultWarehouse(merchantOrgId: string): Promise<WarehouseRecord | null> {
    const [row] = await this.db
      .select()
      .from(warehouses)
      .where(and(eq(warehouses.ownerOrgId, merchantOrgId), eq(warehouses.isDefault, true)))
      .limit(1);
    return row ?? null;
  }
  async addClient(warehouseId: string, merchantOrgId: string, at: Date): Promise<void> {
    await this.db.insert(warehouseClients).values({ warehouseId, merchantOrgId, createdAt: at }).onConflictDoNothing();
  }
  async isClient(warehouseId: string, merchantOrgId: string): Promise<boolean> {
    const rows = await this.db
      .select({ w: warehouseClients.warehouseId })
      .from(warehouseClients)
      .where(and(eq(warehouseClients.warehouseId, warehouseId), eq(warehouseClients.merchantOrgId, merchantOrgId)))
      .limit(1);
    return rows.length === 1;
  }
  async listClients(warehouseId: string): Promise<string[]> {
    const rows = await this.db
      .select({ m: warehouseClients.merchantOrgId })
      .from(warehouseClients)
      .where(eq(warehouseClients.warehouseId, warehouseId));
    return rows.map((r) => r.m);
  }

  async insertMovement(m: MovementRecord): Promise<void> {
    await this.db.insert(stockMovements).values(m);
  }
  async raiseLevel(skuId: string, warehouseId: string, merchantOrgId: string, qty: number, at: Date): Promise<void> {
    await this.db
      .insert(stockLevels)
      .values({ skuId, warehouseId, merchantOrgId, onHand: qty, updatedAt: at })
      .onConflictDoUpdate({
        target: [stockLevels.skuId, stockLevels.warehouseId],
        set: { onHand: sql`${stockLevels.onHand} + ${qty}`, updatedAt: at },
      });
  }
  async lowerLevel(skuId: string, warehouseId: string, qty: number, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} - ${qty}`, updatedAt: at })
      .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId), gte(stockLevels.onHand, qty)))
      .returning({ s: stockLevels.skuId });
    return rows.length === 1;
  }
  async levels(opts: { skuIds?: string[]; warehouseId?: string; merchantOrgId?: string }): Promise<StockLevelRecord[]> {
    if (opts.skuIds && opts.skuIds.length === 0) return [];
    return this.db
      .select()
      .from(stockLevels)
      .where(
        and(
          opts.skuIds ? inArray(stockLevels.skuId, opts.skuIds) : undefined,
          opts.warehouseId ? eq(stockLevels.warehouseId, opts.warehouseId) : undefined,
          opts.merchantOrgId ? eq(stockLevels.merchantOrgId, opts.merchantOrgId) : undefined,
        ),
      );
  }
  async listMovements(opts: MovementFilter & { merchantOrgId?: string | undefined }): Promise<{ rows: MovementRecord[]; total: number }> {
    const conds: Array<SQL | undefined> = [
      opts.merchantOrgId ? eq(stockMovements.merchantOrgId, opts.merchantOrgId) : undefined,
      opts.skuId ? eq(stockMovements.skuId, opts.skuId) : undefined,
      opts.warehouseId ? eq(stockMovements.warehouseId, opts.warehouseId) : undefined,
      opts.kind ? eq(stockMovements.kind, opts.kind) : undefined,
      opts.refId ? eq(stockMovements.refId, opts.refId) : undefined,
    ];
    const where = and(...conds);
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(stockMovements)
        .where(where)
        .orderBy(desc(stockMovements.at), desc(stockMovements.id))
        .limit(opts.limit)
        .offset(opts.offset),
      this.db.select({ n: count() }).from(stockMovements).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  }
  async skuMovements(skuId: string): Promise<MovementRecord[]> {
    return this.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.skuId, skuId))
      .orderBy(asc(stockMovements.at), asc(stockMovements.id));
  }

  async skuFacts(skuId: string, opts: { lock?: boolean } = {}): Promise<SkuStockFacts | null> {
    if (!UUID.test(skuId)) return null;
    const q = this.db
      .select(facts)
      .from(productSkus)
      .innerJoin(products, eq(products.id, productSkus.productId))
      .where(eq(productSkus.id, skuId))
      .limit(1);
    const [row] = opts.lock ? await q.for('update', { of: productSkus }) : await q;
    return row ?? null;
  }
  async skuFactsMany(skuIds: string[]): Promise<SkuStockFacts[]> {
    if (skuIds.length === 0) return [];
    return this.db
      .select(facts)
      .from(productSkus)
      .innerJoin(products, eq(products.id, productSkus.productId))
      .where(inArray(productSkus.id, skuIds));
  }
  async merchantSkus(merchantOrgId: string): Promise<SkuStockFacts[]> {
    return this.db
      .select(facts)
      .from(productSkus)
      .innerJoin(products, eq(products.id, productSkus.productId))
      .where(eq(products.merchantOrgId, merchantOrgId))
      .orderBy(desc(products.createdAt), asc(productSkus.sort))
      .limit(500);
  }
  async moveSellable(skuId: string, delta: number): Promise<boolean> {
    const rows = await this.db
      .update(productSkus)
      .set({ stock: sql`${productSkus.stock} + ${delta}` })
      .where(and(eq(productSkus.id, skuId), sql`${productSkus.stock} + ${delta} >= 0`))
      .returning({ id: productSkus.id });
    return rows.length === 1;
  }
  async setSafetyBuffer(skuId: string, buffer: number): Promise<void> {
    await this.db.update(productSkus).set({ safetyBuffer: buffer }).where(eq(productSkus.id, skuId));
  }
}
