/**
 * The room's video. While the session is live it plays the session's HTTP-FLV stream through mpegts.js where Media
 * Source Extensions can play live streams, else its HLS stream through hls.js (or the browser's own HLS player, as
 * on iPhones without MSE); otherwise, or where neither can play, a poster with the title. Each library is a lazily
 * loaded chunk, fetched only when there is a stream for it: most pages of the app never play video.
 *
 * Autoplay is muted (browsers allow nothing else) with a button to turn the sound on. The poster stays over the
 * video until its first frame plays, so a viewer never stares at a black box; a broken stream shows a small notice
 * over the poster and is retried with back-off. The server says whether the streamer is on air (`stream`): before
 * the encoder publishes the poster says 「主播暂未推流」 and no player is started; when the signal drops it says
 * 「直播信号中断，正在重连…」 and the player comes back by itself once the stream does; an ended session says so.
 * A playing stream that stalls (a frozen frame) gets the same notice over the frame. The slot's `data-state`
 * (poster | offline | dropped | ended | loading | playing | stalled | error) is what tests wait on. The danmaku
 * overlay and product cards are the page's, stacked above this slot.
 */
import { LoadingOutlined, SoundOutlined, WarningFilled } from '@ant-design/icons';
import type { RoomPlayback, StreamState } from '@livehub/contracts';
import { useEffect, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { coverFor } from './live-labels.tsx';

export type PlayerState = 'poster' | 'offline' | 'dropped' | 'ended' | 'loading' | 'playing' | 'stalled' | 'error';
type Engine = 'mpegts' | 'hls' | 'native';

interface Attached {
  engine: Engine;
  destroy(): void;
}

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
const HLS_TYPE = 'application/vnd.apple.mpegurl';

const hasMse = () => 'MediaSource' in window || 'ManagedMediaSource' in window;

/** HTTP-FLV through mpegts.js; null where MSE cannot play a live stream. */
async function attachFlv(video: HTMLVideoElement, url: string, fail: () => void): Promise<Attached | null> {
  const { default: mpegts } = await import('mpegts.js');
  if (!mpegts.getFeatureList().mseLivePlayback) return null;
  mpegts.LoggingControl.enableAll = false;
  mpegts.LoggingControl.enableWarn = true;
  mpegts.LoggingControl.enableError = true;
  const player = mpegts.createPlayer(
    { type: 'flv', isLive: true, url },
    {
      // hand each tag to MSE as it arrives instead of stashing a few hundred KB first: the first frame comes sooner
      enableStashBuffer: false,
      stashInitialSize: 128 * 1024,
      lazyLoad: false,
      autoCleanupSourceBuffer: true,
      // a viewer who fell behind (a stall, a background tab) catches up: slightly faster playback for small lags,
      // a jump to the live edge for large ones
      liveSync: true,
      liveSyncMaxLatency: 2,
      liveSyncTargetLatency: 1,
      liveSyncPlaybackRate: 1.1,
      liveBufferLatencyChasing: true,
      liveBufferLatencyMaxLatency: 6,
      liveBufferLatencyMinRemain: 1,
    },
  );
  player.on(mpegts.Events.ERROR, fail);
  // a live stream that "completes" was closed by the media server (the publisher left): start over
  player.on(mpegts.Events.LOADING_COMPLETE, fail);
  player.attachMediaElement(video);
  player.load();
  return { engine: 'mpegts', destroy: () => player.destroy() };
}

/** The browser plays the playlist itself (Safari); errors reach the page as the video element's `error`. */
function attachNative(video: HTMLVideoElement, url: string): Attached {
  video.src = url;
  return {
    engine: 'native',
    destroy: () => {
      video.removeAttribute('src');
      video.load();
    },
  };
}

/** HLS through hls.js, or the browser's own player where MSE is missing; null where neither exists. */
async function attachHls(video: HTMLVideoElement, url: string, fail: () => void): Promise<Attached | null> {
  const native = video.canPlayType(HLS_TYPE) !== '';
  if (native && !hasMse()) return attachNative(video, url);
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) return native ? attachNative(video, url) : null;
  const hls = new Hls({ lowLatencyMode: true, liveSyncDurationCount: 2, backBufferLength: 30 });
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) fail();
  });
  hls.loadSource(url);
  hls.attachMedia(video);
  return { engine: 'hls', destroy: () => hls.destroy() };
}

async function attach(video: HTMLVideoElement, playback: RoomPlayback, fail: () => void): Promise<Attached | null> {
  return (await attachFlv(video, playback.flv, fail)) ?? (playback.hls ? attachHls(video, playback.hls, fail) : null);
}

const NOTE: Record<PlayerState, MessageKey> = {
  poster: 'live.player.noVideo',
  offline: 'live.player.offline',
  dropped: 'live.player.dropped',
  ended: 'live.player.ended',
  loading: 'live.player.loading',
  playing: 'live.player.loading',
  stalled: 'live.player.dropped',
  error: 'live.player.error',
};

/**
 * The video slot of the room page. `playback` is null while there is nothing to play (the session is not live, or
 * the server named no stream): the poster alone. `stream` is the server's word on whether the video is published
 * (`wasOn`: it was, earlier on this page); `ended`: the session is over.
 */
