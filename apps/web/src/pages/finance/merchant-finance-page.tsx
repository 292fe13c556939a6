/**
 * 资金结算 (merchant staff, `/finance`): the shop's balances (待结算 / 可提现 / 保证金 / 欠款), its income per day,
 * and its account lines. The tabs are a list (`merchantFinanceTabs`): the payouts, deposit and statements parts add
 * their own `{ key, label, element }` there.
 */
import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useBalances, useIncome } from '../../queries/finance.ts';
import { BalanceCards, DailyChart, type FinanceTab, FinanceTabs, LinesTable, PeriodSwitch } from './finance-parts.tsx';

/** Income per day into the pending account, over a period the user picks. */
export function IncomePanel() {
  const { t } = useI18n();
  const [days, setDays] = useState(30);
  const income = useIncome(days);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('finance.chart.income', { days })}</Typography.Text>
        <Space>
          {income.data ? (
            <Typography.Text type="secondary">{t('finance.chart.total', { amount: formatFen(income.data.totalFen) })}</Typography.Text>
          ) : null}
          <PeriodSwitch days={days} onChange={setDays} />
        </Space>
      </Space>
      {income.error ? (
        <QueryError error={income.error} onRetry={() => void income.refetch()} />
      ) : income.data ? (
        <DailyChart daily={income.data} series={t('finance.chart.series')} testId="income-chart" />
      ) : (
        <Card loading />
      )}
    </Space>
  );
}

/** The merchant page's tabs, in order. Add a part's tab here. */
export function merchantFinanceTabs(t: Translate, lines: FinanceTab['element']): FinanceTab[] {
  return [
    { key: 'income', label: t('finance.tab.income'), element: <IncomePanel /> },
    { key: 'lines', label: t('finance.tab.lines'), element: lines },
  ];
}

export function MerchantFinancePage() {
  const { t } = useI18n();
  const balances = useBalances();
  const [kind, setKind] = useState('merchant_available');
  if (balances.error) return <QueryError error={balances.error} onRetry={() => void balances.refetch()} />;
  if (!balances.data) return <PageLoading />;
  const accounts = balances.data.accounts.filter((a) => a.group !== 'debt' || a.balanceFen !== 0);
  return (
    <div>
      <PageHeader
        title={t('finance.title')}
        subtitle={balances.data.party.name ? `${balances.data.party.name} · ${t('finance.subtitle')}` : t('finance.subtitle')}
        testId="finance-title"
      />
      <BalanceCards balances={balances.data} groups={['pending', 'available', 'deposit', 'debt']} />
      <FinanceTabs testId="finance-tabs" tabs={merchantFinanceTabs(t, <LinesTable accounts={accounts} kind={kind} onKind={setKind} />)} />
    </div>
  );
}
