/** The authenticated shell: role-aware left menu, header with org switcher, language switch and user menu. */
import { ApiOutlined, FileTextOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Layout, Menu, type MenuProps, Result, Select, Tag, Typography } from 'antd';
import { createElement, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Logo } from '../components/logo.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { roleLabel, useI18n } from '../i18n.ts';
import { endpoints } from '../lib/endpoints.ts';
import { errorMessage } from '../lib/form-errors.ts';
import { applyMe, clearSession, MeContext, useMeQuery } from '../lib/session.ts';
import { activeNavKey, navForRole } from '../nav.ts';

const { Sider, Header, Content, Footer } = Layout;

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

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={224} collapsible collapsed={collapsed} onCollapse={setCollapsed} trigger={null} breakpoint="lg">
        <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
          <Logo collapsed={collapsed} />
          <Menu
            theme="dark"
            mode="inline"
            data-testid="side-nav"
            items={items}
            selectedKeys={selected ? [selected] : []}
            onClick={({ key }) => {
              const target = navForRole(me.role).find((item) => item.key === key);
              if (target?.path && !target.comingSoon) navigate(target.path);
            }}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </div>
      </Sider>
      <Layout>
        <Header className="lh-header" style={{ padding: '0 24px' }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, minWidth: 0 }}>
            <Button
              type="text"
              aria-label="toggle menu"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
            <Typography.Text strong ellipsis data-testid="header-org">
              {me.active?.orgName ?? t('header.noOrg')}
            </Typography.Text>
            <Tag color="volcano" data-testid="header-role" style={{ marginInlineEnd: 0 }}>
              {roleLabel(t, me.role)}
            </Tag>
          </div>
          <div className="lh-header-right">
            <OrgSwitcher me={me} />
            <LanguageSwitch />
            <UserMenu me={me} />
          </div>
        </Header>
        <Content className="lh-content">
          <Outlet />
        </Content>
        <Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '16px 24px' }}>{t('app.footer')}</Footer>
      </Layout>
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

  const items: MenuProps['items'] = [
    { key: 'tokens', icon: <ApiOutlined />, label: t('header.apiTokens'), 'data-testid': 'menu-tokens' },
    { key: 'docs', icon: <FileTextOutlined />, label: t('header.apiDocs'), 'data-testid': 'menu-docs' },
    { type: 'divider' },
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
