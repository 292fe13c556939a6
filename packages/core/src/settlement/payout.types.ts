/**
 * Payouts (提现) and merchant deposits (保证金) in the domain's words. A payout moves a party's available balance to
 * payouts in transit while the payout provider transfers it; the provider's signed result either pays it out or
 * returns it. A deposit is paid through the payment provider into the merchant's deposit account and drawn on for
 * compensation.
 */
import type { AccountKind } from './settlement.types.ts';

export type PayoutStatus = 'pending_approval' | 'processing' | 'paid' | 'failed' | 'rejected';
export type PayoutMethod = 'bank' | 'wechat';
export type PayoutPartyKind = 'merchant' | 'streamer' | 'mcn';

/** The available account each kind of party withdraws from. */
export const PAYOUT_ACCOUNT: Record<PayoutPartyKind, AccountKind> = {
  merchant: 'merchant_available',
  streamer: 'streamer_commission_available',
  mcn: 'mcn_commission_available',
};

export interface PayoutRecord {
  id: string;
  /** the merchant or MCN organization, or the streamer's user id */
  partyId: string;
  partyKind: PayoutPartyKind;
  amountFen: number;
  method: PayoutMethod;
  /** sealed (PiiVault) */
  accountNameEnc: string;
  accountNoEnc: string;
  bankName: string | null;
  status: PayoutStatus;
  requestedBy: string;
  idempotencyKey: string;
  requestHash: string;
  provider: string;
  providerRef: string | null;
  /** when the transfer was handed to the provider; null: not yet (the sweep sends it again) */
  sentAt: Date | null;
  failureReason: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** 冻结: a party's payouts held by the platform (an open case, a low credit tier) until released. */
export interface PayoutHoldRecord {
  id: string;
  partyId: string;
  reason: string;
  placedBy: string | null;
  placedAt: Date;
  releasedBy: string | null;
  releasedAt: Date | null;
}

export interface PayoutRequestInput {
  amountFen: number;
  method: PayoutMethod;
  accountName: string;
  accountNo: string;
  bankName?: string | undefined;
}

/** A payout as its party and the platform read it: account details masked, the party named. */
export interface PayoutView {
  record: PayoutRecord;
  partyName: string;
  accountName: string;
  accountNo: string;
}

export interface PayoutSummary {
  partyId: string;
  partyKind: PayoutPartyKind;
  availableFen: number;
  inTransitFen: number;
  approvalThresholdFen: number;
  hold: PayoutHoldRecord | null;
}

// ---- deposits

export interface DepositRequirementRecord {
  categoryId: string;
  amountFen: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export type DepositPaymentStatus = 'pending' | 'succeeded' | 'failed';

/** A merchant's deposit payment through the payment provider (not an order). */
export interface DepositPaymentRecord {
  id: string;
  merchantOrgId: string;
  amountFen: number;
  provider: string;
  providerRef: string | null;
  payUrl: string | null;
  status: DepositPaymentStatus;
  failureReason: string | null;
  requestedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DepositDeductionRecord {
  id: string;
  merchantOrgId: string;
  amountFen: number;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}

/** A merchant's deposit standing: what it must hold, what it holds, what it owes. */
export interface DepositStanding {
  requiredFen: number;
  balanceFen: number;
  dueFen: number;
}

export interface DepositView extends DepositStanding {
  merchantOrgId: string;
  merchantName: string;
  topUpRequired: boolean;
  payments: DepositPaymentRecord[];
  deductions: DepositDeductionRecord[];
}
