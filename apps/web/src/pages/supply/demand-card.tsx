/**
 * The streamer console's 需求 card: per product on the live session, sold in the last minute, the rate, the
 * sellable units left and 预计售罄, refreshed every 10 s; nothing when the caller may see none of it.
 */
import { Card } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { useDemandSession } from '../../queries/supply.ts';
import { DemandTable } from './demand-parts.tsx';

export function DemandCard({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const demand = useDemandSession(sessionId, { refetchInterval: 10_000, retry: false });
  if (!demand.data) return null;
  return (
    <Card title={t('supply.card.title')} size="small" style={{ marginTop: 16 }} data-testid="demand-card">
      <DemandTable session={demand.data} charts />
    </Card>
  );
}
