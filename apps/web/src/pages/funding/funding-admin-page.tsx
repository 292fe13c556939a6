/**
 * 项目资金 (the issuing department): sets up projects, adds tranches within the budget, pays them, and decides the
 * rectification's outcome (accept, or exit with the year's tranches clawed back through the ledger).
 */
import type { FundingProjectDetailView } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { fundingApi, useFundingOptions } from '../../queries/funding.ts';
import { KINDS, Layout, ProjectDetail, targetLabel, useRefresh, WAN, YEARS, yearOf } from './funding-shared.tsx';

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
  const { t } = useI18n();
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
      message.success(t('funding.create.done'));
      form.resetFields();
      onClose();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('funding.create.failed'))),
  });
  return (
    <Modal
      open={open}
      width={760}
      title={t('funding.create.title')}
      okText={t('funding.create.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'base', startYear: new Date().getFullYear() }}>
        <Form.Item name="name" label={t('funding.col.name')} rules={[{ required: true, message: t('funding.create.nameRequired') }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('funding.col.kind')}>
            <Radio.Group
              options={[
                { value: 'base', label: t('funding.kind.base') },
                { value: 'cluster', label: t('funding.kind.cluster') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="ownerOrgId"
            label={t('funding.detail.owner')}
            rules={[{ required: true, message: t('funding.create.ownerRequired') }]}
          >
            <Select style={{ width: 240 }} options={(options.data?.bases ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item
            name="evaluatorOrgId"
            label={t('funding.detail.evaluator')}
            rules={[{ required: true, message: t('funding.create.evaluatorRequired') }]}
          >
            <Select style={{ width: 240 }} options={(options.data?.evaluators ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="startYear"
            label={t('funding.create.startYear')}
            rules={[{ required: true, message: t('funding.create.startYearRequired') }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="budgetWan"
            label={t('funding.create.budget')}
            rules={[{ required: true, message: t('funding.create.budgetRequired') }]}
          >
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        {YEARS.map((y) => (
          <Space key={y} wrap align="end">
            <Form.Item name={`tranche${y}`} label={t('funding.create.tranche', { n: y })}>
              <InputNumber min={0} />
            </Form.Item>
            {KINDS.map((k) => (
              <Form.Item key={k} name={`target${y}_${k}`} label={t('funding.create.target', { n: y, label: targetLabel(t, k) })}>
                <InputNumber min={0} />
              </Form.Item>
            ))}
          </Space>
        ))}
      </Form>
    </Modal>
  );
}

/** 增加拨付批次: a tranche for one of the plan's years; the server keeps all tranches within the budget. */
function AddTranche({ d, onClose }: { d: FundingProjectDetailView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ planYear: number; amountWan: number }>();
  const add = useMutation({
    mutationFn: (v: { planYear: number; amountWan: number }) =>
      fundingApi.addTranche(d?.project.id as string, { planYear: v.planYear, amountFen: Math.round(v.amountWan * WAN) }),
    onSuccess: () => {
      message.success(t('funding.trancheAdd.done'));
      form.resetFields();
      onClose();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('funding.trancheAdd.failed'))),
  });
  const committed = (d?.tranches ?? []).filter((x) => x.status !== 'cancelled').reduce((sum, x) => sum + x.amountFen, 0);
  return (
    <Modal
      open={d !== null}
      title={t('funding.trancheAdd.title')}
      okText={t('funding.trancheAdd.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => add.mutate(v))}
    >
      <Form form={form} layout="vertical" initialValues={{ planYear: Math.min(3, Math.max(1, (d?.project.currentYear ?? 0) + 1)) }}>
        <Form.Item name="planYear" label={t('funding.trancheAdd.year')}>
          <Radio.Group options={YEARS.map((y) => ({ value: y, label: yearOf(t, y, (d?.project.startYear ?? 0) + y - 1) }))} />
        </Form.Item>
        <Form.Item
          name="amountWan"
          label={t('funding.trancheAdd.amount')}
          extra={t('funding.trancheAdd.hint', { left: formatFen(Math.max(0, (d?.project.budgetFen ?? 0) - committed)) })}
          rules={[{ required: true, message: t('funding.trancheAdd.amountRequired') }]}
        >
          <InputNumber min={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 项目资金 (the issuing department). */
export function FundingAdminPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<FundingProjectDetailView | null>(null);
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [form] = Form.useForm<{ decision: 'accept' | 'reject'; note: string }>();
  const pay = useMutation({
    mutationFn: (v: { projectId: string; trancheId: string }) => fundingApi.pay(v.projectId, v.trancheId),
    onSuccess: () => {
      message.success(t('funding.pay.done'));
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('funding.pay.failed'))),
  });
  const decide = useMutation({
    mutationFn: (v: { decision: 'accept' | 'reject'; note: string }) => fundingApi.decide(deciding as string, v.decision, v.note),
    onSuccess: () => {
      message.success(t('funding.decide.done'));
      setDeciding(null);
      form.resetFields();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('funding.decide.failed'))),
  });
  const actions = (d: FundingProjectDetailView) => {
    const next = d.tranches.find((x) => x.status === 'planned' && x.planYear === d.project.currentYear + 1);
    const open = d.project.status !== 'exited' && d.project.status !== 'completed';
    return (
      <Space>
        {open ? (
          <Button onClick={() => setAdding(d)} data-testid="funding-tranche-add">
            {t('funding.trancheAdd.action')}
          </Button>
        ) : null}
        {next && (d.project.status === 'planned' || d.project.status === 'passed') ? (
          <Button type="primary" loading={pay.isPending} onClick={() => pay.mutate({ projectId: d.project.id, trancheId: next.id })}>
            {t('funding.pay.action', { n: next.planYear, amount: formatFen(next.amountFen) })}
          </Button>
        ) : null}
        {d.project.status === 'rectifying' ? <Button onClick={() => setDeciding(d.project.id)}>{t('funding.decide.action')}</Button> : null}
      </Space>
    );
  };
  return (
    <>
      <Layout
        title={t('funding.admin.title')}
        subtitle={t('funding.admin.subtitle')}
        detail={(id) => <ProjectDetail id={id} actions={actions} />}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="funding-create">
            {t('funding.admin.create')}
          </Button>
        }
      />
      <CreateProject open={creating} onClose={() => setCreating(false)} />
      <AddTranche d={adding} onClose={() => setAdding(null)} />
      <Modal
        open={deciding !== null}
        title={t('funding.decide.action')}
        okText={t('funding.decide.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() => void form.validateFields().then((v) => decide.mutate(v))}
      >
        <Form form={form} layout="vertical" initialValues={{ decision: 'accept' }}>
          <Form.Item name="decision" label={t('funding.decide.decision')}>
            <Radio.Group
              options={[
                { value: 'accept', label: t('funding.decide.accept') },
                { value: 'reject', label: t('funding.decide.reject') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('funding.evaluation.outcomeNote')}
            rules={[{ required: true, message: t('funding.decide.noteRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
