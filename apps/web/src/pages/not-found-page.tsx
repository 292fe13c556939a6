import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import { useMe } from '../lib/session.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.subtitle')}
      data-testid="not-found"
      extra={
        <Button type="primary" onClick={() => navigate(me.workbench)}>
          {t('forbidden.back')}
        </Button>
      }
    />
  );
}
