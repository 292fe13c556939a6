import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditVerifyResult } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Input, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ChainVerifyAlert } from '../components/chain-verify-alert.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { activityLabel, actorName, targetLabel, useI18n } from '../i18n/index.ts';
import { endpoints } from '../lib/endpoints.ts';
import { useAuditPages } from '../queries/identity.ts';

function actionColor(action: string): string {
  if (action.startsWith('auth.')) return 'blue';
  if (action.includes('delete') || action.includes('remove') || action.includes('revoke')) return 'red';
  if (action.includes('create') || action.includes('add')) return 'green';
  return 'default';
}

export function AuditPage() {
  const { t } = useI18n();
  const [actionInput, setActionInput] = useState('');
  const [action, setAction] = useState('');

  const audit = useAuditPages(action);

  const verify = useMutation<AuditVerifyResult>({ mutationFn: endpoints.verifyAudit });
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90, render: (v: number) => <Typography.Text strong>#{v}</Typography.Text> },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorLabel',
      render: (v: string | null) => (v && !v.includes(':') ? v : <Typography.Text type="secondary">{actorName(t, v)}</Typography.Text>),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      // the words first; the recorded code stays one hover away for whoever searches by it
      render: (v: string) => (
        <Tooltip title={v}>
          <Tag color={actionColor(v)} data-testid="audit-action">
            {activityLabel(t, v)}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_: unknown, entry) => (
        <span>
          {entry.targetName ? (
            <Tooltip title={entry.targetId}>
              <span data-testid="audit-target">
                {targetLabel(t, entry.targetType)} · {entry.targetName}
              </span>
            </Tooltip>
          ) : entry.targetId ? (
            <Tooltip title={entry.targetId}>
              <span data-testid="audit-target">{targetLabel(t, entry.targetType)}</span>
            </Tooltip>
          ) : (
            <span data-testid="audit-target">{targetLabel(t, entry.targetType)}</span>
          )}
        </span>
      ),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 150,
      render: (v: string) => (
        <Tooltip title={v}>
          <Typography.Text code className="lh-mono" data-testid="audit-hash">
            {v.slice(0, 12)}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <ChainVerifyAlert
        testId="audit-verify-result"
        result={verify.data}
        error={verify.error}
        onClose={() => verify.reset()}
        okText={(checked) => t('audit.verifyOk', { checked })}
        brokenText={(r) => t('audit.verifyBroken', { seq: r.firstBrokenSeq ?? '?', checked: r.checked, reason: r.reason ?? '' })}
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            style={{ width: 320 }}
            placeholder={t('audit.filterAction')}
            value={actionInput}
            data-testid="audit-action-filter"
            onChange={(e) => setActionInput(e.target.value)}
            onSearch={(value) => setAction(value.trim())}
          />
          <Button icon={<ReloadOutlined />} onClick={() => void audit.refetch()}>
            {t('common.refresh')}
          </Button>
        </Space>
        {audit.error ? (
          <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="seq"
              size="middle"
              data-testid="audit-table"
              loading={audit.isPending}
              columns={columns}
              dataSource={entries}
              pagination={false}
              scroll={{ x: 900 }}
            />
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              {audit.hasNextPage ? (
                <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              ) : entries.length > 0 ? (
                <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
              ) : null}
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
