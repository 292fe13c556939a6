/**
 * One live room over its WebSocket (protocol: packages/contracts/src/room.ts), as React state: the welcome, the
 * public events of `batch` / `missed` frames applied in `seq` order (each at most once), the managers' `staff`
 * events (compliance warnings kept apart from mutes, which confirm a manager's action), and this connection's own
 * frames (blocked, muted, error). When the socket drops the hook reconnects with back-off and names the last seq it
 * saw (`?after=`), so nothing said meanwhile is lost; a room that ended or does not exist (close 4404, or an `ended`
 * event) is final. Used by the viewer's room page and the streamer's console.
 */
import type { ClientFrame, PinnedProduct, RoomEvent, RoomPlayback, ServerFrame, StaffEvent, StreamState } from '@livehub/contracts';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { roomSocketUrl } from '../../lib/endpoints.ts';

export type RoomPhase = 'connecting' | 'open' | 'reconnecting' | 'ended' | 'unavailable';

type WelcomeFrame = Extract<ServerFrame, { t: 'welcome' }>;
export type RoomSelf = WelcomeFrame['you'];
type Localized = { zh: string; en: string };
/** A mute or unmute by one of the room's managers, as the room confirmed it. */
export type ModerationEvent = Extract<StaffEvent, { k: 'muted' | 'unmuted' }>;
/** What the warnings panel lists: transcript warnings and blocked chat. */
export type ComplianceEvent = Exclude<StaffEvent, ModerationEvent>;

/** A line of the chat feed: accepted chat, this viewer's own blocked message (only they see it), an order. */
export type FeedItem =
  | { kind: 'chat'; key: string; id: string; seq: number; uid: string; name: string; text: string; at: number }
  | { kind: 'blocked'; key: string; text: string; reason: Localized; ruleIds: string[]; at: number }
  | { kind: 'order'; key: string; seq: number; name: string; productTitle: string; at: number };

/** A refusal of this connection's last action (rate limit, slow mode, mute, sign-in, permissions). */
export interface RoomNotice {
  code: string;
  message: string;
  /** for `muted`: when the mute ends (ms since epoch) */
  until?: number;
  at: number;
}

/** The room's flash sale (秒杀) as its last `countdown` event told it; times in ms since epoch. */
export interface Countdown {
  flashSaleId: string;
  productId: string;
  skuId: string;
  priceFen: number;
  startsAt: number;
  endsAt: number;
  quantity: number;
  stockLeft: number;
  /** the sale was ended or cancelled: the card goes away */
  over: boolean;
}

export interface RoomState {
  phase: RoomPhase;
  title: string;
  status: string;
  viewers: number;
  pinned: PinnedProduct | null;
  slowMode: number;
  you: RoomSelf | null;
  /** where the video plays (from the welcome); null when the server did not say */
  playback: RoomPlayback | null;
  /** whether the streamer's video is being published (welcome, then `stream` events) */
  stream: StreamState;
  /** the stream was on air at some point while this page watched: off now means the signal dropped */
  streamWasOn: boolean;
  feed: FeedItem[];
  /** likes counted since this page joined */
  likes: number;
  /** managers only: compliance warnings and blocked chat, newest last */
  staff: ComplianceEvent[];
  /** managers only: mutes and unmutes confirmed since this page joined, newest last */
  moderation: ModerationEvent[];
  /** managers only: who is muted until when (ms since epoch), from `moderation` */
  mutes: Record<string, number>;
  notice: RoomNotice | null;
  mutedUntil: number | null;
  countdown: Countdown | null;
  /** the last public seq applied (what a reconnect resumes after) */
  seq: number;
  /** how many times the socket was re-opened after a drop */
  reconnects: number;
  /** the last resume could not replay everything (history too short): state was refreshed from the welcome */
  gap: boolean;
}

const FEED_LIMIT = 200;
const STAFF_LIMIT = 200;
const PING_MS = 20_000;
const LIKE_FLUSH_MS = 400;

export const initialRoomState: RoomState = {
  phase: 'connecting',
  title: '',
  status: '',
  viewers: 0,
  pinned: null,
  slowMode: 0,
  you: null,
  playback: null,
  stream: 'unknown',
  streamWasOn: false,
  feed: [],
  likes: 0,
  staff: [],
  moderation: [],
  mutes: {},
  notice: null,
  mutedUntil: null,
  countdown: null,
  seq: 0,
  reconnects: 0,
  gap: false,
};

type Action =
  | { type: 'frame'; frame: ServerFrame; resumedAfter: number | undefined }
  | { type: 'phase'; phase: RoomPhase }
  | { type: 'reconnecting' }
  | { type: 'reset' }
  | { type: 'clearNotice' };

