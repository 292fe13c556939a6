/**
 * 项目资金绩效评价, the two pages of the parties under evaluation: 我的项目 (the base: 自查自评 prefilled with LiveHub's own
 * figures, 整改报告) and 评估任务 (the assigned third-party evaluator: report and verified figures). The issuing
 * department's 项目资金 is in funding-admin-page.tsx; the project list and detail card all three share are in
 * funding-shared.tsx. Text from the i18n dictionary (i18n/funding.ts).
 */
import type { FundingProjectDetailView } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { fundingApi, useFundingPrefill, useFundingProject } from '../../queries/funding.ts';
import { type Kind, Layout, ProjectDetail, show, targetLabel, useRefresh, WAN } from './funding-shared.tsx';

function SelfAssessmentForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t: tr } = useI18n();
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
      message.success(tr('funding.self.done'));
      onDone();
    },
    onError: (e) => message.error(errorMessage(e, tr('funding.submitFailed'))),
  });
  if (!pre.data) return <Card loading />;
  return (
    <Card size="small" title={tr('funding.self.title', { n: pre.data.planYear, year: pre.data.year })} data-testid="self-assessment-form">
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        {pre.data.targets.map((t) => {
          const own = pre.data?.figures[t.kind];
          return own ? (
            <Form.Item
              key={t.kind}
              label={tr('funding.self.own', { label: targetLabel(tr, t.kind), target: show(t.kind as Kind, t.target) })}
            >
              <span>
                {show(t.kind as Kind, own.value)} <Tag>{tr('funding.source.livehub')}</Tag>
              </span>
            </Form.Item>
          ) : (
            <Form.Item
              key={t.kind}
              name={t.kind}
              label={tr('funding.self.reported', { label: targetLabel(tr, t.kind), target: show(t.kind as Kind, t.target) })}
              rules={[{ required: true, message: tr('funding.self.required') }]}
            >
              <InputNumber min={0} style={{ width: 200 }} />
            </Form.Item>
          );
        })}
        <Form.Item name="note" label={tr('funding.evaluation.selfNote')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {tr('funding.self.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function RectificationForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const submit = useMutation({
    mutationFn: (v: { report: string }) => fundingApi.rectificationReport(projectId, v.report),
    onSuccess: () => {
      message.success(t('funding.rect.done'));
      onDone();
    },
    onError: (e) => message.error(errorMessage(e, t('funding.submitFailed'))),
  });
  return (
    <Card size="small" title={t('funding.rect.title')}>
      <Form layout="vertical" onFinish={(v: { report: string }) => submit.mutate(v)}>
        <Form.Item name="report" label={t('funding.rect.label')} rules={[{ required: true, message: t('funding.rect.required') }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {t('funding.rect.submit')}
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
  const { t } = useI18n();
  return <Layout title={t('funding.mine.title')} subtitle={t('funding.mine.subtitle')} detail={(id) => <MyProject id={id} />} />;
}

function EvaluationForm({ d, onDone }: { d: FundingProjectDetailView; onDone: () => void }) {
  const { t: tr } = useI18n();
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
      message.success(tr('funding.eval.done'));
      onDone();
    },
    onError: (err) => message.error(errorMessage(err, tr('funding.submitFailed'))),
  });
  const initial: Record<string, number> = {};
  for (const t of targets) {
    const f = e?.selfFigures[t.kind as Kind];
    if (f) initial[t.kind] = t.kind === 'gmv' ? f.value / WAN : f.value;
  }
  return (
    <Card size="small" title={tr('funding.eval.title', { n: year })} data-testid="evaluation-form">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => submit.mutate(v)}>
        {targets.map((t) => (
          <Form.Item
            key={t.kind}
            name={t.kind}
            label={tr('funding.eval.verified', { label: targetLabel(tr, t.kind), target: show(t.kind as Kind, t.target) })}
          >
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Form.Item
          name="report"
          label={tr('funding.evaluation.report')}
          rules={[{ required: true, message: tr('funding.eval.reportRequired') }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="deadline" label={tr('funding.eval.deadline')}>
          <DatePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {tr('funding.eval.submit')}
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
  const { t } = useI18n();
  return <Layout title={t('funding.tasks.title')} subtitle={t('funding.tasks.subtitle')} detail={(id) => <EvaluationTask id={id} />} />;
}
