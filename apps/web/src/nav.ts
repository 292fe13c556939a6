/**
 * The role-aware navigation table: the single source of truth for which areas each role sees
 * in the left menu and which paths the route guard lets it open. Later features add rows here.
 */
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ClusterOutlined,
  ContainerOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  GiftOutlined,
  IdcardOutlined,
  NotificationOutlined,
  PlaySquareOutlined,
  ProfileOutlined,
  ReadOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { Role } from '@livehub/contracts';
import { WORKBENCH_BY_ROLE } from '@livehub/contracts';
import type { ComponentType } from 'react';
import type { MessageKey } from './i18n.ts';

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

const workbench = (role: Role, label: MessageKey, icon: ComponentType = DashboardOutlined): NavItem => ({
  key: 'workbench',
  label,
  icon,
  path: WORKBENCH_BY_ROLE[role],
});

/** 直播广场: every signed-in user may watch the rooms live now. */
const liveSquare: NavItem = { key: 'live-square', label: 'nav.liveSquare', icon: PlaySquareOutlined, path: '/live/square' };

/** 我的订单: every signed-in user may buy in a live room, so every role has its purchases (a phone-first page). */
const myOrders: NavItem = { key: 'my-orders', label: 'nav.myOrders', icon: AccountBookOutlined, path: '/orders' };

