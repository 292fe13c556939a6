import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import { isApiError } from '../lib/api-client.ts';

export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Result status="404" title="404" subTitle={t('notFound.subtitle')} />;
  }
  const detail = isApiError(error) || error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="error"
      title={t('common.error')}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
