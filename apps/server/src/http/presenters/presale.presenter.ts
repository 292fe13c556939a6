/** Pure presenters of the pre-sale (预售 · 反向定制): listings → the contract's shapes (dates as ISO). */
import type { PresaleReservationView, PresaleView, ProductionOrderView } from '@livehub/contracts';
import type { PresaleListing, ProductionOrderListing, ReservationListing } from '@livehub/core';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentProductionOrder = (o: ProductionOrderListing): ProductionOrderView => ({
  id: o.id,
  number: o.number,
  presaleId: o.presaleId,
  presaleTitle: o.presaleTitle,
  merchantOrgId: o.merchantOrgId,
  merchantName: o.merchantName,
  supplierOrgId: o.supplierOrgId,
  supplierName: o.supplierName,
  productName: o.productName,
  status: o.status,
  promisedShipOn: o.promisedShipOn,
  warehouseId: o.warehouseId,
  progressPct: o.progressPct,
  progressNote: o.progressNote,
  carrier: o.carrier,
  trackingNo: o.trackingNo,
  lines: o.lines,
  totalQty: o.totalQty,
  createdAt: o.createdAt.toISOString(),
  confirmedAt: iso(o.confirmedAt),
  shippedAt: iso(o.shippedAt),
});

export const presentPresale = (p: PresaleListing): PresaleView => ({
  id: p.id,
  merchantOrgId: p.merchantOrgId,
  merchantName: p.merchantName,
  productId: p.productId,
  productName: p.productName,
  title: p.title,
  status: p.status,
  depositFen: p.depositFen,
  balanceFen: p.balanceFen,
  depositStartAt: p.depositStartAt.toISOString(),
  depositEndAt: p.depositEndAt.toISOString(),
  balanceStartAt: p.balanceStartAt.toISOString(),
  balanceEndAt: p.balanceEndAt.toISOString(),
  specs: p.specs,
  demand: p.demand,
  depositsPaidFen: p.depositsPaidFen,
  endReason: p.endReason,
  productionOrder: p.productionOrder ? presentProductionOrder(p.productionOrder) : null,
  createdAt: p.createdAt.toISOString(),
  closedAt: iso(p.closedAt),
});

export const presentReservation = (r: ReservationListing): PresaleReservationView => ({
  id: r.id,
  presaleId: r.presaleId,
  presaleTitle: r.presaleTitle,
  presaleStatus: r.presaleStatus,
  productName: r.productName,
  skuId: r.skuId,
  skuName: r.skuName,
  qty: r.qty,
  depositFen: r.depositFen,
  balanceFen: r.balanceFen,
  depositStatus: r.depositStatus,
  balanceStatus: r.balanceStatus,
  stage: r.stage,
  balanceStartAt: r.balanceStartAt.toISOString(),
  balanceEndAt: r.balanceEndAt.toISOString(),
  promisedShipOn: r.promisedShipOn,
  progressPct: r.progressPct,
  shippedAt: r.shippedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});
