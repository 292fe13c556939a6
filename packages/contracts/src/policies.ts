/**
 * 政策服务包 (policies): policies as data, what an enterprise or a streamer qualifies for and why, applications and
 * their review, granted totals. The conditions travel as JSON and are parsed by the server's condition engine (a
 * condition that does not parse is a 400 `policies.bad_condition`). docs/programmes.md.
 */
import { z } from 'zod';
import { plainText } from './common.ts';
import { idSchema } from './identity.ts';
import { documentKindSchema } from './registry.ts';

export const POLICY_KINDS = ['enterprise', 'talent'] as const;
export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const BENEFIT_KIND_NAMES = [
  'subsidy_amount',
  'subsidy_rate',
  'settlement_points',
  'housing_subsidy',
  'school_enrolment',
  'service',
] as const;
export const POLICY_APPLICATION_STATUSES = ['in_review', 'returned', 'granted', 'rejected', 'withdrawn'] as const;
export const FACT_NAMES = [
  'orgKind',
  'district',
  'hostBase',
  'certified',
  'gmv12mFen',
  'revenueFen',
  'headcount',
  'certifiedProfessionals',
  'creditTier',
  'yearsSinceAdmission',
  'marketerLevel',
  'socialSecurityMonths',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

const fenAmount = z.number().int().min(0).max(100_000_000_000);

export const benefitSchema = z.strictObject({
  kind: z.enum(BENEFIT_KIND_NAMES),
  amountFen: fenAmount.nullable(),
  rateBp: z.number().int().min(1).max(10_000).nullable(),
  capFen: fenAmount.nullable(),
  description: z.string().trim().max(200),
});

export const policyInputSchema = z.strictObject({
  kind: z.enum(POLICY_KINDS),
  title: plainText(2, 100),
  summary: z.string().trim().min(1).max(2000),
  basis: z.string().trim().min(1).max(500),
  /** the condition language's JSON (parsed by the server) */
  conditions: z.unknown(),
  benefit: benefitSchema,
  applyFrom: z.iso.datetime({ offset: true }).nullable(),
  applyUntil: z.iso.datetime({ offset: true }).nullable(),
  documents: z.array(documentKindSchema).max(10),
});
export type PolicyInputBody = z.infer<typeof policyInputSchema>;

export const policyViewSchema = z.object({
  id: idSchema,
  issuerDepartment: z.string(),
  issuerName: z.string().nullable(),
  kind: z.enum(POLICY_KINDS),
  title: z.string(),
  summary: z.string(),
  basis: z.string(),
  conditions: z.unknown(),
  benefit: z.object({
    kind: z.enum(BENEFIT_KIND_NAMES),
    amountFen: z.number().nullable(),
    rateBp: z.number().nullable(),
    capFen: z.number().nullable(),
    description: z.string(),
  }),
  applyFrom: z.string().nullable(),
  applyUntil: z.string().nullable(),
  documents: z.array(z.string()),
  status: z.enum(POLICY_STATUSES),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;
export const policyListSchema = z.object({ items: z.array(policyViewSchema) });

export const conditionReasonSchema = z.object({
  fact: z.string(),
  outcome: z.enum(['met', 'unmet', 'unknown']),
  selfDeclared: z.boolean(),
  text: z.string(),
});

export const policyApplicationViewSchema = z.object({
  id: idSchema,
  policyId: idSchema,
  policyTitle: z.string(),
  policyKind: z.enum(POLICY_KINDS),
  workflowApplicationId: idSchema,
  subjectType: z.enum(['organization', 'streamer']),
  subjectName: z.string().nullable(),
  status: z.enum(POLICY_APPLICATION_STATUSES),
  declared: z.record(z.string(), z.unknown()),
  reasons: z.array(conditionReasonSchema),
  requestedFen: z.number().nullable(),
  grantedFen: z.number().nullable(),
  /** 已拨付: paid through the ledger (amount and when); null when nothing was paid */
  paidFen: z.number().nullable(),
  paidAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyApplicationView = z.infer<typeof policyApplicationViewSchema>;
export const policyApplicationListSchema = z.object({ items: z.array(policyApplicationViewSchema) });

/** A fact of the applicant, in words (what LiveHub knows). */
export const factViewSchema = z.object({
  fact: z.enum(FACT_NAMES),
  label: z.string(),
  value: z.string().nullable(),
  selfDeclared: z.boolean(),
});

export const matchedPolicySchema = z.object({
  policy: policyViewSchema,
  status: z.enum(['eligible', 'nearly', 'not_eligible']),
  reasons: z.array(conditionReasonSchema),
  missing: z.array(z.string()),
  /** the self-declared facts this policy reads: the application form asks for them */
  declare: z.array(z.enum(FACT_NAMES)),
  application: z.object({ id: idSchema, status: z.enum(POLICY_APPLICATION_STATUSES) }).nullable(),
});
export type MatchedPolicyView = z.infer<typeof matchedPolicySchema>;
export const matchedPoliciesSchema = z.object({ facts: z.array(factViewSchema), items: z.array(matchedPolicySchema) });
export type MatchedPolicies = z.infer<typeof matchedPoliciesSchema>;

export const policyApplySchema = z.strictObject({
  declared: z
    .strictObject({
      revenueFen: fenAmount.optional(),
      headcount: z.number().int().min(0).max(10_000_000).optional(),
      socialSecurityMonths: z.number().int().min(0).max(600).optional(),
    })
    .default({}),
  documents: z
    .array(z.strictObject({ id: idSchema, docType: documentKindSchema }))
    .max(20)
    .default([]),
  requestedFen: fenAmount.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type PolicyApplyBody = z.input<typeof policyApplySchema>;

export const policyReviewSchema = z.strictObject({
  action: z.enum(['approve', 'reject', 'return']),
  reason: z.string().trim().max(500).nullable().default(null),
  grantedFen: fenAmount.nullable().default(null),
});
export type PolicyReviewBody = z.input<typeof policyReviewSchema>;

export const policyResubmitSchema = z.strictObject({
  documents: z
    .array(z.strictObject({ id: idSchema, docType: documentKindSchema }))
    .min(1)
    .max(20),
});

export const policyTotalsSchema = z.object({
  items: z.array(
    z.object({
      policyId: idSchema,
      title: z.string(),
      applications: z.number().int(),
      inReview: z.number().int(),
      granted: z.number().int(),
      grantedFen: z.number(),
      paidFen: z.number(),
    }),
  ),
});
export type PolicyTotalsView = z.infer<typeof policyTotalsSchema>;
