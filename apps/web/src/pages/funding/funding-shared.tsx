/**
 * The parts the three funding pages share: the project list, the detail card (tranches, evaluations and the year's
 * targets against the self-assessed and verified figures in ECharts), the page layout and the label helpers.
 */
import type { FundingEvaluationView, FundingProjectDetailView, FundingProjectView } from '@livehub/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isMessageKey as isKnown, type Translate, useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { fundingKeys, useFundingProject, useFundingProjects } from '../../queries/funding.ts';

export type Kind = 'gmv' | 'enterprises' | 'talent' | 'brands';
export const WAN = 1_000_000;
export const targetLabel = (t: Translate, kind: string) => t(`funding.target.${kind as Kind}`);
const STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  funded: 'blue',
  self_assessed: 'cyan',
  rectifying: 'orange',
  passed: 'green',
  completed: 'green',
  exited: 'red',
};
/** A status or kind as its label; a value the dictionary does not know is shown as it is. */
export const label = (t: Translate, prefix: string, value: string) => {
  const key = `${prefix}.${value}`;
  return isKnown(key) ? t(key) : value;
};

/** A figure as the screen shows it: GMV in 万元, counts as they are. */
export const show = (kind: Kind, v: number | null | undefined) =>
  v === null || v === undefined ? '—' : kind === 'gmv' ? (v / WAN).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(v);
export const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');
export const yearOf = (t: Translate, n: number, year: number) => t('funding.yearOf', { n, year });

function ProjectList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const list = useFundingProjects();
  return (
    <Table<FundingProjectView>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={list.data ?? []}
      pagination={false}
      locale={{ emptyText: t('funding.list.empty') }}
      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ onClick: () => onSelect(r.id) })}
      data-testid="funding-projects"
      columns={[
        { title: t('funding.col.name'), dataIndex: 'name' },
        { title: t('funding.col.kind'), dataIndex: 'kind', render: (k: string) => label(t, 'funding.kind', k) },
        { title: t('funding.col.owner'), dataIndex: 'ownerName' },
        { title: t('funding.col.evaluator'), dataIndex: 'evaluatorName' },
        { title: t('funding.col.budget'), dataIndex: 'budgetFen', render: (v: number) => formatFen(v) },
        {
          title: t('funding.col.currentYear'),
          render: (_: unknown, r) => (r.currentYear > 0 ? yearOf(t, r.currentYear, r.startYear + r.currentYear - 1) : '—'),
        },
        {
          title: t('funding.col.status'),
          dataIndex: 'status',
          render: (s: string) => <Tag color={STATUS_COLORS[s]}>{label(t, 'funding.status', s)}</Tag>,
        },
      ]}
    />
  );
}

function TargetsChart({ d }: { d: FundingProjectDetailView }) {
  const { t: tr } = useI18n();
  const year = Math.max(1, d.project.currentYear);
  const targets = d.targets.filter((t) => t.planYear === year);
  const e = d.evaluations.find((x) => x.planYear === year);
  if (targets.length === 0) return null;
  const ratio = (kind: Kind, v: number | undefined) => {
    const t = targets.find((x) => x.kind === kind)?.target ?? 0;
    return v === undefined || t === 0 ? null : Math.round((v / t) * 1000) / 10;
  };
  const [target, self, verified] = [tr('funding.chart.target'), tr('funding.chart.self'), tr('funding.chart.verified')];
  const option: EChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { data: [target, self, verified], top: 0, left: 'center' },
    grid: { left: 48, right: 16, bottom: 32, top: 56 },
    xAxis: { type: 'category', data: targets.map((t) => targetLabel(tr, t.kind)) },
    yAxis: { type: 'value', name: tr('funding.chart.rate') },
    series: [
      { name: target, type: 'bar', data: targets.map(() => 100) },
      { name: self, type: 'bar', data: targets.map((t) => ratio(t.kind as Kind, e?.selfFigures[t.kind as Kind]?.value)) },
      { name: verified, type: 'bar', data: targets.map((t) => ratio(t.kind as Kind, e?.verifiedFigures?.[t.kind as Kind])) },
    ],
  };
  return (
    <Card size="small" title={tr('funding.chart.title', { n: year, year: d.project.startYear + year - 1 })}>
      <EChart option={option} height={280} testId="funding-targets-chart" />
      <Table
        size="small"
        pagination={false}
        rowKey="kind"
        dataSource={targets}
        columns={[
          { title: tr('funding.col.indicator'), dataIndex: 'kind', render: (k: Kind) => targetLabel(tr, k) },
          { title: tr('funding.col.target'), render: (_: unknown, t) => show(t.kind as Kind, t.target) },
          {
            title: tr('funding.col.selfValue'),
            render: (_: unknown, t) => {
              const f = e?.selfFigures[t.kind as Kind];
              const source = tr(f?.source === 'livehub' ? 'funding.source.livehub' : 'funding.source.self');
              return f ? `${show(t.kind as Kind, f.value)}（${source}）` : '—';
            },
          },
          { title: tr('funding.col.verifiedValue'), render: (_: unknown, t) => show(t.kind as Kind, e?.verifiedFigures?.[t.kind as Kind]) },
        ]}
      />
    </Card>
  );
}

