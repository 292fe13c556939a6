/**
 * 信用监管 (`/credit/supervision`, regulators): the platform's charts, list and model, the enforcement mode settings,
 * the 监管沙盒 cohorts with their members and the clues of 触发式监管 — all read only.
 */
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { CreditTabs } from './credit-tabs.tsx';

export function CreditSupervisionPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeader title={t('credit.supervision.title')} subtitle={t('credit.supervision.subtitle')} testId="credit-title" />
      <CreditTabs canWrite={false} />
    </div>
  );
}
