/**
 * 预售's lifecycle for the merchant (ADR 0035; docs/supply.md § Pre-sale and C2M): 新建 (draft) → 开始预售 (open to
 * deposits) → 截单生产 (closed: the paid demand per specification becomes the production order to one of the
 * merchant's suppliers with a promised ship day, in the closing's own transaction) — or 取消 before the production
 * order, every paid deposit refunded through the provider's refund path. It never writes the orders' tables.
 */
import type { PresaleStatus } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { linkCovers } from './demand.rules.ts';
import { aggregateDemand, depositsToRefund, PRESALE_RULES, productionOrderNumber, shipOnProblem, windowsOrdered } from './presale.rules.ts';
import type { PresaleRecord, PresaleReservationRecord, ProductionOrderLineRecord, ProductionOrderRecord } from './presale.types.ts';
import type { PresalePaymentService } from './presale-payment.service.ts';
import type { PresaleProductionService } from './presale-production.service.ts';
import type { PresaleListing, PresaleViewService } from './presale-view.service.ts';
import { merchantOf, type PresaleDeps, specsOf } from './presale.internal.ts';

export interface PresaleInput {
  productId: string;
  title: string;
  depositFen: number;
  balanceFen: number;
  depositStartAt: string;
  depositEndAt: string;
  balanceStartAt: string;
  balanceEndAt: string;
}

export interface PresaleLifecycleDeps extends PresaleDeps {
  views: PresaleViewService;
  payments: PresalePaymentService;
  production: PresaleProductionService;
}

export class PresaleLifecycleService {
  constructor(private readonly d: PresaleLifecycleDeps) {}

  /** 新建预售 (draft): one of the merchant's products, deposit and balance per unit, ordered windows. */
  async create(actor: Actor, input: PresaleInput): Promise<PresaleListing> {
    const merchantOrgId = merchantOf(actor);
    const w = {
      depositStartAt: new Date(input.depositStartAt),
      depositEndAt: new Date(input.depositEndAt),
      balanceStartAt: new Date(input.balanceStartAt),
      balanceEndAt: new Date(input.balanceEndAt),
    };
    if (!windowsOrdered(w)) {
      const field =
        w.depositStartAt >= w.depositEndAt ? 'depositEndAt' : w.balanceStartAt < w.depositEndAt ? 'balanceStartAt' : 'balanceEndAt';
      throw new AppError('presale.windows', { field });
    }
    if (input.depositFen < 0 || input.balanceFen < 0) throw new AppError('request.invalid', { field: 'depositFen' });
    const now = this.d.clock.now();
    const rec: PresaleRecord = {
      id: this.d.ids.next(),
      merchantOrgId,
      productId: input.productId,
      title: input.title.trim(),
      status: 'draft',
      depositFen: input.depositFen,
      balanceFen: input.balanceFen,
      ...w,
      endReason: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await this.d.uow.transaction(async (tx) => {
      const skus = await specsOf(tx, merchantOrgId, input.productId);
      if (skus.length === 0) throw new AppError('presale.not_your_product', { field: 'productId' });
      await tx.presales.insertPresale(rec);
      await this.d.audit.record(tx, actor, {
        action: 'presale.create',
        targetType: 'presale',
        targetId: rec.id,
        detail: { productId: rec.productId, depositFen: rec.depositFen, balanceFen: rec.balanceFen },
      });
    });
    return this.d.views.one(rec);
  }

  /** 开始预售: a draft opens to deposits (they are taken inside the deposit window). */
  async open(actor: Actor, id: string): Promise<PresaleListing> {
    return this.merchantStep(actor, id, PRESALE_RULES.openable, 'open');
  }

  /**
   * 截单生产: closes an open pre-sale and, in the same transaction, sends the production order — the paid demand per
   * specification — to one of the merchant's suppliers named for the product, with the promised ship day.
   */
  async close(
    actor: Actor,
    id: string,
    input: { supplierOrgId: string; promisedShipOn: string; warehouseId?: string | undefined },
  ): Promise<PresaleListing> {
    const merchantOrgId = merchantOf(actor);
    const now = this.d.clock.now();
    const ship = shipOnProblem(input.promisedShipOn, now);
    if (ship) throw new AppError(ship === 'past' ? 'presale.ship_past' : 'request.invalid', { field: 'promisedShipOn' });
    const rec = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findPresale(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('presale.not_found', { field: 'id' });
      if (!PRESALE_RULES.closable.includes(cur.status))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      const links = (await tx.supply.listLinks({ merchantOrgIds: [merchantOrgId] })).filter(
        (l) => l.supplierOrgId === input.supplierOrgId && linkCovers(l.productIds, cur.productId),
      );
      if (links.length === 0) throw new AppError('supply.not_your_supplier', { field: 'supplierOrgId' });
      // 收货仓: one of the merchant's active warehouses (else 404 inventory.warehouse_not_found on warehouseId)
      const warehouse = input.warehouseId ? await this.d.stock.warehouseFor(tx, input.warehouseId, merchantOrgId) : null;
      const specs = await specsOf(tx, merchantOrgId, cur.productId);
      const demand = aggregateDemand(
        await tx.presales.listReservations({ presaleIds: [cur.id], limit: 100_000 }),
        specs.map((s) => s.skuId),
      );
      if (demand.length === 0) throw new AppError('presale.empty', { field: 'id' });
      const poId = this.d.ids.next();
      const po: ProductionOrderRecord = {
        id: poId,
        number: productionOrderNumber(poId, now),
        presaleId: cur.id,
        merchantOrgId,
        supplierOrgId: input.supplierOrgId,
        status: 'sent',
        promisedShipOn: input.promisedShipOn,
        warehouseId: warehouse?.id ?? null,
        progressPct: 0,
        progressNote: null,
        carrier: null,
        trackingNo: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        confirmedAt: null,
        shippedAt: null,
      };
      const lines: ProductionOrderLineRecord[] = demand.map((x) => ({ productionOrderId: poId, skuId: x.skuId, qty: x.qty }));
      const patch = { status: 'closed' as const, updatedAt: now, closedAt: now };
      if (!(await tx.presales.transitionPresale(cur.id, [cur.status], patch)))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      await tx.presales.insertProductionOrder(po, lines);
      const totalQty = lines.reduce((s, l) => s + l.qty, 0);
      await this.d.audit.record(tx, actor, {
        action: 'presale.close',
        targetType: 'presale',
        targetId: cur.id,
        detail: { productionOrderId: poId, number: po.number, supplierOrgId: po.supplierOrgId, lines: lines.length, totalQty },
      });
      await this.d.production.event(tx, 'presale.production_sent', { ...po, lines }, cur, now);
      return { ...cur, ...patch };
    });
    return this.d.views.one(rec);
  }

