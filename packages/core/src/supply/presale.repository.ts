/**
 * The pre-sale's storage port (预售 · 反向定制): pre-sales, reservations with their deposit and balance payments,
 * production orders with their lines. Writes run in the caller's transaction.
 */
import type { PresaleStatus, ProductionOrderStatus } from '@livehub/contracts';
import type {
  PresaleRecord,
  PresaleReservationRecord,
  ProductionOrderLineRecord,
  ProductionOrderRecord,
  ProductionOrderWithLines,
} from './presale.types.ts';

export interface PresaleRepository {
  insertPresale(p: PresaleRecord): Promise<void>;
  /** `lock` takes the pre-sale's row for the transaction (closing and cancelling serialise with deposits) */
  findPresale(id: string, opts?: { lock?: boolean }): Promise<PresaleRecord | null>;
  /** moves a pre-sale from one of `from`; false when it was no longer there */
  transitionPresale(
    id: string,
    from: readonly PresaleStatus[],
    patch: Pick<PresaleRecord, 'status' | 'updatedAt'> & Partial<Pick<PresaleRecord, 'closedAt' | 'endReason'>>,
  ): Promise<boolean>;
  /** a merchant's pre-sales (or, without one, the open ones), newest first */
  listPresales(opts: { merchantOrgId?: string; statuses?: readonly PresaleStatus[]; limit: number }): Promise<PresaleRecord[]>;
  findPresales(ids: string[]): Promise<PresaleRecord[]>;

  insertReservation(r: PresaleReservationRecord): Promise<void>;
  findReservation(id: string, opts?: { lock?: boolean }): Promise<PresaleReservationRecord | null>;
  /** the reservation a deposit or balance payment belongs to */
  findReservationByPayment(paymentId: string, opts?: { lock?: boolean }): Promise<PresaleReservationRecord | null>;
  updateReservation(r: PresaleReservationRecord): Promise<void>;
  listReservations(opts: { presaleIds?: string[]; buyerUserId?: string; limit: number }): Promise<PresaleReservationRecord[]>;

  insertProductionOrder(o: ProductionOrderRecord, lines: ProductionOrderLineRecord[]): Promise<void>;
  findProductionOrder(id: string, opts?: { lock?: boolean }): Promise<ProductionOrderWithLines | null>;
  productionOrdersOf(presaleIds: string[]): Promise<ProductionOrderWithLines[]>;
  listProductionOrders(opts: { supplierOrgId: string; limit: number }): Promise<ProductionOrderWithLines[]>;
  /** moves a production order from one of `from`; false when it was no longer there */
  transitionProductionOrder(
    id: string,
    from: readonly ProductionOrderStatus[],
    patch: Pick<ProductionOrderRecord, 'status' | 'updatedAt'> &
      Partial<Pick<ProductionOrderRecord, 'confirmedAt' | 'shippedAt' | 'progressPct' | 'progressNote' | 'carrier' | 'trackingNo'>>,
  ): Promise<boolean>;
}
