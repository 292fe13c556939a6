/**
 * 政策管理 (the issuing department): its organization's policies (draft → 发布 → 撤回) with a condition builder
 * (条件项 · 比较 · 取值, combined all or any), the review queue of its department (核定 with the amount, 不予支持,
 * 退回补充材料) and the amounts granted per policy (ECharts).
 */
import {
  BENEFIT_KIND_NAMES,
  DOCUMENT_KINDS,
  FACT_NAMES,
  type PolicyApplicationView,
  type PolicyInputBody,
  type PolicyView,
} from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { policiesApi, policiesKeys, useIssuedPolicies, usePolicyQueue, usePolicyTotals } from '../../queries/policies.ts';
import { docKindLabel } from '../registry/registry-labels.tsx';
import { ApplicationStatusTag, benefitText, ReasonLine } from './policy-labels.tsx';

const OPS = [
  { value: 'gte', label: '≥' },
  { value: 'gt', label: '>' },
  { value: 'lte', label: '≤' },
  { value: 'lt', label: '<' },
  { value: 'eq', label: '=' },
  { value: 'ne', label: '≠' },
  { value: 'in', label: '属于' },
  { value: 'not_in', label: '不属于' },
];
const MONEY = new Set(['gmv12mFen', 'revenueFen']);
const NUMBER = new Set(['headcount', 'certifiedProfessionals', 'yearsSinceAdmission', 'socialSecurityMonths']);

interface ConditionRow {
  fact: string;
  op: string;
  value: string;
}
interface PolicyForm {
  kind: 'enterprise' | 'talent';
  title: string;
  summary: string;
  basis: string;
  combinator: 'all' | 'any';
  rows: ConditionRow[];
  benefitKind: (typeof BENEFIT_KIND_NAMES)[number];
  amountYuan?: number;
  ratePct?: number;
  capYuan?: number;
  benefitText?: string;
  until?: Dayjs;
  documents: string[];
}

/** One builder row as the condition language's leaf: lists split on commas, money from 万元, numbers, yes/no. */
function scalar(fact: string, raw: string): string | number | boolean {
  const s = raw.trim();
  if (fact === 'certified') return s === '是' || s === 'true';
  if (MONEY.has(fact)) return Math.round(Number(s) * 1_000_000);
  if (NUMBER.has(fact)) return Number(s);
  return s;
}
function toCondition(f: PolicyForm): unknown {
  const leaves = (f.rows ?? []).map((r) => ({
    fact: r.fact,
    op: r.op,
    value: r.op === 'in' || r.op === 'not_in' ? r.value.split(/[,，、]/).map((x) => scalar(r.fact, x)) : scalar(r.fact, r.value),
  }));
  return { [f.combinator]: leaves };
}

