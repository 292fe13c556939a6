/**
 * 售罄标记: the per-process sold-out board of running flash sales (ADR 0011).
 *
 * After a sale sells out, almost every buy attempt is a loser, and a sold-out sale is public information (the room
 * shows 已抢光). The board lets the HTTP layer answer those attempts with 409 `orders.sold_out` before it resolves the
 * session or validates the body, without a database read or a counter step. It only ever refuses, so it cannot
 * oversell; what it must not do is refuse a buyer for long after units came back. Hence:
 * - a mark is set from a counter's answer (this process's, or another's through the pub/sub channel) and trusted for
 *   `ttlMs` only; while it is used, a re-check from the counter (single flight) renews or drops it, so a mark never
 *   outlives the counter's "none left" by more than `ttlMs`;
 * - every restock (a cancel, a timeout, a failed winner's units, the sale's end, a rebuild) drops the mark at once in
 *   this process and, through pub/sub, in every other one; a mark set from an answer that started before a local
 *   restock is ignored (the restock epoch);
 * - the Idempotency-Keys of the sale's orders (the winners') are never refused here: a winner retrying with its key
 *   goes the full way and gets its order back. They are loaded from the database once per mark and with each re-check,
 *   and this process's winners are noted before their transaction starts.
 */
import type { CounterStore, PubSub, Unsubscribe } from '../ports/kv.ts';

export const SOLD_OUT_CHANNEL = 'orders:flash-sold-out';

interface Mark {
  /** the mark is trusted until then (ms since the epoch) */
  until: number;
  /** the sale's end: past it the answer is `orders.flash_ended`, not sold out */
  endsAt: number;
  /** winners' Idempotency-Keys: their retries are never refused here */
  keys: Set<string>;
  /** whether the sale's keys were read from the database since the mark was set */
  keysLoaded: boolean;
  checking: boolean;
}

export interface SoldOutBoardDeps {
  counters: CounterStore;
  /** other processes learn of sold-out sales and restocks here (Redis with REDIS_URL) */
  pubsub?: PubSub;
  /** the counter key of the units left of a sale */
  leftKey: (saleId: string) => string;
  /** the Idempotency-Keys of the sale's orders */
  loadKeys: (saleId: string) => Promise<string[]>;
  /** how long a mark is trusted without a fresh answer from the counter (default 1 s) */
  ttlMs?: number;
  /** real time, for the trust window (default Date.now) */
  now?: () => number;
  /** the platform's clock, for the sale's end (default `now`) */
  saleNow?: () => number;
}

export class SoldOutBoard {
  private readonly marks = new Map<string, Mark>();
  /** keys of winners noted before their sale was marked, kept for the mark (per sale, while it runs) */
  private readonly pendingKeys = new Map<string, Set<string>>();
  /** bumped by every restock seen here: a sold-out answer that began before it must not set a mark */
  private readonly epochs = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly saleNow: () => number;
  private unsubscribe: Unsubscribe | null = null;
  /** this board's name on the channel: its own messages come back to it and are skipped */
  private readonly origin = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  constructor(private readonly d: SoldOutBoardDeps) {
    this.ttlMs = d.ttlMs ?? 1000;
    this.now = d.now ?? Date.now;
    this.saleNow = d.saleNow ?? this.now;
  }

