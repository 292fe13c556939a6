/**
 * 提现 for a merchant, a streamer or an MCN: what is available and in transit, the withdraw form, and the payout list
 * with Chinese status labels. `PayoutsPanel` is the part a finance page shell embeds; `PayoutsPage` stands alone.
 */
import type { PayoutView } from '@livehub/contracts';
import { Alert, Button, Card, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { usePayoutSummary, usePayouts } from '../../queries/payouts.ts';
import { formatTime, PayoutStatusTag } from './payouts-labels.tsx';
import { WithdrawModal } from './payouts-withdraw-modal.tsx';

export function PayoutsPanel() {
  const { t } = useI18n();
  // both refreshed while a transfer may still be answered by the provider
  const summary = usePayoutSummary(5000);
  const payouts = usePayouts(undefined, 5000);
  const [open, setOpen] = useState(false);
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {s?.hold ? <Alert type="warning" showIcon title={t('payout.held', { reason: s.hold.reason })} data-testid="payout-hold" /> : null}
      <Card loading={summary.isPending}>
        <Space size="large" wrap>
          <Statistic title={t('payout.available')} value={formatFen(s?.availableFen ?? 0)} data-testid="payout-available" />
          <Statistic title={t('payout.inTransit')} value={formatFen(s?.inTransitFen ?? 0)} data-testid="payout-in-transit" />
          <Button
            type="primary"
            disabled={!s || s.availableFen <= 0 || Boolean(s.hold)}
            onClick={() => setOpen(true)}
            data-testid="withdraw-open"
          >
            {t('payout.withdraw')}
          </Button>
        </Space>
        {s ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('payout.subtitle', { threshold: formatFen(s.approvalThresholdFen) })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card>
        <PayoutTable rows={payouts.data ?? []} loading={payouts.isPending} />
      </Card>
      <WithdrawModal open={open} availableFen={s?.availableFen ?? 0} onClose={() => setOpen(false)} />
    </Space>
  );
}

export function PayoutTable({ rows, loading, withParty = false }: { rows: PayoutView[]; loading: boolean; withParty?: boolean }) {
  const { t } = useI18n();
  return (
    <Table<PayoutView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('payout.empty') }}
      data-testid="payout-table"
      columns={[
        { title: t('payout.col.time'), dataIndex: 'requestedAt', render: (v: string) => formatTime(v) },
        ...(withParty
          ? [
              {
                title: t('payout.col.party'),
                key: 'party',
                render: (_: unknown, p: PayoutView) => `${p.partyName}（${t(`payout.party.${p.partyKind}`)}）`,
              },
            ]
          : []),
        { title: t('payout.col.amount'), dataIndex: 'amountFen', align: 'right' as const, render: (v: number) => formatFen(v) },
        {
          title: t('payout.col.account'),
          key: 'account',
          render: (_: unknown, p: PayoutView) =>
            `${t(`payout.method.${p.method}`)} ${p.bankName ?? ''} ${p.accountName} ${p.accountNo}`.replace(/\s+/g, ' '),
        },
        {
          title: t('payout.col.status'),
          dataIndex: 'status',
          render: (_: unknown, p: PayoutView) => <PayoutStatusTag status={p.status} />,
        },
        { title: t('payout.col.note'), key: 'note', render: (_: unknown, p: PayoutView) => p.failureReason ?? p.decisionNote ?? '' },
      ]}
    />
  );
}

export function PayoutsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('payout.title')} testId="payouts-title" />
      <PayoutsPanel />
    </>
  );
}
