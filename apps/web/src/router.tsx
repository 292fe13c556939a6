/** Routes. Pages are lazy-loaded; the authenticated shell (AppLayout) wraps every signed-in route. */
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { HomeRedirect } from './components/home-redirect.tsx';
import { PageLoading } from './components/page-loading.tsx';
import { RequireAccess } from './components/require-access.tsx';
import { RouteError } from './components/route-error.tsx';
import { AppLayout } from './layouts/app-layout.tsx';
import { ConsumerLayout } from './pages/orders/consumer-frame.tsx';

/** React.lazy over a named export. */
function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    const module = await load();
    return { default: module[name] as ComponentType };
  });
}

const LoginPage = lazyNamed(() => import('./pages/login-page.tsx'), 'LoginPage');
const RegisterPage = lazyNamed(() => import('./pages/register-page.tsx'), 'RegisterPage');
const WorkbenchPage = lazyNamed(() => import('./pages/workbench-page.tsx'), 'WorkbenchPage');
const ShopPage = lazyNamed(() => import('./pages/shop-page.tsx'), 'ShopPage');
const OrganizationsPage = lazyNamed(() => import('./pages/organizations-page.tsx'), 'OrganizationsPage');
const OrganizationDetailPage = lazyNamed(() => import('./pages/organization-detail-page.tsx'), 'OrganizationDetailPage');
const MyOrganizationPage = lazyNamed(() => import('./pages/organization-detail-page.tsx'), 'MyOrganizationPage');
const UsersPage = lazyNamed(() => import('./pages/users-page.tsx'), 'UsersPage');
const TokensPage = lazyNamed(() => import('./pages/tokens-page.tsx'), 'TokensPage');
const AuditPage = lazyNamed(() => import('./pages/audit-page.tsx'), 'AuditPage');
const StatementsPage = lazyNamed(() => import('./pages/finance/statements-page.tsx'), 'StatementsPage');
const ReconciliationPage = lazyNamed(() => import('./pages/finance/reconciliation-page.tsx'), 'ReconciliationPage');
const ReviewQueuePage = lazyNamed(() => import('./pages/review/review-queue-page.tsx'), 'ReviewQueuePage');
const ReviewItemPage = lazyNamed(() => import('./pages/review/review-item-page.tsx'), 'ReviewItemPage');
const ViolationsPage = lazyNamed(() => import('./pages/compliance/violations-page.tsx'), 'ViolationsPage');
const RulesPage = lazyNamed(() => import('./pages/compliance/rules-page.tsx'), 'RulesPage');
const ApplyMerchantPage = lazyNamed(() => import('./pages/registry/apply-merchant-page.tsx'), 'ApplyMerchantPage');
const ApplyStreamerPage = lazyNamed(() => import('./pages/registry/apply-streamer-page.tsx'), 'ApplyStreamerPage');
const ApplyBasePage = lazyNamed(() => import('./pages/registry/apply-base-page.tsx'), 'ApplyBasePage');
const ApplyMcnPage = lazyNamed(() => import('./pages/registry/apply-mcn-page.tsx'), 'ApplyMcnPage');
const ApplyProviderPage = lazyNamed(() => import('./pages/registry/apply-provider-page.tsx'), 'ApplyProviderPage');
const TalentPage = lazyNamed(() => import('./pages/registry/talent-page.tsx'), 'TalentPage');
const InventoryPage = lazyNamed(() => import('./pages/inventory/inventory-page.tsx'), 'InventoryPage');
const StudiosPage = lazyNamed(() => import('./pages/programmes/studios-page.tsx'), 'StudiosPage');
const SupplierConsolePage = lazyNamed(() => import('./pages/supply/supplier-console-page.tsx'), 'SupplierConsolePage');
const MerchantDemandPage = lazyNamed(() => import('./pages/supply/merchant-demand-page.tsx'), 'MerchantDemandPage');
const PurchaseOrdersPage = lazyNamed(() => import('./pages/supply/purchase-orders-page.tsx'), 'PurchaseOrdersPage');
const PresalesPage = lazyNamed(() => import('./pages/supply/presales-page.tsx'), 'PresalesPage');
const BookStudioPage = lazyNamed(() => import('./pages/programmes/book-studio-page.tsx'), 'BookStudioPage');
const CampaignsPage = lazyNamed(() => import('./pages/campaigns/campaigns-page.tsx'), 'CampaignsPage');
const CampaignEnrolPage = lazyNamed(() => import('./pages/campaigns/campaign-enrol-page.tsx'), 'CampaignEnrolPage');
const PublicCampaignPage = lazyNamed(() => import('./pages/campaigns/public-campaign-page.tsx'), 'PublicCampaignPage');
const PolicyPackagesPage = lazyNamed(() => import('./pages/policies/policy-packages-page.tsx'), 'PolicyPackagesPage');
const TalentPoliciesPage = lazyNamed(() => import('./pages/policies/policy-packages-page.tsx'), 'TalentPoliciesPage');
const PolicyAdminPage = lazyNamed(() => import('./pages/policies/policy-admin-page.tsx'), 'PolicyAdminPage');
const FundingAdminPage = lazyNamed(() => import('./pages/funding/funding-admin-page.tsx'), 'FundingAdminPage');
const MyFundingPage = lazyNamed(() => import('./pages/funding/funding-pages.tsx'), 'MyFundingPage');
const EvaluationTasksPage = lazyNamed(() => import('./pages/funding/funding-pages.tsx'), 'EvaluationTasksPage');
const ApplicationsPage = lazyNamed(() => import('./pages/registry/applications-page.tsx'), 'ApplicationsPage');
const ApplicationPage = lazyNamed(() => import('./pages/registry/application-page.tsx'), 'ApplicationPage');
const ApprovalsPage = lazyNamed(() => import('./pages/registry/approvals-page.tsx'), 'ApprovalsPage');
const RegistryPage = lazyNamed(() => import('./pages/registry/registry-page.tsx'), 'RegistryPage');
const PublicListPage = lazyNamed(() => import('./pages/registry/public-list-page.tsx'), 'PublicListPage');
const ProductsPage = lazyNamed(() => import('./pages/selection/products-page.tsx'), 'ProductsPage');
const ProductPage = lazyNamed(() => import('./pages/selection/product-page.tsx'), 'ProductPage');
const ProductEditorPage = lazyNamed(() => import('./pages/selection/product-editor-page.tsx'), 'ProductEditorPage');
const BrandAuthorizationsPage = lazyNamed(() => import('./pages/selection/brand-authorizations-page.tsx'), 'BrandAuthorizationsPage');
const SquarePage = lazyNamed(() => import('./pages/selection/square-page.tsx'), 'SquarePage');
const SamplesPage = lazyNamed(() => import('./pages/selection/samples-page.tsx'), 'SamplesPage');
const AgreementsPage = lazyNamed(() => import('./pages/selection/agreements-page.tsx'), 'AgreementsPage');
const AgreementPage = lazyNamed(() => import('./pages/selection/agreement-page.tsx'), 'AgreementPage');
const LiveConsolePage = lazyNamed(() => import('./pages/live/live-console-page.tsx'), 'LiveConsolePage');
const LiveSessionPage = lazyNamed(() => import('./pages/live/live-session-page.tsx'), 'LiveSessionPage');
const LiveSquarePage = lazyNamed(() => import('./pages/live/live-square-page.tsx'), 'LiveSquarePage');
const RoomPage = lazyNamed(() => import('./pages/live/room-page.tsx'), 'RoomPage');
const CheckoutPage = lazyNamed(() => import('./pages/orders/checkout-page.tsx'), 'CheckoutPage');
const MyOrdersPage = lazyNamed(() => import('./pages/orders/my-orders-page.tsx'), 'MyOrdersPage');
const MyPresalesPage = lazyNamed(() => import('./pages/orders/my-presales-page.tsx'), 'MyPresalesPage');
const OrderPage = lazyNamed(() => import('./pages/orders/order-page.tsx'), 'OrderPage');
const MerchantOrdersPage = lazyNamed(() => import('./pages/orders/merchant-orders-page.tsx'), 'MerchantOrdersPage');
const MerchantReturnsPage = lazyNamed(() => import('./pages/orders/merchant-returns-page.tsx'), 'MerchantReturnsPage');
const MerchantFinancePage = lazyNamed(() => import('./pages/finance/merchant-finance-page.tsx'), 'MerchantFinancePage');
const EarningsPage = lazyNamed(() => import('./pages/finance/earnings-page.tsx'), 'EarningsPage');
const PlatformFinancePage = lazyNamed(() => import('./pages/finance/platform-finance-page.tsx'), 'PlatformFinancePage');
const FundPage = lazyNamed(() => import('./pages/finance/fund-page.tsx'), 'FundPage');
const InboxPage = lazyNamed(() => import('./pages/notifications/inbox-page.tsx'), 'InboxPage');
const CluesPage = lazyNamed(() => import('./pages/supervision/clues-page.tsx'), 'CluesPage');
const ExchangePage = lazyNamed(() => import('./pages/supervision/exchange-page.tsx'), 'ExchangePage');
const WallPage = lazyNamed(() => import('./pages/supervision/wall-page.tsx'), 'WallPage');
const WallRoomPage = lazyNamed(() => import('./pages/supervision/wall-room-page.tsx'), 'WallRoomPage');
const CasesPage = lazyNamed(() => import('./pages/supervision/cases-page.tsx'), 'CasesPage');
const NoticesPage = lazyNamed(() => import('./pages/supervision/notices-page.tsx'), 'NoticesPage');
const IpNoticesPage = lazyNamed(() => import('./pages/ip-notices/ip-notices-page.tsx'), 'IpNoticesPage');
const StatisticsPage = lazyNamed(() => import('./pages/supervision/statistics-page.tsx'), 'StatisticsPage');
const CrossBorderPage = lazyNamed(() => import('./pages/supervision/cross-border-page.tsx'), 'CrossBorderPage');
const ComplaintsPage = lazyNamed(() => import('./pages/complaints/complaints-page.tsx'), 'ComplaintsPage');
const ComplaintPage = lazyNamed(() => import('./pages/complaints/complaint-page.tsx'), 'ComplaintPage');
const PayoutsPage = lazyNamed(() => import('./pages/finance/payouts-panel.tsx'), 'PayoutsPage');
const PayoutApprovalsPage = lazyNamed(() => import('./pages/finance/payouts-approvals.tsx'), 'PayoutApprovalsPage');
const DepositPage = lazyNamed(() => import('./pages/finance/deposit-card.tsx'), 'DepositPage');
const DepositAdminPage = lazyNamed(() => import('./pages/finance/deposit-admin.tsx'), 'DepositAdminPage');
const MyCreditPage = lazyNamed(() => import('./pages/credit/my-credit-page.tsx'), 'MyCreditPage');
const CreditAdminPage = lazyNamed(() => import('./pages/credit/credit-admin-page.tsx'), 'CreditAdminPage');
const CreditSupervisionPage = lazyNamed(() => import('./pages/credit/credit-supervision-page.tsx'), 'CreditSupervisionPage');
const CreditPublicPage = lazyNamed(() => import('./pages/credit/credit-public-page.tsx'), 'CreditPublicPage');
const ReportTrackPage = lazyNamed(() => import('./pages/reports/report-track-page.tsx'), 'ReportTrackPage');
const MyReportsPage = lazyNamed(() => import('./pages/reports/my-reports-page.tsx'), 'MyReportsPage');
const ReportsQueuePage = lazyNamed(() => import('./pages/reports/reports-queue-page.tsx'), 'ReportsQueuePage');
const NotFoundPage = lazyNamed(() => import('./pages/not-found-page.tsx'), 'NotFoundPage');