  /**
   * 取消预售 (draft or open): every paid deposit is refunded through the provider — the refunds recorded in this
   * transaction (deposit → `refunding`, each buyer told), sent after commit; the provider's notice ends each one.
   */
  async cancel(actor: Actor, id: string, reason: string): Promise<PresaleListing> {
    const merchantOrgId = merchantOf(actor);
    const now = this.d.clock.now();
    const { rec, refunds } = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findPresale(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('presale.not_found', { field: 'id' });
      if (!PRESALE_RULES.cancellable.includes(cur.status))
        throw new AppError(cur.status === 'cancelled' ? 'presale.state' : 'presale.cancel_after_production', {
          field: 'status',
          details: { status: cur.status },
        });
      const patch = { status: 'cancelled' as const, updatedAt: now, endReason: reason.trim() };
      if (!(await tx.presales.transitionPresale(cur.id, [cur.status], patch)))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      const paid = depositsToRefund(await tx.presales.listReservations({ presaleIds: [cur.id], limit: 100_000 }));
      const refunds: PresaleReservationRecord[] = [];
      for (const r of paid) refunds.push(await this.d.payments.refundIn(tx, actor, r, cur, `预售取消：${patch.endReason}`, now));
      await this.d.audit.record(tx, actor, {
        action: 'presale.cancel',
        targetType: 'presale',
        targetId: cur.id,
        detail: { reason: patch.endReason, refunds: refunds.length, refundFen: refunds.reduce((s, r) => s + r.depositFen, 0) },
      });
      return { rec: { ...cur, ...patch }, refunds };
    });
    for (const r of refunds) await this.d.payments.sendRefund(r, `预售取消：${rec.endReason ?? ''}`);
    return this.d.views.one(rec);
  }

  private async merchantStep(actor: Actor, id: string, from: readonly PresaleStatus[], to: PresaleStatus): Promise<PresaleListing> {
    const merchantOrgId = merchantOf(actor);
    const now = this.d.clock.now();
    const rec = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findPresale(id, { lock: true });
      if (!cur || cur.merchantOrgId !== merchantOrgId) throw new AppError('presale.not_found', { field: 'id' });
      if (!from.includes(cur.status)) throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      const patch = { status: to, updatedAt: now };
      if (!(await tx.presales.transitionPresale(cur.id, [cur.status], patch)))
        throw new AppError('presale.state', { field: 'status', details: { status: cur.status } });
      await this.d.audit.record(tx, actor, { action: `presale.${to}`, targetType: 'presale', targetId: cur.id, detail: {} });
      return { ...cur, ...patch };
    });
    return this.d.views.one(rec);
  }
}
