/**
 * 项目资金绩效评价: 项目资金 (the issuing department: projects, tranches paid and clawed back, evaluations, the
 * rectification's outcome), 我的项目 (the base: 自查自评 prefilled with LiveHub's own figures, 整改报告) and 评估任务
 * (the assigned third-party evaluator: report and verified figures). One detail card shared by the three, with the
 * year's targets against the self-assessed and verified figures (ECharts). Chinese labels only.
 */
import type { FundingEvaluationView, FundingProjectDetailView, FundingProjectView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import {
  fundingApi,
  fundingKeys,
  useFundingOptions,
  useFundingPrefill,
  useFundingProject,
  useFundingProjects,
} from '../../queries/funding.ts';

type Kind = 'gmv' | 'enterprises' | 'talent' | 'brands';
const WAN = 1_000_000;
const TARGET_LABELS: Record<Kind, string> = {
  gmv: '直播电商交易额（万元）',
  enterprises: '集聚企业数',
  talent: '直播人才数',
  brands: '培育品牌数',
};
const STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  funded: 'blue',
  self_assessed: 'cyan',
  rectifying: 'orange',
  passed: 'green',
  completed: 'green',
  exited: 'red',
};
const TRANCHE_STATUS: Record<string, string> = { planned: '待拨付', paid: '已拨付', clawed_back: '已收回', cancelled: '已取消' };
const EVALUATION_STATUS: Record<string, string> = {
  self_assessed: '待第三方评估',
  passed: '评价通过',
  rectifying: '整改中',
  rectified: '整改通过',
  failed: '整改不合格，已退出',
};
const KIND_LABELS: Record<string, string> = { cluster: '集聚区', base: '基地' };

/** A figure as the screen shows it: GMV in 万元, counts as they are. */
const show = (kind: Kind, v: number | null | undefined) =>
  v === null || v === undefined ? '—' : kind === 'gmv' ? (v / WAN).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(v);
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');

function ProjectList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const list = useFundingProjects();
  return (
    <Table<FundingProjectView>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={list.data ?? []}
      pagination={false}
      locale={{ emptyText: '暂无项目' }}
      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ onClick: () => onSelect(r.id) })}
      data-testid="funding-projects"
      columns={[
        { title: '项目名称', dataIndex: 'name' },
        { title: '类型', dataIndex: 'kind', render: (k: string) => KIND_LABELS[k] ?? k },
        { title: '承担单位', dataIndex: 'ownerName' },
        { title: '评估机构', dataIndex: 'evaluatorName' },
        { title: '预算', dataIndex: 'budgetFen', render: (v: number) => formatFen(v) },
        {
          title: '当前年度',
          render: (_: unknown, r) => (r.currentYear > 0 ? `第${r.currentYear}年（${r.startYear + r.currentYear - 1}）` : '—'),
        },
        { title: '状态', dataIndex: 'statusLabel', render: (s: string, r) => <Tag color={STATUS_COLORS[r.status]}>{s}</Tag> },
      ]}
    />
  );
}

