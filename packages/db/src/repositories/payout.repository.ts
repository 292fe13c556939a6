/** Drizzle implementation of the payout and deposit ports. */
import type {
  DepositDeductionRecord,
  DepositPaymentRecord,
  DepositRepository,
  DepositRequirementRecord,
  PayoutHoldRecord,
  PayoutRecord,
  PayoutRepository,
  PayoutStatus,
} from '@livehub/core';
import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { depositDeductions, depositPayments, depositRequirements, payoutHolds, payoutNotifications, payouts } from '../schema/payouts.ts';
import { firstWhere } from './first-where.ts';

/** Rows per statement of the batch hold methods (7 parameters a row, well under the protocol's 65,535). */
const HOLD_BATCH = 1_000;

export class DrizzlePayoutRepository implements PayoutRepository {
  constructor(private readonly db: Db) {}

  async insert(p: PayoutRecord): Promise<boolean> {
    const rows = await this.db
      .insert(payouts)
      .values(p)
      .onConflictDoNothing({ target: [payouts.requestedBy, payouts.idempotencyKey] })
      .returning({ id: payouts.id });
    return rows.length === 1;
  }
  async find(id: string, opts: { lock?: boolean } = {}): Promise<PayoutRecord | null> {
    const q = this.db.select().from(payouts).where(eq(payouts.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as PayoutRecord | undefined) ?? null;
  }
  async findByKey(requestedBy: string, idempotencyKey: string): Promise<PayoutRecord | null> {
    return (await firstWhere(
      this.db,
      payouts,
      and(eq(payouts.requestedBy, requestedBy), eq(payouts.idempotencyKey, idempotencyKey)),
    )) as PayoutRecord | null;
  }
  async update(p: PayoutRecord, expectedVersion: number): Promise<boolean> {
    const { id, ...rest } = p;
    const rows = await this.db
      .update(payouts)
      .set(rest)
      .where(and(eq(payouts.id, id), eq(payouts.version, expectedVersion)))
      .returning({ id: payouts.id });
    return rows.length === 1;
  }
  async list(opts: { partyId?: string | undefined; status?: PayoutStatus | undefined; limit: number }): Promise<PayoutRecord[]> {
    const where: SQL[] = [];
    if (opts.partyId) where.push(eq(payouts.partyId, opts.partyId));
    if (opts.status) where.push(eq(payouts.status, opts.status));
    return (await this.db
      .select()
      .from(payouts)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(opts.limit)) as PayoutRecord[];
  }
  async listUnsent(limit: number): Promise<PayoutRecord[]> {
    return (await this.db
      .select()
      .from(payouts)
      .where(and(eq(payouts.status, 'processing'), isNull(payouts.sentAt)))
      .orderBy(asc(payouts.createdAt))
      .limit(limit)) as PayoutRecord[];
  }
  async activeHold(partyId: string): Promise<PayoutHoldRecord | null> {
    return (await firstWhere(
      this.db,
      payoutHolds,
      and(eq(payoutHolds.partyId, partyId), isNull(payoutHolds.releasedAt)),
    )) as PayoutHoldRecord | null;
  }
  async placeHold(h: PayoutHoldRecord): Promise<PayoutHoldRecord> {
    await this.db.insert(payoutHolds).values(h).onConflictDoNothing();
    return (await this.activeHold(h.partyId)) as PayoutHoldRecord;
  }
  async releaseHold(id: string, by: string | null, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(payoutHolds)
      .set({ releasedBy: by, releasedAt: at })
      .where(and(eq(payoutHolds.id, id), isNull(payoutHolds.releasedAt)))
      .returning({ id: payoutHolds.id });
    return rows.length === 1;
  }
  activeHoldsOf(partyIds: string[]): Promise<PayoutHoldRecord[]> {
    return this.holdsOfParties(partyIds, isNull(payoutHolds.releasedAt));
  }
  holdsSince(partyIds: string[], since: Date): Promise<PayoutHoldRecord[]> {
    return this.holdsOfParties(partyIds, or(isNull(payoutHolds.releasedAt), gte(payoutHolds.placedAt, since)));
  }
  /** the parties' holds that meet `where`, read HOLD_BATCH parties a statement */
  private async holdsOfParties(partyIds: string[], where: SQL | undefined): Promise<PayoutHoldRecord[]> {
    const out: PayoutHoldRecord[] = [];
    for (let i = 0; i < partyIds.length; i += HOLD_BATCH) {
      const part = partyIds.slice(i, i + HOLD_BATCH);
      out.push(
        ...((await this.db
          .select()
          .from(payoutHolds)
          .where(and(inArray(payoutHolds.partyId, part), where))) as PayoutHoldRecord[]),
      );
    }
    return out;
  }
  async placeHolds(holds: PayoutHoldRecord[]): Promise<PayoutHoldRecord[]> {
    const out: PayoutHoldRecord[] = [];
    for (let i = 0; i < holds.length; i += HOLD_BATCH) {
      const part = holds.slice(i, i + HOLD_BATCH);
      // the partial unique index (one active hold per party) makes a party already held a conflict, skipped
      out.push(...((await this.db.insert(payoutHolds).values(part).onConflictDoNothing().returning()) as PayoutHoldRecord[]));
    }
    return out;
  }
  async releaseHolds(ids: string[], by: string | null, at: Date): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < ids.length; i += HOLD_BATCH) {
      const rows = await this.db
        .update(payoutHolds)
        .set({ releasedBy: by, releasedAt: at })
        .where(and(inArray(payoutHolds.id, ids.slice(i, i + HOLD_BATCH)), isNull(payoutHolds.releasedAt)))
        .returning({ id: payoutHolds.id });
      out.push(...rows.map((r) => r.id));
    }
    return out;
  }
  async listHolds(opts: { activeOnly: boolean; limit: number }): Promise<PayoutHoldRecord[]> {
    return (await this.db
      .select()
      .from(payoutHolds)
      .where(opts.activeOnly ? isNull(payoutHolds.releasedAt) : undefined)
      .orderBy(desc(payoutHolds.placedAt))
      .limit(opts.limit)) as PayoutHoldRecord[];
  }
  async recordNotification(n: { provider: string; notifyId: string; payoutId: string; kind: string; receivedAt: Date }): Promise<boolean> {
    const rows = await this.db
      .insert(payoutNotifications)
      .values(n)
      .onConflictDoNothing({ target: [payoutNotifications.provider, payoutNotifications.notifyId] })
      .returning({ id: payoutNotifications.notifyId });
    return rows.length === 1;
  }
}

