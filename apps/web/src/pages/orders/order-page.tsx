/**
 * 订单详情 (buyer, `/orders/:id`): where the payment provider sends the payer back to. The status and its steps, the
 * masked address, the goods, where the order came from (the live session and its streamer), and what the buyer may
 * do now: 去支付 before the pay-by time runs out, 取消订单, 申请退款 while unshipped, 确认收货, 申请售后 within the
 * return window, and each return's progress with 寄回 and 撤销. A payment lands through the provider's signed
 * notification a moment after the redirect, so the page polls every second while a payment it started is pending;
 * it polls refunds and open returns more slowly.
 */
import { AlertOutlined, EnvironmentOutlined, LoadingOutlined, RollbackOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Descriptions, Empty, Popconfirm, Result, Skeleton, Space, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import type { OrderView, ReturnView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { ReasonDialog } from '../../components/reason-dialog.tsx';
import { formatFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { orderKeys, useOrder, useOrderReturns } from '../../queries/orders.ts';
import { FileComplaintModal } from '../complaints/complaint-parts.tsx';
import { ConsumerFrame } from './consumer-frame.tsx';
import { TrackingTimeline } from './tracking-timeline.tsx';
import {
  carrierLabel,
  clearPaying,
  FlashSaleTag,
  formatCountdown,
  markPaying,
  newIdempotencyKey,
  OPEN_RETURN_STATUSES,
  OrderStatusTag,
  orderStep,
  payingLeftMs,
  ReturnStatusTag,
  returnKindLabel,
  useNow,
} from './order-labels.tsx';
import { OrderLines } from './order-lines.tsx';
import { CrossBorderCountdown } from './order-labels.tsx';
import { ReturnRequestModal } from './return-request-modal.tsx';
import { ShipDialog } from './ship-dialog.tsx';

/** The step a return waits for (申请 → 商家同意 → 寄回 → 商家收货 → 退款); refunded is the last one, done. */
const RETURN_STEP: Record<ReturnView['status'], number> = {
  requested: 1,
  approved: 2,
  rejected: 1,
  shipped_back: 3,
  received: 4,
  refunded: 4,
  cancelled: 0,
  // 跨境退货: 申请 → 同意 → 退货申报 → 运抵监管场所 → 退款
  declared: 3,
  returned_to_bonded: 4,
};

function StatusBanner({ order, paying, refunding, now }: { order: OrderView; paying: boolean; refunding: boolean; now: number }) {
  const { t } = useI18n();
  const o = order;
  let title = t(`order.status.${o.status}`);
  let sub: string | null = null;
  if (o.status === 'created') {
    const left = Date.parse(o.payBy) - now;
    if (paying) {
      title = t('order.banner.confirming');
      sub = t('order.banner.confirmingSub');
    } else sub = left > 0 ? t('order.banner.payWithin', { time: formatCountdown(left) }) : t('order.banner.payExpired');
  } else if (o.status === 'paid') sub = refunding ? t('order.banner.refunding') : t('order.banner.paidSub');
  else if (o.status === 'shipped')
    sub = t('order.banner.shippedSub', { carrier: carrierLabel(t, o.carrier ?? ''), no: o.trackingNo ?? '' });
  else if (o.status === 'delivered')
    sub = o.returnBy ? t('order.banner.deliveredSub', { date: dayjs(o.returnBy).format('YYYY-MM-DD HH:mm') }) : null;
  else if (o.status === 'cancelled') sub = o.cancelReason ? t('order.banner.cancelledSub', { reason: o.cancelReason }) : null;
  else if (o.status === 'refunded') sub = t('order.banner.refundedSub', { amount: formatFen(o.refundedFen) });
  return (
    <div className={`lh-order-banner lh-order-banner-${o.status}`} data-testid="order-status" data-status={o.status} data-paying={paying}>
      <div className="lh-order-banner-title">
        {paying && o.status === 'created' ? <LoadingOutlined style={{ marginInlineEnd: 8 }} /> : null}
        {title}
      </div>
      {sub ? (
        <div className="lh-order-banner-sub" data-testid="order-status-sub">
          {sub}
        </div>
      ) : null}
    </div>
  );
}

function OrderSteps({ order }: { order: OrderView }) {
  const { t } = useI18n();
  if (order.status === 'cancelled') return null;
  // the step reached is done; the next one is what the order waits for
  const current = order.status === 'completed' ? 4 : Math.min(4, orderStep(order) + 1);
  const at = [order.createdAt, order.paidAt, order.shippedAt, order.deliveredAt, order.completedAt];
  return (
    <Card className="lh-buyer-card" size="small">
      <Steps
        size="small"
        responsive={false}
        titlePlacement="vertical"
        current={current}
        status={order.status === 'refunded' ? 'error' : order.status === 'completed' ? 'finish' : 'process'}
        className="lh-order-steps"
        items={(['created', 'paid', 'shipped', 'delivered', 'completed'] as const).map((k, i) => ({
          title: t(`order.step.${k}`),
          content: at[i] ? dayjs(at[i]).format('MM-DD HH:mm') : undefined,
        }))}
      />
    </Card>
  );
}

function ReturnCard({ r, onChanged }: { r: ReturnView; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [shipping, setShipping] = useState(false);
  const cancel = useMutation({
    mutationFn: () => endpoints.cancelReturn(r.id),
    onSuccess: () => {
      message.success(t('return.cancelled'));
      onChanged();
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  let hint: string;
  switch (r.status) {
    case 'requested':
      hint = t('return.hint.requested');
      break;
    case 'approved':
      hint = t('return.hint.approved');
      break;
    case 'rejected':
      hint = t('return.hint.rejected', { reason: r.rejectReason ?? '' });
      break;
    case 'shipped_back':
      hint = t('return.hint.shipped_back');
      break;
    case 'received':
      hint = t('return.hint.received', { date: r.refundDueAt ? dayjs(r.refundDueAt).format('YYYY-MM-DD') : '' });
      break;
    case 'refunded':
      hint = t('return.hint.refunded', { amount: formatFen(r.amountFen) });
      break;
    case 'cancelled':
      hint = t('return.hint.cancelled');
      break;
    case 'declared':
      hint = t('return.hint.declared', { no: r.crossBorder?.customsDeclarationNo ?? '' });
      break;
    case 'returned_to_bonded':
      hint = t('return.hint.returned_to_bonded');
      break;
  }
  return (
    <Card
      className="lh-buyer-card"
      size="small"
      data-testid="return-card"
      data-return-id={r.id}
      data-status={r.status}
      title={
        <Space size={6}>
          <RollbackOutlined />
          {t('return.title')}
          <ReturnStatusTag status={r.status} />
        </Space>
      }
    >
      {r.status !== 'cancelled' ? (
        <Steps
          size="small"
          responsive={false}
          titlePlacement="vertical"
          current={RETURN_STEP[r.status]}
          status={r.status === 'rejected' ? 'error' : r.status === 'refunded' ? 'finish' : 'process'}
          className="lh-order-steps"
          items={(r.crossBorder
            ? (['requested', 'approved', 'declared', 'returned_to_bonded', 'refunded'] as const)
            : (['requested', 'approved', 'shipped_back', 'received', 'refunded'] as const)
          ).map((k) => ({
            title: t(`return.step.${k}`),
          }))}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {r.crossBorder ? <CrossBorderCountdown r={r} /> : null}
      <div className={`lh-return-hint lh-return-hint-${r.status}`} data-testid="return-hint">
        {hint}
      </div>
      <Descriptions size="small" column={1} className="lh-buyer-desc">
        <Descriptions.Item label={t('return.kind')}>{returnKindLabel(t, r.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('return.reason')}>{r.reason}</Descriptions.Item>
        <Descriptions.Item label={t('return.goods')}>
          {r.lines.map((l) => `${l.title} · ${l.skuName} ×${l.qty}`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('return.amount')}>
          <span className="lh-buyer-price-sm" data-testid="return-amount">
            {formatFen(r.amountFen)}
          </span>
        </Descriptions.Item>
        {r.carrier ? (
          <Descriptions.Item label={t('return.shipment')}>
            <Space size={6}>
              {carrierLabel(t, r.carrier)}
              <span className="lh-mono">{r.trackingNo}</span>
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {r.status === 'approved' || r.status === 'requested' ? (
        <div className="lh-return-actions">
          <Popconfirm
            title={t('return.cancelConfirm')}
            onConfirm={() => cancel.mutate()}
            okButtonProps={{ 'data-testid': 'return-cancel-ok' } as ButtonProps}
          >
            <Button size="small" loading={cancel.isPending} data-testid="return-cancel">
              {t('return.cancel')}
            </Button>
          </Popconfirm>
          {r.status === 'approved' ? (
            <Button size="small" type="primary" onClick={() => setShipping(true)} data-testid="return-ship">
              {t('return.shipBack')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ShipDialog
        open={shipping}
        title={t('return.shipBackTitle')}
        hint={t('return.shipBackHint')}
        submitLabel={t('return.shipBackSubmit')}
        onCancel={() => setShipping(false)}
        onSubmit={async (body) => {
          await endpoints.shipReturn(r.id, body);
          setShipping(false);
          message.success(t('return.shippedBack'));
          onChanged();
        }}
      />
    </Card>
  );
}

export function OrderPage() {
  const me = useMe();
  const [complaining, setComplaining] = useState(false);
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [paying, setPaying] = useState(() => payingLeftMs(id) > 0);
  const [refundAsked, setRefunding] = useState(false);
  const [dialog, setDialog] = useState<'cancel' | 'refund' | 'return' | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const returns = useOrderReturns(id, {
    refetchInterval: (q) => (q.state.data?.some((r) => OPEN_RETURN_STATUSES.has(r.status)) ? 3000 : false),
  });
  const openReturn = returns.data?.some((r) => OPEN_RETURN_STATUSES.has(r.status)) ?? false;
  const order = useOrder(id, {
    staleTime: 0,
    refetchInterval: (q) => {
      const o = q.state.data;
      if (!o) return false;
      if (o.status === 'created' && paying) return 1000;
      if (o.status === 'paid' && (refundAsked || o.refundPending)) return 1000;
      return openReturn ? 3000 : false;
    },
  });
  const o = order.data;
  // asked here, or asked before a reload and still waiting for the provider's answer
  const refunding = refundAsked || (o?.refundPending ?? false);
  const now = useNow(o?.status === 'created');

  // the payment landed (or the order closed): stop polling and forget the mark
  useEffect(() => {
    if (o && o.status !== 'created' && paying) {
      clearPaying(o.id);
      setPaying(false);
      if (o.status === 'paid') message.success(t('order.paidToast'));
    }
  }, [o, paying, message, t]);
  // a declined payment sends no notification: stop waiting after a while (去支付 stays offered meanwhile)
  useEffect(() => {
    if (!paying) return;
    const timer = setTimeout(() => setPaying(false), payingLeftMs(id));
    return () => clearTimeout(timer);
  }, [paying, id]);
  useEffect(() => {
    if (o && o.status !== 'paid' && refundAsked) setRefunding(false);
  }, [o, refundAsked]);
  // a return that moved (refunded above all) changes the order too: read it again
  const returnStates = (returns.data ?? []).map((r) => r.status).join(',');
  useEffect(() => {
    if (returnStates) void queryClient.invalidateQueries({ queryKey: orderKeys.order(id) });
  }, [returnStates, id, queryClient]);

  const settle = async (next: OrderView) => {
    queryClient.setQueryData(orderKeys.order(id), next);
    await queryClient.invalidateQueries({ queryKey: orderKeys.lists });
  };

  const pay = useMutation({
    mutationFn: () => endpoints.payOrder(id, newIdempotencyKey()),
    onSuccess: (started) => {
      markPaying(id);
      window.location.assign(started.payUrl);
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const cancel = useMutation({
    mutationFn: (reason: string) => endpoints.cancelOrder(id, reason),
    onMutate: () => setDialogError(null),
    onSuccess: async (next) => {
      setDialog(null);
      message.success(t('order.cancelled'));
      await settle(next);
    },
    onError: (e) => setDialogError(errorMessage(e, t('common.networkError'))),
  });
  const refund = useMutation({
    mutationFn: (reason: string) => endpoints.refundOrder(id, reason),
    onMutate: () => setDialogError(null),
    onSuccess: async (next) => {
      setDialog(null);
      setRefunding(true);
      message.success(t('order.refundRequested'));
      await settle(next);
    },
    onError: (e) => setDialogError(errorMessage(e, t('common.networkError'))),
  });
  const deliver = useMutation({
    mutationFn: () => endpoints.deliverOrder(id),
    onSuccess: async (next) => {
      message.success(t('order.delivered'));
      await settle(next);
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });

  if (order.isPending)
    return (
      <ConsumerFrame title={t('order.detailTitle')} backTo="/orders" testId="order-page">
        <Card className="lh-buyer-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </ConsumerFrame>
    );
  if (order.error || !o)
    return (
      <ConsumerFrame title={t('order.detailTitle')} backTo="/orders" testId="order-page">
        <Result
          status="404"
          title={t('order.notFound')}
          subTitle={errorMessage(order.error, t('common.networkError'))}
          extra={<Button onClick={() => navigate('/orders')}>{t('nav.myOrders')}</Button>}
        />
      </ConsumerFrame>
    );

  const payLeft = Date.parse(o.payBy) - now;
  const returnable = o.lines.some((l) => l.qty - l.returnedQty > 0);
  const inWindow = o.returnBy !== null && Date.parse(o.returnBy) > Date.now();

  let actions: ReactNode = null;
  if (o.status === 'created')
    actions = (
      <>
        <Button shape="round" onClick={() => setDialog('cancel')} data-testid="order-cancel">
          {t('order.cancel')}
        </Button>
        <Button
          type="primary"
          danger
          shape="round"
          loading={pay.isPending}
          disabled={payLeft <= 0}
          onClick={() => pay.mutate()}
          data-testid="order-pay"
        >
          {payLeft > 0 ? t('order.payNow', { time: formatCountdown(payLeft) }) : t('order.payExpired')}
        </Button>
      </>
    );
  else if (o.status === 'paid')
    actions = refunding ? (
      <span className="lh-buyer-muted">{t('order.banner.refunding')}</span>
    ) : (
      <Button shape="round" onClick={() => setDialog('refund')} data-testid="order-refund">
        {t('order.refund')}
      </Button>
    );
  else if (o.status === 'shipped')
    actions = (
      <Popconfirm
        title={t('order.deliverConfirm')}
        onConfirm={() => deliver.mutate()}
        okButtonProps={{ 'data-testid': 'order-deliver-ok' } as ButtonProps}
      >
        <Button type="primary" danger shape="round" loading={deliver.isPending} data-testid="order-deliver">
          {t('order.deliver')}
        </Button>
      </Popconfirm>
    );
  else if (o.status === 'delivered' && returnable && !openReturn)
    actions = (
      <Button shape="round" onClick={() => setDialog('return')} data-testid="order-return">
        {t('order.afterSales')}
      </Button>
    );
  // 投诉: a consumer's paid order (paid, shipped, delivered, completed or refunded) may be complained about
  const complain =
    me.role === 'consumer' && o.paidAt ? (
      <Button shape="round" icon={<AlertOutlined />} onClick={() => setComplaining(true)} data-testid="order-complain">
        {t('complaint.file.button')}
      </Button>
    ) : null;
  const backToRoom = o.attribution.sessionId ? (
    <Link to={`/live/rooms/${o.attribution.sessionId}`} data-testid="order-back-room">
      <Button shape="round" icon={<VideoCameraOutlined />}>
        {t('order.backToRoom')}
      </Button>
    </Link>
  ) : null;

  return (
    <ConsumerFrame
      title={t('order.detailTitle')}
      backTo="/orders"
      testId="order-page"
      footer={
        <div className="lh-order-actions">
          {actions === null ? backToRoom : null}
          {complain}
          {actions}
        </div>
      }
    >
      <StatusBanner order={o} paying={paying} refunding={refunding} now={now} />
      <OrderSteps order={o} />

      <Card className="lh-buyer-card" size="small" data-testid="order-address">
        <div className="lh-order-address">
          <EnvironmentOutlined className="lh-order-address-icon" />
          <div>
            <div>
              <Typography.Text strong>{o.address.name}</Typography.Text> <span className="lh-mono">{o.address.phone}</span>
            </div>
            <div className="lh-buyer-muted">
              {o.address.region} {o.address.detail}
            </div>
          </div>
        </div>
      </Card>

      <Card
        className="lh-buyer-card"
        size="small"
        data-testid="order-goods"
        title={
          <Space size={6}>
            {o.merchantName}
            {o.attribution.flashSaleId ? <FlashSaleTag /> : null}
          </Space>
        }
        extra={<OrderStatusTag status={o.status} />}
      >
        <OrderLines order={o} badges />
        <div className="lh-order-total">
          {o.refundedFen > 0 ? (
            <span className="lh-buyer-warn" data-testid="order-refunded">
              {t('order.refundedAmount', { amount: formatFen(o.refundedFen) })}
            </span>
          ) : null}
          <span>
            {t(o.paidAt ? 'order.paidTotal' : 'order.dueTotal')}{' '}
            <span className="lh-buyer-price" data-testid="order-total">
              {formatFen(o.totalFen)}
            </span>
          </span>
        </div>
      </Card>

      {(returns.data ?? []).map((r) => (
        <ReturnCard
          key={r.id}
          r={r}
          onChanged={() => {
            void returns.refetch();
            void order.refetch();
          }}
        />
      ))}

      <Card className="lh-buyer-card" size="small" data-testid="order-info">
        <Descriptions size="small" column={1} className="lh-buyer-desc">
          <Descriptions.Item label={t('order.no')}>
            <span className="lh-mono" data-testid="order-no">
              {o.orderNo}
            </span>
          </Descriptions.Item>
          {o.attribution.sessionTitle ? (
            <Descriptions.Item label={t('order.fromRoom')}>
              <span data-testid="order-attribution">
                {o.attribution.sessionTitle}
                {o.attribution.streamerName ? ` · ${o.attribution.streamerName}` : ''}
              </span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('order.createdAt')}>{dayjs(o.createdAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          {o.paidAt ? (
            <Descriptions.Item label={t('order.paidAt')}>{dayjs(o.paidAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          ) : null}
          {o.shippedAt ? (
            <Descriptions.Item label={t('order.shippedAt')}>{dayjs(o.shippedAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          ) : null}
          {o.carrier ? (
            <Descriptions.Item label={t('order.shipment')}>
              <Space size={6}>
                {carrierLabel(t, o.carrier)}
                <span className="lh-mono">{o.trackingNo}</span>
              </Space>
            </Descriptions.Item>
          ) : null}
          {o.deliveredAt ? (
            <Descriptions.Item label={t('order.deliveredAt')}>{dayjs(o.deliveredAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          ) : null}
          {o.returnBy && o.status === 'delivered' ? (
            <Descriptions.Item label={t('order.returnBy')}>
              <span data-testid="order-return-by">
                {dayjs(o.returnBy).format('YYYY-MM-DD HH:mm')}
                {inWindow ? '' : ` · ${t('order.windowClosed')}`}
              </span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {o.shippedAt ? (
        <Card className="lh-buyer-card" size="small" title={t('tracking.title')} data-testid="order-tracking">
          <TrackingTimeline orderId={o.id} />
        </Card>
      ) : null}
      {o.lines.length === 0 ? <Empty /> : null}

      <ReasonDialog
        open={dialog === 'cancel' || dialog === 'refund'}
        resetKey={dialog}
        title={dialog === 'refund' ? t('order.refundTitle') : t('order.cancelTitle')}
        hint={dialog === 'refund' ? t('order.refundHint', { amount: formatFen(o.totalFen - o.refundedFen) }) : t('order.cancelHint')}
        label={t('order.reason')}
        placeholder={dialog === 'refund' ? t('order.refundPlaceholder') : t('order.cancelPlaceholder')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 2, message: t('return.request.reasonShort') },
        ]}
        maxLength={200}
        isValid={(s) => s.length >= 2}
        submitLabel={dialog === 'refund' ? t('order.refundSubmit') : t('order.cancelSubmit')}
        danger
        loading={cancel.isPending || refund.isPending}
        error={dialogError}
        testIds={{ modal: 'order-reason-modal', input: 'order-reason', submit: 'order-reason-submit', error: 'order-reason-error' }}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => (dialog === 'refund' ? refund.mutate(reason) : cancel.mutate(reason))}
      />
      <ReturnRequestModal
        order={o}
        open={dialog === 'return'}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          message.success(t('return.requested'));
          void returns.refetch();
        }}
      />
      <FileComplaintModal order={o} open={complaining} onClose={() => setComplaining(false)} />
    </ConsumerFrame>
  );
}
