/**
 * 秒杀 set-up: the streamer of a session creates one for a product on it (its quantity carved out of the SKU's stock
 * at once), ends or cancels it (unsold units back to stock), and the room lists them. Buying is the winner
 * batcher's job (flash-winner-batcher.ts).
 */
import type { FlashSaleView } from '@livehub/contracts';
import { OrderCatalog } from '../catalog/index.ts';
import { SessionLookup } from '../live/index.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CreditGatePort } from '../credit/index.ts';
import { AppError } from '../errors.ts';
import type { CounterStore } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { flashSaleKeys, flashSaleView } from './flash-sale.rules.ts';
import type { FlashWinnerBatcher } from './flash-winner-batcher.ts';
import type { FlashSaleRecord } from './order.types.ts';
import { type OrderMaker, type RoomNotices, requireUser } from './orders.internal.ts';
import type { SoldOutBoard } from './sold-out-board.ts';

export interface FlashSaleInput {
  productId: string;
  skuId: string;
  priceFen: number;
  quantity: number;
  perUserLimit: number;
  startsAt?: string | undefined;
  durationS: number;
}

export interface FlashSaleDeps {
  uow: ScopedUnitOfWork<'orders' | 'catalog' | 'live' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  counters: CounterStore;
  maker: OrderMaker;
  soldOut: SoldOutBoard;
  notices: RoomNotices;
  batcher: FlashWinnerBatcher;
  /** 信用: a streamer or merchant under `no_flash_sale` (tier D) may not set one up */
  credit?: CreditGatePort | undefined;
}

export class FlashSaleService {
  /** the live and catalog contexts' in-transaction parts: the session and its products, the flash price point */
  private readonly sessions = new SessionLookup();
  private readonly catalog = new OrderCatalog();
  constructor(private readonly d: FlashSaleDeps) {}

  /** 创建秒杀: the streamer of a session sets one up for a product on it; the units leave the SKU's stock now. */
  async createFlashSale(actor: Actor, sessionId: string, input: FlashSaleInput): Promise<FlashSaleView> {
    const userId = requireUser(actor);
    const now = this.d.clock.now();
    const startsAt = input.startsAt ? new Date(input.startsAt) : now;
    if (startsAt.getTime() < now.getTime() - 60_000)
      throw new AppError('orders.flash_invalid', { field: 'startsAt', details: { issue: 'starts in the past' } });
    if (this.d.credit) {
      // the session's streamer (the caller) and the product's merchant: before the transaction (the gate reads)
      const merchant = (await this.d.uow.read.catalog.findProduct(input.productId))?.merchantOrgId;
      await this.d.credit.assertAllowed([userId, merchant], 'no_flash_sale', 'productId');
    }
    const f = await this.d.uow.transaction(async (tx) => {
      const s = await this.sessions.sessionIn(tx, sessionId);
      if (!s || s.streamerUserId !== userId) throw new AppError('live.not_found', { field: 'id' });
      if (s.status === 'ended' || s.status === 'cancelled') throw new AppError('live.not_active', { details: { status: s.status } });
      const onSession = await this.sessions.productOnSessionIn(tx, sessionId, input.productId);
      if (!onSession) throw new AppError('orders.not_on_session', { field: 'productId' });
      const { sku, product } = await this.d.maker.productForSku(tx, input.skuId, 'skuId');
      if (sku.productId !== product.id || product.id !== input.productId) throw new AppError('orders.sku_not_found', { field: 'skuId' });
      if (input.priceFen > sku.priceFen)
        throw new AppError('orders.flash_invalid', { field: 'priceFen', details: { issue: 'above the list price' } });
      if (!(await tx.orders.takeStock(sku.id, input.quantity)))
        throw new AppError('orders.insufficient_stock', { field: 'quantity', details: { left: sku.stock } });
      const rec: FlashSaleRecord = {
        id: this.d.ids.next(),
        sessionId,
        productId: product.id,
        skuId: sku.id,
        merchantOrgId: product.merchantOrgId,
        createdBy: userId,
        priceFen: input.priceFen,
        quantity: input.quantity,
        perUserLimit: input.perUserLimit,
        startsAt,
        endsAt: new Date(startsAt.getTime() + input.durationS * 1000),
        status: 'scheduled',
        returnedQty: 0,
        createdAt: now,
        updatedAt: now,
      };
      await tx.orders.insertFlashSale(rec);
      // the flash price is a price in effect for its period: the 7-day lowest price sees it
      await this.catalog.pricePointIn(tx, {
        id: this.d.ids.next(),
        skuId: sku.id,
        priceFen: rec.priceFen,
        source: 'flash_sale',
        validFrom: rec.startsAt,
        validTo: rec.endsAt,
      });
      await this.d.audit.record(tx, actor, {
        action: 'flash_sale.create',
        targetType: 'flash_sale',
        targetId: rec.id,
        orgId: rec.merchantOrgId,
        detail: { sessionId, skuId: sku.id, priceFen: rec.priceFen, quantity: rec.quantity, perUserLimit: rec.perUserLimit },
      });
      return rec;
    });
    await this.d.counters.set(flashSaleKeys.left(f.id), f.quantity);
    this.d.notices.stock(f, f.quantity, true);
    return this.flashView(f, f.quantity, (await this.d.uow.read.catalog.findSku(f.skuId))?.priceFen ?? f.priceFen);
  }

