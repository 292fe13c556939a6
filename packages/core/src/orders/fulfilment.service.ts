/**
 * The order lifecycle after placement: 取消 (cancel), 发货 (ship), 确认收货 (deliver), every transition through the
 * state table with its audit entry and outbox event, and the stock a closed order gives back.
 */
import type { OrderView } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { StockPostingService } from '../inventory/index.ts';
import { AppError } from '../errors.ts';
import type { CounterStore } from '../ports/kv.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { flashSaleKeys } from './flash-sale.rules.ts';
import { type MoneyScope, type OrderMoney, orderFacts } from './money.port.ts';
import type { OrderViewService } from './order-view.service.ts';
import { newPackage, resolveCarrier, trackingNoFits } from './logistics.rules.ts';
import { shipDaysLate } from './order.rules.ts';
import { nextStatus, type OrderEvent } from './order-state.ts';
import type { OrderRecord } from './order.types.ts';
import { type RoomNotices, reservedQty } from './orders.internal.ts';
import type { SoldOutBoard } from './sold-out-board.ts';

export interface FulfilmentDeps {
  /**
   * (`MoneyScope`: only handed to the money port with the transaction of a completion; `inventory`: only handed to
   * the stock ledger's `shipIn` with the shipment's transaction)
   */
  uow: ScopedUnitOfWork<'orders' | 'users' | 'orgs' | 'live' | 'audit' | 'outbox' | 'inventory' | MoneyScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  counters: CounterStore;
  soldOut: SoldOutBoard;
  notices: RoomNotices;
  views: OrderViewService;
  /** where the money moves (the settlement context); none: no ledger (unit tests) */
  money?: OrderMoney | undefined;
  /** the stock ledger (inventory): a shipment leaves a warehouse */
  stock: StockPostingService;
}

export class FulfilmentService {
  constructor(private readonly d: FulfilmentDeps) {}

