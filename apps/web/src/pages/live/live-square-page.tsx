/** 直播广场: every room live now, for anyone signed in; a card opens the room page. */
import { ReloadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { LiveCards, useLiveNow } from './live-cards.tsx';
import { IconTitle } from '../../components/icon-title.tsx';

export function LiveSquarePage() {
  const { t } = useI18n();
  const live = useLiveNow();
  return (
    <div data-testid="live-square-page">
      <PageHeader
        title={<IconTitle icon={<VideoCameraOutlined />}>{t('live.square.title')}</IconTitle>}
        subtitle={t('live.square.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} loading={live.isFetching} onClick={() => void live.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      <LiveCards />
    </div>
  );
}
