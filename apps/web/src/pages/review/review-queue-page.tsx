/** 审核队列: the human review queue, most urgent first, refreshed every 5 seconds. */
import { AlertOutlined, FieldTimeOutlined, FileSearchOutlined, ReloadOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Segmented, Select, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ReviewItem, ReviewStatusFilter, ScreeningCategory } from '../../lib/api-types.ts';
import { isApiError } from '../../lib/api-client.ts';
import { endpoints, type ReviewBatchConflict } from '../../lib/endpoints.ts';
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
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { reviewKeys, useReviewQueue } from '../../queries/review.ts';
import '../compliance/compliance.css';
import { QueryTable } from '../../components/query-table.tsx';
import { StatStrip } from '../../components/stat-strip.tsx';
import { DecisionModal, type ReviewDecision } from './decision-modal.tsx';
import { reviewErrorMessage } from './review-errors.ts';
import { PersonName, SessionName } from './review-names.tsx';
import { SlaCountdown, useNow } from './sla-countdown.tsx';

const REFRESH_MS = 5000;
const VALUE_COLOR = '#262626';
const STATUS_FILTERS: readonly ReviewStatusFilter[] = ['pending', 'open', 'claimed', 'confirmed', 'dismissed', 'all'];

const isPending = (item: ReviewItem) => item.status === 'open' || item.status === 'claimed';
/** the most items one batch decision may take (the server refuses more) */
const MAX_BATCH = 200;

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
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ReviewStatusFilter>('pending');
  const [category, setCategory] = useState<ScreeningCategory | undefined>(undefined);
  const [minSeverity, setMinSeverity] = useState<number | undefined>(undefined);
  const query = { status, ...(category ? { category } : {}), ...(minSeverity ? { minSeverity } : {}), limit: 100 };

  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [batchDecision, setBatchDecision] = useState<ReviewDecision | null>(null);
  const [batchError, setBatchError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Array<ReviewBatchConflict & { text: string }>>([]);
  const queue = useReviewQueue(query, { refetchInterval: REFRESH_MS, refetchIntervalInBackground: false, staleTime: 0 });
  // re-sort only when the data changes (the countdown cells tick on their own)
  const now = useNow(REFRESH_MS);
  const items = useMemo(() => sortByUrgency(queue.data?.items ?? [], now), [queue.data, now]);
  const stats = {
    pending: items.filter(isPending).length,
    overdue: items.filter((i) => isPending(i) && new Date(i.dueAt).getTime() <= now).length,
    high: items.filter((i) => isPending(i) && i.severity >= 3).length,
    mine: items.filter((i) => i.status === 'claimed' && i.claimedBy === me.user.id).length,
  };
  // what a reviewer may take in a batch: undecided and not held by another reviewer
  const selectable = items.filter((i) => isPending(i) && !(i.status === 'claimed' && i.claimedBy !== me.user.id));
  const batchCount = allMatching ? selectable.length : selected.length;
  const clearSelection = () => {
    setSelected([]);
    setAllMatching(false);
  };
  const batch = useMutation({
    mutationFn: (input: { decision: ReviewDecision; reason: string }) =>
      endpoints.batchDecideReviewItems({
        ...input,
        ...(allMatching
          ? {
              filter: {
                ...(category ? { category } : {}),
                ...(minSeverity ? { minSeverity } : {}),
                asOf: queue.data?.generatedAt ?? new Date().toISOString(),
              },
            }
          : { ids: selected }),
      }),
    onSuccess: (r) => {
      setBatchDecision(null);
      setConflicts([]);
      clearSelection();
      void message.success(t('review.batch.done', { count: r.count }));
      void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'review.batch_conflict') {
        const list = ((error.details?.conflicts ?? []) as ReviewBatchConflict[]).map((c) => ({
          ...c,
          text: items.find((i) => i.id === c.id)?.event.text ?? '',
        }));
        setConflicts(list);
        setSelected((prev) => prev.filter((id) => !list.some((c) => c.id === id)));
        setAllMatching(false);
        setBatchDecision(null);
        void queue.refetch();
        return;
      }
      setBatchError(reviewErrorMessage(t, error));
    },
  });

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
      render: (_: unknown, item) => (
        <div>
          <HighlightedText text={item.event.text} hits={item.hits} testId="review-text" />
          <Space size={6} wrap style={{ marginTop: 4 }}>
            {item.occurrences > 1 ? (
              <Tooltip title={t('review.occurrencesHint')}>
                <Tag color="orange" data-testid="review-occurrences" data-count={item.occurrences} style={{ marginInlineEnd: 0 }}>
                  {t('review.occurrences', { count: item.occurrences })}
                </Tag>
              </Tooltip>
            ) : null}
            {item.observation ? (
              <Tooltip title={locale === 'en-US' ? item.observation.en : item.observation.zh}>
                <Tag color="volcano" data-testid="review-observation" style={{ marginInlineEnd: 0 }}>
                  {t('review.observation')}
                </Tag>
              </Tooltip>
            ) : null}
            {item.sampled ? (
              <Tooltip title={t('review.sampledHint')}>
                <Tag color="blue" data-testid="review-sampled" style={{ marginInlineEnd: 0 }}>
                  {t('review.sampled')}
                </Tag>
              </Tooltip>
            ) : null}
            {item.event.senderUserId && item.event.senderUserId !== item.event.streamerUserId ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('review.sender')}：<PersonName name={item.event.senderName} id={item.event.senderUserId} testId="review-sender" />
              </Typography.Text>
            ) : null}
          </Space>
        </div>
      ),
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
      width: 200,
      render: (_: unknown, item) => (
        <div>
          <Typography.Text style={{ fontSize: 12 }}>
            <SessionName event={item.event} />
          </Typography.Text>
          {item.event.streamerUserId ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('review.streamer')}：
                <PersonName name={item.event.streamerName} id={item.event.streamerUserId} testId="review-streamer" />
              </Typography.Text>
            </div>
          ) : null}
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
        {selected.length > 0 || allMatching ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            data-testid="review-batch-bar"
            title={
              <Space wrap>
                <Typography.Text strong data-testid="review-batch-count" data-count={batchCount}>
                  {allMatching ? t('review.batch.allMatching', { count: batchCount }) : t('review.batch.selected', { count: batchCount })}
                </Typography.Text>
                {!allMatching && selectable.length > selected.length ? (
                  <Button size="small" type="link" data-testid="review-batch-all" onClick={() => setAllMatching(true)}>
                    {t('review.batch.selectAllMatching', { count: selectable.length })}
                  </Button>
                ) : null}
                <Button size="small" type="link" onClick={clearSelection}>
                  {t('review.batch.clear')}
                </Button>
                <Button
                  size="small"
                  danger
                  disabled={batchCount > MAX_BATCH}
                  data-testid="review-batch-confirm"
                  onClick={() => {
                    setBatchError(null);
                    setBatchDecision('confirm');
                  }}
                >
                  {t('review.batch.confirm')}
                </Button>
                <Button
                  size="small"
                  disabled={batchCount > MAX_BATCH}
                  data-testid="review-batch-dismiss"
                  onClick={() => {
                    setBatchError(null);
                    setBatchDecision('dismiss');
                  }}
                >
                  {t('review.batch.dismiss')}
                </Button>
                {batchCount > MAX_BATCH ? (
                  <Typography.Text type="danger">{t('review.batch.tooMany', { max: MAX_BATCH })}</Typography.Text>
                ) : null}
              </Space>
            }
          />
        ) : null}
        {conflicts.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            closable={{ onClose: () => setConflicts([]) }}
            style={{ marginBottom: 12 }}
            data-testid="review-batch-conflict"
            title={t('review.batch.conflict', { count: conflicts.length })}
            description={
              <div>
                {conflicts.map((c) => (
                  <div key={c.id}>
                    {t('review.batch.conflictItem', { text: c.text.slice(0, 40), who: c.byName ?? t('review.batch.someone') })}
                  </div>
                ))}
                <div>{t('review.batch.conflictRetry')}</div>
              </div>
            }
          />
        ) : null}
        <QueryTable<ReviewItem>
          query={queue}
          rowKey="id"
          data-testid="review-table"
          columns={columns}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('review.empty') }}
          rowSelection={{
            selectedRowKeys: allMatching ? selectable.map((i) => i.id) : selected,
            onChange: (keys) => {
              setAllMatching(false);
              setSelected(keys.map(String));
            },
            getCheckboxProps: (item) => ({
              disabled: !selectable.includes(item),
              'data-testid': 'review-select',
            }),
            // ticking a box must not open the item (the row's click does)
            renderCell: (_checked, _item, _index, node) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click reaching the row
              // biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside handles the keyboard
              <span onClick={(e) => e.stopPropagation()}>{node}</span>
            ),
          }}
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
      </Card>
      <DecisionModal
        decision={batchDecision}
        count={batchCount}
        loading={batch.isPending}
        error={batchError}
        onCancel={() => setBatchDecision(null)}
        onSubmit={(reason) => {
          if (batchDecision) batch.mutate({ decision: batchDecision, reason });
        }}
      />
    </div>
  );
}
