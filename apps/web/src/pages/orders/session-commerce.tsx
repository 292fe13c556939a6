/**
 * The streamer's selling tools on a session's console page: 秒杀 — set one up for a product on the session (SKU,
 * price at or below the list price, quantity carved out of the stock, per-person limit, duration), watch its stock
 * and sales move every two seconds while it runs, end it early (unsold units go back to stock) — and 本场订单, the
 * orders attributed to the session with their count and GMV.
 */
import { PlusOutlined, ShoppingCartOutlined, ThunderboltFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { SubmitFooter } from '../../components/submit-footer.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { FlashSaleView, LiveSessionView, OrderView } from '../../lib/api-types.ts';
import { endpoints, type OrderListQuery } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { applyRenamedFieldError } from '../selection/selection-errors.ts';
import { useProduct } from '../../queries/catalog.ts';
import { liveKeys, useFlashSales } from '../../queries/live.ts';
import { useOrders } from '../../queries/orders.ts';
import { formatCountdown, OrderStatusTag, useNow } from './order-labels.tsx';
import './orders.css';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { IconTitle } from '../../components/icon-title.tsx';

const DURATIONS = [60, 180, 300, 600, 1800] as const;
const FLASH_FIELDS = ['productId', 'skuId', 'priceYuan', 'quantity', 'perUserLimit', 'durationS'] as const;
/** orders that count toward the session's sales: paid at some point and not cancelled */
const SOLD: ReadonlySet<OrderView['status']> = new Set(['paid', 'shipped', 'delivered', 'completed', 'refunded']);

interface FlashValues {
  productId: string;
  skuId: string;
  priceYuan: number;
  quantity: number;
  perUserLimit: number;
  durationS: number;
}

function FlashSaleModal({ session, open, onClose }: { session: LiveSessionView; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FlashValues>();
  const [error, setError] = useState<string | null>(null);
  const productId = Form.useWatch('productId', form) ?? '';
  const skuId = Form.useWatch('skuId', form) ?? '';
  const product = useProduct(productId, { enabled: open && productId !== '', retry: false });
  const sku = product.data?.skus.find((s) => s.id === skuId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
  }, [open, form]);
  // pick the product's first SKU in stock when the product changes
  useEffect(() => {
    const skus = product.data?.skus ?? [];
    if (!skus.some((s) => s.id === form.getFieldValue('skuId')))
      form.setFieldValue('skuId', (skus.find((s) => s.stock > 0) ?? skus[0])?.id);
  }, [product.data, form]);

  const create = useMutation({
    mutationFn: (v: FlashValues) =>
      endpoints.createFlashSale(session.id, {
        productId: v.productId,
        skuId: v.skuId,
        priceFen: yuanToFen(v.priceYuan),
        quantity: v.quantity,
        perUserLimit: v.perUserLimit,
        durationS: v.durationS,
      }),
    onMutate: () => setError(null),
    onSuccess: async (f) => {
      message.success(t('flash.console.created', { title: f.title }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: liveKeys.flashSales(session.id) });
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, FLASH_FIELDS, { priceFen: 'priceYuan' })) setError(errorMessage(e, t('common.networkError')));
    },
  });

  return (
    <Modal
      open={open}
      title={<IconTitle icon={<ThunderboltFilled style={{ color: '#f5222d' }} />}>{t('flash.console.newTitle')}</IconTitle>}
      onCancel={onClose}
      destroyOnHidden
      data-testid="flash-modal"
      footer={
        <SubmitFooter onCancel={onClose} onSubmit={() => form.submit()} loading={create.isPending} danger testId="flash-submit">
          {t('flash.console.start')}
        </SubmitFooter>
      }
    >
      <Typography.Paragraph type="secondary">{t('flash.console.hint')}</Typography.Paragraph>
      <Form<FlashValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ quantity: 50, perUserLimit: 1, durationS: 300 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="productId" label={t('flash.console.product')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            placeholder={t('flash.console.productPlaceholder')}
            data-testid="flash-product"
            options={session.products.map((p) => ({
              value: p.productId,
              label: (
                <span data-testid={`flash-product-${p.productId}`}>
                  {p.title} · {formatFen(p.minPriceFen)}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="skuId"
          label={t('flash.console.sku')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={sku ? t('flash.console.skuInfo', { price: formatFen(sku.priceFen), stock: sku.stock }) : undefined}
        >
          <Select
            loading={product.isFetching}
            disabled={!productId}
            data-testid="flash-sku"
            options={(product.data?.skus ?? []).map((s) => ({ value: s.id, label: s.name, disabled: s.stock <= 0 }))}
          />
        </Form.Item>
        {product.error ? (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(product.error, t('common.networkError'))} />
        ) : null}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="priceYuan" label={t('flash.console.price')} rules={[{ required: true, message: t('common.required') }]}>
              <YuanInput min={0.01} max={sku ? sku.priceFen / 100 : undefined} data-testid="flash-price" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="quantity" label={t('flash.console.quantity')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber
                min={1}
                max={sku ? Math.max(1, sku.stock) : 100_000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="flash-quantity"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="perUserLimit" label={t('flash.console.limit')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="flash-limit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="durationS" label={t('flash.console.duration')}>
              <Select
                data-testid="flash-duration"
                options={DURATIONS.map((s) => ({ value: s, label: t('flash.console.minutes', { n: s / 60 }) }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="flash-error" /> : null}
    </Modal>
  );
}

function FlashSalesCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const live = session.status === 'live';
  const sales = useFlashSales(session.id, {
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.some((f) => f.state === 'running' || f.state === 'upcoming') ? 2000 : false),
  });
  const active = sales.data?.some((f) => f.state === 'running' || f.state === 'upcoming') ?? false;
  const now = useNow(active);
  const end = useMutation({
    mutationFn: (f: FlashSaleView) => endpoints.endFlashSale(f.id),
    onSuccess: async () => {
      message.success(t('flash.console.ended'));
      await queryClient.invalidateQueries({ queryKey: liveKeys.flashSales(session.id) });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });

  const columns: TableColumnsType<FlashSaleView> = [
    {
      title: t('flash.console.product'),
      key: 'title',
      render: (_: unknown, f) => (
        <div>
          <Typography.Text strong ellipsis style={{ display: 'block', maxWidth: 220 }}>
            {f.title}
          </Typography.Text>
          <span className="lh-money">{formatFen(f.priceFen)}</span> <span className="lh-buyer-strike">{formatFen(f.listPriceFen)}</span>
        </div>
      ),
    },
    {
      title: t('flash.console.progress'),
      key: 'progress',
      width: 170,
      render: (_: unknown, f) => (
        <div data-testid="flash-progress">
          <Progress percent={Math.round((f.sold / Math.max(1, f.quantity)) * 100)} size="small" strokeColor="#f5222d" showInfo={false} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span data-testid="flash-sold">{t('flash.console.sold', { sold: f.sold, quantity: f.quantity })}</span> ·{' '}
            <span data-testid="flash-left">{t('flash.console.left', { n: f.left })}</span>
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('flash.console.state'),
      key: 'state',
      width: 130,
      render: (_: unknown, f) => (
        <div>
          <Tag color={f.state === 'running' ? 'red' : f.state === 'upcoming' ? 'processing' : 'default'} data-testid="flash-state">
            {t(`flash.state.${f.state}`)}
          </Tag>
          {f.state === 'running' ? (
            <div style={{ fontSize: 12 }} className="lh-mono">
              {formatCountdown(Date.parse(f.endsAt) - now)}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, f) =>
        f.state === 'running' || f.state === 'upcoming' ? (
          <Popconfirm
            title={t('flash.console.endConfirm')}
            onConfirm={() => end.mutate(f)}
            okButtonProps={{ danger: true, 'data-testid': 'flash-end-ok' } as ButtonProps}
          >
            <Button size="small" danger loading={end.isPending && end.variables?.id === f.id} data-testid="flash-end">
              {t('flash.console.end')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      className="lh-console-card"
      data-testid="flash-sales"
      title={<IconTitle icon={<ThunderboltFilled style={{ color: '#f5222d' }} />}>{t('flash.console.title')}</IconTitle>}
      extra={
        live ? (
          <Button type="primary" danger size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="flash-new">
            {t('flash.console.new')}
          </Button>
        ) : null
      }
    >
      <Table<FlashSaleView>
        rowKey="id"
        size="small"
        loading={sales.isPending}
        dataSource={sales.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 560 }}
        onRow={(f) => ({ 'data-testid': 'flash-row', 'data-flash-id': f.id, 'data-state': f.state }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('flash.console.none')} /> }}
      />
      <FlashSaleModal session={session} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function SessionOrdersCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const query: OrderListQuery = { as: 'streamer', sessionId: session.id };
  const orders = useOrders(query, { staleTime: 0, refetchInterval: session.status === 'live' ? 5000 : false });
  const list = orders.data ?? [];
  const sold = list.filter((o) => SOLD.has(o.status));
  const gmv = sold.reduce((sum, o) => sum + o.totalFen - o.refundedFen, 0);
  return (
    <Card
      size="small"
      className="lh-console-card"
      data-testid="session-orders"
      title={<IconTitle icon={<ShoppingCartOutlined />}>{t('sessionOrders.title')}</IconTitle>}
    >
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={8}>
          <Statistic title={t('sessionOrders.paid')} value={sold.length} data-testid="session-orders-count" />
        </Col>
        <Col span={16}>
          <Statistic title={t('sessionOrders.gmv')} value={formatFen(gmv)} data-testid="session-orders-gmv" />
        </Col>
      </Row>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sessionOrders.none')} />
      ) : (
        <div className="lh-session-orders">
          {list.slice(0, 20).map((o) => (
            <div key={o.id} className="lh-session-order" data-testid="session-order" data-order-id={o.id} data-status={o.status}>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text ellipsis style={{ display: 'block' }}>
                  {o.lines.map((l) => `${l.title} ×${l.qty}`).join('；')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.buyerName} · {dayjs(o.createdAt).format('HH:mm:ss')}
                  {o.attribution.flashSaleId ? ` · ${t('flash.tag')}` : ''}
                </Typography.Text>
              </div>
              <div style={{ textAlign: 'end' }}>
                <div className="lh-money">{formatFen(o.totalFen)}</div>
                <OrderStatusTag status={o.status} />
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** 秒杀 and 本场订单 side by side, under the room panel of a live session (and after it, the orders). */
export function SessionCommerce({ session }: { session: LiveSessionView }) {
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="session-commerce">
      <Col xs={24} xl={14}>
        <FlashSalesCard session={session} />
      </Col>
      <Col xs={24} xl={10}>
        <SessionOrdersCard session={session} />
      </Col>
    </Row>
  );
}
