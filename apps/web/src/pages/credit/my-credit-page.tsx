/** 我的信用 (`/credit`): the signed-in party's own credit — a streamer's, or its merchant's, MCN's or live base's. */
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useMyCredit } from '../../queries/credit.ts';
import { CreditDetailView } from './credit-detail.tsx';

export function MyCreditPage() {
  const { t } = useI18n();
  const mine = useMyCredit();
  return (
    <div>
      <PageHeader title={t('credit.me.title')} subtitle={t('credit.me.subtitle')} testId="credit-title" />
      {mine.error ? (
        <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data ? (
        <CreditDetailView detail={mine.data} own />
      ) : (
        <PageLoading />
      )}
    </div>
  );
}
