/**
 * 秒杀下单, the hot path: per-user limit and units from the atomic counters first (CounterStore: process memory, or
 * Redis + Lua — no database work for the thousands who lose), then the winners written in groups, each unit a
 * claim row whose slot is unique and ≤ the quantity, so PostgreSQL refuses a 1,001st unit even if a counter were
 * wrong. Anything that fails after the counters gives the units back. Owns its queue of winners and its caches.
 */
import type { CreateOrderInput } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { CounterStore } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { flashSaleKeys } from './flash-sale.rules.ts';
import type { OrderViewService } from './order-view.service.ts';
import type { Address } from './order.rules.ts';
import type { ClaimRecord, ClientSignals, FlashSaleRecord } from './order.types.ts';
import { IdempotencyRace, limitExceeded, type OrderMaker, type RoomNotices } from './orders.internal.ts';
import type { OrderResult, PlacementScope } from './placement.service.ts';
import type { SoldOutBoard } from './sold-out-board.ts';

/** Most flash-sale winners written in one transaction (see `enqueue`). */
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
  /** the device and IP the request came from (hashed with the order for the fake-order detector) */
  client: ClientSignals | undefined;
  requestHash: string;
  idempotencyKey: string | undefined;
  resolve: (r: OrderResult) => void;
  reject: (e: unknown) => void;
}

export interface FlashWinnerDeps {
  uow: ScopedUnitOfWork<PlacementScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  counters: CounterStore;
  maker: OrderMaker;
  views: OrderViewService;
  soldOut: SoldOutBoard;
  notices: RoomNotices;
  /** minutes a flash-sale order may stay unpaid */
  flashPayMinutes?: number | undefined;
}

export class FlashWinnerBatcher {
  private readonly flashCache = new Map<string, { f: FlashSaleRecord; at: number }>();
  /** when a buyer's per-user counter was last checked against the database (see userCounterWasStale) */
  private readonly limitRechecks = new Map<string, number>();
  /** flash-sale winners waiting for their group's transaction, per sale */
  private readonly flashQueue = new Map<string, FlashWinner[]>();

  constructor(private readonly d: FlashWinnerDeps) {}

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

  /** The sale changed (ended, cancelled): the cached copy goes. */
  forget(saleId: string): void {
    this.flashCache.delete(saleId);
  }

  /** The caches' memory of sales and buyers quiet for a minute goes (it would grow forever). */
  forgetQuiet(t: number): void {
    for (const [k, at] of this.limitRechecks) if (t - at > 60_000) this.limitRechecks.delete(k);
    for (const [k, hit] of this.flashCache) if (t - hit.at > 60_000) this.flashCache.delete(k);
  }