  /** 结束/取消秒杀: unsold units go back to the SKU's stock; orders already placed stand. */
  async endFlashSale(actor: Actor, id: string, status: 'ended' | 'cancelled' = 'cancelled'): Promise<FlashSaleView> {
    const now = this.d.clock.now();
    const f = await this.d.uow.transaction(async (tx) => {
      const f = await tx.orders.findFlashSale(id, { lock: true });
      if (!f) throw new AppError('orders.flash_not_found', { field: 'id' });
      if (actor.role !== 'system' && f.createdBy !== actor.userId) throw new AppError('orders.flash_not_found', { field: 'id' });
      if (f.status !== 'scheduled') return f;
      const claimed = await tx.orders.countClaims(f.id);
      const unsold = f.quantity - claimed - f.returnedQty;
      if (unsold > 0) await tx.orders.putBackStock(f.skuId, unsold);
      const next: FlashSaleRecord = {
        ...f,
        status,
        returnedQty: f.returnedQty + Math.max(0, unsold),
        endsAt: new Date(Math.min(f.endsAt.getTime(), now.getTime())),
        updatedAt: now,
      };
      await tx.orders.updateFlashSale(next);
      await this.d.audit.record(tx, actor, {
        action: `flash_sale.${status === 'ended' ? 'end' : 'cancel'}`,
        targetType: 'flash_sale',
        targetId: f.id,
        orgId: f.merchantOrgId,
        detail: { claimed, returnedToStock: unsold },
      });
      return next;
    });
    this.d.batcher.forget(id);
    this.d.soldOut.ended(id);
    // the sale's counters (units left, every buyer's, the corrected marks) are done with: they would pile up
    await this.d.counters.deletePrefix(flashSaleKeys.prefix(f.id));
    this.d.notices.stock(f, 0, true, true);
    return this.flashView(f, 0, f.priceFen);
  }

  async listFlashSales(sessionId: string): Promise<FlashSaleView[]> {
    const read = this.d.uow.read;
    const sales = await read.orders.listFlashSales({ sessionId, limit: 50 });
    if (sales.length === 0) return [];
    const productIds = [...new Set(sales.map((f) => f.productId))];
    const [skus, products, sold] = await Promise.all([
      read.catalog.listSkus(productIds),
      read.catalog.listProducts({ ids: productIds, limit: productIds.length }),
      read.orders.countClaimsBySale(sales.map((f) => f.id)),
    ]);
    const priceOf = new Map(skus.map((s) => [s.id, s.priceFen]));
    const titleOf = new Map(products.map((p) => [p.id, p.title]));
    const now = this.d.clock.now();
    const out: FlashSaleView[] = [];
    for (const f of sales) {
      const left = f.status === 'scheduled' ? ((await this.d.counters.get(flashSaleKeys.left(f.id))) ?? 0) : 0;
      const listPriceFen = priceOf.get(f.skuId) ?? f.priceFen;
      out.push(flashSaleView(f, { left, listPriceFen, title: titleOf.get(f.productId) ?? '', sold: sold.get(f.id) ?? 0, now }));
    }
    return out;
  }

  private async flashView(f: FlashSaleRecord, left: number, listPriceFen: number): Promise<FlashSaleView> {
    const product = await this.d.uow.read.catalog.findProduct(f.productId);
    const sold = await this.d.uow.read.orders.countClaims(f.id);
    return flashSaleView(f, { left, listPriceFen, title: product?.title ?? '', sold, now: this.d.clock.now() });
  }
}