export function FlvPlayerSlot({
  sessionId,
  title,
  streamer,
  playback,
  stream = 'unknown',
  wasOn = false,
  ended = false,
}: {
  sessionId: string;
  title: string;
  streamer: string;
  playback: RoomPlayback | null;
  stream?: StreamState;
  wasOn?: boolean;
  ended?: boolean;
}) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlayerState>('poster');
  const [engine, setEngine] = useState<Engine | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [muted, setMuted] = useState(true);
  /** the browser refused to start even muted (data saver, some in-app browsers): a tap starts it */
  const [needsTap, setNeedsTap] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);
  // nothing to connect to while the streamer is off air or the session is over: no player, the poster says why
  const idle: PlayerState = ended ? 'ended' : stream === 'off' ? (wasOn ? 'dropped' : 'offline') : 'poster';
  const playable = idle === 'poster';
  const flv = playable ? (playback?.flv ?? null) : null;
  const hls = playable ? (playback?.hls ?? null) : null;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onVolume = () => setMuted(video.muted);
    video.muted = true;
    video.addEventListener('volumechange', onVolume);
    return () => video.removeEventListener('volumechange', onVolume);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the effect: it is how a retry starts
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !flv) {
      setState(idle);
      setEngine(null);
      setUnsupported(false);
      return;
    }
    let active = true;
    let attached: Attached | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // once per attempt: the player is torn down and the next attempt waits longer each time it fails in a row
    const fail = () => {
      if (!active) return;
      active = false;
      attached?.destroy();
      attached = null;
      setState('error');
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** failures.current) + Math.floor(Math.random() * 500);
      failures.current += 1;
      retry = setTimeout(() => setAttempt((n) => n + 1), delay);
    };
    const onPlaying = () => {
      if (!active) return;
      failures.current = 0;
      setNeedsTap(false);
      setState('playing');
    };
    // the frame froze (the signal dropped, the network stalls): say so over it until frames move again
    const onWaiting = () => {
      if (active) setState((st) => (st === 'playing' ? 'stalled' : st));
    };
    video.addEventListener('playing', onPlaying);
    video.addEventListener('waiting', onWaiting);
    video.addEventListener('error', fail);
    video.addEventListener('ended', fail);
    setState('loading');
    setUnsupported(false);
    attach(video, { flv, hls }, fail).then((a) => {
      if (!active) {
        a?.destroy();
        return;
      }
      if (!a) {
        active = false;
        setUnsupported(true);
        setState('poster');
        return;
      }
      attached = a;
      setEngine(a.engine);
      video.play().catch((e: unknown) => {
        if (active && e instanceof DOMException && e.name === 'NotAllowedError') setNeedsTap(true);
      });
    }, fail);
    return () => {
      active = false;
      clearTimeout(retry);
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('waiting', onWaiting);
      video.removeEventListener('error', fail);
      video.removeEventListener('ended', fail);
      attached?.destroy();
    };
  }, [flv, hls, attempt, idle]);

  const sound = () => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = false;
    setNeedsTap(false);
    video.play().catch(() => {
      // sound was refused after all: play muted rather than not at all
      video.muted = true;
      void video.play().catch(() => setNeedsTap(true));
    });
  };

  const playing = state === 'playing';
  // a stalled stream keeps its last frame on screen, with the notice over it
  const onFrame = playing || state === 'stalled';
  const note = unsupported ? 'live.player.unsupported' : NOTE[state];
  const warn = state === 'error' || state === 'dropped' || state === 'stalled';
  return (
    <div
      className="lh-room-player"
      data-testid="flv-player-slot"
      data-slot="flv-player"
      data-state={state}
      data-engine={engine ?? undefined}
      data-flv-url={playback?.flv ?? undefined}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: a live stream carries no caption track to offer */}
      <video ref={videoRef} className="lh-room-video" autoPlay playsInline aria-label={title} data-testid="room-video" />
      <div className={`lh-room-poster${onFrame ? ' lh-room-poster-hidden' : ''}`} style={{ background: coverFor(sessionId) }}>
        <div className="lh-room-poster-inner">
          <div className="lh-room-poster-title" data-testid="room-title">
            {title}
          </div>
          {streamer ? <div className="lh-room-poster-streamer">{streamer}</div> : null}
          {onFrame ? null : (
            <div className={`lh-room-poster-note${warn ? ' lh-room-poster-error' : ''}`} data-testid="player-notice">
              {state === 'loading' || state === 'dropped' ? <LoadingOutlined /> : null}
              {state === 'error' ? <WarningFilled /> : null} {t(note)}
            </div>
          )}
        </div>
      </div>
      {state === 'stalled' ? (
        <div className="lh-room-stalled" data-testid="player-stalled">
          <span className="lh-room-poster-note lh-room-poster-error">
            <LoadingOutlined /> {t(note)}
          </span>
        </div>
      ) : null}
      {(playing && muted) || needsTap ? (
        <button type="button" className="lh-room-unmute" onClick={sound} data-testid="player-unmute">
          <SoundOutlined /> {needsTap ? t('live.player.tapToPlay') : t('live.player.unmute')}
        </button>
      ) : null}
    </div>
  );
}
