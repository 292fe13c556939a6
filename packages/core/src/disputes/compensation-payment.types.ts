/**
 * 赔付义务 (compensation obligation) in the domain's words: what a resolved complaint obliges its merchant to pay the
 * consumer, by when, and how it was paid — by the merchant, or 先行赔付 by the platform's advance-compensation fund and
 * then recovered (追偿) from the merchant's deposit and available balance, the rest owed (docs/disputes.md).
 */
import type { CompensationStatus, ComplaintRemedy } from '@livehub/contracts';

export interface CompensationObligationRecord {
  id: string;
  complaintId: string;
  orderId: string;
  merchantOrgId: string;
  consumerUserId: string;
  remedy: ComplaintRemedy;
  amountFen: number;
  /** the merchant pays at or before it; the sweep has the fund pay what is strictly past it */
  dueAt: Date;
  status: CompensationStatus;
  paidByMerchantFen: number;
  advancedFen: number;
  recoveredFromDepositFen: number;
  recoveredFromBalanceFen: number;
  /** how many recovery postings were made (each has its own ledger business key) */
  recoveries: number;
  createdAt: Date;
  paidAt: Date | null;
  advancedAt: Date | null;
  /** the last recovery */
  recoveredAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** An obligation as it leaves the context: with what the merchant still owes the platform. */
export type CompensationObligationView = Omit<CompensationObligationRecord, 'version' | 'recoveries'> & { outstandingFen: number };
