/**
 * 跨境商品申报价格核查 (regulators): every cross-border product with its declared customs value against what buyers paid
 * for it in the last 30 days — median, lowest and highest unit price, their ratio — and the products flagged for
 * possible under-declaration (低报价格) first; a bar chart of the ratio per product with the flagging line.
 */
import { IMPORT_MODE_LABELS, type CrossBorderReportRow } from '@livehub/contracts';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useCrossBorderReport } from '../../queries/supervision.ts';

export function CrossBorderPage() {
  const { t } = useI18n();
  const report = useCrossBorderReport();
  const r = report.data;
  const items = r?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('crossBorder.title')}
        subtitle={t('crossBorder.subtitle', { days: r?.windowDays ?? 30, ratio: r?.ratioThreshold ?? 1.5, units: r?.minUnits ?? 10 })}
        testId="cross-border-title"
        extra={
          <Button type="primary" icon={<DownloadOutlined />} href="/api/supervision/cross-border.xlsx" data-testid="cross-border-xlsx">
            {t('crossBorder.export')}
          </Button>
        }
      />
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {r && items.some((x) => x.ratio !== null) ? (
        <Card style={{ marginBottom: 16 }} title={t('crossBorder.chart')}>
          <RatioChart items={items} threshold={r.ratioThreshold} />
        </Card>
      ) : null}
      <Card>
        <Table<CrossBorderReportRow>
          rowKey="productId"
          loading={report.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('crossBorder.empty')} /> }}
          data-testid="cross-border-table"
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('crossBorder.col.product'),
              dataIndex: 'title',
              render: (title: string) => <Typography.Text strong>{title}</Typography.Text>,
            },
            { title: t('crossBorder.col.merchant'), dataIndex: 'merchantName' },
            { title: t('crossBorder.col.origin'), dataIndex: 'originName' },
            {
              title: t('crossBorder.col.mode'),
              dataIndex: 'importMode',
              render: (m: CrossBorderReportRow['importMode']) => IMPORT_MODE_LABELS[m],
            },
            { title: t('crossBorder.col.declared'), dataIndex: 'declaredValueFen', align: 'right', render: (v: number) => formatFen(v) },
            {
              title: t('crossBorder.col.median'),
              dataIndex: 'medianFen',
              align: 'right',
              render: (v: number | null) => (v === null ? t('crossBorder.noSales') : formatFen(v)),
            },
            {
              title: t('crossBorder.col.range'),
              key: 'range',
              align: 'right',
              render: (_: unknown, x) => (x.minFen === null || x.maxFen === null ? '—' : `${formatFen(x.minFen)} / ${formatFen(x.maxFen)}`),
            },
            { title: t('crossBorder.col.units'), dataIndex: 'units', align: 'right' },
            {
              title: t('crossBorder.col.ratio'),
              dataIndex: 'ratio',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`),
            },
            {
              title: t('crossBorder.col.flag'),
              dataIndex: 'flagged',
              render: (flagged: boolean) =>
                flagged ? <Tag color="red">{t('crossBorder.flagged')}</Tag> : <Tag color="default">{t('crossBorder.ok')}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}

function RatioChart({ items, threshold }: { items: CrossBorderReportRow[]; threshold: number }) {
  const sold = items.filter((x) => x.ratio !== null).slice(0, 30);
  const option: EChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 24, bottom: 80 },
    xAxis: { type: 'category', data: sold.map((x) => x.title), axisLabel: { rotate: 30, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        type: 'bar',
        data: sold.map((x) => ({ value: x.ratio ?? 0, itemStyle: { color: (x.ratio ?? 0) >= threshold ? '#cf1322' : '#1677ff' } })),
      },
    ],
  };
  return <EChart option={option} height={300} testId="cross-border-chart" />;
}
