/**
 * Orders, the context's one public entry. It composes the job services and delegates: the address book
 * (address-book.service.ts), placement from the shelf and the live room (placement.service.ts), flash sales
 * (flash-sale.service.ts) and their winners (flash-winner-batcher.ts), payments and refunds (payment.service.ts),
 * order views (order-view.service.ts), the lifecycle after placement (fulfilment.service.ts) and the clock
 * (sweeper.service.ts). Returns live in return.service.ts and call back into `recordRefund` / `sendRefund`.
 *
 * Stock: a SKU's `stock` is what is left to sell. It moves only with a reservation — held while the order awaits
 * payment, sold once paid, released (and put back) on cancel or timeout — through one conditional UPDATE that can
 * never take it below zero. A flash sale carves its quantity out of the SKU's stock when it is created; buyers then
 * take units from an atomic counter (CounterStore: process memory, or Redis + Lua) and each unit becomes a claim
 * row whose slot is unique and ≤ the quantity, so PostgreSQL refuses a 1,001st unit even if a counter were wrong.
 * After a crash `reconcile` rebuilds the counters from the claims (the database is the truth).
 *
 * Idempotency: order creation and payment take an Idempotency-Key; the first result is stored in the same
 * transaction as the order, the same key and body replay it, another body with the key is a 409.
 */
import type { FlashSaleView, OrderView, TrackingView } from '@livehub/contracts';
import { AppError } from '../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { StockPostingService } from '../inventory/index.ts';
import type { CatalogService } from '../catalog/catalog.service.ts';
import type { CreditGatePort } from '../credit/index.ts';
import type { CounterStore, LockStore, PubSub } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { AddressBookService } from './address-book.service.ts';
import { flashSaleKeys } from './flash-sale.rules.ts';
import { FlashSaleService } from './flash-sale.service.ts';
import { FlashWinnerBatcher } from './flash-winner-batcher.ts';
import { FulfilmentService } from './fulfilment.service.ts';
import { type LogisticsDeps, LogisticsService } from './logistics.service.ts';
import { OrderViewService } from './order-view.service.ts';
import type { OrderRecord, RefundRecord } from './order.types.ts';
import { type OrderFacts, type OrderMoney, orderFacts } from './money.port.ts';
import { OrderMaker, type RoomEventSink, RoomNotices } from './orders.internal.ts';
import { type PaymentDeps, PaymentService } from './payment.service.ts';
import { type OrderResult, PlacementService, type PlacementScope } from './placement.service.ts';
import { SoldOutBoard } from './sold-out-board.ts';
import { SweeperService } from './sweeper.service.ts';

export interface OrderDeps extends Pick<PaymentDeps, 'providers' | 'publicBaseUrl' | 'foreignPayments'> {
  /** (`inventory`: only handed to the stock ledger with a shipment's transaction) */
  uow: ScopedUnitOfWork<PlacementScope | 'inventory'>;
  /** the stock ledger's in-transaction forms (inventory) */
  stock: StockPostingService;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  counters: CounterStore;
  locks: LockStore;
  catalog: CatalogService;
  /** minutes an order may stay unpaid before its stock goes back (flash-sale orders: flashPayMinutes) */
  payMinutes?: number;
  flashPayMinutes?: number;
  /** days after shipping an order counts as delivered when nobody confirmed it */
  autoDeliverDays?: number;
  /** where an order's money moves (the settlement context's OrderMoneyService); none: no ledger */
  money?: OrderMoney;
  /** where every process learns of sold-out flash sales and restocks (see SoldOutBoard); none: this process only */
  pubsub?: PubSub;
  /** how long a sold-out mark is trusted without a fresh answer from the counter (default 1 s) */
  soldOutTtlMs?: number;
  /** a room event for the live room (order notices, flash-sale stock) */
  onRoomEvent?: RoomEventSink;
  /** 信用: the gate flash sales ask (`no_flash_sale`) */
  credit?: CreditGatePort | undefined;
  /** 物流: the carrier port shipments subscribe with, and where its pushes come back; none: no tracking */
  carrier?: Pick<LogisticsDeps, 'carrier' | 'callbackUrl' | 'samples'> | undefined;
}

export type { OrderResult };

export class OrderService {
  /** 售罄标记: sold-out sales this process may refuse at once, before the session or the body (ADR 0011) */
  readonly soldOut: SoldOutBoard;
  private readonly addresses: AddressBookService;
  private readonly views: OrderViewService;
  private readonly placement: PlacementService;
  private readonly flashSales: FlashSaleService;
  private readonly payments: PaymentService;
  private readonly fulfilment: FulfilmentService;
  private readonly sweeper: SweeperService;
  private readonly logistics: LogisticsService | null;
  private readonly notices: RoomNotices;
  private readonly uow: ScopedUnitOfWork<PlacementScope>;

