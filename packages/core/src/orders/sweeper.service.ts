/**
 * The clock of orders: 超时关单 (unpaid orders past their deadline cancelled, stock back), shipped orders counted
 * as delivered after N days, delivered orders completed once the return window has passed, flash sales past their
 * end closed — and 对账, the flash-sale counters rebuilt from the claims at start-up (the database is the truth).
 */
import type { CounterStore, LockStore } from '../ports/kv.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { FlashSaleService } from './flash-sale.service.ts';
import { flashSaleKeys } from './flash-sale.rules.ts';
import type { FlashWinnerBatcher } from './flash-winner-batcher.ts';
import type { FulfilmentService } from './fulfilment.service.ts';
import type { MoneyScope } from './money.port.ts';
import { DAY_MS, RETURN_WINDOW_DAYS } from './order.rules.ts';
import { type RoomNotices, reservedQty, sweeper } from './orders.internal.ts';
import type { SoldOutBoard } from './sold-out-board.ts';

export interface SweeperDeps {
  /** (`MoneyScope`: only handed to the money port with the transaction of a completion) */
  uow: ScopedUnitOfWork<'orders' | 'audit' | 'outbox' | MoneyScope>;
  clock: Clock;
  counters: CounterStore;
  locks: LockStore;
  soldOut: SoldOutBoard;
  fulfilment: FulfilmentService;
  flashSales: FlashSaleService;
  batcher: FlashWinnerBatcher;
  notices: RoomNotices;
  /** days after shipping an order counts as delivered when nobody confirmed it */
  autoDeliverDays?: number | undefined;
}

export class SweeperService {
  constructor(private readonly d: SweeperDeps) {}

  /**
   * 超时关单 and the rest of the clock: unpaid orders past their deadline are cancelled (stock back), shipped
   * orders nobody confirmed count as delivered after N days, delivered orders complete once the return window has
   * passed with no return open, and flash sales past their end close.
   */
  async sweep(): Promise<{ expired: number; delivered: number; completed: number; salesEnded: number }> {
    const now = this.d.clock.now();
    const { uow, fulfilment } = this.d;
    const t = Date.now();
    this.d.batcher.forgetQuiet(t);
    this.d.notices.forgetQuiet(t);
    let expired = 0;
    for (const o of await uow.read.orders.listUnpaidExpired(now, 500)) {
      try {
        let qty = 0;
        const next = await uow.transaction(async (tx) => {
          const fresh = await tx.orders.findOrder(o.id, { lock: true });
          if (fresh?.status !== 'created' || fresh.payBy > now) return null;
          qty = await reservedQty(tx, o.id, 'held');
          await fulfilment.releaseStock(tx, fresh);
          // the payments still open are closed (超时关单); one the payer completes anyway is refunded (onPayment)
          const open = (await tx.orders.listPayments(o.id)).filter((p) => p.status === 'pending');
          for (const p of open)
            await tx.orders.updatePayment({ ...p, status: 'expired', failureReason: 'payment timeout', updatedAt: now });
          return fulfilment.transition(
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
          await fulfilment.releaseCounters(next, qty);
        }
      } catch {
        // a concurrent payment won: the next sweep sees it paid
      }
    }
    let delivered = 0;
    const deliverBefore = new Date(now.getTime() - (this.d.autoDeliverDays ?? 10) * DAY_MS);
    for (const o of await uow.read.orders.listByStatusBefore('shipped', 'shippedAt', deliverBefore, 500)) {
      await uow
        .transaction(async (tx) => {
          const fresh = await tx.orders.findOrder(o.id, { lock: true });
          if (fresh?.status === 'shipped')
            await fulfilment.transition(tx, sweeper, fresh, 'deliver', { deliveredAt: now }, { by: 'timeout' });
        })
        .then(() => delivered++)
        .catch(() => {});
    }
    let completed = 0;
    const completeBefore = new Date(now.getTime() - RETURN_WINDOW_DAYS * DAY_MS);
    for (const o of await uow.read.orders.listByStatusBefore('delivered', 'deliveredAt', completeBefore, 500)) {
      await uow
        .transaction(async (tx) => {
          const open = (await tx.orders.listReturns({ orderId: o.id, limit: 20 })).some(
            (r) => !['rejected', 'refunded', 'cancelled'].includes(r.status),
          );
          const fresh = await tx.orders.findOrder(o.id, { lock: true });
          if (!open && fresh?.status === 'delivered') await fulfilment.transition(tx, sweeper, fresh, 'complete', { completedAt: now });
        })
        .then(() => completed++)
        .catch(() => {});
    }
    // the counters are rebuilt at start-up only: while a sale runs, they are ahead of the claims in flight
    const { ended } = await this.reconcile({ counters: false });
    return { expired, delivered, completed, salesEnded: ended };
  }

  /**
   * 对账: at start-up every running sale's counters are rebuilt from the database — quantity minus the claims held,
   * and each buyer's units — under a lock; sales past their end are closed (unsold units back to stock), which the
   * periodic tick also does.
   */
  async reconcile(opts: { counters?: boolean } = {}): Promise<{ sales: number; ended: number }> {
    const now = this.d.clock.now();
    const read = this.d.uow.read;
    const running = await read.orders.listFlashSales({ status: ['scheduled'], limit: 1000 });
    let ended = 0;
    for (const f of running) {
      if (now >= f.endsAt) {
        await this.d.flashSales.endFlashSale(sweeper, f.id, 'ended');
        ended++;
        continue;
      }
      if (opts.counters === false) continue;
      const token = await this.d.locks.acquire(`fs:reconcile:${f.id}`, 10_000);
      if (!token) continue;
      try {
        const claimed = await read.orders.countClaims(f.id);
        await this.d.counters.set(flashSaleKeys.left(f.id), Math.max(0, f.quantity - claimed));
        if (f.quantity > claimed) this.d.soldOut.restocked(f.id);
        // per-buyer counters too, so the limit holds and a winner's retry is recognised after a restart
        for (const u of await read.orders.claimsByUser(f.id)) await this.d.counters.set(flashSaleKeys.user(f.id, u.userId), u.n);
      } finally {
        await this.d.locks.release(`fs:reconcile:${f.id}`, token);
      }
    }
    return { sales: running.length, ended };
  }
}
