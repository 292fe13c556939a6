/**
 * 统计分析: the district's live commerce as a whole for a year — the headline figures with year-on-year growth, the
 * monthly GMV against last year's with the YoY line, the category breakdown, progress against the province's, city's
 * and district's targets (each with its source), tables by district, category, base and month, the CSV / Excel
 * exports and the monthly reports generated on schedule. Regulators and the platform's administrators.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { STATS_TARGET_METRICS, type StatsLineView, type StatsTargetView } from '@livehub/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import {
  reportFileUrl,
  type StatsFilter,
  statisticsFileUrl,
  useStatistics,
  useStatsReports,
  useStatsTarget,
} from '../../queries/statistics.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const rate = (x: number | null) => (x === null ? '—' : x.toFixed(2));
/** ¥ in 万元 / 亿元 for the big figures */
function bigYuan(fen: number): string {
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 1e8) return `¥${(yuan / 1e8).toFixed(2)}亿`;
  if (Math.abs(yuan) >= 1e4) return `¥${(yuan / 1e4).toFixed(2)}万`;
  return formatFen(fen);
}
const yoyText = (t: Translate, x: number | null) => (x === null ? t('stats.yoyNone') : t('stats.yoy', { value: pct(x) }));

function lineColumns(t: Translate): TableColumnsType<StatsLineView> {
  return [
    { title: t('stats.col.name'), dataIndex: 'name', key: 'name', fixed: 'left', width: 180 },
    { title: t('stats.col.gmv'), key: 'gmv', align: 'right', render: (_, r) => formatFen(r.gmvFen) },
    { title: t('stats.col.yoy'), key: 'yoy', align: 'right', render: (_, r) => pct(r.gmvYoy) },
    { title: t('stats.col.orders'), dataIndex: 'orders', key: 'orders', align: 'right' },
    { title: t('stats.col.physical'), key: 'physical', align: 'right', render: (_, r) => formatFen(r.physicalFen) },
    { title: t('stats.col.refund'), key: 'refund', align: 'right', render: (_, r) => formatFen(r.refundFen) },
    { title: t('stats.kpi.sessions'), dataIndex: 'sessions', key: 'sessions', align: 'right' },
    { title: t('stats.kpi.streamers'), dataIndex: 'streamers', key: 'streamers', align: 'right' },
    { title: t('stats.kpi.merchants'), dataIndex: 'merchants', key: 'merchants', align: 'right' },
    { title: t('stats.col.complaints'), dataIndex: 'complaints', key: 'complaints', align: 'right' },
    { title: t('stats.col.complaintRate'), key: 'cr', align: 'right', render: (_, r) => rate(r.complaintRate) },
    { title: t('stats.col.violations'), dataIndex: 'violations', key: 'violations', align: 'right' },
    { title: t('stats.col.violationRate'), key: 'vr', align: 'right', render: (_, r) => rate(r.violationRate) },
  ];
}

function MonthlyChart({ months }: { months: StatsLineView[] }) {
  const { t } = useI18n();
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 64, right: 56, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: months.map((m) => `${Number(m.key.slice(5))}月`) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => `¥${v.toLocaleString('zh-CN')}` } },
        { type: 'value', axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          name: t('stats.chart.gmv'),
          type: 'bar',
          data: months.map((m) => m.gmvFen / 100),
          itemStyle: { color: '#fa541c' },
          barMaxWidth: 24,
        },
        {
          name: t('stats.chart.lastYear'),
          type: 'bar',
          data: months.map((m) => m.lastYearGmvFen / 100),
          itemStyle: { color: '#d9d9d9' },
          barMaxWidth: 24,
        },
        {
          name: t('stats.chart.yoy'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map((m) => (m.gmvYoy === null ? null : Math.round(m.gmvYoy * 1000) / 10)),
          connectNulls: false,
        },
      ],
    }),
    [months, t],
  );
  return <EChart option={option} height={300} testId="stats-monthly-chart" />;
}

