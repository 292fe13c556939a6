/**
 * The parts of the demand pages: the per-SKU demand table (上一分钟售出, 售速, 加购, 剩余可售, 预计售罄), the ECharts
 * sell-through chart of a SKU during a session (cumulative sold against the sellable units left), the alerts list
 * with its 补货 button, and the replenishment requests table (the supplier confirms and ships; the merchant turns a
 * request into a purchase order, 转采购单).
 */
import type { DemandAlertView, DemandSessionView, DemandSkuView, ReplenishmentView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, InputNumber, List, Modal, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { supplyApi, supplyKeys } from '../../queries/supply.ts';

export function projectionText(t: Translate, s: Pick<DemandSkuView, 'stock' | 'projectedMinutes'>): string {
  if (s.stock <= 0) return t('supply.projection.soldOut');
  if (s.projectedMinutes === null) return t('supply.projection.none');
  return t('supply.projection.minutes', { n: Math.max(1, Math.round(s.projectedMinutes)) });
}

export function LevelTag({ level }: { level: DemandSkuView['level'] }) {
  const { t } = useI18n();
  if (!level) return null;
  return <Tag color={level === 'sold_out' ? 'red' : 'orange'}>{t(`supply.level.${level}`)}</Tag>;
}

/**
 * Cumulative sold per minute since the start, against the units left (today's stock plus what was sold since), and
 * per minute the units sold and the 加购 counted (bars on the right axis): carts are shown beside sales, never folded
 * into the projection (docs/supply.md § Live demand).
 */
export function SellThroughChart({ sku, height = 220 }: { sku: DemandSkuView; height?: number }) {
  const { t } = useI18n();
  const option = useMemo<EChartOption>(() => {
    let cum = 0;
    const x: string[] = [];
    const sold: number[] = [];
    const left: number[] = [];
    const soldPerMinute: number[] = [];
    const cartsPerMinute: number[] = [];
    const before = sku.soldTotal - sku.minutes.reduce((n, m) => n + m.sold, 0);
    cum = before;
    for (const m of sku.minutes) {
      cum += m.sold;
      x.push(t('supply.chart.minute', { n: m.minute + 1 }));
      sold.push(cum);
      left.push(Math.max(0, sku.stock + sku.soldTotal - cum));
      soldPerMinute.push(m.sold);
      cartsPerMinute.push(m.carts);
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: {
        data: [t('supply.chart.sold'), t('supply.chart.stock'), t('supply.chart.soldPerMinute'), t('supply.chart.cartsPerMinute')],
      },
      grid: { left: 40, right: 40, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: x },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: t('supply.chart.sold'), type: 'line', data: sold, smooth: true, areaStyle: {} },
        { name: t('supply.chart.stock'), type: 'line', data: left, smooth: true },
        { name: t('supply.chart.soldPerMinute'), type: 'bar', yAxisIndex: 1, data: soldPerMinute, barMaxWidth: 8 },
        { name: t('supply.chart.cartsPerMinute'), type: 'bar', yAxisIndex: 1, data: cartsPerMinute, barMaxWidth: 8 },
      ],
    } as EChartOption;
  }, [sku, t]);
  return <EChart option={option} height={height} testId={`sell-through-${sku.skuId}`} />;
}

