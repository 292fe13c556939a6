/**
 * What paying a complaint's outcome needs of the ledger, implemented by the settlement context
 * (`CompensationMoneyService`) and wired by the container: disputes never writes settlement's tables. Every method
 * posts in the caller's transaction, under a business key of the obligation, so a replay posts nothing twice.
 */
import type { Repositories } from '../ports/repositories.ts';

export type CompensationMoneyScope = 'ledger' | 'outbox';
export type CompensationMoneyTx = Pick<Repositories, CompensationMoneyScope>;

export interface CompensationPosting {
  obligationId: string;
  complaintId: string;
  merchantOrgId: string;
  amountFen: number;
}

export interface CompensationMoney {
  /** the merchant's deposit and available balance, read in the transaction (locked by the posting that follows) */
  merchantFunds(tx: CompensationMoneyTx, merchantOrgId: string): Promise<{ depositFen: number; availableFen: number }>;
  /** the fund's balance now */
  fundBalance(tx: CompensationMoneyTx): Promise<number>;
  /** the merchant pays: its available balance → the consumer */
  merchantPays(tx: CompensationMoneyTx, p: CompensationPosting): Promise<void>;
  /** 先行赔付: the fund → the consumer; a fund left below its floor raises `settlement.fund_below_floor` */
  advance(tx: CompensationMoneyTx, p: CompensationPosting): Promise<{ fundBalanceFen: number; belowFloor: boolean }>;
  /** 追偿 number `seq`: the merchant's deposit and available balance → the fund */
  recover(
    tx: CompensationMoneyTx,
    p: Omit<CompensationPosting, 'amountFen'> & { seq: number; fromDepositFen: number; fromBalanceFen: number },
  ): Promise<void>;
}
