/** 审核队列: the human review queue, most urgent first, refreshed every 5 seconds. */
import { AlertOutlined, FieldTimeOutlined, FileSearchOutlined, ReloadOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Segmented, Select, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n.ts';
import type { ReviewItem, ReviewStatusFilter, ScreeningCategory } from '../../lib/api-types.ts';
import { endpoints, queryKeys } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import {
  CATEGORIES,
  CategoryTags,
  categoryLabel,
  KindTag,
  SEVERITIES,
  SeverityTag,
  StatusTag,
  severityLabel,
} from '../compliance/compliance-labels.tsx';
import { HighlightedText } from '../compliance/highlighted-text.tsx';
import '../compliance/compliance.css';
import { StatStrip } from '../registry/stat-strip.tsx';
import { SlaCountdown, useNow } from './sla-countdown.tsx';

const REFRESH_MS = 5000;
const VALUE_COLOR = '#262626';
const STATUS_FILTERS: readonly ReviewStatusFilter[] = ['pending', 'open', 'claimed', 'confirmed', 'dismissed', 'all'];

const isPending = (item: ReviewItem) => item.status === 'open' || item.status === 'claimed';

/** Urgency: undecided first; then overdue, higher severity, earlier due time; decided ones newest first. */
export function sortByUrgency(items: readonly ReviewItem[], now: number): ReviewItem[] {
  return [...items].sort((a, b) => {
    const pa = isPending(a);
    const pb = isPending(b);
    if (pa !== pb) return pa ? -1 : 1;
    if (!pa) return (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt);
    const oa = new Date(a.dueAt).getTime() <= now;
    const ob = new Date(b.dueAt).getTime() <= now;
    if (oa !== ob) return oa ? -1 : 1;
    if (a.severity !== b.severity) return b.severity - a.severity;
    return a.dueAt.localeCompare(b.dueAt);
  });
}

export function ReviewQueuePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ReviewStatusFilter>('pending');
  const [category, setCategory] = useState<ScreeningCategory | undefined>(undefined);
  const [minSeverity, setMinSeverity] = useState<number | undefined>(undefined);
  const query = { status, ...(category ? { category } : {}), ...(minSeverity ? { minSeverity } : {}), limit: 100 };

  const queue = useQuery({
    queryKey: queryKeys.reviewQueue(query),
    queryFn: () => endpoints.listReviewItems(query),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  // re-sort only when the data changes (the countdown cells tick on their own)
  const now = useNow(REFRESH_MS);
  const items = useMemo(() => sortByUrgency(queue.data?.items ?? [], now), [queue.data, now]);
  const stats = {
    pending: items.filter(isPending).length,
    overdue: items.filter((i) => isPending(i) && new Date(i.dueAt).getTime() <= now).length,
    high: items.filter((i) => isPending(i) && i.severity >= 3).length,
    mine: items.filter((i) => i.status === 'claimed' && i.claimedBy === me.user.id).length,
  };

  const columns: TableColumnsType<ReviewItem> = [
    {
      title: t('review.col.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (v: number) => <SeverityTag severity={v} />,
    },
    {
      title: t('review.col.categories'),
      dataIndex: 'categories',
      width: 170,
      render: (v: ScreeningCategory[]) => <CategoryTags categories={v} />,
    },
    {
      title: t('review.col.text'),
      key: 'text',
      render: (_: unknown, item) => <HighlightedText text={item.event.text} hits={item.hits} testId="review-text" />,
    },
    {
      title: t('review.col.kind'),
      key: 'kind',
      width: 100,
      render: (_: unknown, item) => <KindTag kind={item.event.kind} />,
    },
    {
      title: t('review.col.session'),
      key: 'session',
      width: 170,
      render: (_: unknown, item) => (
        <div>
          <Typography.Text className="lh-mono" style={{ fontSize: 12 }}>
            {item.event.sessionRef ?? t('common.none')}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(item.event.occurredAt).format('MM-DD HH:mm:ss')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('review.col.sla'),
      key: 'sla',
      width: 150,
      render: (_: unknown, item) => <SlaCountdown dueAt={item.dueAt} status={item.status} />,
    },
    {
      title: t('review.col.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, item) => (
        <Space size={4}>
          <StatusTag status={item.status} />
          {item.status === 'claimed' && item.claimedBy === me.user.id ? (
            <Tooltip title={t('review.claimedByMe')}>
              <UserOutlined style={{ color: '#1677ff' }} />
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'open',
      width: 48,
      render: () => <RightOutlined style={{ color: '#bfbfbf' }} />,
    },
  ];

  return (
    <div data-testid="review-queue-page">
      <PageHeader
        title={t('review.queueTitle')}
        subtitle={t('review.queueSubtitle')}
        extra={
          <Space>
            <Badge status={queue.isFetching ? 'processing' : 'success'} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('review.autoRefresh', { time: queue.dataUpdatedAt ? dayjs(queue.dataUpdatedAt).format('HH:mm:ss') : '--:--:--' })}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={() => void queue.refetch()} data-testid="review-refresh">
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <StatStrip
        stats={[
          {
            testId: 'review-stat-pending',
            title: t('review.stat.pending'),
            value: stats.pending,
            icon: <FileSearchOutlined />,
            color: '#1677ff',
            bg: '#e6f4ff',
            valueColor: VALUE_COLOR,
          },
          {
            testId: 'review-stat-overdue',
            title: t('review.stat.overdue'),
            value: stats.overdue,
            icon: <FieldTimeOutlined />,
            color: '#cf1322',
            bg: '#fff1f0',
            // a non-zero overdue count shows in the alert colour
            valueColor: stats.overdue > 0 ? '#cf1322' : VALUE_COLOR,
          },
          {
            testId: 'review-stat-high',
            title: t('review.stat.high'),
            value: stats.high,
            icon: <AlertOutlined />,
            color: '#fa541c',
            bg: '#fff2e8',
            valueColor: VALUE_COLOR,
          },
          {
            testId: 'review-stat-mine',
            title: t('review.stat.mine'),
            value: stats.mine,
            icon: <UserOutlined />,
            color: '#722ed1',
            bg: '#f9f0ff',
            valueColor: VALUE_COLOR,
          },
        ]}
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap size={12}>
          <Segmented<ReviewStatusFilter>
            data-testid="review-status-filter"
            value={status}
            onChange={(value) => setStatus(value)}
            options={STATUS_FILTERS.map((value) => ({ value, label: t(`review.filter.${value}`) }))}
          />
          <Select<ScreeningCategory>
            allowClear
            style={{ width: 180 }}
            placeholder={t('review.filter.category')}
            data-testid="review-category-filter"
            value={category}
            onChange={(value) => setCategory(value)}
            options={CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }))}
          />
          <Select<number>
            allowClear
            style={{ width: 160 }}
            placeholder={t('review.filter.minSeverity')}
            data-testid="review-severity-filter"
            value={minSeverity}
            onChange={(value) => setMinSeverity(value)}
            options={SEVERITIES.map((value) => ({ value, label: t('review.filter.atLeast', { severity: severityLabel(t, value) }) }))}
          />
          <Typography.Text type="secondary">{t('review.count', { count: items.length })}</Typography.Text>
        </Space>
        {queue.error ? (
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <Table<ReviewItem>
            rowKey="id"
            size="middle"
            data-testid="review-table"
            loading={queue.isPending}
            columns={columns}
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('review.empty') }}
            rowClassName={(item) =>
              isPending(item) && new Date(item.dueAt).getTime() <= now ? 'lh-review-row lh-review-row-overdue' : 'lh-review-row'
            }
            onRow={(item) =>
              ({
                'data-testid': 'review-row',
                'data-item-id': item.id,
                onClick: () => navigate(`/review/${item.id}`),
              }) as HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
    </div>
  );
}
