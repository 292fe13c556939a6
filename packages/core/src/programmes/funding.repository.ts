/**
 * The port of 项目资金绩效评价: funded projects, their tranches, targets and evaluations. Writes run in the caller's
 * transaction; `lockProject` holds the project's row until it ends, so the budget check and the state moves of one
 * project are serialized. `insertTranches` fails with AppError `funding.year_taken` when a plan year already has a
 * tranche (a unique index decides).
 */
import type { FundingEvaluationRecord, FundingProjectRecord, FundingTargetRecord, FundingTrancheRecord } from './funding.types.ts';

export interface FundingRepository {
  insertProject(p: FundingProjectRecord): Promise<void>;
  updateProject(
    id: string,
    patch: Partial<Pick<FundingProjectRecord, 'status' | 'currentYear' | 'exitReason' | 'exitedAt' | 'updatedAt'>>,
  ): Promise<void>;
  findProject(id: string): Promise<FundingProjectRecord | null>;
  lockProject(id: string): Promise<FundingProjectRecord | null>;
  /** newest first */
  listProjects(opts: {
    issuerOrgId?: string;
    ownerOrgId?: string;
    evaluatorOrgId?: string;
    status?: string[];
    limit: number;
  }): Promise<FundingProjectRecord[]>;

  insertTranches(t: FundingTrancheRecord[]): Promise<void>;
  updateTranche(
    id: string,
    patch: Partial<Pick<FundingTrancheRecord, 'status' | 'paidEntryId' | 'paidAt' | 'clawbackEntryId' | 'clawedBackAt'>>,
  ): Promise<void>;
  /** by plan year */
  listTranches(projectId: string): Promise<FundingTrancheRecord[]>;

  insertTargets(t: FundingTargetRecord[]): Promise<void>;
  listTargets(projectId: string): Promise<FundingTargetRecord[]>;

  insertEvaluation(e: FundingEvaluationRecord): Promise<void>;
  updateEvaluation(id: string, patch: Partial<Omit<FundingEvaluationRecord, 'id' | 'projectId' | 'planYear'>>): Promise<void>;
  /** by plan year */
  listEvaluations(projectId: string): Promise<FundingEvaluationRecord[]>;
  /** projects rectifying whose rectification deadline is before `now` */
  listRectificationOverdue(now: Date, limit: number): Promise<string[]>;
}
