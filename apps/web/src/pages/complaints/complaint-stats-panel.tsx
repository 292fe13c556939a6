/**
 * 投诉统计 (the complaints list's second tab, for the platform, the regulator and a merchant's staff): complaint and
 * report counts per merchant, streamer or product over a period — a bar chart of the subjects with the most
 * complaints (filed and upheld) and a table by name with the statuses, the upheld rate, what consumers were paid,
 * the median time to the merchant's answer and the reports; exported as an Excel workbook by the server.
 */
import { COMPLAINT_STATUSES, type ComplaintStatsDimension, type ComplaintStatsRow } from '@livehub/contracts';
import { Button, DatePicker, Empty, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { complaintStatsXlsxUrl, useComplaintStats } from '../../queries/complaints.ts';

const DIMENSIONS: ComplaintStatsDimension[] = ['merchant', 'streamer', 'product'];
const CHART_TOP = 10;

export function ComplaintStatsPanel({ dimensions = DIMENSIONS }: { dimensions?: ComplaintStatsDimension[] }) {
  const { t } = useI18n();
  const [by, setBy] = useState<ComplaintStatsDimension>(dimensions[0] ?? 'merchant');
  // the last twelve months up to today in China time (the server counts days in China time; a year is its longest)
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    return [today.subtract(364, 'day'), today];
  });
  const q = { by, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useComplaintStats(q);
  const rows = stats.data?.rows ?? [];

  const option = useMemo<EChartOption>(() => {
    const top = rows.slice(0, CHART_TOP);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('complaint.stats.complaints'), t('complaint.stats.upheld'), t('complaint.stats.reports')] },
      grid: { left: 48, right: 16, bottom: 64, top: 40 },
      xAxis: { type: 'category', data: top.map((r) => r.subjectName), axisLabel: { interval: 0, rotate: top.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('complaint.stats.complaints'), type: 'bar', data: top.map((r) => r.complaints) },
        { name: t('complaint.stats.upheld'), type: 'bar', data: top.map((r) => r.upheld) },
        { name: t('complaint.stats.reports'), type: 'bar', data: top.map((r) => r.reports) },
      ],
    } as EChartOption;
  }, [rows, t]);

  const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  return (
    <div data-testid="complaint-stats">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<ComplaintStatsDimension>
          data-testid="complaint-stats-by"
          value={by}
          onChange={setBy}
          options={dimensions.map((d) => ({ value: d, label: t(`complaint.stats.by.${d}`) }))}
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Button href={complaintStatsXlsxUrl(q)} data-testid="complaint-stats-xlsx">
          {t('complaint.stats.export')}
        </Button>
      </Space>
      {stats.error ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          {rows.length > 0 ? <EChart option={option} height={320} testId="complaint-stats-chart" /> : null}
          <Table<ComplaintStatsRow>
            rowKey="subjectId"
            size="middle"
            loading={stats.isPending}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('complaint.stats.empty')} /> }}
            data-testid="complaint-stats-table"
            onRow={() => ({ 'data-testid': 'complaint-stats-row' }) as never}
            scroll={{ x: 900 }}
            columns={[
              { title: t(`complaint.stats.by.${by}`), key: 'name', render: (_, r) => r.subjectName },
              { title: t('complaint.stats.complaints'), dataIndex: 'complaints', key: 'complaints' },
              {
                title: t('complaint.stats.statuses'),
                key: 'statuses',
                render: (_, r) => (
                  <Space size={[4, 4]} wrap>
                    {COMPLAINT_STATUSES.filter((s) => (r.byStatus[s] ?? 0) > 0).map((s) => (
                      <Tag key={s}>
                        {t(`complaint.status.${s}`)} {r.byStatus[s]}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('complaint.stats.upheld'), dataIndex: 'upheld', key: 'upheld' },
              {
                title: <Tooltip title={t('complaint.stats.upheldRateHint')}>{t('complaint.stats.upheldRate')}</Tooltip>,
                key: 'rate',
                render: (_, r) => rate(r.upheldRate),
              },
              { title: t('complaint.stats.paid'), key: 'paid', render: (_, r) => formatFen(r.compensationPaidFen) },
              { title: t('complaint.stats.refunded'), key: 'refunded', render: (_, r) => formatFen(r.refundedFen) },
              {
                title: t('complaint.stats.medianAnswer'),
                key: 'answer',
                render: (_, r) => (r.medianAnswerHours === null ? '—' : t('complaint.stats.hours', { n: r.medianAnswerHours })),
              },
              { title: t('complaint.stats.reports'), dataIndex: 'reports', key: 'reports' },
            ]}
          />
        </>
      )}
    </div>
  );
}
