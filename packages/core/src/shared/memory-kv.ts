/**
 * In-process twins of the Redis adapters: the embedded default. Correct within one process only; a cluster sets
 * REDIS_URL. Time comes from the clock port so fixed-window behaviour is testable.
 */
import type { Clock } from '../ports/runtime.ts';
import type {
  CounterStore,
  FlashAttempt,
  KvAdapters,
  LockStore,
  PubSub,
  RateLimitResult,
  RateLimitStore,
  Unsubscribe,
} from '../ports/kv.ts';

const systemClock: Clock = { now: () => new Date() };

export class MemoryCounterStore implements CounterStore {
  private readonly values = new Map<string, number>();

  async incr(key: string, by = 1): Promise<number> {
    const v = (this.values.get(key) ?? 0) + by;
    this.values.set(key, v);
    return v;
  }
  async get(key: string): Promise<number | null> {
    return this.values.get(key) ?? null;
  }
  async set(key: string, value: number): Promise<void> {
    this.values.set(key, value);
  }
  async attempt(keys: { left: string; user: string; marker: string }, amount: number, limit: number): Promise<FlashAttempt> {
    const held = this.values.get(keys.user) ?? 0;
    if (amount <= 0 || held + amount > limit) return { ok: false, reason: 'limit', held };
    const left = this.values.get(keys.left) ?? 0;
    if (left < amount) return { ok: false, reason: 'sold_out', held, marked: this.values.has(keys.marker) };
    this.values.set(keys.user, held + amount);
    this.values.set(keys.left, left - amount);
    return { ok: true, left: left - amount, held };
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
  async deletePrefix(prefix: string): Promise<number> {
    let n = 0;
    for (const key of this.values.keys())
      if (key.startsWith(prefix)) {
        this.values.delete(key);
        n++;
      }
    return n;
  }
  /** every counter, for a copy of this store (the test platform's seeded snapshot) */
  entries(): Array<[string, number]> {
    return [...this.values];
  }
  /** sets these counters (what `entries()` of another store gave) */
  load(entries: Iterable<[string, number]>): void {
    for (const [key, value] of entries) this.values.set(key, value);
  }
}

/** Expired locks are swept once the store holds this many (and then at twice what survived), as Redis expires keys. */
const LOCK_SWEEP_AT = 10_000;

export class MemoryLockStore implements LockStore {
  private readonly locks = new Map<string, { token: string; until: number }>();
  private seq = 0;
  private sweepAt = LOCK_SWEEP_AT;
  constructor(private readonly clock: Clock = systemClock) {}

  /** locks held, expired or not (until the next sweep) */
  get size(): number {
    return this.locks.size;
  }

  async acquire(key: string, ttlMs: number): Promise<string | null> {
    const now = this.clock.now().getTime();
    const held = this.locks.get(key);
    if (held && held.until > now) return null;
    const token = `${process.pid}:${++this.seq}:${now}`;
    this.locks.set(key, { token, until: now + ttlMs });
    if (this.locks.size >= this.sweepAt) this.sweep(now);
    return token;
  }
  private sweep(now: number): void {
    for (const [k, l] of this.locks) if (l.until <= now) this.locks.delete(k);
    this.sweepAt = Math.max(LOCK_SWEEP_AT, this.locks.size * 2);
  }
  async release(key: string, token: string): Promise<boolean> {
    const held = this.locks.get(key);
    if (!held || held.token !== token) return false;
    this.locks.delete(key);
    return true;
  }
}

export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<(m: string) => void>>();

  async publish(channel: string, message: string): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Deliver asynchronously, as Redis does, so publishers never run subscriber code on their own stack.
    for (const h of handlers) queueMicrotask(() => h(message));
  }
  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) this.channels.delete(channel);
    };
  }
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly clock: Clock = systemClock) {}

  async hit(key: string, windowMs: number): Promise<RateLimitResult> {
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    w.count += 1;
    return { count: w.count, resetInMs: w.resetAt - now };
  }
  async peek(key: string): Promise<number> {
    const w = this.windows.get(key);
    return w && w.resetAt > this.clock.now().getTime() ? w.count : 0;
  }
  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }
  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

export function createMemoryKv(clock: Clock = systemClock): KvAdapters {
  return {
    kind: 'memory',
    counters: new MemoryCounterStore(),
    locks: new MemoryLockStore(clock),
    pubsub: new MemoryPubSub(),
    rateLimits: new MemoryRateLimitStore(clock),
    ping: async () => 0,
    close: async () => {},
  };
}
