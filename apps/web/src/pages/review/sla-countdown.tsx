/** The review SLA: a live countdown to the item's due time, red once it is overdue. */
import { CheckCircleOutlined, ClockCircleOutlined, FireOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { ReviewStatus } from '../../lib/api-types.ts';

/** The current time, re-rendered every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const SOON_MS = 2 * 60_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export function SlaCountdown({ dueAt, status }: { dueAt: string; status: ReviewStatus }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const due = new Date(dueAt).getTime();
  const decided = status === 'confirmed' || status === 'dismissed';
  const remaining = due - now;
  const overdue = !decided && remaining <= 0;
  const state = decided ? 'done' : overdue ? 'overdue' : remaining <= SOON_MS ? 'soon' : 'ok';

  let label: string;
  if (decided) label = t('review.sla.done');
  else if (overdue) label = t('review.sla.overdue', { minutes: Math.max(1, Math.floor(-remaining / 60_000)) });
  else label = t('review.sla.remaining', { time: formatRemaining(remaining) });

  const Icon = decided ? CheckCircleOutlined : overdue ? FireOutlined : ClockCircleOutlined;
  return (
    <Tooltip title={t('review.sla.dueAt', { time: dayjs(dueAt).format('YYYY-MM-DD HH:mm:ss') })}>
      <span className={`lh-sla lh-sla-${state}`} data-testid="sla-countdown" data-overdue={overdue ? 'true' : 'false'}>
        <Icon />
        {label}
      </span>
    </Tooltip>
  );
}
