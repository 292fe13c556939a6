/**
 * One session in the streamer's console. Scheduled: the pre-live checklist (开播前检查, re-check on demand), the
 * products, the stream key and ingest URL for OBS (copy, rotate), 开播 — a refusal (409 live.checks_failed) shows the
 * failed items — or 取消直播. Live: the room panel (room-control-panel.tsx), 秒杀 and 本场订单 (orders/session-commerce.tsx)
 * and 下播. Ended: the statistics and the session's orders. Its recordings (录像: times, size, kept until) once there
 * are any.
 */
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  EditOutlined,
  ExportOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  KeyOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  ReloadOutlined,
  SafetyCertificateOutlined,
  ShoppingOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SessionProductRow } from '../../components/session-product-row.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { ChecklistItem, LiveSessionView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { SessionCommerce } from '../orders/session-commerce.tsx';
import { formatBytes } from '../../lib/labels.ts';
import { formatFen } from '../../lib/money.ts';
import { useCertifiedStreamers } from '../../components/streamer-picker.tsx';
import { liveKeys, useLiveSession, useSessionChecklist, useSessionRecordings, useStreamKey } from '../../queries/live.ts';
import { roomPath } from './live-cards.tsx';
import { checkLabel, localized, SessionStatusTag } from './live-labels.tsx';
import { DemandCard } from '../supply/demand-card.tsx';
import { RoomControlPanel } from './room-control-panel.tsx';
import { ProductsModal } from './schedule-modal.tsx';
import './live.css';
import { IconTitle } from '../../components/icon-title.tsx';

/** What a refused 开播 said: the server's message and the keys of the items that failed. */
interface Refusal {
  message: string;
  keys: string[];
}

function refusalOf(error: unknown): Refusal | null {
  if (!isApiError(error) || error.code !== 'live.checks_failed') return null;
  const items = error.details?.items;
  return { message: error.message, keys: Array.isArray(items) ? items.filter((k): k is string => typeof k === 'string') : [] };
}

function CheckRow({ item }: { item: ChecklistItem }) {
  const { t, locale } = useI18n();
  return (
    <div
      className={`lh-live-check ${item.ok ? 'lh-live-check-ok' : 'lh-live-check-fail'}`}
      data-testid="check-item"
      data-key={item.key}
      data-ok={item.ok}
      data-product-id={item.productId ?? undefined}
    >
      <span className="lh-live-check-icon">{item.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}</span>
      <div>
        <Typography.Text strong>{checkLabel(t, item.key)}</Typography.Text>
        <div className="lh-live-check-message" data-testid="check-message">
          {localized(locale, item.message)}
        </div>
      </div>
    </div>
  );
}

