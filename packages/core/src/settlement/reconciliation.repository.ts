/**
 * The reconciliation ports: the runs and their differences (reconciliation's own tables), and a narrow reader of
 * the platform's payments and refunds (the orders context's records, read only, by day and by id).
 */
import type { PaymentFact, ReconciliationItemRecord, ReconciliationRunRecord, RefundFact } from './reconciliation.types.ts';

export interface ReconciliationRepository {
  /** inserts the day's run or replaces its figures (one run per day); returns the stored run */
  upsertRun(run: ReconciliationRunRecord): Promise<ReconciliationRunRecord>;
  findRun(day: string): Promise<ReconciliationRunRecord | null>;
  /** runs newest day first */
  listRuns(limit: number): Promise<ReconciliationRunRecord[]>;
  /**
   * Replaces the day's open differences with `items`: deletes the open ones, inserts the new ones except where a
   * difference with the same fingerprint is already stored for the day (a resolved one keeps its resolution).
   */
  replaceOpenItems(day: string, items: ReconciliationItemRecord[]): Promise<void>;
  /** the day's differences, open first, then by type and reference */
  listItems(day: string): Promise<ReconciliationItemRecord[]>;
  findItem(id: string): Promise<ReconciliationItemRecord | null>;
  /** marks an open difference resolved; returns whether it did (false: not open) */
  resolveItem(id: string, r: { note: string; by: string | null; at: Date }): Promise<boolean>;
}

/** The platform's payments and refunds, read for reconciliation (implemented over the orders context's tables). */
export interface PaymentRecordReader {
  /** payments that turned succeeded in `[from, to)` (by their last update) */
  succeededPaymentsBetween(from: Date, to: Date): Promise<PaymentFact[]>;
  paymentsByIds(ids: string[]): Promise<PaymentFact[]>;
  /** refunds completed successfully in `[from, to)` */
  succeededRefundsBetween(from: Date, to: Date): Promise<RefundFact[]>;
  refundsByIds(ids: string[]): Promise<RefundFact[]>;
}