  /**
   * 秒杀下单: per-user limit and units from the counters first (no database work for the thousands who lose),
   * then one transaction for the order, its claims and reservation. Anything that fails after the counters gives
   * the units back.
   */
  async place(
    actor: Actor,
    userId: string,
    input: CreateOrderInput,
    address: Address,
    flashSaleId: string,
    requestHash: () => string,
    idempotencyKey: string | undefined,
    client?: ClientSignals,
  ): Promise<OrderResult> {
    const f = await this.flashSale(flashSaleId);
    const line = input.lines[0] as { skuId: string; qty: number };
    if (line.skuId !== f.skuId) throw new AppError('orders.flash_sku_mismatch', { field: 'lines.0.skuId' });
    if (input.sessionId && input.sessionId !== f.sessionId) throw new AppError('orders.not_on_session', { field: 'sessionId' });
    const now = this.d.clock.now();
    if (f.status === 'cancelled' || now >= f.endsAt || f.status === 'ended')
      throw new AppError('orders.flash_ended', { field: 'flashSaleId' });
    if (now < f.startsAt)
      throw new AppError('orders.flash_not_started', { field: 'flashSaleId', details: { startsAt: f.startsAt.toISOString() } });
    if (line.qty > f.perUserLimit) throw limitExceeded(f.perUserLimit);
    // the buyer's limit and the units left, in one atomic step: no database work for the thousands who lose
    const keys = { left: flashSaleKeys.left(f.id), user: flashSaleKeys.user(f.id, userId), marker: flashSaleKeys.corrected(f.id, userId) };
    const soldOut = this.d.soldOut;
    const epoch = soldOut.epoch(f.id);
    let got = await this.d.counters.attempt(keys, line.qty, f.perUserLimit);
    if (!got.ok && got.reason === 'limit') {
      // the counter may still count an attempt that died with its process: ask the database, then try once more
      if (await this.userCounterWasStale(f, userId, got.held)) got = await this.d.counters.attempt(keys, line.qty, f.perUserLimit);
      if (!got.ok && got.reason === 'limit') throw limitExceeded(f.perUserLimit);
    }
    if (!got.ok) {
      // one unit refused: none is left, for anyone — the sale is marked so the next losers are answered at once
      if (line.qty === 1) soldOut.soldOut(f.id, f.endsAt, epoch);
      // a buyer who held nothing in this sale cannot be retrying an order of it: no need to look up the key — unless
      // their counter was corrected, after which it may say less than they hold
      const firstTry = got.held === 0 && !(got.reason === 'sold_out' && got.marked);
      throw Object.assign(new AppError('orders.sold_out', { field: 'flashSaleId' }), { firstTry });
    }
    const { left, held } = got;
    // the winner's key is known to the board before its order is written: a retry with it is never refused early
    soldOut.noteWinnerKey(f.id, idempotencyKey);
    if (left === 0) soldOut.soldOut(f.id, f.endsAt, epoch);
    const giveBack = async () => {
      await this.d.counters.incr(flashSaleKeys.left(f.id), line.qty);
      await this.d.counters.incr(flashSaleKeys.user(f.id, userId), -line.qty);
      soldOut.restocked(f.id);
    };
    try {
      // the counter's value tells each taker distinct slots; a slot already held (after a restart or a release)
      // falls back to the lowest free ones
      // and the buyer's counter their own unit numbers; the database's unique indexes hold both
      const first = f.quantity - left - line.qty + 1;
      const slots = Array.from({ length: line.qty }, (_, i) => first + i);
      const units = Array.from({ length: line.qty }, (_, i) => held + 1 + i);
      const r = await new Promise<OrderResult>((resolve, reject) =>
        this.enqueue({
          actor,
          userId,
          f,
          qty: line.qty,
          slots,
          units,
          address,
          client,
          requestHash: requestHash(),
          idempotencyKey,
          resolve,
          reject,
        }),
      );
      this.d.notices.stock(f, left);
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
  private enqueue(w: FlashWinner): void {
    const q = this.flashQueue.get(w.f.id);
    if (q) {
      q.push(w);
      return;
    }
    this.flashQueue.set(w.f.id, [w]);
    setImmediate(() => void this.drain(w.f.id));
  }

  private async drain(flashSaleId: string): Promise<void> {
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
        if (group.length > 1) results = await this.write(group).catch(() => null);
        if (results) for (const [i, w] of group.entries()) w.resolve(results[i] as OrderResult);
        // one after another: each takes the lowest free numbers once the one before committed (written at once,
        // they would all pick the same free slots and all but one lose them)
        else
          for (const w of group)
            await this.write([w]).then(
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
  private write(group: FlashWinner[]): Promise<OrderResult[]> {
    const f = (group[0] as FlashWinner).f;
    const now = this.d.clock.now();
    const maker = this.d.maker;
    return this.d.uow.transaction(async (tx) => {
      const fresh = await tx.orders.findFlashSale(f.id);
      if (fresh?.status !== 'scheduled') throw new AppError('orders.flash_ended', { field: 'flashSaleId' });
      const held = new Map((await tx.orders.claimsByUser(f.id, [...new Set(group.map((w) => w.userId))])).map((c) => [c.userId, c.n]));
      for (const w of group) {
        const n = (held.get(w.userId) ?? 0) + w.qty;
        if (n > f.perUserLimit) throw limitExceeded(f.perUserLimit);
        held.set(w.userId, n);
      }
      const { sku, product } = await maker.productForSku(tx, f.skuId, 'lines.0.skuId');
      // an adult-only product: a buyer who may not have it fails the group, then is answered alone (units given back)
      for (const w of group) await maker.requireAdultBuyer(tx, product, w.userId, now);
      const a = await maker.attribution(tx, f.sessionId, product.id, 'lines.0.skuId');
      const made = [];
      for (const w of group) {
        const orderId = this.d.ids.next();
        const lines = [await maker.line(tx, { orderId, lineNo: 1, product, sku, unitPriceFen: f.priceFen, qty: w.qty, a })];
        const order = maker.order(orderId, w.userId, f.merchantOrgId, a, f.id, lines, w.address, now, this.d.flashPayMinutes ?? 5);
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
        if (units.length < m.w.qty) throw limitExceeded(f.perUserLimit);
        const free = await tx.orders.freeSlots(f.id, f.quantity, m.w.qty);
        const base = m.claims[0] as ClaimRecord;
        m.claims = free.map((slot, i) => ({ ...base, slot, buyerUnit: units[i] as number }));
        taken = free.length === m.w.qty && (await tx.orders.insertClaims(m.claims, limits));
        // lost a race again: to another attempt of this buyer (their units are gone now), or for the last units
        if (!taken && (await tx.orders.freeBuyerUnits(f.id, m.w.userId, f.perUserLimit, m.w.qty)).length < m.w.qty)
          throw limitExceeded(f.perUserLimit);
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
      await tx.orders.insertOrderSignals(made.map((m) => maker.signals.forOrder(m.order.id, m.w.address, m.w.client, now)));
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
      const names = await this.d.views.buyerNames(
        tx,
        made.map((m) => m.order.buyerUserId),
      );
      const out: OrderResult[] = [];
      for (const m of made)
        out.push({ status: 201, body: await this.d.views.view(tx, m.order, m.lines, { as: 'buyer', names, pendingRefunds: new Set() }) });
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
    // less than the buyer holds, which the marker tells the sold-out path (see place)
    await this.d.counters.set(flashSaleKeys.corrected(f.id, userId), 1);
    await this.d.counters.incr(flashSaleKeys.user(f.id, userId), held - counted);
    return true;
  }
}