function CategoryChart({ categories }: { categories: StatsLineView[] }) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['36%', '62%'],
          // the card is narrow: names wrap under a width rather than being cut to one character
          label: { width: 72, overflow: 'break', lineHeight: 14 },
          labelLine: { length: 8, length2: 6 },
          data: categories.filter((c) => c.gmvFen > 0).map((c) => ({ name: c.name, value: c.gmvFen / 100 })),
        },
      ],
    }),
    [categories],
  );
  return <EChart option={option} height={300} testId="stats-category-chart" />;
}

/** 直播场次、投诉、确认违规 by category (the lead product's, the order's, the product's or the session's category). */
function CategorySupervisionChart({ categories }: { categories: StatsLineView[] }) {
  const { t } = useI18n();
  const rows = useMemo(() => categories.filter((c) => c.sessions + c.complaints + c.violations > 0), [categories]);
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 140, right: 24, top: 36, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((c) => c.name), inverse: true },
      series: [
        { name: t('stats.kpi.sessions'), type: 'bar', data: rows.map((c) => c.sessions), itemStyle: { color: '#1677ff' } },
        { name: t('stats.col.complaints'), type: 'bar', data: rows.map((c) => c.complaints), itemStyle: { color: '#fa8c16' } },
        { name: t('stats.col.violations'), type: 'bar', data: rows.map((c) => c.violations), itemStyle: { color: '#f5222d' } },
      ],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Empty />;
  return <EChart option={option} height={Math.max(220, 40 + rows.length * 36)} testId="stats-category-supervision-chart" />;
}

const isMoney = (metric: string) => metric === 'gmv' || metric === 'physical_retail';

function TargetItem({ target, onEdit, onDelete }: { target: StatsTargetView; onEdit?: () => void; onDelete?: () => void }) {
  const { t } = useI18n();
  const money = isMoney(target.metric);
  const show = (v: number) => (money ? bigYuan(v) : String(v));
  const editable = onEdit && (target.scope === 'district' || target.value === null);
  const actions = [
    ...(editable
      ? [
          <Button key="edit" type="link" size="small" onClick={onEdit} data-testid={`stats-target-edit-${target.id}`}>
            {target.value === null ? t('stats.target.enterFigure') : t('stats.target.edit')}
          </Button>,
        ]
      : []),
    ...(onDelete && target.scope === 'district'
      ? [
          <Popconfirm key="delete" title={t('stats.target.deleteConfirm')} onConfirm={onDelete}>
            <Button type="link" size="small" danger data-testid={`stats-target-delete-${target.id}`}>
              {t('stats.target.delete')}
            </Button>
          </Popconfirm>,
        ]
      : []),
  ];
  return (
    <List.Item data-testid={`stats-target-${target.id}`} actions={actions}>
      <div style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong>
            {t(`stats.target.scope.${target.scope}` as MessageKey)} · {target.region} {target.year}年 · {target.title}
          </Typography.Text>
          <Tooltip title={target.source}>
            <Typography.Text type="secondary">{t('stats.target.source')}</Typography.Text>
          </Tooltip>
        </Space>
        {target.value === null ? (
          <Typography.Text type="secondary">{t('stats.target.noFigure')}</Typography.Text>
        ) : (
          <>
            <Progress percent={Math.min(100, Math.round((target.progress ?? 0) * 10_000) / 100)} format={() => pct(target.progress)} />
            <Typography.Text type="secondary">
              {t('stats.target.actual', { actual: show(target.actual), target: show(target.value), year: target.measuredYear })}
            </Typography.Text>
          </>
        )}
      </div>
    </List.Item>
  );
}

interface TargetForm {
  year: number;
  metric: (typeof STATS_TARGET_METRICS)[number];
  value: number;
  title: string;
}

