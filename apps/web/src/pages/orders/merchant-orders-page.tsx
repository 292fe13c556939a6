/**
 * 订单管理 (merchant, `/merchant/orders`): the shop's orders by status, each with its goods, amount and commission,
 * the buyer (masked), where it came from (live session, streamer, flash sale) and its shipment. 发货 takes a carrier
 * and a tracking number; 查看面单 opens the full address behind a button, because every look is audited; a shipped
 * order may be marked delivered when the carrier says so.
 */
import { PrinterOutlined, ReloadOutlined, ThunderboltFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Modal,
  Popconfirm,
  Radio,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { OrderShippingLabel, OrderStatus, OrderView } from '../../lib/api-types.ts';
import { endpoints, type OrderListQuery } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { orderKeys, useOrderPages } from '../../queries/orders.ts';
import { carrierLabel, OrderStatusTag } from './order-labels.tsx';
import { ShipDialog } from './ship-dialog.tsx';
import { TrackingTimeline } from './tracking-timeline.tsx';
import './orders.css';

const FILTERS = ['all', 'paid', 'created', 'shipped', 'delivered', 'completed', 'refunded', 'cancelled'] as const;
type Filter = (typeof FILTERS)[number];
/** why a merchant cancels an order the buyer has not paid: the reasons shops give */
const CANCEL_REASONS = ['outOfStock', 'buyerAsked', 'cannotDeliver', 'priceError'] as const;
type CancelReason = (typeof CANCEL_REASONS)[number];

export function MerchantOrdersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [shipping, setShipping] = useState<OrderView | null>(null);
  const [tracking, setTracking] = useState<OrderView | null>(null);
  const [label, setLabel] = useState<OrderShippingLabel | null>(null);
  const [cancelling, setCancelling] = useState<OrderView | null>(null);
  const [reason, setReason] = useState<CancelReason>('outOfStock');
  const query: OrderListQuery = { as: 'merchant', ...(filter === 'all' ? {} : { status: filter as OrderStatus }) };
  const list = useOrderPages(query, 10_000);

  const replace = async (_next: OrderView) => {
    await queryClient.invalidateQueries({ queryKey: orderKeys.lists });
  };
  const cancel = useMutation({
    mutationFn: ({ o, why }: { o: OrderView; why: CancelReason }) => endpoints.cancelOrder(o.id, t(`merchantOrders.reason.${why}`)),
    onSuccess: async (next) => {
      setCancelling(null);
      message.success(t('merchantOrders.cancelled'));
      await replace(next);
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const openLabel = useMutation({
    mutationFn: (o: OrderView) => endpoints.orderShippingLabel(o.id),
    onSuccess: setLabel,
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const deliver = useMutation({
    mutationFn: (o: OrderView) => endpoints.deliverOrder(o.id),
    onSuccess: async (next) => {
      message.success(t('merchantOrders.delivered'));
      await replace(next);
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });

  const columns: TableColumnsType<OrderView> = [
    {
      title: t('merchantOrders.col.order'),
      key: 'order',
      width: 180,
      render: (_: unknown, o) => (
        <div>
          <span className="lh-mono" data-testid="merchant-order-no">
            {o.orderNo}
          </span>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(o.createdAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('merchantOrders.col.goods'),
      key: 'goods',
      render: (_: unknown, o) => (
        <div>
          {o.lines.map((l) => (
            <div key={l.lineNo}>
              <Typography.Text>{l.title}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.skuName} ×{l.qty}
                {l.returnedQty > 0 ? ` · ${t('order.returnedQty', { n: l.returnedQty })}` : ''}
              </Typography.Text>
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t('merchantOrders.col.amount'),
      key: 'amount',
      width: 130,
      render: (_: unknown, o) => {
        const commission = o.lines.reduce((sum, l) => sum + (l.commissionFen ?? 0), 0);
        return (
          <div>
            <span className="lh-money">{formatFen(o.totalFen)}</span>
            {commission > 0 ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('merchantOrders.commission', { amount: formatFen(commission) })}
                </Typography.Text>
              </div>
            ) : null}
            {o.refundedFen > 0 ? (
              <div>
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {t('order.refundedAmount', { amount: formatFen(o.refundedFen) })}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      title: t('merchantOrders.col.buyer'),
      key: 'buyer',
      width: 190,
      render: (_: unknown, o) => (
        <div style={{ fontSize: 12 }}>
          <div>
            {o.address.name} · <span className="lh-mono">{o.address.phone}</span>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.address.region} {o.address.detail}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('merchantOrders.col.source'),
      key: 'source',
      width: 170,
      render: (_: unknown, o) =>
        o.attribution.sessionTitle ? (
          <div style={{ fontSize: 12 }}>
            <div>{o.attribution.sessionTitle}</div>
            <Space size={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.attribution.streamerName}
              </Typography.Text>
              {o.attribution.flashSaleId ? (
                <Tag color="red" style={{ marginInlineEnd: 0, fontSize: 11 }}>
                  <ThunderboltFilled /> {t('flash.tag')}
                </Tag>
              ) : null}
            </Space>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('merchantOrders.col.status'),
      key: 'status',
      width: 160,
      render: (_: unknown, o) => (
        <div>
          <OrderStatusTag status={o.status} />
          {o.carrier ? (
            <div style={{ fontSize: 12, marginTop: 4 }} data-testid="merchant-order-shipment">
              {carrierLabel(t, o.carrier)} <span className="lh-mono">{o.trackingNo}</span>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          {o.status === 'paid' ? (
            <Button size="small" type="primary" onClick={() => setShipping(o)} data-testid="order-ship">
              {t('merchantOrders.ship')}
            </Button>
          ) : null}
          {o.status === 'paid' || o.status === 'shipped' ? (
            <Button
              size="small"
              icon={<PrinterOutlined />}
              loading={openLabel.isPending && openLabel.variables?.id === o.id}
              onClick={() => openLabel.mutate(o)}
              data-testid="order-label"
            >
              {t('merchantOrders.label')}
            </Button>
          ) : null}
          {o.status === 'created' ? (
            <Button
              size="small"
              danger
              onClick={() => {
                setReason('outOfStock');
                setCancelling(o);
              }}
              data-testid="merchant-cancel"
            >
              {t('merchantOrders.cancel')}
            </Button>
          ) : null}
          {o.shippedAt ? (
            <Button size="small" onClick={() => setTracking(o)} data-testid="order-tracking-open">
              {t('tracking.open')}
            </Button>
          ) : null}
          {o.status === 'shipped' ? (
            <Popconfirm
              title={t('merchantOrders.deliverConfirm')}
              onConfirm={() => deliver.mutate(o)}
              okButtonProps={{ 'data-testid': 'merchant-deliver-ok' } as ButtonProps}
            >
              <Button size="small" data-testid="merchant-deliver">
                {t('merchantOrders.deliver')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="merchant-orders-page">
      <PageHeader
        title={t('merchantOrders.title')}
        subtitle={t('merchantOrders.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} loading={list.isFetching && !list.loadingMore} onClick={() => void list.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
          options={FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`merchant-filter-${f}`}>{f === 'all' ? t('common.all') : t(`order.status.${f}`)}</span>,
          }))}
        />
        {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<OrderView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.orders}
          columns={columns}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(o) =>
            ({ 'data-testid': 'merchant-order-row', 'data-order-id': o.id, 'data-status': o.status }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: t('merchantOrders.empty') }}
        />
        {list.orders.length > 0 ? (
          <div className="lh-load-more">
            <Typography.Text type="secondary">{t('merchantOrders.shown', { n: list.orders.length })}</Typography.Text>
            {list.hasMore ? (
              <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="merchant-orders-more">
                {t('common.loadMore')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </Card>

      <Modal
        open={cancelling !== null}
        title={t('merchantOrders.cancelTitle', { no: cancelling?.orderNo ?? '' })}
        onCancel={() => setCancelling(null)}
        okText={t('order.cancelSubmit')}
        okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'merchant-cancel-ok' } as ButtonProps}
        onOk={() => cancelling && cancel.mutate({ o: cancelling, why: reason })}
        data-testid="merchant-cancel-modal"
      >
        <Typography.Paragraph type="secondary">{t('merchantOrders.cancelHint')}</Typography.Paragraph>
        <Typography.Text strong>{t('merchantOrders.cancelReason')}</Typography.Text>
        <Radio.Group
          value={reason}
          onChange={(e) => setReason(e.target.value as CancelReason)}
          style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
          options={CANCEL_REASONS.map((r) => ({
            value: r,
            label: <span data-testid={`merchant-cancel-reason-${r}`}>{t(`merchantOrders.reason.${r}`)}</span>,
          }))}
        />
      </Modal>

      <Modal
        open={tracking !== null}
        title={`${t('tracking.title')} · ${tracking?.orderNo ?? ''}`}
        footer={null}
        onCancel={() => setTracking(null)}
        destroyOnHidden
        data-testid="tracking-modal"
      >
        {tracking ? <TrackingTimeline orderId={tracking.id} /> : null}
      </Modal>
      <ShipDialog
        open={shipping !== null}
        title={t('merchantOrders.shipTitle', { no: shipping?.orderNo ?? '' })}
        hint={t('merchantOrders.shipHint')}
        submitLabel={t('merchantOrders.ship')}
        onCancel={() => setShipping(null)}
        onSubmit={async (body) => {
          if (!shipping) return;
          const next = await endpoints.shipOrder(shipping.id, body);
          setShipping(null);
          message.success(t('merchantOrders.shipped'));
          await replace(next);
        }}
      />
      <Modal
        open={label !== null}
        title={t('merchantOrders.labelTitle')}
        onCancel={() => setLabel(null)}
        footer={
          <Button onClick={() => setLabel(null)} data-testid="label-close">
            {t('common.confirm')}
          </Button>
        }
        data-testid="label-modal"
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('merchantOrders.labelAudited')} />
        {label ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('order.no')}>
              <span className="lh-mono">{label.orderNo}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('checkout.field.name')}>
              <span data-testid="label-name">{label.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('checkout.field.phone')}>
              <span className="lh-mono" data-testid="label-phone">
                {label.phone}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('checkout.field.region')}>{label.region}</Descriptions.Item>
            <Descriptions.Item label={t('checkout.field.detail')}>
              <span data-testid="label-detail">{label.detail}</span>
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Modal>
    </div>
  );
}