function TargetsChart({ d }: { d: FundingProjectDetailView }) {
  const year = Math.max(1, d.project.currentYear);
  const targets = d.targets.filter((t) => t.planYear === year);
  const e = d.evaluations.find((x) => x.planYear === year);
  if (targets.length === 0) return null;
  const ratio = (kind: Kind, v: number | undefined) => {
    const t = targets.find((x) => x.kind === kind)?.target ?? 0;
    return v === undefined || t === 0 ? null : Math.round((v / t) * 1000) / 10;
  };
  const option: EChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { data: ['目标', '自评', '核定'], top: 0, left: 'center' },
    grid: { left: 48, right: 16, bottom: 32, top: 56 },
    xAxis: { type: 'category', data: targets.map((t) => TARGET_LABELS[t.kind as Kind]) },
    yAxis: { type: 'value', name: '完成率（%）' },
    series: [
      { name: '目标', type: 'bar', data: targets.map(() => 100) },
      { name: '自评', type: 'bar', data: targets.map((t) => ratio(t.kind as Kind, e?.selfFigures[t.kind as Kind]?.value)) },
      { name: '核定', type: 'bar', data: targets.map((t) => ratio(t.kind as Kind, e?.verifiedFigures?.[t.kind as Kind])) },
    ],
  };
  return (
    <Card size="small" title={`第${year}年度（${d.project.startYear + year - 1} 年）目标完成情况`}>
      <EChart option={option} height={280} testId="funding-targets-chart" />
      <Table
        size="small"
        pagination={false}
        rowKey="kind"
        dataSource={targets}
        columns={[
          { title: '绩效指标', dataIndex: 'kind', render: (k: Kind) => TARGET_LABELS[k] },
          { title: '目标值', render: (_: unknown, t) => show(t.kind as Kind, t.target) },
          {
            title: '自评值',
            render: (_: unknown, t) => {
              const f = e?.selfFigures[t.kind as Kind];
              return f ? `${show(t.kind as Kind, f.value)}（${f.source === 'livehub' ? '平台统计' : '自报'}）` : '—';
            },
          },
          { title: '核定值', render: (_: unknown, t) => show(t.kind as Kind, e?.verifiedFigures?.[t.kind as Kind]) },
        ]}
      />
    </Card>
  );
}

