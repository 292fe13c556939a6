/**
 * Drizzle implementation of the supply port (需求协同). An alert is stored once per session × SKU × level
 * (`demand_alerts_once_uq`, ON CONFLICT DO NOTHING); a second request of one alert to one supplier is refused by
 * `replenishment_requests_alert_supplier_uq` (23505 → `supply.replenishment_exists`).
 */
import {
  AppError,
  type CartAddCount,
  type DemandAlertRecord,
  type PurchaseOrderLineRecord,
  type PurchaseOrderRecord,
  type PurchaseOrderWithLines,
  type PurchaseReceiptRecord,
  type ReplenishmentRecord,
  type SupplierLinkRecord,
  type SupplyRepository,
} from '@livehub/core';
import type { ReplenishmentStatus } from '@livehub/contracts';
import { and, asc, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  demandAlerts,
  liveCartAdds,
  purchaseOrderLines,
  purchaseOrders,
  purchaseReceipts,
  replenishmentRequests,
  supplierLinks,
} from '../schema/supply.ts';

function pgCode(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
  }
  return undefined;
}

export class DrizzleSupplyRepository implements SupplyRepository {
  constructor(private readonly db: Db) {}

  async upsertLink(l: SupplierLinkRecord): Promise<SupplierLinkRecord> {
    const [row] = await this.db
      .insert(supplierLinks)
      .values(l)
      .onConflictDoUpdate({
        target: [supplierLinks.merchantOrgId, supplierLinks.supplierOrgId],
        set: { productIds: l.productIds, status: l.status, supplierKind: l.supplierKind, updatedAt: l.updatedAt },
      })
      .returning();
    return row as SupplierLinkRecord;
  }
  async findLink(id: string): Promise<SupplierLinkRecord | null> {
    const [row] = await this.db.select().from(supplierLinks).where(eq(supplierLinks.id, id)).limit(1);
    return (row as SupplierLinkRecord | undefined) ?? null;
  }
  async setLinkStatus(id: string, status: SupplierLinkRecord['status'], at: Date): Promise<void> {
    await this.db.update(supplierLinks).set({ status, updatedAt: at }).where(eq(supplierLinks.id, id));
  }
  async listLinks(opts: { merchantOrgIds?: string[]; supplierOrgId?: string; includeRemoved?: boolean }): Promise<SupplierLinkRecord[]> {
    const where: SQL[] = [];
    if (opts.merchantOrgIds) {
      if (opts.merchantOrgIds.length === 0) return [];
      where.push(inArray(supplierLinks.merchantOrgId, opts.merchantOrgIds));
    }
    if (opts.supplierOrgId) where.push(eq(supplierLinks.supplierOrgId, opts.supplierOrgId));
    if (!opts.includeRemoved) where.push(eq(supplierLinks.status, 'active'));
    return (await this.db
      .select()
      .from(supplierLinks)
      .where(and(...where))
      .orderBy(desc(supplierLinks.updatedAt), desc(supplierLinks.id))
      .limit(1000)) as SupplierLinkRecord[];
  }