function suspended(node: ReactNode, fullPage = false) {
  return <Suspense fallback={<PageLoading fullPage={fullPage} />}>{node}</Suspense>;
}

function guarded(node: ReactNode) {
  return <RequireAccess>{suspended(node)}</RequireAccess>;
}

const WORKBENCH_PATHS = ['/platform', '/regulator', '/base', '/mcn', '/streamer', '/merchant', '/provider', '/evaluator'] as const;

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/login', element: suspended(<LoginPage />, true) },
      { path: '/register', element: suspended(<RegisterPage />, true) },
      // 公示名单: public, no login, outside the authenticated shell
      { path: '/public', element: suspended(<PublicListPage />, true) },
      // 信用查询: public, no login, outside the authenticated shell (its static path wins over the shell's /credit)
      { path: '/credit/public', element: suspended(<CreditPublicPage />, true) },
      // 举报查询: public, no login — an anonymous reporter follows a report by its tracking code
      { path: '/reports/track', element: suspended(<ReportTrackPage />, true) },
      // 活动专区: public, no login — a campaign's rooms and products (its static path wins over the shell's /campaigns)
      { path: '/campaigns/public', element: suspended(<PublicCampaignPage />, true) },
      { path: '/campaigns/public/:id', element: suspended(<PublicCampaignPage />, true) },
      // 直播间: full screen and mobile first, outside the shell; anyone may watch (chat needs an account)
      { path: '/live/rooms/:id', element: suspended(<RoomPage />, true) },
      // 结算、我的订单: phone first like the room they come from, outside the shell; every signed-in role may buy
      {
        element: <ConsumerLayout />,
        children: [
          { path: '/checkout', element: suspended(<CheckoutPage />, true) },
          { path: '/orders', element: suspended(<MyOrdersPage />, true) },
          { path: '/presales/mine', element: suspended(<MyPresalesPage />, true) },
          { path: '/orders/:id', element: suspended(<OrderPage />, true) },
        ],
      },
      {
        element: <AppLayout />,
        errorElement: <RouteError />,
        children: [
          ...WORKBENCH_PATHS.map((path) => ({ path, element: guarded(<WorkbenchPage />) })),
          { path: '/shop', element: guarded(<ShopPage />) },
          { path: '/orgs', element: guarded(<OrganizationsPage />) },
          { path: '/orgs/:orgId', element: guarded(<OrganizationDetailPage />) },
          { path: '/members', element: guarded(<MyOrganizationPage />) },
          { path: '/users', element: guarded(<UsersPage />) },
          { path: '/tokens', element: guarded(<TokensPage />) },
          { path: '/audit', element: guarded(<AuditPage />) },
          { path: '/finance/statements', element: guarded(<StatementsPage />) },
          { path: '/finance/reconciliation', element: guarded(<ReconciliationPage />) },
          { path: '/review', element: guarded(<ReviewQueuePage />) },
          { path: '/review/:id', element: guarded(<ReviewItemPage />) },
          { path: '/violations', element: guarded(<ViolationsPage />) },
          { path: '/rules', element: guarded(<RulesPage />) },
          { path: '/apply/merchant', element: guarded(<ApplyMerchantPage />) },
          { path: '/apply/streamer', element: guarded(<ApplyStreamerPage />) },
          { path: '/apply/base', element: guarded(<ApplyBasePage />) },
          { path: '/apply/mcn', element: guarded(<ApplyMcnPage />) },
          { path: '/apply/provider', element: guarded(<ApplyProviderPage />) },
          { path: '/talent', element: guarded(<TalentPage />) },
          { path: '/programmes/studios', element: guarded(<StudiosPage />) },
          { path: '/supplier', element: guarded(<SupplierConsolePage />) },
          { path: '/merchant/demand', element: guarded(<MerchantDemandPage />) },
          { path: '/merchant/inventory', element: guarded(<InventoryPage />) },
          { path: '/merchant/purchases', element: guarded(<PurchaseOrdersPage />) },
          { path: '/merchant/presales', element: guarded(<PresalesPage />) },
          { path: '/programmes/book', element: guarded(<BookStudioPage />) },
          { path: '/campaigns', element: guarded(<CampaignsPage />) },
          { path: '/campaigns/enrol', element: guarded(<CampaignEnrolPage />) },
          { path: '/policies', element: guarded(<PolicyPackagesPage />) },
          { path: '/talent-policies', element: guarded(<TalentPoliciesPage />) },
          { path: '/policy-admin', element: guarded(<PolicyAdminPage />) },
          { path: '/funding', element: guarded(<FundingAdminPage />) },
          { path: '/funding/mine', element: guarded(<MyFundingPage />) },
          { path: '/evaluation-tasks', element: guarded(<EvaluationTasksPage />) },
          { path: '/applications', element: guarded(<ApplicationsPage />) },
          { path: '/applications/:id', element: guarded(<ApplicationPage />) },
          { path: '/approvals', element: guarded(<ApprovalsPage />) },
          { path: '/registry', element: guarded(<RegistryPage />) },
          { path: '/products', element: guarded(<ProductsPage />) },
          { path: '/products/new', element: guarded(<ProductEditorPage />) },
          { path: '/products/brands', element: guarded(<BrandAuthorizationsPage />) },
          { path: '/products/:id', element: guarded(<ProductPage />) },
          { path: '/products/:id/edit', element: guarded(<ProductEditorPage />) },
          { path: '/selection', element: guarded(<SquarePage />) },
          { path: '/samples', element: guarded(<SamplesPage />) },
          { path: '/agreements', element: guarded(<AgreementsPage />) },
          { path: '/agreements/:id', element: guarded(<AgreementPage />) },
          { path: '/live', element: guarded(<LiveConsolePage />) },
          { path: '/live/sessions/:id', element: guarded(<LiveSessionPage />) },
          { path: '/live/square', element: guarded(<LiveSquarePage />) },
          { path: '/merchant/orders', element: guarded(<MerchantOrdersPage />) },
          { path: '/merchant/returns', element: guarded(<MerchantReturnsPage />) },
          { path: '/finance', element: guarded(<MerchantFinancePage />) },
          { path: '/earnings', element: guarded(<EarningsPage />) },
          { path: '/platform-finance', element: guarded(<PlatformFinancePage />) },
          { path: '/fund', element: guarded(<FundPage />) },
          { path: '/finance/payouts', element: guarded(<PayoutsPage />) },
          { path: '/finance/payout-approvals', element: guarded(<PayoutApprovalsPage />) },
          { path: '/finance/deposit', element: guarded(<DepositPage />) },
          { path: '/finance/deposits', element: guarded(<DepositAdminPage />) },
          { path: '/credit', element: guarded(<MyCreditPage />) },
          { path: '/notifications', element: guarded(<InboxPage />) },
          { path: '/reports', element: guarded(<ReportsQueuePage />) },
          { path: '/reports/mine', element: guarded(<MyReportsPage />) },
          { path: '/supervision/clues', element: guarded(<CluesPage />) },
          { path: '/supervision/exchange', element: guarded(<ExchangePage />) },
          { path: '/supervision/wall', element: guarded(<WallPage />) },
          { path: '/supervision/wall/rooms/:id', element: guarded(<WallRoomPage />) },
          { path: '/supervision/cases', element: guarded(<CasesPage />) },
          { path: '/supervision/notices', element: guarded(<NoticesPage />) },
          { path: '/ip-notices', element: guarded(<IpNoticesPage />) },
          { path: '/supervision/statistics', element: guarded(<StatisticsPage />) },
          { path: '/supervision/cross-border', element: guarded(<CrossBorderPage />) },
          { path: '/complaints', element: guarded(<ComplaintsPage />) },
          { path: '/complaints/:id', element: guarded(<ComplaintPage />) },
          { path: '/credit/admin', element: guarded(<CreditAdminPage />) },
          { path: '/credit/supervision', element: guarded(<CreditSupervisionPage />) },
          { path: '/workbench', element: <HomeRedirect /> },
          { path: '/index.html', element: <Navigate to="/" replace /> },
          { path: '*', element: suspended(<NotFoundPage />) },
        ],
      },
    ],
  },
]);
