/**
 * Orders from the live room and the shelf, stock without oversell, flash sales, payments through the provider port,
 * and the order lifecycle. Returns and refunds live in return.service.ts and call back into `refund` here.
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
import type { AddressInput, CreateOrderInput, FlashSaleView, OrderStatus, OrderView, RoomEvent } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CatalogService } from '../catalog/catalog.service.ts';
import type { ProductRecord, SkuRecord } from '../catalog/catalog.types.ts';
import { AppError } from '../errors.ts';
import type { CounterStore, LockStore, PubSub } from '../ports/kv.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import { maskName } from '../registry/registry.service.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import { maskAddress, maskPhone } from '../shared/masking.ts';
import { nextStatus, type OrderEvent } from './order-state.ts';
import type {
  AddressRecord,
  ClaimRecord,
  FlashSaleRecord,
  OrderLineRecord,
  OrderRecord,
  PaymentRecord,
  RefundRecord,
} from './order.types.ts';
import type { PaymentNotification, PaymentProvider } from './payment.port.ts';
import { SoldOutBoard } from './sold-out-board.ts';

const DAY = 86_400_000;
const RETENTION_MS = 3 * 366 * DAY;

type Unnumbered<T> = T extends unknown ? Omit<T, 'seq'> : never;

/**
 * The counter keys of one flash sale. The sale's id sits in a Redis hash tag (`{…}`), so all its keys live in one
 * hash slot: the attempt step's script touches three of them at once, which Redis Cluster allows only within a slot.
 */
export const flashSaleKeys = {
  prefix: (saleId: string) => `fs:{${saleId}}:`,
  /** units left to sell */
  left: (saleId: string) => `fs:{${saleId}}:left`,
  /** units the buyer holds (per-user limit) */
  user: (saleId: string, userId: string) => `fs:{${saleId}}:u:${userId}`,
  /** set once the buyer's counter was corrected down (see OrderService.userCounterWasStale) */
  corrected: (saleId: string, userId: string) => `fs:{${saleId}}:fixed:${userId}`,
};

/** The key of a name in the map `view` fills and its callers may prefill (`buyerNames`). */
function nameKey(kind: 'org' | 'user' | 'session', id: string): string {
  return `${kind}:${id}`;
}

export interface OrderDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  counters: CounterStore;
  locks: LockStore;
  catalog: CatalogService;
  providers: PaymentProvider[];
  /** where the web app lives, for the payment page's way back, unless pay() is told the buyer's own origin */
  publicBaseUrl: string;
  /** minutes an order may stay unpaid before its stock goes back (flash-sale orders: flashPayMinutes) */
  payMinutes?: number;
  flashPayMinutes?: number;
  /** days after shipping an order counts as delivered when nobody confirmed it */
  autoDeliverDays?: number;
  /** where every process learns of sold-out flash sales and restocks (see SoldOutBoard); none: this process only */
  pubsub?: PubSub;
  /** how long a sold-out mark is trusted without a fresh answer from the counter (default 1 s) */
  soldOutTtlMs?: number;
  /** a room event for the live room (order notices, flash-sale stock) */
  onRoomEvent?: (sessionId: string, e: Unnumbered<RoomEvent>) => void;
}

export interface OrderResult {
  status: number;
  body: OrderView;
}

interface Address {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

/** A SYSTEM actor for the sweeps and the provider's notifications. */
const sweeper: Actor = { userId: null, label: 'system:orders', orgId: null, membershipId: null, role: 'system', via: 'system' };

class IdempotencyRace extends Error {}

/** Most flash-sale winners written in one transaction (see `enqueueWinner`). */
const FLASH_GROUP_MAX = 200;

/** A flash-sale buyer the counters let through, waiting to be written. */
interface FlashWinner {
  actor: Actor;
  userId: string;
  f: FlashSaleRecord;
  qty: number;
  slots: number[];
  /** the buyer's unit numbers in the sale, from their counter */
  units: number[];
  address: Address;
  requestHash: string;
  idempotencyKey: string | undefined;
  resolve: (r: OrderResult) => void;
  reject: (e: unknown) => void;
}

export class OrderService {
  private readonly providers: Map<string, PaymentProvider>;
  private readonly flashCache = new Map<string, { f: FlashSaleRecord; at: number }>();
  private readonly lastRoomPush = new Map<string, number>();
  /** when a buyer's per-user counter was last checked against the database (see userCounterWasStale) */
  private readonly limitRechecks = new Map<string, number>();
  /** flash-sale winners waiting for their group's transaction, per sale */
  private readonly flashQueue = new Map<string, FlashWinner[]>();
  /** 售罄标记: sold-out sales this process may refuse at once, before the session or the body (ADR 0011) */
  readonly soldOut: SoldOutBoard;

  constructor(private readonly d: OrderDeps) {
    this.providers = new Map(d.providers.map((p) => [p.name, p]));
    this.soldOut = new SoldOutBoard({
      counters: d.counters,
      ...(d.pubsub ? { pubsub: d.pubsub } : {}),
      ...(d.soldOutTtlMs !== undefined ? { ttlMs: d.soldOutTtlMs } : {}),
      leftKey: flashSaleKeys.left,
      saleNow: () => d.clock.now().getTime(),
      loadKeys: (saleId) => d.uow.read.orders.flashSaleOrderKeys(saleId),
    });
  }

  private now(): Date {
    return this.d.clock.now();
  }

  // ---- addresses ---------------------------------------------------------------------------------------------------

  async saveAddress(actor: Actor, input: AddressInput & { isDefault: boolean }) {
    const userId = this.requireUser(actor);
    const now = this.now();
    const v = this.d.vault;
    return this.d.uow.transaction(async (tx) => {
      const existing = await tx.orders.listAddresses(userId);
      if (existing.length >= 20) throw new AppError('request.invalid', { field: 'address', details: { issue: 'at most 20 addresses' } });
      const isDefault = input.isDefault || existing.length === 0;
      if (isDefault) await tx.orders.clearDefaultAddress(userId);
      const a: AddressRecord = {
        id: this.d.ids.next(),
        userId,
        nameEnc: v.encrypt(input.name),
        phoneEnc: v.encrypt(input.phone),
        region: input.region,
        detailEnc: v.encrypt(input.detail),
        isDefault,
        createdAt: now,
      };
      await tx.orders.insertAddress(a);
      await this.d.audit.record(tx, actor, { action: 'address.save', targetType: 'address', targetId: a.id, detail: { region: a.region } });
      return this.addressView(a);
    });
  }

  async listAddresses(actor: Actor) {
    const userId = this.requireUser(actor);
    return (await this.d.uow.read.orders.listAddresses(userId)).map((a) => this.addressView(a));
  }

  private addressView(a: AddressRecord) {
    const v = this.d.vault;
    return {
      id: a.id,
      name: maskName(v.decrypt(a.nameEnc)),
      phone: maskPhone(v.decrypt(a.phoneEnc)),
      region: a.region,
      detail: maskAddress(v.decrypt(a.detailEnc)),
      isDefault: a.isDefault,
    };
  }

  private requireUser(actor: Actor): string {
    if (!actor.userId) throw new AppError('auth.required');
    return actor.userId;
  }

  // ---- creating orders ---------------------------------------------------------------------------------------------

