/**
 * 预售 · 反向定制 (pre-sale and C2M, issue #20 item 5). A merchant pre-sells one product: buyers reserve a
 * specification (SKU) and pay a deposit (定金) per unit through the payment provider; closing the pre-sale
 * aggregates the paid demand per specification into a production order (生产单) to one of the merchant's suppliers
 * with a promised ship day — in the closing's own transaction; the factory confirms, reports progress and ships in
 * its console; buyers pay the balance (尾款) in the balance window and read their reservation's progress. Cancelling
 * (before the production order) refunds every paid deposit through the provider's refund path.
 *
 * Deposits and balances are payments of their own (not orders'): the payment service hands their notifications here
 * (`ForeignPaymentHandler`). ADR 0035; docs/supply.md § Pre-sale and C2M. It never writes the orders' tables.
 *
 * The pre-sales' one public entry: it composes the job services and delegates — the merchant's steps (create, open,
 * close, cancel: presale-lifecycle.service.ts), the buyer's deposits and balances, the provider's notices and the
 * refunds (presale-payment.service.ts), the factory's steps with the stock postings (presale-production.service.ts)
 * and the reads (presale-view.service.ts). What they share is in presale.internal.ts.
 */
import type { PaymentNotification } from '../orders/payment.port.ts';
import type { Actor } from '../shared/actor.ts';
import type { PresaleDeps } from './presale.internal.ts';
import { type PresaleInput, PresaleLifecycleService } from './presale-lifecycle.service.ts';
import { PresalePaymentService } from './presale-payment.service.ts';
import { PresaleProductionService } from './presale-production.service.ts';
import { type PresaleListing, type ProductionOrderListing, PresaleViewService, type ReservationListing } from './presale-view.service.ts';

export type { PresaleDeps, PresaleScope } from './presale.internal.ts';
export type { PresaleInput } from './presale-lifecycle.service.ts';
export type { PresaleListing, ProductionOrderListing, ReservationListing } from './presale-view.service.ts';

export class PresaleService {
  private readonly lifecycle: PresaleLifecycleService;
  private readonly payments: PresalePaymentService;
  private readonly production: PresaleProductionService;
  private readonly views: PresaleViewService;

  constructor(d: PresaleDeps) {
    const views = new PresaleViewService(d);
    this.views = views;
    this.payments = new PresalePaymentService({ ...d, views });
    this.production = new PresaleProductionService({ ...d, views });
    this.lifecycle = new PresaleLifecycleService({ ...d, views, payments: this.payments, production: this.production });
  }

  // ── the merchant (presale-lifecycle.service.ts) ──

  /** 新建预售 (draft): one of the merchant's products, deposit and balance per unit, ordered windows. */
  create(actor: Actor, input: PresaleInput): Promise<PresaleListing> {
    return this.lifecycle.create(actor, input);
  }

  /** 开始预售: a draft opens to deposits (they are taken inside the deposit window). */
  open(actor: Actor, id: string): Promise<PresaleListing> {
    return this.lifecycle.open(actor, id);
  }

  /**
   * 截单生产: closes an open pre-sale and, in the same transaction, sends the production order — the paid demand per
   * specification — to one of the merchant's suppliers named for the product, with the promised ship day.
   */
  close(
    actor: Actor,
    id: string,
    input: { supplierOrgId: string; promisedShipOn: string; warehouseId?: string | undefined },
  ): Promise<PresaleListing> {
    return this.lifecycle.close(actor, id, input);
  }

  /**
   * 取消预售 (draft or open): every paid deposit is refunded through the provider — the refunds recorded in this
   * transaction (deposit → `refunding`, each buyer told), sent after commit; the provider's notice ends each one.
   */
  cancel(actor: Actor, id: string, reason: string): Promise<PresaleListing> {
    return this.lifecycle.cancel(actor, id, reason);
  }

  // ── reads (presale-view.service.ts) ──

  /** The merchant's pre-sales (merchant staff), or the open ones a buyer may reserve. */
  list(actor: Actor): Promise<PresaleListing[]> {
    return this.views.list(actor);
  }

  /** One pre-sale: its merchant's staff see everything; anyone signed in sees an open (or later) one without demand. */
  get(actor: Actor, id: string): Promise<PresaleListing> {
    return this.views.get(actor, id);
  }

  /** The buyer's own reservations, newest first, with the stage and the factory's progress. */
  myReservations(actor: Actor): Promise<ReservationListing[]> {
    return this.views.myReservations(actor);
  }

  /** 生产单 sent to the caller's organization (a service provider's or a merchant's acting as factory). */
  productionOrders(actor: Actor): Promise<ProductionOrderListing[]> {
    return this.views.productionOrders(actor);
  }

  // ── the buyer (presale-payment.service.ts) ──

  /** 付定金: reserves `qty` of one specification and opens the deposit payment with the provider. */
  reserve(
    actor: Actor,
    presaleId: string,
    input: { skuId: string; qty: number },
    returnOrigin?: string,
  ): Promise<{ reservation: ReservationListing; paymentId: string; payUrl: string; amountFen: number }> {
    return this.payments.reserve(actor, presaleId, input, returnOrigin);
  }

  /** 付尾款: opens the balance payment of a reservation whose deposit is paid, inside the balance window. */
  payBalance(
    actor: Actor,
    reservationId: string,
    returnOrigin?: string,
  ): Promise<{ reservation: ReservationListing; paymentId: string; payUrl: string; amountFen: number }> {
    return this.payments.payBalance(actor, reservationId, returnOrigin);
  }

  // ── the factory (presale-production.service.ts) ──

  /** 接单: the factory confirms a sent production order. */
  confirmProduction(actor: Actor, id: string): Promise<ProductionOrderListing> {
    return this.production.confirmProduction(actor, id);
  }

  /** 生产进度: the factory reports progress (percent, note); the pre-sale reads 生产中. */
  reportProgress(actor: Actor, id: string, input: { progressPct: number; note?: string | undefined }): Promise<ProductionOrderListing> {
    return this.production.reportProgress(actor, id, input);
  }

  /**
   * 发货: the factory ships the production order (carrier, tracking number); the pre-sale reads 已发货. The produced
   * units enter the warehouse and each balance-paid reservation's units leave it to its buyer, in the same
   * transaction (presale-production.service.ts).
   */
  shipProduction(actor: Actor, id: string, input: { carrier: string; trackingNo: string }): Promise<ProductionOrderListing> {
    return this.production.shipProduction(actor, id, input);
  }

  // ── payments (the payment service routes the provider's notices for these ids here; presale-payment.service.ts) ──

  /** Whether a payment id is a pre-sale's deposit or balance. */
  owns(paymentId: string): Promise<boolean> {
    return this.payments.owns(paymentId);
  }

  /** A deposit or balance payment and whether it may still be paid (the simulated provider's page). */
  paymentState(paymentId: string): ReturnType<PresalePaymentService['paymentState']> {
    return this.payments.paymentState(paymentId);
  }

  /**
   * The provider's verified notice (processed once: each status moves once). A deposit paid while the pre-sale is
   * open counts as demand; one paid after it closed or was cancelled is refunded at once. A refund notice ends the
   * deposit's refund.
   */
  onNotification(n: PaymentNotification, provider: string): Promise<void> {
    return this.payments.onNotification(n, provider);
  }
}
