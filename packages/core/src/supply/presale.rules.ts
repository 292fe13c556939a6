/**
 * Pure rules of the pre-sale (预售 · 反向定制): its windows, who may act in which status, the demand aggregated per
 * specification, which deposits a cancellation refunds, and what a buyer reads of a reservation. No I/O.
 * docs/supply.md § Pre-sale and C2M.
 */
import type { PresaleStatus, ProductionOrderStatus, ReservationStage } from '@livehub/contracts';
import { chinaDay } from '../shared/china-time.ts';
import type { PresaleRecord, PresaleReservationRecord } from './presale.types.ts';

/** Which statuses allow each step. */
export const PRESALE_RULES = {
  openable: ['draft'] as readonly PresaleStatus[],
  closable: ['open'] as readonly PresaleStatus[],
  /** before the production order is sent; afterwards the factory is already working on the buyers' demand */
  cancellable: ['draft', 'open'] as readonly PresaleStatus[],
  /**
   * the balance is paid once the pre-sale has closed, until the factory ships: its shipment delivers the balance-paid
   * reservations, and a balance still unpaid then is no longer taken (the reservation reads 尾款未付（未发货）)
   */
  balanceable: ['closed', 'in_production'] as readonly PresaleStatus[],
  /** the factory's steps: from → to */
  production: {
    confirm: { from: ['sent'], to: 'confirmed' },
    progress: { from: ['confirmed', 'in_production'], to: 'in_production' },
    ship: { from: ['confirmed', 'in_production'], to: 'shipped' },
  } as const satisfies Record<string, { from: readonly ProductionOrderStatus[]; to: ProductionOrderStatus }>,
};

type Windows = Pick<PresaleRecord, 'depositStartAt' | 'depositEndAt' | 'balanceStartAt' | 'balanceEndAt'>;

/** Whether the windows are ordered: deposit start < deposit end ≤ balance start < balance end (the table checks it too). */
export function windowsOrdered(w: Windows): boolean {
  return w.depositStartAt < w.depositEndAt && w.depositEndAt.getTime() <= w.balanceStartAt.getTime() && w.balanceStartAt < w.balanceEndAt;
}

/** Whether a deposit may be taken now: the pre-sale open and now inside its deposit window. */
export function depositOpen(p: Pick<PresaleRecord, 'status' | 'depositStartAt' | 'depositEndAt'>, now: Date): boolean {
  return p.status === 'open' && p.depositStartAt <= now && now < p.depositEndAt;
}

/** Whether a balance may be paid now: the pre-sale closed (production ordered) and now inside its balance window. */
export function balanceOpen(p: Pick<PresaleRecord, 'status' | 'balanceStartAt' | 'balanceEndAt'>, now: Date): boolean {
  return PRESALE_RULES.balanceable.includes(p.status) && p.balanceStartAt <= now && now < p.balanceEndAt;
}

/** A deposit that counts: paid and not being refunded. */
const counts = (r: Pick<PresaleReservationRecord, 'depositStatus'>) => r.depositStatus === 'paid';

/**
 * 按规格汇总: the paid demand per specification (SKU), in the order of `specOrder` (the product's SKUs), only those
 * with demand. A reservation whose deposit is pending, failed or refunded is not demand.
 */
export function aggregateDemand(
  reservations: Array<Pick<PresaleReservationRecord, 'skuId' | 'qty' | 'depositStatus'>>,
  specOrder: string[] = [],
): Array<{ skuId: string; qty: number; reservations: number }> {
  const by = new Map<string, { qty: number; reservations: number }>();
  for (const r of reservations) {
    if (!counts(r)) continue;
    const cur = by.get(r.skuId) ?? { qty: 0, reservations: 0 };
    by.set(r.skuId, { qty: cur.qty + r.qty, reservations: cur.reservations + 1 });
  }
  const rank = (id: string) => {
    const i = specOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...by.entries()]
    .map(([skuId, v]) => ({ skuId, ...v }))
    .sort((a, b) => rank(a.skuId) - rank(b.skuId) || a.skuId.localeCompare(b.skuId));
}

/**
 * 退定金: which reservations a cancellation refunds — every paid deposit. A pending one is not refunded (nothing
 * came in; should it arrive later, the late payment is refunded when it does); failed and refunded ones are done.
 */
export function depositsToRefund<R extends Pick<PresaleReservationRecord, 'depositStatus'>>(reservations: R[]): R[] {
  return reservations.filter(counts);
}

/**
 * What happens to a deposit payment that succeeds: kept while the pre-sale is open (the window was checked when the
 * payment was opened, so a payment finishing just after it still counts), refunded at once once it closed or was
 * cancelled meanwhile.
 */
export function depositOutcome(status: PresaleStatus): 'keep' | 'refund' {
  return status === 'open' ? 'keep' : 'refund';
}

/** Whether the promised ship day (YYYY-MM-DD) is a real day, today (China time) or later. */
export function shipOnProblem(day: string, now: Date): 'bad' | 'past' | null {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) return 'bad';
  return day < chinaDay(now) ? 'past' : null;
}

/** 生产单号: SC, the China day of the closing, and eight characters of the id. */
export function productionOrderNumber(id: string, at: Date): string {
  return `SC${chinaDay(at).replaceAll('-', '')}${id.replaceAll('-', '').slice(-8).toUpperCase()}`;
}

/** What the buyer reads: 待付定金 → 已付定金 → 待付尾款 → 生产中 → 已发货, or 退款中 / 已退定金 / 未付定金（已失效）. */
export function reservationStage(
  r: Pick<PresaleReservationRecord, 'depositStatus' | 'balanceStatus'>,
  presale: PresaleStatus,
  production: ProductionOrderStatus | null,
): ReservationStage {
  switch (r.depositStatus) {
    case 'pending':
      // a deposit never paid while the pre-sale took deposits has lapsed
      return presale === 'open' || presale === 'draft' ? 'deposit_due' : 'failed';
    case 'failed':
      return 'failed';
    case 'refunding':
      return 'refunding';
    case 'refunded':
      return 'refunded';
    case 'paid':
      break;
  }
  if (production === 'shipped') return r.balanceStatus === 'paid' ? 'shipped' : 'balance_lapsed';
  if (presale === 'draft' || presale === 'open' || presale === 'cancelled') return 'deposit_paid';
  return r.balanceStatus === 'paid' ? 'in_production' : 'balance_due';
}

/**
 * What the factory's shipment delivers to buyers: each reservation with its deposit and its balance paid (a balance
 * still pending or unpaid is not delivered; its units stay in the warehouse).
 */
export function deliverable<R extends Pick<PresaleReservationRecord, 'depositStatus' | 'balanceStatus'>>(rs: readonly R[]): R[] {
  return rs.filter((r) => r.depositStatus === 'paid' && r.balanceStatus === 'paid');
}
