/** The settlement context's public entry: the ledger service, its records and port, and its pure rules. */
export {
  applyPostings,
  crossesFloor,
  FULL_BP,
  MAX_AMOUNT_FEN,
  reversalKey,
  reversalOf,
  samePostings,
  splitByBasisPoints,
  validateEntry,
} from './ledger.rules.ts';
export type { LedgerDeps, LedgerTx } from './ledger.service.ts';
export { LedgerService } from './ledger.service.ts';
export type { LedgerRepository } from './settlement.repository.ts';
export type {
  AccountKind,
  AccountLine,
  AccountStatus,
  EntryInput,
  LedgerAccountRecord,
  LedgerAggregates,
  LedgerEntry,
  LedgerEntryRecord,
  LedgerPostingRecord,
  LedgerVerification,
  LineCursor,
  PostingInput,
  PostResult,
  SplitShare,
} from './settlement.types.ts';
export { ACCOUNT_KIND_NAMES, ACCOUNT_KINDS, PLATFORM_PARTY } from './settlement.types.ts';
export type { ProviderBillSource } from './reconciliation.port.ts';
export type { PaymentRecordReader, ReconciliationRepository } from './reconciliation.repository.ts';
export { billTotals, compareDay, paidKeyId } from './reconciliation.rules.ts';
export type { Comparison, DayRecords } from './reconciliation.rules.ts';
export type { ReconciliationDeps } from './reconciliation.service.ts';
export { ReconciliationService } from './reconciliation.service.ts';
export type * from './reconciliation.types.ts';
export { DIFFERENCE_TYPE_ZH, DIFFERENCE_TYPES } from './reconciliation.types.ts';
export {
  chinaDay,
  decodeBusinessKey,
  ENTRY_KIND_ZH,
  entryKindLabel,
  fenToYuan,
  parsePeriod,
  REF_TYPE_ZH,
  referenceOf,
  shortNumber,
  statementTotals,
  sumTotals,
  yuanToFen,
} from './statement.rules.ts';
export type { StatementDeps, StatementQuery } from './statement.service.ts';
export { mayReadStatement, StatementService } from './statement.service.ts';
export type * from './statement.types.ts';
