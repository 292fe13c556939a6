/**
 * The role-aware navigation table: the single source of truth for which areas each role sees
 * in the left menu and which paths the route guard lets it open: one list of items, and per role the keys it shows.
 */
import {
  ClockCircleOutlined,
  ExperimentOutlined,
  DatabaseOutlined,
  AimOutlined,
  ImportOutlined,
  InboxOutlined,
  CalendarOutlined,
  AreaChartOutlined,
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ClusterOutlined,
  ContainerOutlined,
  CopyrightOutlined,
  CustomerServiceOutlined,
  DeploymentUnitOutlined,
  DashboardOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  GiftOutlined,
  GlobalOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  InsuranceOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  PlaySquareOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  ReadOutlined,
  RiseOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  SafetyOutlined,
  TransactionOutlined,
  WalletOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
  StarOutlined,
  BarChartOutlined,
  BellOutlined,
  MonitorOutlined,
  TagsOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Role } from '@livehub/contracts';
import { WORKBENCH_BY_ROLE } from '@livehub/contracts';
import type { ComponentType } from 'react';
import type { MessageKey } from './i18n/index.ts';

export interface NavItem {
  /** Stable key; the menu item carries `data-testid="nav-<key>"`. */
  key: string;
  label: MessageKey;
  icon: ComponentType;
  /** Where the item leads; also grants the role access to this path and everything below it. */
  path?: string;
  /** Shown disabled with a "即将上线" tag. */
  comingSoon?: boolean;
}

