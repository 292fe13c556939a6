/**
 * 收益 (streamers and MCN managers, `/earnings`): commission pending and available, the income per day, commission
 * per live session and per product, and the account lines. Tabs are a list (`earningsTabs`), like 资金结算's.
 */
import type { CommissionRow } from '@livehub/contracts';
import { Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useBalances, useCommission } from '../../queries/finance.ts';
import { BalanceCards, type FinanceTab, FinanceTabs, LinesTable } from './finance-parts.tsx';
import { IncomePanel } from './merchant-finance-page.tsx';

function CommissionTable({ by }: { by: 'bySession' | 'byProduct' }) {
  const { t } = useI18n();
  const commission = useCommission();
  const titleKey: MessageKey = by === 'bySession' ? 'earnings.col.session' : 'earnings.col.product';
  const columns: TableColumnsType<CommissionRow> = [
    { title: t(titleKey), dataIndex: 'title', key: 'title' },
    { title: t('earnings.col.orders'), dataIndex: 'orders', key: 'orders', align: 'right', width: 100 },
    { title: t('earnings.col.gmv'), key: 'gmv', align: 'right', width: 140, render: (_, r) => formatFen(r.gmvFen) },
    {
      title: t('earnings.col.commission'),
      key: 'commission',
      align: 'right',
      width: 140,
      render: (_, r) => <strong>{formatFen(r.commissionFen)}</strong>,
    },
    {
      title: t('earnings.col.lastPaid'),
      key: 'lastPaid',
      width: 170,
      render: (_, r) => (r.lastPaidAt ? dayjs(r.lastPaidAt).format('YYYY-MM-DD HH:mm') : ''),
    },
  ];
  if (commission.error) return <QueryError error={commission.error} onRetry={() => void commission.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('earnings.commissionHint')}</Typography.Text>
      <Table<CommissionRow>
        size="middle"
        rowKey={(r, i) => `${r.title}:${i}`}
        loading={commission.isPending}
        columns={columns}
        dataSource={commission.data?.[by] ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('earnings.empty') }}
        data-testid={`commission-${by}`}
      />
    </Space>
  );
}

export function earningsTabs(t: (key: MessageKey) => string, lines: FinanceTab['element']): FinanceTab[] {
  return [
    { key: 'income', label: t('finance.tab.income'), element: <IncomePanel /> },
    { key: 'bySession', label: t('finance.tab.bySession'), element: <CommissionTable by="bySession" /> },
    { key: 'byProduct', label: t('finance.tab.byProduct'), element: <CommissionTable by="byProduct" /> },
    { key: 'lines', label: t('finance.tab.lines'), element: lines },
  ];
}

export function EarningsPage() {
  const { t } = useI18n();
  const balances = useBalances();
  const [kind, setKind] = useState<string | null>(null);
  if (balances.error) return <QueryError error={balances.error} onRetry={() => void balances.refetch()} />;
  if (!balances.data) return <PageLoading />;
  const accounts = balances.data.accounts.filter((a) => a.group !== 'debt' || a.balanceFen !== 0);
  const current = kind ?? accounts.find((a) => a.group === 'available')?.kind ?? accounts[0]?.kind ?? '';
  return (
    <div>
      <PageHeader
        title={t('earnings.title')}
        subtitle={balances.data.party.name ? `${balances.data.party.name} · ${t('earnings.subtitle')}` : t('earnings.subtitle')}
        testId="earnings-title"
      />
      <BalanceCards balances={balances.data} groups={['pending', 'available', 'debt']} />
      <FinanceTabs testId="earnings-tabs" tabs={earningsTabs(t, <LinesTable accounts={accounts} kind={current} onKind={setKind} />)} />
    </div>
  );
}
