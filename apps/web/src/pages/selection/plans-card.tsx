/**
 * 佣金计划: the commission plans that put an approved product in the selection pool — open (every certified
 * streamer), targeted (named streamers or MCNs) or exclusive (one partner, never alongside another plan in the same
 * period: the server answers 409 and the message says which plan it conflicts with). Plans can be ended early.
 */
import { PercentageOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  type FormRule,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { FormModal } from '../../components/form-modal.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { PlanView, ProductView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { selectionKeys, usePlans } from '../../queries/selection.ts';
import { formatBp, formatFen, pctToBp, yuanToFen } from '../../lib/money.ts';
import { PlanTypeTag, planTypeLabel } from './selection-labels.tsx';
import { applyRenamedFieldError, selectionErrorMessage } from './selection-errors.ts';
import { PercentInput, YuanInput } from '../../components/amount-inputs.tsx';
import { usePartnerOptions } from '../../components/streamer-picker.tsx';
import { IconTitle } from '../../components/icon-title.tsx';

type PlanType = PlanView['type'];
const PLAN_TYPES: readonly PlanType[] = ['open', 'targeted', 'exclusive'];

export function PlansCard({ product }: { product: ProductView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const plans = usePlans(product.id, { staleTime: 0 });
  const end = useMutation({
    mutationFn: (id: string) => endpoints.endPlan(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: selectionKeys.plans(product.id) });
      message.success(t('selection.plan.ended'));
    },
    onError: (e) => message.error(selectionErrorMessage(t, e)),
  });
  const approved = product.status === 'approved';
  const list = [...(plans.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const columns: TableColumnsType<PlanView> = [
    { title: t('selection.plan.type'), key: 'type', width: 90, render: (_: unknown, p) => <PlanTypeTag type={p.type} /> },
    {
      title: t('selection.plan.commission'),
      key: 'commission',
      width: 90,
      render: (_: unknown, p) => (
        <Typography.Text strong style={{ color: '#f4442e' }} data-testid="plan-commission">
          {formatBp(p.commissionBp)}
        </Typography.Text>
      ),
    },
    {
      title: t('selection.plan.fees'),
      key: 'fees',
      width: 150,
      render: (_: unknown, p) => (
        <div style={{ fontSize: 12 }}>
          <div>
            {t('selection.plan.slotFee')} {formatFen(p.slotFeeFen)}
          </div>
          <div>
            {t('selection.plan.mcnFee')} {formatBp(p.mcnServiceFeeBp)}
          </div>
        </div>
      ),
    },
    {
      title: t('selection.plan.period'),
      key: 'period',
      width: 190,
      render: (_: unknown, p) => (
        <span style={{ fontSize: 12 }}>
          {dayjs(p.startsAt).format('YYYY-MM-DD HH:mm')}
          <br />
          {dayjs(p.endsAt).format('YYYY-MM-DD HH:mm')}
        </span>
      ),
    },
    {
      title: t('selection.plan.partners'),
      key: 'partners',
      render: (_: unknown, p) =>
        p.partners.length === 0 ? (
          <Typography.Text type="secondary">{t('selection.plan.everyone')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {p.partners.map((pt) => (
              <Tag key={pt.id} style={{ marginInlineEnd: 0 }}>
                {pt.kind === 'mcn' ? 'MCN · ' : ''}
                {pt.name ?? pt.id.slice(0, 8)}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('selection.plan.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, p) =>
        p.status === 'active' && dayjs(p.endsAt).isAfter(dayjs()) ? (
          <Space size={4}>
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('selection.plan.active')}
            </Tag>
            <Popconfirm title={t('selection.plan.endConfirm')} onConfirm={() => end.mutate(p.id)} okButtonProps={{ danger: true }}>
              <Button type="link" size="small" danger data-testid="plan-end">
                {t('selection.plan.end')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('selection.plan.endedTag')}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={<IconTitle icon={<PercentageOutlined />}>{t('selection.plan.title')}</IconTitle>}
      style={{ marginBottom: 16 }}
      data-testid="product-plans"
      extra={
        <Tooltip title={approved ? undefined : t('selection.plan.needsApproval')}>
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            disabled={!approved}
            onClick={() => setCreating(true)}
            data-testid="plan-new"
          >
            {t('selection.plan.new')}
          </Button>
        </Tooltip>
      }
    >
      <Table<PlanView>
        rowKey="id"
        size="small"
        loading={plans.isPending}
        columns={columns}
        dataSource={list}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: approved ? t('selection.plan.empty') : t('selection.plan.needsApproval') }}
        onRow={(p) => ({ 'data-testid': 'plan-row', 'data-type': p.type, 'data-status': p.status }) as HTMLAttributes<HTMLElement>}
      />
      <PlanModal product={product} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

interface PlanValues {
  type: PlanType;
  commissionPct: number;
  mcnServiceFeePct: number;
  slotFeeYuan: number;
  period: [Dayjs, Dayjs];
  partners: string[];
}

/** A plan that is not open names its partners: at least one, and exactly one for an exclusive plan. */
function partnersRule(t: Translate, type: PlanType): FormRule {
  return {
    validator: (_r, v: string[] | undefined) =>
      (v ?? []).length === 0
        ? Promise.reject(new Error(t('selection.v.partners')))
        : type === 'exclusive' && (v ?? []).length !== 1
          ? Promise.reject(new Error(t('selection.v.exclusiveOne')))
          : Promise.resolve(),
  };
}

function PlanModal({ product, open, onClose }: { product: ProductView; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanValues>();
  const [error, setError] = useState<string | null>(null);
  const type = Form.useWatch('type', form) ?? 'open';
  const partners = usePartnerOptions();
  const create = useMutation({
    mutationFn: (v: PlanValues) =>
      endpoints.createPlan({
        productId: product.id,
        type: v.type,
        commissionBp: pctToBp(v.commissionPct),
        mcnServiceFeeBp: pctToBp(v.mcnServiceFeePct ?? 0),
        slotFeeFen: yuanToFen(v.slotFeeYuan ?? 0),
        startsAt: v.period[0].toISOString(),
        endsAt: v.period[1].toISOString(),
        partners:
          v.type === 'open'
            ? []
            : (v.partners ?? []).map((key) => {
                const [kind, id] = key.split(':');
                return { kind: kind === 'mcn' ? 'mcn' : 'streamer', id: id ?? '' };
              }),
      }),
    onMutate: () => setError(null),
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: selectionKeys.plans(product.id) });
      message.success(t('selection.plan.created', { type: planTypeLabel(t, plan.type) }));
      onClose();
    },
    onError: (e) => {
      const conflict = isApiError(e) && e.status === 409;
      const onField =
        !conflict &&
        applyRenamedFieldError(
          form,
          e,
          ['commissionPct', 'mcnServiceFeePct', 'slotFeeYuan', 'period', 'partners', 'type'],
          {
            commissionBp: 'commissionPct',
            mcnServiceFeeBp: 'mcnServiceFeePct',
            slotFeeFen: 'slotFeeYuan',
            startsAt: 'period',
            endsAt: 'period',
          },
          ['partners'],
        );
      if (!onField) setError(selectionErrorMessage(t, e));
    },
  });
  return (
    <FormModal<PlanValues>
      open={open}
      title={t('selection.plan.newTitle', { title: product.title })}
      onClose={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      pending={create.isPending}
      okText={t('common.create')}
      okTestId="plan-submit"
      width={620}
      testId="plan-modal"
      initialValues={{
        type: 'open',
        commissionPct: 20,
        mcnServiceFeePct: 0,
        slotFeeYuan: 0,
        period: [dayjs(), dayjs().add(30, 'day').endOf('day')],
        partners: [],
      }}
      onValuesChange={() => setError(null)}
      error={error}
      errorTestId="plan-error"
    >
      <Form.Item name="type" label={t('selection.plan.type')} extra={t(`selection.planHint.${type}`)}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="plan-type-input">
          {PLAN_TYPES.map((p) => (
            <Radio.Button key={p} value={p}>
              <span data-testid={`plan-type-${p}`}>{planTypeLabel(t, p)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="commissionPct"
            label={t('selection.plan.commission')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <PercentInput min={0} max={90} data-testid="plan-commission-input" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="mcnServiceFeePct" label={t('selection.plan.mcnFee')} tooltip={t('selection.plan.mcnFeeHint')}>
            <PercentInput min={0} max={50} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="slotFeeYuan" label={t('selection.plan.slotFee')}>
            <YuanInput min={0} max={10_000_000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="period" label={t('selection.plan.period')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      {type !== 'open' ? (
        <Form.Item
          name="partners"
          label={t('selection.plan.partners')}
          extra={t('selection.plan.partnersHint')}
          rules={[partnersRule(t, type)]}
        >
          <Select<string[]>
            mode="multiple"
            {...(type === 'exclusive' ? { maxCount: 1 } : {})}
            loading={partners.loading}
            options={partners.options}
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={t('selection.plan.partnersPlaceholder')}
            data-testid="plan-partners"
          />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
