/**
 * 库存 (merchant): stock by SKU with on hand per warehouse, reserved, safety buffer and sellable; the movement ledger
 * (出入库流水) filtered by SKU, warehouse and kind; 盘点调整 with a reason, 调拨 between two warehouses, 安全库存; the
 * warehouses. docs/supply.md § Stock model.
 */
import { MOVEMENT_KIND_VALUES, type MovementView, type SkuStockViewDto, type WarehouseView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { inventoryApi, inventoryKeys, useMovements, useStockLevels, useWarehouses } from '../../queries/inventory.ts';

type Dialog = { kind: 'adjust' | 'transfer' | 'buffer'; sku: SkuStockViewDto } | { kind: 'warehouse' } | null;
const KINDS = MOVEMENT_KIND_VALUES;
const FIELDS = ['warehouseId', 'fromWarehouseId', 'toWarehouseId', 'qty', 'reason', 'safetyBuffer', 'name', 'region', 'address'] as const;

export function InventoryPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const warehouses = useWarehouses();
  const levels = useStockLevels();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState<{ skuId?: string; warehouseId?: string; kind?: string; offset: number }>({ offset: 0 });
  const movements = useMovements(filter);
  const [form] = Form.useForm();

  const whName = useMemo(() => new Map((warehouses.data ?? []).map((w) => [w.id, w.name])), [warehouses.data]);
  const skuName = useMemo(() => new Map((levels.data ?? []).map((s) => [s.skuId, `${s.productTitle} · ${s.skuName}`])), [levels.data]);
  const whOptions = (warehouses.data ?? []).filter((w) => w.status === 'active').map((w) => ({ value: w.id, label: w.name }));

  const save = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      if (!dialog) return;
      if (dialog.kind === 'warehouse')
        return inventoryApi.createWarehouse({
          name: String(v.name ?? ''),
          region: String(v.region ?? ''),
          address: String(v.address ?? ''),
        });
      const skuId = dialog.sku.skuId;
      if (dialog.kind === 'adjust')
        return inventoryApi.adjust({ skuId, warehouseId: String(v.warehouseId), qty: Number(v.qty), reason: String(v.reason ?? '') });
      if (dialog.kind === 'transfer')
        return inventoryApi.transfer({
          skuId,
          fromWarehouseId: String(v.fromWarehouseId),
          toWarehouseId: String(v.toWarehouseId),
          qty: Number(v.qty),
          ...(v.reason ? { reason: String(v.reason) } : {}),
        });
      return inventoryApi.setBuffer(skuId, Number(v.safetyBuffer));
    },
    onSuccess: async () => {
      message.success(t('inventory.saved'));
      setDialog(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: inventoryKeys.all });
    },
    onError: (e) => {
      if (!applyFieldError(form, e, FIELDS)) message.error(errorMessage(e, t('inventory.save')));
    },
  });

  const open = (d: Dialog) => {
    form.resetFields();
    if (d && d.kind === 'buffer') form.setFieldsValue({ safetyBuffer: d.sku.safetyBuffer });
    setDialog(d);
  };

  const levelColumns: TableColumnsType<SkuStockViewDto> = [
    { title: t('inventory.product'), dataIndex: 'productTitle' },
    { title: t('inventory.sku'), dataIndex: 'skuName' },
    { title: t('inventory.onHand'), dataIndex: 'onHand', align: 'right' },
    { title: t('inventory.reserved'), dataIndex: 'reserved', align: 'right' },
    { title: t('inventory.buffer'), dataIndex: 'safetyBuffer', align: 'right' },
    { title: t('inventory.sellable'), dataIndex: 'sellable', align: 'right', render: (n: number) => <strong>{n}</strong> },
    {
      title: t('inventory.byWarehouse'),
      render: (_, s) => (
        <Space wrap>
          {s.warehouses.map((w) => (
            <Tag key={w.warehouseId}>
              {whName.get(w.warehouseId) ?? t('inventory.warehouse')} {w.onHand}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('inventory.actions'),
      render: (_, s) => (
        <Space>
          <Button size="small" onClick={() => open({ kind: 'adjust', sku: s })}>
            {t('inventory.adjust')}
          </Button>
          <Button size="small" onClick={() => open({ kind: 'transfer', sku: s })}>
            {t('inventory.transfer')}
          </Button>
          <Button size="small" onClick={() => open({ kind: 'buffer', sku: s })}>
            {t('inventory.setBuffer')}
          </Button>
        </Space>
      ),
    },
  ];

  const movementColumns: TableColumnsType<MovementView> = [
    { title: t('inventory.at'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN') },
    { title: t('inventory.sku'), dataIndex: 'skuId', render: (id: string) => skuName.get(id) ?? '—' },
    { title: t('inventory.warehouse'), dataIndex: 'warehouseId', render: (id: string) => whName.get(id) ?? '—' },
    { title: t('inventory.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`inventory.kind.${k}` as MessageKey)}</Tag> },
    { title: t('inventory.qty'), dataIndex: 'qty', align: 'right', render: (n: number) => (n > 0 ? `+${n}` : String(n)) },
    { title: t('inventory.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
    {
      title: t('inventory.ref'),
      dataIndex: 'refType',
      render: (r: string | null) =>
        r && ['order', 'return', 'transfer', 'sku', 'purchase_order', 'production_order', 'presale_reservation', 'sample'].includes(r)
          ? t(`inventory.ref.${r}` as MessageKey)
          : '—',
    },
  ];

  const warehouseColumns: TableColumnsType<WarehouseView> = [
    {
      title: t('inventory.name'),
      dataIndex: 'name',
      render: (n: string, w) =>
        w.isDefault ? (
          <Space>
            {n}
            <Tag color="blue">{t('inventory.default')}</Tag>
          </Space>
        ) : (
          n
        ),
    },
    { title: t('inventory.region'), dataIndex: 'region' },
    { title: t('inventory.address'), dataIndex: 'address' },
    {
      title: t('inventory.kind'),
      dataIndex: 'ownerKind',
      render: (k: string) => (k === 'merchant' ? t('inventory.own') : t('inventory.provider')),
    },
    {
      title: t('inventory.status'),
      dataIndex: 'status',
      render: (s: string) => (s === 'active' ? t('inventory.active') : t('inventory.closed')),
    },
  ];

  const title =
    dialog === null
      ? ''
      : dialog.kind === 'warehouse'
        ? t('inventory.addWarehouse')
        : `${t(`inventory.${dialog.kind === 'buffer' ? 'setBuffer' : dialog.kind}`)} · ${dialog.sku.productTitle} · ${dialog.sku.skuName}`;

  return (
    <>
      <PageHeader title={t('inventory.title')} subtitle={t('inventory.subtitle')} testId="inventory-page" />
      <Card>
        <Tabs
          items={[
            {
              key: 'levels',
              label: t('inventory.tabLevels'),
              children: (
                <Table
                  rowKey="skuId"
                  loading={levels.isLoading}
                  dataSource={levels.data ?? []}
                  columns={levelColumns}
                  pagination={{ pageSize: 20 }}
                />
              ),
            },
            {
              key: 'movements',
              label: t('inventory.tabMovements'),
              children: (
                <>
                  <Space wrap style={{ marginBottom: 12 }}>
                    <Select
                      allowClear
                      style={{ width: 260 }}
                      placeholder={t('inventory.sku')}
                      options={[...skuName].map(([value, label]) => ({ value, label }))}
                      onChange={(skuId?: string) => setFilter((f) => ({ ...f, skuId, offset: 0 }))}
                    />
                    <Select
                      allowClear
                      style={{ width: 160 }}
                      placeholder={t('inventory.warehouse')}
                      options={whOptions}
                      onChange={(warehouseId?: string) => setFilter((f) => ({ ...f, warehouseId, offset: 0 }))}
                    />
                    <Select
                      allowClear
                      style={{ width: 160 }}
                      placeholder={t('inventory.kind')}
                      options={KINDS.map((k) => ({ value: k, label: t(`inventory.kind.${k}` as MessageKey) }))}
                      onChange={(kind?: string) => setFilter((f) => ({ ...f, kind, offset: 0 }))}
                    />
                  </Space>
                  <Table
                    rowKey="id"
                    loading={movements.isLoading}
                    dataSource={movements.data?.items ?? []}
                    columns={movementColumns}
                    pagination={{
                      pageSize: 20,
                      total: movements.data?.total ?? 0,
                      current: filter.offset / 20 + 1,
                      onChange: (page) => setFilter((f) => ({ ...f, offset: (page - 1) * 20 })),
                    }}
                  />
                </>
              ),
            },
            {
              key: 'warehouses',
              label: t('inventory.tabWarehouses'),
              children: (
                <>
                  <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open({ kind: 'warehouse' })}>
                    {t('inventory.addWarehouse')}
                  </Button>
                  <Table
                    rowKey="id"
                    loading={warehouses.isLoading}
                    dataSource={warehouses.data ?? []}
                    columns={warehouseColumns}
                    pagination={false}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={title}
        okText={t('inventory.save')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {dialog?.kind === 'warehouse' && (
            <>
              <Form.Item name="name" label={t('inventory.name')} rules={[{ required: true }]}>
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="region" label={t('inventory.region')}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="address" label={t('inventory.address')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'adjust' && (
            <>
              <Form.Item name="warehouseId" label={t('inventory.warehouse')} rules={[{ required: true }]}>
                <Select options={whOptions} />
              </Form.Item>
              <Form.Item name="qty" label={t('inventory.qty')} extra={t('inventory.qtyHint')} rules={[{ required: true }]}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="reason" label={t('inventory.reason')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'transfer' && (
            <>
              <Form.Item name="fromWarehouseId" label={t('inventory.from')} rules={[{ required: true }]}>
                <Select options={whOptions} />
              </Form.Item>
              <Form.Item name="toWarehouseId" label={t('inventory.to')} rules={[{ required: true }]}>
                <Select options={whOptions} />
              </Form.Item>
              <Form.Item name="qty" label={t('inventory.qty')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="reason" label={t('inventory.reason')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'buffer' && (
            <Form.Item name="safetyBuffer" label={t('inventory.buffer')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