  constructor(d: OrderDeps) {
    const { uow, clock, ids, vault, audit, counters } = d;
    this.soldOut = new SoldOutBoard({
      counters,
      ...(d.pubsub ? { pubsub: d.pubsub } : {}),
      ...(d.soldOutTtlMs !== undefined ? { ttlMs: d.soldOutTtlMs } : {}),
      leftKey: flashSaleKeys.left,
      saleNow: () => clock.now().getTime(),
      loadKeys: (saleId) => uow.read.orders.flashSaleOrderKeys(saleId),
    });
    const soldOut = this.soldOut;
    const notices = new RoomNotices({ uow, onRoomEvent: d.onRoomEvent });
    const maker = new OrderMaker({ ids, vault, catalog: d.catalog });
    const views = new OrderViewService({ uow, vault, audit });
    const addresses = new AddressBookService({ uow, clock, ids, vault, audit });
    const fulfilment = new FulfilmentService({ uow, clock, ids, audit, counters, soldOut, notices, views, money: d.money, stock: d.stock });
    const batcher = new FlashWinnerBatcher({
      uow,
      clock,
      ids,
      audit,
      counters,
      maker,
      views,
      soldOut,
      notices,
      flashPayMinutes: d.flashPayMinutes,
    });
    const flashSales = new FlashSaleService({ uow, clock, ids, audit, counters, maker, soldOut, notices, batcher, credit: d.credit });
    this.notices = notices;
    this.views = views;
    this.addresses = addresses;
    this.fulfilment = fulfilment;
    this.logistics = d.carrier ? new LogisticsService({ uow, clock, ids, audit, fulfilment, ...d.carrier }) : null;
    this.flashSales = flashSales;
    this.placement = new PlacementService({
      uow,
      clock,
      ids,
      audit,
      maker,
      addresses,
      views,
      flash: batcher,
      notices,
      payMinutes: d.payMinutes,
    });
    this.payments = new PaymentService({
      uow,
      clock,
      ids,
      audit,
      providers: d.providers,
      publicBaseUrl: d.publicBaseUrl,
      fulfilment,
      views,
      money: d.money,
      foreignPayments: d.foreignPayments,
      signals: maker.signals,
    });
    this.uow = uow;
    this.sweeper = new SweeperService({
      uow,
      clock,
      counters,
      locks: d.locks,
      soldOut,
      fulfilment,
      flashSales,
      batcher,
      notices,
      autoDeliverDays: d.autoDeliverDays,
    });
  }

  // ---- the address book (address-book.service.ts) ----------------------------------------------------------------

  saveAddress(...a: Parameters<AddressBookService['saveAddress']>) {
    return this.addresses.saveAddress(...a);
  }

  listAddresses(actor: Actor) {
    return this.addresses.listAddresses(actor);
  }

  // ---- placement and flash sales (placement.service.ts, flash-sale.service.ts) ------------------------------------

  /** 下单: from the shelf, the pinned card of a live room, or in a flash sale. */
  create(...a: Parameters<PlacementService['create']>): Promise<OrderResult> {
    return this.placement.create(...a);
  }

  createFlashSale(...a: Parameters<FlashSaleService['createFlashSale']>): Promise<FlashSaleView> {
    return this.flashSales.createFlashSale(...a);
  }

  endFlashSale(...a: Parameters<FlashSaleService['endFlashSale']>): Promise<FlashSaleView> {
    return this.flashSales.endFlashSale(...a);
  }

  listFlashSales(sessionId: string): Promise<FlashSaleView[]> {
    return this.flashSales.listFlashSales(sessionId);
  }

  // ---- reading (order-view.service.ts) ---------------------------------------------------------------------------

  get(actor: Actor, id: string): Promise<OrderView> {
    return this.views.get(actor, id);
  }

  list(...a: Parameters<OrderViewService['list']>): Promise<OrderView[]> {
    return this.views.list(...a);
  }

  /** The order as its reader may see it (returns show their order through it). */
  view(...a: Parameters<OrderViewService['view']>): Promise<OrderView> {
    return this.views.view(...a);
  }

  /** 面单: the full address for the merchant, audited. */
  shippingLabel(actor: Actor, id: string): ReturnType<OrderViewService['shippingLabel']> {
    return this.views.shippingLabel(actor, id);
  }

