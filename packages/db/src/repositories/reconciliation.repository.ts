/**
 * Drizzle implementations of the reconciliation ports: runs and differences (reconciliation's tables), and the
 * read-only view of the orders context's payments and refunds that reconciliation compares with the bill.
 */
import type {
  PaymentFact,
  PaymentRecordReader,
  ReconciliationItemRecord,
  ReconciliationRepository,
  ReconciliationRunRecord,
  RefundFact,
} from '@livehub/core';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { payments, refunds } from '../schema/orders.ts';
import { reconciliationItems, reconciliationRuns } from '../schema/reconciliation.ts';

export class DrizzleReconciliationRepository implements ReconciliationRepository {
  constructor(private readonly db: Db) {}

  async upsertRun(run: ReconciliationRunRecord): Promise<ReconciliationRunRecord> {
    const { id: _id, day: _day, ...figures } = run;
    const [row] = await this.db
      .insert(reconciliationRuns)
      .values(run)
      .onConflictDoUpdate({ target: reconciliationRuns.day, set: figures })
      .returning();
    return row as ReconciliationRunRecord;
  }
  async findRun(day: string): Promise<ReconciliationRunRecord | null> {
    const [row] = await this.db.select().from(reconciliationRuns).where(eq(reconciliationRuns.day, day)).limit(1);
    return (row as ReconciliationRunRecord | undefined) ?? null;
  }
  async listRuns(limit: number): Promise<ReconciliationRunRecord[]> {
    return (await this.db
      .select()
      .from(reconciliationRuns)
      .orderBy(desc(reconciliationRuns.day))
      .limit(limit)) as ReconciliationRunRecord[];
  }
  async replaceOpenItems(day: string, items: ReconciliationItemRecord[]): Promise<void> {
    await this.db.delete(reconciliationItems).where(and(eq(reconciliationItems.day, day), eq(reconciliationItems.status, 'open')));
    if (items.length === 0) return;
    await this.db
      .insert(reconciliationItems)
      .values(items)
      .onConflictDoNothing({ target: [reconciliationItems.day, reconciliationItems.fingerprint] });
  }
  async listItems(day: string): Promise<ReconciliationItemRecord[]> {
    return (await this.db
      .select()
      .from(reconciliationItems)
      .where(eq(reconciliationItems.day, day))
      .orderBy(
        sql`case when ${reconciliationItems.status} = 'open' then 0 else 1 end`,
        asc(reconciliationItems.type),
        asc(reconciliationItems.refKind),
        asc(reconciliationItems.refId),
        asc(reconciliationItems.fingerprint),
      )) as ReconciliationItemRecord[];
  }
  async findItem(id: string): Promise<ReconciliationItemRecord | null> {
    const [row] = await this.db.select().from(reconciliationItems).where(eq(reconciliationItems.id, id)).limit(1);
    return (row as ReconciliationItemRecord | undefined) ?? null;
  }
  async resolveItem(id: string, r: { note: string; by: string | null; at: Date }): Promise<boolean> {
    const rows = await this.db
      .update(reconciliationItems)
      .set({ status: 'resolved', resolutionNote: r.note, resolvedBy: r.by, resolvedAt: r.at })
      .where(and(eq(reconciliationItems.id, id), eq(reconciliationItems.status, 'open')))
      .returning({ id: reconciliationItems.id });
    return rows.length === 1;
  }
}

const paymentCols = {
  id: payments.id,
  orderId: payments.orderId,
  amountFen: payments.amountFen,
  status: payments.status,
  providerRef: payments.providerRef,
  updatedAt: payments.updatedAt,
};
const refundCols = {
  id: refunds.id,
  orderId: refunds.orderId,
  paymentId: refunds.paymentId,
  amountFen: refunds.amountFen,
  status: refunds.status,
  completedAt: refunds.completedAt,
};

export class DrizzlePaymentRecordReader implements PaymentRecordReader {
  constructor(private readonly db: Db) {}

  async succeededPaymentsBetween(from: Date, to: Date): Promise<PaymentFact[]> {
    return this.db
      .select(paymentCols)
      .from(payments)
      .where(and(eq(payments.status, 'succeeded'), gte(payments.updatedAt, from), lt(payments.updatedAt, to)))
      .orderBy(asc(payments.updatedAt), asc(payments.id));
  }
  async paymentsByIds(ids: string[]): Promise<PaymentFact[]> {
    if (ids.length === 0) return [];
    return this.db.select(paymentCols).from(payments).where(inArray(payments.id, ids)).orderBy(asc(payments.id));
  }
  async succeededRefundsBetween(from: Date, to: Date): Promise<RefundFact[]> {
    return this.db
      .select(refundCols)
      .from(refunds)
      .where(and(eq(refunds.status, 'succeeded'), gte(refunds.completedAt, from), lt(refunds.completedAt, to)))
      .orderBy(asc(refunds.completedAt), asc(refunds.id));
  }
  async refundsByIds(ids: string[]): Promise<RefundFact[]> {
    if (ids.length === 0) return [];
    return this.db.select(refundCols).from(refunds).where(inArray(refunds.id, ids)).orderBy(asc(refunds.id));
  }
}
