/** The supply context's public entry: 需求协同 — suppliers, live demand and its alerts, replenishment requests. */
export type { DemandSource, SupplierDirectory } from './demand-source.port.ts';
export { DEMAND_VIEWERS, SUPPLIER_ROLES } from './demand-scope.ts';
export {
  alertLevel,
  CART_SEEN_TTL_MS,
  cartSeenKey,
  cartSeenSubject,
  DEMAND_RULES,
  ewmaRate,
  projectSellOut,
  sessionMinute,
  skuDemand,
  suggestedQty,
} from './demand.rules.ts';
export { CART_ADD_TOPIC, CartSignalService } from './cart-signal.service.ts';
export type { CartSignalDeps, CartSignalResult } from './cart-signal.service.ts';
export type { DemandLine } from './demand.rules.ts';
export { DEMAND_TOPICS, DemandService } from './demand.service.ts';
export type { DemandDeps } from './demand.service.ts';
export { SupplierService } from './supplier.service.ts';
export type { SupplierDeps } from './supplier.service.ts';
export type { SupplyRepository } from './supply.repository.ts';
export type * from './supply.types.ts';
export {
  PO_RULES,
  purchaseOrderNumber,
  purchaseOrderTotal,
  receiptProblem,
  shipQuantities,
  statusAfterReceipt,
} from './purchase-order.rules.ts';
export { PurchaseOrderService } from './purchase-order.service.ts';
export type { PurchaseOrderDeps, PurchaseOrderInput, ReceiptInput } from './purchase-order.service.ts';
export {
  aggregateDemand,
  balanceOpen,
  depositOpen,
  depositOutcome,
  depositsToRefund,
  PRESALE_RULES,
  productionOrderNumber,
  reservationStage,
  windowsOrdered,
} from './presale.rules.ts';
export type { PresaleRepository } from './presale.repository.ts';
export { PresaleService } from './presale.service.ts';
export type {
  PresaleDeps,
  PresaleInput,
  PresaleListing,
  PresaleScope,
  ProductionOrderListing,
  ReservationListing,
} from './presale.service.ts';
export type * from './presale.types.ts';
