/** 公示名单 inside the console (regulators): the public lists plus the CSV export of the full registers. */
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { ExportButtons } from './export-buttons.tsx';
import { PublicLists } from './public-lists.tsx';
import './registry.css';

export function RegistryPage() {
  const { t } = useI18n();
  return (
    <div data-testid="registry-page">
      <PageHeader title={t('registry.public.title')} subtitle={t('registry.public.subtitle')} extra={<ExportButtons />} />
      <PublicLists />
    </div>
  );
}
