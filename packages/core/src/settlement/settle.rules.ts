/**
 * The money flows' pure rules: an order's split at completion (platform fee by category, commission by the
 * agreement's terms, the streamer's and the MCN's part of it, the merchant's net), the pro-rata take-back of a
 * refund after completion, and how income settles a debt first. Every fen is accounted for; no I/O.
 */
import { AppError } from '../errors.ts';
import { FULL_BP, MAX_AMOUNT_FEN, splitByBasisPoints } from './ledger.rules.ts';
import type { SplitLine, SplitRole } from './settlement.types.ts';

/** The split of an order, in fen per role (0 where a role gets nothing). */
export type RoleAmounts = Record<SplitRole, number>;

export const DAY_MS = 86_400_000;

/**
 * The split of an order whose `settledFen` leaves escrow at completion. Per line, the gross (`unitPriceFen ×
 * (qty − returnedQty)`) is split by basis points, merchant listed first (the merchant gets a tied fen): the
 * merchant's net, the platform fee at the line's category rate (capped so fee + commission ≤ 100 %), and the
 * commission at `commissionBp`. The commission is then split between the streamer (listed first) and the MCN by
 * `streamerShareBp`; no MCN → all of it to the streamer; no streamer (a shelf order) → the commission stays with the
 * merchant. Whatever `settledFen` differs from the lines' gross (nothing, normally) is the merchant's.
 */
export function orderSplit(
  settledFen: number,
  lines: readonly SplitLine[],
  feeBpFor: (categoryId: string) => number,
  parties: { streamer: boolean; mcn: boolean },
): RoleAmounts {
  const out: RoleAmounts = { merchant: 0, platform: 0, streamer: 0, mcn: 0 };
  let gross = 0;
  for (const l of lines) {
    const lineGross = l.unitPriceFen * Math.max(0, l.qty - l.returnedQty);
    if (lineGross === 0) continue;
    gross += lineGross;
    const commissionBp = clampBp(l.commissionBp);
    const feeBp = Math.min(clampBp(feeBpFor(l.categoryId)), FULL_BP - commissionBp);
    const p = splitByBasisPoints(lineGross, [
      { key: 'merchant', bp: FULL_BP - feeBp - commissionBp },
      { key: 'platform', bp: feeBp },
      { key: 'commission', bp: commissionBp },
    ]);
    out.merchant += p.get('merchant') ?? 0;
    out.platform += p.get('platform') ?? 0;
    const commission = p.get('commission') ?? 0;
    if (!parties.streamer) out.merchant += commission;
    else if (!parties.mcn) out.streamer += commission;
    else {
      const streamerBp = clampBp(l.streamerShareBp);
      const c = splitByBasisPoints(commission, [
        { key: 'streamer', bp: streamerBp },
        { key: 'mcn', bp: FULL_BP - streamerBp },
      ]);
      out.streamer += c.get('streamer') ?? 0;
      out.mcn += c.get('mcn') ?? 0;
    }
  }
  out.merchant += settledFen - gross;
  if (out.merchant < 0) throw new AppError('settlement.split_invalid', { field: 'settledFen', details: { settledFen, gross } });
  return out;
}

function clampBp(bp: number): number {
  return Math.min(FULL_BP, Math.max(0, Math.trunc(bp)));
}

/**
 * Splits `amount` fen over parts in proportion to their weights (integers ≥ 0), largest remainder, ties to the
 * part listed first. Exact in integers (BigInt): the parts add up to `amount`, each within one fen of its exact
 * share, and no part gets more than its weight when `amount ≤ Σ weights` (its exact share is at most its weight, an
 * integer, so rounding up cannot pass it). Used to take a refund back from each party's remaining share.
 */
export function proRata<K extends string>(amount: number, parts: ReadonlyArray<{ key: K; weight: number }>): Map<K, number> {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT_FEN)
    throw new AppError('ledger.amount_invalid', { field: 'amount', details: { max: MAX_AMOUNT_FEN } });
  const total = parts.reduce((n, p) => n + p.weight, 0);
  const out = new Map<K, number>(parts.map((p) => [p.key, 0]));
  if (amount === 0) return out;
  if (total <= 0 || parts.some((p) => !Number.isSafeInteger(p.weight) || p.weight < 0))
    throw new AppError('settlement.split_invalid', { field: 'weights', details: { total } });
  const a = BigInt(amount);
  const w = BigInt(total);
  const rows = parts.map((p, i) => {
    const exact = a * BigInt(p.weight);
    return { key: p.key, i, whole: Number(exact / w), rest: exact % w };
  });
  let left = amount - rows.reduce((n, r) => n + r.whole, 0);
  const order = [...rows].sort((x, y) => (y.rest > x.rest ? 1 : y.rest < x.rest ? -1 : x.i - y.i));
  for (const r of order) {
    if (left === 0) break;
    r.whole += 1;
    left -= 1;
  }
  for (const r of rows) out.set(r.key, (out.get(r.key) ?? 0) + r.whole);
  return out;
}

/**
 * Income of `amount` to a party whose debt account stands at `debtBalance` (≤ 0 when it owes): the debt is paid
 * back first, the rest is available.
 */
export function settleDebtFirst(amount: number, debtBalance: number): { toDebt: number; toAvailable: number } {
  const toDebt = Math.min(amount, Math.max(0, -debtBalance));
  return { toDebt, toAvailable: amount - toDebt };
}

/**
 * Taking `amount` back from a party's released share: from its available balance as far as it goes, the rest into
 * its debt (visible, settled by later income first).
 */
export function takeBack(amount: number, availableBalance: number): { fromAvailable: number; toDebt: number } {
  const fromAvailable = Math.min(amount, Math.max(0, availableBalance));
  return { fromAvailable, toDebt: amount - fromAvailable };
}

/** When an order's pending shares become available: `delayDays` (T+N) after completion. */
export function releaseDue(completedAt: Date, delayDays: number): Date {
  return new Date(completedAt.getTime() + delayDays * DAY_MS);
}
