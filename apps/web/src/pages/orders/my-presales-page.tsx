/**
 * 我的预售 (`/presales/mine`, every signed-in user, phone first like 我的订单): the open pre-sales with 付定金 (a
 * specification and a quantity; the provider's payment page follows), and the caller's reservations with their stage
 * (待付定金 / 已付定金 / 待付尾款 / 尾款未付（未发货） / 生产中 / 已发货 / 定金已退), the factory's progress and promised ship day, and
 * 付尾款 once the pre-sale has closed. docs/supply.md § Pre-sale and C2M.
 */
import type { PresaleReservationView, PresaleView, ReservationStage } from '@livehub/contracts';
import { App, Button, Card, Empty, Form, InputNumber, List, Progress, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { ConsumerFrame } from './consumer-frame.tsx';
import { type PresalePayment, presaleApi, useMyReservations, usePresaleStep, usePresales } from '../../queries/presales.ts';

const STAGE_COLOR: Record<ReservationStage, string> = {
  deposit_due: 'gold',
  deposit_paid: 'processing',
  balance_due: 'orange',
  balance_lapsed: 'default',
  in_production: 'blue',
  shipped: 'green',
  refunding: 'purple',
  refunded: 'default',
  failed: 'red',
};
const fmt = (iso: string) => dayjs(iso).format('MM-DD HH:mm');

export function MyPresalesPage() {
  const { t } = useI18n();
  const presales = usePresales();
  const mine = useMyReservations();
  const open = (presales.data ?? []).filter((p) => p.status === 'open');
  return (
    <ConsumerFrame title={t('presale.mine.title')} backTo="/orders" testId="my-presales-page">
      <Typography.Paragraph type="secondary">{t('presale.mine.subtitle')}</Typography.Paragraph>
      {mine.isError ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      <Card title={t('presale.mine.reservations')} size="small" style={{ marginBottom: 12 }} loading={mine.isLoading}>
        {(mine.data ?? []).length === 0 ? (
          <Empty description={t('presale.mine.none')} />
        ) : (
          <List dataSource={mine.data ?? []} renderItem={(r) => <ReservationItem r={r} />} data-testid="my-reservations" />
        )}
      </Card>
      <Card title={t('presale.mine.open')} size="small" loading={presales.isLoading}>
        {open.length === 0 ? <Empty description={t('presale.mine.noOpen')} /> : open.map((p) => <ReserveCard key={p.id} p={p} />)}
      </Card>
    </ConsumerFrame>
  );
}

function ReservationItem({ r }: { r: PresaleReservationView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = usePresaleStep();
  return (
    <List.Item
      actions={
        // the balance is payable inside its window only; before it the card says when it opens
        r.stage === 'balance_due' && Date.now() >= Date.parse(r.balanceStartAt) && Date.now() < Date.parse(r.balanceEndAt)
          ? [
              <Button
                key="balance"
                type="primary"
                size="small"
                loading={step.isPending}
                data-testid="reservation-pay-balance"
                onClick={() =>
                  step.mutate(
                    { kind: 'balance', id: r.id },
                    {
                      onSuccess: (x) => window.location.assign((x as PresalePayment).payUrl),
                      onError: (e) => void message.error(errorMessage(e, t('presale.mine.payBalance'))),
                    },
                  )
                }
              >
                {t('presale.mine.payBalance')} {formatFen(r.balanceFen)}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{r.presaleTitle}</span>
            <Tag color={STAGE_COLOR[r.stage]} data-testid="reservation-stage">
              {t(`presale.stage.${r.stage}` as MessageKey)}
            </Tag>
          </Space>
        }
        description={
          <>
            <div>
              {r.productName} · {r.skuName} × {r.qty} · {t('presale.form.deposit').replace(/（.*）/, '')} {formatFen(r.depositFen)}
            </div>
            {r.stage === 'balance_due' ? (
              <div>
                {t('presale.mine.balanceWindow')}：{fmt(r.balanceStartAt)} ~ {fmt(r.balanceEndAt)}
              </div>
            ) : null}
            {r.shippedAt ? (
              <div data-testid="reservation-shipped-at">
                {t('presale.mine.shippedAt')}：{fmt(r.shippedAt)}
              </div>
            ) : r.promisedShipOn ? (
              <div>
                {t('presale.mine.shipOn')}：{r.promisedShipOn}
              </div>
            ) : null}
            {r.progressPct !== null && r.stage !== 'refunded' ? <Progress percent={r.progressPct} size="small" /> : null}
          </>
        }
      />
    </List.Item>
  );
}

function ReserveCard({ p }: { p: PresaleView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const [form] = Form.useForm<{ skuId: string; qty: number }>();
  return (
    <Card type="inner" size="small" title={p.title} style={{ marginBottom: 8 }} data-testid="presale-open-card">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {p.productName} · {t('presale.form.deposit')} {formatFen(p.depositFen)} · {t('presale.form.balance')} {formatFen(p.balanceFen)} ·{' '}
        {t('presale.mine.depositEnds')} {fmt(p.depositEndAt)}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ qty: 1 }}
        onFinish={(v) => {
          setPending(true);
          presaleApi
            .reserve(p.id, v)
            .then((x) => window.location.assign(x.payUrl))
            .catch((e: unknown) => void message.error(errorMessage(e, t('presale.mine.reserve'))))
            .finally(() => setPending(false));
        }}
      >
        <Form.Item name="skuId" label={t('presale.mine.spec')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            style={{ minWidth: 140 }}
            options={p.specs.map((s) => ({ value: s.skuId, label: s.skuName }))}
            data-testid="reserve-spec"
          />
        </Form.Item>
        <Form.Item name="qty" label={t('presale.mine.qty')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={10_000} precision={0} data-testid="reserve-qty" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="reserve-submit">
          {t('presale.mine.reserve')}
        </Button>
      </Form>
    </Card>
  );
}
