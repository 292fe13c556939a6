/** 我的举报 (`/reports/mine`, any signed-in user): the reports the caller filed, their state and the handling's outcome. */
import type { ReportReceipt } from '@livehub/contracts';
import { Card, type TableColumnsType, Typography } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useMyReports } from '../../queries/reports.ts';
import { categoryLabel, formatReportTime, ReportStatusTag, targetLabel } from './report-labels.tsx';

export function MyReportsPage() {
  const { t, locale } = useI18n();
  const mine = useMyReports();
  const columns: TableColumnsType<ReportReceipt> = [
    {
      title: t('reports.col.target'),
      key: 'target',
      render: (_, r) => (
        <span>
          <Typography.Text type="secondary">{targetLabel(t, r.target.kind)}</Typography.Text> {r.target.name ?? '—'}
        </span>
      ),
    },
    { title: t('reports.col.category'), key: 'category', width: 120, render: (_, r) => categoryLabel(t, r.category) },
    { title: t('reports.col.description'), dataIndex: 'description', ellipsis: true },
    { title: t('reports.col.status'), key: 'status', width: 130, render: (_, r) => <ReportStatusTag status={r.status} /> },
    { title: t('reports.col.outcome'), key: 'outcome', render: (_, r) => r.outcome ?? '—' },
    { title: t('reports.col.filedAt'), key: 'filedAt', width: 180, render: (_, r) => formatReportTime(r.filedAt, locale) },
  ];
  return (
    <>
      <PageHeader title={t('reports.mine.title')} subtitle={t('reports.mine.subtitle')} testId="my-reports-title" />
      <Card>
        <QueryTable<ReportReceipt>
          query={mine}
          rowKey="id"
          columns={columns}
          dataSource={mine.data?.items ?? []}
          locale={{ emptyText: t('reports.mine.empty') }}
          data-testid="my-reports"
        />
      </Card>
    </>
  );
}
