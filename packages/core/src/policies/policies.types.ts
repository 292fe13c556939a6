/**
 * 政策服务包 (issue #21 item 3; seeds 001, 002, 004): policies as data — who issues them, the conditions an
 * enterprise's (or a certified professional's) facts must meet, what they grant, when and with which papers one
 * applies — and the applications made for them through the approval engine. docs/programmes.md.
 */

/** `enterprise`: merchants, MCNs, bases, service providers apply; `talent` (人才政策): a certified streamer applies. */
export type PolicyKind = 'enterprise' | 'talent';
export type PolicyStatus = 'draft' | 'published' | 'withdrawn';

/** What a policy grants: a subsidy (fixed amount or a rate with a cap) or a talent benefit. */
export type BenefitKind = 'subsidy_amount' | 'subsidy_rate' | 'settlement_points' | 'housing_subsidy' | 'school_enrolment' | 'service';
export const BENEFIT_KINDS: readonly BenefitKind[] = [
  'subsidy_amount',
  'subsidy_rate',
  'settlement_points',
  'housing_subsidy',
  'school_enrolment',
  'service',
];

export interface PolicyBenefit {
  kind: BenefitKind;
  /** fixed amount in fen (a subsidy, a housing allowance) */
  amountFen: number | null;
  /** rate in basis points of the applicant's stated base (subsidy_rate) */
  rateBp: number | null;
  /** the most one application may be granted, in fen */
  capFen: number | null;
  /** in words, e.g. 落户积分 +20 分 / 子女入学统筹安排 */
  description: string;
}

export interface PolicyRecord {
  id: string;
  /** the regulator organization and its department (code) that issues the policy and reviews its applications */
  issuerOrgId: string;
  issuerDepartment: string;
  kind: PolicyKind;
  title: string;
  summary: string;
  /** 政策依据: the document and article the policy stands on */
  basis: string;
  /** the eligibility condition (condition.rules.ts), as validated JSON */
  conditions: Condition;
  benefit: PolicyBenefit;
  /** the application window; null ends are open */
  applyFrom: Date | null;
  applyUntil: Date | null;
  /** document kinds an application must carry */
  documents: string[];
  status: PolicyStatus;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PolicyInput {
  kind: PolicyKind;
  title: string;
  summary: string;
  basis: string;
  conditions: unknown;
  benefit: PolicyBenefit;
  applyFrom: Date | null;
  applyUntil: Date | null;
  documents: string[];
}

// ── the condition language ──────────────────────────────────────────────────────────────────────────────

export type FactKey =
  | 'orgKind'
  | 'district'
  | 'hostBase'
  | 'certified'
  | 'gmv12mFen'
  | 'revenueFen'
  | 'headcount'
  | 'certifiedProfessionals'
  | 'creditTier'
  | 'yearsSinceAdmission'
  | 'marketerLevel'
  | 'socialSecurityMonths';

export type ConditionOp = 'eq' | 'ne' | 'gte' | 'gt' | 'lte' | 'lt' | 'in' | 'not_in';
export type FactValue = string | number | boolean;

export type Condition = { all: Condition[] } | { any: Condition[] } | { fact: FactKey; op: ConditionOp; value: FactValue | FactValue[] };

/** The facts a condition reads; null or absent = not known to LiveHub (a self-declared one is asked on application). */
export type Facts = Partial<Record<FactKey, FactValue | null>>;

/** One leaf's verdict, in words: 近12个月成交额 ≥ 500 万元 ✓（实际 812 万元） */
export interface ConditionReason {
  fact: FactKey;
  outcome: 'met' | 'unmet' | 'unknown';
  /** the fact was declared by the applicant (自报), not read from LiveHub's records */
  selfDeclared: boolean;
  text: string;
}

export type EligibilityStatus = 'eligible' | 'nearly' | 'not_eligible';

export interface Eligibility {
  status: EligibilityStatus;
  reasons: ConditionReason[];
  /** the unmet or unknown leaves, in words (what is missing) */
  missing: string[];
}

// ── applications ────────────────────────────────────────────────────────────────────────────────────────

export type PolicyApplicationStatus = 'in_review' | 'returned' | 'granted' | 'rejected' | 'withdrawn';

export interface PolicyApplicationRecord {
  id: string;
  policyId: string;
  /** the approval engine's application that carries the review */
  workflowApplicationId: string;
  applicantUserId: string;
  applicantOrgId: string | null;
  subjectType: 'organization' | 'streamer';
  subjectId: string;
  status: PolicyApplicationStatus;
  /** the facts at submission (LiveHub's and the declared ones) and the verdict on them */
  facts: Facts;
  declared: Facts;
  reasons: ConditionReason[];
  requestedFen: number | null;
  grantedFen: number | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A policy as an applicant sees it: with the verdict on its own facts. */
export interface MatchedPolicy {
  policy: PolicyRecord;
  issuerName: string | null;
  eligibility: Eligibility;
  /** the applicant's open or last application for it */
  application: PolicyApplicationRecord | null;
}

export interface PolicyApplicationListing extends PolicyApplicationRecord {
  policyTitle: string;
  policyKind: PolicyKind;
  issuerDepartment: string;
  subjectName: string | null;
  /** 已拨付: the amount paid through the ledger and when; null when nothing was paid */
  paidFen: number | null;
  paidAt: Date | null;
}

export interface PolicyTotals {
  policyId: string;
  title: string;
  applications: number;
  inReview: number;
  granted: number;
  grantedFen: number;
  /** what the ledger has paid for the policy's granted applications */
  paidFen: number;
}
