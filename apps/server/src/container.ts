/**
 * Wires adapters to ports and services to adapters, once per process. The only place that knows which database,
 * which hot-state store and which crypto the running platform uses.
 *
 * The composition root: the wiring of each area lives in wiring/<area>.ts (a function taking what it needs and
 * returning its services); this file calls them in order and returns the container every route, test and seed uses
 * as `c.<name>`. A callback that points forward (compliance warns the rooms, a live session's totals come from
 * orders, the catalog asks settlement's deposits, the registry's 信用征询 reads credit's report) goes through a
 * Late (wiring/late.ts), set as soon as its service is wired.
 */
import type { CreditInquiryPort, DepositService, OrderService, RoomHub } from '@livehub/core';
import type { Config } from './config.ts';
import { wireCatalog } from './wiring/catalog.ts';
import { wireCredit, wireCreditGate } from './wiring/credit.ts';
import { wireDisputes } from './wiring/disputes.ts';
import { wireEvents } from './wiring/events.ts';
import { wireGovernance } from './wiring/governance.ts';
import { wireIdentity } from './wiring/identity.ts';
import { late } from './wiring/late.ts';
import { wireLive } from './wiring/live.ts';
import { wireOrders } from './wiring/orders.ts';
import { type ContainerOverrides, openPlatform } from './wiring/platform.ts';
import { wireProgrammes } from './wiring/programmes.ts';
import { wireLedger, wirePayments } from './wiring/settlement.ts';
import { wireSupervision } from './wiring/supervision.ts';

export { type ContainerOverrides, StartupError } from './wiring/platform.ts';

export type Container = Awaited<ReturnType<typeof createContainer>>;