/** 本区目标: a new district target, or a target's figure (and a district target's title); money entered in yuan. */
function TargetModal({
  open,
  target,
  year,
  onClose,
}: {
  open: boolean;
  target: StatsTargetView | null;
  year: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useStatsTarget();
  const [form] = Form.useForm<TargetForm>();
  const [error, setError] = useState<string | null>(null);
  const metric = Form.useWatch('metric', form) ?? target?.metric ?? 'gmv';
  const money = isMoney(metric);
  const district = target === null || target.scope === 'district';
  const submit = (v: TargetForm) => {
    const value = money ? Math.round(v.value * 100) : Math.round(v.value);
    const done = {
      onSuccess: () => {
        onClose();
        void message.success(t('stats.target.saved'));
      },
      onError: (e: unknown) => setError(errorMessage(e, t('common.networkError'))),
    };
    if (target === null) save.mutate({ kind: 'create', body: { year: v.year, metric: v.metric, value, title: v.title.trim() } }, done);
    else save.mutate({ kind: 'update', id: target.id, body: { value, ...(district ? { title: v.title.trim() } : {}) } }, done);
  };
  const initial: Partial<TargetForm> = target
    ? {
        year: target.year,
        metric: target.metric as TargetForm['metric'],
        title: target.title,
        ...(target.value !== null ? { value: isMoney(target.metric) ? target.value / 100 : target.value } : {}),
      }
    : { year, metric: 'gmv' };
  return (
    <FormModal<TargetForm>
      open={open}
      title={target ? t('stats.target.editTitle') : t('stats.target.add')}
      onClose={() => {
        setError(null);
        onClose();
      }}
      form={form}
      onFinish={submit}
      pending={save.isPending}
      okText={t('common.save')}
      okTestId="stats-target-submit"
      testId="stats-target-modal"
      initialValues={initial}
      onValuesChange={() => setError(null)}
      error={error}
      errorTestId="stats-target-error"
    >
      <Form.Item name="year" label={t('stats.target.year')} rules={[{ required: true }]}>
        <InputNumber min={2020} max={2099} disabled={target !== null} data-testid="stats-target-year" />
      </Form.Item>
      <Form.Item name="metric" label={t('stats.target.metric')} rules={[{ required: true }]}>
        <Select
          disabled={target !== null}
          options={STATS_TARGET_METRICS.map((m) => ({ value: m, label: t(`stats.target.metric.${m}` as MessageKey) }))}
          data-testid="stats-target-metric"
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={money ? t('stats.target.valueYuan') : t('stats.target.valueCount')}
        rules={[{ required: true, message: t('stats.target.valueRequired') }]}
      >
        <InputNumber min={money ? 0.01 : 1} precision={money ? 2 : 0} style={{ width: '100%' }} data-testid="stats-target-value" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('stats.target.titleLabel')}
        rules={[{ required: district, whitespace: true, min: 2, message: t('stats.target.titleRequired') }]}
      >
        <Input maxLength={200} disabled={!district} data-testid="stats-target-title" />
      </Form.Item>
    </FormModal>
  );
}

