/**
 * 直播间 (viewer): mobile-first, outside the console shell, open to anyone — watching needs no account (the
 * socket is public and its welcome names the video streams), chatting and the full product shelf need a signed-in
 * user. The video (live-player.tsx: HTTP-FLV or HLS, a poster until it plays) has the danmaku overlay and the
 * pinned product card over it; below (beside, on wide screens) the chat and the shelf. The socket reconnects and
 * resumes by seq (use-room.ts); the room's end is shown in place.
 */
import {
  EyeOutlined,
  FireFilled,
  HeartFilled,
  LoadingOutlined,
  MessageOutlined,
  PictureOutlined,
  SendOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { MAX_CHAT_CHARS, type PinnedProduct } from '@livehub/contracts';
import { Button, ConfigProvider, Empty, Input, Result, Segmented, Switch, Tag, theme } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BRAND_COLOR } from '../../brand.ts';
import { HistoryBackButton } from '../../components/back-button.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { LiveSessionProduct } from '../../lib/api-types.ts';
import { productImageUrl } from '../../lib/endpoints.ts';
import { useMeQuery } from '../../lib/session.ts';
import { RoomComplaint } from '../complaints/room-complaint.tsx';
import { ReportButton } from '../reports/report-dialog.tsx';
import { RoomFlashSale } from '../orders/room-flash-sale.tsx';
import { formatFen } from '../../lib/money.ts';
import { useLiveSession } from '../../queries/live.ts';
import { DanmakuOverlay } from './danmaku.tsx';
import { compactCount, localized, roomErrorMessage } from './live-labels.tsx';
import { FlvPlayerSlot } from './live-player.tsx';
import { AddToCartButton } from './room-cart.tsx';
import { type FeedItem, type LiveRoom, useRoom } from './use-room.ts';
import './live.css';
import { CampaignBadge } from '../campaigns/campaign-badge.tsx';

const NOTICE_MS = 5000;

/** A product image when the viewer may read it, else a placeholder (viewers cannot read catalog images yet). */
function ProductThumb({ productId, imageId, size }: { productId: string; imageId: string | null; size: number }) {
  const [failed, setFailed] = useState(false);
  return (
    <span className="lh-room-thumb" style={{ width: size, height: size }}>
      {imageId && !failed ? <img src={productImageUrl(productId, imageId)} alt="" onError={() => setFailed(true)} /> : <ShoppingOutlined />}
    </span>
  );
}

/** 购买: checkout for a product of this room (its SKUs are chosen there), attributed to the session. */
function useBuy(): (productId: string) => void {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return (productId) => navigate(`/checkout?${new URLSearchParams({ product: productId, session: id, qty: '1' }).toString()}`);
}

function PinnedCard({ product }: { product: PinnedProduct }) {
  const { t } = useI18n();
  const buy = useBuy();
  return (
    <div className="lh-room-float lh-pinned-card" data-testid="pinned-card" data-product-id={product.productId}>
      <ProductThumb productId={product.productId} imageId={product.coverImageId} size={64} />
      <div className="lh-pinned-body">
        <div className="lh-pinned-tag">
          <FireFilled /> {t('live.pinned.tag')}
        </div>
        <div className="lh-pinned-title lh-clamp-2" data-testid="pinned-title">
          {product.title}
        </div>
        <div className="lh-pinned-foot">
          <span className="lh-pinned-price" data-testid="pinned-price">
            {formatFen(product.minPriceFen)}
          </span>
          {product.stock <= 20 ? <span className="lh-pinned-stock">{t('live.pinned.stockLeft', { n: product.stock })}</span> : null}
          <AddToCartButton productId={product.productId} testId="pinned-add-to-cart" compact />
          <Button type="primary" danger size="small" shape="round" onClick={() => buy(product.productId)} data-testid="buy-button">
            {t('live.room.buy')}
          </Button>
        </div>
      </div>
    </div>
  );
}

