/**
 * 财务 (platform admins, `/platform-finance`): the platform's accounts (escrow, fee revenue, the fund, refunds
 * payable, payouts in transit, provider clearing), the fee income per day, and the ledger check (`verify`).
 */
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { FinanceBalance } from '@livehub/contracts';
import { Alert, Card, Col, Descriptions, Row, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { usePlatformFinance } from '../../queries/finance.ts';
import { accountLabel, DailyChart, PeriodSwitch, signedFen } from './finance-parts.tsx';

export function PlatformFinancePage() {
  const { t } = useI18n();
  const [days, setDays] = useState(30);
  const platform = usePlatformFinance(days, { placeholderData: (previous) => previous });
  if (platform.error) return <QueryError error={platform.error} onRetry={() => void platform.refetch()} />;
  if (!platform.data) return <PageLoading />;
  const { accounts, feeIncome, verify } = platform.data;
  const columns: TableColumnsType<FinanceBalance> = [
    { title: t('finance.lines.account'), key: 'kind', render: (_, a) => accountLabel(t, a.kind, a.label) },
    { title: t('fund.balance'), key: 'balance', align: 'right', render: (_, a) => signedFen(a.balanceFen) },
  ];
  return (
    <div>
      <PageHeader title={t('platformFinance.title')} subtitle={t('platformFinance.subtitle')} testId="platform-finance-title" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('platformFinance.accounts')} data-testid="platform-accounts">
            <Table<FinanceBalance> size="small" rowKey="kind" columns={columns} dataSource={accounts} pagination={false} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              {t('platformFinance.clearingHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('finance.chart.fee', { days })}
            extra={
              <Space>
                <Typography.Text type="secondary">{t('finance.chart.total', { amount: formatFen(feeIncome.totalFen) })}</Typography.Text>
                <PeriodSwitch days={days} onChange={setDays} />
              </Space>
            }
          >
            <DailyChart daily={feeIncome} series={t('finance.chart.feeSeries')} testId="fee-chart" />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('platformFinance.verify')} data-testid="ledger-verify">
            <Alert
              type={verify.ok ? 'success' : 'error'}
              showIcon
              icon={verify.ok ? <CheckCircleOutlined /> : <WarningOutlined />}
              message={verify.ok ? t('platformFinance.verify.ok') : t('platformFinance.verify.bad')}
              style={{ marginBottom: 12 }}
            />
            <Descriptions size="small" column={{ xs: 1, md: 4 }}>
              <Descriptions.Item label={t('platformFinance.verify.accounts')}>{verify.accounts}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.entries')}>{verify.entries}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.postings')}>{verify.postings}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.total')}>{formatFen(verify.balanceTotalFen)}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.unbalanced')}>{verify.unbalancedEntries}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.drifted')}>{verify.driftedAccounts}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.belowFloor')}>{verify.belowFloor}</Descriptions.Item>
              <Descriptions.Item label={t('platformFinance.verify.orphanPostings')}>{verify.orphanPostings}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
