/** Response types derived from the shared contracts (types only; nothing here reaches the bundle). */
import type {
  apiTokenSchema,
  createdApiTokenSchema,
  decisionSchema,
  eventKindSchema,
  evidenceVerifySchema,
  hitSchema,
  memberSchema,
  productCategorySchema,
  reviewItemDetailSchema,
  reviewItemSchema,
  reviewStatusSchema,
  rulePackSummarySchema,
  ruleSummarySchema,
  screeningCategorySchema,
  screenResultSchema,
  violationSchema,
} from '@livehub/contracts';

export type Member = ReturnType<typeof memberSchema.parse>;
export type ApiToken = ReturnType<typeof apiTokenSchema.parse>;
export type CreatedApiToken = ReturnType<typeof createdApiTokenSchema.parse>;

export interface ItemsResponse<T> {
  items: T[];
}

export type ReviewItem = ReturnType<typeof reviewItemSchema.parse>;
export type ReviewItemDetail = ReturnType<typeof reviewItemDetailSchema.parse>;
export type ScreeningHit = ReturnType<typeof hitSchema.parse>;
export type ScreenResult = ReturnType<typeof screenResultSchema.parse>;
export type Violation = ReturnType<typeof violationSchema.parse>;
export type EvidenceVerifyResult = ReturnType<typeof evidenceVerifySchema.parse>;
export type RulePackSummary = ReturnType<typeof rulePackSummarySchema.parse>;
export type RuleSummary = ReturnType<typeof ruleSummarySchema.parse>;
export type ScreeningCategory = ReturnType<typeof screeningCategorySchema.parse>;
export type ScreeningDecision = ReturnType<typeof decisionSchema.parse>;
export type EventKind = ReturnType<typeof eventKindSchema.parse>;
export type ProductCategory = ReturnType<typeof productCategorySchema.parse>;
export type ReviewStatus = ReturnType<typeof reviewStatusSchema.parse>;
export type ReviewStatusFilter = 'pending' | 'open' | 'claimed' | 'confirmed' | 'dismissed' | 'all';
