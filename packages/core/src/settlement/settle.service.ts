/**
 * 结算任务 (`livehub settle`, and the server's schedule): the completion split for completed orders not yet settled
 * (a catch-up for orders completed before the ledger existed, or whose in-transaction split failed), then the
 * releases due (T+N), then any further jobs registered with it (the reconciliation job plugs in here). Idempotent:
 * every step is keyed by its business key and the settlement row, so a second run moves nothing.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { OrderFacts } from '../orders/money.port.ts';
import type { OrderRecord } from '../orders/order.types.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { OrderMoneyService } from './order-money.service.ts';
import type { SlotFeeService } from './slot-fee.service.ts';

/** The orders context's reader: completed orders a page at a time in (completedAt, id) order, and an order's facts. */
export interface CompletedOrderReader {
  completedOrders(after: { completedAt: Date; id: string } | null, limit: number): Promise<OrderRecord[]>;
  orderFacts(orderId: string): Promise<OrderFacts | null>;
}

/** A further job the settle run runs after its own (e.g. the daily reconciliation). */
export interface SettlementJob {
  name: string;
  run(now: Date): Promise<Record<string, number | string | boolean>>;
}

export interface SettlementJobDeps {
  uow: ScopedUnitOfWork<'ledger' | 'settlement' | 'audit'>;
  clock: Clock;
  audit: AuditService;
  money: OrderMoneyService;
  orders: CompletedOrderReader;
  /** slot fees (坑位费) released once their agreement's start has come */
  slotFees?: SlotFeeService;
  /** jobs run after the split and the releases, in order */
  jobs?: SettlementJob[];
}

export interface SettleRunResult {
  /** completed orders split by this run (the catch-up) */
  settled: number;
  /** orders whose pending shares became available */
  released: number;
  /** slot fees released to the streamer and the MCN */
  slotFeesReleased: number;
  /** orders that could not be settled or released (left for the next run; see the log) */
  failed: number;
  /** the further jobs' results, by name */
  jobs: Record<string, Record<string, number | string | boolean>>;
}

const SYSTEM: Actor = { userId: null, label: 'system:settlement', orgId: null, membershipId: null, role: 'system', via: 'system' };
const PAGE = 500;

type Cursor = { completedAt: Date; id: string };

export class SettlementJobService {
  private readonly jobs: SettlementJob[];
  /**
   * The catch-up's watermark: every completed order up to here has its split (or has no payment to split). A split is
   * written in the same transaction as the completion, so only orders completed before the ledger existed, or whose
   * catch-up failed, are ever behind it: the first run of a process reads every completed order once, the next runs
   * only the orders completed since.
   */
  private settledThrough: Cursor | null = null;

  constructor(private readonly d: SettlementJobDeps) {
    this.jobs = [...(d.jobs ?? [])];
  }

  /** Adds a job run after the split and the releases (the reconciliation job registers itself here). */
  register(job: SettlementJob): void {
    this.jobs.push(job);
  }

  /** Splits one completed order that has no settlement, as the flows would have (an order never paid has none). */
  private async catchUp(orderId: string): Promise<'settled' | 'failed' | 'nothing'> {
    const f = await this.d.orders.orderFacts(orderId);
    if (!f?.payment) return 'nothing';
    try {
      await this.d.uow.transaction(async (tx) => {
        await this.d.money.completed(tx, f);
        await this.d.audit.record(tx, SYSTEM, {
          action: 'settlement.order_settled',
          targetType: 'order',
          targetId: f.order.id,
          orgId: f.order.merchantOrgId,
          detail: { catchUp: true },
        });
      });
      return 'settled';
    } catch {
      return 'failed';
    }
  }

  async run(now: Date = this.d.clock.now()): Promise<SettleRunResult> {
    let settled = 0;
    let released = 0;
    let failed = 0;
    let after = this.settledThrough;
    // the watermark moves over the orders read until the first that could not be settled
    let clean = true;
    for (;;) {
      const page = await this.d.orders.completedOrders(after, PAGE);
      if (page.length === 0) break;
      const done = await this.d.uow.read.settlement.settledOrderIds(page.map((o) => o.id));
      for (const o of page) {
        if (!done.has(o.id)) {
          const r = await this.catchUp(o.id);
          if (r === 'settled') settled++;
          if (r === 'failed') {
            failed++;
            clean = false;
          }
        }
        if (clean && o.completedAt) this.settledThrough = { completedAt: o.completedAt, id: o.id };
      }
      const last = page[page.length - 1];
      if (!last?.completedAt || page.length < PAGE) break;
      after = { completedAt: last.completedAt, id: last.id };
    }

    for (;;) {
      const due = await this.d.uow.read.settlement.listReleaseDue(now, PAGE);
      let moved = 0;
      for (const s of due) {
        try {
          const ok = await this.d.uow.transaction(async (tx) => {
            const r = await this.d.money.releaseIn(tx, s.orderId);
            if (r)
              await this.d.audit.record(tx, SYSTEM, {
                action: 'settlement.released',
                targetType: 'order',
                targetId: s.orderId,
                orgId: s.merchantOrgId,
                detail: { releaseDueAt: s.releaseDueAt.toISOString() },
              });
            return r;
          });
          if (ok) {
            released++;
            moved++;
          }
        } catch {
          failed++;
        }
      }
      if (due.length < PAGE || moved === 0) break;
    }
    let slotFeesReleased = 0;
    const slotFees = this.d.slotFees;
    if (slotFees)
      for (const f of await this.d.uow.read.settlement.listSlotFeesDue(now, PAGE)) {
        try {
          const ok = await this.d.uow.transaction(async (tx) => {
            const moved = await slotFees.releaseIn(tx, f, now);
            if (moved)
              await this.d.audit.record(tx, SYSTEM, {
                action: 'settlement.slot_fee_released',
                targetType: 'agreement',
                targetId: f.agreementId,
                orgId: f.merchantOrgId,
                detail: { version: f.version, amountFen: f.amountFen },
              });
            return moved;
          });
          if (ok) slotFeesReleased++;
        } catch {
          failed++;
        }
      }
    const jobs: SettleRunResult['jobs'] = {};
    for (const j of this.jobs) jobs[j.name] = await j.run(now);
    return { settled, released, slotFeesReleased, failed, jobs };
  }
}
