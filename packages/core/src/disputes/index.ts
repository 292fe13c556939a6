/**
 * The disputes context's public entry (投诉 / ODR, docs/disputes.md): filing, the steps of the ODR path, the views
 * and the deadline sweep, the records and the port, and the pure rules others may show (deadlines, compensation).
 */
export type * from './disputes.types.ts';
export type * from './disputes.repository.ts';
export type * from './compensation-payment.types.ts';
export type * from './compensation-payment.repository.ts';
export type * from './compensation-money.port.ts';
export type * from './complaint-remedy.port.ts';
export { CompensationPaymentService } from './compensation-payment.service.ts';
export type { CompensationPaymentDeps, CompensationSweepResult } from './compensation-payment.service.ts';
export { PAYMENT_WORKING_DAYS, paymentDueAt, recoverySplit } from './compensation-payment.rules.ts';
export { ComplaintFilingService } from './complaint-filing.service.ts';
export type { ComplaintFilingDeps } from './complaint-filing.service.ts';
export { ComplaintStepService } from './complaint-steps.service.ts';
export type { ComplaintStepDeps } from './complaint-steps.service.ts';
export { ComplaintViewService } from './complaint-view.service.ts';
export { ComplaintStatsService } from './complaint-stats.service.ts';
export type { ComplaintStatsDeps } from './complaint-stats.service.ts';
export { median, STATS_MAX_DAYS, statsPeriod, statsRows } from './complaint-stats.rules.ts';
export type { ComplaintListScope, ComplaintViewDeps } from './complaint-view.service.ts';
export { ComplaintSweeperService, MERCHANT_REMINDER_HOURS, REMINDER_ACTION } from './complaint-sweeper.service.ts';
export type { ComplaintSweeperDeps } from './complaint-sweeper.service.ts';
export { COMPLAINT_ACTIONS, complaintStep, complaintTransitions, FINAL_STATUSES } from './complaint-state.ts';
export type { ComplaintAction } from './complaint-state.ts';
export {
  COMPLAINT_LIMIT_YEARS,
  DEADLINE_REMINDERS,
  deadlineOf,
  reminderDue,
  reminderFrom,
  MEDIATION_WORKING_DAYS,
  MERCHANT_ANSWER_HOURS,
  NEGOTIATION_WORKING_DAYS,
  REGULATOR_ACCEPTANCE_WORKING_DAYS,
  REGULATOR_MEDIATION_WORKING_DAYS,
} from './complaint-deadlines.rules.ts';
export { FRAUD_MINIMUM_FEN, fraudAwardFen, fraudCompensationFen, maxClaimFen } from './compensation.rules.ts';
// 举报 (docs/reports.md)
export type * from './report.types.ts';
export type { ReportCaseView, ReportOutcomeView, ReportReceiptView, ReportTrackView } from './report.internal.ts';
export { ReportFilingService, REPORT_LIMIT } from './report-filing.service.ts';
export type { ReportFilingDeps } from './report-filing.service.ts';
export { ReportHandlingService, REPORT_HANDLERS } from './report-handling.service.ts';
export type { ReportHandlingDeps } from './report-handling.service.ts';
export { ReportViewService } from './report-view.service.ts';
export type { ReportViewDeps } from './report-view.service.ts';
export {
  FINAL_REPORT_STATUSES,
  normalizeTrackingCode,
  REPORT_CATEGORY_ZH,
  reportSeverity,
  reportStep,
  screeningCategoriesOf,
  trackingCodeFrom,
  trackingCodeHash,
} from './report.rules.ts';
