/**
 * 直播间监测详情 (from the monitoring wall): one room as the wall sees it now — its risk score and reasons, the
 * streamer, merchants, district and base — with its screened transcript, chat and on-screen text newest first (each
 * with its hits: category, severity, the words matched) and its recordings (kept ≥ 3 years, with their SHA-256).
 */
import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import type { WallRoomDetail } from '@livehub/contracts';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import type { ScreeningCategory } from '../../lib/api-types.ts';
import { formatFen } from '../../lib/money.ts';
import { useSessionRecordings } from '../../queries/live.ts';
import { useWallRoom } from '../../queries/wall.ts';
import { categoryLabel } from '../compliance/compliance-labels.tsx';

const LEVEL_COLOR = { none: 'default', low: 'blue', medium: 'orange', high: 'red' } as const;
const DECISION_COLOR = { allow: 'default', warn: 'gold', review: 'orange', block: 'red' } as const;

export function WallRoomPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const detail = useWallRoom(id, { refetchInterval: 10_000 });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const { room, status, events } = detail.data;
  const en = locale === 'en-US';
  return (
    <div data-testid="wall-room-page">
      <PageHeader
        testId="wall-room-title"
        title={
          <Space wrap>
            <Link to="/supervision/wall" aria-label={t('wall.room.back')} style={{ color: 'inherit' }}>
              <ArrowLeftOutlined />
            </Link>
            {room.title}
            <Tag color={LEVEL_COLOR[room.level]} data-testid="wall-room-level">
              {t('wall.room.score')} {room.score} · {t(`wall.level.${room.level}` as MessageKey)}
            </Tag>
          </Space>
        }
        extra={
          status === 'live' ? (
            <Link to={`/live/rooms/${room.sessionId}`} target="_blank">
              <Button icon={<ExportOutlined />}>{t('wall.room.watch')}</Button>
            </Link>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('wall.room.reasons')} data-testid="wall-room-reasons-card">
            {room.reasons.length === 0 ? (
              <Empty description={t('wall.room.noReasons')} />
            ) : (
              <List
                size="small"
                dataSource={room.reasons}
                renderItem={(x) => (
                  <List.Item>
                    <Space>
                      <Tag color="volcano">{t('wall.points', { points: x.points })}</Tag>
                      {en ? x.en : x.zh}
                    </Space>
                  </List.Item>
                )}
              />
            )}
            <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('wall.col.streamer')}>{room.streamerName}</Descriptions.Item>
              <Descriptions.Item label={t('wall.col.merchants')}>{room.merchantNames.join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('wall.col.place')}>
                {[room.district ?? t('wall.areas.unknownDistrict'), room.baseName ?? t('wall.areas.noBase')].join(' / ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('wall.col.viewers')}>{room.viewers}</Descriptions.Item>
              <Descriptions.Item label={t('wall.col.gmv')}>{formatFen(room.gmvFen)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Recordings sessionId={room.sessionId} t={t} />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('wall.room.events')} data-testid="wall-room-events">
            <Events events={events} t={t} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Events({ events, t }: { events: WallRoomDetail['events']; t: Translate }) {
  if (events.length === 0) return <Empty description={t('wall.room.noEvents')} />;
  return (
    <List
      size="small"
      dataSource={events}
      renderItem={(e) => (
        <List.Item data-testid="wall-room-event">
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text type="secondary">{dayjs(e.occurredAt).format('HH:mm:ss')}</Typography.Text>
              <Tag>{t(`wall.room.kind.${e.kind}` as MessageKey)}</Tag>
              <Tag color={DECISION_COLOR[e.decision]}>{t(`wall.room.decision.${e.decision}` as MessageKey)}</Tag>
            </Space>
            <Typography.Text>{e.text}</Typography.Text>
            {e.hits.length > 0 ? (
              <Space wrap>
                {e.hits.map((h) => (
                  <Tag key={`${h.category}-${h.matched}`} color="red">
                    {categoryLabel(t, h.category as ScreeningCategory)} · “{h.matched}” · {t('wall.room.severity', { n: h.severity })}
                  </Tag>
                ))}
              </Space>
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}

function Recordings({ sessionId, t }: { sessionId: string; t: Translate }) {
  const recordings = useSessionRecordings(sessionId);
  const items = recordings.data ?? [];
  const time = (iso: string) => dayjs(iso).format('MM-DD HH:mm:ss');
  const size = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1_048_576).toFixed(1)} MB`);
  return (
    <Card title={t('wall.room.recordings')} style={{ marginTop: 16 }} data-testid="wall-room-recordings">
      {items.length === 0 ? (
        <Empty description={t('wall.room.noRecordings')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>
                  {t('wall.room.recording', {
                    start: time(r.startedAt),
                    state: r.endedAt
                      ? t('wall.room.recordingDone', { end: time(r.endedAt), size: size(r.bytes) })
                      : t('wall.room.recordingOpen'),
                  })}
                </span>
                {r.sha256 ? (
                  <Typography.Text type="secondary" className="lh-mono" style={{ fontSize: 12 }}>
                    SHA-256 {r.sha256}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
