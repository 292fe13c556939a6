/**
 * The live-room hub: the connections of each room on this process, and the room's events. Every accepted event is
 * numbered per room (a shared counter) and published on the room's pub/sub channel — in-process by default, Redis
 * with REDIS_URL — so viewers on every server process receive it; each process collects what arrives and sends
 * one `batch` frame per room every `batchMs` (one serialization, the same string to every socket), so the cost of
 * fan-out follows the number of viewers and the frame rate, not the chat rate. Chat is screened inline: a blocked
 * message never reaches other viewers, the sender is told why and the room's managers see it. Per-connection
 * rate limits, slow mode, mutes and deletion by managers; a reconnecting client names the last `seq` it saw and
 * gets what it missed from the room's recent history. The viewer count goes out every 2 s when it changed, and is
 * sampled for the session's peak and average. Transport-free: sockets are behind `RoomConnection`.
 */
import {
  type ClientFrame,
  clientFrameSchema,
  MAX_CLIENT_FRAME_BYTES,
  type PinnedProduct,
  type RoomEvent,
  type RoomPlayback,
  type ServerFrame,
  type StaffEvent,
  type StreamState,
} from '@livehub/contracts';
import type { CounterStore, PubSub, Unsubscribe } from '../ports/kv.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { SessionStats } from './live.types.ts';

export interface RoomConnection {
  readonly id: string;
  readonly userId: string | null;
  readonly name: string;
  readonly canManage: boolean;
  /** a text frame; batch frames arrive already encoded (UTF-8), once for every socket of the room */
  send(frame: string | Uint8Array): void;
  close(code: number, reason: string): void;
  /** bytes queued and not yet written: a consumer that falls too far behind is dropped */
  buffered(): number;
}

export interface ScreenVerdict {
  blocked: boolean;
  ruleIds: string[];
  reason: { zh: string; en: string };
}

export interface RoomHubDeps {
  pubsub: PubSub;
  counters: CounterStore;
  clock: Clock;
  ids: IdGenerator;
  /** inline chat screening (the compliance engine; synchronous and fast) */
  screenChat(text: string): ScreenVerdict;
  /** a pinnable product of the session, as its card (null when it is not on the session) */
  productCard(sessionId: string, productId: string): Promise<PinnedProduct | null>;
  /** the room's lasting state when this process first holds the room (the product pinned now) */
  roomState?(sessionId: string): Promise<{ pinned: PinnedProduct | null }>;
  /** a pin or unpin, to keep (fire and forget) */
  onPinned?(sessionId: string, productId: string | null): void;
  /** a connection joined (the audience count: fire and forget, never delays the welcome) */
  onJoined?(sessionId: string, conn: RoomConnection): void;
  /** a blocked chat message, for the compliance records (fire and forget) */
  onBlocked?(sessionId: string, userId: string, text: string, verdict: ScreenVerdict): void;
  batchMs?: number;
  historySize?: number;
  /** chat messages a connection may send per `chatWindowMs` */
  chatPerWindow?: number;
  chatWindowMs?: number;
  /** a connection with more than this many bytes unsent is closed (slow consumer) */
  maxBufferedBytes?: number;
}

type Published = { e: RoomEvent } | { s: StaffEvent };
type Unnumbered<T> = T extends { seq: number } ? Omit<T, 'seq'> : never;

interface LocalRoom {
  id: string;
  conns: Map<string, RoomConnection>;
  pending: RoomEvent[];
  pendingStaff: StaffEvent[];
  history: RoomEvent[];
  pinned: PinnedProduct | null;
  slowMode: number;
  mutes: Map<string, number>;
  likes: number;
  /** history is complete after this seq: events up to it were before this process held the room, or evicted */
  knownAfter: number | null;
  /** a pin or unpin arrived since the room was opened here: the stored state is older than what we hold */
  pinSeen: boolean;
  /** joins under way or done and not yet left; taken synchronously, so a leave never drops a room a join is entering */
  refs: number;
  unsubscribe: Unsubscribe | null;
  ready: Promise<void>;
}

interface ConnState {
  chatTimes: number[];
  lastChatAt: number;
  /** the viewer count this connection was last told (welcome or `viewers`) */
  viewersTold: number;
}

