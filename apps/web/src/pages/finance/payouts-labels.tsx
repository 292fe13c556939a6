/** Payout statuses as tags with their Chinese labels (never the raw key). */
import type { PayoutStatus } from '@livehub/contracts';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/index.ts';

const COLOR: Record<PayoutStatus, string> = {
  pending_approval: 'gold',
  processing: 'blue',
  paid: 'green',
  failed: 'red',
  rejected: 'default',
};

export function PayoutStatusTag({ status }: { status: PayoutStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid={`payout-status-${status}`}>
      {t(`payout.status.${status}`)}
    </Tag>
  );
}

export const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