function capped<T>(list: T[], limit: number): T[] {
  return list.length > limit ? list.slice(list.length - limit) : list;
}

/** Applies public events in seq order, skipping any already applied (a resume may repeat a batch's events). */
function applyEvents(state: RoomState, events: RoomEvent[]): RoomState {
  let next = state;
  let feed = state.feed;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.seq <= next.seq) continue;
    next = { ...next, seq: e.seq };
    switch (e.k) {
      case 'chat':
        feed = [...feed, { kind: 'chat', key: `c${e.id}`, id: e.id, seq: e.seq, uid: e.uid, name: e.name, text: e.text, at: e.at }];
        break;
      case 'like':
        next = { ...next, likes: next.likes + e.n };
        break;
      case 'pinned':
        next = { ...next, pinned: e.product };
        break;
      case 'unpinned':
        next = { ...next, pinned: null };
        break;
      case 'deleted':
        feed = feed.filter((f) => f.kind !== 'chat' || f.id !== e.id);
        break;
      case 'slow':
        next = { ...next, slowMode: e.seconds };
        break;
      case 'price':
        if (next.pinned?.productId === e.productId) next = { ...next, pinned: { ...next.pinned, minPriceFen: e.priceFen } };
        break;
      case 'countdown': {
        // the end of another (older) sale does not hide the one running now
        if (e.over && next.countdown && next.countdown.flashSaleId !== e.flashSaleId) break;
        const { flashSaleId, productId, skuId, priceFen, startsAt, endsAt, quantity, stockLeft } = e;
        next = {
          ...next,
          countdown: { flashSaleId, productId, skuId, priceFen, startsAt, endsAt, quantity, stockLeft, over: e.over === true },
        };
        break;
      }
      case 'order':
        feed = [...feed, { kind: 'order', key: `o${e.seq}`, seq: e.seq, name: e.name, productTitle: e.productTitle, at: Date.now() }];
        break;
      case 'stream':
        next = { ...next, stream: e.on ? 'on' : 'off', streamWasOn: next.streamWasOn || e.on };
        break;
      case 'ended':
        next = { ...next, phase: 'ended', status: 'ended' };
        break;
      default: {
        const unknown: never = e;
        void unknown;
      }
    }
  }
  return feed === state.feed ? next : { ...next, feed: capped(feed, FEED_LIMIT) };
}

function onFrame(state: RoomState, frame: ServerFrame, resumedAfter: number | undefined): RoomState {
  switch (frame.t) {
    case 'welcome': {
      // A fresh join starts at the room's current seq; a resume keeps its own and replays `missed` next. A room
      // whose counter is behind what we saw (the server restarted) starts over.
      const seq = resumedAfter === undefined || frame.seq < resumedAfter ? frame.seq : state.seq;
      return {
        ...state,
        phase: state.phase === 'ended' ? 'ended' : 'open',
        title: frame.title,
        status: frame.status,
        viewers: frame.viewers,
        pinned: frame.pinned,
        slowMode: frame.slowMode,
        playback: frame.playback ?? null,
        stream: frame.stream ?? 'unknown',
        streamWasOn: state.streamWasOn || frame.stream === 'on',
        you: frame.you,
        mutedUntil: frame.you.mutedUntil,
        seq,
      };
    }
    case 'batch':
      return applyEvents(state, frame.events);
    case 'missed': {
      const next = applyEvents(state, frame.events);
      return { ...next, gap: !frame.complete };
    }
    case 'staff': {
      const moderation = frame.events.filter((e): e is ModerationEvent => e.k === 'muted' || e.k === 'unmuted');
      const warnings = frame.events.filter((e): e is ComplianceEvent => e.k !== 'muted' && e.k !== 'unmuted');
      const mutes = { ...state.mutes };
      for (const e of moderation) {
        if (e.k === 'muted') mutes[e.uid] = e.until;
        else delete mutes[e.uid];
      }
      return {
        ...state,
        staff: warnings.length > 0 ? capped([...state.staff, ...warnings], STAFF_LIMIT) : state.staff,
        moderation: moderation.length > 0 ? capped([...state.moderation, ...moderation], STAFF_LIMIT) : state.moderation,
        mutes: moderation.length > 0 ? mutes : state.mutes,
      };
    }
    case 'viewers':
      return { ...state, viewers: frame.n };
    case 'blocked':
      return {
        ...state,
        feed: capped(
          [
            ...state.feed,
            {
              kind: 'blocked',
              key: `b${Date.now()}-${state.feed.length}`,
              text: frame.text,
              reason: frame.reason,
              ruleIds: frame.ruleIds,
              at: Date.now(),
            },
          ],
          FEED_LIMIT,
        ),
      };
    case 'muted':
      return { ...state, mutedUntil: frame.until, notice: { code: 'room.muted', message: '', until: frame.until, at: Date.now() } };
    case 'error':
      return { ...state, notice: { code: frame.code, message: frame.message, at: Date.now() } };
    case 'pong':
      return state;
    default: {
      const unknown: never = frame;
      void unknown;
      return state;
    }
  }
}