  /**
   * 下单. From the shelf or the pinned card of a live room (`sessionId`: attribution to the session, its streamer,
   * MCN and the agreement in force for the product), or in a flash sale (`flashSaleId`).
   */
  async create(actor: Actor, input: CreateOrderInput, idempotencyKey?: string): Promise<OrderResult> {
    const userId = this.requireUser(actor);
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
    const address = await this.resolveAddress(userId, input);
    const run = input.flashSaleId
      ? () => this.createFlash(actor, userId, input, address, input.flashSaleId as string, requestHash, idempotencyKey)
      : () =>
          this.d.uow.transaction(async (tx) => {
            const body = await this.createNormal(tx, actor, userId, input, address);
            await this.remember(tx, userId, idempotencyKey, requestHash(), 201, body);
            return { status: 201, body };
          });
    try {
      const r = await run();
      this.announce(r.body);
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
    tx: Repositories,
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
      createdAt: this.now(),
    });
    if (!ok) throw new IdempotencyRace();
  }

  private async resolveAddress(userId: string, input: CreateOrderInput): Promise<Address> {
    if (input.address) return input.address;
    const a = input.addressId ? await this.d.uow.read.orders.findAddress(input.addressId) : null;
    if (!a || a.userId !== userId) throw new AppError('orders.address_not_found', { field: 'addressId' });
    const v = this.d.vault;
    return { name: v.decrypt(a.nameEnc), phone: v.decrypt(a.phoneEnc), region: a.region, detail: v.decrypt(a.detailEnc) };
  }

  /** The session's attribution for a product, checking the session is live and the product is on it. */
  private async attribution(tx: Repositories, sessionId: string | undefined, productId: string, field: string) {
    if (!sessionId) return null;
    const s = await tx.live.findSession(sessionId);
    if (!s) throw new AppError('live.not_found', { field: 'sessionId' });
    if (s.status !== 'live') throw new AppError('orders.session_not_live', { field: 'sessionId' });
    const onSession = (await tx.live.listProducts(sessionId)).find((p) => p.productId === productId);
    if (!onSession) throw new AppError('orders.not_on_session', { field });
    let commissionBp = 0;
    let streamerShareBp = 10_000;
    let agreementVersion: number | null = null;
    if (onSession.agreementId) {
      const a = await tx.selection.findAgreement(onSession.agreementId);
      if (a?.inForceVersion) {
        const v = (await tx.selection.listVersions(a.id)).find((x) => x.version === a.inForceVersion);
        const terms = v?.terms as { products?: Array<{ productId: string; commissionBp: number }>; streamerShareBp?: number } | undefined;
        commissionBp = terms?.products?.find((p) => p.productId === productId)?.commissionBp ?? 0;
        streamerShareBp = terms?.streamerShareBp ?? 10_000;
        agreementVersion = a.inForceVersion;
      }
    }
    return {
      session: s,
      agreementId: onSession.agreementId,
      agreementVersion,
      commissionBp,
      streamerShareBp,
    };
  }

  private async productForSku(tx: Repositories, skuId: string, field: string): Promise<{ sku: SkuRecord; product: ProductRecord }> {
    const sku = await tx.catalog.findSku(skuId);
    const product = sku ? await tx.catalog.findProduct(sku.productId) : null;
    if (!sku || product?.status !== 'approved') throw new AppError('orders.sku_not_found', { field });
    return { sku, product };
  }

  private orderNo(id: string, now: Date): string {
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const tail = BigInt(`0x${id.replaceAll('-', '').slice(-12)}`)
      .toString()
      .padStart(15, '0')
      .slice(-12);
    return `${day}${tail}`;
  }

