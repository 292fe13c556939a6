/** 直播控制台: the streamer's sessions (scheduled, live, past) and 预约直播. A row opens the session's console. */
import { PlusOutlined, ReloadOutlined, RightOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { LiveSessionStatus, LiveSessionView } from '../../lib/api-types.ts';
import { useLiveSessions } from '../../queries/live.ts';
import { SessionStatusTag } from './live-labels.tsx';
import { ScheduleModal } from './schedule-modal.tsx';
import './live.css';
import { IconTitle } from '../../components/icon-title.tsx';

type Filter = 'all' | LiveSessionStatus;
const FILTERS: readonly Filter[] = ['all', 'live', 'scheduled', 'ended', 'cancelled'];
const ORDER: Record<LiveSessionStatus, number> = { live: 0, scheduled: 1, ended: 2, cancelled: 3 };

/** Live first, then the upcoming soonest first, then the past most recent first. */
function compareSessions(a: LiveSessionView, b: LiveSessionView): number {
  const byStatus = ORDER[a.status] - ORDER[b.status];
  if (byStatus !== 0) return byStatus;
  if (a.status === 'scheduled') return a.scheduledAt.localeCompare(b.scheduledAt);
  return (b.startedAt ?? b.scheduledAt).localeCompare(a.startedAt ?? a.scheduledAt);
}

export function LiveConsolePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const [scheduling, setScheduling] = useState(false);
  const list = useLiveSessions('mine', { staleTime: 0 });
  const all = [...(list.data ?? [])].sort(compareSessions);
  const shown = all.filter((s) => filter === 'all' || s.status === filter);
  const live = all.find((s) => s.status === 'live');

  const columns: TableColumnsType<LiveSessionView> = [
    {
      title: t('live.col.session'),
      key: 'title',
      render: (_: unknown, s) => (
        <div>
          <Typography.Text strong data-testid="session-title">
            {s.title}
          </Typography.Text>
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>
            {s.products
              .slice(0, 2)
              .map((p) => p.title)
              .join('、')}
            {s.products.length > 2 ? ` +${s.products.length - 2}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('live.col.status'), key: 'status', width: 110, render: (_: unknown, s) => <SessionStatusTag status={s.status} /> },
    {
      title: t('live.col.time'),
      key: 'time',
      width: 190,
      render: (_: unknown, s) => (
        <span style={{ fontSize: 12 }}>
          {dayjs(s.startedAt ?? s.scheduledAt).format('YYYY-MM-DD HH:mm')}
          {s.status === 'ended' && s.endedAt ? <div style={{ color: '#8c8c8c' }}>→ {dayjs(s.endedAt).format('MM-DD HH:mm')}</div> : null}
        </span>
      ),
    },
    {
      title: t('live.col.stats'),
      key: 'stats',
      width: 200,
      render: (_: unknown, s) =>
        s.status === 'ended' ? (
          <span style={{ fontSize: 12 }}>{t('live.col.statsValue', { peak: s.stats.peakViewers, chat: s.stats.chatMessages })}</span>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { key: 'open', width: 40, render: () => <RightOutlined style={{ color: '#bfbfbf' }} /> },
  ];

  return (
    <div data-testid="live-console-page">
      <PageHeader
        title={<IconTitle icon={<VideoCameraOutlined />}>{t('live.console.title')}</IconTitle>}
        subtitle={t('live.console.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="schedule-new">
              {t('live.schedule.title')}
            </Button>
          </Space>
        }
      />
      {live ? (
        <Alert
          type="error"
          showIcon
          icon={<span className="lh-live-dot" />}
          style={{ marginBottom: 16 }}
          title={t('live.console.liveNow', { title: live.title })}
          action={
            <Button size="small" type="primary" danger onClick={() => navigate(`/live/sessions/${live.id}`)} data-testid="open-live">
              {t('live.console.openLive')}
            </Button>
          }
        />
      ) : null}
      <Card>
        <div style={{ overflowX: 'auto', marginBottom: 16 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({
              value: f,
              label: `${f === 'all' ? t('common.all') : t(`live.status.${f}`)} ${all.filter((s) => f === 'all' || s.status === f).length}`,
            }))}
          />
        </div>
        <QueryTable<LiveSessionView>
          query={list}
          rowKey="id"
          columns={columns}
          dataSource={shown}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('live.console.empty') }}
          data-testid="sessions-table"
          onRow={(s) =>
            ({
              'data-testid': 'session-row',
              'data-session-id': s.id,
              'data-status': s.status,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/live/sessions/${s.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </Card>
      <ScheduleModal open={scheduling} onClose={() => setScheduling(false)} />
    </div>
  );
}