export class DrizzleDepositRepository implements DepositRepository {
  constructor(private readonly db: Db) {}

  async setRequirement(r: DepositRequirementRecord): Promise<void> {
    if (r.amountFen === 0) {
      await this.db.delete(depositRequirements).where(eq(depositRequirements.categoryId, r.categoryId));
      return;
    }
    await this.db
      .insert(depositRequirements)
      .values(r)
      .onConflictDoUpdate({
        target: depositRequirements.categoryId,
        set: { amountFen: r.amountFen, updatedBy: r.updatedBy, updatedAt: r.updatedAt },
      });
  }
  async listRequirements(): Promise<DepositRequirementRecord[]> {
    return (await this.db.select().from(depositRequirements).orderBy(asc(depositRequirements.categoryId))) as DepositRequirementRecord[];
  }
  async requirementsFor(categoryIds: string[]): Promise<DepositRequirementRecord[]> {
    if (categoryIds.length === 0) return [];
    return (await this.db
      .select()
      .from(depositRequirements)
      .where(inArray(depositRequirements.categoryId, categoryIds))) as DepositRequirementRecord[];
  }
  async insertPayment(p: DepositPaymentRecord): Promise<void> {
    await this.db.insert(depositPayments).values(p);
  }
  async findPayment(id: string, opts: { lock?: boolean } = {}): Promise<DepositPaymentRecord | null> {
    const q = this.db.select().from(depositPayments).where(eq(depositPayments.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as DepositPaymentRecord | undefined) ?? null;
  }
  async updatePayment(p: DepositPaymentRecord): Promise<void> {
    const { id, ...rest } = p;
    await this.db.update(depositPayments).set(rest).where(eq(depositPayments.id, id));
  }
  async listPayments(merchantOrgId: string, limit: number): Promise<DepositPaymentRecord[]> {
    return (await this.db
      .select()
      .from(depositPayments)
      .where(eq(depositPayments.merchantOrgId, merchantOrgId))
      .orderBy(desc(depositPayments.createdAt), desc(depositPayments.id))
      .limit(limit)) as DepositPaymentRecord[];
  }
  async insertDeduction(d: DepositDeductionRecord): Promise<void> {
    await this.db.insert(depositDeductions).values(d);
  }
  async listDeductions(merchantOrgId: string, limit: number): Promise<DepositDeductionRecord[]> {
    return (await this.db
      .select()
      .from(depositDeductions)
      .where(eq(depositDeductions.merchantOrgId, merchantOrgId))
      .orderBy(desc(depositDeductions.createdAt), desc(depositDeductions.id))
      .limit(limit)) as DepositDeductionRecord[];
  }
}