function ProjectDetail({ id, actions }: { id: string; actions?: (d: FundingProjectDetailView) => React.ReactNode }) {
  const q = useFundingProject(id);
  const d = q.data;
  if (!d) return <Card loading={q.isLoading} />;
  const p = d.project;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="funding-detail">
      <Card size="small" title={p.name} extra={actions?.(d)}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="承担单位">{p.ownerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="资金下达部门">{d.issuerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="第三方评估机构">{p.evaluatorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="计划期">{`${p.startYear}–${p.startYear + 2} 年（三年）`}</Descriptions.Item>
          <Descriptions.Item label="项目预算">{formatFen(p.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="已拨付">{formatFen(d.paidFen)}</Descriptions.Item>
          <Descriptions.Item label="已收回">{formatFen(d.clawedBackFen)}</Descriptions.Item>
          {p.exitReason ? <Descriptions.Item label="退出原因">{p.exitReason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <TargetsChart d={d} />
      <Card size="small" title="资金拨付与收回">
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.tranches}
          columns={[
            { title: '年度', render: (_: unknown, t) => `第${t.planYear}年（${t.year}）` },
            { title: '金额', dataIndex: 'amountFen', render: (v: number) => formatFen(v) },
            { title: '状态', dataIndex: 'status', render: (s: string) => TRANCHE_STATUS[s] ?? s },
            { title: '拨付日期', dataIndex: 'paidAt', render: day },
            { title: '收回日期', dataIndex: 'clawedBackAt', render: day },
          ]}
        />
      </Card>
      <Card size="small" title="绩效评价">
        <Table<FundingEvaluationView>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={d.evaluations}
          locale={{ emptyText: '尚未提交自查自评' }}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="自评说明">{e.selfNote || '—'}</Descriptions.Item>
                <Descriptions.Item label="评估报告">{e.reportText ?? '待第三方评估'}</Descriptions.Item>
                <Descriptions.Item label="整改报告">{e.rectificationReport ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="处理意见">{e.outcomeNote ?? '—'}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: '年度', render: (_: unknown, e) => `第${e.planYear}年（${e.year}）` },
            { title: '自评日期', dataIndex: 'selfAssessedAt', render: day },
            { title: '得分', dataIndex: 'score', render: (s: number | null) => (s === null ? '—' : s) },
            { title: '等级', dataIndex: 'gradeLabel', render: (g: string | null) => g ?? '待评估' },
            { title: '整改期限', dataIndex: 'rectificationDeadline', render: day },
            { title: '结果', dataIndex: 'status', render: (s: string) => EVALUATION_STATUS[s] ?? s },
          ]}
        />
      </Card>
    </Space>
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: fundingKeys.all });
}

function Layout({
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
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} extra={extra} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small">
          <ProjectList selected={selected} onSelect={setSelected} />
        </Card>
        {selected ? detail(selected) : <Empty description="选择一个项目查看详情" />}
      </Space>
    </>
  );
}

const KINDS: Kind[] = ['gmv', 'enterprises', 'talent', 'brands'];
const YEARS = [1, 2, 3] as const;
type CreateForm = {
  name: string;
  kind: 'cluster' | 'base';
  ownerOrgId: string;
  evaluatorOrgId: string;
  startYear: number;
  budgetWan: number;
} & Record<string, number | string | undefined>;

/** 设立项目: the base, the evaluator, the plan, the budget, a tranche and four targets per year (amounts in 万元). */
function CreateProject({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const refresh = useRefresh();
  const options = useFundingOptions({ enabled: open });
  const [form] = Form.useForm<CreateForm>();
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      fundingApi.create({
        kind: v.kind,
        name: v.name,
        ownerOrgId: v.ownerOrgId,
        evaluatorOrgId: v.evaluatorOrgId,
        startYear: v.startYear,
        budgetFen: Math.round(v.budgetWan * WAN),
        tranches: YEARS.flatMap((y) => {
          const a = v[`tranche${y}`];
          return typeof a === 'number' && a > 0 ? [{ planYear: y, amountFen: Math.round(a * WAN) }] : [];
        }),
        targets: YEARS.flatMap((y) =>
          KINDS.flatMap((k) => {
            const a = v[`target${y}_${k}`];
            return typeof a === 'number' && a > 0 ? [{ planYear: y, kind: k, target: k === 'gmv' ? Math.round(a * WAN) : a }] : [];
          }),
        ),
      }),
    onSuccess: () => {
      message.success('项目已设立');
      form.resetFields();
      onClose();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, '设立失败')),
  });
  return (
    <Modal
      open={open}
      width={760}
      title="设立项目资金"
      okText="设立"
      cancelText="取消"
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'base', startYear: new Date().getFullYear() }}>
        <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label="类型">
            <Radio.Group
              options={[
                { value: 'base', label: '基地' },
                { value: 'cluster', label: '集聚区' },
              ]}
            />
          </Form.Item>
          <Form.Item name="ownerOrgId" label="承担单位" rules={[{ required: true, message: '请选择承担单位' }]}>
            <Select style={{ width: 240 }} options={(options.data?.bases ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="evaluatorOrgId" label="第三方评估机构" rules={[{ required: true, message: '请选择评估机构' }]}>
            <Select style={{ width: 240 }} options={(options.data?.evaluators ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="startYear" label="计划起始年度" rules={[{ required: true, message: '请填写起始年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="budgetWan" label="项目预算（万元）" rules={[{ required: true, message: '请填写项目预算' }]}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        {YEARS.map((y) => (
          <Space key={y} wrap align="end">
            <Form.Item name={`tranche${y}`} label={`第${y}年拨付（万元）`}>
              <InputNumber min={0} />
            </Form.Item>
            {KINDS.map((k) => (
              <Form.Item key={k} name={`target${y}_${k}`} label={`第${y}年 ${TARGET_LABELS[k]}`}>
                <InputNumber min={0} />
              </Form.Item>
            ))}
          </Space>
        ))}
      </Form>
    </Modal>
  );
}

/** 项目资金 (the issuing department). */
export function FundingAdminPage() {
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [form] = Form.useForm<{ decision: 'accept' | 'reject'; note: string }>();
  const pay = useMutation({
    mutationFn: (v: { projectId: string; trancheId: string }) => fundingApi.pay(v.projectId, v.trancheId),
    onSuccess: () => {
      message.success('资金已拨付');
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, '拨付失败')),
  });
  const decide = useMutation({
    mutationFn: (v: { decision: 'accept' | 'reject'; note: string }) => fundingApi.decide(deciding as string, v.decision, v.note),
    onSuccess: () => {
      message.success('已处理');
      setDeciding(null);
      form.resetFields();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, '处理失败')),
  });
  const actions = (d: FundingProjectDetailView) => {
    const next = d.tranches.find((t) => t.status === 'planned' && t.planYear === d.project.currentYear + 1);
    return (
      <Space>
        {next && (d.project.status === 'planned' || d.project.status === 'passed') ? (
          <Button type="primary" loading={pay.isPending} onClick={() => pay.mutate({ projectId: d.project.id, trancheId: next.id })}>
            拨付第{next.planYear}年资金（{formatFen(next.amountFen)}）
          </Button>
        ) : null}
        {d.project.status === 'rectifying' ? <Button onClick={() => setDeciding(d.project.id)}>整改验收</Button> : null}
      </Space>
    );
  };
  return (
    <>
      <Layout
        title="项目资金"
        subtitle="集聚区和基地三年项目资金：资金拨付、绩效评价、整改与退出"
        detail={(id) => <ProjectDetail id={id} actions={actions} />}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="funding-create">
            设立项目
          </Button>
        }
      />
      <CreateProject open={creating} onClose={() => setCreating(false)} />
      <Modal
        open={deciding !== null}
        title="整改验收"
        okText="确定"
        cancelText="取消"
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() => void form.validateFields().then((v) => decide.mutate(v))}
      >
        <Form form={form} layout="vertical" initialValues={{ decision: 'accept' }}>
          <Form.Item name="decision" label="验收结论">
            <Radio.Group
              options={[
                { value: 'accept', label: '整改合格，本年度通过' },
                { value: 'reject', label: '整改不合格：退出并收回本年度资金' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="处理意见" rules={[{ required: true, message: '请填写处理意见' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SelfAssessmentForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const pre = useFundingPrefill(projectId);
  const [form] = Form.useForm<Record<string, number | string>>();
  const submit = useMutation({
    mutationFn: (v: Record<string, number | string>) => {
      const figures: Record<string, number> = {};
      for (const t of pre.data?.targets ?? []) {
        const raw = v[t.kind];
        if (typeof raw === 'number') figures[t.kind] = t.kind === 'gmv' ? Math.round(raw * WAN) : raw;
      }
      return fundingApi.selfAssess(projectId, { figures, note: String(v.note ?? '') });
    },
    onSuccess: () => {
      message.success('自查自评已提交');
      onDone();
    },
    onError: (e) => message.error(errorMessage(e, '提交失败')),
  });
  if (!pre.data) return <Card loading />;
  return (
    <Card size="small" title={`第${pre.data.planYear}年度（${pre.data.year} 年）自查自评`} data-testid="self-assessment-form">
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        {pre.data.targets.map((t) => {
          const own = pre.data?.figures[t.kind];
          return own ? (
            <Form.Item key={t.kind} label={`${TARGET_LABELS[t.kind as Kind]}（目标 ${show(t.kind as Kind, t.target)}）`}>
              <span>
                {show(t.kind as Kind, own.value)} <Tag>平台统计</Tag>
              </span>
            </Form.Item>
          ) : (
            <Form.Item
              key={t.kind}
              name={t.kind}
              label={`${TARGET_LABELS[t.kind as Kind]}（目标 ${show(t.kind as Kind, t.target)}，自报）`}
              rules={[{ required: true, message: '请填写自报数值' }]}
            >
              <InputNumber min={0} style={{ width: 200 }} />
            </Form.Item>
          );
        })}
        <Form.Item name="note" label="自评说明">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          提交自查自评
        </Button>
      </Form>
    </Card>
  );
}

function RectificationForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const submit = useMutation({
    mutationFn: (v: { report: string }) => fundingApi.rectificationReport(projectId, v.report),
    onSuccess: () => {
      message.success('整改报告已提交');
      onDone();
    },
    onError: (e) => message.error(errorMessage(e, '提交失败')),
  });
  return (
    <Card size="small" title="整改报告">
      <Form layout="vertical" onFinish={(v: { report: string }) => submit.mutate(v)}>
        <Form.Item name="report" label="整改情况" rules={[{ required: true, message: '请填写整改情况' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          提交整改报告
        </Button>
      </Form>
    </Card>
  );
}

function MyProject({ id }: { id: string }) {
  const q = useFundingProject(id);
  const refresh = useRefresh();
  const status = q.data?.project.status;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {status === 'funded' ? <SelfAssessmentForm projectId={id} onDone={refresh} /> : null}
      {status === 'rectifying' ? <RectificationForm projectId={id} onDone={refresh} /> : null}
      <ProjectDetail id={id} />
    </Space>
  );
}

/** 我的项目 (the base operator). */
export function MyFundingPage() {
  return <Layout title="我的项目" subtitle="本基地承担的三年项目资金：自查自评与整改" detail={(id) => <MyProject id={id} />} />;
}

function EvaluationForm({ d, onDone }: { d: FundingProjectDetailView; onDone: () => void }) {
  const { message } = App.useApp();
  const year = d.project.currentYear;
  const targets = d.targets.filter((t) => t.planYear === year);
  const e = d.evaluations.find((x) => x.planYear === year);
  const [form] = Form.useForm<Record<string, number | string | Dayjs | undefined>>();
  const submit = useMutation({
    mutationFn: (v: Record<string, number | string | Dayjs | undefined>) => {
      const verified: Record<string, number> = {};
      for (const t of targets) {
        const raw = v[t.kind];
        if (typeof raw === 'number') verified[t.kind] = t.kind === 'gmv' ? Math.round(raw * WAN) : raw;
      }
      const deadline = v.deadline as Dayjs | undefined;
      return fundingApi.evaluate(d.project.id, {
        verified,
        report: String(v.report ?? ''),
        rectificationDeadline: deadline ? deadline.endOf('day').toISOString() : null,
      });
    },
    onSuccess: () => {
      message.success('评估结果已提交');
      onDone();
    },
    onError: (err) => message.error(errorMessage(err, '提交失败')),
  });
  const initial: Record<string, number> = {};
  for (const t of targets) {
    const f = e?.selfFigures[t.kind as Kind];
    if (f) initial[t.kind] = t.kind === 'gmv' ? f.value / WAN : f.value;
  }
  return (
    <Card size="small" title={`第${year}年度第三方评估`} data-testid="evaluation-form">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => submit.mutate(v)}>
        {targets.map((t) => (
          <Form.Item key={t.kind} name={t.kind} label={`${TARGET_LABELS[t.kind as Kind]} 核定值（目标 ${show(t.kind as Kind, t.target)}）`}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Form.Item name="report" label="评估报告" rules={[{ required: true, message: '请填写评估报告' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="deadline" label="整改期限（评为不合格时适用，默认 90 天）">
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          提交评估结果
        </Button>
      </Form>
    </Card>
  );
}

function EvaluationTask({ id }: { id: string }) {
  const q = useFundingProject(id);
  const refresh = useRefresh();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {q.data?.project.status === 'self_assessed' ? <EvaluationForm d={q.data} onDone={refresh} /> : null}
      <ProjectDetail id={id} />
    </Space>
  );
}

/** 评估任务 (the third-party evaluator). */
export function EvaluationTasksPage() {
  return (
    <Layout title="评估任务" subtitle="承担评估的项目资金绩效评价：核定指标、评估报告与等级" detail={(id) => <EvaluationTask id={id} />} />
  );
}
