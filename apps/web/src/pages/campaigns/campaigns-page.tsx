/**
 * 活动管理 (regulators, certified live bases): campaigns with their rules, publication, the review of enrolments
 * (each with what the automatic review checked), live totals with ECharts while a campaign runs, and the
 * after-action report (Excel, PDF) once it has ended.
 */
import type { CampaignInputBody, CampaignView, EnrolmentView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { useCategories } from '../../queries/catalog.ts';
import {
  campaignReportUrl,
  campaignsApi,
  campaignsKeys,
  useCampaignEnrolments,
  useCampaignTotals,
  useMyCampaigns,
} from '../../queries/campaigns.ts';
import { CampaignStatusTag, EnrolmentStatusTag, periodText, rulesText } from './campaign-labels.tsx';

interface CampaignForm {
  name: string;
  theme: string;
  period: [Dayjs, Dayjs];
  enrolDeadline: Dayjs;
  categoryIds: string[];
  districts: string[];
  capKind: 'none' | 'lowest_7d' | 'fixed';
  capYuan?: number;
  requiredLabel?: string;
  minCreditTier?: 'A' | 'B' | 'C' | 'D';
  requireCertified: boolean;
}

const FIELDS = ['name', 'theme', 'enrolDeadline', 'categoryIds', 'districts'] as const;

function toBody(f: CampaignForm): CampaignInputBody {
  const caps = f.capKind === 'fixed' ? f.categoryIds.map((categoryId) => ({ categoryId, maxFen: yuanToFen(f.capYuan ?? 0) })) : [];
  return {
    name: f.name,
    theme: f.theme ?? '',
    startsAt: f.period[0].toISOString(),
    endsAt: f.period[1].toISOString(),
    enrolDeadline: f.enrolDeadline.toISOString(),
    categoryIds: f.categoryIds ?? [],
    districts: f.districts ?? [],
    rules: {
      priceCap: f.capKind === 'fixed' ? { kind: 'fixed', caps } : { kind: f.capKind },
      requiredLabel: f.requiredLabel?.trim() || null,
      minCreditTier: f.minCreditTier ?? null,
      requireCertified: f.requireCertified,
    },
  };
}

export function CampaignsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const campaigns = useMyCampaigns();
  const categories = useCategories();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<CampaignView | null>(null);
  const [form] = Form.useForm<CampaignForm>();
  const categoryName = (id: string) => categories.data?.find((c) => c.id === id)?.nameZh ?? id;

  const refresh = () => qc.invalidateQueries({ queryKey: campaignsKeys.all });
  const create = useMutation({
    mutationFn: (f: CampaignForm) => campaignsApi.create(toBody(f)),
    onSuccess: async () => {
      message.success(t('campaigns.saved'));
      setCreating(false);
      await refresh();
    },
    onError: (e) => {
      const field = (e as { field?: string }).field;
      if (field === 'startsAt' || field === 'endsAt') form.setFields([{ name: 'period', errors: [errorMessage(e, '')] }]);
      else if (!applyFieldError(form, e, FIELDS)) message.error(errorMessage(e, t('campaigns.create')));
    },
  });
  const act = useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'publish' | 'end' | 'cancel'; reason?: string }) =>
      action === 'publish' ? campaignsApi.publish(id) : action === 'end' ? campaignsApi.end(id) : campaignsApi.cancel(id, reason ?? ''),
    onSuccess: async (c) => {
      setSelected((s) => (s && s.id === c.id ? c : s));
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('campaigns.actions'))),
  });

  const askCancel = (c: CampaignView) => {
    let reason = '';
    modal.confirm({
      title: t('campaigns.cancel'),
      content: <Input.TextArea placeholder={t('campaigns.cancelReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => act.mutateAsync({ id: c.id, action: 'cancel', reason }),
    });
  };

  const columns: TableColumnsType<CampaignView> = [
    { title: t('campaigns.name'), dataIndex: 'name' },
    { title: t('campaigns.period'), key: 'period', render: (_: unknown, c) => periodText(c) },
    { title: t('campaigns.status'), dataIndex: 'status', render: (s: CampaignView['status']) => <CampaignStatusTag status={s} t={t} /> },
    {
      title: t('campaigns.actions'),
      key: 'actions',
      render: (_: unknown, c) => (
        <Space wrap>
          <Button size="small" onClick={() => setSelected(c)} data-testid={`campaign-open-${c.name}`}>
            {t('campaigns.detail')}
          </Button>
          {c.status === 'draft' ? (
            <Button size="small" type="primary" onClick={() => act.mutate({ id: c.id, action: 'publish' })}>
              {t('campaigns.publish')}
            </Button>
          ) : null}
          {c.status === 'running' ? (
            <Button size="small" onClick={() => act.mutate({ id: c.id, action: 'end' })}>
              {t('campaigns.end')}
            </Button>
          ) : null}
          {['draft', 'published', 'running'].includes(c.status) ? (
            <Button size="small" danger onClick={() => askCancel(c)}>
              {t('campaigns.cancel')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const openCreate = () => {
    const start = dayjs().add(7, 'day').startOf('day');
    form.setFieldsValue({
      name: '',
      theme: '',
      period: [start, start.add(14, 'day')],
      enrolDeadline: start.subtract(1, 'day'),
      categoryIds: [],
      districts: [],
      capKind: 'lowest_7d',
      requireCertified: true,
    });
    setCreating(true);
  };

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        testId="campaigns-title"
        extra={
          <Button type="primary" onClick={openCreate} data-testid="campaign-create">
            {t('campaigns.create')}
          </Button>
        }
      />
      <Card>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={campaigns.data ?? []}
          loading={campaigns.isLoading}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <Empty description={t('campaigns.empty')} /> }}
        />
      </Card>
      <Modal
        open={creating}
        title={t('campaigns.create')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(f) => create.mutate(f)} preserve={false}>
          <Form.Item name="name" label={t('campaigns.name')} rules={[{ required: true, max: 60 }]}>
            <Input maxLength={60} data-testid="campaign-name" />
          </Form.Item>
          <Form.Item name="theme" label={t('campaigns.theme')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
          <Form.Item name="period" label={t('campaigns.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="enrolDeadline" label={t('campaigns.deadline')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="categoryIds" label={t('campaigns.categories')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('campaigns.categoriesAny')}
              options={(categories.data ?? []).filter((c) => !c.parentId).map((c) => ({ value: c.id, label: c.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="districts" label={t('campaigns.districts')}>
            <Select mode="tags" placeholder={t('campaigns.districtsHint')} open={false} />
          </Form.Item>
          <Form.Item name="capKind" label={t('campaigns.priceCap')}>
            <Radio.Group>
              <Radio value="none">{t('campaigns.priceCap.none')}</Radio>
              <Radio value="lowest_7d">{t('campaigns.priceCap.lowest_7d')}</Radio>
              <Radio value="fixed">{t('campaigns.priceCap.fixed')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.capKind !== b.capKind}>
            {({ getFieldValue }) =>
              getFieldValue('capKind') === 'fixed' ? (
                <Form.Item name="capYuan" label={t('campaigns.capYuan')} rules={[{ required: true }]}>
                  <InputNumber min={0.01} step={10} style={{ width: 200 }} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="requiredLabel" label={t('campaigns.requiredLabel')}>
            <Input maxLength={20} placeholder={t('campaigns.requiredLabelHint')} />
          </Form.Item>
          <Form.Item name="minCreditTier" label={t('campaigns.minCreditTier')}>
            <Select allowClear placeholder={t('campaigns.tierAny')} options={['A', 'B', 'C', 'D'].map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.Item name="requireCertified" label={t('campaigns.requireCertified')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer open={selected !== null} onClose={() => setSelected(null)} width={960} title={selected?.name} destroyOnHidden>
        {selected ? <CampaignDetail campaign={selected} categoryName={categoryName} /> : null}
      </Drawer>
    </>
  );
}

/** a session's status in a campaign's rows, worded as the report words it (待开播, not the booking's 已预约) */
const SESSION_STATUSES = new Set(['scheduled', 'live', 'ended', 'cancelled']);

function CampaignDetail({ campaign, categoryName }: { campaign: CampaignView; categoryName: (id: string) => string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const enrolments = useCampaignEnrolments(campaign.id);
  const totals = useCampaignTotals(campaign.id);
  const [deciding, setDeciding] = useState<{ e: EnrolmentView; approve: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () => campaignsApi.decide(deciding?.e.id ?? '', deciding?.approve ?? false, reason),
    onSuccess: async () => {
      setDeciding(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: campaignsKeys.all });
    },
    onError: (e) => message.error(errorMessage(e, t('campaigns.decisionReason'))),
  });

  const option = useMemo<EChartOption | null>(() => {
    const s = totals.data?.perSession ?? [];
    if (s.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: s.map((x) => x.title), axisLabel: { rotate: 20 } },
      yAxis: [
        { type: 'value', name: t('campaigns.gmv') },
        { type: 'value', name: t('campaigns.viewers') },
      ],
      series: [
        { name: t('campaigns.gmv'), type: 'bar', data: s.map((x) => x.gmvFen / 100) },
        { name: t('campaigns.viewers'), type: 'line', yAxisIndex: 1, data: s.map((x) => x.peakViewers) },
      ],
    };
  }, [totals.data, t]);

  const columns: TableColumnsType<EnrolmentView> = [
    { title: t('campaigns.kind'), dataIndex: 'kind', render: (k: EnrolmentView['kind']) => t(`campaigns.kind.${k}`) },
    { title: t('campaigns.subject'), dataIndex: 'subjectName' },
    { title: t('campaigns.party'), dataIndex: 'partyName' },
    { title: t('campaigns.price'), dataIndex: 'priceFen', render: (f: number | null) => (f === null ? '—' : formatFen(f)) },
    { title: t('campaigns.checks'), dataIndex: 'checks', render: (c: string[]) => c.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: t('campaigns.status'), dataIndex: 'status', render: (s: EnrolmentView['status']) => <EnrolmentStatusTag status={s} t={t} /> },
    { title: t('campaigns.decisionReason'), dataIndex: 'decisionReason' },
    {
      title: t('campaigns.actions'),
      key: 'decide',
      render: (_: unknown, e) =>
        e.status === 'pending' ? (
          <Space>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ e, approve: true })}
              data-testid={`enrolment-approve-${e.subjectName}`}
            >
              {t('campaigns.approve')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ e, approve: false })}>
              {t('campaigns.reject')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const tt = totals.data;
  return (
    <>
      <Card size="small" title={t('campaigns.rules')} style={{ marginBottom: 12 }}>
        <Space wrap>
          <CampaignStatusTag status={campaign.status} t={t} />
          <span>{periodText(campaign)}</span>
          {rulesText(campaign, t, categoryName).map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
          <a href={`/campaigns/public/${campaign.id}`} target="_blank" rel="noreferrer">
            {t('campaigns.publicLink')}
          </a>
        </Space>
      </Card>
      <Card size="small" title={t('campaigns.totals')} style={{ marginBottom: 12 }} data-testid="campaign-totals">
        {tt ? (
          <Row gutter={16} style={{ marginBottom: 12 }}>
            {(
              [
                ['campaign-sessions', t('campaigns.sessions'), tt.sessions],
                ['campaign-live', t('campaigns.liveNow'), tt.liveSessions],
                ['campaign-products', t('campaigns.products'), tt.products],
                ['campaign-viewers', t('campaigns.viewers'), tt.peakViewers],
                ['campaign-gmv', t('campaigns.gmv'), formatFen(tt.gmvFen)],
                ['campaign-complaints', t('campaigns.complaints'), tt.complaints],
              ] as const
            ).map(([id, title, value]) => (
              <Col span={4} key={id}>
                <Statistic title={title} value={value} data-testid={id} />
              </Col>
            ))}
          </Row>
        ) : null}
        {option ? <EChart option={option} height={300} testId="campaign-totals-chart" /> : null}
        {tt && tt.perSession.length > 0 ? (
          <Table
            rowKey="sessionId"
            size="small"
            title={() => t('campaigns.sessionRows')}
            dataSource={tt.perSession}
            pagination={{ pageSize: 10 }}
            data-testid="campaign-session-rows"
            columns={[
              { title: t('campaigns.sessions'), dataIndex: 'title' },
              { title: t('campaigns.streamer'), dataIndex: 'streamerName' },
              { title: t('campaigns.studio'), dataIndex: 'studio', render: (s: string | null) => s ?? '—' },
              {
                title: t('campaigns.status'),
                dataIndex: 'status',
                render: (s: string) => (SESSION_STATUSES.has(s) ? t(`campaigns.session.${s}` as MessageKey) : s),
              },
              { title: t('campaigns.viewers'), dataIndex: 'peakViewers' },
              { title: t('campaigns.gmv'), dataIndex: 'gmvFen', render: (f: number) => formatFen(f) },
              { title: t('campaigns.complaints'), dataIndex: 'complaints' },
            ]}
          />
        ) : null}
      </Card>
      <Card size="small" title={t('campaigns.report')} style={{ marginBottom: 12 }}>
        {campaign.status === 'ended' ? (
          <Space>
            <Button href={campaignReportUrl(campaign.id, 'xlsx')} data-testid="campaign-report-xlsx">
              {t('campaigns.reportXlsx')}
            </Button>
            <Button href={campaignReportUrl(campaign.id, 'pdf')} data-testid="campaign-report-pdf">
              {t('campaigns.reportPdf')}
            </Button>
          </Space>
        ) : (
          t('campaigns.reportAfterEnd')
        )}
      </Card>
      <Card size="small" title={t('campaigns.enrolments')}>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={enrolments.data ?? []}
          loading={enrolments.isLoading}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Modal
        open={deciding !== null}
        title={deciding?.approve ? t('campaigns.approve') : t('campaigns.reject')}
        okButtonProps={{ disabled: reason.trim().length === 0 }}
        confirmLoading={decide.isPending}
        onOk={() => decide.mutate()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        <Input.TextArea
          value={reason}
          maxLength={500}
          placeholder={t('campaigns.decisionReason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="enrolment-reason"
        />
      </Modal>
    </>
  );
}