const ERRORS = {
  'room.frame_too_large': { zh: '消息过大', en: 'Frame too large' },
  'room.malformed': { zh: '消息格式错误', en: 'Malformed frame' },
  'room.invalid': { zh: '不支持的事件或参数无效', en: 'Unknown event or invalid fields' },
  'room.sign_in_required': { zh: '登录后才能发言', en: 'Sign in to chat' },
  'room.forbidden': { zh: '只有主播和房管可以这样做', en: 'Only the streamer and room managers can do that' },
  'room.rate_limited': { zh: '发言太快了，请稍后再试', en: 'You are sending too fast' },
  'room.slow_mode': { zh: '慢速模式：请稍后再发言', en: 'Slow mode: wait before sending again' },
  'room.not_on_session': { zh: '该商品不在本场直播的商品列表中', en: 'That product is not on this session' },
} as const;
export type RoomErrorCode = keyof typeof ERRORS;

const encoder = new TextEncoder();
/** how often the viewer count is sent and sampled */
const VIEWERS_EVERY_MS = 2000;

/** What a room counted across every process holding it (`avgViewers` is 0 before the first sample). */
export interface RoomStats extends SessionStats {
  /** connected now */
  viewers: number;
}

export class RoomHub {
  private readonly rooms = new Map<string, LocalRoom>();
  private readonly conns = new Map<string, ConnState>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly batchMs: number;
  private readonly historySize: number;
  private readonly chatPerWindow: number;
  private readonly chatWindowMs: number;
  private readonly maxBuffered: number;
  private ticks = 0;
  private streamsTracked = false;

  constructor(private readonly d: RoomHubDeps) {
    this.batchMs = d.batchMs ?? 100;
    this.historySize = d.historySize ?? 500;
    this.chatPerWindow = d.chatPerWindow ?? 5;
    this.chatWindowMs = d.chatWindowMs ?? 10_000;
    this.maxBuffered = d.maxBufferedBytes ?? 4 * 1024 * 1024;
    this.timer = setInterval(() => this.flushAll(), this.batchMs);
    this.timer.unref?.();
  }

  private channel(id: string): string {
    return `room:${id}`;
  }

  private room(id: string): LocalRoom {
    let r = this.rooms.get(id);
    if (r) return r;
    const created: LocalRoom = {
      id,
      conns: new Map(),
      pending: [],
      pendingStaff: [],
      history: [],
      pinned: null,
      slowMode: 0,
      mutes: new Map(),
      likes: 0,
      knownAfter: null,
      pinSeen: false,
      refs: 0,
      unsubscribe: null,
      ready: Promise.resolve(),
    };
    const subscribed = this.d.pubsub
      .subscribe(this.channel(id), (m) => this.receive(created, m))
      .then((u) => {
        created.unsubscribe = u;
      });
    // the lasting state (the pinned product) comes from the session record when no process held the room before
    const loaded = this.d.roomState
      ? this.d
          .roomState(id)
          .then((st) => {
            if (!created.pinSeen) created.pinned = st.pinned;
          })
          .catch(() => {})
      : Promise.resolve();
    created.ready = Promise.all([subscribed, loaded]).then(() => {});
    this.rooms.set(id, created);
    r = created;
    return r;
  }

  /** A connection enters a room; `after` resumes from the last seq it saw. */
  async join(
    sessionId: string,
    conn: RoomConnection,
    info: { title: string; status: string; playback?: RoomPlayback | null },
    after?: number,
  ): Promise<void> {
    const room = this.room(sessionId);
    room.refs++;
    let viewers: number;
    try {
      await room.ready;
      viewers = await this.d.counters.incr(`${this.channel(sessionId)}:viewers`, 1);
    } catch (err) {
      await this.release(room);
      throw err;
    }
    room.conns.set(conn.id, conn);
    this.d.onJoined?.(sessionId, conn);
    const st: ConnState = { chatTimes: [], lastChatAt: 0, viewersTold: viewers };
    this.conns.set(conn.id, st);
    const seq = (await this.d.counters.get(`${this.channel(sessionId)}:seq`)) ?? 0;
    room.knownAfter ??= seq;
    const mutedUntil = conn.userId ? (room.mutes.get(conn.userId) ?? null) : null;
    // a `viewers` frame may have reached it while the seq was read: the welcome's count is what it shows now
    st.viewersTold = viewers;
    this.direct(conn, {
      t: 'welcome',
      sessionId,
      title: info.title,
      status: info.status,
      seq,
      viewers,
      pinned: room.pinned,
      slowMode: room.slowMode,
      playback: info.playback ?? null,
      stream: await this.streamState(sessionId),
      you: {
        userId: conn.userId,
        name: conn.name,
        canManage: conn.canManage,
        mutedUntil: mutedUntil && mutedUntil > this.now() ? mutedUntil : null,
      },
    });
    if (after !== undefined && after < seq) {
      const missed = room.history.filter((e) => e.seq > after);
      this.direct(conn, { t: 'missed', events: missed, complete: after >= (room.knownAfter ?? seq) });
    }
  }

