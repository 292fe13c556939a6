/**
 * The supply context's storage port (需求协同): supplier links, demand alerts (once per session × SKU × level: the
 * unique key decides, so racing ticks cannot raise one twice) and replenishment requests. Writes run in the
 * caller's transaction.
 */
import type { ReplenishmentStatus } from '@livehub/contracts';
import type { DemandAlertRecord, ReplenishmentRecord, SupplierLinkRecord } from './supply.types.ts';

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
}