  /** Session statistics: paid orders and GMV attributed to a session (the live context's `SessionTotalsReader`). */
  sessionTotals(sessionId: string) {
    return this.views.sessionTotals(sessionId);
  }

  // ---- the lifecycle (fulfilment.service.ts) ---------------------------------------------------------------------

  cancel(...a: Parameters<FulfilmentService['cancel']>): Promise<OrderView> {
    return this.fulfilment.cancel(...a);
  }

  /** 发货: the shipment and its package in one transaction, then the package's subscription with the carrier. */
  async ship(...a: Parameters<FulfilmentService['ship']>): Promise<OrderView> {
    const view = await this.fulfilment.ship(...a);
    // a carrier that cannot be reached now leaves the package unsubscribed; the shipment stands (docs/supply.md)
    await this.logistics?.subscribe(view.id).catch(() => {});
    return view;
  }

  /** The carrier port as the selection context's samples use it (寄样, ADR 0043); null without a carrier. */
  get samplePackages(): LogisticsService | null {
    return this.logistics;
  }

  /** 物流轨迹 of an order (its buyer, its merchant, the platform admin). */
  tracking(actor: Actor, orderId: string): Promise<TrackingView> {
    if (!this.logistics) throw new AppError('logistics.not_found', { field: 'id' });
    return this.logistics.tracking(actor, orderId);
  }

  /** After a start: packages still travelling are subscribed again (see LogisticsService.resubscribeOpen). */
  async resubscribeTracking(): Promise<number> {
    return (await this.logistics?.resubscribeOpen()) ?? 0;
  }

  /** A carrier's signed status push (the public webhook). */
  onCarrierPush(...a: Parameters<LogisticsService['onPush']>): ReturnType<LogisticsService['onPush']> {
    if (!this.logistics) throw new AppError('logistics.unknown_package', { field: 'carrier' });
    return this.logistics.onPush(...a);
  }

  deliver(actor: Actor, id: string): Promise<OrderView> {
    return this.fulfilment.deliver(actor, id);
  }

  // ---- payments and refunds (payment.service.ts) -----------------------------------------------------------------

  pay(...a: Parameters<PaymentService['pay']>): ReturnType<PaymentService['pay']> {
    return this.payments.pay(...a);
  }

  onNotification(...a: Parameters<PaymentService['onNotification']>): Promise<{ ok: true }> {
    return this.payments.onNotification(...a);
  }

  /** A payment, its order's number and whether it may still be paid (the simulated provider's page). */
  paymentState(id: string): ReturnType<PaymentService['paymentState']> {
    return this.payments.paymentState(id);
  }

  /** 退款, recorded in the caller's transaction; the caller sends it after commit with `sendRefund`. */
  recordRefund(...a: Parameters<PaymentService['recordRefund']>): Promise<RefundRecord> {
    return this.payments.recordRefund(...a);
  }

  sendRefund(r: RefundRecord): Promise<void> {
    return this.payments.sendRefund(r);
  }

  /** 售后退款 on a completed order (platform admin); the ledger takes the shares back pro rata. */
  afterSalesRefund(...a: Parameters<PaymentService['afterSalesRefund']>): Promise<OrderView> {
    return this.payments.afterSalesRefund(...a);
  }

  /** Completed orders, a page at a time in (completedAt, id) order (the settlement job's reader). */
  completedOrders(after: { completedAt: Date; id: string } | null, limit: number): Promise<OrderRecord[]> {
    return this.uow.read.orders.listCompleted(after, limit);
  }

  /** What the ledger needs of an order: the record, its lines, the payment that paid it and that payment's refunds. */
  async orderFacts(id: string): Promise<OrderFacts | null> {
    const o = await this.uow.read.orders.findOrder(id);
    return o ? orderFacts(this.uow.read, o) : null;
  }

  refundUnshipped(...a: Parameters<PaymentService['refundUnshipped']>): Promise<OrderView> {
    return this.payments.refundUnshipped(...a);
  }

  // ---- the clock (sweeper.service.ts) ----------------------------------------------------------------------------

  sweep(): ReturnType<SweeperService['sweep']> {
    return this.sweeper.sweep();
  }

  reconcile(opts: { counters?: boolean } = {}): ReturnType<SweeperService['reconcile']> {
    return this.sweeper.reconcile(opts);
  }

  /** 改价: the rooms selling a product show its new lowest price at once. */
  priceChanged(productId: string): Promise<void> {
    return this.notices.priceChanged(productId);
  }
}