  async insertAlert(a: DemandAlertRecord): Promise<boolean> {
    const rows = await this.db.insert(demandAlerts).values(a).onConflictDoNothing().returning({ id: demandAlerts.id });
    return rows.length > 0;
  }
  async addCart(sessionId: string, skuId: string, minute: number, at: Date): Promise<void> {
    await this.db
      .insert(liveCartAdds)
      .values({ sessionId, skuId, minute, adds: 1, updatedAt: at })
      .onConflictDoUpdate({
        target: [liveCartAdds.sessionId, liveCartAdds.skuId, liveCartAdds.minute],
        set: { adds: sql`${liveCartAdds.adds} + 1`, updatedAt: at },
      });
  }
  async cartAdds(sessionId: string): Promise<CartAddCount[]> {
    return this.db
      .select({ skuId: liveCartAdds.skuId, minute: liveCartAdds.minute, adds: liveCartAdds.adds })
      .from(liveCartAdds)
      .where(eq(liveCartAdds.sessionId, sessionId))
      .orderBy(asc(liveCartAdds.minute));
  }
  async findAlert(id: string): Promise<DemandAlertRecord | null> {
    const [row] = await this.db.select().from(demandAlerts).where(eq(demandAlerts.id, id)).limit(1);
    return (row as DemandAlertRecord | undefined) ?? null;
  }
  async listAlerts(opts: { sessionIds?: string[]; merchantOrgIds?: string[]; since?: Date; limit: number }): Promise<DemandAlertRecord[]> {
    const where: SQL[] = [];
    if (opts.sessionIds) {
      if (opts.sessionIds.length === 0) return [];
      where.push(inArray(demandAlerts.sessionId, opts.sessionIds));
    }
    if (opts.merchantOrgIds) {
      if (opts.merchantOrgIds.length === 0) return [];
      where.push(inArray(demandAlerts.merchantOrgId, opts.merchantOrgIds));
    }
    if (opts.since) where.push(gte(demandAlerts.createdAt, opts.since));
    return (await this.db
      .select()
      .from(demandAlerts)
      .where(and(...where))
      .orderBy(desc(demandAlerts.createdAt), desc(demandAlerts.id))
      .limit(opts.limit)) as DemandAlertRecord[];
  }