function reducer(state: RoomState, action: Action): RoomState {
  switch (action.type) {
    case 'frame':
      return onFrame(state, action.frame, action.resumedAfter);
    case 'phase':
      return state.phase === 'ended' ? state : { ...state, phase: action.phase };
    case 'reconnecting':
      return state.phase === 'ended' ? state : { ...state, phase: 'reconnecting', reconnects: state.reconnects + 1 };
    case 'reset':
      return initialRoomState;
    case 'clearNotice':
      return { ...state, notice: null };
  }
}

function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as unknown;
    return typeof value === 'object' && value !== null && 't' in value ? (value as ServerFrame) : null;
  } catch {
    return null;
  }
}

export interface LiveRoom {
  state: RoomState;
  /** Sends a frame; false when the socket is not open (the caller keeps the user's input). */
  send: (frame: ClientFrame) => boolean;
  /** A like; clicks are summed and sent a few times a second. */
  like: () => void;
  clearNotice: () => void;
}

/** Joins the room while `sessionId` is set and `enabled`; leaves on unmount. */
export function useRoom(sessionId: string | undefined, enabled = true): LiveRoom {
  const [state, dispatch] = useReducer(reducer, initialRoomState);
  const socketRef = useRef<WebSocket | null>(null);
  const seqRef = useRef(0);
  const pendingLikes = useRef(0);

  useEffect(() => {
    seqRef.current = state.seq;
  }, [state.seq]);

  useEffect(() => {
    if (!sessionId || !enabled) return;
    dispatch({ type: 'reset' });
    let stopped = false;
    let welcomed = false;
    let final = false;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const after = welcomed ? seqRef.current : undefined;
      const ws = new WebSocket(roomSocketUrl(sessionId, after));
      socketRef.current = ws;
      ws.onopen = () => {
        attempt = 0;
      };
      ws.onmessage = (event) => {
        const frame = parseFrame(event.data);
        if (!frame) return;
        if (frame.t === 'welcome') welcomed = true;
        if ((frame.t === 'batch' || frame.t === 'missed') && frame.events.some((e) => e.k === 'ended')) final = true;
        dispatch({ type: 'frame', frame, resumedAfter: after });
      };
      ws.onclose = (event) => {
        if (socketRef.current === ws) socketRef.current = null;
        if (stopped) return;
        if (final || event.reason === 'room ended') {
          dispatch({ type: 'phase', phase: 'ended' });
          return;
        }
        // 4404: not live (never was, or ended while we were away); 4403: refused
        if (event.code === 4404 || event.code === 4403) {
          dispatch({ type: 'phase', phase: welcomed ? 'ended' : 'unavailable' });
          return;
        }
        dispatch({ type: 'reconnecting' });
        const delay = Math.min(10_000, 500 * 2 ** attempt) + Math.floor(Math.random() * 250);
        attempt += 1;
        retryTimer = setTimeout(connect, delay);
      };
    };
    connect();

    const ping = setInterval(() => {
      const ws = socketRef.current;
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'ping' } satisfies ClientFrame));
    }, PING_MS);
    const likes = setInterval(() => {
      const ws = socketRef.current;
      if (pendingLikes.current === 0 || ws?.readyState !== WebSocket.OPEN) return;
      const n = Math.min(50, pendingLikes.current);
      pendingLikes.current -= n;
      ws.send(JSON.stringify({ t: 'like', n } satisfies ClientFrame));
    }, LIKE_FLUSH_MS);

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(ping);
      clearInterval(likes);
      socketRef.current?.close(1000, 'left');
      socketRef.current = null;
    };
  }, [sessionId, enabled]);

  const send = useCallback((frame: ClientFrame) => {
    const ws = socketRef.current;
    if (ws?.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }, []);

  const like = useCallback(() => {
    pendingLikes.current += 1;
  }, []);

  const clearNotice = useCallback(() => dispatch({ type: 'clearNotice' }), []);

  return { state, send, like, clearNotice };
}
