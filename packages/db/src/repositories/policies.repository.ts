/**
 * Drizzle implementation of the policies port (政策服务包). A second open application of one subject for one policy
 * is refused by the partial unique index `policy_applications_open_uq` (SQLSTATE 23505), answered as
 * `policies.already_applied`.
 */
import {
  AppError,
  type PolicyApplicationRecord,
  type PolicyApplicationStatus,
  type PolicyKind,
  type PolicyRecord,
  type PolicyRepository,
  type PolicyStatus,
  type PolicyTotals,
} from '@livehub/core';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { policies, policyApplications } from '../schema/policies.ts';

function isUniqueViolation(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++)
    if ((cur as { code?: unknown }).code === '23505') return true;
  return false;
}

export class DrizzlePolicyRepository implements PolicyRepository {
  constructor(private readonly db: Db) {}

  async insertPolicy(p: PolicyRecord): Promise<void> {
    await this.db.insert(policies).values(p);
  }
  async updatePolicy(id: string, patch: Partial<Omit<PolicyRecord, 'id' | 'issuerOrgId' | 'createdBy' | 'createdAt'>>): Promise<void> {
    await this.db.update(policies).set(patch).where(eq(policies.id, id));
  }
  async findPolicy(id: string): Promise<PolicyRecord | null> {
    const [row] = await this.db.select().from(policies).where(eq(policies.id, id)).limit(1);
    return (row as PolicyRecord | undefined) ?? null;
  }
  async listPolicies(opts: { status?: PolicyStatus[]; kind?: PolicyKind; issuerOrgId?: string; limit: number }): Promise<PolicyRecord[]> {
    const where: SQL[] = [];
    if (opts.status) where.push(inArray(policies.status, opts.status));
    if (opts.kind) where.push(eq(policies.kind, opts.kind));
    if (opts.issuerOrgId) where.push(eq(policies.issuerOrgId, opts.issuerOrgId));
    return (await this.db
      .select()
      .from(policies)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(policies.createdAt), desc(policies.id))
      .limit(opts.limit)) as PolicyRecord[];
  }

  async insertApplication(a: PolicyApplicationRecord): Promise<void> {
    try {
      await this.db.insert(policyApplications).values(a);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('policies.already_applied', { field: 'policyId', cause: e });
      throw e;
    }
  }
  async updateApplication(
    id: string,
    patch: Partial<Pick<PolicyApplicationRecord, 'status' | 'grantedFen' | 'decisionReason' | 'decidedAt' | 'updatedAt'>>,
  ): Promise<void> {
    await this.db.update(policyApplications).set(patch).where(eq(policyApplications.id, id));
  }
  async findApplication(id: string): Promise<PolicyApplicationRecord | null> {
    const [row] = await this.db.select().from(policyApplications).where(eq(policyApplications.id, id)).limit(1);
    return (row as PolicyApplicationRecord | undefined) ?? null;
  }
  async findByWorkflowApplication(workflowApplicationId: string): Promise<PolicyApplicationRecord | null> {
    const [row] = await this.db
      .select()
      .from(policyApplications)
      .where(eq(policyApplications.workflowApplicationId, workflowApplicationId))
      .limit(1);
    return (row as PolicyApplicationRecord | undefined) ?? null;
  }
  async listApplications(opts: {
    policyIds?: string[];
    applicantOrgId?: string;
    applicantUserId?: string;
    subjectId?: string;
    status?: PolicyApplicationStatus[];
    limit: number;
  }): Promise<PolicyApplicationRecord[]> {
    const where: SQL[] = [];
    if (opts.policyIds) {
      if (opts.policyIds.length === 0) return [];
      where.push(inArray(policyApplications.policyId, opts.policyIds));
    }
    if (opts.applicantOrgId) where.push(eq(policyApplications.applicantOrgId, opts.applicantOrgId));
    if (opts.applicantUserId) where.push(eq(policyApplications.applicantUserId, opts.applicantUserId));
    if (opts.subjectId) where.push(eq(policyApplications.subjectId, opts.subjectId));
    if (opts.status) where.push(inArray(policyApplications.status, opts.status));
    return (await this.db
      .select()
      .from(policyApplications)
      .where(where.length > 0 ? and(...where) : undefined)
      .orderBy(desc(policyApplications.createdAt), desc(policyApplications.id))
      .limit(opts.limit)) as PolicyApplicationRecord[];
  }
  async totals(issuerOrgId: string): Promise<Omit<PolicyTotals, 'paidFen'>[]> {
    const rows = await this.db
      .select({
        policyId: policies.id,
        title: policies.title,
        applications: sql<number>`count(${policyApplications.id})::int`,
        inReview: sql<number>`count(${policyApplications.id}) filter (where ${policyApplications.status} in ('in_review', 'returned'))::int`,
        granted: sql<number>`count(${policyApplications.id}) filter (where ${policyApplications.status} = 'granted')::int`,
        grantedFen: sql<string>`coalesce(sum(${policyApplications.grantedFen}) filter (where ${policyApplications.status} = 'granted'), 0)`,
      })
      .from(policies)
      .leftJoin(policyApplications, eq(policyApplications.policyId, policies.id))
      .where(and(eq(policies.issuerOrgId, issuerOrgId), inArray(policies.status, ['published', 'withdrawn'])))
      .groupBy(policies.id, policies.title, policies.createdAt)
      .orderBy(desc(policies.createdAt));
    return rows.map((r) => ({
      ...r,
      applications: Number(r.applications),
      inReview: Number(r.inReview),
      granted: Number(r.granted),
      grantedFen: Number(r.grantedFen),
    }));
  }
}
