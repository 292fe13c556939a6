/** The matching context's public entry (人货匹配, docs/matching.md): the service around `@livehub/matching`. */
export { MATCH_HISTORY_DAYS, MATCH_MAX_K, MATCH_MODELS_KEPT, MatchingService } from './matching.service.ts';
export type {
  MatchingDeps,
  MatchReason,
  ModelStatus,
  ProductRecommendation,
  RecommendationList,
  StreamerRecommendation,
  TrainedModelInfo,
  WhyNotAnswer,
} from './matching.service.ts';
export {
  describeViolation,
  LICENCE_LABELS,
  poolPlan,
  rootCategory,
  STREAMER_LICENCES_BY_CATEGORY,
  streamerLicences,
  toEngineInput,
  topicCategories,
} from './matching.rules.ts';
export type * from './matching.types.ts';
export type * from './matching.repository.ts';
export {
  countNewInteractions,
  DEFAULT_RETRAIN_SCHEDULE,
  decodeFactors,
  encodeFactors,
  freshStreamers,
  nextRetrainAt,
  retrainDue,
} from './matching-model.rules.ts';
export type { RetrainSchedule } from './matching-model.rules.ts';
export { AudienceService } from './audience.service.ts';
export type { AudienceDeps, ConsumerVerification } from './audience.service.ts';
export { BuyerAgeReader } from './buyer-age.ts';
export type { BuyerAgeTx } from './buyer-age.ts';
export type { IdentityMismatchReason, IdentityVerdict, IdentityVerifier } from './identity-verifier.port.ts';
export {
  ADULT_AGE,
  AGE_BAND_LABELS,
  AUDIENCE_SEEN_TTL_MS,
  ageBand,
  audienceIncrement,
  CATEGORY_BUYERS,
  categoryBuyers,
  certainlyAdult,
  MIN_VERIFY_AGE,
  provinceCode,
  viewerFacts,
} from './audience.rules.ts';
export type { AgeBand, AudienceIncrement, BuyerAgeStatus, Gender, ViewerFacts, ViewerRecord } from './audience.rules.ts';
