/** 公示名单 (public, no login): the certified bases and streamers, outside the authenticated shell. */
import { PublicPageFrame } from '../../components/public-page-frame.tsx';
import { useI18n } from '../../i18n/index.ts';
import { PublicLists } from './public-lists.tsx';

export function PublicListPage() {
  const { t } = useI18n();
  return (
    <PublicPageFrame
      testId="public-list-page"
      titleTestId="public-title"
      title={t('registry.public.title')}
      subtitle={t('registry.public.subtitle')}
      footer={t('registry.public.footer')}
    >
      <PublicLists />
    </PublicPageFrame>
  );
}
