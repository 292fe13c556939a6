/**
 * 预售's factory (ADR 0035; docs/supply.md § Pre-sale and C2M): the production order (生产单) sent at closing is
 * confirmed (接单), reported on (生产进度) and shipped (发货) in the factory's console — each step locked, checked
 * against PRESALE_RULES.production, audited and told (the outbox) — and the pre-sale follows it. Shipping posts the
 * produced units through the stock ledger: received into the warehouse, delivered to each balance-paid buyer.
 */
import type { PresaleStatus } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import { deliverable, PRESALE_RULES } from './presale.rules.ts';
import type { PresaleRecord, ProductionOrderWithLines } from './presale.types.ts';
import type { ProductionOrderListing, PresaleViewService } from './presale-view.service.ts';
import { type PresaleDeps, type PresaleTx, supplierOf } from './presale.internal.ts';

export interface PresaleProductionDeps extends PresaleDeps {
  views: PresaleViewService;
}

export class PresaleProductionService {
  constructor(private readonly d: PresaleProductionDeps) {}

  /** 接单: the factory confirms a sent production order. */
  async confirmProduction(actor: Actor, id: string): Promise<ProductionOrderListing> {
    return this.factoryStep(actor, id, 'confirm', (now) => ({ status: 'confirmed', updatedAt: now, confirmedAt: now }));
  }

  /** 生产进度: the factory reports progress (percent, note); the pre-sale reads 生产中. */
  async reportProgress(
    actor: Actor,
    id: string,
    input: { progressPct: number; note?: string | undefined },
  ): Promise<ProductionOrderListing> {
    return this.factoryStep(actor, id, 'progress', (now) => ({
      status: 'in_production',
      updatedAt: now,
      progressPct: input.progressPct,
      progressNote: input.note?.trim() || null,
    }));
  }

  /**
   * 发货: the factory ships the production order (carrier, tracking number); the pre-sale reads 已发货. In the same
   * transaction the produced units enter the warehouse named at closing (else the merchant's default one) as
   * `receipt` movements and each
   * balance-paid reservation's units leave it as a `shipment` to its buyer (ref: the reservation) — every unit traced
   * from receipt to the buyer. A reservation whose balance is unpaid is not delivered (尾款未付（未发货）); its units
   * stay on hand and on sale. The order moves only once, so a second call is refused and nothing is posted twice.
   */
  async shipProduction(actor: Actor, id: string, input: { carrier: string; trackingNo: string }): Promise<ProductionOrderListing> {
    return this.factoryStep(
      actor,
      id,
      'ship',
      (now) => ({
        status: 'shipped',
        updatedAt: now,
        shippedAt: now,
        progressPct: 100,
        carrier: input.carrier.trim(),
        trackingNo: input.trackingNo.trim(),
      }),
      async (tx, po) => {
        const reservations = await tx.presales.listReservations({ presaleIds: [po.presaleId], limit: 100_000 });
        const deliveries = deliverable(reservations);
        const w = await this.d.stock.productionIn(tx, actor, po, deliveries, po.warehouseId);
        return {
          warehouseId: w.id,
          receivedQty: po.lines.reduce((s, l) => s + l.qty, 0),
          delivered: deliveries.length,
          deliveredQty: deliveries.reduce((s, r) => s + r.qty, 0),
        };
      },
    );
  }

  private async factoryStep(
    actor: Actor,
    id: string,
    step: keyof typeof PRESALE_RULES.production,
    patchAt: (now: Date) => Parameters<PresaleTx['presales']['transitionProductionOrder']>[2],
    /** what the step does besides moving the order, in its transaction once moved; returns the audit's detail */
    within?: (tx: PresaleTx, po: ProductionOrderWithLines) => Promise<Record<string, unknown>>,
  ): Promise<ProductionOrderListing> {
    const org = supplierOf(actor);
    const now = this.d.clock.now();
    const rule = PRESALE_RULES.production[step];
    const po = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.presales.findProductionOrder(id, { lock: true });
      if (!cur || cur.supplierOrgId !== org) throw new AppError('presale.production_not_found', { field: 'id' });
      if (!(rule.from as readonly string[]).includes(cur.status))
        throw new AppError('presale.production_state', { field: 'status', details: { status: cur.status } });
      const patch = patchAt(now);
      if (!(await tx.presales.transitionProductionOrder(cur.id, rule.from, patch)))
        throw new AppError('presale.production_state', { field: 'status', details: { status: cur.status } });
      // the pre-sale follows its factory: 生产中 once progress is reported, 已发货 once shipped
      const presaleTo: PresaleStatus | null =
        patch.status === 'in_production' ? 'in_production' : patch.status === 'shipped' ? 'shipped' : null;
      if (presaleTo) await tx.presales.transitionPresale(cur.presaleId, ['closed', 'in_production'], { status: presaleTo, updatedAt: now });
      const extra = within ? await within(tx, cur) : {};
      await this.d.audit.record(tx, actor, {
        action: `production_order.${step}`,
        targetType: 'production_order',
        targetId: cur.id,
        detail: { number: cur.number, status: patch.status, progressPct: patch.progressPct ?? cur.progressPct, ...extra },
      });
      const next = { ...cur, ...patch };
      const p = (await tx.presales.findPresale(cur.presaleId)) as PresaleRecord;
      await this.event(tx, `presale.production_${patch.status}`, next, p, now);
      return next;
    });
    return (await this.d.views.productionListed([po]))[0] as ProductionOrderListing;
  }

  /** The production order's event (the outbox), in the caller's transaction: sent at closing, then each factory step. */
  async event(tx: PresaleTx, topic: string, po: ProductionOrderWithLines, p: PresaleRecord, now: Date): Promise<void> {
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic,
      payload: {
        productionOrderId: po.id,
        number: po.number,
        presaleId: p.id,
        title: p.title,
        merchantOrgId: po.merchantOrgId,
        supplierOrgId: po.supplierOrgId,
        status: po.status,
        promisedShipOn: po.promisedShipOn,
        qty: po.lines.reduce((s, l) => s + l.qty, 0),
      },
      createdAt: now,
      publishedAt: null,
    });
  }
}
