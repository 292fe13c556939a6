/**
 * 秒杀 in the live room: the running sale's card over the video — price, list price, stock left as a bar, the
 * countdown to its end — with 马上抢 leading to checkout. The room's `countdown` events drive it (each carries the
 * stock left; `over` takes the card away); a viewer who joins mid-sale and has not seen an event yet finds the
 * running sale in the session's flash-sale list (public, like the room), which also gives the list price events do
 * not carry. 马上抢 leads a guest to sign in first (checkout asks for it).
 */
import { ThunderboltFilled } from '@ant-design/icons';
import { Button, Progress } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import type { Countdown } from '../live/use-room.ts';
import { useFlashSales } from '../../queries/live.ts';
import { formatCountdown, useNow } from './order-labels.tsx';
import './orders.css';

interface RoomSale {
  flashSaleId: string;
  productId: string;
  skuId: string;
  priceFen: number;
  listPriceFen: number | null;
  startsAt: number;
  endsAt: number;
  quantity: number;
  stockLeft: number;
}

/** Where 马上抢 goes: checkout for the sale's SKU, attributed to the session. */
export function flashCheckoutPath(sessionId: string, sale: { flashSaleId: string; productId: string; skuId: string }): string {
  const q = new URLSearchParams({ flash: sale.flashSaleId, session: sessionId, product: sale.productId, sku: sale.skuId, qty: '1' });
  return `/checkout?${q.toString()}`;
}

export function RoomFlashSale({ sessionId, countdown }: { sessionId: string; countdown: Countdown | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // the list: for a viewer who joined after the sale began (events only come when stock moves)
  const listed = useFlashSales(sessionId, {
    // public, like the room: guests see the running sale too
    enabled: sessionId !== '',
    staleTime: 10_000,
  });
  // a sale announced after the list was read: read it again for what events do not carry (the list price)
  const currentId = countdown && !countdown.over ? countdown.flashSaleId : null;
  const known = currentId === null || listed.data === undefined || listed.data.some((f) => f.id === currentId);
  const { refetch } = listed;
  useEffect(() => {
    if (!known) void refetch();
  }, [known, refetch]);
  const fromList = listed.data?.find((f) => f.state === 'running' || f.state === 'upcoming');
  const sale: RoomSale | null = countdown
    ? countdown.over
      ? null
      : { ...countdown, listPriceFen: listed.data?.find((f) => f.id === countdown.flashSaleId)?.listPriceFen ?? null }
    : fromList
      ? {
          flashSaleId: fromList.id,
          productId: fromList.productId,
          skuId: fromList.skuId,
          priceFen: fromList.priceFen,
          listPriceFen: fromList.listPriceFen,
          startsAt: Date.parse(fromList.startsAt),
          endsAt: Date.parse(fromList.endsAt),
          quantity: fromList.quantity,
          stockLeft: fromList.left,
        }
      : null;
  const now = useNow(sale !== null);
  if (!sale || now >= sale.endsAt) return null;
  const upcoming = now < sale.startsAt;
  const soldOut = sale.stockLeft <= 0;
  const percent = Math.round((sale.stockLeft / Math.max(1, sale.quantity)) * 100);
  return (
    <div
      className="lh-room-float lh-flash-card"
      data-testid="flash-card"
      data-flash-id={sale.flashSaleId}
      data-left={sale.stockLeft}
      data-sold-out={soldOut}
    >
      <div className="lh-flash-head">
        <ThunderboltFilled /> {t('flash.tag')}
        <span className="lh-flash-time" data-testid="flash-countdown">
          {upcoming
            ? t('flash.startsIn', { time: formatCountdown(sale.startsAt - now) })
            : t('flash.endsIn', { time: formatCountdown(sale.endsAt - now) })}
        </span>
      </div>
      <div className="lh-flash-price-row">
        <span className="lh-flash-price" data-testid="flash-price">
          {formatFen(sale.priceFen)}
        </span>
        {sale.listPriceFen !== null && sale.listPriceFen > sale.priceFen ? (
          <span className="lh-flash-list">{formatFen(sale.listPriceFen)}</span>
        ) : null}
      </div>
      <Progress percent={percent} showInfo={false} size="small" strokeColor="#ff4d4f" railColor="rgba(0,0,0,0.08)" />
      <div className="lh-flash-left" data-testid="flash-stock">
        {soldOut ? t('flash.soldOut') : t('flash.left', { n: sale.stockLeft, total: sale.quantity })}
      </div>
      <Button
        type="primary"
        danger
        block
        size="small"
        shape="round"
        disabled={soldOut || upcoming}
        onClick={() => navigate(flashCheckoutPath(sessionId, sale))}
        data-testid="flash-buy"
      >
        {soldOut ? t('flash.soldOut') : upcoming ? t('flash.soon') : t('flash.buy')}
      </Button>
    </div>
  );
}
