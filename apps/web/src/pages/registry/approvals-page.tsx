/**
 * 审批工作台: applications waiting for the signed-in reviewer or department (scope=queue), most urgent first; for
 * regulators also the joint-review board of every base application in joint review, and the CSV export.
 */
import { FieldTimeOutlined, FileDoneOutlined, ReloadOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Segmented, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ApplicationKind, ApplicationView } from '../../lib/api-types.ts';
import { useMe } from '../../lib/session.ts';
import { useApplications } from '../../queries/registry.ts';
import { DueTag } from './application-progress.tsx';
import { ApplicationTable, useApplicationColumns } from './application-table.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { JointReviewBoard } from './joint-review-board.tsx';
import { kindLabel } from './registry-labels.tsx';
import { StatStrip } from '../../components/stat-strip.tsx';
import '../compliance/compliance.css';
import './registry.css';

type Filter = 'todo' | 'granted' | 'all';
const FILTERS: readonly Filter[] = ['todo', 'granted', 'all'];
const KINDS: readonly ApplicationKind[] = [
  'merchant_admission',
  'streamer_certification',
  'base_certification',
  'product_review',
  'credit_appeal',
];
const REFRESH_MS = 15_000;

const STEP_TYPE_COLOR: Record<string, string> = { task: 'blue', joint_review: 'purple', notice: 'orange' };

export function ApprovalsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('todo');
  const [kind, setKind] = useState<ApplicationKind | undefined>(undefined);
  const isRegulator = me.role === 'regulator';
  const canExport = me.role === 'regulator' || me.role === 'platform_admin';

  const queue = useApplications('queue', undefined, { refetchInterval: REFRESH_MS, staleTime: 0 });
  const joint = useApplications('all', 'base_certification', { enabled: isRegulator, refetchInterval: REFRESH_MS, staleTime: 0 });

  const all = queue.data?.items ?? [];
  const todo = all.filter((a) => a.status === 'in_progress');
  const granted = all.filter((a) => a.status !== 'in_progress');
  const shown = (filter === 'todo' ? todo : filter === 'granted' ? granted : all).filter((a) => !kind || a.kind === kind);
  const inJoint = (joint.data?.items ?? []).filter((a) => a.stepType === 'joint_review' && a.status === 'in_progress');

  const col = useApplicationColumns();
  const columns: TableColumnsType<ApplicationView> = [
    col.kind(),
    col.subject(),
    col.step((app) => STEP_TYPE_COLOR[app.stepType] ?? 'default'),
    col.submittedAt(150, 'MM-DD HH:mm'),
    col.due(false),
    col.status(100),
    {
      key: 'open',
      width: 90,
      render: (_: unknown, app) => (
        <Button
          type="link"
          size="small"
          data-testid="approval-open"
          onClick={(event) => {
            event.stopPropagation();
            navigate(`/applications/${app.id}`);
          }}
        >
          {t('registry.approvals.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="approvals-page">
      <PageHeader
        title={t('registry.approvals.title')}
        subtitle={isRegulator ? t('registry.approvals.subtitleRegulator') : t('registry.approvals.subtitlePlatform')}
        extra={
          <Space>
            <Badge status={queue.isFetching ? 'processing' : 'success'} />
            <Button icon={<ReloadOutlined />} onClick={() => void queue.refetch()} data-testid="approvals-refresh">
              {t('common.refresh')}
            </Button>
            {canExport ? <ExportButtons /> : null}
          </Space>
        }
      />
      <StatStrip
        stats={[
          {
            testId: 'approvals-stat-todo',
            title: t('registry.approvals.stat.todo'),
            value: todo.length,
            icon: <FileDoneOutlined />,
            color: '#1677ff',
            bg: '#e6f4ff',
          },
          {
            testId: 'approvals-stat-overdue',
            title: t('registry.approvals.stat.overdue'),
            value: todo.filter((a) => a.overdue).length,
            icon: <FieldTimeOutlined />,
            color: '#cf1322',
            bg: '#fff1f0',
          },
          {
            testId: 'approvals-stat-joint',
            title: t('registry.approvals.stat.joint'),
            value: isRegulator ? inJoint.length : todo.filter((a) => a.stepType === 'joint_review').length,
            icon: <TeamOutlined />,
            color: '#722ed1',
            bg: '#f9f0ff',
          },
          {
            testId: 'approvals-stat-granted',
            title: t('registry.approvals.stat.granted'),
            value: granted.length,
            icon: <SafetyCertificateOutlined />,
            color: '#389e0d',
            bg: '#f6ffed',
          },
        ]}
      />

      <Card style={{ marginBottom: 16 }}>
        <Space style={{ marginBottom: 16 }} wrap size={12}>
          <Segmented<Filter>
            data-testid="approvals-filter"
            value={filter}
            onChange={(value) => setFilter(value)}
            options={FILTERS.map((value) => ({ value, label: t(`registry.approvals.filter.${value}`) }))}
          />
          <Select<ApplicationKind>
            allowClear
            style={{ width: 180 }}
            placeholder={t('registry.approvals.kindAll')}
            data-testid="approvals-kind"
            value={kind}
            onChange={(value) => setKind(value)}
            options={KINDS.map((value) => ({ value, label: kindLabel(t, value) }))}
          />
          <Typography.Text type="secondary">{t('registry.approvals.count', { count: shown.length })}</Typography.Text>
        </Space>
        {queue.error ? (
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <ApplicationTable
            data-testid="approvals-table"
            rowTestId="approval-row"
            rowAttributes={(app) => ({ 'data-kind': app.kind })}
            loading={queue.isPending}
            columns={columns}
            dataSource={shown}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('registry.approvals.empty') }}
            rowClassName={(app) => (app.overdue ? 'lh-approvals-row lh-approvals-row-overdue' : 'lh-approvals-row')}
          />
        )}
      </Card>

      {isRegulator ? (
        <div data-testid="approvals-joint-board">
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            <TeamOutlined style={{ marginInlineEnd: 8 }} />
            {t('registry.approvals.jointBoard')}
          </Typography.Title>
          {joint.error ? (
            <QueryError error={joint.error} onRetry={() => void joint.refetch()} />
          ) : inJoint.length === 0 ? (
            <Card>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.approvals.jointEmpty')} />
            </Card>
          ) : (
            inJoint.map((app) => (
              <JointReviewBoard
                key={app.id}
                app={app}
                compact
                extra={
                  <Space size={8}>
                    <DueTag app={app} />
                    <Button type="primary" size="small" onClick={() => navigate(`/applications/${app.id}`)}>
                      {t('registry.approvals.open')}
                    </Button>
                  </Space>
                }
              />
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
