/** Drizzle implementation of the appeals and reports port (credit). */
import type { CreditAppealRecord, CreditAppealRepository, CreditAppealStatus, CreditReportRecord } from '@livehub/core';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { creditAppeals, creditReports } from '../schema/credit-appeals.ts';

export class DrizzleCreditAppealRepository implements CreditAppealRepository {
  constructor(private readonly db: Db) {}

  async insertAppeal(appeal: CreditAppealRecord): Promise<void> {
    await this.db.insert(creditAppeals).values(appeal);
  }
  async findAppeal(id: string): Promise<CreditAppealRecord | null> {
    const [row] = await this.db.select().from(creditAppeals).where(eq(creditAppeals.id, id)).limit(1);
    return (row as CreditAppealRecord | undefined) ?? null;
  }
  async findByApplication(applicationId: string): Promise<CreditAppealRecord | null> {
    const [row] = await this.db.select().from(creditAppeals).where(eq(creditAppeals.applicationId, applicationId)).limit(1);
    return (row as CreditAppealRecord | undefined) ?? null;
  }
  async openAppealOf(eventId: string): Promise<CreditAppealRecord | null> {
    const [row] = await this.db
      .select()
      .from(creditAppeals)
      .where(and(eq(creditAppeals.eventId, eventId), eq(creditAppeals.status, 'open')))
      .limit(1);
    return (row as CreditAppealRecord | undefined) ?? null;
  }
  async decideAppeal(
    id: string,
    decision: { status: Exclude<CreditAppealStatus, 'open'>; decidedAt: Date; decisionNote: string | null },
  ): Promise<boolean> {
    const rows = await this.db
      .update(creditAppeals)
      .set(decision)
      .where(and(eq(creditAppeals.id, id), eq(creditAppeals.status, 'open')))
      .returning({ id: creditAppeals.id });
    return rows.length === 1;
  }
  async listAppeals(opts: {
    partyId?: string | undefined;
    status?: CreditAppealStatus | undefined;
    limit: number;
  }): Promise<CreditAppealRecord[]> {
    const where: SQL[] = [];
    if (opts.partyId) where.push(eq(creditAppeals.partyId, opts.partyId));
    if (opts.status) where.push(eq(creditAppeals.status, opts.status));
    return (await this.db
      .select()
      .from(creditAppeals)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(creditAppeals.createdAt), desc(creditAppeals.id))
      .limit(opts.limit)) as CreditAppealRecord[];
  }
  async latestAppealsOf(eventIds: string[]): Promise<CreditAppealRecord[]> {
    if (eventIds.length === 0) return [];
    return (await this.db
      .selectDistinctOn([creditAppeals.eventId])
      .from(creditAppeals)
      .where(inArray(creditAppeals.eventId, eventIds))
      .orderBy(creditAppeals.eventId, desc(creditAppeals.createdAt), desc(creditAppeals.id))) as CreditAppealRecord[];
  }

  async insertReport(report: CreditReportRecord): Promise<void> {
    await this.db.insert(creditReports).values({ ...report, content: report.content as unknown as Record<string, unknown> });
  }
  async findReportByNumber(number: string): Promise<CreditReportRecord | null> {
    const [row] = await this.db.select().from(creditReports).where(eq(creditReports.number, number)).limit(1);
    return (row as CreditReportRecord | undefined) ?? null;
  }
}
