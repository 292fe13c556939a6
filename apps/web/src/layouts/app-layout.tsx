/**
 * The authenticated shell: role-aware left menu, header with org switcher, language switch and user menu. A buyer
 * on a phone gets no console rail: a tab bar at the bottom (商城, 直播, 我的订单) and the rest of the menu in a drawer.
 */
import {
  AccountBookOutlined,
  ApiOutlined,
  FileTextOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  PlayCircleOutlined,
  ShopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Me } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Drawer, Dropdown, Layout, Menu, type MenuProps, Result, Select, Tag, Typography } from 'antd';
import { createElement, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Logo } from '../components/logo.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { NotificationBell } from '../pages/notifications/notification-bell.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { roleLabel, useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { errorMessage } from '../lib/form-errors.ts';
import { applyMe, clearSession, MeContext, useMeQuery } from '../lib/session.ts';
import { activeNavKey, navForRole } from '../nav.ts';

const { Sider, Header, Content, Footer } = Layout;

const NARROW = '(max-width: 767px)';

/** Whether the viewport is phone-sized, known on the first render (no rail flashing in and out). */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(NARROW).matches);
  useEffect(() => {
    const mq = window.matchMedia(NARROW);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return narrow;
}

const BUYER_TABS = [
  { path: '/shop', label: 'nav.shop', icon: ShopOutlined },
  { path: '/live/square', label: 'live.square.title', icon: PlayCircleOutlined },
  { path: '/orders', label: 'nav.myOrders', icon: AccountBookOutlined },
] as const;

function BuyerTabBar({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <nav className="lh-consumer-tabbar" data-testid="consumer-tabbar">
      {BUYER_TABS.map((tab) => (
        <Link
          key={tab.path}
          to={tab.path}
          className={pathname === tab.path || pathname.startsWith(`${tab.path}/`) ? 'lh-tab-active' : undefined}
          data-testid={`tab-${tab.path.slice(1).replace('/', '-')}`}
        >
          {createElement(tab.icon)}
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
}

export function AppLayout() {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  const { t } = useI18n();

  if (isPending) return <PageLoading fullPage />;
  if (error) {
    return (
      <Result
        status="error"
        title={t('common.error')}
        subTitle={errorMessage(error, t('common.networkError'))}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return (
    <MeContext.Provider value={me}>
      <Shell me={me} />
    </MeContext.Provider>
  );
}

function Shell({ me }: { me: Me }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const narrow = useNarrow();
  // a buyer on a phone: the shop's own chrome, not the console's rail
  const buyerPhone = me.role === 'consumer' && narrow;
  const [drawer, setDrawer] = useState(false);

  const items: MenuProps['items'] = navForRole(me.role).map((item) => ({
    key: item.key,
    icon: createElement(item.icon),
    disabled: item.comingSoon === true,
    'data-testid': `nav-${item.key}`,
    label: item.comingSoon ? (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        {t(item.label)}
        <Tag
          variant="filled"
          style={{
            marginInlineEnd: 0,
            fontSize: 11,
            lineHeight: '18px',
            color: 'rgba(255,255,255,0.55)',
            background: 'rgba(255,255,255,0.1)',
          }}
        >
          {t('common.comingSoon')}
        </Tag>
      </span>
    ) : (
      t(item.label)
    ),
    title: t(item.label),
  }));

  const selected = activeNavKey(me.role, pathname);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="side-nav"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        const target = navForRole(me.role).find((item) => item.key === key);
        setDrawer(false);
        if (target?.path && !target.comingSoon) navigate(target.path);
      }}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {buyerPhone ? (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="nav-drawer"
        >
          <Logo collapsed={false} />
          {menu}
        </Drawer>
      ) : (
        <Sider width={224} collapsible collapsed={collapsed} onCollapse={setCollapsed} trigger={null} breakpoint="lg">
          <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
            <Logo collapsed={collapsed} />
            {menu}
          </div>
        </Sider>
      )}
      <Layout className={buyerPhone ? 'lh-with-tabbar' : undefined}>
        <Header className="lh-header" style={{ padding: buyerPhone ? '0 12px' : '0 24px' }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, minWidth: 0 }}>
            <Button
              type="text"
              aria-label="toggle menu"
              data-testid="menu-toggle"
              icon={buyerPhone ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => (buyerPhone ? setDrawer(true) : setCollapsed((c) => !c))}
            />
            <Typography.Text strong ellipsis data-testid="header-org">
              {me.active?.orgName ?? t('header.noOrg')}
            </Typography.Text>
            {buyerPhone ? null : (
              <Tag color="volcano" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
                {roleLabel(t, me.role)}
              </Tag>
            )}
          </div>
          <div className="lh-header-right">
            <OrgSwitcher me={me} />
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu me={me} />
          </div>
        </Header>
        <Content className="lh-content">
          <Outlet />
        </Content>
        <Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '16px 24px' }}>{t('app.footer')}</Footer>
      </Layout>
      {buyerPhone ? <BuyerTabBar pathname={pathname} /> : null}
    </Layout>
  );
}

function OrgSwitcher({ me }: { me: Me }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const switchMutation = useMutation({
    mutationFn: (membershipId: string) => endpoints.switchMembership(membershipId),
    onSuccess: async (next) => {
      applyMe(queryClient, next);
      navigate(next.workbench);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      message.success(t('header.switched', { org: next.active?.orgName ?? t('header.noOrg') }));
    },
    onError: (error) => message.error(errorMessage(error, t('common.networkError'))),
  });

  if (me.memberships.length === 0) return null;
  return (
    <Select
      data-testid="org-switcher"
      aria-label={t('header.orgSwitcher')}
      style={{ minWidth: 240, maxWidth: 360 }}
      value={me.active?.id}
      placeholder={t('header.orgSwitcher')}
      loading={switchMutation.isPending}
      disabled={switchMutation.isPending}
      popupMatchSelectWidth={false}
      onChange={(membershipId: string) => {
        if (membershipId !== me.active?.id) switchMutation.mutate(membershipId);
      }}
      options={me.memberships.map((m) => ({
        value: m.id,
        label: `${m.orgName} · ${roleLabel(t, m.role)}`,
        'data-testid': `org-option-${m.id}`,
      }))}
    />
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => endpoints.logout(),
    onSettled: () => {
      clearSession(queryClient);
      navigate('/login', { replace: true });
    },
  });

  // API tokens and docs are tools for integrators, not for buyers
  const integrator = me.role !== 'consumer';
  const items: MenuProps['items'] = [
    ...(integrator
      ? ([
          { key: 'tokens', icon: <ApiOutlined />, label: t('header.apiTokens'), 'data-testid': 'menu-tokens' },
          { key: 'docs', icon: <FileTextOutlined />, label: t('header.apiDocs'), 'data-testid': 'menu-docs' },
          { type: 'divider' },
        ] satisfies MenuProps['items'])
      : []),
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true, 'data-testid': 'logout' },
  ];

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'tokens') navigate('/tokens');
          else if (key === 'docs') window.open('/docs', '_blank', 'noopener');
          else if (key === 'logout') logout.mutate();
        },
      }}
    >
      <button type="button" className="lh-user-trigger" data-testid="user-menu">
        <Avatar size={30} style={{ background: '#ffd8bf', color: '#d4380d' }} icon={<UserOutlined />} />
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25 }}>
          <Typography.Text strong data-testid="user-display-name">
            {me.user.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            @{me.user.username}
          </Typography.Text>
        </span>
      </button>
    </Dropdown>
  );
}
