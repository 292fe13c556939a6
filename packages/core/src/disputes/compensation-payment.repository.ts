/**
 * The port of compensation obligations (赔付义务): one per resolved complaint with an amount, moved by compare-and-set
 * on its version. Writes run in the caller's transaction.
 */
import type { CompensationObligationRecord } from './compensation-payment.types.ts';

export interface CompensationObligationRepository {
  /** one per complaint (unique): a replayed resolution cannot create two */
  insertObligation(o: CompensationObligationRecord): Promise<void>;
  findObligationOf(complaintId: string, opts?: { lock?: boolean }): Promise<CompensationObligationRecord | null>;
  /** writes `o` when the stored version is `expectVersion`; false otherwise */
  updateObligation(o: CompensationObligationRecord, expectVersion: number): Promise<boolean>;
  /** `due` obligations whose deadline is strictly before `now`, oldest deadline first */
  listOverdue(now: Date, limit: number): Promise<CompensationObligationRecord[]>;
  /** advanced obligations not fully recovered, oldest advance first */
  listOutstanding(limit: number): Promise<CompensationObligationRecord[]>;
  /** a merchant's obligations, newest first */
  listForMerchant(merchantOrgId: string, limit: number): Promise<CompensationObligationRecord[]>;
}
