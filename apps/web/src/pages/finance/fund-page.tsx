/**
 * 先行赔付金 (platform admins and regulators, `/fund`): the advance-compensation fund's balance and its movements,
 * newest first. Read-only: the fund moves through deposit deductions and compensation decisions elsewhere.
 */
import { Card } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useFund } from '../../queries/finance.ts';
import { LinesList, MoneyCard } from './finance-parts.tsx';

export function FundPage() {
  const { t } = useI18n();
  const fund = useFund();
  if (fund.error) return <QueryError error={fund.error} onRetry={() => void fund.refetch()} />;
  if (fund.balanceFen === undefined) return <PageLoading />;
  return (
    <div>
      <PageHeader title={t('fund.title')} subtitle={t('fund.subtitle')} testId="fund-title" />
      <div style={{ maxWidth: 360, marginBottom: 16 }}>
        <MoneyCard group="deposit" testId="fund-balance" title={t('fund.balance')} hint={t('nav.fund')} fen={fund.balanceFen} />
      </div>
      <Card title={t('fund.movements')}>
        <LinesList lines={fund} testId="fund-lines" />
      </Card>
    </div>
  );
}