export async function createContainer(config: Config, o: ContainerOverrides = {}) {
  const platform = await openPlatform(config, o);
  const { clock, ids, database, uow, kv, hasher, vault, audit, auditLog } = platform;
  // the forward references, each set right after its service is wired
  const lateRooms = late<RoomHub>('the room gateway');
  const lateOrders = late<OrderService>('the orders service');
  const lateDeposits = late<DepositService>('the deposits service');
  const lateCreditInquiry = late<CreditInquiryPort>('the credit inquiry');

  const gate = wireCreditGate(platform);
  const { creditModel, creditGate } = gate;
  const { identity, orgs, invitations, workbench, imports, unsubscribeSessions } = await wireIdentity(platform);
  const { compliance, hooks, workflows, files, readGrants, registry } = await wireGovernance(platform, {
    creditGate,
    orgs,
    rooms: lateRooms,
    creditInquiry: lateCreditInquiry,
  });
  const { stock, inventory, catalog, selection } = wireCatalog(platform, {
    workflows,
    registry,
    compliance,
    creditGate,
    deposits: lateDeposits,
  });
  const { ledger, slotFees, money, feeRates, settlementReader, compensationMoney, finance } = wireLedger(platform, { catalog });
  const { agreements, audience, identityVerifier, live, rooms } = wireLive(platform, {
    registry,
    slotFees,
    compliance,
    creditGate,
    orders: lateOrders,
  });
  lateRooms.set(rooms);
  Object.assign(hooks, registry.hooks(), catalog.hooks());
  await catalog.ensureCategories();
  const { sim, statements, reconciliation, deposits, simPayout, payouts, payoutHolds } = wirePayments(platform, { catalog, ledger });
  lateDeposits.set(deposits);
  const {
    credit,
    creditPayoutHolds,
    creditModes,
    creditView,
    creditRecompute,
    creditModels,
    creditReports,
    creditAppeals,
    creditPublic,
    unsubscribeCreditModes,
    unsubscribeCreditModel,
  } = await wireCredit(platform, { gate, payoutHolds, workflows, hooks, creditInquiry: lateCreditInquiry });
  const { simCarrier, orders, sessionEnd, settle, returns, presales } = wireOrders(platform, {
    stock,
    catalog,
    sim,
    deposits,
    money,
    creditGate,
    rooms,
    live,
    slotFees,
    reconciliation,
    samples: selection.samples,
  });
  lateOrders.set(orders);
  const { complaints, reports } = wireDisputes(platform, { returns, compensationMoney, compliance, readGrants });
  const { outbox, sms, notifications } = wireEvents(platform, { credit });
  const { departments, clues, exchange, wall, crossBorder, cases, ipNotices, statistics } = wireSupervision(platform, {
    orgs,
    outbox,
    rooms,
    catalog,
    registry,
    sessionEnd,
    files,
    readGrants,
  });
  const {
    matching,
    unsubscribeMatchingModel,
    programmes,
    suppliers,
    purchaseOrders,
    demand,
    cartSignals,
    campaigns,
    policies,
    policyApplications,
    funding,
  } = await wireProgrammes(platform, { creditModel, creditGate, stock, registry, orders, workflows, departments, hooks, ledger });
  // 举报 ⇄ 审核 kept in step (docs/reports.md): an item a report opened, once decided, settles the report; a report
  // handled (substantiated or not) decides its item. Each side leaves what is already decided alone (idempotent).
  outbox.on('compliance.report_item_decided', async (e) => {
    const p = e.payload as { reportId: string; reviewItemId: string; decision: 'confirm' | 'dismiss'; reason: string };
    await reports.handling.followItem(p);
  });
  outbox.on('reports.report_handled', async (e) => {
    const p = e.payload as { action: string; reviewItemId: string | null; outcome: string | null; handledBy?: string | null };
    if (!p.reviewItemId || (p.action !== 'substantiate' && p.action !== 'unsubstantiate')) return;
    const reason = p.outcome?.trim() || (p.action === 'substantiate' ? '举报属实' : '举报不属实');
    const decision = p.action === 'substantiate' ? 'confirm' : 'dismiss';
    await compliance.followReport(p.reviewItemId, decision, reason, p.handledBy ?? null);
  });
  // Counters of running flash sales are rebuilt from the database (after a crash the claims are the truth).
  await orders.soldOut.start();
  await orders.reconcile();
  // A rule editor's exemption on any process reaches every process.
  const unsubscribePack = await kv.pubsub.subscribe('compliance:pack', () => void compliance.reload().catch(() => {}));

  return {
    config,
    clock,
    ids,
    database,
    uow,
    kv,
    hasher,
    vault,
    audit,
    auditLog,
    identity,
    orgs,
    invitations,
    workbench,
    imports,
    compliance,
    workflows,
    registry,
    catalog,
    selection,
    agreements,
    live,
    sessionEnd,
    rooms,
    orders,
    returns,
    complaints,
    reports,
    clues,
    exchange,
    wall,
    crossBorder,
    cases,
    ipNotices,
    statistics,
    matching,
    audience,
    identityVerifier,
    programmes,
    suppliers,
    purchaseOrders,
    presales,
    demand,
    cartSignals,
    campaigns,
    policies,
    policyApplications,
    funding,
    inventory,
    // the stock ledger's in-transaction forms (tests and benchmarks post through it as the services do)
    stock,
    ledger,
    money,
    feeRates,
    settlementReader,
    settle,
    slotFees,
    finance,
    statements,
    reconciliation,
    payouts,
    payoutHolds,
    credit,
    creditView,
    creditGate,
    creditRecompute,
    creditModels,
    creditModes,
    creditReports,
    creditAppeals,
    creditPublic,
    deposits,
    notifications,
    channels: { sms },
    outbox,
    payments: { sim },
    payoutProviders: { sim: simPayout },
    carriers: { sim: simCarrier },
    /** Time-driven work (notices ending, expiries, overdue samples, lapsed plans and agreements): idempotent. */
    async tick(now?: Date) {
      const notices = await workflows.tick(now);
      const registrySweep = await registry.sweep(now);
      const selectionSweep = await selection.sweep(now);
      const agreementSweep = await agreements.sweep(now);
      const orderSweep = await orders.sweep();
      const returnSweep = await returns.sweep();
      const crossBorderReturnSweep = await returns.sweepCrossBorder();
      const complaintSweep = await complaints.sweeper.sweep(now);
      const ipSweep = await ipNotices.sweep(now);
      const compensationSweep = await complaints.payments.sweep(now);
      // tier D's payout hold for parties whose 观察期 ended while at D (and any D party left unheld)
      const creditHoldSweep = await creditPayoutHolds.sweep(now);
      const settleRun = await settle.run(now);
      const payoutsResent = await payouts.resendUnsent();
      const carrierPushes = await simCarrier.deliverDue(now?.getTime());
      const reportSweep = await statistics.monthlyReport(now);
      const studioSweep = await programmes.sweep(now);
      const matchingRun = await matching.scheduledRetrain(now);
      const demandSweep = await demand.sweep(now);
      const campaignSweep = await campaigns.admin.sweep(now);
      const fundingSweep = await funding.sweep(now);
      return {
        noticesAdvanced: notices.advanced.length,
        ...registrySweep,
        ...selectionSweep,
        expiredAgreements: agreementSweep.expired,
        expiredOrders: orderSweep.expired,
        autoDelivered: orderSweep.delivered,
        completedOrders: orderSweep.completed,
        flashSalesEnded: orderSweep.salesEnded,
        refundsOverdue: returnSweep.flagged,
        crossBorderReturnsOverdue: crossBorderReturnSweep.flagged,
        ...complaintSweep,
        ...ipSweep,
        ...compensationSweep,
        ...creditHoldSweep,
        ordersSettled: settleRun.settled,
        ordersReleased: settleRun.released,
        slotFeesReleased: settleRun.slotFeesReleased,
        payoutsResent,
        carrierPushes,
        ...reportSweep,
        ...studioSweep,
        ...matchingRun,
        ...demandSweep,
        ...campaignSweep,
        ...fundingSweep,
      };
    },
    async close() {
      rooms.close();
      await audience.idle();
      sim.close();
      simPayout.close();
      await unsubscribePack();
      await unsubscribeCreditModel();
      await unsubscribeMatchingModel();
      await unsubscribeCreditModes();
      await orders.soldOut.stop();
      await unsubscribeSessions();
      await kv.close();
      await database.close();
    },
  };
}
