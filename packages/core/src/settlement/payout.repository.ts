/**
 * The ports of payouts (提现) and deposits (保证金): payout rows with their holds and the provider's processed
 * notifications; deposit requirements per category, deposit payments and deductions. Writes run in the caller's
 * transaction.
 */
import type {
  DepositDeductionRecord,
  DepositPaymentRecord,
  DepositRequirementRecord,
  PayoutHoldRecord,
  PayoutRecord,
  PayoutStatus,
} from './payout.types.ts';

export interface PayoutRepository {
  /** inserts unless the requester already used the idempotency key; returns whether it inserted */
  insert(p: PayoutRecord): Promise<boolean>;
  find(id: string, opts?: { lock?: boolean }): Promise<PayoutRecord | null>;
  findByKey(requestedBy: string, idempotencyKey: string): Promise<PayoutRecord | null>;
  /** optimistic: writes only if the stored version is `expectedVersion` */
  update(p: PayoutRecord, expectedVersion: number): Promise<boolean>;
  /** newest first; a party's, or everyone's (platform) */
  list(opts: { partyId?: string | undefined; status?: PayoutStatus | undefined; limit: number }): Promise<PayoutRecord[]>;
  /** payouts in processing never handed to the provider (a crash between commit and send) */
  listUnsent(limit: number): Promise<PayoutRecord[]>;
  /** the party's active hold (released_at null), if any */
  activeHold(partyId: string): Promise<PayoutHoldRecord | null>;
  /** inserts a hold unless the party already has an active one; returns the active hold */
  placeHold(h: PayoutHoldRecord): Promise<PayoutHoldRecord>;
  releaseHold(id: string, by: string | null, at: Date): Promise<boolean>;
  /** the active holds of several parties (a recompute's tier moves) */
  activeHoldsOf(partyIds: string[]): Promise<PayoutHoldRecord[]>;
  /** the parties' active holds and every hold of theirs placed at or after `since`, released or not (credit's sweep) */
  holdsSince(partyIds: string[], since: Date): Promise<PayoutHoldRecord[]>;
  /** inserts the holds of parties without an active one; returns those it inserted */
  placeHolds(holds: PayoutHoldRecord[]): Promise<PayoutHoldRecord[]>;
  /** releases several active holds; returns the ids it released */
  releaseHolds(ids: string[], by: string | null, at: Date): Promise<string[]>;
  listHolds(opts: { activeOnly: boolean; limit: number }): Promise<PayoutHoldRecord[]>;
  /** records a provider notification; false when it was processed before */
  recordNotification(n: { provider: string; notifyId: string; payoutId: string; kind: string; receivedAt: Date }): Promise<boolean>;
}

export interface DepositRepository {
  /** sets a category's requirement (amount 0 deletes it) */
  setRequirement(r: DepositRequirementRecord): Promise<void>;
  listRequirements(): Promise<DepositRequirementRecord[]>;
  /** the requirements of these categories */
  requirementsFor(categoryIds: string[]): Promise<DepositRequirementRecord[]>;
  insertPayment(p: DepositPaymentRecord): Promise<void>;
  findPayment(id: string, opts?: { lock?: boolean }): Promise<DepositPaymentRecord | null>;
  updatePayment(p: DepositPaymentRecord): Promise<void>;
  listPayments(merchantOrgId: string, limit: number): Promise<DepositPaymentRecord[]>;
  insertDeduction(d: DepositDeductionRecord): Promise<void>;
  listDeductions(merchantOrgId: string, limit: number): Promise<DepositDeductionRecord[]>;
}
