/**
 * The core's public entry. Each context's names are listed explicitly (its own index.ts is the curated list);
 * contexts still being reshaped re-export theirs wholesale until they have one.
 */
export * from './errors.ts';
export * from './ports/index.ts';
export * from './shared/actor.ts';
export * from './shared/batch-loader.ts';
export * from './shared/hash.ts';
export * from './shared/masking.ts';
export * from './shared/memory-kv.ts';
export { NameDirectory, noNames } from './shared/name-directory.ts';
export type { NameQuery, NameReader, Names } from './shared/name-directory.ts';
export { AuditLogService, AuditService } from './audit/index.ts';
export type { AuditInput, AuditLogDeps, AuditLogPage, AuditLogQuery, AuditRecord, AuditRepository } from './audit/index.ts';
export {
  AUTH_POLICY,
  IdentityService,
  ImportService,
  InvitationService,
  ORG_MANAGER_ROLES,
  OrganizationService,
  WorkbenchService,
} from './identity/index.ts';
export type {
  ApiTokenRecord,
  ApiTokenRepository,
  DepartmentRecord,
  IdentityDeps,
  ImportBatch,
  ImportMembership,
  ImportOrg,
  ImportResult,
  ImportUser,
  InvitationRecord,
  InvitationRepository,
  InvitationView,
  LoginMeta,
  MembershipRecord,
  MembershipRepository,
  MembershipView,
  MeView,
  OrganizationRecord,
  OrganizationView,
  OrganizationRepository,
  SessionAuth,
  SessionPrincipal,
  SessionRecord,
  SessionRepository,
  UserRecord,
  UserView,
  UserRepository,
} from './identity/index.ts';
export {
  ComplianceService,
  DEFAULT_COMPLIANCE_SETTINGS,
  EVIDENCE_GENESIS,
  evidenceHash,
  groupKey,
  liveWarning,
  NO_SOURCE_ORG,
  ruleName,
  SAMPLED_GROUP_PREFIX,
  sampledForReview,
} from './compliance/index.ts';
export type {
  BatchTarget,
  ChainVerification,
  ComplianceDeps,
  ComplianceRepository,
  ComplianceSettings,
  Decided,
  Decision,
  EvidenceRecord,
  IngestInput,
  IngestResult,
  LiveWarning,
  LiveWarningPort,
  ReviewItemRecord,
  ReviewItemView,
  ReviewNameLookup,
  ReviewOccurrence,
  ReviewQueueFilter,
  ReviewStatus,
  RuleExemptionRecord,
  RulePackSummary,
  ScreeningEventRecord,
  ScreeningHitRecord,
  ViolationRecord,
} from './compliance/index.ts';
export {
  addCalendarDays,
  endOfDaysPeriod,
  addWorkingDays,
  availableActions,
  definitionOf,
  DocumentLookup,
  GRANTED_STEPS,
  isWorkingDay,
  stepOf,
  WORKFLOWS,
  WorkflowService,
} from './workflows/index.ts';
export type {
  ActingAs,
  ActInput,
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  ApplicationStatus,
  ApplicationView,
  AutomaticResult,
  AvailableAction,
  CreditInquiryPort,
  DepartmentReader,
  DocumentRecord,
  JointVoteRecord,
  ObjectionRecord,
  SubmitInput,
  WorkflowDefinition,
  NamedApplicationView,
  WorkflowDeps,
  WorkflowHooks,
  WorkflowRepository,
} from './workflows/index.ts';
export {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  DOCUMENT_TYPES,
  idNumberCheckChar,
  LICENSED_TOPICS,
  MAX_UPLOAD_BYTES,
  maskName,
  orgCodeCheckChar,
  RegistryService,
  SessionRegistry,
  validateCreditCode,
  validateIdNumber,
  validateMobile,
  ViolationCreditInquiry,
} from './registry/index.ts';
export type {
  BaseProfileRecord,
  BaseStatus,
  DocumentReadGrant,
  FileStore,
  Gate,
  MaskedBase,
  MaskedMerchant,
  MaskedStreamer,
  McnProfileRecord,
  MerchantProfileRecord,
  MerchantStatus,
  ProviderProfileRecord,
  QualificationRecord,
  RegistryDeps,
  RegistryExport,
  RegistryRepository,
  StreamerProfileRecord,
  StreamerStatus,
  TrainingRecord,
} from './registry/index.ts';
export * from './catalog/index.ts';
export * from './selection/index.ts';
export * from './matching/index.ts';
export * from './settlement/index.ts';
export * from './live/index.ts';
export * from './orders/index.ts';
export { eventsChannel, OutboxDispatcher } from './outbox/index.ts';
export type { OutboxDeps, OutboxEvent, OutboxRecord, OutboxRepository } from './outbox/index.ts';
export * from './credit/index.ts';
export * from './disputes/index.ts';
export * from './supervision/index.ts';
export * from './notifications/index.ts';
export * from './programmes/index.ts';
export * from './supply/index.ts';
export * from './policies/index.ts';
export * from './inventory/index.ts';
