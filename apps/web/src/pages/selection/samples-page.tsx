/**
 * 寄样管理: sample requests for both sides. The merchant approves or declines, opens the shipping label (the full
 * address — audited), ships with a carrier and tracking number and confirms the return; the streamer receives,
 * features (with where: a session or replay) or ships it back, or cancels a pending request. An MCN sees its
 * streamers' requests. Contacts are masked in the list; samples kept past their feature deadline are flagged.
 */
import { FileProtectOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { SampleActionRequest } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { TrackingTimelineView } from '../../components/tracking-timeline-view.tsx';
import { useI18n } from '../../i18n/index.ts';
import { requiredLengthRules, requiredTextRule } from '../../lib/form-rules.ts';
import type { SampleView } from '../../lib/api-types.ts';
import { endpoints, type ShippingLabel } from '../../lib/endpoints.ts';

type SampleActionName = SampleActionRequest['action'];
import { useMe } from '../../lib/session.ts';
import { QueryTable } from '../../components/query-table.tsx';
import { ReasonDialog } from '../../components/reason-dialog.tsx';
import { labelOr } from '../../lib/labels.ts';
import { useStockLevels, useWarehouses } from '../../queries/inventory.ts';
import { selectionKeys, useSample, useSamples } from '../../queries/selection.ts';
import { AgreementCreateModal } from './agreement-form.tsx';
import { SampleStatusTag } from './selection-labels.tsx';
import { selectionErrorMessage } from './selection-errors.ts';
import './selection.css';

type Party = 'merchant' | 'streamer' | 'viewer';

/** What each side may do in each state (the server's sample flow). */
const ACTIONS: Record<'merchant' | 'streamer', Partial<Record<SampleView['status'], SampleActionName[]>>> = {
  merchant: { requested: ['approve', 'decline'], approved: ['ship'], return_shipped: ['confirm_return'] },
  streamer: { requested: ['cancel'], shipped: ['receive'], received: ['feature', 'ship_return'] },
};
const CONFIRM_ONLY: ReadonlySet<SampleActionName> = new Set(['approve', 'receive', 'confirm_return', 'cancel']);
const CARRIERS = ['顺丰速运', '京东物流', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递', '中国邮政 EMS'];

export function SamplesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [dialog, setDialog] = useState<{ sample: SampleView; action: SampleActionName } | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [label, setLabel] = useState<{ sample: SampleView; label: ShippingLabel } | null>(null);
  const [propose, setPropose] = useState<SampleView | null>(null);
  const party: Party = me.role === 'merchant_staff' ? 'merchant' : me.role === 'streamer' ? 'streamer' : 'viewer';
  const list = useSamples(overdueOnly, { staleTime: 0 });
  const items = [...(list.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  const act = useMutation({
    mutationFn: (input: { id: string; body: SampleActionRequest }) => endpoints.actOnSample(input.id, input.body),
    onMutate: () => setDialogError(null),
    onSuccess: async (s, input) => {
      setDialog(null);
      message.success(t('sample.actionDone', { action: labelOr(t, `sample.action.${input.body.action}`, input.body.action) }));
      queryClient.setQueryData<SampleView[]>(selectionKeys.samples(overdueOnly), (old) => old?.map((x) => (x.id === s.id ? s : x)));
      await queryClient.invalidateQueries({ queryKey: selectionKeys.allSamples });
    },
    onError: (e) => {
      if (dialog) setDialogError(selectionErrorMessage(t, e));
      else message.error(selectionErrorMessage(t, e));
    },
  });
  const openLabel = useMutation({
    mutationFn: (s: SampleView) => endpoints.shippingLabel(s.id),
    onSuccess: (l, s) => setLabel({ sample: s, label: l }),
    onError: (e) => message.error(selectionErrorMessage(t, e)),
  });

  const actionButton = (s: SampleView, action: SampleActionName) => {
    const text = labelOr(t, `sample.action.${action}`, action);
    const danger = action === 'decline' || action === 'cancel';
    const primary = action === 'approve' || action === 'ship' || action === 'receive' || action === 'feature';
    const testId = `sample-${action}`;
    if (CONFIRM_ONLY.has(action))
      return (
        <Popconfirm
          key={action}
          title={t('sample.confirm', { action: text })}
          onConfirm={() => act.mutate({ id: s.id, body: { action } })}
          okButtonProps={{ 'data-testid': 'sample-confirm-ok', danger } as ButtonProps}
        >
          <Button size="small" type={primary ? 'primary' : 'default'} danger={danger} data-testid={testId}>
            {text}
          </Button>
        </Popconfirm>
      );
    return (
      <Button
        key={action}
        size="small"
        type={primary ? 'primary' : 'default'}
        danger={danger}
        data-testid={testId}
        onClick={() => {
          setDialogError(null);
          setDialog({ sample: s, action });
        }}
      >
        {text}
      </Button>
    );
  };

  const columns: TableColumnsType<SampleView> = [
    {
      title: t('sample.col.product'),
      key: 'product',
      width: 260,
      render: (_: unknown, s) => (
        <div>
          <Typography.Text strong data-testid="sample-product">
            {s.productTitle}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {party === 'merchant'
                ? t('sample.fromStreamer', { name: s.streamerName })
                : party === 'streamer'
                  ? s.merchantName
                  : `${s.streamerName} · ${s.merchantName}`}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('sample.col.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, s) => (
        <Space size={4} wrap>
          <SampleStatusTag status={s.status} />
          {s.overdue ? (
            <Tag color="error" variant="solid" style={{ marginInlineEnd: 0 }} data-testid="sample-overdue">
              {t('sample.overdue')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('sample.col.contact'),
      key: 'contact',
      width: 210,
      render: (_: unknown, s) => (
        <div style={{ fontSize: 12 }} data-testid="sample-contact">
          <div>
            {s.recipient} · <span className="lh-mono">{s.phone}</span>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.address}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('sample.col.shipping'),
      key: 'shipping',
      width: 200,
      render: (_: unknown, s) => (
        <div style={{ fontSize: 12 }}>
          {s.carrier ? (
            <div data-testid="sample-shipping">
              {s.carrier} <span className="lh-mono">{s.trackingNo}</span>
            </div>
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          )}
          {s.returnCarrier ? (
            <div>
              {t('sample.returnVia')} {s.returnCarrier} <span className="lh-mono">{s.returnTrackingNo}</span>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('sample.col.feature'),
      key: 'feature',
      width: 170,
      render: (_: unknown, s) =>
        s.featuredIn ? (
          <Typography.Text style={{ fontSize: 12 }}>{s.featuredIn}</Typography.Text>
        ) : s.featureDueAt ? (
          <Typography.Text type={s.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('sample.featureDue', { date: dayjs(s.featureDueAt).format('YYYY-MM-DD') })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('sample.col.requestedAt'),
      key: 'createdAt',
      width: 130,
      render: (_: unknown, s) => dayjs(s.createdAt).format('MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_: unknown, s) => {
        const mine = party === 'viewer' ? [] : (ACTIONS[party][s.status] ?? []);
        const canLabel = party === 'merchant' && (s.status === 'approved' || s.status === 'shipped');
        return (
          <Space size={[6, 6]} wrap>
            {mine.map((a) => actionButton(s, a))}
            {canLabel ? (
              <Button
                size="small"
                icon={<PrinterOutlined />}
                loading={openLabel.isPending && openLabel.variables?.id === s.id}
                onClick={() => openLabel.mutate(s)}
                data-testid="sample-label"
              >
                {t('sample.label')}
              </Button>
            ) : null}
            {party === 'merchant' ? (
              <Button size="small" type="link" icon={<FileProtectOutlined />} onClick={() => setPropose(s)} data-testid="sample-propose">
                {t('sample.propose')}
              </Button>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="samples-page" data-party={party}>
      <PageHeader
        title={t('sample.title')}
        subtitle={t(`sample.subtitle.${party}`)}
        extra={
          <Space wrap>
            <Space size={6}>
              <Switch checked={overdueOnly} onChange={setOverdueOnly} data-testid="samples-overdue-only" />
              <Typography.Text>{t('sample.overdueOnly')}</Typography.Text>
            </Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <Card>
        <QueryTable<SampleView>
          query={list}
          rowKey="id"
          columns={columns}
          dataSource={items}
          scroll={{ x: 1340 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t(`sample.empty.${party}`) }}
          data-testid="samples-table"
          rowClassName={(s) => (s.overdue ? 'lh-row-overdue' : '')}
          expandable={{ expandedRowRender: (s) => <SampleHistory sample={s} /> }}
          onRow={(s) =>
            ({
              'data-testid': 'sample-row',
              'data-sample-id': s.id,
              'data-status': s.status,
              'data-product-id': s.productId,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </Card>

      <ReasonDialog
        open={dialog?.action === 'decline'}
        resetKey={dialog}
        title={t('sample.action.decline')}
        hint={t('sample.declineHint')}
        label={t('registry.reason.label')}
        placeholder={t('registry.reason.placeholder')}
        rules={[
          { required: true, whitespace: true, message: t('registry.reason.required') },
          { max: 500, message: t('registry.reason.tooLong') },
        ]}
        maxLength={500}
        isValid={(s) => s.length > 0 && s.length <= 500}
        submitLabel={t('sample.action.decline')}
        danger
        loading={act.isPending}
        error={dialogError}
        testIds={{ modal: 'decline-modal', input: 'decline-reason', submit: 'decline-submit', error: 'decline-error' }}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => dialog && act.mutate({ id: dialog.sample.id, body: { action: 'decline', reason } })}
      />
      <ShipModal
        open={dialog?.action === 'ship' || dialog?.action === 'ship_return'}
        returning={dialog?.action === 'ship_return'}
        productId={dialog?.sample.productId ?? null}
        skuId={dialog?.sample.skuId ?? null}
        loading={act.isPending}
        error={dialogError}
        onCancel={() => setDialog(null)}
        onSubmit={(carrier, trackingNo, warehouseId) =>
          dialog &&
          act.mutate({
            id: dialog.sample.id,
            body: { action: dialog.action, carrier, trackingNo, ...(warehouseId ? { warehouseId } : {}) },
          })
        }
      />
      <FeatureModal
        open={dialog?.action === 'feature'}
        loading={act.isPending}
        error={dialogError}
        onCancel={() => setDialog(null)}
        onSubmit={(featuredIn) => dialog && act.mutate({ id: dialog.sample.id, body: { action: 'feature', featuredIn } })}
      />
      <Modal
        open={label !== null}
        title={t('sample.labelTitle')}
        onCancel={() => setLabel(null)}
        footer={<Button onClick={() => setLabel(null)}>{t('common.confirm')}</Button>}
        data-testid="shipping-label"
      >
        {label ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sample.labelAudited')} />
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('sample.col.product')}>{label.sample.productTitle}</Descriptions.Item>
              <Descriptions.Item label={t('sample.recipient')}>
                <span data-testid="label-recipient">{label.label.recipient}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('sample.phone')}>
                <span className="lh-mono" data-testid="label-phone">
                  {label.label.phone}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('sample.address')}>
                <span data-testid="label-address">{label.label.address}</span>
              </Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
      </Modal>
      {party === 'merchant' ? (
        <AgreementCreateModal
          open={propose !== null}
          onClose={() => setPropose(null)}
          presetStreamer={propose ? { userId: propose.streamerUserId, name: propose.streamerName } : undefined}
          presetProduct={
            propose ? { value: propose.productId, label: propose.productTitle, merchantOrgId: propose.merchantOrgId } : undefined
          }
        />
      ) : null}
    </div>
  );
}

function SampleHistory({ sample }: { sample: SampleView }) {
  const { t } = useI18n();
  return (
    <div style={{ padding: '8px 16px' }}>
      {sample.note ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('sample.note')}：{sample.note}
        </Typography.Paragraph>
      ) : null}
      {sample.reason ? (
        <Typography.Paragraph type="danger" style={{ fontSize: 13 }}>
          {t('sample.declinedReason')}：{sample.reason}
        </Typography.Paragraph>
      ) : null}
      <Timeline
        items={[...sample.history].reverse().map((h, i) => ({
          key: `${h.at}-${i}`,
          color: h.action === 'overdue' || h.action === 'decline' ? 'red' : 'blue',
          content: (
            <span style={{ fontSize: 13 }}>
              <Typography.Text strong>{labelOr(t, `sample.event.${h.action}`, h.action)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {h.by.startsWith('system:') ? t('registry.app.system') : h.by} · {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              {h.reason ? <div>{h.reason}</div> : null}
            </span>
          ),
        }))}
      />
      {sample.trackingNo ? <SampleTracking id={sample.id} /> : null}
    </div>
  );
}

/** The sample's packages through the carrier (物流轨迹): out, and back once 寄回; read when its row is opened. */
function SampleTracking({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useSample(id, { retry: false });
  return (
    <div data-testid="sample-tracking" style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('sample.tracking')}</Typography.Text>
      <TrackingTimelineView tracking={q.data?.tracking} loading={q.isLoading} />
      {q.data?.returnTracking ? (
        <div data-testid="sample-return-tracking" style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('sample.returnTracking')}</Typography.Text>
          <TrackingTimelineView tracking={q.data.returnTracking} loading={false} />
        </div>
      ) : null}
    </div>
  );
}

interface ShipValues {
  carrier: string;
  trackingNo: string;
  /** 发货仓 (寄样出库); empty: the first of the merchant's warehouses holding the SKU */
  warehouseId?: string;
}

function ShipModal({
  open,
  returning,
  productId,
  skuId,
  loading,
  error,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  returning: boolean;
  /** the sample's product and SKU (null: the product as a whole), whose stock per warehouse the 发货仓 choice shows */
  productId: string | null;
  skuId: string | null;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (carrier: string, trackingNo: string, warehouseId: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ShipValues>();
  // the merchant's outbound: which warehouse the unit leaves from, with what each holds of the SKU
  const choosing = open && !returning;
  const warehouses = useWarehouses({ enabled: choosing });
  const levels = useStockLevels({ enabled: choosing });
  // what each warehouse holds of the sample's SKU (a request for the product as a whole: of its SKUs together)
  const held = new Map<string, number>();
  for (const l of levels.data ?? [])
    if (skuId ? l.skuId === skuId : l.productId === productId)
      for (const w of l.warehouses) held.set(w.warehouseId, (held.get(w.warehouseId) ?? 0) + w.onHand);
  return (
    <FormModal<ShipValues>
      open={open}
      title={returning ? t('sample.action.ship_return') : t('sample.action.ship')}
      onClose={onCancel}
      form={form}
      onFinish={(v) => onSubmit(v.carrier.trim(), v.trackingNo.trim(), v.warehouseId || undefined)}
      pending={loading}
      okText={t('common.confirm')}
      okTestId="ship-submit"
      testId="ship-modal"
      error={error}
      errorTestId="ship-error"
    >
      {choosing ? (
        <Form.Item name="warehouseId" label={t('sample.warehouse')} extra={t('sample.warehouseHint')}>
          <Select
            allowClear
            loading={warehouses.isPending}
            placeholder={t('sample.warehouseAuto')}
            data-testid="ship-warehouse"
            options={(warehouses.data ?? [])
              .filter((w) => w.status === 'active')
              .map((w) => ({
                value: w.id,
                label: t('sample.warehouseOption', { name: w.name, count: held.get(w.id) ?? 0 }),
                disabled: (held.get(w.id) ?? 0) <= 0,
              }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="carrier" label={t('sample.carrier')} rules={requiredLengthRules(t, 2, 30)}>
        <AutoComplete
          options={CARRIERS.map((c) => ({ value: c }))}
          placeholder={t('sample.carrierPlaceholder')}
          data-testid="ship-carrier"
          showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input) }}
        />
      </Form.Item>
      <Form.Item
        name="trackingNo"
        label={t('sample.trackingNo')}
        rules={[requiredTextRule(t), { pattern: /^[0-9A-Za-z]{8,30}$/, message: t('sample.v.trackingNo') }]}
      >
        <Input maxLength={30} className="lh-mono" data-testid="ship-tracking" />
      </Form.Item>
    </FormModal>
  );
}

function FeatureModal({
  open,
  loading,
  error,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (featuredIn: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ featuredIn: string }>();
  return (
    <FormModal<{ featuredIn: string }>
      open={open}
      title={t('sample.action.feature')}
      onClose={onCancel}
      form={form}
      onFinish={(v) => onSubmit(v.featuredIn.trim())}
      pending={loading}
      okText={t('common.confirm')}
      okTestId="feature-submit"
      testId="feature-modal"
      error={error}
    >
      <Form.Item name="featuredIn" label={t('sample.featuredIn')} extra={t('sample.featuredInHint')} rules={requiredLengthRules(t, 2, 200)}>
        <Input maxLength={200} data-testid="feature-input" />
      </Form.Item>
    </FormModal>
  );
}