export function StatisticsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<StatsFilter>({ year: dayjs().year(), district: null, category: null });
  const stats = useStatistics(filter);
  const whole = useStatistics({ year: filter.year, district: null, category: null });
  const reports = useStatsReports();
  const columns = useMemo(() => lineColumns(t), [t]);
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - 4 + i);
  const o = stats.data;
  const me = useMe();
  const { message } = App.useApp();
  const canEditTargets = me.role === 'regulator';
  const targetStep = useStatsTarget();
  const [editing, setEditing] = useState<StatsTargetView | 'new' | null>(null);

  return (
    <div data-testid="statistics-page">
      <PageHeader
        title={t('stats.title')}
        subtitle={t('stats.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={statisticsFileUrl(filter, 'csv')} data-testid="stats-csv">
              {t('stats.downloadCsv')}
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} href={statisticsFileUrl(filter, 'xlsx')} data-testid="stats-xlsx">
              {t('stats.downloadXlsx')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('stats.year')}</span>
          <Select
            value={filter.year}
            onChange={(year) => setFilter({ ...filter, year })}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 110 }}
            data-testid="stats-year"
          />
          <span>{t('stats.district')}</span>
          <Select
            value={filter.district ?? ''}
            onChange={(d) => setFilter({ ...filter, district: d || null })}
            options={[
              { value: '', label: t('stats.all') },
              ...(whole.data?.byDistrict ?? []).filter((d) => d.key !== '').map((d) => ({ value: d.key, label: d.name })),
            ]}
            style={{ width: 160 }}
            data-testid="stats-district"
          />
          <span>{t('stats.category')}</span>
          <Select
            value={filter.category ?? ''}
            onChange={(c) => setFilter({ ...filter, category: c || null })}
            options={[
              { value: '', label: t('stats.all') },
              ...(whole.data?.byCategory ?? []).filter((c) => c.key !== '').map((c) => ({ value: c.key, label: c.name })),
            ]}
            style={{ width: 160 }}
            data-testid="stats-category"
          />
        </Space>
      </Card>
      {stats.error ? <QueryError error={stats.error} /> : null}
      {o ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="stats-kpis">
            {(
              [
                ['stats.kpi.gmv', bigYuan(o.total.gmvFen), yoyText(t, o.total.gmvYoy)],
                ['stats.kpi.orders', o.total.orders.toLocaleString('zh-CN'), yoyText(t, o.total.ordersYoy)],
                ['stats.kpi.physical', bigYuan(o.total.physicalFen), null],
                ['stats.kpi.sessions', o.total.sessions.toLocaleString('zh-CN'), null],
                ['stats.kpi.streamers', String(o.total.streamers), null],
                ['stats.kpi.merchants', String(o.total.merchants), null],
                ['stats.kpi.complaintRate', rate(o.total.complaintRate), null],
                ['stats.kpi.violationRate', rate(o.total.violationRate), null],
              ] as Array<[MessageKey, string, string | null]>
            ).map(([label, value, sub]) => (
              <Col key={label} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t(label)} value={value} />
                  {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={16}>
              <Card title={t('stats.chart.monthly')}>
                <MonthlyChart months={o.months} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('stats.chart.category')}>
                {o.byCategory.some((c) => c.gmvFen > 0) ? <CategoryChart categories={o.byCategory} /> : <Empty />}
              </Card>
            </Col>
          </Row>
          <Card title={t('stats.chart.categorySupervision')} style={{ marginBottom: 16 }}>
            <CategorySupervisionChart categories={o.byCategory} />
          </Card>
          <Card
            title={t('stats.targets')}
            style={{ marginBottom: 16 }}
            extra={
              canEditTargets ? (
                <Button onClick={() => setEditing('new')} data-testid="stats-target-add">
                  {t('stats.target.add')}
                </Button>
              ) : null
            }
          >
            <List
              dataSource={o.targets}
              renderItem={(x) => (
                <TargetItem
                  target={x}
                  {...(canEditTargets
                    ? {
                        onEdit: () => setEditing(x),
                        onDelete: () =>
                          targetStep.mutate(
                            { kind: 'delete', id: x.id },
                            { onError: (e) => void message.error(errorMessage(e, t('common.networkError'))) },
                          ),
                      }
                    : {})}
                />
              )}
              data-testid="stats-targets"
            />
          </Card>
          {editing !== null ? (
            <TargetModal open target={editing === 'new' ? null : editing} year={filter.year} onClose={() => setEditing(null)} />
          ) : null}
          <Card style={{ marginBottom: 16 }}>
            <Tabs
              items={(
                [
                  ['district', 'stats.table.byDistrict', o.byDistrict],
                  ['category', 'stats.table.byCategory', o.byCategory],
                  ['base', 'stats.table.byBase', o.byBase],
                  ['month', 'stats.table.byMonth', [...o.months, o.total]],
                ] as Array<[string, MessageKey, StatsLineView[]]>
              ).map(([key, label, rows]) => ({
                key,
                label: t(label),
                children: (
                  <Table
                    rowKey="key"
                    size="small"
                    columns={columns}
                    dataSource={rows}
                    pagination={false}
                    scroll={{ x: 1100 }}
                    data-testid={`stats-table-${key}`}
                  />
                ),
              }))}
            />
          </Card>
        </>
      ) : null}
      <Card title={t('stats.reports')}>
        <List
          dataSource={reports.data ?? []}
          locale={{ emptyText: t('stats.reports.empty') }}
          renderItem={(r) => (
            <List.Item>
              <Button type="link" icon={<DownloadOutlined />} href={reportFileUrl(r.month)}>
                {t('stats.reports.download', { month: r.month })}
              </Button>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
