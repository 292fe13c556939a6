/** Shared pieces of the studio pages: status tags, China-time formatting, opening hours as text. */
import type { BookingView, StudioView } from '@livehub/contracts';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { MessageKey, Translate } from '../../i18n/index.ts';

const STATUS_COLOR: Record<BookingView['status'], string> = {
  booked: 'blue',
  checked_in: 'green',
  cancelled: 'default',
  late_cancelled: 'orange',
  no_show: 'red',
};

export function BookingStatusTag({ status, t }: { status: BookingView['status']; t: Translate }) {
  return <Tag color={STATUS_COLOR[status]}>{t(`booking.status.${status}` as MessageKey)}</Tag>;
}

/** An instant in China time (the studios' time), e.g. 2026-01-05 09:30. */
export function chinaTime(iso: string): string {
  return dayjs(new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19)).format('YYYY-MM-DD HH:mm');
}

export function slotText(b: Pick<BookingView, 'startsAt' | 'endsAt'>): string {
  return `${chinaTime(b.startsAt)} – ${chinaTime(b.endsAt).slice(11)}`;
}

export function minutesText(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Opening hours as short text: 周一 09:00–22:00 · 周二 休息 … */
export function hoursText(hours: StudioView['openingHours'], t: Translate): string {
  return hours
    .map(
      (d, i) => `${t(`studios.weekday.${i}` as MessageKey)} ${d ? `${minutesText(d.open)}–${minutesText(d.close)}` : t('studios.closed')}`,
    )
    .join(' · ');
}
