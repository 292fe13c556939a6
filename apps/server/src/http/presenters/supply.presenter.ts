/** Pure presenters of the supply context (需求协同): records and listings → the contract's shapes (dates as ISO). */
import type {
  DemandAlertView,
  DemandBoard,
  DemandSessionView,
  PurchaseOrderView,
  ReplenishmentView,
  SupplierLinkView,
} from '@livehub/contracts';
import type {
  DemandAlertListing,
  DemandBoardListing,
  DemandSessionListing,
  PurchaseOrderListing,
  ReplenishmentListing,
  SupplierLinkListing,
  SupplierOrg,
} from '@livehub/core';

export const presentSupplierLink = (l: SupplierLinkListing): SupplierLinkView => ({
  id: l.id,
  merchantOrgId: l.merchantOrgId,
  merchantName: l.merchantName,
  supplierOrgId: l.supplierOrgId,
  supplierName: l.supplierName,
  supplierKind: l.supplierKind,
  productIds: l.productIds,
  productNames: l.productNames,
  status: l.status,
  updatedAt: l.updatedAt.toISOString(),
});

export const presentSupplierOption = (o: SupplierOrg) => ({ id: o.id, name: o.name, kind: o.kind });

export const presentDemandAlert = (a: DemandAlertListing): DemandAlertView => ({
  id: a.id,
  sessionId: a.sessionId,
  sessionTitle: a.sessionTitle,
  merchantOrgId: a.merchantOrgId,
  merchantName: a.merchantName,
  productId: a.productId,
  productName: a.productName,
  skuId: a.skuId,
  level: a.level,
  stock: a.stock,
  ratePerMinute: a.ratePerMinute,
  projectedMinutes: a.projectedMinutes,
  suggestedQty: a.suggestedQty,
  createdAt: a.createdAt.toISOString(),
});

export const presentDemandSession = (s: DemandSessionListing): DemandSessionView => ({
  sessionId: s.sessionId,
  title: s.title,
  streamerName: s.streamerName,
  status: s.status,
  startedAt: s.startedAt?.toISOString() ?? null,
  skus: s.skus,
  alerts: s.alerts.map(presentDemandAlert),
});

export const presentDemandBoard = (b: DemandBoardListing): DemandBoard => ({
  generatedAt: b.generatedAt.toISOString(),
  sessions: b.sessions.map(presentDemandSession),
  alerts: b.alerts.map(presentDemandAlert),
});

export const presentReplenishment = (r: ReplenishmentListing): ReplenishmentView => ({
  id: r.id,
  merchantOrgId: r.merchantOrgId,
  merchantName: r.merchantName,
  supplierOrgId: r.supplierOrgId,
  supplierName: r.supplierName,
  productId: r.productId,
  productName: r.productName,
  skuId: r.skuId,
  sessionId: r.sessionId,
  alertId: r.alertId,
  qty: r.qty,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
  shippedAt: r.shippedAt?.toISOString() ?? null,
  purchaseOrderId: r.purchaseOrder?.id ?? null,
  purchaseOrderNumber: r.purchaseOrder?.number ?? null,
});

export const presentPurchaseOrder = (p: PurchaseOrderListing): PurchaseOrderView => ({
  id: p.id,
  number: p.number,
  merchantOrgId: p.merchantOrgId,
  merchantName: p.merchantName,
  supplierOrgId: p.supplierOrgId,
  supplierName: p.supplierName,
  warehouseId: p.warehouseId,
  warehouseName: p.warehouseName,
  status: p.status,
  expectedOn: p.expectedOn,
  note: p.note,
  replenishmentId: p.replenishmentId,
  carrier: p.carrier,
  trackingNo: p.trackingNo,
  endReason: p.endReason,
  totalFen: p.totalFen,
  lines: p.lines.map((l) => ({
    lineNo: l.lineNo,
    skuId: l.skuId,
    productId: l.productId,
    productName: l.productName,
    skuName: l.skuName,
    qty: l.qty,
    unitCostFen: l.unitCostFen,
    shipped: l.shipped,
    received: l.received,
    rejected: l.rejected,
  })),
  receipts: p.receipts.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    receivedBy: r.receivedByLabel,
    note: r.note,
    lines: r.lines,
  })),
  createdAt: p.createdAt.toISOString(),
  confirmedAt: p.confirmedAt?.toISOString() ?? null,
  shippedAt: p.shippedAt?.toISOString() ?? null,
  endedAt: p.endedAt?.toISOString() ?? null,
});
