/**
 * Pure rules of payouts and deposits: who withdraws from which account, which payouts need approval, the payout
 * state machine, the postings of each step, masking of account details, and a merchant's deposit standing.
 */
import { AppError } from '../errors.ts';
import { MAX_AMOUNT_FEN } from './ledger.rules.ts';
import type { DepositStanding, PayoutPartyKind, PayoutStatus } from './payout.types.ts';

/** The party a role withdraws for, or null: only merchants' staff, streamers and MCN managers withdraw. */
export function payoutPartyOf(actor: { role: string; userId: string | null; orgId: string | null }): {
  partyId: string;
  partyKind: PayoutPartyKind;
} | null {
  if (actor.role === 'merchant_staff' && actor.orgId) return { partyId: actor.orgId, partyKind: 'merchant' };
  if (actor.role === 'streamer' && actor.userId) return { partyId: actor.userId, partyKind: 'streamer' };
  if (actor.role === 'mcn_manager' && actor.orgId) return { partyId: actor.orgId, partyKind: 'mcn' };
  return null;
}

/** A payout of at least the threshold waits for a platform admin's approval; below it goes straight out. */
export function needsApproval(amountFen: number, thresholdFen: number): boolean {
  return amountFen >= thresholdFen;
}

/** Checks an amount of fen to withdraw, pay or deduct: a positive integer within the ledger's bound. */
export function checkAmount(amountFen: unknown, field = 'amountFen'): number {
  if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > MAX_AMOUNT_FEN)
    throw new AppError('payouts.amount_invalid', { field, details: { amountFen: String(amountFen) } });
  return amountFen;
}

type PayoutEvent = 'approve' | 'reject' | 'paid' | 'failed';

const NEXT: Record<PayoutStatus, Partial<Record<PayoutEvent, PayoutStatus>>> = {
  pending_approval: { approve: 'processing', reject: 'rejected' },
  processing: { paid: 'paid', failed: 'failed' },
  paid: {},
  failed: {},
  rejected: {},
};

/** The payout state machine: the next status, or null when the event does not apply. */
export function nextPayoutStatus(status: PayoutStatus, event: PayoutEvent): PayoutStatus | null {
  return NEXT[status][event] ?? null;
}

/** The ledger entry of each payout step: business key, kind, and signed amounts per account role. */
export function payoutEntry(
  payoutId: string,
  step: 'requested' | 'paid' | 'failed' | 'rejected',
  amountFen: number,
  accounts: { available: string; inTransit: string; clearing: string },
): { businessKey: string; kind: string; postings: Array<{ accountId: string; amount: number }> } {
  const a = amountFen;
  switch (step) {
    case 'requested':
      return {
        businessKey: `payout:${payoutId}`,
        kind: 'payout',
        postings: [
          { accountId: accounts.available, amount: -a },
          { accountId: accounts.inTransit, amount: a },
        ],
      };
    case 'paid':
      return {
        businessKey: `payout:${payoutId}:paid`,
        kind: 'payout.paid',
        postings: [
          { accountId: accounts.inTransit, amount: -a },
          { accountId: accounts.clearing, amount: a },
        ],
      };
    case 'failed':
    case 'rejected':
      return {
        businessKey: `payout:${payoutId}:${step}`,
        kind: `payout.${step}`,
        postings: [
          { accountId: accounts.inTransit, amount: -a },
          { accountId: accounts.available, amount: a },
        ],
      };
  }
}

/** 6222021234567890123 → 6222 **** **** 0123; a WeChat openid → oAbc****wxyz */
export function maskAccountNo(no: string, method: 'bank' | 'wechat'): string {
  if (no.length <= 8) return `${'*'.repeat(Math.max(0, no.length - 4))}${no.slice(-4)}`;
  return method === 'bank' ? `${no.slice(0, 4)} **** **** ${no.slice(-4)}` : `${no.slice(0, 4)}****${no.slice(-4)}`;
}

/** 张三丰 → 张** */
export function maskHolder(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/**
 * The largest requirement that applies: a requirement set on a category applies to it and to every category under
 * it, so a product's requirement is the largest over its category path, and a merchant's the largest over all the
 * categories it lists.
 */
export function requiredDeposit(requirements: Array<{ categoryId: string; amountFen: number }>, categoryIds: Iterable<string>): number {
  const by = new Map(requirements.map((r) => [r.categoryId, r.amountFen]));
  let max = 0;
  for (const id of categoryIds) max = Math.max(max, by.get(id) ?? 0);
  return max;
}

export function depositStanding(requiredFen: number, balanceFen: number): DepositStanding {
  return { requiredFen, balanceFen, dueFen: Math.max(0, requiredFen - balanceFen) };
}
