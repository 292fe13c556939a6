/**
 * Drizzle implementation of the pre-sale port (预售 · 反向定制): pre-sales, reservations (found by their deposit or
 * balance payment id, each unique), production orders (one per pre-sale, `production_orders_presale_uq`) with lines.
 */
import type {
  PresaleRecord,
  PresaleRepository,
  PresaleReservationRecord,
  ProductionOrderLineRecord,
  ProductionOrderRecord,
  ProductionOrderWithLines,
} from '@livehub/core';
import type { PresaleStatus, ProductionOrderStatus } from '@livehub/contracts';
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { presaleReservations, presales, productionOrderLines, productionOrders } from '../schema/presales.ts';

export class DrizzlePresaleRepository implements PresaleRepository {
  constructor(private readonly db: Db) {}

  async insertPresale(p: PresaleRecord): Promise<void> {
    await this.db.insert(presales).values(p);
  }
  async findPresale(id: string, opts: { lock?: boolean } = {}): Promise<PresaleRecord | null> {
    const q = this.db.select().from(presales).where(eq(presales.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as PresaleRecord | undefined) ?? null;
  }
  async transitionPresale(
    id: string,
    from: readonly PresaleStatus[],
    patch: Pick<PresaleRecord, 'status' | 'updatedAt'> & Partial<Pick<PresaleRecord, 'closedAt' | 'endReason'>>,
  ): Promise<boolean> {
    if (from.length === 0) return false;
    const rows = await this.db
      .update(presales)
      .set(patch)
      .where(and(eq(presales.id, id), inArray(presales.status, [...from])))
      .returning({ id: presales.id });
    return rows.length > 0;
  }
  async listPresales(opts: { merchantOrgId?: string; statuses?: readonly PresaleStatus[]; limit: number }): Promise<PresaleRecord[]> {
    const where: SQL[] = [];
    if (opts.merchantOrgId) where.push(eq(presales.merchantOrgId, opts.merchantOrgId));
    if (opts.statuses) {
      if (opts.statuses.length === 0) return [];
      where.push(inArray(presales.status, [...opts.statuses]));
    }
    return (await this.db
      .select()
      .from(presales)
      .where(and(...where))
      .orderBy(desc(presales.createdAt), desc(presales.id))
      .limit(opts.limit)) as PresaleRecord[];
  }
  async findPresales(ids: string[]): Promise<PresaleRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db.select().from(presales).where(inArray(presales.id, ids))) as PresaleRecord[];
  }

  async insertReservation(r: PresaleReservationRecord): Promise<void> {
    await this.db.insert(presaleReservations).values(r);
  }
  async findReservation(id: string, opts: { lock?: boolean } = {}): Promise<PresaleReservationRecord | null> {
    const q = this.db.select().from(presaleReservations).where(eq(presaleReservations.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as PresaleReservationRecord | undefined) ?? null;
  }
  async findReservationByPayment(paymentId: string, opts: { lock?: boolean } = {}): Promise<PresaleReservationRecord | null> {
    const q = this.db
      .select()
      .from(presaleReservations)
      .where(or(eq(presaleReservations.depositPaymentId, paymentId), eq(presaleReservations.balancePaymentId, paymentId)))
      .limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as PresaleReservationRecord | undefined) ?? null;
  }
  async updateReservation(r: PresaleReservationRecord): Promise<void> {
    const { id, ...rest } = r;
    await this.db.update(presaleReservations).set(rest).where(eq(presaleReservations.id, id));
  }
  async listReservations(opts: { presaleIds?: string[]; buyerUserId?: string; limit: number }): Promise<PresaleReservationRecord[]> {
    const where: SQL[] = [];
    if (opts.presaleIds) {
      if (opts.presaleIds.length === 0) return [];
      where.push(inArray(presaleReservations.presaleId, opts.presaleIds));
    }
    if (opts.buyerUserId) where.push(eq(presaleReservations.buyerUserId, opts.buyerUserId));
    return (await this.db
      .select()
      .from(presaleReservations)
      .where(and(...where))
      .orderBy(desc(presaleReservations.createdAt), desc(presaleReservations.id))
      .limit(opts.limit)) as PresaleReservationRecord[];
  }

  async insertProductionOrder(o: ProductionOrderRecord, lines: ProductionOrderLineRecord[]): Promise<void> {
    await this.db.insert(productionOrders).values(o);
    if (lines.length > 0) await this.db.insert(productionOrderLines).values(lines);
  }
  async findProductionOrder(id: string, opts: { lock?: boolean } = {}): Promise<ProductionOrderWithLines | null> {
    const q = this.db.select().from(productionOrders).where(eq(productionOrders.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    if (!row) return null;
    return { ...(row as ProductionOrderRecord), lines: await this.linesOf([id]) };
  }
  async productionOrdersOf(presaleIds: string[]): Promise<ProductionOrderWithLines[]> {
    if (presaleIds.length === 0) return [];
    return this.withLines(
      (await this.db.select().from(productionOrders).where(inArray(productionOrders.presaleId, presaleIds))) as ProductionOrderRecord[],
    );
  }
  async listProductionOrders(opts: { supplierOrgId: string; limit: number }): Promise<ProductionOrderWithLines[]> {
    return this.withLines(
      (await this.db
        .select()
        .from(productionOrders)
        .where(eq(productionOrders.supplierOrgId, opts.supplierOrgId))
        .orderBy(desc(productionOrders.createdAt), desc(productionOrders.id))
        .limit(opts.limit)) as ProductionOrderRecord[],
    );
  }
  async transitionProductionOrder(
    id: string,
    from: readonly ProductionOrderStatus[],
    patch: Pick<ProductionOrderRecord, 'status' | 'updatedAt'> &
      Partial<Pick<ProductionOrderRecord, 'confirmedAt' | 'shippedAt' | 'progressPct' | 'progressNote' | 'carrier' | 'trackingNo'>>,
  ): Promise<boolean> {
    if (from.length === 0) return false;
    const rows = await this.db
      .update(productionOrders)
      .set(patch)
      .where(and(eq(productionOrders.id, id), inArray(productionOrders.status, [...from])))
      .returning({ id: productionOrders.id });
    return rows.length > 0;
  }

  private async withLines(rows: ProductionOrderRecord[]): Promise<ProductionOrderWithLines[]> {
    const lines = await this.linesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.productionOrderId === r.id) }));
  }
  private async linesOf(ids: string[]): Promise<ProductionOrderLineRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db
      .select()
      .from(productionOrderLines)
      .where(inArray(productionOrderLines.productionOrderId, ids))
      .orderBy(asc(productionOrderLines.productionOrderId), asc(productionOrderLines.skuId))) as ProductionOrderLineRecord[];
  }
}