  async leave(sessionId: string, connId: string): Promise<void> {
    const room = this.rooms.get(sessionId);
    this.conns.delete(connId);
    if (!room?.conns.delete(connId)) return;
    await this.release(room, () => this.d.counters.incr(`${this.channel(sessionId)}:viewers`, -1));
  }

  /** Drops one reference; the last one out closes the room here (a join that began meanwhile keeps it open). */
  private async release(room: LocalRoom, before?: () => Promise<unknown>): Promise<void> {
    room.refs--;
    try {
      await before?.();
    } finally {
      if (room.refs === 0 && this.rooms.get(room.id) === room) {
        this.rooms.delete(room.id);
        await room.ready.catch(() => {});
        await room.unsubscribe?.();
      }
    }
  }

  /** One frame from a client. Never throws: bad input is answered with an error frame. */
  async handle(sessionId: string, conn: RoomConnection, raw: string): Promise<void> {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    if (raw.length > MAX_CLIENT_FRAME_BYTES) return this.error(conn, 'room.frame_too_large');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.error(conn, 'room.malformed');
    }
    const parsed = clientFrameSchema.safeParse(json);
    if (!parsed.success) return this.error(conn, 'room.invalid');
    const f: ClientFrame = parsed.data;
    const now = this.now();
    switch (f.t) {
      case 'ping':
        return this.direct(conn, { t: 'pong' });
      case 'like':
        room.likes += f.n;
        return;
      case 'chat': {
        if (!conn.userId) return this.error(conn, 'room.sign_in_required');
        const until = room.mutes.get(conn.userId);
        if (until && until > now) return this.direct(conn, { t: 'muted', until });
        const st = this.conns.get(conn.id);
        if (!st) return;
        if (!conn.canManage) {
          if (room.slowMode > 0 && now - st.lastChatAt < room.slowMode * 1000) return this.error(conn, 'room.slow_mode');
          st.chatTimes = st.chatTimes.filter((t) => now - t < this.chatWindowMs);
          if (st.chatTimes.length >= this.chatPerWindow) return this.error(conn, 'room.rate_limited');
          st.chatTimes.push(now);
        }
        st.lastChatAt = now;
        const verdict = this.d.screenChat(f.text);
        if (verdict.blocked) {
          this.direct(conn, { t: 'blocked', text: f.text, reason: verdict.reason, ruleIds: verdict.ruleIds });
          this.d.onBlocked?.(sessionId, conn.userId, f.text, verdict);
          await this.publishStaff(sessionId, {
            k: 'blocked_chat',
            uid: conn.userId,
            name: conn.name,
            text: f.text,
            ruleIds: verdict.ruleIds,
            at: now,
          });
          return;
        }
        await this.publish(sessionId, { k: 'chat', id: this.d.ids.next(), uid: conn.userId, name: conn.name, text: f.text, at: now });
        await this.d.counters.incr(`${this.channel(sessionId)}:chat`, 1);
        return;
      }
      default:
        break;
    }
    if (!conn.canManage) return this.error(conn, 'room.forbidden');
    switch (f.t) {
      case 'pin': {
        const card = await this.d.productCard(sessionId, f.productId);
        if (!card) return this.error(conn, 'room.not_on_session');
        this.d.onPinned?.(sessionId, card.productId);
        return this.publish(sessionId, { k: 'pinned', product: card });
      }
      case 'unpin':
        this.d.onPinned?.(sessionId, null);
        return this.publish(sessionId, { k: 'unpinned' });
      case 'delete':
        return this.publish(sessionId, { k: 'deleted', id: f.id });
      case 'slow':
        return this.publish(sessionId, { k: 'slow', seconds: f.seconds });
      case 'mute': {
        const until = now + f.seconds * 1000;
        return this.publishStaff(sessionId, { k: 'muted', uid: f.userId, until, by: conn.userId, byName: conn.name, at: now });
      }
      case 'unmute':
        return this.publishStaff(sessionId, { k: 'unmuted', uid: f.userId, by: conn.userId, byName: conn.name, at: now });
    }
  }

  /** Publishes a public event to every viewer of the room on every process (orders, prices, countdowns, end). */
  /**
   * From now on the platform hears when streams start and stop (the embedded media server runs, or an external one
   * calls the publish hooks): rooms then say 「主播暂未推流」 instead of waiting on a player that cannot connect.
   */
  trackStreams(): void {
    this.streamsTracked = true;
  }

  /** A session's video started or stopped being published (shared across processes through the counters). */
  async streamChanged(sessionId: string, on: boolean): Promise<void> {
    await this.d.counters.set(`${this.channel(sessionId)}:stream`, on ? 1 : 0);
    await this.publish(sessionId, { k: 'stream', on });
  }

  async streamState(sessionId: string): Promise<StreamState> {
    if (!this.streamsTracked) return 'unknown';
    return (await this.d.counters.get(`${this.channel(sessionId)}:stream`)) === 1 ? 'on' : 'off';
  }

  async publish(sessionId: string, e: Unnumbered<RoomEvent>): Promise<void> {
    const seq = await this.d.counters.incr(`${this.channel(sessionId)}:seq`, 1);
    await this.send(sessionId, { e: { ...e, seq } as RoomEvent });
  }

  /** An event for the room's managers only (compliance warnings). */
  async publishStaff(sessionId: string, e: Unnumbered<StaffEvent>): Promise<void> {
    const seq = await this.d.counters.incr(`${this.channel(sessionId)}:seq`, 1);
    await this.send(sessionId, { s: { ...e, seq } as StaffEvent });
  }

  /** Pins a product of the session for every viewer (the console does it over the socket; this is for the server). */
  async pin(sessionId: string, productId: string): Promise<boolean> {
    const card = await this.d.productCard(sessionId, productId);
    if (!card) return false;
    this.d.onPinned?.(sessionId, card.productId);
    await this.publish(sessionId, { k: 'pinned', product: card });
    return true;
  }

  /** Ends the room: viewers get `ended`, then their connections close. */
  async end(sessionId: string): Promise<void> {
    await this.publish(sessionId, { k: 'ended' });
  }

  /** Viewers now of each room, on every process (the monitoring wall). */
  async viewersOf(sessionIds: string[]): Promise<Map<string, number>> {
    const counts = await Promise.all(sessionIds.map((id) => this.d.counters.get(`${this.channel(id)}:viewers`)));
    return new Map(sessionIds.map((id, i) => [id, Math.max(0, counts[i] ?? 0)]));
  }

  /** What the room counted on every process: viewers now, the peak and average, chat messages accepted. */
  async stats(sessionId: string): Promise<RoomStats> {
    const c = this.channel(sessionId);
    const [viewers, chat, peak, sum, samples] = await Promise.all([
      this.d.counters.get(`${c}:viewers`),
      this.d.counters.get(`${c}:chat`),
      this.d.counters.get(`${c}:peak`),
      this.d.counters.get(`${c}:viewers_sum`),
      this.d.counters.get(`${c}:viewers_samples`),
    ]);
    return {
      viewers: viewers ?? 0,
      peakViewers: peak ?? 0,
      avgViewers: samples ? Math.round((sum ?? 0) / samples) : 0,
      chatMessages: chat ?? 0,
    };
  }

  localConnections(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.conns.size;
    return n;
  }

  close(): void {
    clearInterval(this.timer);
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private now(): number {
    return this.d.clock.now().getTime();
  }

  private async send(sessionId: string, p: Published): Promise<void> {
    await this.d.pubsub.publish(this.channel(sessionId), JSON.stringify(p));
  }

  private receive(room: LocalRoom, message: string): void {
    let p: Published;
    try {
      p = JSON.parse(message) as Published;
    } catch {
      return;
    }
    if ('s' in p) {
      if (p.s.k === 'muted') room.mutes.set(p.s.uid, p.s.until);
      if (p.s.k === 'unmuted') room.mutes.delete(p.s.uid);
      room.pendingStaff.push(p.s);
    } else if ('e' in p) {
      const e = p.e;
      if (e.k === 'pinned') room.pinned = e.product;
      if (e.k === 'unpinned') room.pinned = null;
      if (e.k === 'pinned' || e.k === 'unpinned') room.pinSeen = true;
      if (e.k === 'slow') room.slowMode = e.seconds;
      room.pending.push(e);
      room.history.push(e);
      if (room.history.length > this.historySize) {
        const evicted = room.history.splice(0, room.history.length - this.historySize);
        room.knownAfter = Math.max(room.knownAfter ?? 0, evicted.at(-1)?.seq ?? 0);
      }
    }
  }

  private flushAll(): void {
    this.ticks++;
    const viewersTick = this.ticks % Math.max(1, Math.round(VIEWERS_EVERY_MS / this.batchMs)) === 0;
    for (const room of this.rooms.values()) {
      if (room.likes > 0) {
        const n = room.likes;
        room.likes = 0;
        void this.publish(room.id, { k: 'like', n }).catch(() => {});
      }
      if (room.pending.length > 0) {
        const events = room.pending;
        room.pending = [];
        // events may arrive out of order across processes: deliver them in seq order
        events.sort((a, b) => a.seq - b.seq);
        const frame = encoder.encode(JSON.stringify({ t: 'batch', events } satisfies ServerFrame));
        const ended = events.some((e) => e.k === 'ended');
        for (const conn of room.conns.values()) {
          if (conn.buffered() > this.maxBuffered) {
            conn.close(4008, 'slow consumer');
            continue;
          }
          conn.send(frame);
          if (ended) conn.close(1000, 'room ended');
        }
      }
      if (room.pendingStaff.length > 0) {
        const frame = encoder.encode(JSON.stringify({ t: 'staff', events: room.pendingStaff } satisfies ServerFrame));
        room.pendingStaff = [];
        for (const conn of room.conns.values()) if (conn.canManage) conn.send(frame);
      }
      if (viewersTick) void this.broadcastViewers(room).catch(() => {});
    }
  }

  private async broadcastViewers(room: LocalRoom): Promise<void> {
    const c = this.channel(room.id);
    const n = (await this.d.counters.get(`${c}:viewers`)) ?? 0;
    // only to the connections that were told another count: most ticks of a steady room send nothing
    let frame: Uint8Array | null = null;
    for (const conn of room.conns.values()) {
      const st = this.conns.get(conn.id);
      if (!st || st.viewersTold === n) continue;
      frame ??= encoder.encode(JSON.stringify({ t: 'viewers', n } satisfies ServerFrame));
      st.viewersTold = n;
      conn.send(frame);
    }
    const peak = (await this.d.counters.get(`${c}:peak`)) ?? 0;
    if (n > peak) await this.d.counters.set(`${c}:peak`, n);
    if (await this.claimSample(`${c}:viewers_slot`, Math.floor(this.now() / VIEWERS_EVERY_MS))) {
      await Promise.all([this.d.counters.incr(`${c}:viewers_sum`, Math.max(0, n)), this.d.counters.incr(`${c}:viewers_samples`, 1)]);
    }
  }

  /**
   * Whether this process takes the viewer sample of `slot` (a 2-second slice of the clock). The count is shared by
   * every process holding the room, so each slot is sampled by one of them only: were each to add its own sample,
   * busy moments (when viewers are spread over more processes) would weigh more in the average. The counter `key`
   * holds the last slot sampled; the counter store has no compare-and-set, so a process adds the gap it read and
   * owns the slot only when the result is exactly the slot — if anyone moved the counter in between, the result is
   * off and the process takes its step back. Two processes can own the same slot only if one stalls for seconds
   * between its step and its step back, and a slot nobody owned is a sample missing: neither bends an average.
   */
  private async claimSample(key: string, slot: number): Promise<boolean> {
    const last = (await this.d.counters.get(key)) ?? 0;
    if (last >= slot) return false;
    const reached = await this.d.counters.incr(key, slot - last);
    if (reached === slot) return true;
    await this.d.counters.incr(key, last - slot);
    return false;
  }

  private direct(conn: RoomConnection, f: ServerFrame): void {
    conn.send(JSON.stringify(f));
  }

  private error(conn: RoomConnection, code: RoomErrorCode): void {
    this.direct(conn, { t: 'error', code, message: `${ERRORS[code].zh} / ${ERRORS[code].en}` });
  }
}