/** Every menu item once, by its key. A role that shows an item under another label or icon says so in its list. */
const ITEMS = {
  // shell: the role's home (its path is the role's workbench, WORKBENCH_BY_ROLE), people and organizations
  workbench: { label: 'nav.workbench', icon: DashboardOutlined },
  shop: { label: 'nav.shop', icon: ShopOutlined, path: WORKBENCH_BY_ROLE.consumer },
  orgs: { label: 'nav.orgs', icon: ApartmentOutlined, path: '/orgs' },
  members: { label: 'nav.members', icon: TeamOutlined, path: '/members' },
  users: { label: 'nav.users', icon: UserOutlined, path: '/users' },

  // governance: review, approvals, the public list, violations, rules, audit
  review: { label: 'nav.review', icon: FileSearchOutlined, path: '/review' },
  approvals: { label: 'nav.approvals', icon: FileDoneOutlined, path: '/approvals' },
  registry: { label: 'nav.publicList', icon: NotificationOutlined, path: '/registry' },
  violations: { label: 'nav.violations', icon: ExceptionOutlined, path: '/violations' },
  rules: { label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  audit: { label: 'nav.audit', icon: AuditOutlined, path: '/audit' },
  // supervision (网智平台): the monitoring wall (实时监测), the clue queue and the cases (案件) of a regulator's
  // department, cross-region sharing; 监管通知: a case's party reads the notice and the decision and states its case there
  wall: { label: 'nav.wall', icon: FundProjectionScreenOutlined, path: '/supervision/wall' },
  clues: { label: 'nav.clues', icon: AimOutlined, path: '/supervision/clues' },
  exchange: { label: 'nav.exchange', icon: GlobalOutlined, path: '/supervision/exchange' },
  cases: { label: 'nav.cases', icon: FileSearchOutlined, path: '/supervision/cases' },
  'supervision-notices': { label: 'nav.notices', icon: AuditOutlined, path: '/supervision/notices' },
  // 知识产权保护: infringement notices, counter-notices and the holder's 15 days (电子商务法 Art. 42–45)
  'ip-notices': { label: 'nav.ipNotices', icon: CopyrightOutlined, path: '/ip-notices' },
  // 统计分析: the market against the province's, city's and district's targets
  statistics: { label: 'nav.statistics', icon: AreaChartOutlined, path: '/supervision/statistics' },
  // 跨境商品: declared customs values against live sale prices (低报价格)
  'cross-border': { label: 'nav.crossBorder', icon: ImportOutlined, path: '/supervision/cross-border' },

  // registry: applications for admission and certification, the talent pool
  'apply-base': { label: 'nav.applyBase', icon: SafetyCertificateOutlined, path: '/apply/base' },
  'apply-mcn': { label: 'nav.applyMcn', icon: ClusterOutlined, path: '/apply/mcn' },
  'apply-provider': { label: 'nav.applyProvider', icon: CustomerServiceOutlined, path: '/apply/provider' },
  'apply-streamer': { label: 'nav.applyStreamer', icon: IdcardOutlined, path: '/apply/streamer' },
  'apply-merchant': { label: 'nav.applyMerchant', icon: ShopOutlined, path: '/apply/merchant' },

  applications: { label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
  talent: { label: 'nav.talent', icon: ReadOutlined, path: '/talent' },
  studios: { label: 'nav.studios', icon: VideoCameraOutlined, path: '/programmes/studios' },
  'studio-booking': { label: 'nav.studioBooking', icon: CalendarOutlined, path: '/programmes/book' },
  // 需求协同: the merchant's live demand and suppliers, the supplier console
  'merchant-demand': { label: 'nav.merchantDemand', icon: RiseOutlined, path: '/merchant/demand' },
  'supplier-console': { label: 'nav.supplierConsole', icon: DeploymentUnitOutlined, path: '/supplier' },
  campaigns: { label: 'nav.campaigns', icon: TrophyOutlined, path: '/campaigns' },
  'campaign-enrol': { label: 'nav.campaignEnrol', icon: TagsOutlined, path: '/campaigns/enrol' },
  // 政策服务包: policies matched to an enterprise, talent policies for streamers, the issuing department's 政策管理
  policies: { label: 'nav.policies', icon: GiftOutlined, path: '/policies' },
  'talent-policies': { label: 'nav.talentPolicies', icon: GiftOutlined, path: '/talent-policies' },
  'policy-admin': { label: 'nav.policyAdmin', icon: GiftOutlined, path: '/policy-admin' },
  // 项目资金绩效评价: the issuing department's projects, the base's own, the evaluator's tasks
  'funding-admin': { label: 'nav.fundingAdmin', icon: FundProjectionScreenOutlined, path: '/funding' },
  'my-funding': { label: 'nav.myFunding', icon: FundProjectionScreenOutlined, path: '/funding/mine' },
  'evaluation-tasks': { label: 'nav.evaluationTasks', icon: AuditOutlined, path: '/evaluation-tasks' },

  // selection: products, the selection square, samples, agreements
  products: { label: 'nav.products', icon: ShoppingOutlined, path: '/products' },
  selection: { label: 'nav.selection', icon: AppstoreOutlined, path: '/selection' },
  samples: { label: 'nav.samples', icon: GiftOutlined, path: '/samples' },
  agreements: { label: 'nav.agreements', icon: FileProtectOutlined, path: '/agreements' },

  // live and orders. 直播广场: every signed-in user may watch the rooms live now; 我的订单: every signed-in user may
  // buy in a live room, so every role has its purchases (a phone-first page).
  live: { label: 'nav.liveConsole', icon: VideoCameraOutlined, path: '/live' },
  'live-square': { label: 'nav.liveSquare', icon: PlaySquareOutlined, path: '/live/square' },
  'my-orders': { label: 'nav.myOrders', icon: AccountBookOutlined, path: '/orders' },
  'merchant-orders': { label: 'nav.merchantOrders', icon: ContainerOutlined, path: '/merchant/orders' },
  'merchant-returns': { label: 'nav.merchantReturns', icon: RollbackOutlined, path: '/merchant/returns' },
  // 库存: warehouses, the stock ledger, adjustments and transfers (docs/supply.md § Stock model)
  inventory: { label: 'nav.inventory', icon: DatabaseOutlined, path: '/merchant/inventory' },
  // 采购: the merchant's purchase orders to its suppliers, received into a warehouse (docs/supply.md § Purchase orders)
  'merchant-purchases': { label: 'nav.purchases', icon: InboxOutlined, path: '/merchant/purchases' },
  // 预售: pre-sales with deposits, closed into a production order (docs/supply.md § Pre-sale and C2M)
  'merchant-presales': { label: 'nav.presales', icon: ExperimentOutlined, path: '/merchant/presales' },
  // 我的预售: every signed-in user may reserve a pre-sale, like 我的订单
  'my-presales': { label: 'nav.myPresales', icon: ClockCircleOutlined, path: '/presales/mine' },
  // 投诉 (docs/disputes.md): one list page whose queue is the role's — 我的投诉 (consumer), 投诉处理 (merchant),
  // 调解台 (platform), 受理台 (regulator) — and the complaint's page below it for every party
  complaints: { label: 'nav.myComplaints', icon: AlertOutlined, path: '/complaints' },

  // settlement: a party's money (资金结算 for merchants, 收益 for streamers and MCNs), the platform's 财务, and the
  // advance-compensation fund (先行赔付金) the platform and regulators read
  finance: { label: 'nav.finance', icon: MoneyCollectOutlined, path: '/finance' },
  earnings: { label: 'nav.earnings', icon: RiseOutlined, path: '/earnings' },
  'platform-finance': { label: 'nav.platformFinance', icon: FundOutlined, path: '/platform-finance' },
  fund: { label: 'nav.fund', icon: InsuranceOutlined, path: '/fund' },
  // settlement: statements (对账单) for every party with accounts, the provider reconciliation (对账) for finance
  statements: { label: 'nav.statements', icon: SolutionOutlined, path: '/finance/statements' },
  reconciliation: { label: 'nav.reconciliation', icon: ReconciliationOutlined, path: '/finance/reconciliation' },
  'finance-payouts': { label: 'nav.payouts', icon: WalletOutlined, path: '/finance/payouts' },
  'finance-deposit': { label: 'nav.deposit', icon: SafetyOutlined, path: '/finance/deposit' },
  'payout-approvals': { label: 'nav.payoutApprovals', icon: TransactionOutlined, path: '/finance/payout-approvals' },
  'deposit-admin': { label: 'nav.depositAdmin', icon: MoneyCollectOutlined, path: '/finance/deposits' },

  // credit: a party's own (我的信用), the platform's management (信用管理) and the regulators' view (信用监管)
  credit: { label: 'nav.myCredit', icon: StarOutlined, path: '/credit' },
  'credit-admin': { label: 'nav.creditAdmin', icon: BarChartOutlined, path: '/credit/admin' },
  'credit-supervision': { label: 'nav.creditSupervision', icon: MonitorOutlined, path: '/credit/supervision' },
  // 信用查询: the public credit query (no login; outside the shell), in the consumers' menu
  'credit-public': { label: 'nav.creditPublic', icon: SafetyCertificateOutlined, path: '/credit/public' },

  // 举报: the platform's handling (举报受理; regulators read it) and a reporter's own (我的举报, open to every signed-in user)
  reports: { label: 'nav.reports', icon: FlagOutlined, path: '/reports' },
  'my-reports': { label: 'nav.myReports', icon: FlagOutlined, path: '/reports/mine' },

  // 消息中心: every signed-in user's inbox (站内信), in every role's menu
  notifications: { label: 'nav.notifications', icon: BellOutlined, path: '/notifications' },
} satisfies Record<string, Omit<NavItem, 'key'>>;

export type NavKey = keyof typeof ITEMS;

/** A role's menu entry: an item key, or an item key shown under the role's own label (and icon). */
type RoleEntry = NavKey | { key: NavKey; label: MessageKey; icon?: ComponentType };

const COMMON_TAIL: readonly NavKey[] = ['live-square', 'my-orders', 'rules'];

/** Which items each role sees, in menu order. */
const KEYS_BY_ROLE: Record<Role, readonly RoleEntry[]> = {
  platform_admin: [
    'workbench',
    'orgs',
    'users',
    'review',
    'approvals',
    'violations',
    { key: 'complaints', label: 'nav.mediationDesk' },
    'reports',
    'ip-notices',
    'credit-admin',
    'platform-finance',
    'reconciliation',
    'statements',
    'fund',
    'payout-approvals',
    'deposit-admin',
    'statistics',
    ...COMMON_TAIL,
    'talent',
    'audit',
    'notifications',
  ],
  reviewer: [
    'workbench',
    'orgs',
    'review',
    'approvals',
    'violations',
    { key: 'complaints', label: 'nav.mediationDesk' },
    'reports',
    'credit-admin',
    ...COMMON_TAIL,
    'notifications',
  ],
  regulator: [
    { key: 'workbench', label: 'nav.regulatorWorkbench', icon: SafetyCertificateOutlined },
    { key: 'orgs', label: 'nav.orgOverview' },
    'approvals',
    'registry',
    'violations',
    { key: 'complaints', label: 'nav.intakeDesk' },
    'reports',
    'credit-supervision',
    'wall',
    'clues',
    'cases',
    'ip-notices',
    'exchange',
    'statistics',
    'cross-border',
    'campaigns',
    'policy-admin',
    'funding-admin',
    'fund',
    'statements',
    'reconciliation',
    ...COMMON_TAIL,
    'audit',
    'notifications',
  ],
  base_operator: [
    { key: 'workbench', label: 'nav.baseWorkbench', icon: BankOutlined },
    { key: 'orgs', label: 'nav.baseOrgs' },
    'apply-base',
    'apply-mcn',
    'apply-provider',
    'talent',
    'studios',
    'campaigns',
    'policies',
    'my-funding',
    'applications',
    'credit',
    ...COMMON_TAIL,
    'supervision-notices',
    'notifications',
  ],
  mcn_manager: [
    { key: 'workbench', label: 'nav.mcnWorkbench' },
    'selection',
    'samples',
    'agreements',
    'earnings',
    'statements',
    'finance-payouts',
    { key: 'members', label: 'nav.mcnMembers' },
    'talent',
    'studio-booking',
    'campaign-enrol',
    'policies',
    'applications',
    'credit',
    ...COMMON_TAIL,
    'supervision-notices',
    'notifications',
  ],
  streamer: [
    { key: 'workbench', label: 'nav.streamerWorkbench' },
    'apply-streamer',
    'applications',
    'selection',
    'samples',
    'agreements',
    'live',
    'studio-booking',
    'campaign-enrol',
    'talent-policies',
    'earnings',
    'statements',
    'finance-payouts',
    'live-square',
    'my-orders',
    { key: 'violations', label: 'nav.myViolations' },
    'credit',
    'rules',
    'supervision-notices',
    'notifications',
  ],
  merchant_staff: [
    { key: 'workbench', label: 'nav.merchantWorkbench', icon: ShopOutlined },
    'products',
    'merchant-orders',
    'merchant-returns',
    'merchant-demand',
    'supplier-console',
    'inventory',
    'merchant-purchases',
    'merchant-presales',
    { key: 'complaints', label: 'nav.merchantComplaints' },
    'ip-notices',
    'finance',
    'statements',
    'finance-payouts',
    'finance-deposit',
    'samples',
    'agreements',
    'studio-booking',
    'campaign-enrol',
    'policies',
    'members',
    'apply-merchant',
    'applications',
    { key: 'violations', label: 'nav.myViolations' },
    'credit',
    ...COMMON_TAIL,
    'supervision-notices',
    'notifications',
  ],
  provider_staff: [
    { key: 'workbench', label: 'nav.providerWorkbench', icon: CustomerServiceOutlined },
    'supplier-console',
    'members',
    'applications',
    'policies',
    ...COMMON_TAIL,
    'notifications',
  ],
  evaluator: [{ key: 'workbench', label: 'nav.evaluatorWorkbench', icon: AuditOutlined }, 'evaluation-tasks', 'notifications'],
  consumer: [
    'shop',
    'live-square',
    'my-orders',
    'my-presales',
    'complaints',
    'credit-public',
    { key: 'apply-merchant', label: 'nav.openShop', icon: ShoppingCartOutlined },
    'apply-mcn',
    'apply-provider',
    'apply-streamer',
    'applications',
    'my-reports',
    'notifications',
  ],
};

function buildMenu(role: Role, entries: readonly RoleEntry[]): readonly NavItem[] {
  return entries.map((entry) => {
    const { key, ...override } = typeof entry === 'string' ? { key: entry } : entry;
    const item: NavItem = { key, ...ITEMS[key], ...override };
    return key === 'workbench' ? { ...item, path: WORKBENCH_BY_ROLE[role] } : item;
  });
}

export const NAV_BY_ROLE: Record<Role, readonly NavItem[]> = Object.fromEntries(
  (Object.keys(KEYS_BY_ROLE) as Role[]).map((role) => [role, buildMenu(role, KEYS_BY_ROLE[role])]),
) as Record<Role, readonly NavItem[]>;

/**
 * Paths every signed-in user may open regardless of role (reached from the user menu, or from links): anyone may
 * apply for admission or certification (/apply/merchant, /apply/streamer, /apply/base), register an MCN or a service
 * provider (/apply/mcn, /apply/provider) and follow their applications, and follow the reports they filed (/reports/mine).
 */
export const COMMON_PATHS: readonly string[] = ['/tokens', '/apply', '/applications', '/reports/mine'];

function pathMatches(pathname: string, base: string): boolean {
  return pathname === base || pathname.startsWith(`${base}/`);
}

export function navForRole(role: Role): readonly NavItem[] {
  return NAV_BY_ROLE[role];
}

export function canAccessPath(role: Role, pathname: string): boolean {
  if (COMMON_PATHS.some((base) => pathMatches(pathname, base))) return true;
  return NAV_BY_ROLE[role].some((item) => item.path !== undefined && pathMatches(pathname, item.path));
}

/** The nav item the current path belongs to (longest matching path), for the menu's selected key. */
export function activeNavKey(role: Role, pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of NAV_BY_ROLE[role]) {
    if (item.path === undefined || !pathMatches(pathname, item.path)) continue;
    if (!best?.path || item.path.length > best.path.length) best = item;
  }
  return best?.key;
}