function Shelf({ products, pinnedId, signedIn }: { products: LiveSessionProduct[]; pinnedId: string | null; signedIn: boolean }) {
  const { t } = useI18n();
  const buy = useBuy();
  if (products.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={signedIn ? t('live.products.none') : t('live.room.shelfSignIn')} />;
  return (
    <div className="lh-shelf" data-testid="room-shelf">
      {products.map((p, index) => (
        <div key={p.productId} className="lh-shelf-item" data-testid="shelf-item" data-product-id={p.productId}>
          <span className="lh-shelf-index">{index + 1}</span>
          <ProductThumb productId={p.productId} imageId={null} size={56} />
          <div className="lh-shelf-body">
            <div className="lh-shelf-title lh-clamp-2">{p.title}</div>
            <div>
              {p.productId === pinnedId ? (
                <Tag color="red" style={{ marginInlineEnd: 6 }}>
                  {t('live.pinned.tag')}
                </Tag>
              ) : null}
              <span className="lh-pinned-price">{formatFen(p.minPriceFen)}</span>
            </div>
          </div>
          <div className="lh-shelf-actions">
            <AddToCartButton productId={p.productId} testId="shelf-add-to-cart" />
            <Button
              type="primary"
              danger
              size="small"
              shape="round"
              icon={<ShoppingCartOutlined />}
              onClick={() => buy(p.productId)}
              data-testid="shelf-buy"
            >
              {t('live.room.buy')}
            </Button>
          </div>
          <ReportButton targetKind="product" targetId={p.productId} testId="shelf-report" />
        </div>
      ))}
    </div>
  );
}

function FeedLine({ item, selfId }: { item: FeedItem; selfId: string | null }) {
  const { t, locale } = useI18n();
  switch (item.kind) {
    case 'chat':
      return (
        <div className={`lh-room-line${item.uid === selfId ? ' lh-room-line-own' : ''}`} data-testid="room-chat-line" data-id={item.id}>
          <span className="lh-room-line-name">{item.uid === selfId ? t('live.room.me') : item.name}</span>
          <span data-testid="chat-text">{item.text}</span>
        </div>
      );
    case 'blocked':
      return (
        <div className="lh-room-line lh-room-line-blocked" data-testid="room-chat-blocked">
          <div>
            <WarningFilled /> {t('live.room.blockedTitle')}
          </div>
          <div className="lh-room-blocked-text">「{item.text}」</div>
          <div data-testid="blocked-reason">{localized(locale, item.reason)}</div>
        </div>
      );
    case 'order':
      return (
        <div className="lh-room-line lh-room-line-order">
          <ShoppingCartOutlined /> {t('live.room.ordered', { name: item.name, product: item.productTitle })}
        </div>
      );
  }
}

function ChatFeed({ feed, selfId }: { feed: FeedItem[]; selfId: string | null }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || !stick.current || feed.length === 0) return;
    el.scrollTop = el.scrollHeight;
  }, [feed]);
  // the feed shrinks when a notice or the slow-mode line appears below it: keep the newest line in view
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      className="lh-room-feed"
      ref={ref}
      data-testid="room-feed"
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      <div className="lh-room-line lh-room-line-system">{t('live.room.rules')}</div>
      {feed.map((item) => (
        <FeedLine key={item.key} item={item} selfId={selfId} />
      ))}
    </div>
  );
}

function useNow(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null || until <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), until - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [until]);
  return now;
}