  private async createNormal(
    tx: Repositories,
    actor: Actor,
    userId: string,
    input: CreateOrderInput,
    address: Address,
  ): Promise<OrderView> {
    const now = this.now();
    const orderId = this.d.ids.next();
    const lines: OrderLineRecord[] = [];
    let merchantOrgId: string | null = null;
    let attr: Awaited<ReturnType<OrderService['attribution']>> = null;
    for (const [i, l] of input.lines.entries()) {
      const { sku, product } = await this.productForSku(tx, l.skuId, `lines.${i}.skuId`);
      if (merchantOrgId && merchantOrgId !== product.merchantOrgId)
        throw new AppError('orders.one_merchant', { field: `lines.${i}.skuId` });
      merchantOrgId = product.merchantOrgId;
      const a = await this.attribution(tx, input.sessionId, product.id, `lines.${i}.skuId`);
      attr ??= a;
      if (!(await tx.orders.takeStock(sku.id, l.qty))) {
        const fresh = await tx.catalog.findSku(sku.id);
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
      lines.push(await this.line(tx, orderId, i + 1, product, sku, sku.priceFen, l.qty, a));
    }
    const order = this.newOrder(orderId, userId, merchantOrgId as string, attr, null, lines, address, now, this.d.payMinutes ?? 15);
    await tx.orders.insertOrder(order, lines);
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
    return this.view(tx, order, lines, { as: 'buyer' });
  }

  private async line(
    tx: Repositories,
    orderId: string,
    lineNo: number,
    product: ProductRecord,
    sku: SkuRecord,
    unitPriceFen: number,
    qty: number,
    a: { commissionBp: number; streamerShareBp: number } | null,
  ): Promise<OrderLineRecord> {
    const cats = await this.d.catalog.categories(tx);
    const path = [];
    for (let c = cats.get(product.categoryId); c; c = c.parentId ? cats.get(c.parentId) : undefined) path.push(c);
    const commissionBp = a?.commissionBp ?? 0;
    return {
      orderId,
      lineNo,
      productId: product.id,
      skuId: sku.id,
      title: product.title,
      skuName: sku.name,
      categoryId: product.categoryId,
      noReasonReturn: path.every((c) => c.noReasonReturn),
      unitPriceFen,
      qty,
      commissionBp,
      streamerShareBp: a?.streamerShareBp ?? 10_000,
      commissionFen: Math.floor((unitPriceFen * qty * commissionBp) / 10_000),
      returnedQty: 0,
      reversedCommissionFen: 0,
    };
  }

  private newOrder(
    id: string,
    userId: string,
    merchantOrgId: string,
    attr: {
      session: { id: string; streamerUserId: string; mcnOrgId: string | null };
      agreementId: string | null;
      agreementVersion: number | null;
    } | null,
    flashSaleId: string | null,
    lines: OrderLineRecord[],
    address: Address,
    now: Date,
    payMinutes: number,
  ): OrderRecord {
    return {
      id,
      orderNo: this.orderNo(id, now),
      buyerUserId: userId,
      merchantOrgId,
      status: 'created',
      sessionId: attr?.session.id ?? null,
      streamerUserId: attr?.session.streamerUserId ?? null,
      mcnOrgId: attr?.session.mcnOrgId ?? null,
      agreementId: attr?.agreementId ?? null,
      agreementVersion: attr?.agreementVersion ?? null,
      flashSaleId,
      totalFen: lines.reduce((n, l) => n + l.unitPriceFen * l.qty, 0),
      refundedFen: 0,
      commissionFen: lines.reduce((n, l) => n + l.commissionFen, 0),
      addressEnc: this.d.vault.encrypt(JSON.stringify(address)),
      region: address.region,
      carrier: null,
      trackingNo: null,
      payBy: new Date(now.getTime() + payMinutes * 60_000),
      paidAt: null,
      shippedAt: null,
      deliveredAt: null,
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      retainUntil: new Date(now.getTime() + RETENTION_MS),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  }

  // ---- flash sales -------------------------------------------------------------------------------------------------

  /** The sale, cached for a second: the hot path must not read it from the database for every buyer. */
  private async flashSale(id: string): Promise<FlashSaleRecord> {
    const hit = this.flashCache.get(id);
    const t = Date.now();
    if (hit && t - hit.at < 1000) return hit.f;
    const f = await this.d.uow.read.orders.findFlashSale(id);
    if (!f) throw new AppError('orders.flash_not_found', { field: 'flashSaleId' });
    this.flashCache.set(id, { f, at: t });
    return f;
  }

  /**
   * 秒杀下单: per-user limit and units from the counters first (no database work for the thousands who lose),
   * then one transaction for the order, its claims and reservation. Anything that fails after the counters gives
   * the units back.
   */
  private async createFlash(
    actor: Actor,
    userId: string,
    input: CreateOrderInput,
    address: Address,
    flashSaleId: string,
    requestHash: () => string,
    idempotencyKey: string | undefined,
  ): Promise<OrderResult> {
    const f = await this.flashSale(flashSaleId);
    const line = input.lines[0] as { skuId: string; qty: number };
    if (line.skuId !== f.skuId) throw new AppError('orders.flash_sku_mismatch', { field: 'lines.0.skuId' });
    if (input.sessionId && input.sessionId !== f.sessionId) throw new AppError('orders.not_on_session', { field: 'sessionId' });
    const now = this.now();
    if (f.status === 'cancelled' || now >= f.endsAt || f.status === 'ended')
      throw new AppError('orders.flash_ended', { field: 'flashSaleId' });
    if (now < f.startsAt)
      throw new AppError('orders.flash_not_started', { field: 'flashSaleId', details: { startsAt: f.startsAt.toISOString() } });
    if (line.qty > f.perUserLimit)
      throw new AppError('orders.limit_exceeded', { field: 'lines.0.qty', details: { limit: f.perUserLimit } });
    // the buyer's limit and the units left, in one atomic step: no database work for the thousands who lose
    const keys = { left: flashSaleKeys.left(f.id), user: flashSaleKeys.user(f.id, userId), marker: flashSaleKeys.corrected(f.id, userId) };
    const epoch = this.soldOut.epoch(f.id);
    let got = await this.d.counters.attempt(keys, line.qty, f.perUserLimit);
    if (!got.ok && got.reason === 'limit') {
      // the counter may still count an attempt that died with its process: ask the database, then try once more
      if (await this.userCounterWasStale(f, userId, got.held)) got = await this.d.counters.attempt(keys, line.qty, f.perUserLimit);
      if (!got.ok && got.reason === 'limit')
        throw new AppError('orders.limit_exceeded', { field: 'lines.0.qty', details: { limit: f.perUserLimit } });
    }
    if (!got.ok) {
      // one unit refused: none is left, for anyone — the sale is marked so the next losers are answered at once
      if (line.qty === 1) this.soldOut.soldOut(f.id, f.endsAt, epoch);
      // a buyer who held nothing in this sale cannot be retrying an order of it: no need to look up the key — unless
      // their counter was corrected, after which it may say less than they hold
      const firstTry = got.held === 0 && !(got.reason === 'sold_out' && got.marked);
      throw Object.assign(new AppError('orders.sold_out', { field: 'flashSaleId' }), { firstTry });
    }
    const { left, held } = got;
    // the winner's key is known to the board before its order is written: a retry with it is never refused early
    this.soldOut.noteWinnerKey(f.id, idempotencyKey);
    if (left === 0) this.soldOut.soldOut(f.id, f.endsAt, epoch);
    const giveBack = async () => {
      await this.d.counters.incr(flashSaleKeys.left(f.id), line.qty);
      await this.d.counters.incr(flashSaleKeys.user(f.id, userId), -line.qty);
      this.soldOut.restocked(f.id);
    };
    try {
      // the counter's value tells each taker distinct slots; a slot already held (after a restart or a release)
      // falls back to the lowest free ones
      // and the buyer's counter their own unit numbers; the database's unique indexes hold both
      const first = f.quantity - left - line.qty + 1;
      const slots = Array.from({ length: line.qty }, (_, i) => first + i);
      const units = Array.from({ length: line.qty }, (_, i) => held + 1 + i);
      const r = await new Promise<OrderResult>((resolve, reject) =>
        this.enqueueWinner({
          actor,
          userId,
          f,
          qty: line.qty,
          slots,
          units,
          address,
          requestHash: requestHash(),
          idempotencyKey,
          resolve,
          reject,
        }),
      );
      this.pushStock(f, left);
      return r;
    } catch (e) {
      await giveBack().catch(() => {});
      throw e;
    }
  }

  /**
   * Group commit. The counters let a sale's winners through far faster than one transaction each could write
   * them, so winners queue per sale and are written together: while one group's transaction runs, the next group
   * gathers (up to FLASH_GROUP_MAX). A group shares one look-up of the sale, the product and the attribution, one
   * chain lock for its audit entries and one statement per table. When the group cannot be written as a whole (a
   * slot taken after a restart, an idempotency twin, a buyer over the limit), each winner is written alone, so
   * one buyer's problem is only that buyer's answer.
   */
  private enqueueWinner(w: FlashWinner): void {
    const q = this.flashQueue.get(w.f.id);
    if (q) {
      q.push(w);
      return;
    }
    this.flashQueue.set(w.f.id, [w]);
    setImmediate(() => void this.drainWinners(w.f.id));
  }

  private async drainWinners(flashSaleId: string): Promise<void> {
    let group: FlashWinner[] = [];
    try {
      for (;;) {
        const q = this.flashQueue.get(flashSaleId) ?? [];
        group = q.splice(0, FLASH_GROUP_MAX);
        if (group.length === 0) {
          this.flashQueue.delete(flashSaleId);
          return;
        }
        let results: OrderResult[] | null = null;
        if (group.length > 1) results = await this.writeWinners(group).catch(() => null);
        if (results) for (const [i, w] of group.entries()) w.resolve(results[i] as OrderResult);
        // one after another: each takes the lowest free numbers once the one before committed (written at once,
        // they would all pick the same free slots and all but one lose them)
        else
          for (const w of group)
            await this.writeWinners([w]).then(
              (r) => w.resolve(r[0] as OrderResult),
              (e: unknown) => w.reject(e),
            );
        group = [];
      }
    } catch (e) {
      // never leave a winner waiting: whoever is queued hears the failure (their units go back) and the queue goes
      for (const w of [...group, ...(this.flashQueue.get(flashSaleId) ?? [])]) w.reject(e);
      this.flashQueue.delete(flashSaleId);
    }
  }

  /** One transaction for a group of winners of one sale: their claims, reservations, orders, audit and keys. */
  private writeWinners(group: FlashWinner[]): Promise<OrderResult[]> {
    const f = (group[0] as FlashWinner).f;
    const now = this.now();
    return this.d.uow.transaction(async (tx) => {
      const fresh = await tx.orders.findFlashSale(f.id);
      if (fresh?.status !== 'scheduled') throw new AppError('orders.flash_ended', { field: 'flashSaleId' });
      const held = new Map((await tx.orders.claimsByUser(f.id, [...new Set(group.map((w) => w.userId))])).map((c) => [c.userId, c.n]));
      for (const w of group) {
        const n = (held.get(w.userId) ?? 0) + w.qty;
        if (n > f.perUserLimit) throw new AppError('orders.limit_exceeded', { field: 'lines.0.qty', details: { limit: f.perUserLimit } });
        held.set(w.userId, n);
      }
      const { sku, product } = await this.productForSku(tx, f.skuId, 'lines.0.skuId');
      const a = await this.attribution(tx, f.sessionId, product.id, 'lines.0.skuId');
      const made = [];
      for (const w of group) {
        const orderId = this.d.ids.next();
        const lines = [await this.line(tx, orderId, 1, product, sku, f.priceFen, w.qty, a)];
        const order = this.newOrder(orderId, w.userId, f.merchantOrgId, a, f.id, lines, w.address, now, this.d.flashPayMinutes ?? 5);
        made.push({
          w,
          order,
          lines,
          claims: w.slots.map((slot, i) => ({
            flashSaleId: f.id,
            slot,
            orderId,
            userId: w.userId,
            buyerUnit: w.units[i] as number,
            createdAt: now,
          })),
        });
      }
      const limits = { quantity: f.quantity, perUserLimit: f.perUserLimit };
      let taken = await tx.orders.insertClaims(
        made.flatMap((m) => m.claims),
        limits,
      );
      if (!taken && group.length === 1) {
        // a number was taken (after a restart, a release or a stale counter): the lowest free ones instead
        const m = made[0] as (typeof made)[number];
        const units = await tx.orders.freeBuyerUnits(f.id, m.w.userId, f.perUserLimit, m.w.qty);
        if (units.length < m.w.qty)
          throw new AppError('orders.limit_exceeded', { field: 'lines.0.qty', details: { limit: f.perUserLimit } });
        const free = await tx.orders.freeSlots(f.id, f.quantity, m.w.qty);
        const base = m.claims[0] as ClaimRecord;
        m.claims = free.map((slot, i) => ({ ...base, slot, buyerUnit: units[i] as number }));
        taken = free.length === m.w.qty && (await tx.orders.insertClaims(m.claims, limits));
        // lost a race again: to another attempt of this buyer (their units are gone now), or for the last units
        if (!taken && (await tx.orders.freeBuyerUnits(f.id, m.w.userId, f.perUserLimit, m.w.qty)).length < m.w.qty)
          throw new AppError('orders.limit_exceeded', { field: 'lines.0.qty', details: { limit: f.perUserLimit } });
      }
      if (!taken) throw new AppError('orders.sold_out', { field: 'flashSaleId' });
      await tx.orders.insertReservations(
        made.map((m) => ({
          id: this.d.ids.next(),
          skuId: sku.id,
          orderId: m.order.id,
          flashSaleId: f.id,
          qty: m.w.qty,
          status: 'held' as const,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await tx.orders.insertOrders(
        made.map((m) => m.order),
        made.flatMap((m) => m.lines),
      );
      await this.d.audit.recordMany(
        tx,
        made.map((m) => ({
          actor: m.w.actor,
          input: {
            action: 'order.create',
            targetType: 'order',
            targetId: m.order.id,
            orgId: m.order.merchantOrgId,
            detail: { orderNo: m.order.orderNo, totalFen: m.order.totalFen, flashSaleId: f.id, qty: m.w.qty },
          },
        })),
      );
      await tx.outbox.addMany(
        made.map((m) => ({
          id: this.d.ids.next(),
          topic: 'order.created',
          payload: { orderId: m.order.id, sessionId: m.order.sessionId, flashSaleId: f.id, totalFen: m.order.totalFen },
          createdAt: now,
          publishedAt: null,
        })),
      );
      const names = await this.buyerNames(
        tx,
        made.map((m) => m.order.buyerUserId),
      );
      const out: OrderResult[] = [];
      for (const m of made)
        out.push({ status: 201, body: await this.view(tx, m.order, m.lines, { as: 'buyer', names, pendingRefunds: new Set() }) });
      const keyed = made.flatMap((m, i) =>
        m.w.idempotencyKey
          ? [
              {
                userId: m.w.userId,
                scope: 'order.create',
                key: m.w.idempotencyKey,
                requestHash: m.w.requestHash,
                status: 201,
                response: out[i]?.body,
                createdAt: now,
              },
            ]
          : [],
      );
      if ((await tx.orders.insertIdempotencies(keyed)) !== keyed.length) throw new IdempotencyRace();
      return out;
    });
  }

  /** 创建秒杀: the streamer of a session sets one up for a product on it; the units leave the SKU's stock now. */
  async createFlashSale(
    actor: Actor,
    sessionId: string,
    input: {
      productId: string;
      skuId: string;
      priceFen: number;
      quantity: number;
      perUserLimit: number;
      startsAt?: string | undefined;
      durationS: number;
    },
  ): Promise<FlashSaleView> {
    const userId = this.requireUser(actor);
    const now = this.now();
    const startsAt = input.startsAt ? new Date(input.startsAt) : now;
    if (startsAt.getTime() < now.getTime() - 60_000)
      throw new AppError('orders.flash_invalid', { field: 'startsAt', details: { issue: 'starts in the past' } });
    const f = await this.d.uow.transaction(async (tx) => {
      const s = await tx.live.findSession(sessionId);
      if (!s || s.streamerUserId !== userId) throw new AppError('live.not_found', { field: 'id' });
      if (s.status === 'ended' || s.status === 'cancelled') throw new AppError('live.not_active', { details: { status: s.status } });
      const onSession = (await tx.live.listProducts(sessionId)).find((p) => p.productId === input.productId);
      if (!onSession) throw new AppError('orders.not_on_session', { field: 'productId' });
      const { sku, product } = await this.productForSku(tx, input.skuId, 'skuId');
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
      await tx.catalog.insertPricePoint({
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
    this.pushStock(f, f.quantity, true);
    return this.flashView(f, f.quantity, (await this.d.uow.read.catalog.findSku(f.skuId))?.priceFen ?? f.priceFen);
  }

  /** 结束/取消秒杀: unsold units go back to the SKU's stock; orders already placed stand. */
  async endFlashSale(actor: Actor, id: string, status: 'ended' | 'cancelled' = 'cancelled'): Promise<FlashSaleView> {
    const now = this.now();
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
    this.flashCache.delete(id);
    this.soldOut.ended(id);
    // the sale's counters (units left, every buyer's, the corrected marks) are done with: they would pile up
    await this.d.counters.deletePrefix(flashSaleKeys.prefix(f.id));
    this.pushStock(f, 0, true, true);
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
    const out: FlashSaleView[] = [];
    for (const f of sales) {
      const left = f.status === 'scheduled' ? ((await this.d.counters.get(flashSaleKeys.left(f.id))) ?? 0) : 0;
      out.push(this.presentFlash(f, left, priceOf.get(f.skuId) ?? f.priceFen, titleOf.get(f.productId) ?? '', sold.get(f.id) ?? 0));
    }
    return out;
  }

  private async flashView(f: FlashSaleRecord, left: number, listPriceFen: number): Promise<FlashSaleView> {
    const product = await this.d.uow.read.catalog.findProduct(f.productId);
    return this.presentFlash(f, left, listPriceFen, product?.title ?? '', await this.d.uow.read.orders.countClaims(f.id));
  }

  private presentFlash(f: FlashSaleRecord, left: number, listPriceFen: number, title: string, sold: number): FlashSaleView {
    const now = this.now();
    return {
      id: f.id,
      sessionId: f.sessionId,
      productId: f.productId,
      skuId: f.skuId,
      title,
      priceFen: f.priceFen,
      listPriceFen,
      quantity: f.quantity,
      left,
      sold,
      perUserLimit: f.perUserLimit,
      startsAt: f.startsAt.toISOString(),
      endsAt: f.endsAt.toISOString(),
      state:
        f.status === 'cancelled'
          ? 'cancelled'
          : f.status === 'ended' || now >= f.endsAt
            ? 'ended'
            : now < f.startsAt
              ? 'upcoming'
              : 'running',
    };
  }

  /** Stock left in the room, at most twice a second per sale (the last value always goes out with the sale's end). */
  private pushStock(f: FlashSaleRecord, left: number, force = false, over = false): void {
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
  private announce(o: OrderView): void {
    if (!this.d.onRoomEvent || !o.attribution.sessionId) return;
    const key = `order:${o.attribution.sessionId}`;
    const t = Date.now();
    if (t - (this.lastRoomPush.get(key) ?? 0) < 200) return;
    this.lastRoomPush.set(key, t);
    this.d.onRoomEvent(o.attribution.sessionId, { k: 'order', name: o.buyerName, productTitle: o.lines[0]?.title ?? '' });
  }

  /**
   * A buyer refused as over the limit whose counter counts more than the database holds: an attempt that died
   * with its process (or is still in flight) is in it. The counter comes down to what is held, and the caller tries
   * once more; the unique (sale, buyer, unit) index refuses what the counters let through wrongly. Asked at most
   * every 2 s per buyer and sale in a process, so a buyer hammering the button costs no database reads.
   */
  private async userCounterWasStale(f: FlashSaleRecord, userId: string, counted: number): Promise<boolean> {
    const key = `${f.id}:${userId}`;
    const t = Date.now();
    if (t - (this.limitRechecks.get(key) ?? 0) < 2000) return false;
    this.limitRechecks.set(key, t);
    const held = await this.d.uow.read.orders.countUserClaims(f.id, userId);
    if (counted <= held) return false;
    // attempts of this buyer still in flight elsewhere are taken out of the counter too: from now on it may say
    // less than the buyer holds, which the marker tells the sold-out path (see createFlash)
    await this.d.counters.set(flashSaleKeys.corrected(f.id, userId), 1);
    await this.d.counters.incr(flashSaleKeys.user(f.id, userId), held - counted);
    return true;
  }

  /** The throttles' memory of rooms and sales that have been quiet for a minute goes (it would grow forever). */
  private forgetQuietRooms(t: number): void {
    for (const [k, at] of this.limitRechecks) if (t - at > 60_000) this.limitRechecks.delete(k);
    for (const [k, at] of this.lastRoomPush) if (t - at > 60_000) this.lastRoomPush.delete(k);
    for (const [k, hit] of this.flashCache) if (t - hit.at > 60_000) this.flashCache.delete(k);
  }

  /**
   * 对账: at start-up every running sale's counters are rebuilt from the database — quantity minus the claims held,
   * and each buyer's units — under a lock; sales past their end are closed (unsold units back to stock), which the
   * periodic tick also does.
   */
  async reconcile(opts: { counters?: boolean } = {}): Promise<{ sales: number; ended: number }> {
    const now = this.now();
    const running = await this.d.uow.read.orders.listFlashSales({ status: ['scheduled'], limit: 1000 });
    let ended = 0;
    for (const f of running) {
      if (now >= f.endsAt) {
        await this.endFlashSale(sweeper, f.id, 'ended');
        ended++;
        continue;
      }
      if (opts.counters === false) continue;
      const token = await this.d.locks.acquire(`fs:reconcile:${f.id}`, 10_000);
      if (!token) continue;
      try {
        const claimed = await this.d.uow.read.orders.countClaims(f.id);
        await this.d.counters.set(flashSaleKeys.left(f.id), Math.max(0, f.quantity - claimed));
        if (f.quantity > claimed) this.soldOut.restocked(f.id);
        // per-buyer counters too, so the limit holds and a winner's retry is recognised after a restart
        for (const u of await this.d.uow.read.orders.claimsByUser(f.id)) await this.d.counters.set(flashSaleKeys.user(f.id, u.userId), u.n);
      } finally {
        await this.d.locks.release(`fs:reconcile:${f.id}`, token);
      }
    }
    return { sales: running.length, ended };
  }

  // ---- reading -----------------------------------------------------------------------------------------------------

  private async readable(actor: Actor, o: OrderRecord): Promise<'buyer' | 'merchant' | 'streamer' | 'platform'> {
    if (actor.userId && o.buyerUserId === actor.userId) return 'buyer';
    if (actor.role === 'merchant_staff' && actor.orgId === o.merchantOrgId) return 'merchant';
    if (actor.role === 'streamer' && actor.userId && o.streamerUserId === actor.userId) return 'streamer';
    if (actor.role === 'mcn_manager' && actor.orgId && o.mcnOrgId === actor.orgId) return 'streamer';
    if (isCrossTenant(actor)) return 'platform';
    throw new AppError('orders.not_found', { field: 'id' });
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    const o = await this.d.uow.read.orders.findOrder(id);
    if (!o) throw new AppError('orders.not_found', { field: 'id' });
    const as = await this.readable(actor, o);
    return this.view(this.d.uow.read, o, await this.d.uow.read.orders.listLines([o.id]), { as });
  }

  async list(
    actor: Actor,
    q: {
      as: 'buyer' | 'merchant' | 'streamer' | 'platform';
      status?: OrderStatus | undefined;
      sessionId?: string | undefined;
      limit: number;
      before?: string | undefined;
      beforeId?: string | undefined;
    },
  ): Promise<OrderView[]> {
    const scope: Parameters<Repositories['orders']['listOrders']>[0] = { limit: q.limit };
    if (q.as === 'buyer') scope.buyerUserId = this.requireUser(actor);
    else if (q.as === 'merchant') {
      if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
      scope.merchantOrgId = actor.orgId;
    } else if (q.as === 'streamer') {
      if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
      scope.streamerUserId = actor.userId;
    } else if (!isCrossTenant(actor)) throw new AppError('auth.forbidden');
    if (q.status) scope.status = q.status;
    if (q.sessionId) scope.sessionId = q.sessionId;
    if (q.before) scope.before = new Date(q.before);
    if (q.before && q.beforeId) scope.beforeId = q.beforeId;
    const rows = await this.d.uow.read.orders.listOrders(scope);
    const lines = await this.d.uow.read.orders.listLines(rows.map((o) => o.id));
    const byOrder = new Map<string, OrderLineRecord[]>();
    for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    const names = await this.buyerNames(
      this.d.uow.read,
      rows.map((o) => o.buyerUserId),
    );
    const pendingRefunds = new Set(await this.d.uow.read.orders.withPendingRefunds(rows.map((o) => o.id)));
    const out: OrderView[] = [];
    for (const o of rows) out.push(await this.view(this.d.uow.read, o, byOrder.get(o.id) ?? [], { as: q.as, names, pendingRefunds }));
    return out;
  }

  /** The buyers' names for `view`, with one query for all of them (not one per order). */
  private async buyerNames(repos: Repositories, userIds: string[]): Promise<Map<string, string>> {
    return new Map((await repos.users.findByIds(userIds)).map((u) => [nameKey('user', u.id), u.displayName]));
  }

  /** The order as its reader may see it: the address always masked, commission only for the trade's parties. */
  async view(
    repos: Repositories,
    o: OrderRecord,
    lines: OrderLineRecord[],
    opts: {
      as: 'buyer' | 'merchant' | 'streamer' | 'platform';
      names?: Map<string, string>;
      /** the orders with a refund pending, when the caller looked them up for a whole page */
      pendingRefunds?: Set<string>;
    },
  ): Promise<OrderView> {
    const names = opts.names ?? new Map<string, string>();
    const nameOf = async (kind: 'org' | 'user' | 'session', id: string | null): Promise<string | null> => {
      if (!id) return null;
      const k = nameKey(kind, id);
      if (!names.has(k)) {
        const v =
          kind === 'org'
            ? (await repos.orgs.findById(id))?.name
            : kind === 'user'
              ? (await repos.users.findById(id))?.displayName
              : (await repos.live.findSession(id))?.title;
        names.set(k, v ?? '');
      }
      return names.get(k) ?? null;
    };
    const address = JSON.parse(this.d.vault.decrypt(o.addressEnc)) as Address;
    const showCommission = opts.as !== 'buyer';
    return {
      id: o.id,
      orderNo: o.orderNo,
      status: o.status,
      merchantOrgId: o.merchantOrgId,
      merchantName: (await nameOf('org', o.merchantOrgId)) ?? '',
      buyerName: maskName((await nameOf('user', o.buyerUserId)) ?? ''),
      lines: lines
        .sort((a, b) => a.lineNo - b.lineNo)
        .map((l) => ({
          lineNo: l.lineNo,
          productId: l.productId,
          skuId: l.skuId,
          title: l.title,
          skuName: l.skuName,
          unitPriceFen: l.unitPriceFen,
          qty: l.qty,
          noReasonReturn: l.noReasonReturn,
          returnedQty: l.returnedQty,
          ...(showCommission ? { commissionFen: l.commissionFen - l.reversedCommissionFen } : {}),
        })),
      totalFen: o.totalFen,
      refundedFen: o.refundedFen,
      refundPending:
        o.status !== 'created' &&
        (opts.pendingRefunds ? opts.pendingRefunds.has(o.id) : (await repos.orders.listRefunds(o.id)).some((r) => r.status === 'pending')),
      address: {
        name: maskName(address.name),
        phone: maskPhone(address.phone),
        region: address.region,
        detail: maskAddress(address.detail),
      },
      attribution: {
        sessionId: o.sessionId,
        sessionTitle: await nameOf('session', o.sessionId),
        streamerName: await nameOf('user', o.streamerUserId),
        flashSaleId: o.flashSaleId,
      },
      payBy: o.payBy.toISOString(),
      paidAt: o.paidAt?.toISOString() ?? null,
      shippedAt: o.shippedAt?.toISOString() ?? null,
      deliveredAt: o.deliveredAt?.toISOString() ?? null,
      completedAt: o.completedAt?.toISOString() ?? null,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      cancelReason: o.cancelReason,
      carrier: o.carrier,
      trackingNo: o.trackingNo,
      returnBy: o.deliveredAt ? new Date(o.deliveredAt.getTime() + 7 * DAY).toISOString() : null,
      createdAt: o.createdAt.toISOString(),
    };
  }

  /** 面单: the merchant sees the full address to ship, and the look is audited. */
  async shippingLabel(actor: Actor, id: string): Promise<Address & { orderNo: string }> {
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id);
      if (!o || actor.role !== 'merchant_staff' || actor.orgId !== o.merchantOrgId) throw new AppError('orders.not_found', { field: 'id' });
      if (o.status !== 'paid' && o.status !== 'shipped')
        throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'shipping_label' } });
      await this.d.audit.record(tx, actor, { action: 'order.shipping_label', targetType: 'order', targetId: o.id, orgId: o.merchantOrgId });
      return { ...(JSON.parse(this.d.vault.decrypt(o.addressEnc)) as Address), orderNo: o.orderNo };
    });
  }

  // ---- transitions -------------------------------------------------------------------------------------------------

  /** Applies one lifecycle event through the state table, with an optimistic version check and an audit entry. */
  private async transition(
    tx: Repositories,
    actor: Actor,
    o: OrderRecord,
    event: OrderEvent,
    patch: Partial<OrderRecord>,
    detail: Record<string, unknown> = {},
  ): Promise<OrderRecord> {
    const to = nextStatus(o.status, event);
    if (!to) throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: event } });
    const now = this.now();
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
      payload: { orderId: o.id, sessionId: o.sessionId, from: o.status },
      createdAt: now,
      publishedAt: null,
    });
    return next;
  }

