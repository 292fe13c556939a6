/**
 * The buyer's pages (结算, 我的订单, 订单详情) are phone-first and live outside the console shell, like the live room
 * they are reached from: `ConsumerLayout` asks for a sign-in (and comes back here after it), `ConsumerFrame` is the
 * page chrome — a top bar with the way back, the title and the language switch, a centred column, and an optional
 * action bar stuck to the bottom of the screen.
 */
import { ProfileOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { HistoryBackButton } from '../../components/back-button.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { MeContext, useMeQuery } from '../../lib/session.ts';
import './orders.css';

export function ConsumerLayout() {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  const { t } = useI18n();
  if (isPending) return <PageLoading fullPage />;
  if (error)
    return (
      <Result
        status="error"
        title={t('common.error')}
        subTitle={errorMessage(error, t('common.networkError'))}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me) return <Navigate to={`/login?from=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  return (
    <MeContext.Provider value={me}>
      <Outlet />
    </MeContext.Provider>
  );
}

export function ConsumerFrame({
  title,
  backTo,
  footer,
  children,
  testId,
  showOrdersLink = true,
}: {
  title: ReactNode;
  /** where the back arrow goes when there is no history to go back to */
  backTo: string;
  /** the action bar at the bottom of the screen */
  footer?: ReactNode;
  children: ReactNode;
  testId: string;
  showOrdersLink?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={`lh-buyer${footer ? ' lh-buyer-with-footer' : ''}`} data-testid={testId}>
      <header className="lh-buyer-top">
        <HistoryBackButton fallback={backTo} testId="buyer-back" />
        <div className="lh-buyer-title">{title}</div>
        <div className="lh-buyer-top-right">
          {showOrdersLink ? (
            <Link to="/orders" aria-label={t('nav.myOrders')} className="lh-buyer-orders-link" data-testid="buyer-orders-link">
              <ProfileOutlined />
            </Link>
          ) : null}
          <span className="lh-buyer-lang">
            <LanguageSwitch light />
          </span>
        </div>
      </header>
      <main className="lh-buyer-body">{children}</main>
      {footer ? <footer className="lh-buyer-footer">{footer}</footer> : null}
    </div>
  );
}