  /** Listens to the other processes' marks and restocks. */
  async start(): Promise<void> {
    if (!this.d.pubsub || this.unsubscribe) return;
    this.unsubscribe = await this.d.pubsub.subscribe(SOLD_OUT_CHANNEL, (m) => this.onMessage(m));
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /**
   * Whether an attempt on the sale may be answered "sold out" at once. Synchronous and free of I/O: the HTTP
   * layer asks it before anything else. A winner's Idempotency-Key is never refused here.
   */
  refuses(saleId: string, idempotencyKey: string | undefined): boolean {
    const m = this.marks.get(saleId);
    if (!m?.keysLoaded) return false;
    const t = this.now();
    if (t >= m.until || this.saleNow() >= m.endsAt) return false;
    if (idempotencyKey !== undefined && m.keys.has(idempotencyKey)) return false;
    // half way through its trust, the mark asks the counter again (at most one check in flight per sale)
    if (t >= m.until - this.ttlMs / 2) void this.recheck(saleId, m);
    return true;
  }

  /** The restock epoch of a sale: read before a counter step whose "sold out" answer may set a mark. */
  epoch(saleId: string): number {
    return this.epochs.get(saleId) ?? 0;
  }

  /**
   * The counter said no units are left (a one-unit attempt refused, or the last unit taken). `epoch` is what
   * `epoch()` said before the counter was asked: a restock seen since then makes this answer stale.
   */
  soldOut(saleId: string, endsAt: Date, epoch: number): void {
    if (this.epoch(saleId) !== epoch) return;
    const fresh = !this.marks.has(saleId);
    this.mark(saleId, endsAt.getTime());
    if (fresh) this.publish({ saleId, state: 'sold_out', endsAt: endsAt.getTime() });
  }

  /** Units came back (or the sale ended, or its counters were rebuilt): no process may refuse from its mark. */
  restocked(saleId: string): void {
    this.forget(saleId);
    this.publish({ saleId, state: 'restocked' });
  }

  /** A winner of this process (noted before its order is written): its retries must reach its order. */
  noteWinnerKey(saleId: string, key: string | undefined): void {
    if (key === undefined) return;
    const m = this.marks.get(saleId);
    if (m) m.keys.add(key);
    let pending = this.pendingKeys.get(saleId);
    if (!pending) {
      pending = new Set();
      this.pendingKeys.set(saleId, pending);
    }
    pending.add(key);
  }

  /** The sale is over: everything about it goes (the end itself is a restock for the other processes). */
  ended(saleId: string): void {
    this.drop(saleId);
    this.publish({ saleId, state: 'ended' });
  }

  private drop(saleId: string): void {
    this.forget(saleId);
    this.pendingKeys.delete(saleId);
  }

  /** Whether a sale is marked (for tests and the docs' figures). */
  isMarked(saleId: string): boolean {
    return this.marks.has(saleId);
  }

  private forget(saleId: string): void {
    this.marks.delete(saleId);
    this.epochs.set(saleId, this.epoch(saleId) + 1);
  }

  private mark(saleId: string, endsAt: number): void {
    const t = this.now();
    const m = this.marks.get(saleId);
    if (m) {
      m.until = Math.max(m.until, t + this.ttlMs);
      return;
    }
    const fresh: Mark = {
      until: t + this.ttlMs,
      endsAt,
      keys: new Set(this.pendingKeys.get(saleId) ?? []),
      keysLoaded: false,
      checking: false,
    };
    this.marks.set(saleId, fresh);
    void this.loadKeys(saleId, fresh);
  }

  private async loadKeys(saleId: string, m: Mark): Promise<void> {
    try {
      const keys = await this.d.loadKeys(saleId);
      for (const k of keys) m.keys.add(k);
      // until the keys are known the mark refuses nobody; the trust window starts now
      m.until = Math.max(m.until, this.now() + this.ttlMs);
      m.keysLoaded = true;
    } catch {
      // without the winners' keys the mark must not refuse: drop it, the next sold-out answer sets it again
      if (this.marks.get(saleId) === m) this.marks.delete(saleId);
    }
  }

  /** Asks the counter whether the sale is still sold out, and reloads the winners' keys (those of other processes). */
  private async recheck(saleId: string, m: Mark): Promise<void> {
    if (m.checking) return;
    m.checking = true;
    const epoch = this.epoch(saleId);
    try {
      const [left, keys] = await Promise.all([this.d.counters.get(this.d.leftKey(saleId)), this.d.loadKeys(saleId)]);
      if (this.marks.get(saleId) !== m || this.epoch(saleId) !== epoch) return;
      if (left === null || left > 0) {
        this.forget(saleId);
        return;
      }
      for (const k of keys) m.keys.add(k);
      m.until = this.now() + this.ttlMs;
    } catch {
      // the counter or the database did not answer: the mark runs out on its own
    } finally {
      m.checking = false;
    }
  }

  private publish(msg: { saleId: string; state: 'sold_out' | 'restocked' | 'ended'; endsAt?: number }): void {
    void this.d.pubsub?.publish(SOLD_OUT_CHANNEL, JSON.stringify({ ...msg, from: this.origin })).catch(() => {});
  }

  private onMessage(raw: string): void {
    let msg: { saleId?: unknown; state?: unknown; endsAt?: unknown; from?: unknown };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return;
    }
    if (typeof msg.saleId !== 'string' || msg.from === this.origin) return;
    if (msg.state === 'sold_out' && typeof msg.endsAt === 'number') this.mark(msg.saleId, msg.endsAt);
    else if (msg.state === 'restocked') this.forget(msg.saleId);
    else if (msg.state === 'ended') this.drop(msg.saleId);
  }
}
