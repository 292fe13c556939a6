/**
 * Wires adapters to ports and services to adapters, once per process. The only place that knows which database,
 * which hot-state store and which crypto the running platform uses.
 */
import { creditParties } from './adapters/credit-parties.ts';
import { creditPartyFinder } from './adapters/credit-parties.ts';
import { creditReportInquiry } from './adapters/credit-report-inquiry.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import {
  AgreementService,
  AuditLogService,
  AuditService,
  CatalogService,
  ComplianceService,
  type Clock,
  type DocumentReadGrant,
  DepositService,
  createMemoryKv,
  IdentityService,
  ImportService,
  FeeRateService,
  FinanceViewService,
  LedgerService,
  OrderMoneyService,
  SettlementJobService,
  SettlementReader,
  SlotFeeService,
  ReconciliationService,
  StatementService,
  LiveService,
  NameDirectory,
  NO_SOURCE_ORG,
  RoomHub,
  SessionCatalog,
  SessionEndService,
  SessionRegistry,
  SessionSelection,
  type KvAdapters,
  OrderService,
  eventsChannel,
  OutboxDispatcher,
  InvitationService,
  type LiveWarning,
  OrganizationService,
  PayoutHoldService,
  CreditService,
  DocumentLookup,
  CreditViewService,
  CreditGateService,
  CreditModelService,
  CreditRecomputeService,
  CreditModeService,
  CreditModeHook,
  ObservationAdjuster,
  SandboxAdjuster,
  StaticCreditModel,
  PayoutHoldMeasure,
  CREDIT_FEED,
  NotificationService,
  CreditAppealService,
  CreditReportService,
  CreditPublicService,
  type CreditInquiryPort,
  PayoutService,
  RegistryService,
  ReturnService,
  SelectionService,
  MatchingService,
  PolicyApplicationService,
  PolicyService,
  policyHooks,
  type WorkflowHooks,
  WorkflowService,
  WorkbenchService,
  CreditModesCache,
  CompensationMoneyService,
  CompensationPaymentService,
  ComplaintFilingService,
  ComplaintStatsService,
  ComplaintStepService,
  ComplaintSweeperService,
  ComplaintViewService,
  ReportFilingService,
  ReportHandlingService,
  ReportViewService,
  AppError,
  CaseService,
  IpNoticeService,
  ClueService,
  CrossBorderReportService,
  type DepartmentDirectory,
  ExchangeService,
  WallService,
  StatisticsService,
  ProgrammesService,
  SupplierService,
  PurchaseOrderService,
  DemandService,
  CampaignService,
  CampaignReportService,
  InventoryService,
  StockPostingService,
  SessionLookup,
} from '@livehub/core';
import { loadDefaultPack } from '@livehub/compliance';
import { type Database, openDatabase } from '@livehub/db';
import { createRedisKv } from '@livehub/redis';
import { caseDecisionPdf } from './adapters/case-decision-pdf.ts';
import { LocalFileStore } from './adapters/file-store.ts';
import { SimulatedPaymentProvider } from './adapters/sim-pay.ts';
import { SimulatedCarrier } from './adapters/sim-carrier.ts';
import { SimulatedPayoutProvider } from './adapters/sim-payout.ts';
import { notificationMembers } from './adapters/notification-members.ts';
import { sessionMarketReader } from './adapters/session-market.ts';
import { sessionOrdersReader } from './adapters/session-orders.ts';
import { demandSource, supplierDirectory } from './adapters/demand-source.ts';
import { crossBorderReader } from './adapters/cross-border-market.ts';
import { exchangeDirectory } from './adapters/exchange-directory.ts';
import { reportTargets } from './adapters/report-targets.ts';
import { campaignSources } from './adapters/campaign-sources.ts';
import { policyFacts } from './adapters/policy-facts.ts';
import { SimSmsChannel } from './adapters/sim-sms.ts';
import { statsXlsx } from './http/presenters/statistics.presenter.ts';
import { AesGcmVault, Argon2Hasher, randomTokens, systemClock, UuidV7Generator } from './adapters/runtime.ts';
import type { Config } from './config.ts';

