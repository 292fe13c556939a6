import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/index.ts';
import { errorMessage } from '../lib/form-errors.ts';

/** Inline error for a failed query, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="query-error"
      title={t('common.error')}
      description={errorMessage(error, t('common.networkError'))}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
