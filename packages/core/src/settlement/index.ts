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
  FundView,
  LinePageView,
  LinesQuery,
  LineView,
  PlatformView,
} from './finance-view.service.ts';
export type { LedgerDeps, LedgerTx } from './ledger.service.ts';
export { LedgerService } from './ledger.service.ts';
export type { CompensationMoneyDeps } from './compensation-money.service.ts';
export { CompensationMoneyService } from './compensation-money.service.ts';
export type { LedgerRepository, SettlementRepository } from './settlement.repository.ts';
export type { FeeRateDeps } from './fee-rate.service.ts';
export { FeeRateService } from './fee-rate.service.ts';
export type { OrderMoneyDeps } from './order-money.service.ts';
export { DEFAULT_FEE_BP, DEFAULT_SETTLEMENT_DELAY_DAYS, OrderMoneyService } from './order-money.service.ts';
export type { CompletedOrderReader, SettleRunResult, SettlementJob, SettlementJobDeps } from './settle.service.ts';
export { SettlementJobService } from './settle.service.ts';
export type { RoleAmounts } from './settle.rules.ts';
export { orderSplit, proRata, releaseDue, settleDebtFirst, takeBack } from './settle.rules.ts';
export type { SlotFeeDeps } from './slot-fee.service.ts';
export { SlotFeeService, slotFeeKey } from './slot-fee.service.ts';
export type { SettlementReadDeps } from './settlement-read.service.ts';
export { SettlementReader } from './settlement-read.service.ts';
export type {
  AccountKind,
  AccountLine,
  AccountStatus,
  EntryInput,
  FeeRateRecord,
  OrderSettlementRecord,
  SplitLine,
  SplitRole,
  SlotFeeRecord,
  SplitShareRecord,
  LedgerAccountRecord,
  LedgerAggregates,
  PostedBatch,
  LedgerEntry,
  LedgerEntryRecord,
  LedgerPostingRecord,
  LedgerVerification,
  LineCursor,
  PostingInput,
  PostResult,
  SplitShare,
} from './settlement.types.ts';
export { ACCOUNT_KIND_NAMES, ACCOUNT_KINDS, PLATFORM_PARTY, shardsOf } from './settlement.types.ts';
export type { ProviderBillSource } from './reconciliation.port.ts';
export type { PaymentRecordReader, ReconciliationRepository } from './reconciliation.repository.ts';
export { billTotals, compareDay, paidKeyId } from './reconciliation.rules.ts';
export type { Comparison, DayRecords } from './reconciliation.rules.ts';
export type { ReconciliationDeps } from './reconciliation.service.ts';
export { ReconciliationService } from './reconciliation.service.ts';
export type * from './reconciliation.types.ts';
export { DIFFERENCE_TYPE_ZH, DIFFERENCE_TYPES } from './reconciliation.types.ts';
export {
  decodeBusinessKey,
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
