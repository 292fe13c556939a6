/** The registry's public entry: its service, records, inputs and views, the repository port, and the rules others use. */
export { ViolationCreditInquiry } from './credit-inquiry.ts';
export { SessionRegistry } from './session-registry.ts';
export type { RegistryReads } from './session-registry.ts';
export type { DocumentReadGrant, UploadInput } from './document.service.ts';
export type { SweepResult } from './expiry.service.ts';
export { MIME_BY_TYPE, sniffDocumentType, validateUpload } from './file-sniff.ts';
export type { DocumentType } from './file-sniff.ts';
export {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  idNumberCheckChar,
  orgCodeCheckChar,
  streamerAgeRule,
  validateCreditCode,
  validateIdNumber,
  validateMobile,
} from './identifiers.ts';
export type { FileStore, RegistryRepository } from './registry.repository.ts';
export { DOCUMENT_TYPES, LICENSED_TOPICS, listingGateReasons, liveGateReasons, MAX_UPLOAD_BYTES, maskName } from './registry.rules.ts';
export type { DocumentKind } from './registry.rules.ts';
export { RegistryService } from './registry.service.ts';
export type { RegistryDeps } from './registry.service.ts';
export type {
  BaseProfileRecord,
  BaseRegistration,
  BaseStatus,
  DocRef,
  Gate,
  MaskedBase,
  MaskedMerchant,
  MaskedStreamer,
  McnProfileRecord,
  MerchantProfileRecord,
  MerchantRegistration,
  MerchantStatus,
  OrgRegistration,
  ProviderProfileRecord,
  QualificationRecord,
  RegistryExport,
  RegistryExportKind,
  StreamerProfileRecord,
  StreamerRegistration,
  StreamerStatus,
  TalentView,
  TrainingInput,
  TrainingRecord,
} from './registry.types.ts';
