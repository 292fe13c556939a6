/**
 * 举报受理 (`/reports`): the platform's admins and reviewers check reports and give an outcome the reporter reads —
 * substantiated, not substantiated, or referred to the regulator as a clue; regulators read the queue. The reporter
 * appears only as signed in or anonymous, with the phone masked.
 */
import { REPORT_STATUSES, type ReportCase, type ReportHandleAction, type ReportStatus } from '@livehub/contracts';
import { Button, Card, Segmented, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { ReasonDialog } from '../../components/reason-dialog.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { useHandleReport, useReportQueue } from '../../queries/reports.ts';
import { categoryLabel, formatReportTime, ReportStatusTag, statusLabel, targetLabel } from './report-labels.tsx';

const HANDLERS = new Set(['platform_admin', 'reviewer']);
const OUTCOMES: ReportHandleAction[] = ['substantiate', 'unsubstantiate', 'refer'];

export function ReportsQueuePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const canHandle = HANDLERS.has(me.role);
  const [status, setStatus] = useState<ReportStatus | 'open'>('open');
  const queue = useReportQueue(status);
  const handle = useHandleReport();
  const [acting, setActing] = useState<{ report: ReportCase; action: ReportHandleAction } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (report: ReportCase, action: ReportHandleAction, reason?: string) => {
    setError(null);
    try {
      await handle.mutateAsync({ id: report.id, body: { action, ...(reason ? { reason } : {}) } });
      setActing(null);
    } catch (e) {
      setError(errorMessage(e, t('reports.action.done')));
    }
  };

  const columns: TableColumnsType<ReportCase> = [
    {
      title: t('reports.col.target'),
      key: 'target',
      width: 220,
      render: (_, r) => (
        <span data-testid="report-target">
          <Typography.Text type="secondary">{targetLabel(t, r.target.kind)}</Typography.Text> {r.target.name ?? '—'}
        </span>
      ),
    },
    { title: t('reports.col.category'), key: 'category', width: 110, render: (_, r) => categoryLabel(t, r.category) },
    { title: t('reports.col.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('reports.col.reporter'),
      key: 'reporter',
      width: 150,
      render: (_, r) => (
        <span>
          {t(`reports.reporter.${r.reporter}`)}
          {r.contactPhone ? <div style={{ color: '#888' }}>{r.contactPhone}</div> : null}
        </span>
      ),
    },
    {
      title: t('reports.col.evidence'),
      key: 'evidence',
      width: 90,
      render: (_, r) => (r.evidenceDocumentIds.length ? t('reports.evidenceCount', { count: r.evidenceDocumentIds.length }) : '—'),
    },
    { title: t('reports.col.status'), key: 'status', width: 120, render: (_, r) => <ReportStatusTag status={r.status} /> },
    { title: t('reports.col.filedAt'), key: 'filedAt', width: 170, render: (_, r) => formatReportTime(r.filedAt, locale) },
    {
      title: t('reports.col.actions'),
      key: 'actions',
      width: 300,
      render: (_, r) => {
        const open = r.status === 'received' || r.status === 'under_review';
        return (
          <Space wrap size={4}>
            {r.reviewItemId ? <Link to={`/review/${r.reviewItemId}`}>{t('reports.reviewItem')}</Link> : null}
            {canHandle && r.status === 'received' ? (
              <Button size="small" onClick={() => void act(r, 'review')} data-testid="report-review">
                {t('reports.action.review')}
              </Button>
            ) : null}
            {canHandle && open
              ? OUTCOMES.map((action) => (
                  <Button
                    key={action}
                    size="small"
                    danger={action !== 'unsubstantiate'}
                    onClick={() => setActing({ report: r, action })}
                    data-testid={`report-${action}`}
                  >
                    {t(`reports.action.${action}`)}
                  </Button>
                ))
              : null}
            {!open ? <Typography.Text type="secondary">{r.outcome}</Typography.Text> : null}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('reports.queue.title')} subtitle={t('reports.queue.subtitle')} testId="reports-queue-title" />
      <Card>
        <Segmented<ReportStatus | 'open'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('reports.status.open') },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
          ]}
          style={{ marginBottom: 16 }}
          data-testid="reports-status-filter"
        />
        <QueryTable<ReportCase>
          query={queue}
          rowKey="id"
          columns={columns}
          dataSource={queue.data?.items ?? []}
          locale={{ emptyText: t('reports.queue.empty') }}
          data-testid="reports-queue"
        />
      </Card>
      <ReasonDialog
        open={acting !== null}
        resetKey={acting}
        title={acting ? t(`reports.action.${acting.action}`) : ''}
        hint={t('reports.action.reasonHint')}
        label={t('reports.action.reason')}
        placeholder={t('reports.action.reason')}
        rules={[{ required: true, min: 2 }]}
        maxLength={1000}
        isValid={(s) => s.length >= 2}
        submitLabel={acting ? t(`reports.action.${acting.action}`) : ''}
        danger={acting?.action !== 'unsubstantiate'}
        loading={handle.isPending}
        error={error}
        testIds={{
          modal: 'report-handle-modal',
          input: 'report-handle-reason',
          submit: 'report-handle-submit',
          error: 'report-handle-error',
        }}
        onCancel={() => setActing(null)}
        onSubmit={(reason) => acting && void act(acting.report, acting.action, reason)}
      />
    </>
  );
}