  /** Applies one lifecycle event through the state table, with an optimistic version check and an audit entry. */
  async transition(
    tx: Pick<Repositories, 'orders' | 'audit' | 'outbox' | MoneyScope>,
    actor: Actor,
    o: OrderRecord,
    event: OrderEvent,
    patch: Partial<OrderRecord>,
    detail: Record<string, unknown> = {},
  ): Promise<OrderRecord> {
    const to = nextStatus(o.status, event);
    if (!to) throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: event } });
    const now = this.d.clock.now();
    const next: OrderRecord = { ...o, ...patch, status: to, version: o.version + 1, updatedAt: now };
    if (!(await tx.orders.updateOrder(next, o.version))) throw new AppError('orders.stale', { field: 'id' });
    await this.d.audit.record(tx, actor, {
      action: `order.${event}`,
      targetType: 'order',
      targetId: o.id,
      orgId: o.merchantOrgId,
      detail: { from: o.status, to, ...detail },
    });
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic: `order.${to}`,
      payload: {
        orderId: o.id,
        sessionId: o.sessionId,
        from: o.status,
        merchantOrgId: o.merchantOrgId,
        streamerUserId: o.streamerUserId,
        // 发货时效: a shipment says how many days it was late (48 hours after payment); a completed order whether it
        // shipped in time
        ...(to === 'shipped' && next.shippedAt ? { daysLate: shipDaysLate(next.paidAt, next.shippedAt) } : {}),
        ...(to === 'completed' ? { onTime: !next.shippedAt || shipDaysLate(next.paidAt, next.shippedAt) === 0 } : {}),
      },
      createdAt: now,
      publishedAt: null,
    });
    // 分账: the completion's split is posted in the same transaction
    if (to === 'completed' && this.d.money) await this.d.money.completed(tx, await orderFacts(tx, next));
    return next;
  }

  /** Gives held stock back: to the SKU, or to its flash sale while the sale runs. */
  async releaseStock(tx: Pick<Repositories, 'orders'>, o: OrderRecord, from: 'held' | 'sold' = 'held'): Promise<void> {
    const now = this.d.clock.now();
    const moving = (await tx.orders.listReservations(o.id)).filter((r) => r.status === from);
    await tx.orders.setReservations(o.id, from, 'released', now);
    for (const r of moving) {
      if (!r.flashSaleId) {
        await tx.orders.putBackStock(r.skuId, r.qty);
        continue;
      }
      await tx.orders.deleteClaims(o.id);
      const f = await tx.orders.findFlashSale(r.flashSaleId, { lock: true });
      if (f && f.status !== 'scheduled') {
        // the sale is over: the unit goes back to the SKU, as the sale's own unsold units did
        await tx.orders.putBackStock(r.skuId, r.qty);
        await tx.orders.updateFlashSale({ ...f, returnedQty: f.returnedQty + r.qty, updatedAt: now });
      }
    }
  }

  /** After the transaction: a released flash unit goes back on the counters. */
  async releaseCounters(o: OrderRecord, qty: number): Promise<void> {
    if (!o.flashSaleId) return;
    const f = await this.d.uow.read.orders.findFlashSale(o.flashSaleId);
    if (f?.status === 'scheduled') {
      await this.d.counters.incr(flashSaleKeys.user(f.id, o.buyerUserId), -qty);
      const left = await this.d.counters.incr(flashSaleKeys.left(f.id), qty);
      // every process drops its sold-out mark: the unit is on sale again
      this.d.soldOut.restocked(f.id);
      this.d.notices.stock(f, left, true);
    }
  }

  /** 取消订单: the buyer, before paying (the merchant may also cancel an unpaid order). */
  async cancel(actor: Actor, id: string, reason: string): Promise<OrderView> {
    let qty = 0;
    const { order, view } = await this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o) throw new AppError('orders.not_found', { field: 'id' });
      const as = this.d.views.readable(actor, o);
      if (as !== 'buyer' && as !== 'merchant') throw new AppError('orders.not_found', { field: 'id' });
      qty = await reservedQty(tx, o.id, 'held');
      await this.releaseStock(tx, o);
      const next = await this.transition(tx, actor, o, 'cancel', { cancelledAt: this.d.clock.now(), cancelReason: reason }, { reason });
      return { order: next, view: await this.d.views.view(tx, next, await tx.orders.listLines([o.id]), { as }) };
    });
    await this.releaseCounters(order, qty);
    return view;
  }

  /**
   * 发货: the merchant ships a paid order with carrier and tracking number, from a warehouse (named, or the first of
   * the merchant's that holds every line): the reservations go sold → shipped and the shipment leaves the ledger.
   */
  async ship(
    actor: Actor,
    id: string,
    input: { carrier: string; trackingNo: string; warehouseId?: string | undefined },
  ): Promise<OrderView> {
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o || actor.role !== 'merchant_staff' || actor.orgId !== o.merchantOrgId) throw new AppError('orders.not_found', { field: 'id' });
      // 包裹: a carrier the platform knows and a waybill number of its form; the package is subscribed after commit
      const carrier = resolveCarrier(input.carrier);
      if (!carrier) throw new AppError('logistics.unknown_carrier', { field: 'carrier' });
      const trackingNo = input.trackingNo.trim().toUpperCase();
      if (!trackingNoFits(carrier, trackingNo)) throw new AppError('logistics.bad_tracking_no', { field: 'trackingNo' });
      const now = this.d.clock.now();
      const name = carrier.aliases[0] as string;
      const next = await this.transition(
        tx,
        actor,
        o,
        'ship',
        { shippedAt: now, carrier: name, trackingNo },
        { carrier: name, carrierCode: carrier.code, trackingNo },
      );
      // 出库: the sold units leave the chosen warehouse (on hand and reserved fall together; sellable stays)
      const lines = (await tx.orders.listReservations(o.id)).filter((r) => r.status === 'sold');
      await tx.orders.setReservations(o.id, 'sold', 'shipped', now);
      await this.d.stock.shipIn(tx, actor, { id: o.id, merchantOrgId: o.merchantOrgId, lines }, input.warehouseId);
      await tx.orders.insertPackage(
        newPackage(this.d.ids.next(), { orderId: o.id }, { merchantOrgId: o.merchantOrgId, carrier: carrier.code, trackingNo, now }),
      );
      return this.d.views.view(tx, next, await tx.orders.listLines([o.id]), { as: 'merchant' });
    });
  }

  /** 确认收货 (buyer) or the carrier's delivery signal (merchant): the 7-day return window starts now. */
  async deliver(actor: Actor, id: string): Promise<OrderView> {
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o) throw new AppError('orders.not_found', { field: 'id' });
      const as = this.d.views.readable(actor, o);
      if (as !== 'buyer' && as !== 'merchant') throw new AppError('orders.not_found', { field: 'id' });
      const next = await this.transition(tx, actor, o, 'deliver', { deliveredAt: this.d.clock.now() }, { by: as });
      return this.d.views.view(tx, next, await tx.orders.listLines([o.id]), { as });
    });
  }
}