export interface ContainerOverrides {
  clock?: Clock;
  /** use this database instead of opening the configured one (tests share one per file) */
  database?: Database;
  kv?: KvAdapters;
  /** cheaper argon2 parameters for tests */
  fastHashing?: boolean;
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export async function createContainer(config: Config, o: ContainerOverrides = {}) {
  const clock = o.clock ?? systemClock;
  const ids = new UuidV7Generator();
  const database =
    o.database ??
    (await openDatabase({
      url: config.databaseUrl,
      pgliteDir: join(config.dataDir, 'pgdata'),
      poolSize: config.dbPoolSize,
      poolWaitMs: config.dbPoolWaitMs,
    }).catch((e: unknown) => {
      const where = config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : join(config.dataDir, 'pgdata');
      throw new StartupError(`Cannot open the database at ${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }));
  const kv =
    o.kv ??
    (config.redisUrl
      ? await createRedisKv({ url: config.redisUrl, prefix: config.redisPrefix }).catch((e: unknown) => {
          throw new StartupError(`Cannot reach Redis at ${config.redisUrl}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        })
      : createMemoryKv(clock));
  const hasher = new Argon2Hasher(o.fastHashing ? { memoryCost: 1024, timeCost: 1, parallelism: 1 } : undefined);
  const vault = new AesGcmVault(config.piiKey);
  const audit = new AuditService({ clock, ids });
  const uow = database.uow;
  // The names screens show for ids (audit targets, violations' subjects, applications' subjects): batched per page.
  const names = new NameDirectory({ uow });
  const auditLog = new AuditLogService({ uow, audit, names });
  // 信用: the model in force, and the one place every gate asks what a party's credit allows (going live,
  // selection, flash sales…); enforcement modes adjust its answer (docs/credit.md)
  const creditModel = new StaticCreditModel();
  const creditPartyDirectory = creditParties(uow);
  // the modes' settings and sandbox memberships, held in the process and dropped on change (here or told by pubsub)
  const creditModesCache = new CreditModesCache();
  const creditGate = new CreditGateService({
    uow,
    model: creditModel,
    clock,
    adjusters: [
      new ObservationAdjuster({ uow, model: creditModel, parties: creditPartyDirectory, cache: creditModesCache }),
      new SandboxAdjuster({ uow, cache: creditModesCache }),
    ],
  });
  // Resolved sessions are reused for a few seconds; a session that ends or changes anywhere is dropped everywhere.
  const sessionsChanged = (hash: string | null) => void kv.pubsub.publish('identity:sessions', hash ?? '*').catch(() => {});
  const identity = new IdentityService({
    uow,
    clock,
    ids,
    hasher,
    vault,
    tokens: randomTokens,
    rateLimits: kv.rateLimits,
    audit,
    principalCacheMs: config.authCacheMs,
    sessionsChanged,
  });
  const unsubscribeSessions = await kv.pubsub.subscribe('identity:sessions', (m) => identity.forgetSessions(m === '*' ? null : m));
  const orgs = new OrganizationService({ uow, clock, ids, audit, sessionsChanged: () => sessionsChanged(null) });
  const invitations = new InvitationService({ uow, clock, ids, vault, audit });
  const workbench = new WorkbenchService({
    uow,
    readers: { products: uow.read.catalog, selection: uow.read.selection, applications: uow.read.workflows, orders: uow.read.orders },
  });
  const imports = new ImportService({ uow, clock, ids, vault, audit });
  const compliance = new ComplianceService({
    uow,
    clock,
    ids,
    audit,
    pack: loadDefaultPack(),
    // a hit during a live session warns the room's managers (streamer console) through the room gateway
    warnings: {
      warn: (sessionRef: string, w: LiveWarning): Promise<void> => rooms.publishStaff(sessionRef, { k: 'warning', ...w, at: Date.now() }),
    },
    // a rule editor's exemption on any process reaches every process (subscribed below)
    packChanged: () => kv.pubsub.publish('compliance:pack', 'reload'),
    names,
    // 信用 tier C in the queue: the observation tag on items, extra sampling of passed events
    credit: creditGate,
  });
  await compliance.reload();
  // The engine calls the registry's step effects; the registry submits through the engine: wire both ways.
  const hooks: Record<string, WorkflowHooks> = {};
  // 信用征询 reads the credit context's signed report (built below, with the credit context)
  let creditInquiry: CreditInquiryPort | null = null;
  const workflows = new WorkflowService({
    uow,
    clock,
    ids,
    audit,
    credit: { inquire: (tx, subject) => (creditInquiry as CreditInquiryPort).inquire(tx, subject) },
    hooks,
    departments: orgs,
    names,
  });
  const files = new LocalFileStore(join(config.dataDir, 'files'));
  // other contexts' grants to read a document (a complaint's parties, its evidence: added below with the complaints)
  const readGrants: DocumentReadGrant[] = [];
  // 暂停直播 by a case's decision reaches the live gate through the cases' suspensions (docs/supervision.md "Cases")
  const registry = new RegistryService({
    uow,
    clock,
    ids,
    vault,
    audit,
    files,
    workflows,
    readGrants,
    liveHolds: (userId, at) => uow.read.cases.activeSuspension(userId, at),
  });
  // The catalog rebuilds the selection pool's read model whenever a product changes; the pool reads the catalog.
  let selection: SelectionService | null = null;
  // Listing is gated on the merchant's deposit (保证金): settlement implements the catalog's reader port (built below).
  let deposits: DepositService | null = null;
  // 库存: the stock ledger (docs/supply.md § Stock model); the catalog, orders and returns post through its
  // in-transaction forms
  const stock = new StockPostingService({ clock, ids });
  const inventory = new InventoryService({ uow, clock, ids, audit, posting: stock });
  const catalog = new CatalogService({
    stock,
    uow,
    clock,
    ids,
    audit,
    workflows,
    registry,
    compliance,
    onProductChanged: (tx, id, now) => (selection as SelectionService).refreshListing(tx, id, now),
    deposits: { depositShortfall: (orgId, path) => (deposits as DepositService).depositShortfall(orgId, path) },
  });
  selection = new SelectionService({
    uow,
    clock,
    ids,
    vault,
    audit,
    catalog,
    liveSales: uow.read.orders,
    images: registry,
    credit: creditGate,
  });
  // The settlement ledger (结算台账): the money flows post through it, in their own transactions (postIn).
  const ledger = new LedgerService({ uow, clock, ids, audit });
  // 坑位费: an agreement version in force charges the merchant, in the agreement's transaction
  const slotFees = new SlotFeeService({ ledger, clock });
  const agreements = new AgreementService({ uow, clock, ids, audit, slotFees });
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
  // a live session's page counts its paid orders and GMV through the orders context (built below)
  const live = new LiveService({
    uow,
    clock,
    ids,
    vault,
    tokens: randomTokens,
    audit,
    registry,
    agreements,
    selection: new SessionSelection(),
    catalog: new SessionCatalog(),
    streamers: new SessionRegistry(),
    documents: new DocumentLookup(),
    totals: { sessionTotals: (sessionId) => orders.sessionTotals(sessionId) },
    credit: creditGate,
    // live.ended carries the confirmed violations against the streamer during the session (the credit feed's clean hours)
    violations: uow.read.compliance,
  });
  // The room gateway: chat screened inline; rooms fan out through the pub/sub port (Redis with REDIS_URL).
  const gatewayActor = {
    userId: null,
    label: 'system:room-gateway',
    orgId: NO_SOURCE_ORG,
    membershipId: null,
    role: 'system' as const,
    via: 'system' as const,
  };
  // A product of the session as the room's card (null when it is not on the session or no longer approved).
  const productCard = async (sessionId: string, productId: string) => {
    const on = (await uow.read.live.listProducts(sessionId)).some((p) => p.productId === productId);
    const p = on ? await uow.read.catalog.findProduct(productId) : null;
    if (p?.status !== 'approved') return null;
    const skus = await uow.read.catalog.listSkus([p.id]);
    return {
      productId: p.id,
      title: p.title,
      minPriceFen: Math.min(...skus.map((k) => k.priceFen)),
      coverImageId: p.imageIds[0] ?? null,
      stock: skus.reduce((n, k) => n + k.stock, 0),
    };
  };
  const rooms = new RoomHub({
    pubsub: kv.pubsub,
    counters: kv.counters,
    clock,
    ids,
    screenChat: (text) => {
      const r = compliance.screen({ text, kind: 'chat' });
      const blocking = r.hits.filter((h) => h.action === 'block' || h.action === 'review');
      return {
        blocked: blocking.length > 0,
        ruleIds: [...new Set(blocking.map((h) => h.rule))],
        reason: blocking[0]?.explanation ?? { zh: '', en: '' },
      };
    },
    roomState: async (sessionId) => {
      const s = await uow.read.live.findSession(sessionId);
      return { pinned: s?.pinnedProductId ? await productCard(sessionId, s.pinnedProductId) : null };
    },
    onPinned: (sessionId, productId) => void uow.read.live.setPinned(sessionId, productId).catch(() => {}),
    productCard,
    // A blocked chat message goes to the compliance records (and the review queue when its rules say so).
    // The sender is kept: a viewer repeating one message is counted on one review item, not queued again.
    onBlocked: (sessionId, userId, text) => {
      void compliance
        .ingest(gatewayActor, {
          eventId: `chat-${ids.next()}`,
          kind: 'chat',
          text,
          sessionRef: sessionId,
          senderUserId: userId,
          occurredAt: clock.now(),
        })
        .catch(() => {});
    },
  });
  // The platform knows when streams start and stop — from the embedded media server (the default) or from an
  // external one calling the publish hooks — unless playback points at an external server that tells it nothing;
  // then rooms say 'unknown' and the player just tries.
  if (config.publishHookSecret || !config.externalPlayback) rooms.trackStreams();
  Object.assign(hooks, registry.hooks(), catalog.hooks());
  await catalog.ensureCategories();
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
  deposits = new DepositService({
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
  const depositService = deposits;
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
  // the modes' settings and sandbox memberships held in the process; a change on any process reaches every process
  // 信用: scores from events, tiers and their measures (docs/credit.md); tier D holds payouts
  const credit = new CreditService({
    uow,
    clock,
    ids,
    audit,
    parties: creditPartyDirectory,
    model: creditModel,
    listeners: [new PayoutHoldMeasure(payoutHolds, creditModel)],
    hooks: [new CreditModeHook({ model: creditModel, clock, ids, audit, cache: creditModesCache })],
  });
  // 包容审慎监管's modes: settings, sandbox cohorts, training tasks, clues (docs/credit.md, "Enforcement modes")
  const creditModes = new CreditModeService({
    uow,
    clock,
    ids,
    audit,
    model: creditModel,
    credit,
    parties: creditPartyDirectory,
    gate: creditGate,
    cache: creditModesCache,
    modesChanged: () => kv.pubsub.publish('credit:modes', '1'),
  });
  const unsubscribeCreditModes = await kv.pubsub.subscribe('credit:modes', () => creditModesCache.changed());
  const creditView = new CreditViewService({ uow, clock, parties: creditPartyDirectory, credit, modes: creditModes });
  const creditRecompute = new CreditRecomputeService({ uow, clock, ids, audit, credit, policies: creditModes });
  // the model in force: the newest published version; a publish re-scores everyone and tells every process
  const creditModels = new CreditModelService({
    uow,
    clock,
    audit,
    source: creditModel,
    rescoreAll: (actor) => creditRecompute.recompute(actor),
    modelChanged: () => kv.pubsub.publish('credit:model', '1'),
  });
  await creditModels.load();
  const unsubscribeCreditModel = await kv.pubsub.subscribe('credit:model', () => void creditModels.load().catch(() => {}));
  // 信用报告: signed with a key derived from the session secret, like the simulators' keys
  const reportKey = createHmac('sha256', config.sessionSecret).update('livehub:credit-report').digest();
  const reportMac = (hash: string) => createHmac('sha256', reportKey).update(hash).digest();
  const creditReports = new CreditReportService({
    uow,
    clock,
    ids,
    audit,
    parties: creditPartyDirectory,
    credit,
    signer: {
      sign: (hash) => reportMac(hash).toString('hex'),
      verify: (hash, signature) => {
        const given = Buffer.from(signature, 'hex');
        const expected = reportMac(hash);
        return given.length === expected.length && timingSafeEqual(given, expected);
      },
    },
  });
  creditInquiry = creditReportInquiry(creditReports);
  // 申诉: through the approval engine; the decision voids and rescores in the engine's transaction
  const creditAppeals = new CreditAppealService({ uow, clock, ids, audit, credit, workflows });
  Object.assign(hooks, creditAppeals.hooks());
  // 信用公示: tier and masked name, rate-limited per client
  const creditPublic = new CreditPublicService({ uow, finder: creditPartyFinder(uow), rateLimits: kv.rateLimits });
  // 物流: the built-in simulated carrier behind the carrier port; it pushes to the platform's own webhook on the tick
  const simCarrier = new SimulatedCarrier({
    key: config.logisticsPushKey,
    now: () => clock.now().getTime(),
    exceptionRate: config.simCarrierExceptionRate,
  });
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
    foreignPayments: { owns: (id) => depositService.owns(id), onNotification: (n, p) => depositService.onNotification(n, p) },
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
    },
  });
  // 下播 as one job: the live context's end, the rooms' `ended` and statistics, the session's orders and GMV
  const sessionEnd = new SessionEndService({ live, rooms, totals: { sessionTotals: (sessionId) => orders.sessionTotals(sessionId) } });
  // 结算任务: the catch-up split, the T+N releases, then the jobs registered with it: yesterday's reconciliation
  const settle = new SettlementJobService({ uow, clock, audit, money, orders, slotFees, jobs: [reconciliation.settleJob()] });
  const returns = new ReturnService({ uow, clock, ids, audit, orders, stock });
  // 投诉 / ODR (docs/disputes.md): the order's facts through the orders context's repository, evidence through the
  // document store's records; the sweep moves lapsed steps on (tick)
  const complaintOrders = {
    orderFacts: async (orderId: string) => {
      const o = await uow.read.orders.findOrder(orderId);
      return o
        ? {
            id: o.id,
            buyerUserId: o.buyerUserId,
            merchantOrgId: o.merchantOrgId,
            streamerUserId: o.streamerUserId,
            sessionId: o.sessionId,
            totalFen: o.totalFen,
            refundedFen: o.refundedFen,
            paidAt: o.paidAt,
            createdAt: o.createdAt,
          }
        : null;
    },
    productsOf: async (orderIds: readonly string[]) => {
      const out = new Map<string, string[]>();
      if (orderIds.length === 0) return out;
      for (const l of await uow.read.orders.listLines([...orderIds])) {
        const ps = out.get(l.orderId) ?? [];
        if (!ps.includes(l.productId)) ps.push(l.productId);
        out.set(l.orderId, ps);
      }
      return out;
    },
  };
  const evidence = { uploaderOf: async (id: string) => (await uow.read.workflows.findDocument(id))?.uploadedBy ?? null };
  const complaintCore = { clock, ids, audit, vault };
  const complaints = {
    filing: new ComplaintFilingService({ ...complaintCore, uow, orders: complaintOrders, evidence }),
    // a refund or return outcome goes through the order's after-sales path (the orders context's returns)
    steps: new ComplaintStepService({
      ...complaintCore,
      uow,
      remedies: {
        applyIn: (tx, actor, input) => returns.complaintRemedyIn(tx, actor, input),
        send: (refundId) => returns.sendRecordedRefund(refundId),
      },
    }),
    views: new ComplaintViewService({ uow, clock, vault, names }),
    // 投诉统计: per merchant, streamer, product; the products of the orders through the orders context
    stats: new ComplaintStatsService({ uow, clock, orders: complaintOrders, names }),
    sweeper: new ComplaintSweeperService({ ...complaintCore, uow }),
    // 赔付 and 先行赔付: the money moves through settlement's ledger (its CompensationMoney port implementation)
    payments: new CompensationPaymentService({ uow, clock, ids, audit, money: compensationMoney }),
  };
  // a complaint's parties may open the consumer's evidence (docs/disputes.md)
  readGrants.push({ name: 'complaint_evidence', mayRead: (actor, documentId) => complaints.views.mayReadEvidence(actor, documentId) });
  // 举报 (docs/reports.md): targets through the live, catalog and identity repositories; a live room's or product's
  // report opens a review item through the compliance context's in-transaction form; rate-limited per reporter
  const reports = {
    filing: new ReportFilingService({
      ...complaintCore,
      uow,
      tokens: randomTokens,
      rateLimits: kv.rateLimits,
      targets: reportTargets(uow),
      evidence,
      review: compliance,
      names,
    }),
    handling: new ReportHandlingService({ ...complaintCore, uow, names }),
    views: new ReportViewService({ uow, vault, names }),
  };
  // Events written with their changes (order.created, live.started, compliance.violation_confirmed…) go out on
  // events:<topic>; `livehub serve` runs a pass every second.
  const outbox = new OutboxDispatcher({ uow, pubsub: kv.pubsub, locks: kv.locks, clock });
  // Credit scores move within seconds of the facts behind them: each topic of the feed becomes credit events.
  for (const [topic, toEvents] of Object.entries(CREDIT_FEED))
    outbox.on(topic, async (e) => void (await credit.ingest(toEvents(e.payload, new Date(e.at)))));
  // 站内信: the events someone must act on or know of become inbox items within seconds (docs/notifications.md);
  // besides the inbox, what needs action goes out by SMS (simulated: it records the message with the number masked)
  const sms = new SimSmsChannel({ uow, vault, now: () => clock.now() });
  const notifications = new NotificationService({
    uow,
    clock,
    ids,
    audit,
    names,
    members: notificationMembers(uow),
    channels: [sms],
    // the item is in the inbox whatever a channel does; a failed send is told to the operator, not retried
    onChannelError: (channel, item, e) =>
      void process.stderr.write(`notification channel ${channel} failed for ${item.id}: ${e instanceof Error ? e.message : String(e)}\n`),
  });
  for (const topic of NotificationService.topics()) outbox.on(topic, async (e) => void (await notifications.deliver(e)));
  // 监管线索: detectors on the event stream raise clues for the regulator's departments (docs/supervision.md).
  const departments: DepartmentDirectory = {
    departmentOf: (actor) => orgs.departmentOf(actor),
    departmentsOf: async (orgId) => new Map((await uow.read.orgs.listDepartments([orgId])).map((d) => [d.code, d.name])),
  };
  const clues = new ClueService({
    uow,
    clock,
    ids,
    audit,
    names,
    departments,
    market: sessionMarketReader(uow),
    orders: sessionOrdersReader(uow),
  });
  for (const topic of ClueService.topics()) outbox.on(topic, async (e) => void (await clues.ingest(e)));
  // 跨区域协同: signed bundles of clues and credit records for partner regions (docs/supervision.md)
  const exchange = new ExchangeService({
    uow,
    clock,
    ids,
    audit,
    vault,
    names,
    departments,
    directory: exchangeDirectory(uow),
    clues,
    region: config.region,
  });
  // 实时监测大屏: the market now for regulators, pushed after the outbox's events on any process (docs/supervision.md).
  const wall = new WallService({ uow, clock, names, viewers: rooms, pubsub: kv.pubsub, eventsChannel });
  // 跨境商品: declared customs values against live sale prices (低报价格), for regulators.
  const crossBorder = new CrossBorderReportService({ clock, reader: crossBorderReader(uow) });
  // 案件: a clue filed as a case, 告知 and 陈述申辩 online, a decision as a PDF executed through the gates.
  const cases = new CaseService({
    uow,
    clock,
    ids,
    audit,
    names,
    departments,
    files,
    render: caseDecisionPdf,
    enforcement: {
      takeDown: async (actor, productId, reason) => {
        try {
          await catalog.delist(actor, productId, reason);
        } catch (e) {
          // already off sale: the decision's takedown holds without doing it again
          if (!(e instanceof AppError && e.code === 'catalog.not_listed')) throw e;
        }
      },
      revokeCertification: (actor, userId, reason) => registry.revokeStreamer(actor, userId, reason),
      endLive: async (actor, userId, reason) => {
        for (const s of await uow.read.live.listSessions({ streamerUserId: userId, status: ['live'], limit: 20 }))
          await sessionEnd.end(actor, s.id, reason);
      },
    },
  });
  // 知识产权保护 (电子商务法 Art. 42–45): a rights holder's notice takes the product down through the catalog's 下架 in the
  // notice's own transaction; a counter-notice starts the 15 days the sweep (tick) watches (docs/supervision.md).
  const ipNotices = new IpNoticeService({
    uow,
    clock,
    ids,
    audit,
    names,
    departments,
    catalog: {
      product: async (id) => {
        const p = await uow.read.catalog.findProduct(id);
        return p ? { id: p.id, name: p.title, merchantOrgId: p.merchantOrgId, status: p.status } : null;
      },
      brand: (id) => uow.read.catalog.findBrand(id),
      brandNames: async (ids) =>
        new Map((await uow.read.catalog.findBrands([...ids])).map((b) => [b.id, { name: b.name, trademarkNo: b.trademarkNo }])),
      takeDownIn: (tx, actor, productId, reason) => catalog.delistIn(tx, actor, productId, reason),
      restoreIn: (tx, actor, productId, reason, note) => catalog.relistIn(tx, actor, productId, reason, note),
    },
    documents: {
      ownerOf: async (id) => {
        const d = await uow.read.workflows.findDocument(id);
        return d ? { orgId: d.ownerOrgId, userId: d.uploadedBy } : null;
      },
    },
  });
  // the parties to a notice and the office read each other's evidence
  readGrants.push({ name: 'ip_notice_evidence', mayRead: (actor, documentId) => ipNotices.mayReadEvidence(actor, documentId) });
  // 统计分析: the rollups follow orders, sessions, complaints and violations through the outbox (docs/supervision.md)
  const statistics = new StatisticsService({ uow, clock, ids, audit, xlsx: statsXlsx, region: config.region });
  // 人货匹配: the engine fed from the pool; the newest stored model loaded on start and when another process stores
  // one (published like the credit model); the tick retrains on its schedule (docs/matching.md, ADR 0029)
  const matching = new MatchingService({
    uow,
    clock,
    ids,
    audit,
    creditModel,
    credit: creditGate,
    schedule: config.matchingRetrain,
    locks: kv.locks,
    modelChanged: () => kv.pubsub.publish('matching:model', '1'),
  });
  await matching.load();
  const unsubscribeMatchingModel = await kv.pubsub.subscribe('matching:model', () => void matching.load().catch(() => {}));
  for (const topic of StatisticsService.topics()) outbox.on(topic, async (e) => void (await statistics.ingest(e)));
  // 共享直播间: studios of live bases and their bookings (docs/programmes.md)
  const programmes = new ProgrammesService({ uow, clock, ids, audit, sessions: new SessionLookup() });
  // 需求协同: a merchant's suppliers, live demand per SKU with its alerts (tick + reads), 补货 (docs/supply.md)
  const suppliers = new SupplierService({ uow, clock, ids, audit, names, directory: supplierDirectory(uow) });
  // 采购单: purchase orders to suppliers, received into the stock ledger (docs/supply.md § Purchase orders)
  const purchaseOrders = new PurchaseOrderService({ uow, clock, ids, audit, names, stock });
  const demand = new DemandService({ uow, clock, ids, audit, names, source: demandSource(uow), pubsub: kv.pubsub, eventsChannel });
  // 活动与节庆: campaigns, their enrolments reviewed against their rules, totals and reports (docs/programmes.md)
  const campaignReaders = campaignSources({
    uow,
    clock,
    credit: creditGate,
    gates: registry,
    totals: { sessionTotals: (sessionId) => orders.sessionTotals(sessionId) },
  });
  const campaigns = {
    admin: new CampaignService({ uow, clock, ids, audit, sources: campaignReaders }),
    reports: new CampaignReportService({ uow, clock, sources: campaignReaders }),
  };
  // 政策服务包: policies as data, matched to each enterprise's fresh facts, applied for through the approval engine
  const policies = new PolicyService({ uow, clock, ids, audit, departments, names });
  const policyApplications = new PolicyApplicationService({
    uow,
    clock,
    ids,
    audit,
    workflows,
    facts: policyFacts(uow, creditGate),
    departments,
    names,
  });
  Object.assign(hooks, policyHooks(ids));
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
    selection: selection as SelectionService,
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
    programmes,
    suppliers,
    purchaseOrders,
    demand,
    campaigns,
    policies,
    policyApplications,
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
    deposits: depositService,
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
      const selectionSweep = await (selection as SelectionService).sweep(now);
      const agreementSweep = await agreements.sweep(now);
      const orderSweep = await orders.sweep();
      const returnSweep = await returns.sweep();
      const crossBorderReturnSweep = await returns.sweepCrossBorder();
      const complaintSweep = await complaints.sweeper.sweep(now);
      const ipSweep = await ipNotices.sweep(now);
      const compensationSweep = await complaints.payments.sweep(now);
      const settleRun = await settle.run(now);
      const payoutsResent = await payouts.resendUnsent();
      const carrierPushes = await simCarrier.deliverDue(now?.getTime());
      const reportSweep = await statistics.monthlyReport(now);
      const studioSweep = await programmes.sweep(now);
      const matchingRun = await matching.scheduledRetrain(now);
      const demandSweep = await demand.sweep(now);
      const campaignSweep = await campaigns.admin.sweep(now);
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
      };
    },
    async close() {
      rooms.close();
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
