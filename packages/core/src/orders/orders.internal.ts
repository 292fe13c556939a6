/**
 * What the orders context's job services share, and nothing outside the context imports: the system actor of the
 * sweeps, the idempotency race, the order maker (lines, attribution and the new order record, for the shelf and the
 * flash sale alike) and the room notices with their throttles. Not exported from index.ts.
 */
import type { OrderView, RoomEvent } from '@livehub/contracts';
import type { CatalogService } from '../catalog/catalog.service.ts';
import type { ProductRecord, SkuRecord } from '../catalog/catalog.types.ts';
import { OrderCatalog } from '../catalog/index.ts';
import { SessionLookup } from '../live/index.ts';
import { BuyerAgeReader } from '../matching/index.ts';
import { SessionSelection } from '../selection/index.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { OrderLineRecord, OrderRecord, FlashSaleRecord } from './order.types.ts';
import { OrderSignalHasher } from './order-signals.ts';
import { type Address, type Attribution, agreementTerms, type LineSpec, newOrder, orderLine } from './order.rules.ts';

type Unnumbered<T> = T extends unknown ? Omit<T, 'seq'> : never;

/** A room event for the live room (order notices, flash-sale stock, prices). */
export type RoomEventSink = (sessionId: string, e: Unnumbered<RoomEvent>) => void;

/** A SYSTEM actor for the sweeps and the provider's notifications. */
export const sweeper: Actor = { userId: null, label: 'system:orders', orgId: null, membershipId: null, role: 'system', via: 'system' };

/** A concurrent request with the same Idempotency-Key won: this one's transaction rolls back and replays the first. */
export class IdempotencyRace extends Error {}

export function requireUser(actor: Actor): string {
  if (!actor.userId) throw new AppError('auth.required');
  return actor.userId;
}

/** The error of a buyer over a flash sale's per-user limit. */
export function limitExceeded(limit: number): AppError {
  return new AppError('orders.limit_exceeded', { field: 'lines.0.qty', details: { limit } });
}

/** Σ qty of an order's reservations in one status (what a cancel, timeout or refund gives back). */
export async function reservedQty(tx: Pick<Repositories, 'orders'>, orderId: string, status: 'held' | 'sold'): Promise<number> {
  return (await tx.orders.listReservations(orderId)).filter((r) => r.status === status).reduce((n, r) => n + r.qty, 0);
}

/** The tables an order is made from: the catalog's SKU and product, the live session and the agreement in force. */
export type MakingReads = Pick<Repositories, 'catalog' | 'live' | 'selection'>;

/** Builds what an order is made of, for the shelf (placement) and a flash sale's winners (the batcher) alike. */
export class OrderMaker {
  private readonly products = new OrderCatalog();
  private readonly sessions = new SessionLookup();
  private readonly selection = new SessionSelection();
  private readonly buyerAge = new BuyerAgeReader();
  /** the fake-order detector's signals of each order, hashed */
  readonly signals: OrderSignalHasher;

  constructor(private readonly d: { ids: IdGenerator; vault: PiiVault; catalog: CatalogService }) {
    this.signals = new OrderSignalHasher(d.vault);
  }

  /** The SKU and its approved product, or `orders.sku_not_found` on `field`. */
  async productForSku(
    tx: Pick<Repositories, 'catalog'>,
    skuId: string,
    field: string,
  ): Promise<{ sku: SkuRecord; product: ProductRecord }> {
    const found = await this.products.skuWithProductIn(tx, skuId);
    if (!found || found.product?.status !== 'approved') throw new AppError('orders.sku_not_found', { field });
    return { sku: found.sku, product: found.product };
  }

  /**
   * 限成年人购买 (ADR 0041): a product sold to adults only (alcohol, tobacco) is refused, on the field `verification`
   * (what the buyer has to fix) with the product named, to a buyer not verified by 实名认证 as certainly 18 or older;
   * any other product passes without a read of the buyer.
   */
  async requireAdultBuyer(
    tx: Pick<Repositories, 'catalog' | 'matching'>,
    product: ProductRecord,
    userId: string,
    now: Date,
  ): Promise<void> {
    if (!(await this.products.adultOnlyIn(tx, product))) return;
    const status = await this.buyerAge.statusIn(tx, userId, now);
    if (status === 'adult') return;
    throw new AppError(status === 'minor' ? 'orders.adult_only_minor' : 'orders.adult_only_unverified', {
      field: 'verification',
      details: { product: product.title, productId: product.id },
    });
  }

