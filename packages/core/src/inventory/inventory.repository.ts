/** The inventory port: warehouses, the ledger, its projection, and the SKU's sellable number. */
import type { MovementFilter, MovementRecord, SkuStockFacts, StockLevelRecord, WarehouseRecord } from './inventory.types.ts';

export interface InventoryRepository {
  insertWarehouse(w: WarehouseRecord): Promise<void>;
  updateWarehouse(w: WarehouseRecord): Promise<void>;
  findWarehouse(id: string): Promise<WarehouseRecord | null>;
  /** the warehouses an organisation owns, or holds stock in as a client */
  listWarehouses(orgId: string | null): Promise<WarehouseRecord[]>;
  /** the merchant's default warehouse, locked (so two first needs create one) */
  defaultWarehouse(merchantOrgId: string): Promise<WarehouseRecord | null>;
  addClient(warehouseId: string, merchantOrgId: string, at: Date): Promise<void>;
  isClient(warehouseId: string, merchantOrgId: string): Promise<boolean>;
  listClients(warehouseId: string): Promise<string[]>;

  insertMovement(m: MovementRecord): Promise<void>;
  /** on hand += qty (qty > 0), creating the row */
  raiseLevel(skuId: string, warehouseId: string, merchantOrgId: string, qty: number, at: Date): Promise<void>;
  /** on hand −= qty (qty > 0) when that many are there; false (nothing changed) otherwise */
  lowerLevel(skuId: string, warehouseId: string, qty: number, at: Date): Promise<boolean>;
  levels(opts: { skuIds?: string[]; warehouseId?: string; merchantOrgId?: string }): Promise<StockLevelRecord[]>;
  listMovements(opts: MovementFilter & { merchantOrgId?: string | undefined }): Promise<{ rows: MovementRecord[]; total: number }>;
  /** every movement of one SKU, oldest first */
  skuMovements(skuId: string): Promise<MovementRecord[]>;

  /** the SKU's owner and sellable number; `lock` takes its row */
  skuFacts(skuId: string, opts?: { lock?: boolean }): Promise<SkuStockFacts | null>;
  skuFactsMany(skuIds: string[]): Promise<SkuStockFacts[]>;
  /** the merchant's SKUs (for the stock page) */
  merchantSkus(merchantOrgId: string): Promise<SkuStockFacts[]>;
  /** 可售 += delta when it stays ≥ 0; false (nothing changed) otherwise */
  moveSellable(skuId: string, delta: number): Promise<boolean>;
  setSafetyBuffer(skuId: string, buffer: number): Promise<void>;
}