function ChecklistCard({ sessionId, refusal }: { sessionId: string; refusal: Refusal | null }) {
  const { t, locale } = useI18n();
  const checklist = useSessionChecklist(sessionId, { staleTime: 0 });
  const items = checklist.data ?? [];
  const failed = items.filter((i) => !i.ok);
  const allOk = checklist.isSuccess && failed.length === 0;
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('live.checklist.title')}
          {checklist.isSuccess ? (
            <Tag color={allOk ? 'success' : 'error'} data-testid="checklist-summary" data-ok={allOk} style={{ marginInlineEnd: 0 }}>
              {allOk ? t('live.checklist.allOk', { n: items.length }) : t('live.checklist.failed', { n: failed.length })}
            </Tag>
          ) : null}
        </Space>
      }
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={checklist.isFetching}
          onClick={() => void checklist.refetch()}
          data-testid="checklist-refresh"
        >
          {t('live.checklist.recheck')}
        </Button>
      }
      data-testid="checklist"
    >
      {refusal ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="start-refused"
          title={t('live.start.refused')}
          description={
            // the refusal names keys only: each with the message of its failing item in the re-fetched list
            <div>
              <ul className="lh-refused-list">
                {refusal.keys.map((key) => {
                  const item = failed.find((i) => i.key === key);
                  return (
                    <li key={key} data-testid="refused-item" data-key={key}>
                      <strong>{checkLabel(t, key)}</strong>
                      {item ? `：${localized(locale, item.message)}` : ''}
                    </li>
                  );
                })}
              </ul>
              {refusal.keys.length === 0 ? refusal.message : null}
            </div>
          }
        />
      ) : null}
      {checklist.error ? <QueryError error={checklist.error} onRetry={() => void checklist.refetch()} /> : null}
      {checklist.isPending ? <Typography.Text type="secondary">{t('app.loading')}</Typography.Text> : null}
      {items.map((item) => (
        // one item per key and product (a merchant's admission is named by its first product)
        <CheckRow key={`${item.key}:${item.productId ?? ''}`} item={item} />
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('live.checklist.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

/** `<id>?key=lh_abcd…` with all but the first characters of the key hidden. */
function maskStreamName(name: string): string {
  return name.replace(/(key=lh_.{4})[^&]*/, (_, head: string) => `${head}${'*'.repeat(8)}`);
}

function StreamKeyCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const [shown, setShown] = useState(false);
  const key = useStreamKey(session.id, { enabled: revealed, staleTime: Number.POSITIVE_INFINITY });
  const rotate = useMutation({
    mutationFn: () => endpoints.rotateStreamKey(session.id),
    onSuccess: (next) => {
      queryClient.setQueryData(liveKeys.streamKey(session.id), next);
      message.success(t('live.stream.rotated'));
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const data = key.data;
  return (
    <Card title={<IconTitle icon={<KeyOutlined />}>{t('live.stream.title')}</IconTitle>} data-testid="stream-key-card">
      {!data ? (
        <div>
          <Typography.Paragraph type="secondary">{t('live.stream.revealHint')}</Typography.Paragraph>
          <Button icon={<EyeOutlined />} loading={key.isFetching} onClick={() => setRevealed(true)} data-testid="stream-reveal">
            {t('live.stream.reveal')}
          </Button>
          {key.error ? <QueryError error={key.error} onRetry={() => void key.refetch()} /> : null}
        </div>
      ) : (
        <div>
          <div className="lh-stream-field">
            <Typography.Text type="secondary">{t('live.stream.server')}</Typography.Text>
            <Typography.Text className="lh-mono" copyable={{ text: data.ingestUrl }} data-testid="ingest-url">
              {data.ingestUrl}
            </Typography.Text>
          </div>
          <div className="lh-stream-field">
            <Typography.Text type="secondary">{t('live.stream.key')}</Typography.Text>
            <Space size={4} align="start">
              <Typography.Text className="lh-mono lh-break" copyable={{ text: data.streamName }} data-testid="stream-name">
                {shown ? data.streamName : maskStreamName(data.streamName)}
              </Typography.Text>
              <Button
                size="small"
                type="text"
                icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                aria-label={t('live.stream.toggle')}
                onClick={() => setShown((s) => !s)}
                data-testid="stream-key-toggle"
              />
            </Space>
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('live.stream.obsHint')}
          </Typography.Paragraph>
          <Popconfirm
            title={t('live.stream.rotateConfirm')}
            onConfirm={() => rotate.mutate()}
            okButtonProps={{ danger: true, 'data-testid': 'stream-rotate-ok' } as ButtonProps}
          >
            <Button danger icon={<ReloadOutlined />} loading={rotate.isPending} data-testid="stream-rotate">
              {t('live.stream.rotate')}
            </Button>
          </Popconfirm>
        </div>
      )}
    </Card>
  );
}

function ProductsCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const editable = session.status === 'scheduled';
  return (
    <Card
      title={<IconTitle icon={<ShoppingOutlined />}>{t('live.products.title', { n: session.products.length })}</IconTitle>}
      extra={
        editable ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="products-edit">
            {t('live.products.edit')}
          </Button>
        ) : null
      }
      data-testid="session-products"
    >
      {session.products.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.products.none')} /> : null}
      {session.products.map((p, index) => (
        <SessionProductRow
          key={p.productId}
          product={p}
          index={index}
          testId="session-product"
          extra={p.agreementId ? <Tag color="green">{t('live.products.agreementBound')}</Tag> : null}
        />
      ))}
      {editable ? <ProductsModal session={session} open={editing} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

function InfoCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const streamers = useCertifiedStreamers();
  const names = session.coHostUserIds.map((id) => streamers.data?.items.find((s) => s.userId === id)?.displayName ?? id.slice(0, 8));
  const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : t('common.none'));
  return (
    <Card title={t('live.info.title')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('live.info.scheduledAt')}>{fmt(session.scheduledAt)}</Descriptions.Item>
        <Descriptions.Item label={t('live.info.startedAt')}>{fmt(session.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('live.info.endedAt')}>{fmt(session.endedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('live.info.coHosts')}>{names.length > 0 ? names.join('、') : t('common.none')}</Descriptions.Item>
        {session.retainUntil ? (
          <Descriptions.Item label={t('live.info.retainUntil')}>{dayjs(session.retainUntil).format('YYYY-MM-DD')}</Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/** The session's recordings (kept ≥ 3 years); shown once there are any, or while live and after. */
function RecordingsCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const recordings = useSessionRecordings(session.id, { staleTime: 0, refetchInterval: session.status === 'live' ? 15_000 : false });
  const items = recordings.data ?? [];
  if (items.length === 0 && (session.status === 'scheduled' || session.status === 'cancelled')) return null;
  const time = (iso: string) => dayjs(iso).format('MM-DD HH:mm:ss');
  return (
    <Card title={<IconTitle icon={<VideoCameraOutlined />}>{t('live.recordings.title')}</IconTitle>} data-testid="session-recordings">
      {recordings.error ? <QueryError error={recordings.error} onRetry={() => void recordings.refetch()} /> : null}
      {recordings.isSuccess && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('live.recordings.none')} />
      ) : null}
      {items.map((r) => (
        <div key={r.id} className="lh-live-recording" data-testid="recording" data-recording-id={r.id}>
          <div>
            <Typography.Text strong>
              {time(r.startedAt)} – {r.endedAt ? time(r.endedAt) : null}
            </Typography.Text>
            {r.endedAt ? null : (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('live.recordings.recording')}
              </Tag>
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('live.recordings.size')} {r.bytes === null ? t('common.none') : formatBytes(r.bytes)} · {t('live.recordings.retainUntil')}{' '}
            {dayjs(r.retainUntil).format('YYYY-MM-DD')}
            {r.fileName ? <span className="lh-mono"> · {r.fileName}</span> : null}
          </Typography.Text>
        </div>
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('live.recordings.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

function duration(from: string | null, to: string | null): string {
  if (!from || !to) return '—';
  const minutes = Math.max(0, Math.round(dayjs(to).diff(dayjs(from), 'second') / 60));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function StatsCard({ session }: { session: LiveSessionView }) {
  const { t } = useI18n();
  const s = session.stats;
  return (
    <Card title={t('live.stats.title')} data-testid="session-stats">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8}>
          <Statistic title={t('live.stats.peak')} value={s.peakViewers} data-testid="stat-peak" />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('live.stats.chat')} value={s.chatMessages} data-testid="stat-chat" />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('live.stats.duration')} value={duration(session.startedAt, session.endedAt)} />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('live.stats.avg')} value={s.avgViewers} data-testid="stat-avg" />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('live.stats.orders')} value={s.orders} />
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('live.stats.gmv')} value={formatFen(s.gmvFen)} />
        </Col>
      </Row>
    </Card>
  );
}

export function LiveSessionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const session = useLiveSession(id, { staleTime: 0 });

  const settle = async (next: LiveSessionView) => {
    queryClient.setQueryData(liveKeys.liveSession(id), next);
    await queryClient.invalidateQueries({ queryKey: liveKeys.liveSessions('mine') });
    await queryClient.invalidateQueries({ queryKey: liveKeys.liveSessions('live') });
  };

  const start = useMutation({
    mutationFn: () => endpoints.startSession(id),
    onSuccess: async (next) => {
      setRefusal(null);
      await settle(next);
      message.success(t('live.start.done'));
    },
    onError: async (e) => {
      const refused = refusalOf(e);
      if (refused) {
        setRefusal(refused);
        await queryClient.invalidateQueries({ queryKey: liveKeys.checklist(id) });
      } else message.error(errorMessage(e, t('common.networkError')));
    },
  });

  const end = useMutation({
    mutationFn: () => endpoints.endSession(id),
    onSuccess: async (next) => {
      await settle(next);
      message.success(next.status === 'cancelled' ? t('live.end.cancelled') : t('live.end.done'));
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });

  if (session.isPending) return <PageLoading />;
  if (session.error)
    return (
      <Result
        status="404"
        title={t('live.notFound')}
        subTitle={errorMessage(session.error, t('common.networkError'))}
        extra={<Button onClick={() => navigate('/live')}>{t('common.back')}</Button>}
      />
    );
  const s = session.data;

  return (
    <div data-testid="live-session-page" data-status={s.status} data-session-id={s.id}>
      <PageHeader
        title={
          <Space wrap>
            <Link to="/live" aria-label={t('common.back')} style={{ color: 'inherit' }}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="session-heading">{s.title}</span>
            <SessionStatusTag status={s.status} />
          </Space>
        }
        subtitle={t('live.session.subtitle', { time: dayjs(s.scheduledAt).format('YYYY-MM-DD HH:mm'), n: s.products.length })}
        extra={
          <Space wrap>
            {s.status === 'live' ? (
              <Link to={roomPath(s.id)} target="_blank" data-testid="open-room">
                <Button icon={<ExportOutlined />}>{t('live.session.viewerView')}</Button>
              </Link>
            ) : null}
            {s.status === 'scheduled' ? (
              <>
                <Popconfirm
                  title={t('live.end.cancelConfirm')}
                  onConfirm={() => end.mutate()}
                  okButtonProps={{ danger: true, 'data-testid': 'cancel-ok' } as ButtonProps}
                >
                  <Button loading={end.isPending} data-testid="session-cancel">
                    {t('live.end.cancel')}
                  </Button>
                </Popconfirm>
                <Button
                  type="primary"
                  danger
                  size="large"
                  icon={<PlayCircleOutlined />}
                  loading={start.isPending}
                  onClick={() => start.mutate()}
                  data-testid="session-start"
                >
                  {t('live.start.button')}
                </Button>
              </>
            ) : null}
            {s.status === 'live' ? (
              <Popconfirm
                title={t('live.end.confirm')}
                onConfirm={() => end.mutate()}
                okButtonProps={{ danger: true, 'data-testid': 'end-ok' } as ButtonProps}
              >
                <Button danger size="large" icon={<PoweroffOutlined />} loading={end.isPending} data-testid="session-end">
                  {t('live.end.button')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />

      {s.status === 'live' ? <RoomControlPanel session={s} selfId={me.user.id} onEnded={() => void session.refetch()} /> : null}
      {s.status === 'live' || s.status === 'ended' ? <DemandCard sessionId={s.id} /> : null}
      {s.status === 'ended' ? <StatsCard session={s} /> : null}
      {s.status === 'live' || s.status === 'ended' ? <SessionCommerce session={s} /> : null}
      {s.status === 'cancelled' ? <Alert type="info" showIcon title={t('live.end.cancelledNote')} /> : null}

      {s.status === 'scheduled' ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <ChecklistCard sessionId={s.id} refusal={refusal} />
          </Col>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <StreamKeyCard session={s} />
              <ProductsCard session={s} />
              <InfoCard session={s} />
              <RecordingsCard session={s} />
            </Space>
          </Col>
        </Row>
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            {s.status === 'live' ? <StreamKeyCard session={s} /> : <ProductsCard session={s} />}
          </Col>
          <Col xs={24} lg={12}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <InfoCard session={s} />
              <RecordingsCard session={s} />
            </Space>
          </Col>
        </Row>
      )}
    </div>
  );
}
