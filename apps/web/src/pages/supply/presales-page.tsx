/**
 * 预售 · 反向定制 (merchant staff): the merchant's pre-sales — status, deposit and balance per unit, deposits taken,
 * units reserved — 新建预售 (product, 定金 / 尾款 in 元, the two windows), 开始预售, 取消预售 (paid deposits refunded),
 * and, per pre-sale, the paid demand per specification as an ECharts bar chart, 截单生产 (a supplier of the
 * merchant's and a promised ship day) and the production order with the factory's progress. docs/supply.md.
 */
import type { PresaleStatus, PresaleView, ProductionOrderStatus } from '@livehub/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { ApiError, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { presaleApi, presaleKeys, usePresaleStep, usePresales } from '../../queries/presales.ts';
import { useOwnProducts, useSuppliers } from '../../queries/supply.ts';
import { useWarehouses } from '../../queries/inventory.ts';

const STATUS_COLOR: Record<PresaleStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'gold',
  cancelled: 'default',
  in_production: 'blue',
  shipped: 'green',
};
const PO_COLOR: Record<ProductionOrderStatus, string> = { sent: 'gold', confirmed: 'processing', in_production: 'blue', shipped: 'green' };
const fmt = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function PresalesPage() {
  const { t } = useI18n();
  const list = usePresales();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = list.data ?? [];
  const open = rows.find((p) => p.id === openId) ?? null;
  return (
    <>
      <PageHeader
        title={t('presale.title')}
        subtitle={t('presale.subtitle')}
        testId="presale-title"
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="presale-create">
            {t('presale.create')}
          </Button>
        }
      />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card>
        <Table<PresaleView>
          rowKey="id"
          loading={list.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          data-testid="presale-table"
          columns={[
            { title: t('presale.col.title'), dataIndex: 'title' },
            { title: t('presale.col.product'), dataIndex: 'productName' },
            {
              title: t('presale.col.status'),
              dataIndex: 'status',
              render: (s: PresaleStatus) => <Tag color={STATUS_COLOR[s]}>{t(`presale.status.${s}` as MessageKey)}</Tag>,
            },
            {
              title: t('presale.col.deposit'),
              render: (_, p) => `${formatFen(p.depositFen)} / ${formatFen(p.balanceFen)}`,
            },
            { title: t('presale.col.depositWindow'), render: (_, p) => `${fmt(p.depositStartAt)} ~ ${fmt(p.depositEndAt)}` },
            { title: t('presale.col.demand'), render: (_, p) => p.demand.reduce((s, d) => s + d.qty, 0) },
            { title: t('presale.col.paid'), render: (_, p) => formatFen(p.depositsPaidFen) },
          ]}
        />
      </Card>
      <Drawer width={820} open={open !== null} onClose={() => setOpenId(null)} title={open?.title} destroyOnHidden>
        {open ? <PresaleDetail presale={open} /> : null}
      </Drawer>
      <CreatePresaleModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function PresaleDetail({ presale }: { presale: PresaleView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = usePresaleStep();
  const [closing, setClosing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // 收货仓: the warehouse the factory's shipment is received into (null: the default one)
  const warehouses = useWarehouses({ enabled: presale.productionOrder !== null });
  const receiving = presale.productionOrder
    ? (warehouses.data ?? []).find((w) =>
        presale.productionOrder?.warehouseId ? w.id === presale.productionOrder.warehouseId : w.isDefault,
      )?.name
    : undefined;
  // every specification, with zero where nothing is reserved yet: the chart shows where demand is missing too
  const bars = useMemo(() => {
    const by = new Map(presale.demand.map((d) => [d.skuId, d.qty]));
    return presale.specs.map((s) => ({ name: s.skuName, qty: by.get(s.skuId) ?? 0 }));
  }, [presale]);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: bars.map((b) => b.name) },
      yAxis: { type: 'value', minInterval: 1, name: t('presale.demand.qty') },
      series: [
        {
          type: 'bar',
          name: t('presale.demand.qty'),
          data: bars.map((b) => b.qty),
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [bars, t],
  );
  const po = presale.productionOrder;
  return (
    <>
      <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('presale.col.product')}>{presale.productName}</Descriptions.Item>
        <Descriptions.Item label={t('presale.col.status')}>
          <Tag color={STATUS_COLOR[presale.status]} data-testid="presale-status">
            {t(`presale.status.${presale.status}` as MessageKey)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('presale.form.deposit')}>{formatFen(presale.depositFen)}</Descriptions.Item>
        <Descriptions.Item label={t('presale.form.balance')}>{formatFen(presale.balanceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('presale.form.depositWindow')}>
          {fmt(presale.depositStartAt)} ~ {fmt(presale.depositEndAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('presale.form.balanceWindow')}>
          {fmt(presale.balanceStartAt)} ~ {fmt(presale.balanceEndAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('presale.col.paid')}>{formatFen(presale.depositsPaidFen)}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 16 }}>
        {presale.status === 'draft' ? (
          <Button
            type="primary"
            loading={step.isPending}
            data-testid="presale-open"
            onClick={() =>
              step.mutate(
                { kind: 'open', id: presale.id },
                {
                  onSuccess: () => void message.success(t('presale.opened')),
                  onError: (e) => void message.error(errorMessage(e, t('presale.action.open'))),
                },
              )
            }
          >
            {t('presale.action.open')}
          </Button>
        ) : null}
        {presale.status === 'open' ? (
          <Button type="primary" onClick={() => setClosing(true)} data-testid="presale-close">
            {t('presale.action.close')}
          </Button>
        ) : null}
        {presale.status === 'draft' || presale.status === 'open' ? (
          <Button danger onClick={() => setCancelling(true)} data-testid="presale-cancel">
            {t('presale.action.cancel')}
          </Button>
        ) : null}
      </Space>
      <Card size="small" title={t('presale.demand.title')} style={{ marginBottom: 16 }}>
        {presale.demand.length === 0 ? <Empty description={t('presale.demand.empty')} /> : null}
        <EChart option={option} height={240} testId="presale-demand-chart" />
        <Table
          size="small"
          rowKey="skuId"
          pagination={false}
          dataSource={presale.demand}
          data-testid="presale-demand-table"
          columns={[
            { title: t('presale.demand.spec'), dataIndex: 'skuName' },
            { title: t('presale.demand.qty'), dataIndex: 'qty' },
            { title: t('presale.demand.reservations'), dataIndex: 'reservations' },
          ]}
        />
      </Card>
      <Card size="small" title={t('presale.production.title')} data-testid="presale-production">
        {po ? (
          <>
            <Descriptions column={2} size="small" style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t('presale.production.number')}>
                <span data-testid="presale-production-number">{po.number}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('presale.col.status')}>
                <Tag color={PO_COLOR[po.status]}>{t(`presale.production.status.${po.status}` as MessageKey)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('presale.production.factory')}>{po.supplierName}</Descriptions.Item>
              <Descriptions.Item label={t('presale.production.shipOn')}>{po.promisedShipOn}</Descriptions.Item>
              <Descriptions.Item label={t('presale.production.total')}>{po.totalQty}</Descriptions.Item>
              <Descriptions.Item label={t('presale.close.warehouse')}>
                <span data-testid="presale-production-warehouse">{receiving ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('presale.production.tracking')}>
                {po.trackingNo ? `${po.carrier ?? ''} ${po.trackingNo}` : '—'}
              </Descriptions.Item>
            </Descriptions>
            <Progress percent={po.progressPct} />
            {po.progressNote ? <div style={{ marginBottom: 8 }}>{po.progressNote}</div> : null}
            <Table
              size="small"
              rowKey="skuId"
              pagination={false}
              dataSource={po.lines}
              columns={[
                { title: t('presale.demand.spec'), dataIndex: 'skuName' },
                { title: t('presale.demand.qty'), dataIndex: 'qty' },
              ]}
            />
          </>
        ) : (
          <Empty description={t('presale.production.none')} />
        )}
      </Card>
      <ClosePresaleModal presale={closing ? presale : null} onClose={() => setClosing(false)} />
      <CancelPresaleModal presale={cancelling ? presale : null} onClose={() => setCancelling(false)} />
    </>
  );
}

interface CreateValues {
  productId: string;
  title: string;
  depositYuan: number;
  balanceYuan: number;
  depositWindow: [Dayjs, Dayjs];
  balanceWindow: [Dayjs, Dayjs];
}
const CREATE_FIELDS = ['productId', 'title', 'depositYuan', 'balanceYuan', 'depositWindow', 'balanceWindow'] as const;
const FIELD_OF: Record<string, string> = {
  depositFen: 'depositYuan',
  balanceFen: 'balanceYuan',
  depositStartAt: 'depositWindow',
  depositEndAt: 'depositWindow',
  balanceStartAt: 'balanceWindow',
  balanceEndAt: 'balanceWindow',
};
/** The API names amounts in fen and four instants; the form asks for 元 and two ranges. */
function onFormField(error: unknown): unknown {
  if (!isApiError(error) || !error.field || !FIELD_OF[error.field]) return error;
  return new ApiError(error.status, error.code, error.message, FIELD_OF[error.field], error.details);
}

function CreatePresaleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const products = useOwnProducts({ enabled: open });
  const create = useFormMutation<CreateValues, PresaleView>({
    form,
    fields: CREATE_FIELDS,
    mutationFn: (v) =>
      presaleApi
        .create({
          productId: v.productId,
          title: v.title.trim(),
          depositFen: yuanToFen(v.depositYuan),
          balanceFen: yuanToFen(v.balanceYuan),
          depositStartAt: v.depositWindow[0].toISOString(),
          depositEndAt: v.depositWindow[1].toISOString(),
          balanceStartAt: v.balanceWindow[0].toISOString(),
          balanceEndAt: v.balanceWindow[1].toISOString(),
        })
        .catch((e: unknown) => {
          throw onFormField(e);
        }),
    success: 'presale.created',
    onSuccess: onClose,
    invalidate: [presaleKeys.all],
  });
  const now = dayjs().startOf('minute');
  return (
    <FormModal<CreateValues>
      open={open}
      title={t('presale.create')}
      onClose={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      pending={create.isPending}
      okTestId="presale-submit"
      testId="presale-create-modal"
      width={680}
      initialValues={{ depositWindow: [now, now.add(7, 'day')], balanceWindow: [now.add(7, 'day'), now.add(14, 'day')] }}
    >
      <Form.Item name="productId" label={t('presale.form.product')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          loading={products.isLoading}
          options={(products.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="presale-product"
        />
      </Form.Item>
      <Form.Item name="title" label={t('presale.form.title')} rules={[{ required: true, min: 2, max: 100, message: t('common.required') }]}>
        <Input maxLength={100} data-testid="presale-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="depositYuan" label={t('presale.form.deposit')} rules={[{ required: true, message: t('common.required') }]}>
            <YuanInput min={0} max={1_000_000} data-testid="presale-deposit" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="balanceYuan" label={t('presale.form.balance')} rules={[{ required: true, message: t('common.required') }]}>
            <YuanInput min={0} max={1_000_000} data-testid="presale-balance" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="depositWindow" label={t('presale.form.depositWindow')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="balanceWindow" label={t('presale.form.balanceWindow')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

interface CloseValues {
  supplierOrgId: string;
  promisedShipOn: Dayjs;
  warehouseId?: string;
}

function ClosePresaleModal({ presale, onClose }: { presale: PresaleView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  const suppliers = useSuppliers({ enabled: presale !== null });
  // 收货仓: the factory's shipment is received there; left empty, the merchant's default warehouse
  const warehouses = useWarehouses({ enabled: presale !== null });
  const warehouseOptions = (warehouses.data ?? [])
    .filter((w) => w.status === 'active')
    .map((w) => ({ value: w.id, label: w.ownerKind === 'merchant' ? w.name : `${w.name}（${t('inventory.provider')}）` }));
  const options = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of suppliers.data ?? [])
      if (l.status === 'active' && presale && (l.productIds === null || l.productIds.includes(presale.productId)))
        seen.set(l.supplierOrgId, l.supplierName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [suppliers.data, presale]);
  const close = useFormMutation<CloseValues, PresaleView>({
    form,
    fields: ['supplierOrgId', 'promisedShipOn', 'warehouseId', 'id'],
    mutationFn: (v) =>
      presaleApi.close(presale?.id ?? '', {
        supplierOrgId: v.supplierOrgId,
        promisedShipOn: v.promisedShipOn.format('YYYY-MM-DD'),
        ...(v.warehouseId ? { warehouseId: v.warehouseId } : {}),
      }),
    success: 'presale.closedDone',
    onSuccess: onClose,
    invalidate: [presaleKeys.all],
  });
  return (
    <FormModal<CloseValues>
      open={presale !== null}
      title={t('presale.close.title')}
      intro={<p>{t('presale.close.intro')}</p>}
      onClose={onClose}
      form={form}
      onFinish={(v) => close.mutate(v)}
      pending={close.isPending}
      okText={t('presale.action.close')}
      okTestId="presale-close-ok"
      testId="presale-close-modal"
      initialValues={{ promisedShipOn: dayjs().add(30, 'day') }}
    >
      <Form.Item name="supplierOrgId" label={t('presale.close.supplier')} rules={[{ required: true, message: t('common.required') }]}>
        <Select loading={suppliers.isLoading} options={options} data-testid="presale-close-supplier" />
      </Form.Item>
      <Form.Item name="promisedShipOn" label={t('presale.close.shipOn')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} allowClear={false} />
      </Form.Item>
      <Form.Item name="warehouseId" label={t('presale.close.warehouse')} extra={t('presale.close.warehouseHint')}>
        <Select allowClear loading={warehouses.isLoading} options={warehouseOptions} data-testid="presale-close-warehouse" />
      </Form.Item>
    </FormModal>
  );
}

function CancelPresaleModal({ presale, onClose }: { presale: PresaleView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useFormMutation<{ reason: string }, PresaleView>({
    form,
    fields: ['reason'],
    mutationFn: (v) => presaleApi.cancel(presale?.id ?? '', v.reason.trim()),
    success: 'presale.cancelledDone',
    onSuccess: onClose,
    invalidate: [presaleKeys.all],
  });
  return (
    <FormModal<{ reason: string }>
      open={presale !== null}
      title={t('presale.action.cancel')}
      onClose={onClose}
      form={form}
      onFinish={(v) => cancel.mutate(v)}
      pending={cancel.isPending}
      okText={t('presale.action.cancel')}
      okTestId="presale-cancel-ok"
    >
      <Form.Item
        name="reason"
        label={t('presale.cancel.reason')}
        rules={[{ required: true, min: 2, max: 500, message: t('common.required') }]}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="presale-cancel-reason" />
      </Form.Item>
    </FormModal>
  );
}
