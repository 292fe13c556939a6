/**
 * The supply context's storage port (需求协同): supplier links, demand alerts (once per session × SKU × level: the
 * unique key decides, so racing ticks cannot raise one twice) and replenishment requests. Writes run in the
 * caller's transaction.
 */
import type { ReplenishmentStatus } from '@livehub/contracts';
import type {
  CartAddCount,
  DemandAlertRecord,
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  PurchaseOrderWithLines,
  PurchaseReceiptRecord,
  ReplenishmentRecord,
  SupplierLinkRecord,
} from './supply.types.ts';

export interface SupplyRepository {
  /** inserts or, for the same merchant and supplier, replaces products and status; returns the stored link */
  upsertLink(l: SupplierLinkRecord): Promise<SupplierLinkRecord>;
  findLink(id: string): Promise<SupplierLinkRecord | null>;
  setLinkStatus(id: string, status: SupplierLinkRecord['status'], at: Date): Promise<void>;
  /** active links of the merchants (`merchantOrgIds`) or of the supplier (`supplierOrgId`), newest first */
  listLinks(opts: { merchantOrgIds?: string[]; supplierOrgId?: string; includeRemoved?: boolean }): Promise<SupplierLinkRecord[]>;

  /** false when that session, SKU and level already has its alert */
  insertAlert(a: DemandAlertRecord): Promise<boolean>;
  findAlert(id: string): Promise<DemandAlertRecord | null>;
  /** alerts of the sessions or merchants, newest first */
  listAlerts(opts: { sessionIds?: string[]; merchantOrgIds?: string[]; since?: Date; limit: number }): Promise<DemandAlertRecord[]>;

  /** adds one 加购 to the session × SKU × minute counter (one upsert; the first creates it at 1) */
  addCart(sessionId: string, skuId: string, minute: number, at: Date): Promise<void>;
  /** the session's 加购 counters, per SKU per minute */
  cartAdds(sessionId: string): Promise<CartAddCount[]>;

  /** throws AppError `supply.replenishment_exists` when that alert already has a request to that supplier */
  insertReplenishment(r: ReplenishmentRecord): Promise<void>;
  findReplenishment(id: string, opts?: { lock?: boolean }): Promise<ReplenishmentRecord | null>;
  /** moves a request from `from` to `patch.status`; false when it was no longer there */
  transitionReplenishment(
    id: string,
    from: ReplenishmentStatus,
    patch: Pick<ReplenishmentRecord, 'status' | 'updatedAt'> & Partial<Pick<ReplenishmentRecord, 'confirmedAt' | 'shippedAt'>>,
  ): Promise<boolean>;
  listReplenishments(opts: { merchantOrgId?: string; supplierOrgId?: string; limit: number }): Promise<ReplenishmentRecord[]>;

  // ── 采购单 ──
  /** throws AppError `supply.replenishment_ordered` when that 补货 request already has its purchase order */
  insertPurchaseOrder(po: PurchaseOrderRecord, lines: PurchaseOrderLineRecord[]): Promise<void>;
  /** the order with its lines; `lock` takes the order's row for the transaction */
  findPurchaseOrder(id: string, opts?: { lock?: boolean }): Promise<PurchaseOrderWithLines | null>;
  /** moves an order from `from` to `patch.status`; false when it was no longer there */
  transitionPurchaseOrder(
    id: string,
    from: readonly PurchaseOrderRecord['status'][],
    patch: Pick<PurchaseOrderRecord, 'status' | 'updatedAt'> &
      Partial<Pick<PurchaseOrderRecord, 'confirmedAt' | 'shippedAt' | 'endedAt' | 'endReason' | 'carrier' | 'trackingNo'>>,
  ): Promise<boolean>;
  /** sets a line's shipped / received / rejected counts */
  updatePurchaseOrderLine(
    poId: string,
    lineNo: number,
    patch: Partial<Pick<PurchaseOrderLineRecord, 'shipped' | 'received' | 'rejected'>>,
  ): Promise<void>;
  /** the merchant's or the supplier's orders, newest first, with their lines */
  listPurchaseOrders(opts: {
    merchantOrgId?: string;
    supplierOrgId?: string;
    warehouseIds?: string[];
    statuses?: readonly PurchaseOrderRecord['status'][];
    limit: number;
  }): Promise<PurchaseOrderWithLines[]>;
  /** the purchase orders answering these 补货 requests */
  purchaseOrdersFor(replenishmentIds: string[]): Promise<Array<{ replenishmentId: string; id: string; number: string }>>;
  insertPurchaseReceipt(r: PurchaseReceiptRecord): Promise<void>;
  /** receipts of the orders, oldest first */
  listPurchaseReceipts(poIds: string[]): Promise<PurchaseReceiptRecord[]>;
}
