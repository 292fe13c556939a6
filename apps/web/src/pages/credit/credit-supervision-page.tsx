/** 信用监管 (`/credit/supervision`, regulators): the same charts and list as the platform's, read only. */
import { Space } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { CreditModelCard } from './credit-model-card.tsx';
import { CreditCharts, CreditPartiesCard } from './credit-overview.tsx';

export function CreditSupervisionPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeader title={t('credit.supervision.title')} subtitle={t('credit.supervision.subtitle')} testId="credit-title" />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <CreditCharts />
        <CreditPartiesCard />
        <CreditModelCard />
      </Space>
    </div>
  );
}
