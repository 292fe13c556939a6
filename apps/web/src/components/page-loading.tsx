import { Spin } from 'antd';
import { useI18n } from '../i18n/index.ts';

export function PageLoading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useI18n();
  return (
    <div
      data-testid="page-loading"
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        minHeight: fullPage ? '100vh' : 320,
      }}
    >
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}
