/** The inventory context's public entry: 库存 — warehouses, the stock ledger and the sellable number it keeps. */
export type { InventoryRepository } from './inventory.repository.ts';
export { bufferDelta, movementProblem, movesSellable, needsOf, pickWarehouse, reservedOf } from './inventory.rules.ts';
export { InventoryService } from './inventory.service.ts';
export type { InventoryDeps } from './inventory.service.ts';
export { DEFAULT_WAREHOUSE_NAME, StockPostingService } from './stock-posting.service.ts';
export type { InventoryTx, StockPostingDeps } from './stock-posting.service.ts';
export { MOVEMENT_KINDS } from './inventory.types.ts';
export type {
  MovementFilter,
  MovementInput,
  MovementKind,
  MovementRecord,
  SkuStockFacts,
  SkuStockView,
  StockLevelRecord,
  WarehouseInput,
  WarehouseRecord,
} from './inventory.types.ts';
