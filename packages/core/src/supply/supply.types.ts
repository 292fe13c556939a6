/** The supply context's records (需求协同: suppliers, live-demand alerts, replenishment requests). docs/supply.md. */
import type { DemandAlertLevel, PurchaseOrderStatus, ReplenishmentStatus } from '@livehub/contracts';

export type SupplierKind = 'service_provider' | 'merchant';

/** A merchant names an organization as its supplier (供应商) of every product (null) or of the listed ones. */
export interface SupplierLinkRecord {
  id: string;
  merchantOrgId: string;
  supplierOrgId: string;
  supplierKind: SupplierKind;
  productIds: string[] | null;
  status: 'active' | 'removed';
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Raised once per SKU per session per level. */
export interface DemandAlertRecord {
  id: string;
  sessionId: string;
  merchantOrgId: string;
  productId: string;
  skuId: string;
  level: DemandAlertLevel;
  stock: number;
  ratePerMinute: number;
  projectedMinutes: number | null;
  suggestedQty: number;
  createdAt: Date;
}

/** 补货: a small record the purchase-order work will turn into a purchase order. */
export interface ReplenishmentRecord {
  id: string;
  merchantOrgId: string;
  supplierOrgId: string;
  productId: string;
  skuId: string;
  sessionId: string | null;
  alertId: string | null;
  qty: number;
  status: ReplenishmentStatus;
  requestedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt: Date | null;
  shippedAt: Date | null;
}

/** 加购 counted in one session minute for one SKU (the aggregate: no viewer in it). */
export interface CartAddCount {
  skuId: string;
  /** minutes since the session started (0 = its first minute) */
  minute: number;
  adds: number;
}

/** A live session as live demand reads it (the live context's reader). */
export interface DemandSession {
  id: string;
  title: string;
  streamerUserId: string;
  status: string;
  startedAt: Date | null;
  products: Array<{ productId: string; merchantOrgId: string }>;
}

/** A SKU and its sellable units now (the stock reader: the inventory context's sellable figure). */
export interface DemandSku {
  id: string;
  productId: string;
  name: string;
  stock: number;
}

export interface SupplierOrg {
  id: string;
  name: string;
  kind: SupplierKind;
}

// ── views (names looked up in one batch per page; the server presents dates) ──

export interface SupplierLinkListing extends SupplierLinkRecord {
  merchantName: string;
  supplierName: string;
  productNames: string[];
}

export interface DemandAlertListing extends DemandAlertRecord {
  sessionTitle: string;
  merchantName: string;
  productName: string;
}

export interface DemandSkuListing {
  sessionId: string;
  productId: string;
  productName: string;
  skuId: string;
  skuName: string;
  merchantOrgId: string;
  merchantName: string;
  stock: number;
  soldLastMinute: number;
  soldTotal: number;
  ordersPaid: number;
  ordersPlaced: number;
  ordersPlacedLastMinute: number;
  /** 加购 in the session (signed-in viewers' taps, once per viewer per SKU per minute) */
  cartAdds: number;
  /** 加购 in the session's running minute */
  cartAddsThisMinute: number;
  ratePerMinute: number;
  projectedMinutes: number | null;
  level: DemandAlertRecord['level'] | null;
  minutes: Array<{ minute: number; sold: number; placed: number; carts: number }>;
}

export interface DemandSessionListing {
  sessionId: string;
  title: string;
  streamerName: string;
  status: string;
  startedAt: Date | null;
  skus: DemandSkuListing[];
  alerts: DemandAlertListing[];
}

export interface DemandBoardListing {
  generatedAt: Date;
  sessions: DemandSessionListing[];
  alerts: DemandAlertListing[];
}

export interface ReplenishmentListing extends ReplenishmentRecord {
  merchantName: string;
  supplierName: string;
  productName: string;
  /** the purchase order answering it (转采购单), if any */
  purchaseOrder: { id: string; number: string } | null;
}

// ── 采购单 ──

/** A purchase order from a merchant to one of its suppliers, into one warehouse. */
export interface PurchaseOrderRecord {
  id: string;
  /** 采购单号, CG + China day + 8 characters */
  number: string;
  merchantOrgId: string;
  supplierOrgId: string;
  warehouseId: string;
  status: PurchaseOrderStatus;
  /** 预计到货, a China day YYYY-MM-DD */
  expectedOn: string;
  note: string | null;
  replenishmentId: string | null;
  carrier: string | null;
  trackingNo: string | null;
  endReason: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt: Date | null;
  shippedAt: Date | null;
  endedAt: Date | null;
}

export interface PurchaseOrderLineRecord {
  poId: string;
  lineNo: number;
  skuId: string;
  productId: string;
  qty: number;
  unitCostFen: number;
  shipped: number;
  received: number;
  rejected: number;
}

/** 收货: one receipt of a purchase order, with its quality check per line. Insert-only. */
export interface PurchaseReceiptRecord {
  id: string;
  poId: string;
  lines: Array<{ lineNo: number; accepted: number; rejected: number; reason: string | null }>;
  note: string | null;
  receivedBy: string | null;
  receivedByLabel: string;
  receivedAt: Date;
}

export interface PurchaseOrderWithLines extends PurchaseOrderRecord {
  lines: PurchaseOrderLineRecord[];
}

export interface PurchaseOrderListing extends PurchaseOrderWithLines {
  merchantName: string;
  supplierName: string;
  warehouseName: string;
  totalFen: number;
  lines: Array<PurchaseOrderLineRecord & { productName: string; skuName: string }>;
  receipts: PurchaseReceiptRecord[];
}
