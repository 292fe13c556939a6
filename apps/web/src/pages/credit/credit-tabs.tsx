/**
 * The tabs 信用管理 and 信用监管 share — 信用概览 (the charts, the parties, the model), 执法模式设置, 监管沙盒, 线索 —
 * with the tab in the address (`?tab=cohorts`), so a link or a reload opens the same one. `canWrite`: the platform
 * admin saves the settings, runs the sandboxes and publishes the model; everyone else reads them. `notice` leads the overview (the result
 * of a recompute), `rowActions` adds the platform's actions to each party of the list.
 */
import type { CreditSummary } from '@livehub/contracts';
import { Space, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { CreditCluesCard } from './credit-clues.tsx';
import { CreditCohortsCard } from './credit-cohorts.tsx';
import { CreditModeSettingsCard } from './credit-mode-settings.tsx';
import { CreditModelCard } from './credit-model-card.tsx';
import { CreditCharts, CreditPartiesCard } from './credit-overview.tsx';

export function CreditTabs({
  canWrite,
  notice,
  rowActions,
}: {
  canWrite: boolean;
  notice?: ReactNode;
  rowActions?: ((party: CreditSummary) => ReactNode) | undefined;
}) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  return (
    <Tabs
      activeKey={params.get('tab') ?? 'overview'}
      onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
      // a tab's queries run when it is shown, and its forms start from what the server holds
      destroyOnHidden
      items={[
        {
          key: 'overview',
          label: t('credit.tab.overview'),
          children: (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {notice}
              <CreditCharts />
              <CreditPartiesCard {...(rowActions ? { rowActions } : {})} />
              <CreditModelCard canPublish={canWrite} />
            </Space>
          ),
        },
        { key: 'modes', label: t('credit.tab.modes'), children: <CreditModeSettingsCard canWrite={canWrite} /> },
        { key: 'cohorts', label: t('credit.tab.cohorts'), children: <CreditCohortsCard canWrite={canWrite} /> },
        { key: 'clues', label: t('credit.tab.clues'), children: <CreditCluesCard /> },
      ]}
    />
  );
}
