/**
 * 跨境退货: the states of a return on an order with a cross-border (跨境电商零售进口) product, after 海关总署公告2020年
 * 第45号 (retail import returns): the goods must arrive back, as they were, at the original customs supervision site
 * (原监管作业场所) within 30 days of their customs release — taken as the order's shipment. The merchant files the
 * return with customs (退货申报) and confirms the goods' arrival (运抵监管场所); then refunds. A return neither arrived
 * nor refunded 30 days after release is overdue: the sweep flags it once, and the merchant still owes the refund.
 * Pure; return.service.ts applies it transactionally.
 *
 *   requested ─approve─▶ approved ─declare─▶ declared ─arrive─▶ returned_to_bonded ─refund─▶ refunded
 *       └─reject─▶ rejected      (the buyer may cancel while requested or approved; overdue: refund from approved/declared)
 */
import type { ReturnStatus } from '@livehub/contracts';

const DAY = 86_400_000;
/** 自海关放行之日起30日内 (公告2020年第45号) */
export const CROSS_BORDER_RETURN_DAYS = 30;

export type CrossBorderAction = 'approve' | 'reject' | 'declare' | 'arrive' | 'cancel';

/** The sibling of return.service's STEPS for cross-border returns: no ship-back/receive, customs' two steps instead. */
export const CROSS_BORDER_STEPS: Record<CrossBorderAction, { from: ReturnStatus[]; to: ReturnStatus; by: 'buyer' | 'merchant' }> = {
  approve: { from: ['requested'], to: 'approved', by: 'merchant' },
  reject: { from: ['requested'], to: 'rejected', by: 'merchant' },
  declare: { from: ['approved'], to: 'declared', by: 'merchant' },
  arrive: { from: ['declared'], to: 'returned_to_bonded', by: 'merchant' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', by: 'buyer' },
};

/** A cross-border return still waiting for its goods at the supervision site. */
export const CROSS_BORDER_WAITING: ReadonlySet<ReturnStatus> = new Set(['requested', 'approved', 'declared']);

/** The last moment the goods may arrive back: release + 30 days. */
export function arriveBy(releasedAt: Date): Date {
  return new Date(releasedAt.getTime() + CROSS_BORDER_RETURN_DAYS * DAY);
}

/** Whole days left until `deadline` (rounded up; 0 on the last day's end, negative once past), the pages' countdown. */
export function daysLeft(deadline: Date, now: Date): number {
  return Math.ceil((deadline.getTime() - now.getTime()) / DAY);
}

/** Overdue: past the deadline without the goods' arrival (nor a refund). */
export function crossBorderOverdue(r: { status: ReturnStatus; arriveBy: Date | null }, now: Date): boolean {
  return r.arriveBy !== null && CROSS_BORDER_WAITING.has(r.status) && now > r.arriveBy;
}

/**
 * Why a step cannot be taken (null: it can): not from this state, or — for the customs steps — past the 30 days, when
 * customs no longer takes the goods back as a retail-import return.
 */
export function crossBorderStepProblem(
  action: CrossBorderAction,
  r: { status: ReturnStatus; arriveBy: Date | null },
  now: Date,
): 'illegal' | 'deadline_passed' | null {
  if (!CROSS_BORDER_STEPS[action].from.includes(r.status)) return 'illegal';
  if ((action === 'declare' || action === 'arrive') && r.arriveBy !== null && now > r.arriveBy) return 'deadline_passed';
  return null;
}

/** The merchant may refund once the goods are back at the site, or once the return is overdue (the buyer is owed it anyway). */
export function crossBorderRefundable(r: { status: ReturnStatus; arriveBy: Date | null; refundId: string | null }, now: Date): boolean {
  if (r.refundId !== null) return false;
  return r.status === 'returned_to_bonded' || ((r.status === 'approved' || r.status === 'declared') && crossBorderOverdue(r, now));
}
