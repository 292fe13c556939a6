/**
 * 渠道对账: the runs by day, a day's differences with their Chinese type labels, and the resolve dialog (FormModal)
 * where finance records how a difference was settled. Platform admins run and resolve; regulators read.
 */
import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ReconciliationDayView, ReconciliationItemView, ReconciliationRunView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { formatFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { statementEndpoints, statementKeys, useReconciliationDay, useReconciliationRuns } from '../../queries/statements.ts';

const TYPE_COLOR: Record<ReconciliationItemView['type'], string> = {
  long: 'gold',
  short: 'red',
  missing_notification: 'orange',
  amount_mismatch: 'volcano',
  duplicate: 'purple',
  unposted: 'magenta',
};

function ResolveDialog({ item, onClose }: { item: ReconciliationItemView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useFormMutation<{ note: string }, ReconciliationDayView>({
    form,
    fields: ['note'],
    mutationFn: (v) => statementEndpoints.resolveDifference(item?.id ?? '', v.note),
    success: 'reconciliation.resolved',
    onSuccess: onClose,
    invalidate: [statementKeys.reconciliation],
  });
  return (
    <FormModal<{ note: string }>
      open={item !== null}
      title={t('reconciliation.resolveTitle')}
      onClose={onClose}
      form={form}
      onFinish={(v) => resolve.mutate(v)}
      pending={resolve.isPending}
      okText={t('reconciliation.resolve')}
      formTestId="reconciliation-resolve-form"
      intro={
        item ? (
          <Alert
            style={{ marginBottom: 16 }}
            type="warning"
            message={`${t(`reconciliation.type.${item.type}` as MessageKey)} · ${item.cause}`}
          />
        ) : null
      }
    >
      <Form.Item name="note" label={t('reconciliation.note')} rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input.TextArea rows={3} placeholder={t('reconciliation.notePlaceholder')} data-testid="reconciliation-note" />
      </Form.Item>
    </FormModal>
  );
}

function DayDifferences({ day, canWrite }: { day: string; canWrite: boolean }) {
  const { t } = useI18n();
  const view = useReconciliationDay(day);
  const [resolving, setResolving] = useState<ReconciliationItemView | null>(null);
  const columns: TableColumnsType<ReconciliationItemView> = [
    {
      title: t('reconciliation.type'),
      dataIndex: 'type',
      width: 120,
      render: (v: ReconciliationItemView['type']) => <Tag color={TYPE_COLOR[v]}>{t(`reconciliation.type.${v}` as MessageKey)}</Tag>,
    },
    {
      title: t('reconciliation.refKind'),
      dataIndex: 'refKind',
      width: 90,
      render: (v: 'payment' | 'refund') => t(`reconciliation.refKind.${v}`),
    },
    { title: t('reconciliation.order'), dataIndex: 'orderNo', width: 180, render: (v: string | null) => v ?? '—' },
    { title: t('reconciliation.billFen'), dataIndex: 'billFen', align: 'right', width: 110, render: (v: number | null) => formatFen(v) },
    { title: t('reconciliation.ourFen'), dataIndex: 'ourFen', align: 'right', width: 110, render: (v: number | null) => formatFen(v) },
    { title: t('reconciliation.cause'), dataIndex: 'cause' },
    {
      title: t('reconciliation.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, i) =>
        i.status === 'resolved' ? (
          <Tooltip title={`${i.resolvedByName ?? ''} ${i.resolvedAt ? dayjs(i.resolvedAt).format('YYYY-MM-DD HH:mm') : ''}`}>
            <Space direction="vertical" size={0}>
              <Tag icon={<CheckCircleOutlined />} color="success">
                {t('reconciliation.status.resolved')}
              </Tag>
              <Typography.Text type="secondary">{i.resolutionNote}</Typography.Text>
            </Space>
          </Tooltip>
        ) : canWrite ? (
          <Button size="small" onClick={() => setResolving(i)} data-testid="reconciliation-resolve">
            {t('reconciliation.resolve')}
          </Button>
        ) : (
          <Tag>{t('reconciliation.status.open')}</Tag>
        ),
    },
  ];
  if (view.error) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  return (
    <Card size="small" title={`${day} · ${t('reconciliation.differences')}`} loading={view.isPending} data-testid="reconciliation-day">
      {view.data && view.data.items.length === 0 ? (
        <Alert type="success" showIcon message={t('reconciliation.clean')} />
      ) : (
        <Table<ReconciliationItemView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={view.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
        />
      )}
      <ResolveDialog item={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}

export function ReconciliationPanel() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = me.role === 'platform_admin';
  const runs = useReconciliationRuns();
  const [day, setDay] = useState<Dayjs>(dayjs().subtract(1, 'day'));
  const [selected, setSelected] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (d: string) => statementEndpoints.runReconciliation(d),
    onSuccess: async (v) => {
      message.success(t('reconciliation.done'));
      setSelected(v.run.day);
      await queryClient.invalidateQueries({ queryKey: statementKeys.reconciliation });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const columns: TableColumnsType<ReconciliationRunView> = [
    { title: t('reconciliation.day'), dataIndex: 'day', width: 120 },
    { title: t('reconciliation.billRows'), dataIndex: 'billRows', align: 'right' },
    { title: t('reconciliation.matched'), dataIndex: 'matched', align: 'right' },
    {
      title: t('reconciliation.differences'),
      dataIndex: 'differences',
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    { title: t('reconciliation.billPayments'), dataIndex: 'billPaymentsFen', align: 'right', render: (v: number) => formatFen(v) },
    { title: t('reconciliation.billRefunds'), dataIndex: 'billRefundsFen', align: 'right', render: (v: number) => formatFen(v) },
    { title: t('reconciliation.billFees'), dataIndex: 'billFeesFen', align: 'right', render: (v: number) => formatFen(v) },
    { title: t('reconciliation.runCount'), dataIndex: 'runs', align: 'right' },
    { title: t('reconciliation.finishedAt'), dataIndex: 'finishedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
  ];
  return (
    <div data-testid="reconciliation-panel">
      {canWrite ? (
        <Card style={{ marginBottom: 16 }}>
          <Space wrap>
            <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} data-testid="reconciliation-day-picker" />
            <Button
              type="primary"
              icon={<ReloadOutlined />}
              loading={run.isPending}
              onClick={() => run.mutate(day.format('YYYY-MM-DD'))}
              data-testid="reconciliation-run"
            >
              {t('reconciliation.run')}
            </Button>
          </Space>
        </Card>
      ) : null}
      <Card size="small" title={t('reconciliation.runs')} style={{ marginBottom: 16 }}>
        {runs.error ? (
          <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <Table<ReconciliationRunView>
            rowKey="day"
            size="small"
            loading={runs.isPending}
            columns={columns}
            dataSource={runs.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('reconciliation.noRuns') }}
            onRow={(r) => ({ onClick: () => setSelected(r.day), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.day === selected ? 'ant-table-row-selected' : '')}
            data-testid="reconciliation-runs"
          />
        )}
      </Card>
      {selected ? <DayDifferences day={selected} canWrite={canWrite} /> : null}
    </div>
  );
}