  /** The session's attribution for a product, checking the session is live and the product is on it. */
  async attribution(tx: MakingReads, sessionId: string | undefined, productId: string, field: string): Promise<Attribution | null> {
    if (!sessionId) return null;
    const s = await this.sessions.sessionIn(tx, sessionId);
    if (!s) throw new AppError('live.not_found', { field: 'sessionId' });
    if (s.status !== 'live') throw new AppError('orders.session_not_live', { field: 'sessionId' });
    const onSession = await this.sessions.productOnSessionIn(tx, sessionId, productId);
    if (!onSession) throw new AppError('orders.not_on_session', { field });
    let commissionBp = 0;
    let streamerShareBp = 10_000;
    let agreementVersion: number | null = null;
    if (onSession.agreementId) {
      const inForce = await this.selection.termsInForceIn(tx, onSession.agreementId);
      if (inForce) {
        ({ commissionBp, streamerShareBp } = agreementTerms(inForce.terms, productId));
        agreementVersion = inForce.version;
      }
    }
    return { session: s, agreementId: onSession.agreementId, agreementVersion, commissionBp, streamerShareBp };
  }

  /** One line, its no-reason return taken from the product's category path. */
  async line(tx: Pick<Repositories, 'catalog'>, spec: LineSpec): Promise<OrderLineRecord> {
    const cats = await this.d.catalog.categories(tx);
    const path = [];
    for (let c = cats.get(spec.product.categoryId); c; c = c.parentId ? cats.get(c.parentId) : undefined) path.push(c);
    return orderLine(
      spec,
      path.every((c) => c.noReasonReturn),
    );
  }

  /** The order record, its address encrypted. */
  order(
    id: string,
    userId: string,
    merchantOrgId: string,
    attr: Attribution | null,
    flashSaleId: string | null,
    lines: OrderLineRecord[],
    address: Address,
    now: Date,
    payMinutes: number,
  ): OrderRecord {
    const addressEnc = this.d.vault.encrypt(JSON.stringify(address));
    return newOrder({ id, userId, merchantOrgId, attr, flashSaleId, lines, addressEnc, region: address.region, now, payMinutes });
  }
}

/** What the live room hears from orders: "xx 刚刚下单", flash-sale stock and new prices, throttled per room. */
export class RoomNotices {
  private readonly lastRoomPush = new Map<string, number>();

  constructor(private readonly d: { uow: ScopedUnitOfWork<'orders' | 'catalog'>; onRoomEvent?: RoomEventSink | undefined }) {}

  /** Stock left in the room, at most twice a second per sale (the last value always goes out with the sale's end). */
  stock(f: FlashSaleRecord, left: number, force = false, over = false): void {
    if (!this.d.onRoomEvent) return;
    const t = Date.now();
    const last = this.lastRoomPush.get(f.id) ?? 0;
    if (!force && left > 0 && t - last < 500) return;
    this.lastRoomPush.set(f.id, t);
    this.d.onRoomEvent(f.sessionId, {
      k: 'countdown',
      flashSaleId: f.id,
      productId: f.productId,
      skuId: f.skuId,
      priceFen: f.priceFen,
      startsAt: f.startsAt.getTime(),
      endsAt: f.endsAt.getTime(),
      quantity: f.quantity,
      stockLeft: left,
      ...(over ? { over: true } : {}),
    });
  }

  /** "xx 刚刚下单": a few notices a second per room at most, the buyer's name masked. */
  order(o: OrderView): void {
    if (!this.d.onRoomEvent || !o.attribution.sessionId) return;
    const key = `order:${o.attribution.sessionId}`;
    const t = Date.now();
    if (t - (this.lastRoomPush.get(key) ?? 0) < 200) return;
    this.lastRoomPush.set(key, t);
    this.d.onRoomEvent(o.attribution.sessionId, { k: 'order', name: o.buyerName, productTitle: o.lines[0]?.title ?? '' });
  }

  /** 改价: the rooms selling a product show its new lowest price at once. */
  async priceChanged(productId: string): Promise<void> {
    if (!this.d.onRoomEvent) return;
    const sessions = await this.d.uow.read.orders.liveSessionsSelling(productId);
    if (sessions.length === 0) return;
    const skus = await this.d.uow.read.catalog.listSkus([productId]);
    if (skus.length === 0) return;
    const priceFen = Math.min(...skus.map((k) => k.priceFen));
    for (const id of sessions) this.d.onRoomEvent(id, { k: 'price', productId, priceFen });
  }

  /** The throttles' memory of rooms and sales quiet for a minute goes (it would grow forever). */
  forgetQuiet(t: number): void {
    for (const [k, at] of this.lastRoomPush) if (t - at > 60_000) this.lastRoomPush.delete(k);
  }
}
