import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.ts';
import { useMe } from '../lib/session.ts';

export function ForbiddenResult() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <Button type="primary" data-testid="forbidden-back" onClick={() => navigate(me.workbench)}>
          {t('forbidden.back')}
        </Button>
      }
    />
  );
}
