/**
 * A live-room client for tests: a real WebSocket to the room gateway that records every frame, can wait for one
 * that matches, and notes when each chat text first arrived (for cross-process delivery times). Used by the room
 * gateway's integration test and the two-process scale-out e2e test.
 */
import WebSocket from 'ws';

export interface RoomFrame {
  t: string;
  [k: string]: unknown;
}

export interface RoomChatEvent {
  k: 'chat';
  seq: number;
  id: string;
  text: string;
}

export interface RoomClientOptions {
  /** resume after this sequence number (`?after=`) */
  after?: number;
  /** how long `next` waits by default, ms */
  waitMs?: number;
}

export class RoomTestClient {
  frames: RoomFrame[] = [];
  closed: { code: number } | null = null;
  /** when each chat text first arrived in a batch (performance.now()), and its sequence number */
  readonly arrived = new Map<string, { at: number; seq: number }>();
  readonly ws: WebSocket;
  readonly open: Promise<void>;
  private readonly waitMs: number;
  private waiters: Array<{ pred: (f: RoomFrame) => boolean; resolve: (f: RoomFrame) => void }> = [];

  constructor(base: string, sessionId: string, who: { cookie: string } | null, opts: RoomClientOptions = {}) {
    this.waitMs = opts.waitMs ?? 5000;
    const query = opts.after !== undefined ? `?after=${opts.after}` : '';
    this.ws = new WebSocket(`${base.replace('http', 'ws')}/api/live/rooms/${sessionId}/ws${query}`, {
      headers: who ? { cookie: who.cookie, origin: base } : {},
    });
    this.open = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    // a failed handshake is seen through `open`; without a listener the error would be thrown at the process
    this.open.catch(() => {});
    this.ws.on('message', (d) => {
      const at = performance.now();
      const f = JSON.parse(d.toString()) as RoomFrame;
      this.frames.push(f);
      if (f.t === 'batch')
        for (const e of f.events as Array<{ k: string }>)
          if (e.k === 'chat') {
            const c = e as RoomChatEvent;
            if (!this.arrived.has(c.text)) this.arrived.set(c.text, { at, seq: c.seq });
          }
      for (const w of [...this.waiters])
        if (w.pred(f)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(f);
        }
    });
    this.ws.on('close', (code) => {
      this.closed = { code };
    });
  }

  send(f: unknown): void {
    this.ws.send(typeof f === 'string' ? f : JSON.stringify(f));
  }

  say(text: string): void {
    this.send({ t: 'chat', text });
  }

  /** the first frame (already received or still to come) that matches, or a rejection after `ms` */
  next(pred: (f: RoomFrame) => boolean, ms = this.waitMs): Promise<RoomFrame> {
    const seen = this.frames.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(this.frames).slice(-600)}`)),
        ms,
      );
      this.waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  welcome(): Promise<RoomFrame> {
    return this.next((f) => f.t === 'welcome');
  }

  /** waits until the chat text has arrived in a batch; when it first arrived */
  async chat(text: string, ms = this.waitMs): Promise<{ at: number; seq: number }> {
    await this.next((f) => f.t === 'batch' && (f.events as RoomChatEvent[]).some((e) => e.k === 'chat' && e.text === text), ms);
    return this.arrived.get(text) as { at: number; seq: number };
  }

  /** every event of the batches and catch-up frames, in order */
  events(): Array<Record<string, unknown>> {
    return this.frames.filter((f) => f.t === 'batch' || f.t === 'missed').flatMap((f) => f.events as Array<Record<string, unknown>>);
  }

  chatTexts(): string[] {
    return this.events()
      .filter((e) => e.k === 'chat')
      .map((e) => e.text as string);
  }

  close(): void {
    this.ws.close();
  }
}
