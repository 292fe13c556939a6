/**
 * 采购 (merchant staff): the purchase orders (采购单) the merchant placed with its suppliers — status, amount, expected
 * day — a row opening the order with its lines and receipts; 新建采购单 (a supplier of the merchant's, the receiving
 * warehouse, the expected day, SKUs the supplier is named for with quantity and unit cost in 元); 收货 per line with
 * the quality check, 撤销 before shipping and 短收结案 of a partially received order. docs/supply.md § Purchase orders.
 */
import { PURCHASE_ORDER_STATUSES, type PurchaseOrderStatus, type PurchaseOrderView } from '@livehub/contracts';
import { App, Button, Card, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { RemoveRowButton } from '../../components/remove-row-button.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { ApiError, isApiError } from '../../lib/api-client.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { useStockLevels, useWarehouses } from '../../queries/inventory.ts';
import { supplyApi, supplyKeys, usePurchaseOrders, useSuppliers } from '../../queries/supply.ts';
import { PO_CAN, PoReasonDialog, PurchaseOrderDetail, PurchaseOrderTable, type ReasonKind, ReceiveModal } from './purchase-order-parts.tsx';

interface LineValues {
  skuId?: string;
  qty?: number | null;
  unitCostYuan?: number | null;
}
interface CreateValues {
  supplierOrgId: string;
  warehouseId: string;
  expectedOn: Dayjs;
  note?: string;
  lines: LineValues[];
}

const CREATE_FIELDS = ['supplierOrgId', 'warehouseId', 'expectedOn', 'note', 'replenishmentId', 'lines'] as const;

/** The API names the unit cost in fen; the form asks for it in 元 under its own name. */
function onYuanField(error: unknown): unknown {
  if (!isApiError(error) || !error.field?.endsWith('.unitCostFen')) return error;
  return new ApiError(error.status, error.code, error.message, error.field.replace(/unitCostFen$/, 'unitCostYuan'), error.details);
}

export function PurchaseOrdersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const orgId = me.active?.orgId ?? null;
  const [status, setStatus] = useState<PurchaseOrderStatus | null>(null);
  const orders = usePurchaseOrders(status);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [receiving, setReceiving] = useState<PurchaseOrderView | null>(null);
  const [reason, setReason] = useState<{ kind: ReasonKind; po: PurchaseOrderView } | null>(null);
  // the orders this merchant placed (a merchant acting as factory answers the ones placed with it in 供应商工作台)
  const rows = useMemo(() => (orders.data ?? []).filter((po) => po.merchantOrgId === orgId), [orders.data, orgId]);
  const open = rows.find((po) => po.id === params.get('po')) ?? null;

  const actions = (po: PurchaseOrderView) => {
    const buttons = [];
    if (PO_CAN.receive(po))
      buttons.push(
        <Button key="receive" size="small" type="primary" onClick={() => setReceiving(po)} data-testid="po-action-receive">
          {t('po.action.receive')}
        </Button>,
      );
    if (PO_CAN.close(po))
      buttons.push(
        <Button key="close" size="small" onClick={() => setReason({ kind: 'close', po })} data-testid="po-action-close">
          {t('po.action.close')}
        </Button>,
      );
    if (PO_CAN.cancel(po))
      buttons.push(
        <Button key="cancel" size="small" danger onClick={() => setReason({ kind: 'cancel', po })} data-testid="po-action-cancel">
          {t('po.action.cancel')}
        </Button>,
      );
    return buttons.length ? <Space>{buttons}</Space> : null;
  };

  return (
    <>
      <PageHeader
        title={t('po.title')}
        subtitle={t('po.subtitle')}
        testId="po-title"
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="po-create">
            {t('po.create')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('po.filter.status')}</span>
          <Select<PurchaseOrderStatus | 'any'>
            style={{ width: 180 }}
            value={status ?? 'any'}
            onChange={(v) => setStatus(v === 'any' ? null : v)}
            options={[
              { value: 'any', label: t('po.filter.all') },
              ...PURCHASE_ORDER_STATUSES.map((s) => ({ value: s, label: t(`po.status.${s}` as MessageKey) })),
            ]}
            data-testid="po-filter-status"
          />
        </Space>
      </Card>
      {orders.isError ? <QueryError error={orders.error} onRetry={() => void orders.refetch()} /> : null}
      <Card>
        <PurchaseOrderTable
          rows={rows}
          loading={orders.isLoading}
          side="merchant"
          onOpen={(po) => setParams({ po: po.id })}
          actions={actions}
        />
      </Card>
      <Drawer width={760} open={open !== null} onClose={() => setParams({})} title={open?.number} destroyOnHidden>
        {open ? <PurchaseOrderDetail po={open} actions={actions(open)} /> : null}
      </Drawer>
      <CreatePurchaseOrderModal open={creating} onClose={() => setCreating(false)} />
      <ReceiveModal po={receiving} onClose={() => setReceiving(null)} />
      <PoReasonDialog
        target={reason}
        onClose={() => setReason(null)}
        onDone={(kind) => {
          setReason(null);
          message.success(t(kind === 'cancel' ? 'po.cancelled' : 'po.closed'));
        }}
      />
    </>
  );
}

function CreatePurchaseOrderModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const suppliers = useSuppliers({ enabled: open });
  const warehouses = useWarehouses({ enabled: open });
  const skus = useStockLevels({ enabled: open });
  const supplierOrgId = Form.useWatch('supplierOrgId', form);
  const lines = Form.useWatch('lines', form) ?? [];
  const totalFen = lines.reduce((s, l) => s + (l?.qty ?? 0) * yuanToFen(l?.unitCostYuan ?? 0), 0);

  // one supplier may be named by several links (all products, or some): a SKU is offered when one of them covers it
  const supplierOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of suppliers.data ?? []) if (l.status === 'active') seen.set(l.supplierOrgId, l.supplierName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [suppliers.data]);
  const skuOptions = useMemo(() => {
    const links = (suppliers.data ?? []).filter((l) => l.status === 'active' && l.supplierOrgId === supplierOrgId);
    return (skus.data ?? [])
      .filter((s) => links.some((l) => l.productIds === null || l.productIds.includes(s.productId)))
      .map((s) => ({ value: s.skuId, label: `${s.productTitle} · ${s.skuName}` }));
  }, [suppliers.data, skus.data, supplierOrgId]);
  const warehouseOptions = (warehouses.data ?? [])
    .filter((w) => w.status === 'active')
    .map((w) => ({ value: w.id, label: w.ownerKind === 'merchant' ? w.name : `${w.name}（${t('inventory.provider')}）` }));
  const defaultWarehouse = (warehouses.data ?? []).find((w) => w.isDefault && w.status === 'active')?.id;
  useEffect(() => {
    if (open && defaultWarehouse && !form.getFieldValue('warehouseId')) form.setFieldValue('warehouseId', defaultWarehouse);
  }, [open, defaultWarehouse, form]);

  const create = useFormMutation<CreateValues, PurchaseOrderView>({
    form,
    fields: CREATE_FIELDS,
    mutationFn: (v) =>
      supplyApi
        .createPurchaseOrder({
          supplierOrgId: v.supplierOrgId,
          warehouseId: v.warehouseId,
          expectedOn: v.expectedOn.format('YYYY-MM-DD'),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          lines: v.lines.map((l) => ({ skuId: l.skuId ?? '', qty: l.qty ?? 0, unitCostFen: yuanToFen(l.unitCostYuan ?? 0) })),
        })
        .catch((e: unknown) => {
          throw onYuanField(e);
        }),
    success: 'po.created',
    onSuccess: onClose,
    invalidate: [supplyKeys.purchaseOrders],
  });

  return (
    <FormModal<CreateValues>
      open={open}
      title={t('po.create')}
      onClose={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      pending={create.isPending}
      okText={t('po.form.send')}
      okTestId="po-submit"
      testId="po-create-modal"
      width={820}
      initialValues={{
        expectedOn: dayjs().add(3, 'day'),
        lines: [{ qty: 1 }],
        ...(defaultWarehouse ? { warehouseId: defaultWarehouse } : {}),
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="supplierOrgId"
            label={t('po.form.supplier')}
            rules={[{ required: true, message: t('common.required') }]}
            extra={!suppliers.isLoading && supplierOptions.length === 0 ? t('po.form.noSuppliers') : undefined}
          >
            <Select
              loading={suppliers.isLoading}
              options={supplierOptions}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={() => form.setFieldValue('lines', [{ qty: 1 }])}
              data-testid="po-supplier"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="warehouseId" label={t('po.form.warehouse')} rules={[{ required: true, message: t('common.required') }]}>
            <Select loading={warehouses.isLoading} options={warehouseOptions} data-testid="po-warehouse" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="expectedOn" label={t('po.form.expectedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              allowClear={false}
              data-testid="po-expected"
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('po.form.lines')}
      </Typography.Text>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <div data-testid="po-lines-form">
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} align="top">
                <Col flex="auto">
                  <Form.Item
                    name={[field.name, 'skuId']}
                    label={index === 0 ? t('po.form.sku') : undefined}
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      loading={skus.isLoading}
                      disabled={!supplierOrgId}
                      placeholder={supplierOrgId ? undefined : t('po.form.pickSupplier')}
                      options={skuOptions}
                      showSearch={{ optionFilterProp: 'label' }}
                      data-testid={`po-sku-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="120px">
                  <Form.Item
                    name={[field.name, 'qty']}
                    label={index === 0 ? t('po.form.qty') : undefined}
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid={`po-qty-${index}`} />
                  </Form.Item>
                </Col>
                <Col flex="160px">
                  <Form.Item
                    name={[field.name, 'unitCostYuan']}
                    label={index === 0 ? t('po.form.unitCost') : undefined}
                    rules={[{ required: true, message: t('common.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <YuanInput min={0} max={1_000_000} data-testid={`po-cost-${index}`} />
                  </Form.Item>
                </Col>
                <Col flex="40px" style={index === 0 ? { paddingTop: 30 } : undefined}>
                  <RemoveRowButton rows={fields.length} onRemove={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
              <Button type="dashed" onClick={() => add({ qty: 1 })} disabled={fields.length >= 100} data-testid="po-add-line">
                {t('po.form.addLine')}
              </Button>
              <Typography.Text strong data-testid="po-form-total">
                {t('po.form.total', { amount: formatFen(totalFen) })}
              </Typography.Text>
            </Space>
          </div>
        )}
      </Form.List>
      <Form.Item name="note" label={t('po.form.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="po-note" />
      </Form.Item>
    </FormModal>
  );
}
