/**
 * The port of policies and their applications (政策服务包). Writes run in the caller's transaction.
 * `insertApplication` fails with AppError `policies.already_applied` when the subject has an open application
 * (in review or returned) for the same policy: a partial unique index decides.
 */
import type {
  PolicyApplicationRecord,
  PolicyApplicationStatus,
  PolicyKind,
  PolicyRecord,
  PolicyStatus,
  PolicyTotals,
} from './policies.types.ts';

export interface PolicyRepository {
  insertPolicy(p: PolicyRecord): Promise<void>;
  updatePolicy(id: string, patch: Partial<Omit<PolicyRecord, 'id' | 'issuerOrgId' | 'createdBy' | 'createdAt'>>): Promise<void>;
  findPolicy(id: string): Promise<PolicyRecord | null>;
  /** newest first */
  listPolicies(opts: { status?: PolicyStatus[]; kind?: PolicyKind; issuerOrgId?: string; limit: number }): Promise<PolicyRecord[]>;

  insertApplication(a: PolicyApplicationRecord): Promise<void>;
  updateApplication(
    id: string,
    patch: Partial<Pick<PolicyApplicationRecord, 'status' | 'grantedFen' | 'decisionReason' | 'decidedAt' | 'updatedAt'>>,
  ): Promise<void>;
  findApplication(id: string): Promise<PolicyApplicationRecord | null>;
  findByWorkflowApplication(workflowApplicationId: string): Promise<PolicyApplicationRecord | null>;
  /** newest first */
  listApplications(opts: {
    policyIds?: string[];
    applicantOrgId?: string;
    applicantUserId?: string;
    subjectId?: string;
    status?: PolicyApplicationStatus[];
    limit: number;
  }): Promise<PolicyApplicationRecord[]>;
  /** per policy of the issuer: applications, those in review, those granted and the amount granted */
  totals(issuerOrgId: string): Promise<Omit<PolicyTotals, 'paidFen'>[]>;
}
