/**
 * The complaint list of the viewer's role (`/complaints`): 我的投诉 for a consumer, 投诉处理 for a merchant's staff
 * (its organization's complaints), 调解台 for the platform (complaints in mediation), 受理台 for the regulator
 * (escalated complaints, and the accepted ones it mediates). Open ones first by the nearest deadline, each with its
 * live countdown, overdue in red.
 */
import type { ComplaintStatus, ComplaintView, Role } from '@livehub/contracts';
import { COMPLAINT_STATUSES } from '@livehub/contracts';
import { Button, Card, Empty, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ComplaintScope } from '../../lib/endpoints.ts';
import { formatFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { useComplaints } from '../../queries/complaints.ts';
import { byUrgency, ComplaintStatusTag, Countdown } from './complaint-parts.tsx';
import { ComplaintStatsPanel } from './complaint-stats-panel.tsx';

type Desk = 'consumer' | 'merchant' | 'mediator' | 'regulator';

export function deskOf(role: Role): Desk | null {
  if (role === 'consumer') return 'consumer';
  if (role === 'merchant_staff') return 'merchant';
  if (role === 'platform_admin' || role === 'reviewer') return 'mediator';
  if (role === 'regulator') return 'regulator';
  return null;
}

const SCOPE: Record<Desk, ComplaintScope> = { consumer: 'mine', merchant: 'merchant', mediator: 'mediation', regulator: 'regulator' };

export function ComplaintsPage() {
  const { t } = useI18n();
  const me = useMe();
  const desk = deskOf(me.role) ?? 'consumer';
  const [status, setStatus] = useState<ComplaintStatus | undefined>(undefined);
  const list = useComplaints(SCOPE[desk], status, { refetchInterval: 30_000 });
  const rows = [...(list.data ?? [])].sort(byUrgency);

  const content = (
    <Card>
      <Space style={{ marginBottom: 16 }}>
        <Select<ComplaintStatus | ''>
          style={{ minWidth: 180 }}
          data-testid="complaints-status-filter"
          value={status ?? ''}
          onChange={(v) => setStatus(v === '' ? undefined : v)}
          options={[
            { value: '', label: t('complaint.list.all') },
            ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaint.status.${s}`) })),
          ]}
        />
      </Space>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ComplaintView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('complaint.list.empty')} /> }}
          data-testid="complaints-table"
          onRow={(c) => ({ 'data-testid': 'complaint-row', 'data-status': c.status, 'data-overdue': String(c.overdue) }) as never}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('complaint.col.order'),
              key: 'order',
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/complaints/${c.id}`} data-testid="complaint-open">
                    {c.orderNo ?? t('complaint.detail.title')}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(c.filedAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              ),
            },
            ...(desk === 'merchant'
              ? []
              : [
                  {
                    title: t('complaint.col.merchant'),
                    key: 'merchant',
                    render: (_: unknown, c: ComplaintView) => c.merchantName ?? '—',
                  },
                ]),
            { title: t('complaint.col.streamer'), key: 'streamer', render: (_, c) => c.streamerName ?? '—' },
            { title: t('complaint.col.category'), key: 'category', render: (_, c) => t(`complaint.category.${c.category}`) },
            {
              title: t('complaint.col.claim'),
              key: 'claim',
              render: (_, c) => `${t(`complaint.claim.${c.claim.kind}`)} ${formatFen(c.claim.amountFen)}`,
            },
            { title: t('complaint.col.status'), key: 'status', render: (_, c) => <ComplaintStatusTag status={c.status} /> },
            {
              title: t('complaint.col.deadline'),
              key: 'due',
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  <Countdown dueAt={c.dueAt} overdue={c.overdue} />
                  {c.dueAt ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(c.dueAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: '',
              key: 'open',
              render: (_, c) => (
                <Link to={`/complaints/${c.id}`}>
                  <Button size="small">{t('complaint.open')}</Button>
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
  // 投诉统计: the platform, the regulator and a merchant's staff (its own organization, per streamer and product)
  const stats =
    desk === 'consumer' ? null : (
      <Card>
        <ComplaintStatsPanel dimensions={desk === 'merchant' ? ['streamer', 'product'] : undefined} />
      </Card>
    );
  return (
    <>
      <PageHeader title={t(`complaint.list.${desk}.title`)} subtitle={t(`complaint.list.${desk}.subtitle`)} testId="complaints-title" />
      {stats ? (
        <Tabs
          data-testid="complaints-tabs"
          items={[
            { key: 'list', label: t('complaint.stats.listTab'), children: content },
            { key: 'stats', label: t('complaint.stats.tab'), children: stats },
          ]}
        />
      ) : (
        content
      )}
    </>
  );
}
