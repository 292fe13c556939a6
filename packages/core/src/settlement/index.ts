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
export type { DepositCategoryReader, DepositDeps, DepositScope } from './deposit.service.ts';
export { DepositService } from './deposit.service.ts';
export type { PayoutProvider, TransferCheck, TransferNotification, TransferRequest } from './payout.port.ts';
export type { DepositRepository, PayoutRepository } from './payout.repository.ts';
export {
  checkAmount,
  depositStanding,
  maskAccountNo,
  maskHolder,
  needsApproval,
  nextPayoutStatus,
  payoutEntry,
  payoutPartyOf,
  requiredDeposit,
} from './payout.rules.ts';
export type { PayoutHoldDeps } from './payout-hold.service.ts';
export { PayoutHoldService } from './payout-hold.service.ts';
export type { PayoutDeps, PayoutScope } from './payout.service.ts';
export { PayoutService } from './payout.service.ts';
export type {
  DepositDeductionRecord,
  DepositPaymentRecord,
  DepositPaymentStatus,
  DepositRequirementRecord,
  DepositStanding,
  DepositView,
  PayoutHoldRecord,
  PayoutMethod,
  PayoutPartyKind,
  PayoutRecord,
  PayoutRequestInput,
  PayoutStatus,
  PayoutSummary,
  PayoutView,
} from './payout.types.ts';
export { PAYOUT_ACCOUNT } from './payout.types.ts';