export function DemandTable({ session, showMerchant, charts }: { session: DemandSessionView; showMerchant?: boolean; charts?: boolean }) {
  const { t } = useI18n();
  const columns: TableColumnsType<DemandSkuView> = [
    { title: t('supply.col.product'), key: 'product', render: (_, s) => <Typography.Text strong>{s.productName}</Typography.Text> },
    { title: t('supply.col.sku'), dataIndex: 'skuName' },
    ...(showMerchant ? [{ title: t('supply.col.merchant'), dataIndex: 'merchantName' }] : []),
    { title: t('supply.col.lastMinute'), dataIndex: 'soldLastMinute', align: 'right' },
    { title: t('supply.col.rate'), dataIndex: 'ratePerMinute', align: 'right' },
    { title: t('supply.col.sold'), dataIndex: 'soldTotal', align: 'right' },
    { title: t('supply.col.placed'), dataIndex: 'ordersPlaced', align: 'right' },
    {
      title: t('supply.col.carts'),
      key: 'carts',
      align: 'right',
      render: (_, s) => (
        <span data-testid={`carts-${s.skuId}`} data-carts={s.cartAdds}>
          {s.cartAddsThisMinute} / {s.cartAdds}
        </span>
      ),
    },
    {
      title: t('supply.col.stock'),
      key: 'stock',
      align: 'right',
      render: (_, s) => <span data-testid={`stock-${s.skuId}`}>{s.stock}</span>,
    },
    {
      title: t('supply.col.projection'),
      key: 'projection',
      render: (_, s) => (
        <Space>
          <span data-testid={`projection-${s.skuId}`}>{projectionText(t, s)}</span>
          <LevelTag level={s.level} />
        </Space>
      ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="skuId"
      columns={columns}
      dataSource={session.skus}
      pagination={false}
      {...(charts ? { expandable: { expandedRowRender: (s: DemandSkuView) => <SellThroughChart sku={s} /> } } : {})}
    />
  );
}

export function AlertList({ alerts, canReplenish }: { alerts: DemandAlertView[]; canReplenish: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const replenish = useMutation({
    mutationFn: (alertId: string) => supplyApi.replenish({ alertId }),
    onSuccess: () => {
      void message.success(t('supply.replenished'));
      void qc.invalidateQueries({ queryKey: supplyKeys.replenishments });
    },
    onError: (e) => void message.error(errorMessage(e, t('supply.replenish'))),
  });
  if (alerts.length === 0) return <Empty description={t('supply.noAlerts')} />;
  return (
    <List
      data-testid="demand-alerts"
      dataSource={alerts}
      renderItem={(a) => (
        <List.Item
          actions={
            canReplenish
              ? [
                  <Button
                    key="r"
                    size="small"
                    type="primary"
                    loading={replenish.isPending && replenish.variables === a.id}
                    onClick={() => replenish.mutate(a.id)}
                  >
                    {t('supply.replenish')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={
              <Space>
                <LevelTag level={a.level} />
                <span>
                  {a.sessionTitle} · {a.merchantName}
                </span>
              </Space>
            }
            description={t('supply.alert.text', {
              product: a.productName,
              level: a.level === 'sold_out' ? t('supply.projection.soldOut') : projectionText(t, a),
              stock: a.stock,
              qty: a.suggestedQty,
            })}
          />
        </List.Item>
      )}
    />
  );
}

export function ReplenishmentTable({ rows, supplierOrgId }: { rows: ReplenishmentView[]; supplierOrgId: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: ({ id, step }: { id: string; step: 'confirm' | 'ship' }) =>
      step === 'confirm' ? supplyApi.confirm(id) : supplyApi.ship(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: supplyKeys.replenishments }),
    onError: (e) => void message.error(errorMessage(e, t('supply.requests'))),
  });
  const navigate = useNavigate();
  const [ordering, setOrdering] = useState<ReplenishmentView | null>(null);
  const [priceYuan, setPriceYuan] = useState<number | null>(null);
  const order = useMutation({
    mutationFn: ({ id, unitCostFen }: { id: string; unitCostFen: number }) => supplyApi.orderReplenishment(id, { unitCostFen }),
    onSuccess: (po) => {
      setOrdering(null);
      void qc.invalidateQueries({ queryKey: supplyKeys.replenishments });
      void navigate(`/merchant/purchases?po=${encodeURIComponent(po.id)}`);
    },
    onError: (e) => void message.error(errorMessage(e, t('supply.req.toPo'))),
  });
  const columns: TableColumnsType<ReplenishmentView> = [
    { title: t('supply.col.product'), dataIndex: 'productName' },
    { title: t('supply.col.merchant'), dataIndex: 'merchantName' },
    { title: t('supply.req.supplier'), dataIndex: 'supplierName' },
    { title: t('supply.req.qty'), dataIndex: 'qty', align: 'right' },
    { title: t('supply.req.status'), key: 'status', render: (_, r) => <Tag>{t(`supply.status.${r.status}`)}</Tag> },
    {
      title: t('supply.req.createdAt'),
      key: 'at',
      render: (_, r) => new Date(r.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
    },
    {
      key: 'act',
      render: (_, r) => (
        <Space>
          {r.supplierOrgId === supplierOrgId && r.status !== 'shipped' ? (
            <Button size="small" onClick={() => act.mutate({ id: r.id, step: r.status === 'requested' ? 'confirm' : 'ship' })}>
              {t(r.status === 'requested' ? 'supply.req.confirm' : 'supply.req.ship')}
            </Button>
          ) : null}
          {r.merchantOrgId === supplierOrgId && r.purchaseOrderId ? (
            <Link to={`/merchant/purchases?po=${encodeURIComponent(r.purchaseOrderId)}`} data-testid="replenishment-po">
              {t('supply.req.ordered', { number: r.purchaseOrderNumber ?? '' })}
            </Link>
          ) : null}
          {r.merchantOrgId === supplierOrgId && !r.purchaseOrderId ? (
            <Button
              size="small"
              data-testid="replenishment-to-po"
              onClick={() => {
                setPriceYuan(null);
                setOrdering(r);
              }}
            >
              {t('supply.req.toPo')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  if (rows.length === 0) return <Empty description={t('supply.noRequests')} />;
  return (
    <>
      <Table size="small" rowKey="id" columns={columns} dataSource={rows} pagination={{ pageSize: 10 }} />
      <Modal
        open={ordering !== null}
        title={
          ordering ? t('supply.req.toPoTitle', { product: ordering.productName, qty: ordering.qty, supplier: ordering.supplierName }) : ''
        }
        okText={t('supply.req.toPo')}
        okButtonProps={{ disabled: priceYuan === null, loading: order.isPending }}
        onCancel={() => setOrdering(null)}
        onOk={() => ordering && priceYuan !== null && order.mutate({ id: ordering.id, unitCostFen: Math.round(priceYuan * 100) })}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('supply.req.toPoHint')}</Typography.Paragraph>
        <Space>
          <span>{t('supply.req.unitPrice')}</span>
          <InputNumber
            min={0}
            max={1_000_000}
            precision={2}
            prefix="¥"
            value={priceYuan}
            onChange={(v) => setPriceYuan(v)}
            data-testid="replenishment-price"
          />
        </Space>
      </Modal>
    </>
  );
}

/** 直播实时需求: the live sessions of the board, each with its SKUs (and their sell-through charts), and the stream's state. */
export function LiveDemandCard({
  connected,
  loading,
  sessions,
  showMerchant,
}: {
  connected: boolean;
  loading: boolean;
  sessions: DemandSessionView[];
  showMerchant?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={t('supply.demand')}
      extra={<Badge status={connected ? 'success' : 'default'} text={connected ? t('supply.live') : t('supply.offline')} />}
      style={{ marginBottom: 16 }}
      loading={loading}
    >
      {sessions.length === 0 ? (
        <Empty description={t('supply.noLive')} />
      ) : (
        sessions.map((s) => (
          <div key={s.sessionId} style={{ marginBottom: 16 }} data-testid="demand-session">
            <Space style={{ marginBottom: 8 }}>
              <Tag color="red">LIVE</Tag>
              <strong>{s.title}</strong>
              <span>{s.streamerName}</span>
            </Space>
            <DemandTable session={s} showMerchant={showMerchant} charts />
          </div>
        ))
      )}
    </Card>
  );
}
