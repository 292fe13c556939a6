/**
 * The services for enterprises around selling: matching (人货匹配), shared studios, supply (suppliers, purchase
 * orders, demand), campaigns, policies (政策服务包, applied for through the approval engine) and project funding
 * (项目资金绩效评价, paid and clawed back through the ledger).
 */
import {
  CampaignReportService,
  CampaignService,
  type CreditGateService,
  CartSignalService,
  DemandService,
  FundingService,
  type LedgerService,
  type DepartmentDirectory,
  eventsChannel,
  MatchingService,
  type OrderService,
  PolicyApplicationService,
  policyHooks,
  PolicyService,
  ProgrammesService,
  PurchaseOrderService,
  type RegistryService,
  SessionLookup,
  type StaticCreditModel,
  type StockPostingService,
  SupplierService,
  type WorkflowHooks,
  type WorkflowService,
} from '@livehub/core';
import { campaignSources } from '../adapters/campaign-sources.ts';
import { demandSource, supplierDirectory } from '../adapters/demand-source.ts';
import { fundingFigures, fundingParties } from '../adapters/funding-sources.ts';
import { policyFacts, policyGrantPayments } from '../adapters/policy-facts.ts';
import type { Platform } from './platform.ts';

export async function wireProgrammes(
  p: Platform,
  d: {
    creditModel: StaticCreditModel;
    creditGate: CreditGateService;
    stock: StockPostingService;
    registry: RegistryService;
    orders: OrderService;
    workflows: WorkflowService;
    departments: DepartmentDirectory;
    hooks: Record<string, WorkflowHooks>;
    ledger: LedgerService;
  },
) {
  const { config, clock, ids, uow, kv, audit, names, vault } = p;
  const { creditModel, creditGate, stock, registry, orders, workflows, departments, hooks, ledger } = d;
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
  // 共享直播间: studios of live bases and their bookings (docs/programmes.md)
  const programmes = new ProgrammesService({ uow, clock, ids, audit, sessions: new SessionLookup() });
  // 需求协同: a merchant's suppliers, live demand per SKU with its alerts (tick + reads), 补货 (docs/supply.md)
  const suppliers = new SupplierService({ uow, clock, ids, audit, names, directory: supplierDirectory(uow) });
  // 采购单: purchase orders to suppliers, received into the stock ledger (docs/supply.md § Purchase orders)
  const purchaseOrders = new PurchaseOrderService({ uow, clock, ids, audit, names, stock });
  const demandReaders = demandSource(uow);
  const demand = new DemandService({ uow, clock, ids, audit, names, source: demandReaders, pubsub: kv.pubsub, eventsChannel });
  // 加购 in the live room: counted per session × SKU × minute, a viewer's repeat known by a keyed hash (ADR 0042)
  const cartSignals = new CartSignalService({ uow, clock, vault, seen: kv.locks, source: demandReaders, pubsub: kv.pubsub, eventsChannel });
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
  // 已拨付: a granted money benefit is paid through the ledger by the workflow hook; the screens read it back from there
  const payments = policyGrantPayments(uow);
  const policies = new PolicyService({ uow, clock, ids, audit, departments, names, payments });
  const policyApplications = new PolicyApplicationService({
    uow,
    clock,
    ids,
    audit,
    workflows,
    facts: policyFacts(uow, creditGate),
    departments,
    names,
    payments,
  });
  Object.assign(hooks, policyHooks(ids, ledger));
  // 项目资金绩效评价: funded projects, tranches paid and clawed back through the ledger, evaluations (docs/programmes.md)
  const funding = new FundingService({
    uow,
    clock,
    ids,
    audit,
    ledger,
    departments,
    parties: fundingParties(uow),
    figures: fundingFigures(uow),
    names,
  });
  return {
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
  };
}