function ChatBar({ room, signedIn, onSignIn }: { room: LiveRoom; signedIn: boolean; onSignIn: () => void }) {
  const { t, locale } = useI18n();
  const { state, send, like, clearNotice } = room;
  const [draft, setDraft] = useState('');
  const [hearts, setHearts] = useState<number[]>([]);
  const now = useNow(state.mutedUntil);
  const muted = state.mutedUntil !== null && state.mutedUntil > now;
  const open = state.phase === 'open';
  const { notice } = state;

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(clearNotice, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, clearNotice]);

  const submit = () => {
    const text = draft.trim();
    if (!text || !open || muted) return;
    if (send({ t: 'chat', text })) setDraft('');
  };

  const onLike = () => {
    like();
    const key = Date.now() + Math.random();
    setHearts((h) => [...h.slice(-12), key]);
  };

  const noticeText = notice
    ? notice.code === 'room.muted'
      ? t('live.room.mutedUntil', { time: dayjs(notice.until).format('HH:mm:ss') })
      : roomErrorMessage(t, locale, notice.code, notice.message)
    : null;

  return (
    <div className="lh-room-bar">
      {noticeText && notice ? (
        <div className="lh-room-notice" data-testid="room-notice" data-code={notice.code}>
          <WarningFilled /> {noticeText}
        </div>
      ) : null}
      {state.slowMode > 0 ? (
        <div className="lh-room-slow" data-testid="room-slow">
          {t('live.room.slowMode', { n: state.slowMode })}
        </div>
      ) : null}
      <div className="lh-room-bar-row">
        {signedIn ? (
          <Input
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onPressEnter={submit}
            maxLength={MAX_CHAT_CHARS}
            disabled={!open || muted}
            placeholder={muted ? t('live.room.mutedUntil', { time: dayjs(state.mutedUntil).format('HH:mm:ss') }) : t('live.room.say')}
            className="lh-room-input"
            data-testid="room-chat-input"
            suffix={
              <Button
                type="text"
                size="small"
                icon={<SendOutlined />}
                disabled={!open || muted || !draft.trim()}
                onClick={submit}
                aria-label={t('live.room.send')}
                data-testid="room-chat-send"
              />
            }
          />
        ) : (
          <Button block shape="round" onClick={onSignIn} data-testid="room-sign-in">
            {t('live.room.signInToChat')}
          </Button>
        )}
        <button
          type="button"
          className="lh-like"
          onClick={onLike}
          disabled={!open}
          aria-label={t('live.room.like')}
          data-testid="like-button"
        >
          <HeartFilled />
          <span className="lh-like-count" data-testid="like-count">
            {state.likes > 0 ? state.likes : ''}
          </span>
          {hearts.map((h) => (
            <span key={h} className="lh-like-heart" onAnimationEnd={() => setHearts((list) => list.filter((x) => x !== h))}>
              <HeartFilled />
            </span>
          ))}
        </button>
      </div>
    </div>
  );
}

function StageOverlay({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="lh-room-overlay" data-testid={testId}>
      {children}
    </div>
  );
}

