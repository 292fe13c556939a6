/**
 * 下单: orders from the shelf or the pinned card of a live room (attribution to the session, its streamer, MCN and
 * the agreement in force for the product), with stock taken by one conditional UPDATE that never goes below zero.
 * A flash sale's orders go through the winner batcher. Idempotency: the first result is stored under the
 * Idempotency-Key in the same transaction as the order; the same key and body replay it, another body is a 409.
 */
import type { MoneyScope } from './money.port.ts';
import type { CreateOrderInput, OrderView } from '@livehub/contracts';
import { OrderCatalog } from '../catalog/index.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import type { AddressBookService } from './address-book.service.ts';
import type { FlashWinnerBatcher } from './flash-winner-batcher.ts';
import type { OrderViewService } from './order-view.service.ts';
import type { Address, Attribution } from './order.rules.ts';
import type { ClientSignals, OrderLineRecord } from './order.types.ts';
import { IdempotencyRace, type OrderMaker, type RoomNotices, requireUser } from './orders.internal.ts';

export interface OrderResult {
  status: number;
  body: OrderView;
}

/** The tables placing an order writes and reads. */
/** (`MoneyScope`: only to hand the transaction to the settlement context's money port; `matching`: only to hand it to
 * the matching context's `BuyerAgeReader`, which reads the buyer's 实名认证 for a product sold to adults only) */
export type PlacementScope = 'orders' | 'catalog' | 'live' | 'selection' | 'users' | 'orgs' | 'audit' | 'outbox' | 'matching' | MoneyScope;

export interface PlacementDeps {
  uow: ScopedUnitOfWork<PlacementScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  maker: OrderMaker;
  addresses: AddressBookService;
  views: OrderViewService;
  flash: FlashWinnerBatcher;
  notices: RoomNotices;
  /** minutes an order may stay unpaid before its stock goes back */
  payMinutes?: number | undefined;
}

export class PlacementService {
  private readonly catalog = new OrderCatalog();
  constructor(private readonly d: PlacementDeps) {}

  /**
   * 下单. From the shelf or the pinned card of a live room (`sessionId`: attribution to the session, its streamer,
   * MCN and the agreement in force for the product), or in a flash sale (`flashSaleId`).
   */
  async create(actor: Actor, input: CreateOrderInput, idempotencyKey?: string, client?: ClientSignals): Promise<OrderResult> {
    const userId = requireUser(actor);
    // hashed when needed: a flash sale's losers never need it
    let hashed: string | undefined;
    const requestHash = () => {
      hashed ??= sha256Hex(canonicalJson(input));
      return hashed;
    };
    // A flash sale's thousands of losers must not cost a query each: there the key is looked up only when the
    // counters refuse (a retried winner finds its order), and a retry that got past them loses on the unique index.
    if (idempotencyKey && !input.flashSaleId) {
      const prior = await this.d.uow.read.orders.findIdempotency(userId, 'order.create', idempotencyKey);
      if (prior) return this.replay(prior, requestHash());
    }
    const address = await this.d.addresses.resolve(userId, input);
    const run = input.flashSaleId
      ? () => this.d.flash.place(actor, userId, input, address, input.flashSaleId as string, requestHash, idempotencyKey, client)
      : () =>
          this.d.uow.transaction(async (tx) => {
            const body = await this.createNormal(tx, actor, userId, input, address, client);
            await this.remember(tx, userId, idempotencyKey, requestHash(), 201, body);
            return { status: 201, body };
          });
    try {
      const r = await run();
      this.d.notices.order(r.body);
      return r;
    } catch (e) {
      const refused =
        e instanceof AppError &&
        ['orders.sold_out', 'orders.limit_exceeded', 'orders.flash_ended'].includes(e.code) &&
        !(e as AppError & { firstTry?: boolean }).firstTry;
      if ((e instanceof IdempotencyRace || refused) && idempotencyKey) {
        const prior = await this.d.uow.read.orders.findIdempotency(userId, 'order.create', idempotencyKey);
        if (prior) return this.replay(prior, requestHash());
      }
      throw e;
    }
  }

  private replay(prior: { requestHash: string; status: number; response: unknown }, requestHash: string): OrderResult {
    if (prior.requestHash !== requestHash) throw new AppError('orders.idempotency_conflict', { field: 'Idempotency-Key' });
    return { status: prior.status, body: prior.response as OrderView };
  }

  /** Stores the first result under the key in the caller's transaction; a concurrent twin makes this one roll back. */
  private async remember(
    tx: Pick<Repositories, 'orders'>,
    userId: string,
    key: string | undefined,
    requestHash: string,
    status: number,
    response: unknown,
  ) {
    if (!key) return;
    const ok = await tx.orders.insertIdempotency({
      userId,
      scope: 'order.create',
      key,
      requestHash,
      status,
      response,
      createdAt: this.d.clock.now(),
    });
    if (!ok) throw new IdempotencyRace();
  }

  private async createNormal(
    tx: Pick<Repositories, PlacementScope>,
    actor: Actor,
    userId: string,
    input: CreateOrderInput,
    address: Address,
    client: ClientSignals | undefined,
  ): Promise<OrderView> {
    const now = this.d.clock.now();
    const orderId = this.d.ids.next();
    const maker = this.d.maker;
    const lines: OrderLineRecord[] = [];
    let merchantOrgId: string | null = null;
    let attr: Attribution | null = null;
    for (const [i, l] of input.lines.entries()) {
      const { sku, product } = await maker.productForSku(tx, l.skuId, `lines.${i}.skuId`);
      if (merchantOrgId && merchantOrgId !== product.merchantOrgId)
        throw new AppError('orders.one_merchant', { field: `lines.${i}.skuId` });
      merchantOrgId = product.merchantOrgId;
      await maker.requireAdultBuyer(tx, product, userId, now);
      const a = await maker.attribution(tx, input.sessionId, product.id, `lines.${i}.skuId`);
      attr ??= a;
      if (!(await tx.orders.takeStock(sku.id, l.qty))) {
        const fresh = await this.catalog.skuIn(tx, sku.id);
        throw new AppError('orders.insufficient_stock', { field: `lines.${i}.qty`, details: { left: fresh?.stock ?? 0 } });
      }
      await tx.orders.insertReservation({
        id: this.d.ids.next(),
        skuId: sku.id,
        orderId,
        flashSaleId: null,
        qty: l.qty,
        status: 'held',
        createdAt: now,
        updatedAt: now,
      });
      lines.push(await maker.line(tx, { orderId, lineNo: i + 1, product, sku, unitPriceFen: sku.priceFen, qty: l.qty, a }));
    }
    const order = maker.order(orderId, userId, merchantOrgId as string, attr, null, lines, address, now, this.d.payMinutes ?? 15);
    await tx.orders.insertOrder(order, lines);
    await tx.orders.insertOrderSignals([maker.signals.forOrder(order.id, address, client, now)]);
    await this.d.audit.record(tx, actor, {
      action: 'order.create',
      targetType: 'order',
      targetId: order.id,
      orgId: order.merchantOrgId,
      detail: { orderNo: order.orderNo, totalFen: order.totalFen, sessionId: order.sessionId, lines: lines.length },
    });
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic: 'order.created',
      payload: { orderId: order.id, sessionId: order.sessionId, totalFen: order.totalFen },
      createdAt: now,
      publishedAt: null,
    });
    return this.d.views.view(tx, order, lines, { as: 'buyer' });
  }
}