  async insertReplenishment(r: ReplenishmentRecord): Promise<void> {
    try {
      await this.db.insert(replenishmentRequests).values(r);
    } catch (e) {
      if (pgCode(e) === '23505') throw new AppError('supply.replenishment_exists', { field: 'alertId', cause: e });
      throw e;
    }
  }
  async findReplenishment(id: string, opts: { lock?: boolean } = {}): Promise<ReplenishmentRecord | null> {
    const q = this.db.select().from(replenishmentRequests).where(eq(replenishmentRequests.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as ReplenishmentRecord | undefined) ?? null;
  }
  async transitionReplenishment(
    id: string,
    from: ReplenishmentStatus,
    patch: Pick<ReplenishmentRecord, 'status' | 'updatedAt'> & Partial<Pick<ReplenishmentRecord, 'confirmedAt' | 'shippedAt'>>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(replenishmentRequests)
      .set(patch)
      .where(and(eq(replenishmentRequests.id, id), eq(replenishmentRequests.status, from)))
      .returning({ id: replenishmentRequests.id });
    return rows.length > 0;
  }
  async listReplenishments(opts: { merchantOrgId?: string; supplierOrgId?: string; limit: number }): Promise<ReplenishmentRecord[]> {
    const where: SQL[] = [];
    if (opts.merchantOrgId) where.push(eq(replenishmentRequests.merchantOrgId, opts.merchantOrgId));
    if (opts.supplierOrgId) where.push(eq(replenishmentRequests.supplierOrgId, opts.supplierOrgId));
    return (await this.db
      .select()
      .from(replenishmentRequests)
      .where(and(...where))
      .orderBy(desc(replenishmentRequests.createdAt), desc(replenishmentRequests.id))
      .limit(opts.limit)) as ReplenishmentRecord[];
  }

  // ── 采购单 ──

  async insertPurchaseOrder(po: PurchaseOrderRecord, lines: PurchaseOrderLineRecord[]): Promise<void> {
    try {
      await this.db.insert(purchaseOrders).values(po);
    } catch (e) {
      if (pgCode(e) === '23505' && po.replenishmentId)
        throw new AppError('supply.replenishment_ordered', { field: 'replenishmentId', cause: e });
      throw e;
    }
    if (lines.length > 0) await this.db.insert(purchaseOrderLines).values(lines);
  }
  async findPurchaseOrder(id: string, opts: { lock?: boolean } = {}): Promise<PurchaseOrderWithLines | null> {
    const q = this.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    if (!row) return null;
    return { ...(row as PurchaseOrderRecord), lines: await this.linesOf([id]) };
  }
  async transitionPurchaseOrder(
    id: string,
    from: readonly PurchaseOrderRecord['status'][],
    patch: Pick<PurchaseOrderRecord, 'status' | 'updatedAt'> &
      Partial<Pick<PurchaseOrderRecord, 'confirmedAt' | 'shippedAt' | 'endedAt' | 'endReason' | 'carrier' | 'trackingNo'>>,
  ): Promise<boolean> {
    if (from.length === 0) return false;
    const rows = await this.db
      .update(purchaseOrders)
      .set(patch)
      .where(and(eq(purchaseOrders.id, id), inArray(purchaseOrders.status, [...from])))
      .returning({ id: purchaseOrders.id });
    return rows.length > 0;
  }
  async updatePurchaseOrderLine(
    poId: string,
    lineNo: number,
    patch: Partial<Pick<PurchaseOrderLineRecord, 'shipped' | 'received' | 'rejected'>>,
  ): Promise<void> {
    await this.db
      .update(purchaseOrderLines)
      .set(patch)
      .where(and(eq(purchaseOrderLines.poId, poId), eq(purchaseOrderLines.lineNo, lineNo)));
  }
  async listPurchaseOrders(opts: {
    merchantOrgId?: string;
    supplierOrgId?: string;
    warehouseIds?: string[];
    statuses?: readonly PurchaseOrderRecord['status'][];
    limit: number;
  }): Promise<PurchaseOrderWithLines[]> {
    const where: SQL[] = [];
    if (opts.merchantOrgId) where.push(eq(purchaseOrders.merchantOrgId, opts.merchantOrgId));
    if (opts.supplierOrgId) where.push(eq(purchaseOrders.supplierOrgId, opts.supplierOrgId));
    if (opts.warehouseIds) {
      if (opts.warehouseIds.length === 0) return [];
      where.push(inArray(purchaseOrders.warehouseId, opts.warehouseIds));
    }
    if (opts.statuses) {
      if (opts.statuses.length === 0) return [];
      where.push(inArray(purchaseOrders.status, [...opts.statuses]));
    }
    const rows = (await this.db
      .select()
      .from(purchaseOrders)
      .where(and(...where))
      .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.id))
      .limit(opts.limit)) as PurchaseOrderRecord[];
    const lines = await this.linesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.poId === r.id) }));
  }
  async purchaseOrdersFor(replenishmentIds: string[]): Promise<Array<{ replenishmentId: string; id: string; number: string }>> {
    if (replenishmentIds.length === 0) return [];
    const rows = await this.db
      .select({ replenishmentId: purchaseOrders.replenishmentId, id: purchaseOrders.id, number: purchaseOrders.number })
      .from(purchaseOrders)
      .where(inArray(purchaseOrders.replenishmentId, replenishmentIds));
    return rows.flatMap((r) => (r.replenishmentId ? [{ replenishmentId: r.replenishmentId, id: r.id, number: r.number }] : []));
  }
  async insertPurchaseReceipt(r: PurchaseReceiptRecord): Promise<void> {
    await this.db.insert(purchaseReceipts).values(r);
  }
  async listPurchaseReceipts(poIds: string[]): Promise<PurchaseReceiptRecord[]> {
    if (poIds.length === 0) return [];
    return (await this.db
      .select()
      .from(purchaseReceipts)
      .where(inArray(purchaseReceipts.poId, poIds))
      .orderBy(asc(purchaseReceipts.receivedAt), asc(purchaseReceipts.id))) as PurchaseReceiptRecord[];
  }

  private async linesOf(poIds: string[]): Promise<PurchaseOrderLineRecord[]> {
    if (poIds.length === 0) return [];
    return (await this.db
      .select()
      .from(purchaseOrderLines)
      .where(inArray(purchaseOrderLines.poId, poIds))
      .orderBy(asc(purchaseOrderLines.poId), asc(purchaseOrderLines.lineNo))) as PurchaseOrderLineRecord[];
  }
}
