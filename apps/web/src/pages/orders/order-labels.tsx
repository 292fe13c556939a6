/**
 * What the order pages share: status tags of orders and returns, the carriers a merchant ships with, the 7-day
 * no-reason return badge, Idempotency-Keys, a ticking clock for the countdowns (pay-by, flash sales) and the
 * "a payment was started" mark the order page polls on.
 */
import { ThunderboltFilled } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { type Translate, useI18n } from '../../i18n/index.ts';
import type { OrderStatus, OrderView, ReturnStatus, ReturnView } from '../../lib/api-types.ts';
import { labelOr } from '../../lib/labels.ts';

const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  created: 'warning',
  paid: 'processing',
  shipped: 'blue',
  delivered: 'cyan',
  completed: 'success',
  cancelled: 'default',
  refunded: 'magenta',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={ORDER_STATUS_COLOR[status]} data-testid="order-status-tag" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`order.status.${status}`)}
    </Tag>
  );
}

const RETURN_STATUS_COLOR: Record<ReturnStatus, string> = {
  requested: 'processing',
  approved: 'cyan',
  rejected: 'error',
  shipped_back: 'blue',
  received: 'geekblue',
  declared: 'purple',
  returned_to_bonded: 'geekblue',
  refunded: 'success',
  cancelled: 'default',
};

/** 秒杀: on an order (or a line) bought in a flash sale. */
export function FlashSaleTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
      <ThunderboltFilled /> {t('flash.tag')}
    </Tag>
  );
}

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={RETURN_STATUS_COLOR[status]} data-testid="return-status-tag" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`order.returnStatus.${status}`)}
    </Tag>
  );
}

export const returnKindLabel = (t: Translate, kind: ReturnView['kind']) => t(`order.returnKind.${kind}`);

/** Returns still in progress: the buyer may not open another, the pages keep polling them. */
export const OPEN_RETURN_STATUSES: ReadonlySet<ReturnStatus> = new Set([
  'requested',
  'approved',
  'shipped_back',
  'received',
  'declared',
  'returned_to_bonded',
]);

/** The carriers the ship dialogs offer: stored by their Chinese name (what the waybill says), shown per locale. */
export const CARRIERS = [
  { value: '顺丰速运', key: 'sf' },
  { value: '中通快递', key: 'zto' },
  { value: '圆通速递', key: 'yto' },
  { value: '韵达快递', key: 'yd' },
  { value: '京东物流', key: 'jd' },
  { value: 'EMS', key: 'ems' },
] as const;

export function carrierLabel(t: Translate, carrier: string): string {
  const known = CARRIERS.find((c) => c.value === carrier);
  return known ? t(`order.carrier.${known.key}`) : carrier;
}

export function carrierOptions(t: Translate) {
  return CARRIERS.map((c) => ({ value: c.value, label: <span data-testid={`carrier-${c.key}`}>{t(`order.carrier.${c.key}`)}</span> }));
}

/** 七天无理由退货: shown when the line's category allows it, and the statutory exception otherwise. */
export function NoReasonBadge({ allowed }: { allowed: boolean }) {
  const { t } = useI18n();
  return (
    <Tag
      color={allowed ? 'green' : 'default'}
      variant={allowed ? 'outlined' : 'filled'}
      data-testid="no-reason-badge"
      data-allowed={allowed}
      style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px', paddingInline: 5 }}
    >
      {allowed ? t('order.noReason.yes') : t('order.noReason.no')}
    </Tag>
  );
}

/** A fresh Idempotency-Key: a v4 UUID (crypto.randomUUID needs a secure context; the fallback does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The current time, re-read every `everyMs` while `active`. */
export function useNow(active = true, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}

/** 83_000 → "01:23"; an hour or more → "1:02:03". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

// The provider's page sends the payer back to /orders/:id before the signed notification has landed: the order page
// polls while this mark says a payment was started here (a tab-scoped note, so another device simply does not poll).
const PAYING_PREFIX = 'livehub.paying.';

export function markPaying(orderId: string): void {
  try {
    window.sessionStorage.setItem(`${PAYING_PREFIX}${orderId}`, String(Date.now()));
  } catch {
    // storage unavailable: the page polls a little less eagerly
  }
}

/** How long after starting a payment the page keeps waiting for its notification (a declined payment never sends one). */
export const PAYING_WAIT_MS = 2 * 60_000;

/** Milliseconds the order page should still wait for a payment this tab started (0: none, or waited long enough). */
export function payingLeftMs(orderId: string): number {
  try {
    const since = Number(window.sessionStorage.getItem(`${PAYING_PREFIX}${orderId}`));
    return since > 0 ? Math.max(0, since + PAYING_WAIT_MS - Date.now()) : 0;
  } catch {
    return 0;
  }
}

export function clearPaying(orderId: string): void {
  try {
    window.sessionStorage.removeItem(`${PAYING_PREFIX}${orderId}`);
  } catch {
    // ignore
  }
}

/** The order's progress as 下单 → 付款 → 发货 → 收货 → 完成: the index of the step reached. */
export function orderStep(o: OrderView): number {
  if (o.completedAt) return 4;
  if (o.deliveredAt) return 3;
  if (o.shippedAt) return 2;
  if (o.paidAt) return 1;
  return 0;
}

export const orderStatusLabel = (t: Translate, status: string) => labelOr(t, `order.status.${status}`, status);

/** 跨境退货: the 30 days from customs release the goods have to reach the original supervision site, counted down. */
export function CrossBorderCountdown({ r }: { r: ReturnView }) {
  const { t } = useI18n();
  const cb = r.crossBorder;
  if (!cb) return null;
  const date = cb.arriveBy ? dayjs(cb.arriveBy).format('YYYY-MM-DD') : '';
  const waiting = r.status === 'requested' || r.status === 'approved' || r.status === 'declared';
  return (
    <div data-testid="return-cross-border" data-overdue={String(cb.overdue)} style={{ marginBottom: 12 }}>
      <Tag color="geekblue">{t('return.crossBorder.tag')}</Tag>
      {waiting ? (
        <Typography.Text type={cb.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          {cb.overdue
            ? t('return.crossBorder.overdue', { date })
            : t('return.crossBorder.countdown', { date, days: Math.max(cb.daysLeft ?? 0, 0) })}
        </Typography.Text>
      ) : null}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('return.crossBorder.basis')}
        </Typography.Text>
      </div>
    </div>
  );
}
