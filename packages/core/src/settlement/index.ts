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
export {
  accountLabel,
  DEBT_KIND,
  ENTRY_KIND_LABELS,
  entryKindLabel,
  fillDays,
  financePartyOf,
  groupOf,
  PLATFORM_KINDS,
  parseBusinessKey,
  shanghaiDay,
  shanghaiPeriod,
} from './finance-view.rules.ts';
export type { BalanceGroup, BusinessRef, FinanceParty, FinancePartyKind, RefType } from './finance-view.rules.ts';
export { FinanceViewService } from './finance-view.service.ts';
export type {
  BalancesView,
  BalanceView,
  CommissionRowView,
  DailyView,
  FinanceViewDeps,
  LinePageView,
  LinesQuery,
  LineView,
  PlatformView,
} from './finance-view.service.ts';
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