export function ProjectDetail({ id, actions }: { id: string; actions?: (d: FundingProjectDetailView) => React.ReactNode }) {
  const { t } = useI18n();
  const q = useFundingProject(id);
  const d = q.data;
  if (!d) return <Card loading={q.isLoading} />;
  const p = d.project;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="funding-detail">
      <Card size="small" title={p.name} extra={actions?.(d)}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('funding.detail.owner')}>{p.ownerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.issuer')}>{d.issuerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.evaluator')}>{p.evaluatorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.plan')}>
            {t('funding.detail.planValue', { from: p.startYear, to: p.startYear + 2 })}
          </Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.budget')}>{formatFen(p.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.status')}>
            <Tag color={STATUS_COLORS[p.status]}>{label(t, 'funding.status', p.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.paid')}>{formatFen(d.paidFen)}</Descriptions.Item>
          <Descriptions.Item label={t('funding.detail.clawedBack')}>{formatFen(d.clawedBackFen)}</Descriptions.Item>
          {p.exitReason ? <Descriptions.Item label={t('funding.detail.exitReason')}>{p.exitReason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <TargetsChart d={d} />
      <Card size="small" title={t('funding.tranches.title')}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.tranches}
          columns={[
            { title: t('funding.col.year'), render: (_: unknown, x) => yearOf(t, x.planYear, x.year) },
            { title: t('funding.col.amount'), dataIndex: 'amountFen', render: (v: number) => formatFen(v) },
            { title: t('funding.col.status'), dataIndex: 'status', render: (s: string) => label(t, 'funding.tranche', s) },
            { title: t('funding.col.paidAt'), dataIndex: 'paidAt', render: day },
            { title: t('funding.col.clawedBackAt'), dataIndex: 'clawedBackAt', render: day },
          ]}
        />
      </Card>
      <Card size="small" title={t('funding.evaluations.title')}>
        <Table<FundingEvaluationView>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.evaluations}
          locale={{ emptyText: t('funding.evaluations.empty') }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('funding.evaluation.selfNote')}>{e.selfNote || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('funding.evaluation.report')}>
                  {e.reportText ?? t('funding.evaluation.pending')}
                </Descriptions.Item>
                <Descriptions.Item label={t('funding.evaluation.rectificationReport')}>{e.rectificationReport ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('funding.evaluation.outcomeNote')}>{e.outcomeNote ?? '—'}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: t('funding.col.year'), render: (_: unknown, e) => yearOf(t, e.planYear, e.year) },
            { title: t('funding.col.selfAssessedAt'), dataIndex: 'selfAssessedAt', render: day },
            { title: t('funding.col.score'), dataIndex: 'score', render: (s: number | null) => (s === null ? '—' : s) },
            { title: t('funding.col.grade'), dataIndex: 'gradeLabel', render: (g: string | null) => g ?? t('funding.col.gradePending') },
            { title: t('funding.col.deadline'), dataIndex: 'rectificationDeadline', render: day },
            { title: t('funding.col.result'), dataIndex: 'status', render: (s: string) => label(t, 'funding.evaluation', s) },
          ]}
        />
      </Card>
    </Space>
  );
}

export function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: fundingKeys.all });
}

export function Layout({
  title,
  subtitle,
  detail,
  extra,
}: {
  title: string;
  subtitle: string;
  detail: (id: string) => React.ReactNode;
  extra?: React.ReactNode;
}) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={extra} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small">
          <ProjectList selected={selected} onSelect={setSelected} />
        </Card>
        {selected ? detail(selected) : <Empty description={t('funding.selectProject')} />}
      </Space>
    </>
  );
}

export const KINDS: Kind[] = ['gmv', 'enterprises', 'talent', 'brands'];
export const YEARS = [1, 2, 3] as const;
