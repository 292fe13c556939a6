/**
 * 物流轨迹 of an order: shown to the buyer on the order page and to the merchant from the sales list; it refreshes
 * while the parcel travels.
 */
import { TrackingTimelineView } from '../../components/tracking-timeline-view.tsx';
import { useOrderTracking } from '../../queries/orders.ts';

export function TrackingTimeline({ orderId }: { orderId: string }) {
  const q = useOrderTracking(orderId, {
    refetchInterval: (query) => (query.state.data?.status === 'delivered' ? false : 30_000),
    retry: false,
  });
  return <TrackingTimelineView tracking={q.data} loading={q.isLoading} />;
}
