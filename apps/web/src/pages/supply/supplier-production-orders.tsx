/**
 * The 供应商工作台's 生产单 section (预售 · 反向定制): the production orders pre-sales sent to the caller's organization
 * as factory — the merchant, the specifications and quantities, the promised ship day — with 接单, 上报进度 (percent
 * and a note; buyers read 生产中) and 发货 (carrier and tracking number; buyers read 已发货).
 */
import type { ProductionOrderStatus, ProductionOrderView } from '@livehub/contracts';
import { App, Button, Card, Form, Input, InputNumber, Modal, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { type PresaleStep, usePresaleStep, useProductionOrders } from '../../queries/presales.ts';

const COLOR: Record<ProductionOrderStatus, string> = { sent: 'gold', confirmed: 'processing', in_production: 'blue', shipped: 'green' };

export function SupplierProductionOrders() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const orders = useProductionOrders();
  const step = usePresaleStep();
  const [dialog, setDialog] = useState<{ kind: 'progress' | 'ship'; po: ProductionOrderView } | null>(null);
  const [form] = Form.useForm<{ progressPct?: number; note?: string; carrier?: string; trackingNo?: string }>();
  const run = (s: PresaleStep, after?: () => void) =>
    step.mutate(s, {
      onSuccess: () => {
        message.success(t('presale.production.done'));
        after?.();
      },
      onError: (e) => void message.error(errorMessage(e, t('presale.production.title'))),
    });
  return (
    <Card title={t('presale.production.console')} style={{ marginBottom: 16 }} data-testid="supplier-production-orders">
      <Table<ProductionOrderView>
        rowKey="id"
        size="small"
        loading={orders.isLoading}
        dataSource={orders.data ?? []}
        locale={{ emptyText: t('presale.production.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('presale.production.number'), dataIndex: 'number' },
          { title: t('presale.production.merchant'), dataIndex: 'merchantName' },
          { title: t('presale.production.presale'), render: (_, po) => `${po.presaleTitle}（${po.productName}）` },
          {
            title: t('presale.production.lines'),
            render: (_, po) => po.lines.map((l) => `${l.skuName} × ${l.qty}`).join('，'),
          },
          { title: t('presale.production.total'), dataIndex: 'totalQty' },
          { title: t('presale.production.shipOn'), dataIndex: 'promisedShipOn' },
          {
            title: t('presale.col.status'),
            render: (_, po) => (
              <Space direction="vertical" size={0}>
                <Tag color={COLOR[po.status]}>{t(`presale.production.status.${po.status}` as MessageKey)}</Tag>
                <Progress percent={po.progressPct} size="small" style={{ width: 120 }} />
              </Space>
            ),
          },
          {
            title: '',
            render: (_, po) => (
              <Space>
                {po.status === 'sent' ? (
                  <Button size="small" type="primary" data-testid="production-confirm" onClick={() => run({ kind: 'confirm', id: po.id })}>
                    {t('presale.production.confirm')}
                  </Button>
                ) : null}
                {po.status === 'confirmed' || po.status === 'in_production' ? (
                  <>
                    <Button size="small" data-testid="production-progress" onClick={() => setDialog({ kind: 'progress', po })}>
                      {t('presale.production.report')}
                    </Button>
                    <Button size="small" type="primary" data-testid="production-ship" onClick={() => setDialog({ kind: 'ship', po })}>
                      {t('presale.production.ship')}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog ? `${t(dialog.kind === 'ship' ? 'presale.production.ship' : 'presale.production.report')} · ${dialog.po.number}` : ''}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={step.isPending}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ progressPct: dialog?.po.progressPct ?? 0 }}
          onFinish={(v) => {
            if (!dialog) return;
            const done = () => setDialog(null);
            if (dialog.kind === 'progress')
              run(
                { kind: 'progress', id: dialog.po.id, progressPct: v.progressPct ?? 0, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
                done,
              );
            else run({ kind: 'ship', id: dialog.po.id, carrier: v.carrier?.trim() ?? '', trackingNo: v.trackingNo?.trim() ?? '' }, done);
          }}
        >
          {dialog?.kind === 'progress' ? (
            <>
              <Form.Item
                name="progressPct"
                label={t('presale.production.progress')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={0} max={100} precision={0} addonAfter="%" data-testid="production-pct" />
              </Form.Item>
              <Form.Item name="note" label={t('presale.production.note')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="carrier" label={t('presale.production.carrier')} rules={[{ required: true, message: t('common.required') }]}>
                <Input maxLength={50} data-testid="production-carrier" />
              </Form.Item>
              <Form.Item
                name="trackingNo"
                label={t('presale.production.trackingNo')}
                rules={[{ required: true, min: 4, message: t('common.required') }]}
              >
                <Input maxLength={50} data-testid="production-tracking" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