export function RoomPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const meQuery = useMeQuery();
  const me = meQuery.data ?? null;
  const signedIn = me !== null;
  const room = useRoom(id, true);
  const { state } = room;
  const [tab, setTab] = useState<'chat' | 'shelf'>('chat');
  const [danmaku, setDanmaku] = useState(true);
  // the session (streamer, products) needs an account; a guest has what the socket says
  const session = useLiveSession(id, { enabled: signedIn && id !== '', staleTime: 30_000 });
  const pinnedId = state.pinned?.productId ?? null;
  const products = session.data?.products ?? (state.pinned ? [{ ...state.pinned, merchantOrgId: '', agreementId: null }] : []);
  const title = state.title || session.data?.title || '';
  const selfId = me?.user.id ?? null;
  // the video plays while the room is live (a reconnecting socket does not stop it)
  const live = state.status === 'live' && state.phase !== 'ended' && state.phase !== 'unavailable';
  const playback = live ? (state.playback ?? session.data?.playback ?? null) : null;
  const fromHere = `/login?from=${encodeURIComponent(`/live/rooms/${id}`)}`;

  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.brand')}`;
  }, [title, t]);

  // once the room has ended or cannot be watched: on to other rooms (or to sign in)
  const moreRooms = (testId?: string) => (
    <Button type="primary" onClick={() => navigate(signedIn ? '/live/square' : '/login')} {...(testId ? { 'data-testid': testId } : {})}>
      {signedIn ? t('live.room.moreRooms') : t('login.submit')}
    </Button>
  );

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorPrimary: BRAND_COLOR, borderRadius: 10 } }}>
      <div className="lh-room" data-testid="room-page" data-phase={state.phase} data-seq={state.seq} data-reconnects={state.reconnects}>
        <div className="lh-room-stage">
          <FlvPlayerSlot
            sessionId={id}
            title={title}
            streamer={session.data?.streamerName ?? ''}
            playback={playback}
            stream={state.stream}
            wasOn={state.streamWasOn}
            ended={state.phase === 'ended' || state.status === 'ended'}
          />
          <DanmakuOverlay feed={state.feed} enabled={danmaku && state.phase !== 'ended'} selfId={selfId} />
          <div className="lh-room-top">
            <HistoryBackButton fallback={signedIn ? '/live/square' : '/login'} testId="room-back" />
            <div className="lh-room-host">
              <span className="lh-room-host-avatar">{(session.data?.streamerName || title || '直').slice(0, 1)}</span>
              <div style={{ minWidth: 0 }}>
                <div className="lh-room-host-name">{session.data?.streamerName || title}</div>
                <div className="lh-room-host-sub">
                  <EyeOutlined />{' '}
                  <span data-testid="room-viewers">{t('live.room.watching', { n: compactCount(locale, state.viewers) })}</span>
                </div>
              </div>
            </div>
            <div className="lh-room-top-right">
              <CampaignBadge sessionId={id} />
              {state.phase === 'open' ? (
                <span className="lh-live-dot-badge">
                  <span className="lh-live-dot" />
                  {t('live.status.live')}
                </span>
              ) : null}
              {me?.role === 'consumer' ? <RoomComplaint me={me} sessionId={id} /> : null}
              <span className="lh-room-lang">
                <LanguageSwitch />
              </span>
              {id ? <ReportButton targetKind="live_session" targetId={id} testId="room-report" /> : null}
            </div>
          </div>
          {state.phase === 'reconnecting' || state.phase === 'connecting' ? (
            <div className="lh-room-reconnecting" data-testid={state.phase === 'reconnecting' ? 'room-reconnecting' : 'room-connecting'}>
              <LoadingOutlined /> {state.phase === 'reconnecting' ? t('live.room.reconnecting') : t('live.room.connecting')}
            </div>
          ) : null}
          {state.pinned && state.phase !== 'ended' ? <PinnedCard product={state.pinned} /> : null}
          {state.phase === 'open' || state.phase === 'reconnecting' ? <RoomFlashSale sessionId={id} countdown={state.countdown} /> : null}
          {state.phase === 'ended' ? (
            <StageOverlay testId="room-ended">
              <Result status="info" title={t('live.room.ended')} subTitle={t('live.room.endedSub')} extra={moreRooms('room-ended-more')} />
            </StageOverlay>
          ) : null}
          {state.phase === 'unavailable' ? (
            <StageOverlay testId="room-unavailable">
              <Result status="warning" title={t('live.room.unavailable')} subTitle={t('live.room.unavailableSub')} extra={moreRooms()} />
            </StageOverlay>
          ) : null}
        </div>

        <div className="lh-room-side">
          <div className="lh-room-tabs">
            <Segmented<'chat' | 'shelf'>
              value={tab}
              onChange={setTab}
              options={[
                {
                  value: 'chat',
                  label: (
                    <span data-testid="tab-chat">
                      <MessageOutlined /> {t('live.room.tabChat')}
                    </span>
                  ),
                },
                {
                  value: 'shelf',
                  label: (
                    <span data-testid="tab-shelf">
                      <ShoppingOutlined /> {t('live.room.tabShelf', { n: products.length })}
                    </span>
                  ),
                },
              ]}
            />
            <span className="lh-room-danmaku-switch">
              {t('live.room.danmaku')}
              <Switch size="small" checked={danmaku} onChange={setDanmaku} data-testid="danmaku-switch" />
            </span>
          </div>
          {tab === 'chat' ? (
            <ChatFeed feed={state.feed} selfId={selfId} />
          ) : (
            <div className="lh-room-feed">
              <Shelf products={products} pinnedId={pinnedId} signedIn={signedIn} />
              {!signedIn && products.length > 0 ? (
                <div className="lh-room-line lh-room-line-system">
                  <PictureOutlined /> {t('live.room.shelfSignIn')}
                </div>
              ) : null}
            </div>
          )}
          {state.phase === 'ended' || state.phase === 'unavailable' ? null : (
            <ChatBar room={room} signedIn={signedIn} onSignIn={() => navigate(fromHere)} />
          )}
        </div>
      </div>
    </ConfigProvider>
  );
}
