/**
 * 举报查询 (`/reports/track`, no login, outside the authenticated shell): an anonymous reporter enters the tracking code
 * and sees the report's state and the handling's outcome — nothing of the reporter, nothing of the target but its kind.
 * `?code=…` (from the form's 去查询) fills it in and runs it.
 */
import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Input } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { IconTitle } from '../../components/icon-title.tsx';
import { PublicPageFrame } from '../../components/public-page-frame.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useReportTrack } from '../../queries/reports.ts';
import { categoryLabel, formatReportTime, ReportStatusTag, targetLabel } from './report-labels.tsx';

export function ReportTrackPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const asked = params.get('code') ?? '';
  const track = useReportTrack(asked, { enabled: asked.length > 0, retry: false });
  const r = track.data;
  return (
    <PublicPageFrame
      testId="report-track-page"
      titleTestId="report-track-title"
      title={t('reports.track.title')}
      subtitle={t('reports.track.subtitle')}
      footer={t('reports.track.footer')}
    >
      <Card title={<IconTitle icon={<FileSearchOutlined />}>{t('reports.track.code')}</IconTitle>} style={{ maxWidth: 720 }}>
        <Input.Search
          size="large"
          allowClear
          maxLength={40}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          enterButton={t('reports.track.search')}
          placeholder={t('reports.track.placeholder')}
          onSearch={(v) => setParams(v.trim() ? { code: v.trim() } : {})}
          data-testid="report-track-code"
        />
        {track.error ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            message={errorMessage(track.error, '')}
            data-testid="report-track-error"
          />
        ) : null}
        {r ? (
          <Descriptions
            bordered
            column={1}
            size="middle"
            style={{ marginTop: 16 }}
            title={t('reports.track.result')}
            data-testid="report-track-result"
            items={[
              { key: 'status', label: t('reports.col.status'), children: <ReportStatusTag status={r.status} /> },
              { key: 'target', label: t('reports.col.target'), children: targetLabel(t, r.targetKind) },
              { key: 'category', label: t('reports.col.category'), children: categoryLabel(t, r.category) },
              { key: 'filed', label: t('reports.col.filedAt'), children: formatReportTime(r.filedAt, locale) },
              { key: 'handled', label: t('reports.col.handledAt'), children: formatReportTime(r.handledAt, locale) },
              {
                key: 'outcome',
                label: t('reports.col.outcome'),
                children: <span data-testid="report-track-outcome">{r.outcome ?? '—'}</span>,
              },
            ]}
          />
        ) : null}
      </Card>
    </PublicPageFrame>
  );
}
