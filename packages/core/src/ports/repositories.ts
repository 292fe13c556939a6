/**
 * The bag of repository ports a unit of work hands out. Each context declares its own port in
 * `<ctx>/<ctx>.repository.ts` (what its services need from storage, in domain terms); this file only composes them. packages/db implements them with
 * Drizzle on PGlite or PostgreSQL; the contract suite in packages/testing holds every implementation to them.
 */
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CatalogRepository } from '../catalog/catalog.repository.ts';
import type { SelectionRepository } from '../selection/selection.repository.ts';
import type { LedgerRepository, SettlementRepository } from '../settlement/settlement.repository.ts';
import type { PaymentRecordReader, ReconciliationRepository } from '../settlement/reconciliation.repository.ts';
import type { DepositRepository, PayoutRepository } from '../settlement/payout.repository.ts';
import type { CreditRepository } from '../credit/credit.repository.ts';
import type { CreditModelRepository } from '../credit/credit-models.repository.ts';
import type { CreditModeRepository } from '../credit/credit-modes.repository.ts';
import type { CreditAppealRepository } from '../credit/credit-appeals.repository.ts';
import type { ComplaintRepository, ReportRepository } from '../disputes/disputes.repository.ts';
import type { CompensationObligationRepository } from '../disputes/compensation-payment.repository.ts';
import type { ComplianceRepository } from '../compliance/compliance.repository.ts';
import type {
  ApiTokenRepository,
  InvitationRepository,
  MembershipRepository,
  OrganizationRepository,
  SessionRepository,
  UserRepository,
} from '../identity/identity.repository.ts';
import type { NotificationRepository } from '../notifications/notifications.repository.ts';
import type { CaseRepository } from '../supervision/case.repository.ts';
import type { ClueRepository } from '../supervision/clue.repository.ts';
import type { IpNoticeRepository } from '../supervision/ip-notice.repository.ts';
import type { ExchangeRepository } from '../supervision/exchange.repository.ts';
import type { StatisticsRepository } from '../supervision/statistics.repository.ts';
import type { LiveRepository } from '../live/live.repository.ts';
import type { MatchingRepository } from '../matching/matching.repository.ts';
import type { NameRepository } from './names.ts';
import type { WallReader } from '../supervision/wall.repository.ts';
import type { OrderRepository } from '../orders/orders.repository.ts';
import type { OutboxRepository } from '../outbox/outbox.repository.ts';
import type { ProgrammesRepository } from '../programmes/programmes.repository.ts';
import type { PresaleRepository } from '../supply/presale.repository.ts';
import type { SupplyRepository } from '../supply/supply.repository.ts';
import type { CampaignRepository } from '../programmes/campaign.repository.ts';
import type { PolicyRepository } from '../policies/policies.repository.ts';
import type { FundingRepository } from '../programmes/funding.repository.ts';
import type { InventoryRepository } from '../inventory/inventory.repository.ts';
import type { RegistryRepository } from '../registry/registry.repository.ts';
import type { WorkflowRepository } from '../workflows/workflows.repository.ts';

/** The repositories a unit of work hands to a service, all bound to one transaction. */
export interface Repositories {
  users: UserRepository;
  orgs: OrganizationRepository;
  memberships: MembershipRepository;
  invitations: InvitationRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  compliance: ComplianceRepository;
  workflows: WorkflowRepository;
  registry: RegistryRepository;
  catalog: CatalogRepository;
  selection: SelectionRepository;
  live: LiveRepository;
  orders: OrderRepository;
  /** the names screens show for ids of any context (a read model for presentation; see names.ts) */
  names: NameRepository;
  ledger: LedgerRepository;
  /** the money flows' records: fee rates per category, each order's settlement */
  settlement: SettlementRepository;
  /** reconciliation runs and their differences (settlement) */
  reconciliation: ReconciliationRepository;
  /** the orders context's payments and refunds, read for reconciliation */
  paymentRecords: PaymentRecordReader;
  payouts: PayoutRepository;
  deposits: DepositRepository;
  /** credit events, scores and tier moves (credit) */
  credit: CreditRepository;
  /** the credit model's published versions (credit) */
  creditModels: CreditModelRepository;
  /** the enforcement modes: settings, sandbox cohorts, training tasks, clues (credit) */
  creditModes: CreditModeRepository;
  /** appeals against credit events and the credit reports issued (credit) */
  creditAppeals: CreditAppealRepository;
  /** complaints (投诉 / ODR) and their timelines (disputes) */
  complaints: ComplaintRepository;
  /** reports (举报) by anyone, the reporter kept from the reported party (disputes) */
  reports: ReportRepository;
  /** the compensation obligations (赔付义务) of resolved complaints (disputes) */
  complaintPayments: CompensationObligationRepository;
  /** the notification inbox's items (notifications) */
  notifications: NotificationRepository;
  /** supervision clues, their log and the signals detectors count (supervision) */
  clues: ClueRepository;
  /** cross-region sharing: the region's key, partner regions, bundles and received items (supervision) */
  exchange: ExchangeRepository;
  /** the monitoring wall's read model across contexts (supervision; presentation only, like `names`) */
  wall: WallReader;
  /** cases (案件): the case, its hash-chained evidence, its log, live suspensions (supervision) */
  cases: CaseRepository;
  /** 统计分析: facts projected from the source tables, the daily rollups, targets, monthly reports (supervision) */
  statistics: StatisticsRepository;
  /** 人货匹配: the pool snapshot the engine is fed from, impressions and clicks, the personalisation choice (matching) */
  matching: MatchingRepository;
  /** 知识产权保护: infringement notices, counter-notices and their log (supervision) */
  ipNotices: IpNoticeRepository;
  /** 共享直播间: the studios of live bases and their bookings (programmes) */
  programmes: ProgrammesRepository;
  /** 需求协同: supplier links, live-demand alerts, replenishment requests (supply) */
  supply: SupplyRepository;
  /** 预售 · 反向定制: pre-sales, reservations with their deposit and balance, production orders (supply) */
  presales: PresaleRepository;
  /** 活动与节庆: campaigns and their enrolments (programmes) */
  campaigns: CampaignRepository;
  /** 政策服务包: policies and the applications made for them (policies) */
  policies: PolicyRepository;
  /** 项目资金绩效评价: funded projects, their tranches, targets and evaluations (programmes) */
  funding: FundingRepository;
  /** 库存: warehouses, the stock ledger, on hand per warehouse and the SKU's sellable number (inventory) */
  inventory: InventoryRepository;
}

export interface UnitOfWork {
  /** Runs `work` in one transaction: all of it is written or none. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Repositories outside any transaction, for reads. */
  readonly read: Repositories;
}

/**
 * A unit of work narrowed to the repositories one service may touch: its own context's, plus audit and outbox.
 * The container hands every service the same UnitOfWork (it is assignable to any narrowing); the narrowing is what
 * a service declares, so reaching another context's tables is a type error. Another context is reached through
 * its public service or a small reader port it exports (docs/contexts.md).
 */
export interface ScopedUnitOfWork<K extends keyof Repositories> {
  transaction<T>(work: (repos: Pick<Repositories, K>) => Promise<T>): Promise<T>;
  readonly read: Pick<Repositories, K>;
}

export interface DatabaseHealth {
  readonly driver: 'pglite' | 'postgres';
  ping(): Promise<number>;
  close(): Promise<void>;
}
