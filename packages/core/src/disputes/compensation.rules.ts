/**
 * What a complaint may claim and what a decision gives, in fen (integers):
 *
 * - 消费者权益保护法 Art. 55 (RULES.md, "fraud compensation"): where the merchant committed fraud, the consumer gets,
 *   on top of the price refunded, an increased compensation of three times the price paid, and at least 500 yuan
 *   (增加赔偿的金额为消费者购买商品的价款的三倍；增加赔偿的金额不足五百元的，为五百元). Computed, never typed.
 * - a refund or a return gives back at most what was paid and not refunded yet;
 * - a compensation claim is bounded by what the law allows for its category: fraud the refund plus Art. 55's
 *   amount, other categories the refundable price (a greater loss is for the mediator or the courts to establish).
 */
import type { ClaimKind, ComplaintCategory } from '@livehub/contracts';

/** An amount in fen as yuan with two decimals, for messages (9900 → '99.00'). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** 500 yuan */
export const FRAUD_MINIMUM_FEN = 50_000;
export const FRAUD_MULTIPLE = 3;

/** Art. 55's increased compensation on a price of `paidFen`: 3 × the price, at least 500 yuan. */
export function fraudCompensationFen(paidFen: number): number {
  if (!Number.isSafeInteger(paidFen) || paidFen < 0) throw new RangeError('paidFen must be a non-negative integer');
  return Math.max(FRAUD_MULTIPLE * paidFen, FRAUD_MINIMUM_FEN);
}

/** What is still refundable of an order: paid less refunded, never below zero. */
export function refundableFen(paidFen: number, refundedFen: number): number {
  return Math.max(0, paidFen - refundedFen);
}

/** 退一赔三: the refundable price back and Art. 55's compensation on the price paid. */
export function fraudAwardFen(paidFen: number, refundedFen: number): number {
  return refundableFen(paidFen, refundedFen) + fraudCompensationFen(paidFen);
}

/** The most a claim of `kind` in `category` may ask on an order. */
export function maxClaimFen(category: ComplaintCategory, kind: ClaimKind, paidFen: number, refundedFen: number): number {
  if (kind === 'compensation' && category === 'fraud') return fraudAwardFen(paidFen, refundedFen);
  return refundableFen(paidFen, refundedFen);
}

export type ClaimProblem = { field: 'claim.amountFen'; maxFen: number } | null;

/** Why a claim cannot be filed as it stands (the amount above what the law and the order allow), or null. */
export function claimProblem(
  category: ComplaintCategory,
  claim: { kind: ClaimKind; amountFen: number },
  order: { paidFen: number; refundedFen: number },
): ClaimProblem {
  const max = maxClaimFen(category, claim.kind, order.paidFen, order.refundedFen);
  if (!Number.isSafeInteger(claim.amountFen) || claim.amountFen < 1 || claim.amountFen > max)
    return { field: 'claim.amountFen', maxFen: max };
  return null;
}
