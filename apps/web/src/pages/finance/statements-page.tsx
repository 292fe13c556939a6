/** The statements page (对账单) on its own route, until the finance shells host the panel. */
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { StatementsPanel } from './statements-panel.tsx';

export function StatementsPage() {
  const { t } = useI18n();
  return (
    <div data-testid="statements-page">
      <PageHeader title={t('statements.title')} subtitle={t('statements.subtitle')} />
      <StatementsPanel />
    </div>
  );
}
