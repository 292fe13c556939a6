/**
 * The merchant's 保证金 card: required / paid / due, the top-up notice after a deduction, the pay button (the
 * payment simulator's page, as orders use it), and the payments and deductions. `DepositCard` is what a finance page
 * shell embeds; `DepositPage` stands alone (the payment page returns to it).
 */
import type { DepositView } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { payoutApi, useDeposit } from '../../queries/payouts.ts';
import { formatTime } from './payouts-labels.tsx';

const PAYMENT_COLOR = { pending: 'gold', succeeded: 'green', failed: 'red' } as const;

export function DepositCard({ merchantOrgId }: { merchantOrgId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const deposit = useDeposit(merchantOrgId);
  const pay = useMutation({
    mutationFn: () => payoutApi.payDeposit(),
    onSuccess: (r) => {
      window.location.assign(r.payUrl);
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  if (deposit.error) return <QueryError error={deposit.error} onRetry={() => void deposit.refetch()} />;
  const d = deposit.data;
  const own = merchantOrgId === undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {d?.topUpRequired ? (
        <Alert type="warning" showIcon title={t('deposit.topUp', { amount: formatFen(d.dueFen) })} data-testid="deposit-topup" />
      ) : null}
      <Card loading={deposit.isPending} title={d && !own ? d.merchantName : t('deposit.title')}>
        <Space size="large" wrap>
          <Statistic title={t('deposit.required')} value={formatFen(d?.requiredFen ?? 0)} data-testid="deposit-required" />
          <Statistic title={t('deposit.balance')} value={formatFen(d?.balanceFen ?? 0)} data-testid="deposit-balance" />
          <Statistic
            title={t('deposit.due')}
            value={formatFen(d?.dueFen ?? 0)}
            {...(d && d.dueFen > 0 ? { styles: { content: { color: '#cf1322' } } } : {})}
            data-testid="deposit-due"
          />
          {own && d && d.dueFen > 0 ? (
            <Button type="primary" loading={pay.isPending} onClick={() => pay.mutate()} data-testid="deposit-pay">
              {t('deposit.payAmount', { amount: formatFen(d.dueFen) })}
            </Button>
          ) : null}
        </Space>
      </Card>
      {d ? <DepositHistory d={d} /> : null}
    </Space>
  );
}

function DepositHistory({ d }: { d: DepositView }) {
  const { t } = useI18n();
  return (
    <Card>
      <Tabs
        items={[
          {
            key: 'payments',
            label: t('deposit.payments'),
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.payments}
                columns={[
                  { title: t('deposit.col.time'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
                  { title: t('deposit.col.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
                  {
                    title: t('deposit.col.status'),
                    dataIndex: 'status',
                    render: (s: DepositView['payments'][number]['status']) => (
                      <Tag color={PAYMENT_COLOR[s]}>{t(`deposit.payment.${s}`)}</Tag>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'deductions',
            label: t('deposit.deductions'),
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.deductions}
                columns={[
                  { title: t('deposit.col.time'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
                  { title: t('deposit.col.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
                  { title: t('deposit.col.reason'), dataIndex: 'reason' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

export function DepositPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('deposit.title')} subtitle={t('deposit.subtitle')} testId="deposit-title" />
      <DepositCard />
    </>
  );
}
