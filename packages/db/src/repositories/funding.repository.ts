/**
 * Drizzle implementation of the funding port (项目资金绩效评价). A second tranche for one plan year is refused by the
 * unique index `funding_tranches_year_uq` (SQLSTATE 23505), answered as `funding.year_taken`.
 */
import {
  AppError,
  type FundingEvaluationRecord,
  type FundingProjectRecord,
  type FundingRepository,
  type FundingTargetRecord,
  type FundingTrancheRecord,
} from '@livehub/core';
import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { fundingEvaluations, fundingProjects, fundingTargets, fundingTranches } from '../schema/funding.ts';

function isUniqueViolation(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++)
    if ((cur as { code?: unknown }).code === '23505') return true;
  return false;
}

export class DrizzleFundingRepository implements FundingRepository {
  constructor(private readonly db: Db) {}

  async insertProject(p: FundingProjectRecord): Promise<void> {
    await this.db.insert(fundingProjects).values(p);
  }
  async updateProject(
    id: string,
    patch: Partial<Pick<FundingProjectRecord, 'status' | 'currentYear' | 'exitReason' | 'exitedAt' | 'updatedAt'>>,
  ): Promise<void> {
    await this.db.update(fundingProjects).set(patch).where(eq(fundingProjects.id, id));
  }
  async findProject(id: string): Promise<FundingProjectRecord | null> {
    const [row] = await this.db.select().from(fundingProjects).where(eq(fundingProjects.id, id)).limit(1);
    return (row as FundingProjectRecord | undefined) ?? null;
  }
  async lockProject(id: string): Promise<FundingProjectRecord | null> {
    const [row] = await this.db.select().from(fundingProjects).where(eq(fundingProjects.id, id)).limit(1).for('update');
    return (row as FundingProjectRecord | undefined) ?? null;
  }
  async listProjects(opts: {
    issuerOrgId?: string;
    ownerOrgId?: string;
    evaluatorOrgId?: string;
    status?: string[];
    limit: number;
  }): Promise<FundingProjectRecord[]> {
    const where: SQL[] = [];
    if (opts.issuerOrgId) where.push(eq(fundingProjects.issuerOrgId, opts.issuerOrgId));
    if (opts.ownerOrgId) where.push(eq(fundingProjects.ownerOrgId, opts.ownerOrgId));
    if (opts.evaluatorOrgId) where.push(eq(fundingProjects.evaluatorOrgId, opts.evaluatorOrgId));
    if (opts.status) where.push(inArray(fundingProjects.status, opts.status as FundingProjectRecord['status'][]));
    return (await this.db
      .select()
      .from(fundingProjects)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(fundingProjects.createdAt), desc(fundingProjects.id))
      .limit(opts.limit)) as FundingProjectRecord[];
  }

  async insertTranches(t: FundingTrancheRecord[]): Promise<void> {
    try {
      await this.db.insert(fundingTranches).values(t);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('funding.year_taken', { field: 'planYear', cause: e });
      throw e;
    }
  }
  async updateTranche(
    id: string,
    patch: Partial<Pick<FundingTrancheRecord, 'status' | 'paidEntryId' | 'paidAt' | 'clawbackEntryId' | 'clawedBackAt'>>,
  ): Promise<void> {
    await this.db.update(fundingTranches).set(patch).where(eq(fundingTranches.id, id));
  }
  async listTranches(projectId: string): Promise<FundingTrancheRecord[]> {
    return (await this.db
      .select()
      .from(fundingTranches)
      .where(eq(fundingTranches.projectId, projectId))
      .orderBy(asc(fundingTranches.planYear))) as FundingTrancheRecord[];
  }

  async insertTargets(t: FundingTargetRecord[]): Promise<void> {
    await this.db.insert(fundingTargets).values(t);
  }
  async listTargets(projectId: string): Promise<FundingTargetRecord[]> {
    return (await this.db
      .select()
      .from(fundingTargets)
      .where(eq(fundingTargets.projectId, projectId))
      .orderBy(asc(fundingTargets.planYear), asc(fundingTargets.kind))) as FundingTargetRecord[];
  }

  async insertEvaluation(e: FundingEvaluationRecord): Promise<void> {
    await this.db.insert(fundingEvaluations).values(e);
  }
  async updateEvaluation(id: string, patch: Partial<Omit<FundingEvaluationRecord, 'id' | 'projectId' | 'planYear'>>): Promise<void> {
    await this.db.update(fundingEvaluations).set(patch).where(eq(fundingEvaluations.id, id));
  }
  async listEvaluations(projectId: string): Promise<FundingEvaluationRecord[]> {
    return (await this.db
      .select()
      .from(fundingEvaluations)
      .where(eq(fundingEvaluations.projectId, projectId))
      .orderBy(asc(fundingEvaluations.planYear))) as FundingEvaluationRecord[];
  }
  async listRectificationOverdue(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ id: fundingEvaluations.projectId })
      .from(fundingEvaluations)
      .where(and(eq(fundingEvaluations.status, 'rectifying'), lt(fundingEvaluations.rectificationDeadline, now)))
      .orderBy(asc(fundingEvaluations.rectificationDeadline))
      .limit(limit);
    return rows.map((r) => r.id);
  }
}