export const NAV_BY_ROLE: Record<Role, readonly NavItem[]> = {
  platform_admin: [
    workbench('platform_admin', 'nav.workbench'),
    { key: 'orgs', label: 'nav.orgs', icon: ApartmentOutlined, path: '/orgs' },
    { key: 'users', label: 'nav.users', icon: UserOutlined, path: '/users' },
    { key: 'review', label: 'nav.review', icon: FileSearchOutlined, path: '/review' },
    { key: 'approvals', label: 'nav.approvals', icon: FileDoneOutlined, path: '/approvals' },
    { key: 'violations', label: 'nav.violations', icon: ExceptionOutlined, path: '/violations' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
    { key: 'talent', label: 'nav.talent', icon: ReadOutlined, path: '/talent' },
    { key: 'audit', label: 'nav.audit', icon: AuditOutlined, path: '/audit' },
  ],
  reviewer: [
    workbench('reviewer', 'nav.workbench'),
    { key: 'orgs', label: 'nav.orgs', icon: ApartmentOutlined, path: '/orgs' },
    { key: 'review', label: 'nav.review', icon: FileSearchOutlined, path: '/review' },
    { key: 'approvals', label: 'nav.approvals', icon: FileDoneOutlined, path: '/approvals' },
    { key: 'violations', label: 'nav.violations', icon: ExceptionOutlined, path: '/violations' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  ],
  regulator: [
    workbench('regulator', 'nav.regulatorWorkbench', SafetyCertificateOutlined),
    { key: 'orgs', label: 'nav.orgOverview', icon: ApartmentOutlined, path: '/orgs' },
    { key: 'approvals', label: 'nav.approvals', icon: FileDoneOutlined, path: '/approvals' },
    { key: 'registry', label: 'nav.publicList', icon: NotificationOutlined, path: '/registry' },
    { key: 'violations', label: 'nav.violations', icon: ExceptionOutlined, path: '/violations' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
    { key: 'audit', label: 'nav.audit', icon: AuditOutlined, path: '/audit' },
    { key: 'cases', label: 'nav.cases', icon: FileSearchOutlined, comingSoon: true },
  ],
  base_operator: [
    workbench('base_operator', 'nav.baseWorkbench', BankOutlined),
    { key: 'orgs', label: 'nav.baseOrgs', icon: ApartmentOutlined, path: '/orgs' },
    { key: 'apply-base', label: 'nav.applyBase', icon: SafetyCertificateOutlined, path: '/apply/base' },
    { key: 'apply-mcn', label: 'nav.applyMcn', icon: ClusterOutlined, path: '/apply/mcn' },
    { key: 'apply-provider', label: 'nav.applyProvider', icon: CustomerServiceOutlined, path: '/apply/provider' },
    { key: 'talent', label: 'nav.talent', icon: ReadOutlined, path: '/talent' },
    { key: 'applications', label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  ],
  mcn_manager: [
    workbench('mcn_manager', 'nav.mcnWorkbench'),
    { key: 'selection', label: 'nav.selection', icon: AppstoreOutlined, path: '/selection' },
    { key: 'samples', label: 'nav.samples', icon: GiftOutlined, path: '/samples' },
    { key: 'agreements', label: 'nav.agreements', icon: FileProtectOutlined, path: '/agreements' },
    { key: 'members', label: 'nav.mcnMembers', icon: TeamOutlined, path: '/members' },
    { key: 'talent', label: 'nav.talent', icon: ReadOutlined, path: '/talent' },
    { key: 'applications', label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  ],
  streamer: [
    workbench('streamer', 'nav.streamerWorkbench'),
    { key: 'apply-streamer', label: 'nav.applyStreamer', icon: IdcardOutlined, path: '/apply/streamer' },
    { key: 'applications', label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
    { key: 'selection', label: 'nav.selection', icon: AppstoreOutlined, path: '/selection' },
    { key: 'samples', label: 'nav.samples', icon: GiftOutlined, path: '/samples' },
    { key: 'agreements', label: 'nav.agreements', icon: FileProtectOutlined, path: '/agreements' },
    { key: 'live', label: 'nav.liveConsole', icon: VideoCameraOutlined, path: '/live' },
    liveSquare,
    myOrders,
    { key: 'violations', label: 'nav.myViolations', icon: ExceptionOutlined, path: '/violations' },
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  ],
  merchant_staff: [
    workbench('merchant_staff', 'nav.merchantWorkbench', ShopOutlined),
    { key: 'products', label: 'nav.products', icon: ShoppingOutlined, path: '/products' },
    { key: 'merchant-orders', label: 'nav.merchantOrders', icon: ContainerOutlined, path: '/merchant/orders' },
    { key: 'merchant-returns', label: 'nav.merchantReturns', icon: RollbackOutlined, path: '/merchant/returns' },
    { key: 'samples', label: 'nav.samples', icon: GiftOutlined, path: '/samples' },
    { key: 'agreements', label: 'nav.agreements', icon: FileProtectOutlined, path: '/agreements' },
    { key: 'members', label: 'nav.members', icon: TeamOutlined, path: '/members' },
    { key: 'apply-merchant', label: 'nav.applyMerchant', icon: ShopOutlined, path: '/apply/merchant' },
    { key: 'applications', label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
    { key: 'violations', label: 'nav.myViolations', icon: ExceptionOutlined, path: '/violations' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  ],
  provider_staff: [
    workbench('provider_staff', 'nav.providerWorkbench', CustomerServiceOutlined),
    { key: 'members', label: 'nav.members', icon: TeamOutlined, path: '/members' },
    { key: 'applications', label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
    liveSquare,
    myOrders,
    { key: 'rules', label: 'nav.rules', icon: BookOutlined, path: '/rules' },
  ],
  consumer: [
    { key: 'shop', label: 'nav.shop', icon: ShopOutlined, path: WORKBENCH_BY_ROLE.consumer },
    liveSquare,
    myOrders,
    { key: 'apply-merchant', label: 'nav.openShop', icon: ShoppingCartOutlined, path: '/apply/merchant' },
    { key: 'apply-mcn', label: 'nav.applyMcn', icon: ClusterOutlined, path: '/apply/mcn' },
    { key: 'apply-provider', label: 'nav.applyProvider', icon: CustomerServiceOutlined, path: '/apply/provider' },
    { key: 'apply-streamer', label: 'nav.applyStreamer', icon: IdcardOutlined, path: '/apply/streamer' },
    { key: 'applications', label: 'nav.myApplications', icon: ProfileOutlined, path: '/applications' },
  ],
};

/**
 * Paths every signed-in user may open regardless of role (reached from the user menu, or from links): anyone may
 * apply for admission or certification (/apply/merchant, /apply/streamer, /apply/base), register an MCN or a service
 * provider (/apply/mcn, /apply/provider) and follow their applications.
 */
export const COMMON_PATHS: readonly string[] = ['/tokens', '/apply', '/applications'];

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
