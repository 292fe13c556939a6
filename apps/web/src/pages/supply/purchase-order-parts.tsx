/**
 * The parts of the purchase-order pages (采购单): the status tag, the orders table, the order's detail (lines with
 * 采购 / 已发 / 已收 / 拒收, receipts), and the dialogs of its steps — 收货 per line with the quality check (a 差异说明
 * past what was ordered), 发货 with carrier and tracking number, and the reason of 拒单 / 撤销 / 短收结案. Errors from
 * the API land on the field they name. docs/supply.md § Purchase orders.
 */
import type { PurchaseOrderReceiveBody, PurchaseOrderStatus, PurchaseOrderView } from '@livehub/contracts';
import {
  Alert,
  App,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { ReasonDialog, useRequiredReason } from '../../components/reason-dialog.tsx';
import { SubmitFooter } from '../../components/submit-footer.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { ApiError, isApiError } from '../../lib/api-client.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { usePurchaseOrderStep } from '../../queries/supply.ts';

export const poTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

const STATUS_COLOR: Record<PurchaseOrderStatus, string> = {
  sent: 'gold',
  confirmed: 'blue',
  declined: 'red',
  shipped: 'cyan',
  partially_received: 'orange',
  received: 'green',
  closed: 'purple',
  cancelled: 'default',
};

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Who may do what on an order in its status (the server decides; these only choose the buttons). */
export const PO_CAN = {
  answer: (po: PurchaseOrderView) => po.status === 'sent',
  ship: (po: PurchaseOrderView) => po.status === 'confirmed',
  cancel: (po: PurchaseOrderView) => po.status === 'sent' || po.status === 'confirmed',
  receive: (po: PurchaseOrderView) => po.status === 'shipped' || po.status === 'partially_received',
  close: (po: PurchaseOrderView) => po.status === 'partially_received',
};

export function PoStatusTag({ status }: { status: PurchaseOrderStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="po-status">
      {t(`po.status.${status}` as MessageKey)}
    </Tag>
  );
}

/** The orders: the merchant's side names the supplier, the supplier's side the merchant. */
export function PurchaseOrderTable({
  rows,
  loading,
  side,
  onOpen,
  actions,
}: {
  rows: PurchaseOrderView[];
  loading: boolean;
  side: 'merchant' | 'supplier';
  onOpen: (po: PurchaseOrderView) => void;
  actions?: (po: PurchaseOrderView) => ReactNode;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<PurchaseOrderView> = [
    {
      title: t('po.col.number'),
      dataIndex: 'number',
      render: (n: string) => (
        <Typography.Link data-testid="po-number" style={NOWRAP}>
          {n}
        </Typography.Link>
      ),
    },
    side === 'merchant'
      ? { title: t('po.col.supplier'), dataIndex: 'supplierName' }
      : { title: t('po.col.merchant'), dataIndex: 'merchantName' },
    { title: t('po.col.warehouse'), dataIndex: 'warehouseName' },
    { title: t('po.col.status'), dataIndex: 'status', render: (s: PurchaseOrderStatus) => <PoStatusTag status={s} /> },
    { title: t('po.col.total'), dataIndex: 'totalFen', align: 'right', render: (f: number) => formatFen(f) },
    { title: t('po.col.expectedOn'), dataIndex: 'expectedOn', render: (d: string) => <span style={NOWRAP}>{d}</span> },
    { title: t('po.col.createdAt'), dataIndex: 'createdAt', render: (at: string) => <span style={NOWRAP}>{poTime(at)}</span> },
    ...(actions
      ? [
          {
            title: t('po.col.actions'),
            key: 'actions',
            render: (_: unknown, po: PurchaseOrderView) => (
              // a button here acts on the order; the rest of the row opens it
              // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's click
              // biome-ignore lint/a11y/useKeyWithClickEvents: only stops the row's click
              <span onClick={(e) => e.stopPropagation()}>{actions(po)}</span>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<PurchaseOrderView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns}
      locale={{ emptyText: <Empty description={t(side === 'merchant' ? 'po.empty' : 'po.console.empty')} /> }}
      onRow={(po) => ({ onClick: () => onOpen(po), style: { cursor: 'pointer' }, 'data-testid': `po-row-${po.number}` })}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="po-table"
    />
  );
}

/** One order: its facts, its lines (采购 / 已发 / 已收 / 拒收) and its receipts; the caller's steps below. */
export function PurchaseOrderDetail({ po, actions }: { po: PurchaseOrderView; actions?: ReactNode }) {
  const { t } = useI18n();
  const name = new Map(po.lines.map((l) => [l.lineNo, `${l.productName} · ${l.skuName}`]));
  const lineColumns: TableColumnsType<PurchaseOrderView['lines'][number]> = [
    {
      title: t('po.line.product'),
      key: 'product',
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{l.productName}</Typography.Text>
          <Typography.Text type="secondary">{l.skuName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('po.line.unitCost'), dataIndex: 'unitCostFen', align: 'right', render: (f: number) => formatFen(f) },
    { title: t('po.line.qty'), dataIndex: 'qty', align: 'right' },
    { title: t('po.line.shipped'), dataIndex: 'shipped', align: 'right' },
    {
      title: t('po.line.received'),
      dataIndex: 'received',
      align: 'right',
      render: (n: number) => <span data-testid="po-line-received">{n}</span>,
    },
    {
      title: t('po.line.rejected'),
      dataIndex: 'rejected',
      align: 'right',
      render: (n: number) => <span data-testid="po-line-rejected">{n}</span>,
    },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="po-detail">
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('po.col.status')}>
          <PoStatusTag status={po.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('po.col.total')}>{formatFen(po.totalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('po.col.supplier')}>{po.supplierName}</Descriptions.Item>
        <Descriptions.Item label={t('po.col.merchant')}>{po.merchantName}</Descriptions.Item>
        <Descriptions.Item label={t('po.col.warehouse')}>{po.warehouseName}</Descriptions.Item>
        <Descriptions.Item label={t('po.col.expectedOn')}>{po.expectedOn}</Descriptions.Item>
        <Descriptions.Item label={t('po.col.createdAt')}>{poTime(po.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('po.detail.confirmedAt')}>{poTime(po.confirmedAt)}</Descriptions.Item>
        {po.carrier ? (
          <Descriptions.Item label={t('po.detail.carrier')} span={2}>
            <span data-testid="po-tracking">
              {po.carrier} {po.trackingNo}
            </span>
            {po.shippedAt ? <Typography.Text type="secondary">（{poTime(po.shippedAt)}）</Typography.Text> : null}
          </Descriptions.Item>
        ) : null}
        {po.replenishmentId ? (
          <Descriptions.Item label={t('po.detail.replenishment')} span={2}>
            {t('po.detail.fromReplenishment')}
          </Descriptions.Item>
        ) : null}
        {po.note ? (
          <Descriptions.Item label={t('po.detail.note')} span={2}>
            {po.note}
          </Descriptions.Item>
        ) : null}
        {po.endReason ? (
          <Descriptions.Item label={t('po.detail.endReason')} span={2}>
            <span data-testid="po-end-reason">{po.endReason}</span>
            {po.endedAt ? <Typography.Text type="secondary">（{poTime(po.endedAt)}）</Typography.Text> : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('po.detail.lines')}
      </Typography.Title>
      <Table size="small" rowKey="lineNo" columns={lineColumns} dataSource={po.lines} pagination={false} data-testid="po-lines" />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('po.detail.receipts')}
      </Typography.Title>
      {po.receipts.length === 0 ? (
        <Typography.Text type="secondary">{t('po.detail.noReceipts')}</Typography.Text>
      ) : (
        <Timeline
          data-testid="po-receipts"
          items={po.receipts.map((r) => ({
            key: r.id,
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{t('po.receipt.head', { at: poTime(r.receivedAt), by: r.receivedBy })}</Typography.Text>
                {r.lines.map((l) => (
                  <Typography.Text key={l.lineNo}>
                    {t('po.receipt.line', { product: name.get(l.lineNo) ?? '', accepted: l.accepted, rejected: l.rejected })}
                    {l.reason ? `（${l.reason}）` : ''}
                  </Typography.Text>
                ))}
                {r.note ? <Typography.Text type="secondary">{r.note}</Typography.Text> : null}
              </Space>
            ),
          }))}
        />
      )}
      {actions ? <Space wrap>{actions}</Space> : null}
    </Space>
  );
}

/**
 * An API error about the n-th line sent, put on the form's row that line came from (`lines.<sent>.x` →
 * `lines.<row>.x`), so the message shows under the right field.
 */
function onFormRow(error: unknown, rowOfSent: number[]): unknown {
  if (!isApiError(error) || !error.field) return error;
  const m = /^lines\.(\d+)\.(\w+)$/.exec(error.field);
  if (!m) return error;
  const row = rowOfSent[Number(m[1])];
  return row === undefined ? error : new ApiError(error.status, error.code, error.message, `lines.${row}.${m[2]}`, error.details);
}

interface ReceiveRow {
  accepted?: number | null;
  rejected?: number | null;
  reason?: string;
}
interface ReceiveValues {
  lines: ReceiveRow[];
  note?: string;
}

/** 收货: per line the units accepted into stock and rejected; past the outstanding units a 差异说明 is asked for. */
export function ReceiveModal({ po, onClose }: { po: PurchaseOrderView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiveValues>();
  const step = usePurchaseOrderStep();
  const [error, setError] = useState<string | null>(null);
  const rows = Form.useWatch('lines', form) ?? [];
  const outstanding = (i: number) => {
    const l = po?.lines[i];
    return l ? Math.max(0, l.qty - l.received - l.rejected) : 0;
  };
  const over = (i: number) => {
    const r = rows[i];
    return (r?.accepted ?? 0) + (r?.rejected ?? 0) > outstanding(i);
  };
  useEffect(() => {
    if (po) {
      setError(null);
      form.setFieldsValue({ lines: po.lines.map((l) => ({ accepted: Math.max(0, l.shipped - l.received - l.rejected), rejected: 0 })) });
    }
  }, [po, form]);
  if (!po) return null;
  const finish = (v: ReceiveValues) => {
    const sent: PurchaseOrderReceiveBody['lines'] = [];
    const rowOfSent: number[] = [];
    v.lines.forEach((r, i) => {
      const accepted = r.accepted ?? 0;
      const rejected = r.rejected ?? 0;
      const line = po.lines[i];
      if (!line || accepted + rejected === 0) return;
      rowOfSent.push(i);
      sent.push({ lineNo: line.lineNo, accepted, rejected, ...(r.reason?.trim() ? { reason: r.reason.trim() } : {}) });
    });
    if (sent.length === 0) {
      setError(t('po.receive.nothing'));
      return;
    }
    setError(null);
    step.mutate(
      { kind: 'receive', id: po.id, body: { lines: sent, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } },
      {
        onSuccess: () => {
          message.success(t('po.received'));
          onClose();
        },
        onError: (e) => {
          if (!applyFieldError(form, onFormRow(e, rowOfSent), ['lines', 'note'])) setError(errorMessage(e, t('common.networkError')));
        },
      },
    );
  };
  return (
    <Modal
      open
      width={760}
      title={t('po.receive.title', { number: po.number })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="po-receive-modal"
      footer={
        <SubmitFooter onCancel={onClose} onSubmit={() => form.submit()} loading={step.isPending} testId="po-receive-submit">
          {t('po.receive.submit')}
        </SubmitFooter>
      }
    >
      <Typography.Paragraph type="secondary">{t('po.receive.hint')}</Typography.Paragraph>
      <Form<ReceiveValues> form={form} layout="vertical" onFinish={finish} onValuesChange={() => setError(null)}>
        {po.lines.map((l, i) => (
          <div key={l.lineNo} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
            <Space style={{ marginBottom: 8 }} wrap>
              <Typography.Text strong>
                {l.productName} · {l.skuName}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('po.line.qty')} {l.qty} · {t('po.line.shipped')} {l.shipped} · {t('po.line.received')} {l.received} ·{' '}
                {t('po.line.rejected')} {l.rejected}
              </Typography.Text>
              <Tag>{t('po.receive.outstanding', { n: outstanding(i) })}</Tag>
            </Space>
            <Space align="start" wrap>
              <Form.Item name={['lines', i, 'accepted']} label={t('po.receive.accepted')}>
                <InputNumber min={0} max={1_000_000} precision={0} data-testid={`po-accepted-${i}`} />
              </Form.Item>
              <Form.Item name={['lines', i, 'rejected']} label={t('po.receive.rejected')}>
                <InputNumber min={0} max={1_000_000} precision={0} data-testid={`po-rejected-${i}`} />
              </Form.Item>
              {over(i) ? (
                <Form.Item
                  name={['lines', i, 'reason']}
                  label={t('po.receive.reason')}
                  rules={[{ required: true, whitespace: true, message: t('po.receive.reasonRequired') }]}
                  style={{ minWidth: 280 }}
                >
                  <Input maxLength={500} data-testid={`po-reason-${i}`} />
                </Form.Item>
              ) : null}
            </Space>
          </div>
        ))}
        <Form.Item name="note" label={t('po.receive.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="po-receive-note" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="po-receive-error" /> : null}
    </Modal>
  );
}

interface ShipValues {
  carrier: string;
  trackingNo: string;
  lines: Array<{ qty?: number | null }>;
}

/** 发货: carrier, tracking number, and the quantity shipped per line (every line in full by default). */
export function ShipModal({ po, onClose }: { po: PurchaseOrderView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShipValues>();
  const step = usePurchaseOrderStep();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (po) {
      setError(null);
      form.setFieldsValue({ carrier: '', trackingNo: '', lines: po.lines.map((l) => ({ qty: l.qty })) });
    }
  }, [po, form]);
  if (!po) return null;
  const finish = (v: ShipValues) => {
    const lines = po.lines.map((l, i) => ({ lineNo: l.lineNo, qty: v.lines[i]?.qty ?? 0 }));
    const full = lines.every((l, i) => l.qty === po.lines[i]?.qty);
    step.mutate(
      { kind: 'ship', id: po.id, body: { carrier: v.carrier.trim(), trackingNo: v.trackingNo.trim(), ...(full ? {} : { lines }) } },
      {
        onSuccess: () => {
          message.success(t('po.shipped'));
          onClose();
        },
        onError: (e) => {
          if (!applyFieldError(form, e, ['carrier', 'trackingNo', 'lines'])) setError(errorMessage(e, t('common.networkError')));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('po.ship.title', { number: po.number })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="po-ship-modal"
      footer={
        <SubmitFooter onCancel={onClose} onSubmit={() => form.submit()} loading={step.isPending} testId="po-ship-submit">
          {t('po.action.ship')}
        </SubmitFooter>
      }
    >
      <Typography.Paragraph type="secondary">{t('po.ship.hint')}</Typography.Paragraph>
      <Form<ShipValues> form={form} layout="vertical" onFinish={finish} onValuesChange={() => setError(null)}>
        <Form.Item
          name="carrier"
          label={t('po.ship.carrier')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} data-testid="po-carrier" />
        </Form.Item>
        <Form.Item
          name="trackingNo"
          label={t('po.ship.trackingNo')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 4, max: 50, message: t('registry.v.length', { min: 4, max: 50 }) },
          ]}
        >
          <Input maxLength={50} data-testid="po-tracking-no" />
        </Form.Item>
        {po.lines.map((l, i) => (
          <Form.Item
            key={l.lineNo}
            name={['lines', i, 'qty']}
            label={`${t('po.ship.qty')} · ${l.productName} · ${l.skuName}`}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0} max={l.qty} precision={0} suffix={`/ ${l.qty}`} data-testid={`po-ship-qty-${i}`} />
          </Form.Item>
        ))}
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="po-ship-error" /> : null}
    </Modal>
  );
}

export type ReasonKind = 'decline' | 'cancel' | 'close';

const REASON_TEXT: Record<ReasonKind, { title: MessageKey; hint: MessageKey; done: MessageKey; action: MessageKey }> = {
  decline: { title: 'po.reason.decline', hint: 'po.reason.declineHint', done: 'po.declined', action: 'po.action.decline' },
  cancel: { title: 'po.reason.cancel', hint: 'po.reason.cancelHint', done: 'po.cancelled', action: 'po.action.cancel' },
  close: { title: 'po.reason.close', hint: 'po.reason.closeHint', done: 'po.closed', action: 'po.action.close' },
};

/** 拒单 / 撤销 / 短收结案 with a required reason. */
export function PoReasonDialog({
  target,
  onClose,
  onDone,
}: {
  target: { kind: ReasonKind; po: PurchaseOrderView } | null;
  onClose: () => void;
  onDone: (kind: ReasonKind) => void;
}) {
  const { t } = useI18n();
  const reason = useRequiredReason();
  const step = usePurchaseOrderStep();
  const [error, setError] = useState<string | null>(null);
  const text = REASON_TEXT[target?.kind ?? 'cancel'];
  return (
    <ReasonDialog
      {...reason}
      label={t('po.reason.label')}
      placeholder={t('po.reason.placeholder')}
      open={target !== null}
      resetKey={target}
      title={target ? t(text.title, { number: target.po.number }) : ''}
      hint={t(text.hint)}
      submitLabel={t(text.action)}
      danger
      loading={step.isPending}
      error={error}
      testIds={{ modal: 'po-reason-modal', input: 'po-reason-input', submit: 'po-reason-submit', error: 'po-reason-error' }}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onSubmit={(r) => {
        if (!target) return;
        setError(null);
        step.mutate(
          { kind: target.kind, id: target.po.id, reason: r },
          { onSuccess: () => onDone(target.kind), onError: (e) => setError(errorMessage(e, t('common.networkError'))) },
        );
      }}
    />
  );
}
