/**
 * The platform's payout desk: payouts waiting for approval (approve, or reject with a reason: the funds return),
 * recent payouts of every party, and payout holds (冻结) — place one on a party, release it.
 */
import type { PayoutHoldView, PayoutView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { formatFen } from '../../lib/money.ts';
import { useOrgs } from '../../queries/identity.ts';
import { payoutApi, payoutKeys, usePayoutHolds, usePayouts } from '../../queries/payouts.ts';
import { formatTime } from './payouts-labels.tsx';
import { PayoutTable } from './payouts-panel.tsx';

function RejectModal({ payout, onClose }: { payout: PayoutView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useFormMutation<{ reason: string }, unknown>({
    form,
    mutationFn: (v) => payoutApi.reject(payout?.id as string, v.reason.trim()),
    fields: ['reason'],
    success: 'payout.rejected',
    onSuccess: onClose,
    invalidate: [payoutKeys.all],
  });
  return (
    <FormModal<{ reason: string }>
      open={payout !== null}
      title={payout ? `${t('payout.reject')} · ${payout.partyName} ${formatFen(payout.amountFen)}` : ''}
      onClose={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      okText={t('payout.reject')}
      okButtonProps={{ danger: true }}
    >
      <Form.Item
        name="reason"
        label={t('payout.rejectReason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
      >
        <Input.TextArea maxLength={200} rows={3} data-testid="payout-reject-reason" />
      </Form.Item>
    </FormModal>
  );
}

export function PayoutApprovalsPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pending = usePayouts('pending_approval', 10_000);
  const recent = usePayouts(undefined, 10_000);
  const [rejecting, setRejecting] = useState<PayoutView | null>(null);
  const approve = useMutation({
    mutationFn: (id: string) => payoutApi.approve(id),
    onSuccess: async () => {
      message.success(t('payout.approved'));
      await queryClient.invalidateQueries({ queryKey: payoutKeys.all });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('payout.approvals.title')}>
        <Table<PayoutView>
          rowKey="id"
          size="middle"
          loading={pending.isPending}
          dataSource={pending.data ?? []}
          pagination={false}
          locale={{ emptyText: t('payout.empty') }}
          data-testid="payout-approvals"
          columns={[
            { title: t('payout.col.time'), dataIndex: 'requestedAt', render: (v: string) => formatTime(v) },
            {
              title: t('payout.col.party'),
              key: 'party',
              render: (_: unknown, p) => `${p.partyName}（${t(`payout.party.${p.partyKind}`)}）`,
            },
            { title: t('payout.col.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
            {
              title: t('payout.col.account'),
              key: 'account',
              render: (_: unknown, p) => `${t(`payout.method.${p.method}`)} ${p.accountName} ${p.accountNo}`,
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, p) => (
                <Space>
                  <Popconfirm
                    title={`${t('payout.approve')} ${formatFen(p.amountFen)}?`}
                    onConfirm={() => approve.mutate(p.id)}
                    okButtonProps={{ 'data-testid': 'payout-approve-ok' } as ButtonProps}
                  >
                    <Button
                      type="primary"
                      size="small"
                      loading={approve.isPending && approve.variables === p.id}
                      data-testid="payout-approve"
                    >
                      {t('payout.approve')}
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger onClick={() => setRejecting(p)} data-testid="payout-reject">
                    {t('payout.reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <PayoutHoldsCard />
      <Card title={t('payout.recent')}>
        <PayoutTable rows={recent.data ?? []} loading={recent.isPending} withParty />
      </Card>
      <RejectModal payout={rejecting} onClose={() => setRejecting(null)} />
    </Space>
  );
}

interface HoldValues {
  partyId: string;
  reason: string;
}

function PayoutHoldsCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const holds = usePayoutHolds();
  const merchants = useOrgs('merchant');
  const mcns = useOrgs('mcn');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<HoldValues>();
  const place = useFormMutation<HoldValues, unknown>({
    form,
    mutationFn: (v) => payoutApi.hold(v.partyId, v.reason.trim()),
    fields: ['partyId', 'reason'],
    success: 'payout.holds.placed',
    onSuccess: () => setOpen(false),
    invalidate: [payoutKeys.all],
  });
  const release = useMutation({
    mutationFn: (partyId: string) => payoutApi.release(partyId),
    onSuccess: async () => {
      message.success(t('payout.holds.released'));
      await queryClient.invalidateQueries({ queryKey: payoutKeys.all });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const options = [...(merchants.data?.items ?? []), ...(mcns.data?.items ?? [])].map((o) => ({ value: o.id, label: o.name }));
  return (
    <Card
      title={t('payout.holds.title')}
      extra={
        <Button onClick={() => setOpen(true)} data-testid="payout-hold-open">
          {t('payout.holds.add')}
        </Button>
      }
    >
      <Table<PayoutHoldView>
        rowKey="id"
        size="middle"
        loading={holds.isPending}
        dataSource={holds.data ?? []}
        pagination={false}
        locale={{ emptyText: t('payout.holds.empty') }}
        columns={[
          { title: t('payout.holds.party'), dataIndex: 'partyName' },
          { title: t('payout.holds.reason'), dataIndex: 'reason' },
          { title: t('payout.holds.since'), dataIndex: 'placedAt', render: (v: string) => formatTime(v) },
          {
            title: '',
            key: 'release',
            render: (_: unknown, h) => (
              <Popconfirm title={`${t('payout.holds.release')}?`} onConfirm={() => release.mutate(h.partyId)}>
                <Button size="small">{t('payout.holds.release')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <FormModal<HoldValues>
        open={open}
        title={t('payout.holds.add')}
        onClose={() => setOpen(false)}
        form={form}
        onFinish={(v) => place.mutate(v)}
        pending={place.isPending}
        okText={t('common.confirm')}
      >
        <Form.Item name="partyId" label={t('payout.holds.party')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="payout-hold-party" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('payout.holds.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
        >
          <Input.TextArea maxLength={200} rows={3} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

export function PayoutApprovalsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('payout.approvals.title')} subtitle={t('payout.approvals.subtitle')} />
      <PayoutApprovalsPanel />
    </>
  );
}
