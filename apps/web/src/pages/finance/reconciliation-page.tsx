/** The reconciliation page (渠道对账) on its own route, until the finance shells host the panel. */
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { ReconciliationPanel } from './reconciliation-panel.tsx';

export function ReconciliationPage() {
  const { t } = useI18n();
  return (
    <div data-testid="reconciliation-page">
      <PageHeader title={t('reconciliation.title')} subtitle={t('reconciliation.subtitle')} />
      <ReconciliationPanel />
    </div>
  );
}
