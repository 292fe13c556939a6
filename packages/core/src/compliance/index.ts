/** The compliance context's public entry: screening, the review queue, violations with evidence, rule exemptions. */
export type { ComplianceRepository } from './compliance.repository.ts';
export {
  DEFAULT_COMPLIANCE_SETTINGS,
  EVIDENCE_GENESIS,
  evidenceHash,
  groupKey,
  liveWarning,
  NO_SOURCE_ORG,
  ruleName,
  SAMPLED_GROUP_PREFIX,
  sampledForReview,
} from './compliance.rules.ts';
export { ComplianceService } from './compliance.service.ts';
export type { ComplianceDeps } from './compliance.service.ts';
export type * from './compliance.types.ts';
export { REPORT_EVENT_PREFIX, REPORT_SOURCE_ORG } from './report-intake.ts';
export type { ReportItemInput } from './report-intake.ts';
