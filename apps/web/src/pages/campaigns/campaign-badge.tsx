/** The badge a live room shows when its session is approved in a published or running campaign (e.g. 年货节). */
import { Link } from 'react-router';
import { useSessionCampaigns } from '../../queries/campaigns.ts';

export function CampaignBadge({ sessionId }: { sessionId: string }) {
  const campaigns = useSessionCampaigns(sessionId);
  const first = campaigns.data?.[0];
  if (!first) return null;
  return (
    <Link
      to={`/campaigns/public/${first.id}`}
      className="lh-live-dot-badge"
      style={{ background: '#d4380d' }}
      data-testid="room-campaign-badge"
    >
      {first.label ?? first.name}
    </Link>
  );
}