export function PolicyAdminPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const issued = useIssuedPolicies();
  const queue = usePolicyQueue();
  const totals = usePolicyTotals();
  const [creating, setCreating] = useState(false);
  const [reviewing, setReviewing] = useState<PolicyApplicationView | null>(null);
  const [form] = Form.useForm<PolicyForm>();
  const [reviewForm] = Form.useForm<{ action: 'approve' | 'reject' | 'return'; grantedYuan?: number; reason?: string }>();
  const refresh = () => void qc.invalidateQueries({ queryKey: policiesKeys.all });

  const create = useMutation({
    mutationFn: (f: PolicyForm) => {
      const body: PolicyInputBody = {
        kind: f.kind,
        title: f.title,
        summary: f.summary,
        basis: f.basis,
        conditions: toCondition(f),
        benefit: {
          kind: f.benefitKind,
          amountFen: typeof f.amountYuan === 'number' ? yuanToFen(f.amountYuan) : null,
          rateBp: typeof f.ratePct === 'number' ? Math.round(f.ratePct * 100) : null,
          capFen: typeof f.capYuan === 'number' ? yuanToFen(f.capYuan) : null,
          description: f.benefitText ?? '',
        },
        applyFrom: null,
        applyUntil: f.until ? f.until.endOf('day').toISOString() : null,
        documents: (f.documents ?? []) as PolicyInputBody['documents'],
      };
      return policiesApi.create(body);
    },
    onSuccess: () => {
      message.success(t('policyAdmin.saved'));
      setCreating(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('policyAdmin.save'))),
  });
  const move = useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'publish' | 'withdraw' }) =>
      to === 'publish' ? policiesApi.publish(id) : policiesApi.withdraw(id),
    onSuccess: refresh,
    onError: (e) => message.error(errorMessage(e, t('policyAdmin.publish'))),
  });
  const review = useMutation({
    mutationFn: (v: { action: 'approve' | 'reject' | 'return'; grantedYuan?: number; reason?: string }) =>
      policiesApi.review((reviewing as PolicyApplicationView).id, {
        action: v.action,
        reason: v.reason?.trim() || null,
        grantedFen: typeof v.grantedYuan === 'number' ? yuanToFen(v.grantedYuan) : null,
      }),
    onSuccess: () => {
      message.success(t('policyAdmin.done'));
      setReviewing(null);
      reviewForm.resetFields();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('policyAdmin.review'))),
  });

  const chart: EChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 20, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: (totals.data ?? []).map((x) => x.title), axisLabel: { rotate: 20, interval: 0 } },
    yAxis: { type: 'value', name: '万元' },
    series: [{ type: 'bar', name: t('policyAdmin.col.grantedFen'), data: (totals.data ?? []).map((x) => x.grantedFen / 1_000_000) }],
  };

  const policyTab = (
    <Card
      size="small"
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="policy-create">
          {t('policyAdmin.create')}
        </Button>
      }
    >
      <Table<PolicyView>
        rowKey="id"
        size="small"
        loading={issued.isLoading}
        dataSource={issued.data ?? []}
        pagination={false}
        columns={[
          { title: t('policies.col.policy'), dataIndex: 'title' },
          { title: t('policyAdmin.kind'), dataIndex: 'kind', render: (k: string) => t(`policies.kind.${k}` as MessageKey) },
          { title: t('policies.issuer'), dataIndex: 'issuerName', render: (v: string | null) => v ?? '—' },
          { title: t('policies.benefit'), key: 'benefit', render: (_: unknown, p) => benefitText(t, p.benefit) },
          {
            title: t('policies.col.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{t(`policies.policyStatus.${s}` as MessageKey)}</Tag>,
          },
          {
            title: t('policyAdmin.col.actions'),
            key: 'actions',
            render: (_: unknown, p) =>
              p.status === 'draft' ? (
                <Button size="small" type="link" onClick={() => move.mutate({ id: p.id, to: 'publish' })}>
                  {t('policyAdmin.publish')}
                </Button>
              ) : p.status === 'published' ? (
                <Button size="small" type="link" danger onClick={() => move.mutate({ id: p.id, to: 'withdraw' })}>
                  {t('policyAdmin.withdraw')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );

  const queueTab = (
    <Table<PolicyApplicationView>
      rowKey="id"
      size="small"
      loading={queue.isLoading}
      dataSource={queue.data ?? []}
      locale={{ emptyText: t('policyAdmin.queueEmpty') }}
      pagination={false}
      expandable={{ expandedRowRender: (a) => a.reasons.map((r) => <ReasonLine key={r.text} text={r.text} outcome={r.outcome} />) }}
      columns={[
        { title: t('policies.col.policy'), dataIndex: 'policyTitle' },
        { title: t('policies.col.subject'), dataIndex: 'subjectName', render: (v: string | null) => v ?? '—' },
        { title: t('policies.col.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
        { title: t('policies.col.requested'), dataIndex: 'requestedFen', render: (v: number | null) => (v === null ? '—' : formatFen(v)) },
        { title: t('policies.col.granted'), dataIndex: 'grantedFen', render: (v: number | null) => (v === null ? '—' : formatFen(v)) },
        {
          title: t('policies.col.paid'),
          key: 'paid',
          render: (_: unknown, a) =>
            a.paidFen === null || a.paidAt === null
              ? '—'
              : t('policies.paid', { amount: formatFen(a.paidFen), date: new Date(a.paidAt).toLocaleDateString('zh-CN') }),
        },
        { title: t('policies.col.submittedAt'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
        {
          title: t('policyAdmin.col.actions'),
          key: 'actions',
          render: (_: unknown, a) =>
            a.status === 'in_review' ? (
              <Button size="small" type="link" onClick={() => setReviewing(a)}>
                {t('policyAdmin.review')}
              </Button>
            ) : null,
        },
      ]}
    />
  );

  const totalsTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('policyAdmin.chart')}>
        <EChart option={chart} height={320} testId="policy-totals-chart" />
      </Card>
      <Table
        rowKey="policyId"
        size="small"
        pagination={false}
        dataSource={totals.data ?? []}
        columns={[
          { title: t('policies.col.policy'), dataIndex: 'title' },
          { title: t('policyAdmin.col.applications'), dataIndex: 'applications' },
          { title: t('policyAdmin.col.inReview'), dataIndex: 'inReview' },
          { title: t('policyAdmin.col.grantedCount'), dataIndex: 'granted' },
          { title: t('policyAdmin.col.grantedFen'), dataIndex: 'grantedFen', render: (v: number) => formatFen(v) },
          { title: t('policyAdmin.col.paidFen'), dataIndex: 'paidFen', render: (v: number) => formatFen(v) },
        ]}
      />
    </Space>
  );

  return (
    <div data-testid="policy-admin-page">
      <PageHeader title={t('policyAdmin.title')} subtitle={t('policyAdmin.subtitle')} />
      <Tabs
        items={[
          { key: 'policies', label: t('policyAdmin.tab.policies'), children: policyTab },
          { key: 'queue', label: t('policyAdmin.tab.queue'), children: queueTab },
          { key: 'totals', label: t('policyAdmin.tab.totals'), children: totalsTab },
        ]}
      />
      <Modal
        open={creating}
        width={760}
        title={t('policyAdmin.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('policyAdmin.save')}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form<PolicyForm>
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'enterprise',
            combinator: 'all',
            rows: [{ fact: 'orgKind', op: 'eq', value: 'merchant' }],
            benefitKind: 'subsidy_amount',
            documents: [],
          }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="kind" label={t('policyAdmin.kind')}>
            <Radio.Group
              options={[
                { value: 'enterprise', label: t('policies.kind.enterprise') },
                { value: 'talent', label: t('policies.kind.talent') },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={t('policyAdmin.titleField')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="summary" label={t('policyAdmin.summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="basis" label={t('policyAdmin.basis')} rules={[{ required: true }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="combinator" label={t('policyAdmin.combinator')}>
            <Radio.Group
              options={[
                { value: 'all', label: t('policyAdmin.all') },
                { value: 'any', label: t('policyAdmin.any') },
              ]}
            />
          </Form.Item>
          <Form.List name="rows">
            {(fields, { add, remove }) => (
              <Card size="small" title={t('policyAdmin.conditions')} style={{ marginBottom: 16 }}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'fact']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 220 }}
                        placeholder={t('policyAdmin.fact')}
                        options={FACT_NAMES.map((f) => ({ value: f, label: t(`policies.fact.${f}` as MessageKey) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'op']} rules={[{ required: true }]}>
                      <Select style={{ width: 90 }} options={OPS} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'value']} rules={[{ required: true }]}>
                      <Input style={{ width: 240 }} placeholder={t('policyAdmin.value')} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      ✕
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ fact: 'gmv12mFen', op: 'gte', value: '' })}>{t('policyAdmin.addCondition')}</Button>
              </Card>
            )}
          </Form.List>
          <Space wrap>
            <Form.Item name="benefitKind" label={t('policyAdmin.benefitKind')}>
              <Select
                style={{ width: 160 }}
                options={BENEFIT_KIND_NAMES.map((k) => ({ value: k, label: t(`policies.benefitKind.${k}` as MessageKey) }))}
              />
            </Form.Item>
            <Form.Item name="amountYuan" label={t('policyAdmin.amount')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="ratePct" label={t('policyAdmin.rate')}>
              <InputNumber min={0.01} max={100} />
            </Form.Item>
            <Form.Item name="capYuan" label={t('policyAdmin.cap')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item name="benefitText" label={t('policyAdmin.benefitText')}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="until" label={t('policyAdmin.until')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="documents" label={t('policyAdmin.documents')}>
              <Select
                mode="multiple"
                style={{ width: 360 }}
                options={DOCUMENT_KINDS.map((d) => ({ value: d, label: docKindLabel(t, d) }))}
              />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal
        open={reviewing !== null}
        title={reviewing ? `${t('policyAdmin.review')}：${reviewing.policyTitle}（${reviewing.subjectName ?? ''}）` : ''}
        onCancel={() => setReviewing(null)}
        onOk={() => reviewForm.submit()}
        confirmLoading={review.isPending}
        destroyOnHidden
      >
        {reviewing?.reasons.map((r) => (
          <ReasonLine key={r.text} text={r.text} outcome={r.outcome} />
        ))}
        <Form
          form={reviewForm}
          layout="vertical"
          initialValues={{ action: 'approve' }}
          onFinish={(v) => review.mutate(v)}
          style={{ marginTop: 12 }}
        >
          <Form.Item name="action" label={t('policyAdmin.action')}>
            <Radio.Group
              options={[
                { value: 'approve', label: t('policyAdmin.approve') },
                { value: 'return', label: t('policyAdmin.return') },
                { value: 'reject', label: t('policyAdmin.reject') },
              ]}
            />
          </Form.Item>
          <Form.Item name="grantedYuan" label={t('policyAdmin.granted')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('policyAdmin.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
