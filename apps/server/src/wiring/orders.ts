/**
 * The orders context's wiring: orders with the simulated carrier, 下播 as one job, the settlement job that follows
 * orders, and returns.
 */
import {
  type CatalogService,
  type CreditGateService,
  type DepositService,
  type LiveService,
  type OrderMoneyService,
  OrderService,
  PresaleService,
  type ReconciliationService,
  ReturnService,
  type RoomHub,
  type SampleService,
  SessionEndService,
  SettlementJobService,
  type SlotFeeService,
  type StockPostingService,
} from '@livehub/core';
import { SimulatedCarrier } from '../adapters/sim-carrier.ts';
import type { SimulatedPaymentProvider } from '../adapters/sim-pay.ts';
import type { Platform } from './platform.ts';

export function wireOrders(
  p: Platform,
  d: {
    stock: StockPostingService;
    catalog: CatalogService;
    sim: SimulatedPaymentProvider;
    deposits: DepositService;
    money: OrderMoneyService;
    creditGate: CreditGateService;
    rooms: RoomHub;
    live: LiveService;
    slotFees: SlotFeeService;
    reconciliation: ReconciliationService;
    /** the selection center's samples: shipped through the same carrier port, 签收 back through their receipt */
    samples: SampleService;
  },
) {
  const { config, clock, ids, uow, kv, vault, audit } = p;
  const { stock, catalog, sim, deposits, money, creditGate, rooms, live, slotFees, reconciliation } = d;
  // 物流: the built-in simulated carrier behind the carrier port; it pushes to the platform's own webhook on the tick
  const simCarrier = new SimulatedCarrier({
    key: config.logisticsPushKey,
    now: () => clock.now().getTime(),
    exceptionRate: config.simCarrierExceptionRate,
  });
  // 预售: deposits and balances are payments of their own through the same provider (docs/supply.md § Pre-sale, ADR 0035)
  const presales = new PresaleService({
    uow,
    clock,
    ids,
    audit,
    names: p.names,
    provider: sim,
    stock,
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
    payMinutes: config.payMinutes,
  });
  // payments opened by other contexts through the provider: a merchant's 保证金, a pre-sale's 定金 and 尾款
  const foreign = [deposits, presales];
  const orders = new OrderService({
    stock,
    uow,
    clock,
    ids,
    vault,
    audit,
    counters: kv.counters,
    locks: kv.locks,
    pubsub: kv.pubsub,
    catalog,
    providers: [sim],
    foreignPayments: {
      owns: async (id) => {
        for (const f of foreign) if (await f.owns(id)) return true;
        return false;
      },
      onNotification: async (n, provider) => {
        for (const f of foreign) if (await f.owns(n.paymentId)) return f.onNotification(n, provider);
      },
    },
    // unset: each payment is opened with the origin of the buyer's request (order.routes.ts)
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
    payMinutes: config.payMinutes,
    flashPayMinutes: config.flashPayMinutes,
    soldOutTtlMs: config.flashSoldOutMs,
    onRoomEvent: (sessionId, e) => void rooms.publish(sessionId, e).catch(() => {}),
    money,
    credit: creditGate,
    carrier: {
      carrier: simCarrier,
      callbackUrl: (code) => `${config.publicBaseUrl ?? `http://localhost:${config.port}`}/api/logistics/push/${code}`,
      samples: d.samples,
    },
  });
  // 寄样 through the same carrier port (ADR 0043): the selection center is built first, so the port is attached here
  d.samples.attachCarrier(orders.samplePackages);
  // 下播 as one job: the live context's end, the rooms' `ended` and statistics, the session's orders and GMV
  const sessionEnd = new SessionEndService({ live, rooms, totals: { sessionTotals: (sessionId) => orders.sessionTotals(sessionId) } });
  // 结算任务: the catch-up split, the T+N releases, then the jobs registered with it: yesterday's reconciliation
  const settle = new SettlementJobService({ uow, clock, audit, money, orders, slotFees, jobs: [reconciliation.settleJob()] });
  const returns = new ReturnService({ uow, clock, ids, audit, orders, stock });
  return { simCarrier, orders, sessionEnd, settle, returns, presales };
}
