/** The credit context's public entry: recording events, scores and their explanation, the recompute, the model. */
export type * from './credit.types.ts';
export type * from './credit.repository.ts';
export { CreditService, isDowngrade, toEngineEvent } from './credit.service.ts';
export type { CreditDeps, CreditEventInput, CreditPartyDirectory, CreditTierListener, CreditTx } from './credit.service.ts';
export { CreditViewService } from './credit-view.service.ts';
export type { CreditDetailView, CreditSummaryView, CreditViewDeps } from './credit-view.service.ts';
export { CreditRecomputeService } from './credit-recompute.service.ts';
export type { CreditRecomputeDeps } from './credit-recompute.service.ts';
export { StaticCreditModel } from './credit-model.source.ts';
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
export type { CreditGatePort } from './credit-gate.port.ts';
