/** Drizzle implementation of the reports port (举报, disputes). */
import type { ReportStatus } from '@livehub/contracts';
import type { ReportRecord, ReportRepository } from '@livehub/core';
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { reports } from '../schema/reports.ts';

export class DrizzleReportRepository implements ReportRepository {
  constructor(private readonly db: Db) {}

  async insertReport(r: ReportRecord): Promise<void> {
    await this.db.insert(reports).values(r);
  }
  async findReport(id: string, opts: { lock?: boolean } = {}): Promise<ReportRecord | null> {
    const q = this.db.select().from(reports).where(eq(reports.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as ReportRecord | undefined) ?? null;
  }
  async findReportByTrackingHash(hash: string): Promise<ReportRecord | null> {
    const [row] = await this.db.select().from(reports).where(eq(reports.trackingCodeHash, hash)).limit(1);
    return (row as ReportRecord | undefined) ?? null;
  }
  async updateReport(r: ReportRecord, expectVersion: number): Promise<boolean> {
    const { id, ...rest } = r;
    const rows = await this.db
      .update(reports)
      .set(rest)
      .where(and(eq(reports.id, id), eq(reports.version, expectVersion)))
      .returning({ id: reports.id });
    return rows.length === 1;
  }
  async listReports(opts: {
    reporterUserId?: string | undefined;
    subjectOrgId?: string | undefined;
    subjectUserId?: string | undefined;
    statuses?: readonly ReportStatus[] | undefined;
    filedFrom?: Date | undefined;
    filedBefore?: Date | undefined;
    limit: number;
  }): Promise<ReportRecord[]> {
    const where: SQL[] = [];
    if (opts.filedFrom) where.push(gte(reports.filedAt, opts.filedFrom));
    if (opts.filedBefore) where.push(lt(reports.filedAt, opts.filedBefore));
    if (opts.reporterUserId) where.push(eq(reports.reporterUserId, opts.reporterUserId));
    if (opts.subjectOrgId) where.push(eq(reports.subjectOrgId, opts.subjectOrgId));
    if (opts.subjectUserId) where.push(eq(reports.subjectUserId, opts.subjectUserId));
    if (opts.statuses) where.push(inArray(reports.status, [...opts.statuses]));
    return (await this.db
      .select()
      .from(reports)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(reports.filedAt), desc(reports.id))
      .limit(opts.limit)) as ReportRecord[];
  }
  async countReports(
    subject: { subjectOrgId?: string | undefined; subjectUserId?: string | undefined },
    status: ReportStatus,
  ): Promise<number> {
    const where: SQL[] = [eq(reports.status, status)];
    if (subject.subjectOrgId) where.push(eq(reports.subjectOrgId, subject.subjectOrgId));
    if (subject.subjectUserId) where.push(eq(reports.subjectUserId, subject.subjectUserId));
    if (!subject.subjectOrgId && !subject.subjectUserId) return 0;
    const [row] = await this.db
      .select({ n: count() })
      .from(reports)
      .where(and(...where));
    return Number(row?.n ?? 0);
  }
}
