/**
 * 我的订单 (`/orders`): the signed-in user's purchases by status (全部 / 待付款 / 待发货 / 待收货), each card leading
 * to its detail, and a 售后 tab with the user's return requests and their refunds. Every role may buy, so every
 * role's menu leads here. Under 全部, the optional 实名认证（观众画像） card.
 */
import { RightOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { OrderStatus, OrderView, ReturnView } from '../../lib/api-types.ts';
import { formatFen } from '../../lib/money.ts';
import { useOrderPages, useReturns } from '../../queries/orders.ts';
import { AudienceVerificationCard } from './audience-verification-card.tsx';
import { ConsumerFrame } from './consumer-frame.tsx';
import { FlashSaleTag, formatCountdown, OrderStatusTag, ReturnStatusTag, returnKindLabel, useNow } from './order-labels.tsx';
import { OrderLines } from './order-lines.tsx';

/** What a phone's tab bar holds: the states a buyer acts on, and 售后 (returns and refunds); the rest are under 全部. */
const TABS = ['all', 'created', 'paid', 'shipped', 'returns'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return TABS.some((x) => x === value);
}

function OrderCard({ o, now }: { o: OrderView; now: number }) {
  const { t } = useI18n();
  const payLeft = Date.parse(o.payBy) - now;
  return (
    <Link to={`/orders/${o.id}`} className="lh-order-card-link" data-testid="order-card" data-order-id={o.id} data-status={o.status}>
      <Card className="lh-buyer-card" size="small" hoverable>
        <div className="lh-order-card-head">
          <Space size={6} style={{ minWidth: 0 }}>
            <span className="lh-order-card-merchant">{o.merchantName}</span>
            {o.attribution.flashSaleId ? <FlashSaleTag /> : null}
          </Space>
          <OrderStatusTag status={o.status} />
        </div>
        <OrderLines order={o} />
        <div className="lh-order-card-foot">
          <span className="lh-buyer-muted">
            {o.attribution.sessionTitle ? (
              <>
                <VideoCameraOutlined /> {o.attribution.sessionTitle}
              </>
            ) : (
              dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')
            )}
          </span>
          <span>
            {t(o.paidAt ? 'order.paidTotal' : 'order.dueTotal')} <span className="lh-buyer-price-sm">{formatFen(o.totalFen)}</span>
          </span>
        </div>
        {o.status === 'created' && payLeft > 0 ? (
          <div className="lh-order-card-pay">
            {t('order.banner.payWithin', { time: formatCountdown(payLeft) })} <RightOutlined />
          </div>
        ) : null}
      </Card>
    </Link>
  );
}

function ReturnRow({ r }: { r: ReturnView }) {
  const { t } = useI18n();
  return (
    <Link to={`/orders/${r.orderId}`} className="lh-order-card-link" data-testid="my-return" data-return-id={r.id} data-status={r.status}>
      <Card className="lh-buyer-card" size="small" hoverable>
        <div className="lh-order-card-head">
          <span className="lh-buyer-muted lh-mono">{r.orderNo}</span>
          <ReturnStatusTag status={r.status} />
        </div>
        <div>{r.lines.map((l) => `${l.title} ×${l.qty}`).join('；')}</div>
        <div className="lh-order-card-foot">
          <span className="lh-buyer-muted">{returnKindLabel(t, r.kind)}</span>
          <span className="lh-buyer-price-sm">{formatFen(r.amountFen)}</span>
        </div>
      </Card>
    </Link>
  );
}

function OrdersList({ status }: { status: OrderStatus | undefined }) {
  const { t } = useI18n();
  const list = useOrderPages({ as: 'buyer', ...(status ? { status } : {}) }, 15_000);
  const now = useNow(list.orders.some((o) => o.status === 'created'));
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending)
    return (
      <Card className="lh-buyer-card">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  if (list.orders.length === 0) return <Empty className="lh-buyer-empty" description={t('order.list.empty')} data-testid="orders-empty" />;
  return (
    <div data-testid="orders-list">
      {list.orders.map((o) => (
        <OrderCard key={o.id} o={o} now={now} />
      ))}
      {list.hasMore ? (
        <Button block type="text" onClick={list.loadMore} loading={list.loadingMore} data-testid="orders-more">
          {t('common.loadMore')}
        </Button>
      ) : null}
    </div>
  );
}

function ReturnsList() {
  const { t } = useI18n();
  const list = useReturns('buyer', undefined, { staleTime: 0 });
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (list.data.length === 0) return <Empty className="lh-buyer-empty" description={t('return.list.empty')} />;
  return (
    <div data-testid="my-returns">
      {list.data.map((r) => (
        <ReturnRow key={r.id} r={r} />
      ))}
    </div>
  );
}

export function MyOrdersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = isTab(raw) ? raw : 'all';
  return (
    <ConsumerFrame title={t('nav.myOrders')} backTo="/" testId="my-orders-page" showOrdersLink={false}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'all' ? {} : { tab: key }, { replace: true })}
        className="lh-buyer-tabs"
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`orders-tab-${k}`}>{t(`order.tab.${k}`)}</span> }))}
      />
      {tab === 'returns' ? <ReturnsList /> : <OrdersList status={tab === 'all' ? undefined : tab} />}
      {tab === 'all' ? <AudienceVerificationCard /> : null}
    </ConsumerFrame>
  );
}
