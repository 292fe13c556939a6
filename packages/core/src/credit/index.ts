/** The credit context's public entry: recording events, scores and their explanation, the recompute, the model. */
export type * from './credit.types.ts';
export type * from './credit.repository.ts';
export { CreditService, isDowngrade, toEngineEvent } from './credit.service.ts';
export type { CreditDeps, CreditEventInput, CreditPartyDirectory, CreditTierListener, CreditTx } from './credit.service.ts';
export { CreditViewService } from './credit-view.service.ts';
export type { CreditDetailView, CreditSummaryView, CreditViewDeps } from './credit-view.service.ts';
export { CreditRecomputeService } from './credit-recompute.service.ts';
export type { CreditRecomputeDeps } from './credit-recompute.service.ts';
export { cutScoringLines, InlineCreditRangeScorer, scoreRange } from './credit-range.ts';
export type {
  CreditPolicyTable,
  CreditRangeContext,
  CreditRangeJob,
  CreditRangeMove,
  CreditRangeScored,
  CreditRangeScorer,
  CreditRangeSession,
} from './credit-range.ts';
export { assertValidModel, StaticCreditModel } from './credit-model.source.ts';
export { CreditModelService } from './credit-model.service.ts';
export type { CreditModelDeps } from './credit-model.service.ts';
export type { CreditModelRecord, CreditModelRepository } from './credit-models.repository.ts';
export type { CreditModelSource } from './credit-model.source.ts';
export { CREDIT_FEED } from './credit-feed.rules.ts';
export { CREDIT_HOLD_PREFIX, PayoutHoldMeasure } from './payout-hold.measure.ts';
export { CreditGateService } from './credit-gate.service.ts';
export type {
  CreditGateDeps,
  CreditMeasureCode,
  CreditStanding,
  CreditStandingAdjuster,
  CreditStandingMeasure,
} from './credit-gate.service.ts';
export type * from './credit-modes.types.ts';
export type * from './credit-modes.repository.ts';
export type { CreditHookTx, CreditRecomputed, CreditRescoreHook } from './credit.service.ts';
export { CreditModeService } from './credit-modes.service.ts';
export type { CohortInput, CohortMemberView, CreditModeDeps } from './credit-modes.service.ts';
export {
  CLUE_TOPIC,
  CreditModeHook,
  ObservationAdjuster,
  ObservationPeriods,
  type ObservationRepos,
  SandboxAdjuster,
} from './credit-modes.hook.ts';
export {
  CATEGORY_ZH,
  DEFAULT_MODE_SETTINGS,
  partyPolicy,
  validateCohort,
  validateModeSettings,
  waivedFirstOffences,
} from './credit-modes.rules.ts';
export { CREDIT_TRIGGERS } from './credit-modes.types.ts';
export type * from './credit-appeals.types.ts';
export type * from './credit-appeals.repository.ts';
export { CreditAppealService } from './credit-appeal.service.ts';
export type { CreditAppealDeps, CreditAppealInput } from './credit-appeal.service.ts';
export { CreditReportService, reportNumber } from './credit-report.service.ts';
export type { CreditReportDeps, CreditReportSigner, CreditReportTx, CreditReportVerdict } from './credit-report.service.ts';
export { CreditPublicService, PUBLIC_QUERY_LIMIT } from './credit-public.service.ts';
export type { CreditPartyFinder, CreditPublicDeps, CreditPublicEntry } from './credit-public.service.ts';
export type { CreditGatePort } from './credit-gate.port.ts';
export { CreditModesCache } from './credit-modes.hook.ts';
