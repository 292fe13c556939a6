/**
 * 先行赔付金 (platform admins and regulators, `/fund`): the advance-compensation fund's balance against its floor
 * (警戒线, with a warning below it), what it paid consumers (先行赔付) and recovered from merchants (追偿), what deposit
 * deductions brought in, and its movements, newest first. Read-only: the fund moves through deposit deductions and
 * the complaint-payment sweep elsewhere.
 */
import { Alert, Card, Col, Row } from 'antd';
import type { ComponentProps } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useFund } from '../../queries/finance.ts';
import { LinesList, MoneyCard } from './finance-parts.tsx';

export function FundPage() {
  const { t } = useI18n();
  const fund = useFund();
  if (fund.error) return <QueryError error={fund.error} onRetry={() => void fund.refetch()} />;
  const s = fund.summary;
  if (s === undefined) return <PageLoading />;
  const cards: Array<ComponentProps<typeof MoneyCard>> = [
    { group: s.belowFloor ? 'debt' : 'deposit', testId: 'fund-balance', title: t('fund.balance'), hint: t('nav.fund'), fen: s.balanceFen },
    { group: 'pending', testId: 'fund-floor', title: t('fund.floor'), hint: t('fund.floorHint'), fen: s.floorFen },
    {
      group: 'debt',
      testId: 'fund-advanced',
      title: t('fund.advanced'),
      hint: t('fund.advancedHint', { n: s.totals.advances }),
      fen: s.totals.advancedFen,
    },
    {
      group: 'available',
      testId: 'fund-recovered',
      title: t('fund.recovered'),
      hint: t('fund.recoveredHint', { n: s.totals.recoveries }),
      fen: s.totals.recoveredFen,
    },
    {
      group: 'deposit',
      testId: 'fund-deductions',
      title: t('fund.deductions'),
      hint: t('fund.deductionsHint'),
      fen: s.totals.depositDeductionsFen,
    },
  ];
  return (
    <div>
      <PageHeader title={t('fund.title')} subtitle={t('fund.subtitle')} testId="fund-title" />
      {s.belowFloor ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="fund-below-floor"
          message={t('fund.belowFloor')}
          description={t('fund.belowFloorBody', {
            balance: formatFen(s.balanceFen),
            floor: formatFen(s.floorFen),
            short: formatFen(s.floorFen - s.balanceFen),
          })}
        />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.testId} xs={24} sm={12} xl={{ flex: '1 1 0' }}>
            <MoneyCard {...c} />
          </Col>
        ))}
      </Row>
      <Card title={t('fund.movements')}>
        <LinesList lines={fund} testId="fund-lines" />
      </Card>
    </div>
  );
}
