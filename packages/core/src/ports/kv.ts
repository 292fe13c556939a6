/**
 * Ports for the hot, shared, short-lived state that Redis holds in a cluster and process memory holds on a laptop.
 * Each has a memory adapter (packages/core/src/shared/memory-kv.ts) and a Redis adapter (packages/redis); one
 * contract suite (packages/testing) runs against both.
 */

export interface CounterStore {
  /** Adds `by` (may be negative) and returns the new value. Creates the key at 0 first. */
  incr(key: string, by?: number): Promise<number>;
  get(key: string): Promise<number | null>;
  set(key: string, value: number): Promise<void>;
  /**
   * One buy attempt in a flash sale, in one atomic step (one round trip on Redis): counts `amount` against the
   * buyer (`keys.user`, at most `limit` in all) and takes it from what is left (`keys.left`) — both, or neither;
   * an amount ≤ 0 is refused as over the limit. The flash-sale hot path stands on this. `held` is what the buyer's
   * counter said before. Refused as sold out, it also tells whether `keys.marker` exists (the sale's per-buyer
   * "counter was corrected" mark), which would otherwise cost another round trip.
   */
  attempt(keys: { left: string; user: string; marker: string }, amount: number, limit: number): Promise<FlashAttempt>;
  delete(key: string): Promise<void>;
  /** Deletes every key starting with `prefix` (a flash sale's counters when it ends); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
}

export type FlashAttempt =
  | { ok: true; left: number; held: number }
  | { ok: false; reason: 'limit'; held: number }
  | { ok: false; reason: 'sold_out'; held: number; marked: boolean };

export interface LockStore {
  /** Returns a release token when the lock was taken, null when someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<string | null>;
  /** Releases only when `token` still owns the lock; returns whether it did. */
  release(key: string, token: string): Promise<boolean>;
}

export type Unsubscribe = () => Promise<void>;

export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe>;
}

export interface RateLimitResult {
  /** hits inside the current window, this one included */
  count: number;
  /** ms until the window resets */
  resetInMs: number;
}

export interface RateLimitStore {
  /** Records one hit on `key` inside a fixed window of `windowMs`. */
  hit(key: string, windowMs: number): Promise<RateLimitResult>;
  /** The hits counted so far in `key`'s current window, without counting one (0 when no window is open). */
  peek(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export interface KvHealth {
  ping(): Promise<number>;
  readonly kind: 'memory' | 'redis';
  close(): Promise<void>;
}

/** Everything Redis (or memory) provides, wired once by the container. */
export interface KvAdapters extends KvHealth {
  counters: CounterStore;
  locks: LockStore;
  pubsub: PubSub;
  rateLimits: RateLimitStore;
}
