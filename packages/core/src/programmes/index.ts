/** The programmes context's public entry: 共享直播间 — studios of live bases and their bookings. */
export type { ProgrammesRepository } from './programmes.repository.ts';
export { BOOKING_RULES, bookingRefusal, chinaTime, suspendedUntil } from './programmes.rules.ts';
export { ProgrammesService } from './programmes.service.ts';
export type { ProgrammesDeps } from './programmes.service.ts';
export type {
  BaseUtilisation,
  BookerRole,
  BookingInput,
  BookingListing,
  BookingRecord,
  BookingStatus,
  DayHours,
  OpeningHours,
  StudioInput,
  StudioListing,
  StudioRecord,
  StudioUtilisation,
  UtilisationDay,
} from './programmes.types.ts';
// 活动与节庆 (campaigns)
export type { CampaignRepository } from './campaign.repository.ts';
export { CAMPAIGN_ENROLLERS, CAMPAIGN_ORGANISERS, CampaignService } from './campaign.service.ts';
export type { CampaignDeps } from './campaign.service.ts';
export { CampaignReportService } from './campaign-report.service.ts';
export type { CampaignReportDeps } from './campaign-report.service.ts';
export { campaignInputProblem, campaignMove, dueMove, enrolmentOpen, productReasons, sessionReasons } from './campaign.rules.ts';
export type * from './campaign.types.ts';
// 项目资金绩效评价 (project funding with performance evaluation)
export type { FundingRepository } from './funding.repository.ts';
export {
  checkTranches,
  clawbackOf,
  GRADE_LABELS,
  gradeOf,
  nextStatus as fundingNextStatus,
  RECTIFICATION_DAYS,
  scoreOf,
} from './funding.rules.ts';
export { FUNDING_STATUS_ZH, FundingService, TARGET_ZH, trancheKey } from './funding.service.ts';
export type {
  EvaluationInput,
  FundingDeps,
  FundingDepartments,
  FundingFiguresReader,
  FundingParties,
  SelfAssessmentInput,
  SelfAssessmentPrefill,
} from './funding.service.ts';
export * from './funding.types.ts';
