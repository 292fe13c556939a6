/**
 * 售后 (merchant, `/merchant/returns`): the shop's return requests. 同意 or 拒绝 (with a reason the buyer sees) a
 * request; once the buyer has sent the goods back, 确认收货并退款 refunds at once. A return received but not refunded
 * within 7 days is overdue (消费者权益保护法: refund within seven days of receiving the goods) and is highlighted.
 * A cross-border return (跨境退货) instead takes 退货申报 (the customs declaration number) and 确认运抵并退款, with the
 * 30 days from customs release counted down (海关总署公告2020年第45号); an overdue one may be refunded as it is.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Popconfirm, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ReturnStatus, ReturnView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { ReasonDialog } from '../../components/reason-dialog.tsx';
import { formatFen } from '../../lib/money.ts';
import { orderKeys, useReturns } from '../../queries/orders.ts';
import { carrierLabel, CrossBorderCountdown, OPEN_RETURN_STATUSES, ReturnStatusTag, returnKindLabel } from './order-labels.tsx';
import './orders.css';

const FILTERS = [
  'all',
  'requested',
  'shipped_back',
  'received',
  'approved',
  'declared',
  'returned_to_bonded',
  'refunded',
  'rejected',
  'cancelled',
] as const;
type Filter = (typeof FILTERS)[number];

export function MerchantReturnsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [rejecting, setRejecting] = useState<ReturnView | null>(null);
  const [rejectError, setRejectError] = useState<string | null>(null);
  const [declaring, setDeclaring] = useState<ReturnView | null>(null);
  const [declareError, setDeclareError] = useState<string | null>(null);
  const status: ReturnStatus | undefined = filter === 'all' ? undefined : filter;
  const list = useReturns('merchant', status, {
    staleTime: 0,
    // a refund lands through the provider's notification a moment after 确认收货并退款
    refetchInterval: (q) => (q.state.data?.some((r) => OPEN_RETURN_STATUSES.has(r.status)) ? 3000 : 15_000),
  });
  const items = list.data ?? [];
  const overdue = items.filter((r) => r.overdue).length;

  const settle = async (next: ReturnView, done: string) => {
    message.success(done);
    queryClient.setQueryData<ReturnView[]>(orderKeys.returns('merchant', status), (old) => old?.map((r) => (r.id === next.id ? next : r)));
    await queryClient.invalidateQueries({ queryKey: orderKeys.allReturns });
    await queryClient.invalidateQueries({ queryKey: orderKeys.lists });
  };
  const act = useMutation({
    mutationFn: (input: { r: ReturnView; action: 'approve' | 'receive' | 'refund' | 'arrive' }) =>
      input.action === 'approve'
        ? endpoints.approveReturn(input.r.id)
        : input.action === 'receive'
          ? endpoints.receiveReturn(input.r.id)
          : input.action === 'arrive'
            ? endpoints.arriveReturn(input.r.id)
            : endpoints.refundReturn(input.r.id),
    onSuccess: (next, input) => settle(next, t(`merchantReturns.done.${input.action}`)),
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const reject = useMutation({
    mutationFn: (input: { r: ReturnView; reason: string }) => endpoints.rejectReturn(input.r.id, input.reason),
    onMutate: () => setRejectError(null),
    onSuccess: async (next) => {
      setRejecting(null);
      await settle(next, t('merchantReturns.done.reject'));
    },
    onError: (e) => setRejectError(errorMessage(e, t('common.networkError'))),
  });

  const declare = useMutation({
    mutationFn: (input: { r: ReturnView; no: string }) => endpoints.declareReturn(input.r.id, input.no),
    onMutate: () => setDeclareError(null),
    onSuccess: async (next) => {
      setDeclaring(null);
      await settle(next, t('merchantReturns.done.declare'));
    },
    onError: (e) => setDeclareError(errorMessage(e, t('common.networkError'))),
  });

  const confirmButton = (r: ReturnView, action: 'approve' | 'receive' | 'refund' | 'arrive', primary: boolean) => (
    <Popconfirm
      key={action}
      title={t(`merchantReturns.confirm.${action}`, { amount: formatFen(r.amountFen) })}
      onConfirm={() => act.mutate({ r, action })}
      okButtonProps={{ 'data-testid': 'return-confirm-ok' } as ButtonProps}
    >
      <Button
        size="small"
        type={primary ? 'primary' : 'default'}
        loading={act.isPending && act.variables?.r.id === r.id && act.variables.action === action}
        data-testid={`return-${action}`}
      >
        {t(`merchantReturns.action.${action}`)}
      </Button>
    </Popconfirm>
  );

  const columns: TableColumnsType<ReturnView> = [
    {
      title: t('merchantReturns.col.order'),
      key: 'order',
      width: 180,
      render: (_: unknown, r) => (
        <div>
          <span className="lh-mono">{r.orderNo}</span>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('merchantReturns.col.goods'),
      key: 'goods',
      render: (_: unknown, r) => (
        <div>
          {r.lines.map((l) => (
            <div key={l.lineNo}>
              {l.title}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.skuName} ×{l.qty}
              </Typography.Text>
            </div>
          ))}
        </div>
      ),
    },
    {
      title: t('merchantReturns.col.reason'),
      key: 'reason',
      width: 220,
      render: (_: unknown, r) => (
        <div>
          <Tag color={r.kind === 'quality' ? 'orange' : 'blue'} style={{ marginInlineEnd: 6 }}>
            {returnKindLabel(t, r.kind)}
          </Tag>
          <Typography.Text>{r.reason}</Typography.Text>
          {r.rejectReason ? (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('merchantReturns.rejectedWith', { reason: r.rejectReason })}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('merchantReturns.col.amount'),
      key: 'amount',
      width: 110,
      render: (_: unknown, r) => <span className="lh-money">{formatFen(r.amountFen)}</span>,
    },
    {
      title: t('merchantReturns.col.status'),
      key: 'status',
      width: 210,
      render: (_: unknown, r) => (
        <div>
          <Space size={4} wrap>
            <ReturnStatusTag status={r.status} />
            {r.overdue ? (
              <Tag color="error" variant="solid" style={{ marginInlineEnd: 0 }} data-testid="return-overdue">
                {t('merchantReturns.overdue')}
              </Tag>
            ) : null}
          </Space>
          {r.carrier ? (
            <div style={{ fontSize: 12, marginTop: 4 }}>
              {carrierLabel(t, r.carrier)} <span className="lh-mono">{r.trackingNo}</span>
            </div>
          ) : null}
          {r.crossBorder ? <CrossBorderCountdown r={r} /> : null}
          {r.refundDueAt && r.status === 'received' ? (
            <div style={{ fontSize: 12 }}>
              <Typography.Text type={r.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {t('merchantReturns.refundDue', { date: dayjs(r.refundDueAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {r.status === 'requested' ? (
            <>
              {confirmButton(r, 'approve', true)}
              <Button
                size="small"
                danger
                onClick={() => {
                  setRejectError(null);
                  setRejecting(r);
                }}
                data-testid="return-reject"
              >
                {t('merchantReturns.action.reject')}
              </Button>
            </>
          ) : null}
          {r.status === 'shipped_back' ? confirmButton(r, 'receive', true) : null}
          {r.status === 'received' && !r.refundIssued ? confirmButton(r, 'refund', r.overdue) : null}
          {r.crossBorder && r.status === 'approved' && !r.crossBorder.overdue ? (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                setDeclareError(null);
                setDeclaring(r);
              }}
              data-testid="return-declare"
            >
              {t('merchantReturns.action.declare')}
            </Button>
          ) : null}
          {r.crossBorder && r.status === 'declared' && !r.crossBorder.overdue ? confirmButton(r, 'arrive', true) : null}
          {r.crossBorder && (r.status === 'approved' || r.status === 'declared') && r.crossBorder.overdue && !r.refundIssued
            ? confirmButton(r, 'refund', true)
            : null}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="merchant-returns-page">
      <PageHeader
        title={t('merchantReturns.title')}
        subtitle={t('merchantReturns.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} loading={list.isFetching} onClick={() => void list.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({
              value: f,
              label: <span data-testid={`returns-filter-${f}`}>{f === 'all' ? t('common.all') : t(`order.returnStatus.${f}`)}</span>,
            }))}
          />
          {overdue > 0 ? (
            <Tag color="error" data-testid="returns-overdue-count">
              {t('merchantReturns.overdueCount', { n: overdue })}
            </Tag>
          ) : null}
        </Space>
        {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<ReturnView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={items}
          columns={columns}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowClassName={(r) => (r.overdue ? 'lh-return-row-overdue' : '')}
          onRow={(r) =>
            ({ 'data-testid': 'merchant-return-row', 'data-return-id': r.id, 'data-status': r.status }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: t('merchantReturns.empty') }}
        />
      </Card>
      <ReasonDialog
        open={rejecting !== null}
        resetKey={rejecting?.id}
        title={t('merchantReturns.rejectTitle')}
        hint={t('merchantReturns.rejectHint')}
        label={t('order.reason')}
        placeholder={t('merchantReturns.rejectPlaceholder')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 2, message: t('return.request.reasonShort') },
        ]}
        maxLength={300}
        isValid={(s) => s.length >= 2}
        submitLabel={t('merchantReturns.action.reject')}
        danger
        loading={reject.isPending}
        error={rejectError}
        testIds={{ modal: 'reject-modal', input: 'reject-reason', submit: 'reject-submit', error: 'reject-error' }}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => {
          if (rejecting) reject.mutate({ r: rejecting, reason });
        }}
      />
      <ReasonDialog
        open={declaring !== null}
        resetKey={declaring?.id}
        title={t('merchantReturns.declareTitle')}
        hint={t('merchantReturns.declareHint')}
        label={t('merchantReturns.declareLabel')}
        placeholder={t('merchantReturns.declarePlaceholder')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { pattern: /^[0-9A-Za-z-]{6,40}$/, message: t('merchantReturns.declareFormat') },
        ]}
        maxLength={40}
        isValid={(s) => /^[0-9A-Za-z-]{6,40}$/.test(s)}
        submitLabel={t('merchantReturns.action.declare')}
        danger={false}
        loading={declare.isPending}
        error={declareError}
        testIds={{ modal: 'declare-modal', input: 'declare-no', submit: 'declare-submit', error: 'declare-error' }}
        onCancel={() => setDeclaring(null)}
        onSubmit={(no) => {
          if (declaring) declare.mutate({ r: declaring, no: no.trim() });
        }}
      />
    </div>
  );
}
