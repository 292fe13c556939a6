/** The header's bell: the unread count of the signed-in user's inbox (polled), opening 消息中心. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { UNREAD_POLL_MS, useUnreadCount } from '../../queries/notifications.ts';

export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data } = useUnreadCount({ refetchInterval: UNREAD_POLL_MS, refetchOnWindowFocus: true });
  const count = data?.unread ?? 0;
  return (
    <Tooltip title={count > 0 ? t('notifications.bellCount', { count }) : t('notifications.bell')}>
      <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
        <Button
          type="text"
          aria-label={t('notifications.bell')}
          data-testid="header-bell"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate('/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}
