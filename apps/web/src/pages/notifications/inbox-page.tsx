/**
 * 消息中心: the signed-in user's inbox (站内信) — what needs them to act or know, newest first, unread ones marked;
 * each item opens the page that acts on it (and is marked read on the way); filters by unread and kind; mark all read.
 */
import { BellOutlined } from '@ant-design/icons';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from '@livehub/contracts';
import { App, Badge, Button, Card, Empty, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { isMessageKey, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { type InboxFilter, useInbox, useMarkRead, useUnreadCount } from '../../queries/notifications.ts';

const SEVERITY_COLOR: Record<NotificationView['severity'], string> = { info: 'blue', action_required: 'orange', warning: 'red' };

export function InboxPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<InboxFilter>({ unread: false, kind: null });
  const inbox = useInbox(filter);
  const unread = useUnreadCount();
  const mark = useMarkRead();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  const kindLabel = (kind: string) => {
    const key = `notifications.kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
  const open = async (n: NotificationView) => {
    if (!n.readAt) await mark.mutateAsync(n.id).catch(() => undefined);
    navigate(n.link);
  };
  const markAll = () =>
    mark.mutate(null, {
      onSuccess: (r) => message.success(t('notifications.markedAll', { count: r.marked })),
      onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
    });

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        testId="inbox-title"
        extra={
          <Button
            onClick={markAll}
            loading={mark.isPending && mark.variables === null}
            disabled={!unread.data?.unread}
            data-testid="inbox-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            data-testid="inbox-filter"
            value={filter.unread ? 'unread' : 'all'}
            onChange={(v) => setFilter((f) => ({ ...f, unread: v === 'unread' }))}
            options={[
              { value: 'all', label: t('notifications.filter.all') },
              { value: 'unread', label: `${t('notifications.filter.unread')}${unread.data?.unread ? ` (${unread.data.unread})` : ''}` },
            ]}
          />
          <Select<NotificationKind | ''>
            style={{ minWidth: 180 }}
            aria-label={t('notifications.filter.kind')}
            data-testid="inbox-kind"
            value={filter.kind ?? ''}
            onChange={(v) => setFilter((f) => ({ ...f, kind: v === '' ? null : v }))}
            options={[
              { value: '', label: t('notifications.filter.anyKind') },
              ...NOTIFICATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
            ]}
          />
        </Space>
        {inbox.error ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : (
          <List
            data-testid="inbox-list"
            loading={inbox.isPending}
            dataSource={inbox.items}
            locale={{ emptyText: <Empty description={t(filter.unread ? 'notifications.emptyUnread' : 'notifications.empty')} /> }}
            loadMore={
              inbox.hasMore ? (
                <div style={{ textAlign: 'center', marginTop: 12 }}>
                  <Button onClick={inbox.loadMore} loading={inbox.loadingMore}>
                    {t('notifications.loadMore')}
                  </Button>
                </div>
              ) : null
            }
            renderItem={(n) => (
              <List.Item
                data-testid="inbox-item"
                data-read={n.readAt ? 'true' : 'false'}
                style={{ background: n.readAt ? undefined : '#fff7e6', paddingInline: 12 }}
                actions={[
                  <Button key="open" type="link" onClick={() => void open(n)} data-testid="inbox-open">
                    {t('notifications.open')}
                  </Button>,
                  n.readAt ? (
                    <Typography.Text key="read" type="secondary">
                      {t('notifications.read')}
                    </Typography.Text>
                  ) : (
                    <Button key="mark" type="link" onClick={() => mark.mutate(n.id)} data-testid="inbox-mark">
                      {t('notifications.markRead')}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={!n.readAt} offset={[-2, 2]}>
                      <BellOutlined style={{ fontSize: 20, color: n.readAt ? '#bfbfbf' : '#fa8c16' }} />
                    </Badge>
                  }
                  title={
                    <Space wrap size={6}>
                      <Typography.Text strong={!n.readAt}>{n.title[lang]}</Typography.Text>
                      <Tag color={SEVERITY_COLOR[n.severity]}>{t(`notifications.severity.${n.severity}`)}</Tag>
                      <Tag>{kindLabel(n.kind)}</Tag>
                      {n.readAt ? null : <Tag color="volcano">{t('notifications.unread')}</Tag>}
                    </Space>
                  }
                  description={
                    <Space direction="vertical" size={2}>
                      <Typography.Text>{n.body[lang]}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                        {n.dueAt ? ` · ${t('notifications.due', { date: dayjs(n.dueAt).format('YYYY-MM-DD') })}` : ''}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
