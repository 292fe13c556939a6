/**
 * 信用监管 (`/credit/supervision`, regulators): the platform's charts, list and model, the enforcement mode settings,
 * the 监管沙盒 cohorts with their members and the clues of 触发式监管 — all read only.
 */
import { Space, Tabs } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { CreditCluesCard } from './credit-clues.tsx';
import { CreditCohortsCard } from './credit-cohorts.tsx';
import { CreditModeSettingsCard } from './credit-mode-settings.tsx';
import { CreditModelCard } from './credit-model-card.tsx';
import { CreditCharts, CreditPartiesCard } from './credit-overview.tsx';
import { useCreditTab } from './credit-tabs.tsx';

export function CreditSupervisionPage() {
  const { t } = useI18n();
  const tabs = useCreditTab();
  return (
    <div>
      <PageHeader title={t('credit.supervision.title')} subtitle={t('credit.supervision.subtitle')} testId="credit-title" />
      <Tabs
        {...tabs}
        items={[
          {
            key: 'overview',
            label: t('credit.tab.overview'),
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <CreditCharts />
                <CreditPartiesCard />
                <CreditModelCard />
              </Space>
            ),
          },
          { key: 'clues', label: t('credit.tab.clues'), children: <CreditCluesCard /> },
          { key: 'cohorts', label: t('credit.tab.cohorts'), children: <CreditCohortsCard canWrite={false} /> },
          { key: 'modes', label: t('credit.tab.modes'), children: <CreditModeSettingsCard canWrite={false} /> },
        ]}
      />
    </div>
  );
}
