/** 库存 (inventory): warehouses, the stock ledger and what is derived from it. docs/supply.md § Stock model. */

import { MOVEMENT_KIND_VALUES } from '@livehub/contracts';

/** the movement kinds of the ledger (one list, in the contracts) */
export const MOVEMENT_KINDS = MOVEMENT_KIND_VALUES;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** 仓库: a merchant's own, or a service provider's (then merchants hold stock in it as its clients). */
export interface WarehouseRecord {
  id: string;
  ownerOrgId: string;
  ownerKind: 'merchant' | 'service_provider';
  name: string;
  region: string;
  address: string;
  status: 'active' | 'closed';
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** 出入库流水: one movement of one SKU in one warehouse; never updated nor deleted. */
export interface MovementRecord {
  id: string;
  skuId: string;
  warehouseId: string;
  merchantOrgId: string;
  kind: MovementKind;
  /** signed: + into the warehouse, − out of it */
  qty: number;
  reason: string | null;
  refType: string | null;
  refId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  at: Date;
}

/** 在库 per SKU per warehouse: the ledger's sum, kept in each movement's transaction. */
export interface StockLevelRecord {
  skuId: string;
  warehouseId: string;
  merchantOrgId: string;
  onHand: number;
  updatedAt: Date;
}

/** What the inventory context knows of a SKU: its owner and its sellable number (the catalog's row). */
export interface SkuStockFacts {
  skuId: string;
  productId: string;
  merchantOrgId: string;
  skuName: string;
  productTitle: string;
  /** 可售 */
  sellable: number;
  /** 安全库存 */
  safetyBuffer: number;
}

/** One movement to post. */
export interface MovementInput {
  skuId: string;
  warehouseId: string;
  kind: MovementKind;
  /** signed, by the kind's direction (see `movementProblem`) */
  qty: number;
  reason?: string | null | undefined;
  refType?: string | null | undefined;
  refId?: string | null | undefined;
}

export interface WarehouseInput {
  name: string;
  region: string;
  address: string;
}

/** A SKU's stock at a glance: on hand per warehouse, and the SKU-wide numbers. */
export interface SkuStockView {
  skuId: string;
  productId: string;
  productTitle: string;
  skuName: string;
  /** 在库 across the warehouses */
  onHand: number;
  /** 占用: held and sold, not yet shipped, plus flash-sale carve-outs still out */
  reserved: number;
  safetyBuffer: number;
  /** 可售 */
  sellable: number;
  warehouses: Array<{ warehouseId: string; onHand: number }>;
}

export interface MovementFilter {
  skuId?: string | undefined;
  warehouseId?: string | undefined;
  kind?: MovementKind | undefined;
  refId?: string | undefined;
  limit: number;
  offset: number;
}