  /** Gives held stock back: to the SKU, or to its flash sale while the sale runs. */
  private async releaseStock(tx: Repositories, o: OrderRecord, from: 'held' | 'sold' = 'held'): Promise<void> {
    const now = this.now();
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
  private async releaseCounters(o: OrderRecord, qty: number): Promise<void> {
    if (!o.flashSaleId) return;
    const f = await this.d.uow.read.orders.findFlashSale(o.flashSaleId);
    if (f?.status === 'scheduled') {
      await this.d.counters.incr(flashSaleKeys.user(f.id, o.buyerUserId), -qty);
      const left = await this.d.counters.incr(flashSaleKeys.left(f.id), qty);
      // every process drops its sold-out mark: the unit is on sale again
      this.soldOut.restocked(f.id);
      this.pushStock(f, left, true);
    }
  }

  /** 取消订单: the buyer, before paying (the merchant may also cancel an unpaid order). */
  async cancel(actor: Actor, id: string, reason: string): Promise<OrderView> {
    let qty = 0;
    const { order, view } = await this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o) throw new AppError('orders.not_found', { field: 'id' });
      const as = await this.readable(actor, o);
      if (as !== 'buyer' && as !== 'merchant') throw new AppError('orders.not_found', { field: 'id' });
      qty = (await tx.orders.listReservations(o.id)).filter((r) => r.status === 'held').reduce((n, r) => n + r.qty, 0);
      await this.releaseStock(tx, o);
      const next = await this.transition(tx, actor, o, 'cancel', { cancelledAt: this.now(), cancelReason: reason }, { reason });
      return { order: next, view: await this.view(tx, next, await tx.orders.listLines([o.id]), { as }) };
    });
    await this.releaseCounters(order, qty);
    return view;
  }

  /** 发货: the merchant ships a paid order with carrier and tracking number. */
  async ship(actor: Actor, id: string, input: { carrier: string; trackingNo: string }): Promise<OrderView> {
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o || actor.role !== 'merchant_staff' || actor.orgId !== o.merchantOrgId) throw new AppError('orders.not_found', { field: 'id' });
      const next = await this.transition(
        tx,
        actor,
        o,
        'ship',
        { shippedAt: this.now(), carrier: input.carrier, trackingNo: input.trackingNo },
        input,
      );
      return this.view(tx, next, await tx.orders.listLines([o.id]), { as: 'merchant' });
    });
  }

  /** 确认收货 (buyer) or the carrier's delivery signal (merchant): the 7-day return window starts now. */
  async deliver(actor: Actor, id: string): Promise<OrderView> {
    return this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o) throw new AppError('orders.not_found', { field: 'id' });
      const as = await this.readable(actor, o);
      if (as !== 'buyer' && as !== 'merchant') throw new AppError('orders.not_found', { field: 'id' });
      const next = await this.transition(tx, actor, o, 'deliver', { deliveredAt: this.now() }, { by: as });
      return this.view(tx, next, await tx.orders.listLines([o.id]), { as });
    });
  }

  // ---- payments ----------------------------------------------------------------------------------------------------

  /**
   * 去支付: opens a payment with the provider for an unpaid order; the same key returns the same payment.
   * `returnOrigin`: the origin the buyer reached the app at (checked by the caller), for the way back after paying.
   */
  async pay(
    actor: Actor,
    id: string,
    provider: string,
    idempotencyKey?: string,
    returnOrigin?: string,
  ): Promise<{ paymentId: string; payUrl: string; amountFen: number }> {
    const userId = this.requireUser(actor);
    const p = this.providers.get(provider);
    if (!p) throw new AppError('payments.unknown_provider', { field: 'provider' });
    const requestHash = sha256Hex(canonicalJson({ id, provider }));
    if (idempotencyKey) {
      const prior = await this.d.uow.read.orders.findIdempotency(userId, 'order.pay', idempotencyKey);
      if (prior) {
        if (prior.requestHash !== requestHash) throw new AppError('orders.idempotency_conflict', { field: 'Idempotency-Key' });
        return prior.response as { paymentId: string; payUrl: string; amountFen: number };
      }
    }
    const o = await this.d.uow.read.orders.findOrder(id);
    if (!o || o.buyerUserId !== userId) throw new AppError('orders.not_found', { field: 'id' });
    if (o.status !== 'created' || o.payBy <= this.now())
      throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'pay' } });
    // an open payment is reused: one order, one pending payment at a time
    const open = (await this.d.uow.read.orders.listPayments(o.id)).find((x) => x.status === 'pending' && x.provider === p.name && x.payUrl);
    const now = this.now();
    let payment: PaymentRecord;
    if (open) payment = open;
    else {
      payment = {
        id: this.d.ids.next(),
        orderId: o.id,
        provider: p.name,
        providerRef: null,
        amountFen: o.totalFen,
        status: 'pending',
        payUrl: null,
        failureReason: null,
        createdAt: now,
        updatedAt: now,
      };
      const created = await p.createPayment({
        paymentId: payment.id,
        orderNo: o.orderNo,
        amountFen: o.totalFen,
        subject: `LiveHub ${o.orderNo}`,
        expiresAt: o.payBy,
        returnUrl: `${returnOrigin ?? this.d.publicBaseUrl}/orders/${o.id}`,
      });
      payment = { ...payment, providerRef: created.providerRef, payUrl: created.payUrl };
    }
    const response = { paymentId: payment.id, payUrl: payment.payUrl as string, amountFen: payment.amountFen };
    try {
      await this.d.uow.transaction(async (tx) => {
        if (!open) await tx.orders.insertPayment(payment);
        await this.d.audit.record(tx, actor, {
          action: 'payment.create',
          targetType: 'order',
          targetId: o.id,
          orgId: o.merchantOrgId,
          detail: { paymentId: payment.id, provider: p.name, amountFen: payment.amountFen },
        });
        if (idempotencyKey) {
          const ok = await tx.orders.insertIdempotency({
            userId,
            scope: 'order.pay',
            key: idempotencyKey,
            requestHash,
            status: 200,
            response,
            createdAt: now,
          });
          if (!ok) throw new IdempotencyRace();
        }
      });
    } catch (e) {
      if (e instanceof IdempotencyRace && idempotencyKey) {
        const prior = await this.d.uow.read.orders.findIdempotency(userId, 'order.pay', idempotencyKey);
        if (prior && prior.requestHash === requestHash) return prior.response as typeof response;
      }
      throw e;
    }
    return response;
  }

  /**
   * 支付结果通知: verified by the provider adapter (signature, freshness), then processed once per notification id.
   * A payment that arrives for an order already cancelled (it timed out meanwhile) is refunded at once.
   */
  async onNotification(providerName: string, headers: Record<string, string | undefined>, rawBody: string): Promise<{ ok: true }> {
    const p = this.providers.get(providerName);
    if (!p) throw new AppError('payments.unknown_provider', { field: 'provider' });
    const check = p.verifyNotification(headers, rawBody);
    if (!check.ok)
      throw new AppError(
        check.reason === 'bad_signature' ? 'payments.bad_signature' : check.reason === 'stale' ? 'payments.stale' : 'payments.malformed',
      );
    const n = check.notification;
    const actor: Actor = { ...sweeper, label: `system:payments:${p.name}` };
    let refundAfter: RefundRecord | null = null;
    await this.d.uow.transaction(async (tx) => {
      const fresh = await tx.orders.recordNotification({
        provider: p.name,
        notifyId: n.notifyId,
        kind: n.kind,
        ref: n.refundId ?? n.paymentId,
        receivedAt: this.now(),
      });
      if (!fresh) throw new AppError('payments.replayed');
      if (n.kind === 'payment.succeeded' || n.kind === 'payment.failed') refundAfter = await this.onPayment(tx, actor, n);
      else await this.onRefund(tx, actor, n);
    });
    if (refundAfter) await this.sendRefund(refundAfter);
    return { ok: true };
  }

  private async onPayment(tx: Repositories, actor: Actor, n: PaymentNotification): Promise<RefundRecord | null> {
    const pay = await tx.orders.findPayment(n.paymentId);
    if (!pay) throw new AppError('payments.not_found');
    // a payment closed at the order's timeout that the payer completed anyway still succeeded: it is refunded below
    const lateSuccess = pay.status === 'expired' && n.kind === 'payment.succeeded';
    if (pay.status !== 'pending' && !lateSuccess) return null;
    const now = this.now();
    if (n.kind === 'payment.failed') {
      await tx.orders.updatePayment({ ...pay, status: 'failed', failureReason: n.reason ?? 'failed', updatedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'payment.failed',
        targetType: 'order',
        targetId: pay.orderId,
        detail: { paymentId: pay.id, reason: n.reason },
      });
      return null;
    }
    if (n.amountFen !== pay.amountFen) throw new AppError('payments.amount_mismatch');
    await tx.orders.updatePayment({ ...pay, status: 'succeeded', providerRef: n.providerRef, updatedAt: now });
    const o = await tx.orders.findOrder(pay.orderId, { lock: true });
    if (!o) throw new AppError('orders.not_found');
    if (o.status !== 'created') {
      // paid too late (cancelled or timed out) or twice: the money goes back
      const refund: RefundRecord = {
        id: this.d.ids.next(),
        orderId: o.id,
        paymentId: pay.id,
        returnId: null,
        amountFen: pay.amountFen,
        reason: `payment for a ${o.status} order`,
        status: 'pending',
        createdAt: now,
        completedAt: null,
      };
      await tx.orders.insertRefund(refund);
      await this.d.audit.record(tx, actor, {
        action: 'payment.late_refund',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { paymentId: pay.id },
      });
      return refund;
    }
    await tx.orders.setReservations(o.id, 'held', 'sold', now);
    await this.transition(tx, actor, o, 'pay', { paidAt: now }, { paymentId: pay.id, amountFen: pay.amountFen });
    for (const l of await tx.orders.listLines([o.id])) await tx.catalog.addSales(l.productId, l.qty);
    return null;
  }

  private async onRefund(tx: Repositories, actor: Actor, n: PaymentNotification): Promise<void> {
    const r = n.refundId ? await tx.orders.findRefund(n.refundId) : null;
    if (!r) throw new AppError('payments.not_found');
    if (r.status !== 'pending') return;
    const now = this.now();
    if (n.kind === 'refund.failed') {
      await tx.orders.updateRefund({ ...r, status: 'failed', completedAt: now });
      await this.d.audit.record(tx, actor, {
        action: 'refund.failed',
        targetType: 'order',
        targetId: r.orderId,
        detail: { refundId: r.id, reason: n.reason },
      });
      return;
    }
    await tx.orders.updateRefund({ ...r, status: 'succeeded', completedAt: now });
    const o = await tx.orders.findOrder(r.orderId, { lock: true });
    if (!o) return;
    const refundedFen = o.refundedFen + r.amountFen;
    const patch = { refundedFen };
    const full = refundedFen >= o.totalFen && (o.status === 'paid' || o.status === 'delivered');
    if (full) await this.transition(tx, actor, o, 'refund_all', patch, { refundId: r.id, amountFen: r.amountFen });
    else {
      const next: OrderRecord = { ...o, refundedFen, version: o.version + 1, updatedAt: now };
      if (!(await tx.orders.updateOrder(next, o.version))) throw new AppError('orders.stale');
      await this.d.audit.record(tx, actor, {
        action: 'order.refund',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { refundId: r.id, amountFen: r.amountFen },
      });
    }
    if (r.returnId) {
      const ret = await tx.orders.findReturn(r.returnId);
      if (ret && ret.status === 'received')
        await tx.orders.updateReturn({ ...ret, status: 'refunded', version: ret.version + 1, updatedAt: now }, ret.version);
    }
  }

  /**
   * 退款: records a refund against the order's successful payment (inside the caller's transaction) — the caller
   * sends it to the provider after commit with `sendRefund`.
   */
  async recordRefund(tx: Repositories, o: OrderRecord, amountFen: number, reason: string, returnId: string | null): Promise<RefundRecord> {
    const paid = (await tx.orders.listPayments(o.id)).find((p) => p.status === 'succeeded');
    if (!paid) throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'refund' } });
    const r: RefundRecord = {
      id: this.d.ids.next(),
      orderId: o.id,
      paymentId: paid.id,
      returnId,
      amountFen,
      reason,
      status: 'pending',
      createdAt: this.now(),
      completedAt: null,
    };
    await tx.orders.insertRefund(r);
    return r;
  }

  async sendRefund(r: RefundRecord): Promise<void> {
    const pay = await this.d.uow.read.orders.findPayment(r.paymentId);
    const p = pay ? this.providers.get(pay.provider) : undefined;
    if (!pay || !p) return;
    await p.refund({ refundId: r.id, paymentId: pay.id, providerRef: pay.providerRef, amountFen: r.amountFen, reason: r.reason });
  }

  /** 申请退款 before shipping: the buyer of a paid order gets all of it back; the units return to stock. */
  async refundUnshipped(actor: Actor, id: string, reason: string): Promise<OrderView> {
    let qty = 0;
    const { refund, view, order } = await this.d.uow.transaction(async (tx) => {
      const o = await tx.orders.findOrder(id, { lock: true });
      if (!o || o.buyerUserId !== actor.userId) throw new AppError('orders.not_found', { field: 'id' });
      if (o.status !== 'paid')
        throw new AppError('orders.illegal_transition', { field: 'id', details: { status: o.status, action: 'refund' } });
      const pending = (await tx.orders.listRefunds(o.id)).some((r) => r.status === 'pending');
      if (pending) throw new AppError('orders.illegal_transition', { field: 'id', details: { status: 'refunding', action: 'refund' } });
      const refund = await this.recordRefund(tx, o, o.totalFen - o.refundedFen, reason, null);
      qty = (await tx.orders.listReservations(o.id)).filter((r) => r.status === 'sold').reduce((n, r) => n + r.qty, 0);
      // the units go back where they came from: the SKU, or the flash sale while it runs
      await this.releaseStock(tx, o, 'sold');
      for (const l of await tx.orders.listLines([o.id])) await tx.orders.updateLine({ ...l, reversedCommissionFen: l.commissionFen });
      await this.d.audit.record(tx, actor, {
        action: 'order.refund_request',
        targetType: 'order',
        targetId: o.id,
        orgId: o.merchantOrgId,
        detail: { reason, amountFen: refund.amountFen },
      });
      return { refund, order: o, view: await this.view(tx, o, await tx.orders.listLines([o.id]), { as: 'buyer' }) };
    });
    await this.releaseCounters(order, qty);
    await this.sendRefund(refund);
    return view;
  }

  // ---- the sweep ---------------------------------------------------------------------------------------------------

  /**
   * 超时关单 and the rest of the clock: unpaid orders past their deadline are cancelled (stock back), shipped
   * orders nobody confirmed count as delivered after N days, delivered orders complete once the return window has
   * passed with no return open, and flash sales past their end close.
   */
  async sweep(): Promise<{ expired: number; delivered: number; completed: number; salesEnded: number }> {
    const now = this.now();
    this.forgetQuietRooms(Date.now());
    let expired = 0;
    for (const o of await this.d.uow.read.orders.listUnpaidExpired(now, 500)) {
      try {
        let qty = 0;
        const next = await this.d.uow.transaction(async (tx) => {
          const fresh = await tx.orders.findOrder(o.id, { lock: true });
          if (fresh?.status !== 'created' || fresh.payBy > now) return null;
          qty = (await tx.orders.listReservations(o.id)).filter((r) => r.status === 'held').reduce((n, r) => n + r.qty, 0);
          await this.releaseStock(tx, fresh);
          // the payments still open are closed (超时关单); one the payer completes anyway is refunded (onPayment)
          const open = (await tx.orders.listPayments(o.id)).filter((p) => p.status === 'pending');
          for (const p of open)
            await tx.orders.updatePayment({ ...p, status: 'expired', failureReason: 'payment timeout', updatedAt: now });
          return this.transition(
            tx,
            sweeper,
            fresh,
            'expire',
            { cancelledAt: now, cancelReason: 'payment timeout' },
            { paymentsClosed: open.length },
          );
        });
        if (next) {
          expired++;
          await this.releaseCounters(next, qty);
        }
      } catch {
        // a concurrent payment won: the next sweep sees it paid
      }
    }
    let delivered = 0;
    const deliverBefore = new Date(now.getTime() - (this.d.autoDeliverDays ?? 10) * DAY);
    for (const o of await this.d.uow.read.orders.listByStatusBefore('shipped', 'shippedAt', deliverBefore, 500)) {
      await this.d.uow
        .transaction(async (tx) => {
          const fresh = await tx.orders.findOrder(o.id, { lock: true });
          if (fresh?.status === 'shipped') await this.transition(tx, sweeper, fresh, 'deliver', { deliveredAt: now }, { by: 'timeout' });
        })
        .then(() => delivered++)
        .catch(() => {});
    }
    let completed = 0;
    for (const o of await this.d.uow.read.orders.listByStatusBefore('delivered', 'deliveredAt', new Date(now.getTime() - 7 * DAY), 500)) {
      await this.d.uow
        .transaction(async (tx) => {
          const open = (await tx.orders.listReturns({ orderId: o.id, limit: 20 })).some(
            (r) => !['rejected', 'refunded', 'cancelled'].includes(r.status),
          );
          const fresh = await tx.orders.findOrder(o.id, { lock: true });
          if (!open && fresh?.status === 'delivered') await this.transition(tx, sweeper, fresh, 'complete', { completedAt: now });
        })
        .then(() => completed++)
        .catch(() => {});
    }
    // the counters are rebuilt at start-up only: while a sale runs, they are ahead of the claims in flight
    const { ended } = await this.reconcile({ counters: false });
    return { expired, delivered, completed, salesEnded: ended };
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

  /** Session statistics: paid orders and GMV attributed to a session. */
  sessionTotals(sessionId: string) {
    return this.d.uow.read.orders.sessionTotals(sessionId);
  }
}
