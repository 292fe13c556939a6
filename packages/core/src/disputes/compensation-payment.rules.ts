/**
 * The pure rules of paying a complaint's outcome (docs/disputes.md, "Paying outcomes and 先行赔付"):
 *
 * - the merchant pays within 3 working days of the resolution (a platform deadline: the same working-day calendar
 *   as the complaint's steps; 3 working days is the time a merchant's finance needs to move money, and short enough
 *   that the consumer, whose case is already decided, is not kept waiting — past it the platform pays);
 * - what the fund advanced is recovered from the merchant's deposit first (保证金 exists to answer for
 *   compensation), then from its available balance, as far as they go; the rest stays owed by the merchant.
 */
import type { CompensationStatus } from '@livehub/contracts';
import { addWorkingDays, DEFAULT_CALENDAR, type WorkingCalendar } from '../workflows/working-days.ts';
import type { CompensationObligationRecord, CompensationObligationView } from './compensation-payment.types.ts';

export const PAYMENT_WORKING_DAYS = 3;

/** The merchant's deadline to pay an outcome resolved at `resolvedAt`. */
export function paymentDueAt(resolvedAt: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): Date {
  return addWorkingDays(resolvedAt, PAYMENT_WORKING_DAYS, cal);
}

export interface RecoverySplit {
  fromDepositFen: number;
  fromBalanceFen: number;
  /** what neither could cover: stays owed */
  outstandingFen: number;
}

/** How `owedFen` is recovered: the deposit first, then the available balance, the rest outstanding. */
export function recoverySplit(owedFen: number, depositFen: number, availableFen: number): RecoverySplit {
  for (const [name, v] of [
    ['owedFen', owedFen],
    ['depositFen', depositFen],
    ['availableFen', availableFen],
  ] as const)
    if (!Number.isSafeInteger(v)) throw new RangeError(`${name} must be an integer`);
  const owed = Math.max(0, owedFen);
  const fromDepositFen = Math.min(owed, Math.max(0, depositFen));
  const fromBalanceFen = Math.min(owed - fromDepositFen, Math.max(0, availableFen));
  return { fromDepositFen, fromBalanceFen, outstandingFen: owed - fromDepositFen - fromBalanceFen };
}

/** Advanced by the fund and not recovered yet. */
export function outstandingFen(
  o: Pick<CompensationObligationRecord, 'advancedFen' | 'recoveredFromDepositFen' | 'recoveredFromBalanceFen'>,
): number {
  return o.advancedFen - o.recoveredFromDepositFen - o.recoveredFromBalanceFen;
}

/** The status after an advance and its recoveries: recovered in full, in part, or not at all yet. */
export function statusAfterRecovery(
  o: Pick<CompensationObligationRecord, 'advancedFen' | 'recoveredFromDepositFen' | 'recoveredFromBalanceFen'>,
): CompensationStatus {
  const recovered = o.recoveredFromDepositFen + o.recoveredFromBalanceFen;
  if (recovered >= o.advancedFen) return 'recovered';
  return recovered > 0 ? 'partially_recovered' : 'advanced';
}

/** Whether the merchant may still pay: due and not past its deadline (the deadline instant itself is in time). */
export function payable(o: Pick<CompensationObligationRecord, 'status' | 'dueAt'>, now: Date): 'ok' | 'not_due' | 'deadline_passed' {
  if (o.status !== 'due') return 'not_due';
  return now.getTime() > o.dueAt.getTime() ? 'deadline_passed' : 'ok';
}

export function obligationView(o: CompensationObligationRecord): CompensationObligationView {
  const { version: _v, recoveries: _r, ...rest } = o;
  return { ...rest, outstandingFen: outstandingFen(o) };
}
