/**
 * Settlement's wiring in two steps: the ledger and the money flows (which the live, orders and disputes contexts post
 * through), then the payment and payout providers (simulated), statements, reconciliation, deposits and payouts.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import {
  type CatalogService,
  CompensationMoneyService,
  DepositService,
  FeeRateService,
  FinanceViewService,
  LedgerService,
  OrderMoneyService,
  PayoutHoldService,
  PayoutService,
  ReconciliationService,
  SettlementReader,
  SlotFeeService,
  StatementService,
} from '@livehub/core';
import { SimulatedPaymentProvider } from '../adapters/sim-pay.ts';
import { SimulatedPayoutProvider } from '../adapters/sim-payout.ts';
import type { Platform } from './platform.ts';

/** The ledger (结算台账), slot fees, the order money port, fee rates and the finance reads. */
export function wireLedger(
  p: Platform,
  d: {
    catalog: CatalogService;
  },
) {
  const { config, clock, ids, uow, audit, names } = p;
  const { catalog } = d;
  // The settlement ledger (结算台账): the money flows post through it, in their own transactions (postIn).
  const ledger = new LedgerService({ uow, clock, ids, audit });
  // 坑位费: an agreement version in force charges the merchant, in the agreement's transaction
  const slotFees = new SlotFeeService({ ledger, clock });
  // The money flows: orders hand their transaction to the money port at payment, refund and completion.
  const money = new OrderMoneyService({
    ledger,
    clock,
    settlementDelayDays: config.settlementDelayDays,
    defaultFeeBp: config.defaultFeeBp,
  });
  const feeRates = new FeeRateService({
    uow,
    clock,
    audit,
    defaultFeeBp: config.defaultFeeBp,
    categories: { exists: async (id) => (await catalog.categories()).has(id) },
  });
  const settlementReader = new SettlementReader({ uow });
  // The finance pages' reads: balances, lines, income per day, commission (through the orders context's reader)
  // 先行赔付金: complaint outcomes paid, advanced and recovered through the ledger; below the floor it raises an alert
  const compensationMoney = new CompensationMoneyService({ ledger, clock, ids, fundFloorFen: config.fundFloorFen });
  const finance = new FinanceViewService({
    uow,
    clock,
    ledger,
    names,
    orders: uow.read.orders,
    fundFloorFen: compensationMoney.fundFloorFen,
  });
  return { ledger, slotFees, money, feeRates, settlementReader, compensationMoney, finance };
}

/** The simulated payment and payout providers and what reads or pays through them. */
export function wirePayments(
  p: Platform,
  d: {
    catalog: CatalogService;
    ledger: LedgerService;
  },
) {
  const { config, clock, ids, uow, vault, audit, names } = p;
  const { catalog, ledger } = d;
  // Payments: the built-in simulator behind the provider port; its signing key derives from the session secret.
  const sim = new SimulatedPaymentProvider({
    secret: createHmac('sha256', config.sessionSecret).update('livehub:sim-pay').digest(),
    baseUrl: config.publicBaseUrl,
    now: () => clock.now().getTime(),
    billDir: join(config.dataDir, 'sim-pay', 'bills'),
  });
  // Statements (对账单) read the ledger; reconciliation (对账) compares the provider's daily bill with payments,
  // refunds and the ledger. The settle job calls `reconciliation.run(actor, day)`.
  const statements = new StatementService({ uow, clock, names });
  const reconciliation = new ReconciliationService({ uow, clock, ids, audit, bills: sim, names });
  // Deposits (保证金) are paid through the same payment provider; their notifications are routed to them.
  const publicBaseUrl = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const deposits = new DepositService({
    uow,
    clock,
    ids,
    audit,
    ledger,
    provider: sim,
    names,
    publicBaseUrl,
    categories: {
      listedCategoryIds: (orgId) => catalog.listedCategoryIds(orgId),
      categoryPathIds: async (id) => (await catalog.categoryPathOf(id)).map((c) => c.id),
      categoryNames: async () => new Map([...(await catalog.categories())].map(([id, c]) => [id, c.nameZh])),
    },
  });
  // Payouts (提现): the built-in simulated bank / 商家转账 provider behind the payout port.
  const simPayout = new SimulatedPayoutProvider({
    secret: createHmac('sha256', config.sessionSecret).update('livehub:sim-payout').digest(),
    failSuffixes: config.simPayoutFailSuffixes,
    now: () => clock.now().getTime(),
    // its own record of accepted transfers and acknowledged results: a restart neither pays twice nor loses a result
    journalDir: join(config.dataDir, 'sim-payout'),
  });
  const payouts = new PayoutService({
    uow,
    clock,
    ids,
    audit,
    ledger,
    vault,
    names,
    providers: [simPayout],
    approvalThresholdFen: config.payoutApprovalFen,
  });
  const payoutHolds = new PayoutHoldService({ uow, clock, ids, audit, names });
  return { sim, statements, reconciliation, deposits, simPayout, payouts, payoutHolds };
}
