/** Cards of the rooms live now (GET /api/live/sessions?scope=live), each leading to its room page. */
import { EyeOutlined, PlayCircleFilled, ShoppingOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { LiveSessionView } from '../../lib/api-types.ts';
import { formatFen } from '../../lib/money.ts';
import { useLiveSessions } from '../../queries/live.ts';
import { coverFor } from './live-labels.tsx';
import './live.css';

export function useLiveNow() {
  return useLiveSessions('live', { staleTime: 10_000, refetchInterval: 30_000 });
}

export function roomPath(id: string): string {
  return `/live/rooms/${id}`;
}

function LiveCard({ s }: { s: LiveSessionView }) {
  const { t } = useI18n();
  const prices = s.products.map((p) => p.minPriceFen).filter((p): p is number => p !== null);
  return (
    <Link to={roomPath(s.id)} data-testid="live-card" data-session-id={s.id} className="lh-live-card-link">
      <Card
        hoverable
        styles={{ body: { padding: 12 } }}
        cover={
          <div className="lh-live-card-cover" style={{ background: coverFor(s.id) }}>
            <span className="lh-live-dot-badge">
              <span className="lh-live-dot" />
              {t('live.status.live')}
            </span>
            <PlayCircleFilled className="lh-live-card-play" />
            <div className="lh-live-card-title">
              <span className="lh-clamp-2">{s.title}</span>
            </div>
          </div>
        }
      >
        <Typography.Text strong ellipsis style={{ display: 'block' }} data-testid="live-card-streamer">
          {s.streamerName}
        </Typography.Text>
        <div className="lh-live-card-meta">
          <span>
            <ShoppingOutlined /> {t('live.card.products', { n: s.products.length })}
          </span>
          {prices.length > 0 ? <span className="lh-price">{t('live.card.from', { price: formatFen(Math.min(...prices)) })}</span> : null}
        </div>
        <div className="lh-live-card-enter">
          <EyeOutlined /> {t('live.card.enter')}
        </div>
      </Card>
    </Link>
  );
}

/** The rooms live now; `limit` shows the first few (the shop page), with an empty state otherwise. */
export function LiveCards({ limit }: { limit?: number }) {
  const { t } = useI18n();
  const live = useLiveNow();
  if (live.error) return <QueryError error={live.error} onRetry={() => void live.refetch()} />;
  if (live.isPending)
    return (
      <Row gutter={[16, 16]}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={12} sm={12} lg={6}>
            <Card>
              <Skeleton active paragraph={{ rows: 3 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  const list = [...live.data].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  const shown = limit === undefined ? list : list.slice(0, limit);
  if (shown.length === 0) return <Empty description={t('live.square.empty')} data-testid="live-empty" />;
  return (
    <Row gutter={[16, 16]} data-testid="live-cards">
      {shown.map((s) => (
        <Col key={s.id} xs={12} sm={12} lg={6}>
          <LiveCard s={s} />
        </Col>
      ))}
    </Row>
  );
}
