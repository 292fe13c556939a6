/**
 * Redis adapters of the hot-state ports (counters, locks, pub/sub, rate limits), used when REDIS_URL is set so
 * every server process shares them. Every key carries the configured prefix, so runs and tenants of one Redis
 * never see each other's keys. Multi-step operations are single Lua scripts: atomic on the server.
 */
import type {
  CounterStore,
  FlashAttempt,
  KvAdapters,
  LockStore,
  PubSub,
  RateLimitResult,
  RateLimitStore,
  Unsubscribe,
} from '@livehub/core';
import { Redis } from 'ioredis';

// KEYS: left, user, marker; ARGV: amount, limit → {code, held, left or marked}: code 1 taken, -1 sold out, -2 limit
const FLASH_ATTEMPT = `
local n = tonumber(ARGV[1])
local held = tonumber(redis.call('GET', KEYS[2]) or '0')
if n <= 0 or held + n > tonumber(ARGV[2]) then return {-2, held, 0} end
local left = tonumber(redis.call('GET', KEYS[1]) or '0')
if left < n then return {-1, held, redis.call('EXISTS', KEYS[3])} end
redis.call('INCRBY', KEYS[2], n)
return {1, held, redis.call('DECRBY', KEYS[1], n)}`;

const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const FIXED_WINDOW_HIT = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {c, ttl}`;

type Scripted = Redis & {
  lhAttempt(left: string, user: string, marker: string, n: number, limit: number): Promise<[number, number, number]>;
  lhRelease(key: string, token: string): Promise<number>;
  lhHit(key: string, windowMs: number): Promise<[number, number]>;
};

function withScripts(r: Redis): Scripted {
  r.defineCommand('lhAttempt', { numberOfKeys: 3, lua: FLASH_ATTEMPT });
  r.defineCommand('lhRelease', { numberOfKeys: 1, lua: RELEASE_IF_OWNER });
  r.defineCommand('lhHit', { numberOfKeys: 1, lua: FIXED_WINDOW_HIT });
  return r as Scripted;
}

class RedisCounterStore implements CounterStore {
  constructor(
    private readonly r: Scripted,
    private readonly p: string,
  ) {}
  incr(key: string, by = 1): Promise<number> {
    return this.r.incrby(this.p + key, by);
  }
  async get(key: string): Promise<number | null> {
    const v = await this.r.get(this.p + key);
    return v === null ? null : Number(v);
  }
  async set(key: string, value: number): Promise<void> {
    await this.r.set(this.p + key, String(value));
  }
  async attempt(keys: { left: string; user: string; marker: string }, amount: number, limit: number): Promise<FlashAttempt> {
    const [code, held, third] = await this.r.lhAttempt(this.p + keys.left, this.p + keys.user, this.p + keys.marker, amount, limit);
    if (code === 1) return { ok: true, left: third, held };
    if (code === -1) return { ok: false, reason: 'sold_out', held, marked: third === 1 };
    return { ok: false, reason: 'limit', held };
  }
  async delete(key: string): Promise<void> {
    await this.r.del(this.p + key);
  }
  async deletePrefix(prefix: string): Promise<number> {
    // SCAN, not KEYS: the server keeps answering others while a sale's twenty thousand counters go
    const pattern = `${(this.p + prefix).replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await this.r.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) n += await this.r.unlink(...keys);
    } while (cursor !== '0');
    return n;
  }
}

class RedisLockStore implements LockStore {
  private seq = 0;
  constructor(
    private readonly r: Scripted,
    private readonly p: string,
  ) {}
  async acquire(key: string, ttlMs: number): Promise<string | null> {
    const token = `${process.pid}:${Date.now()}:${++this.seq}:${Math.random().toString(36).slice(2)}`;
    const ok = await this.r.set(`${this.p}lock:${key}`, token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? token : null;
  }
  async release(key: string, token: string): Promise<boolean> {
    return (await this.r.lhRelease(`${this.p}lock:${key}`, token)) === 1;
  }
}

class RedisPubSub implements PubSub {
  private sub: Redis | null = null;
  private readonly handlers = new Map<string, Set<(m: string) => void>>();
  private readonly subscribed = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly r: Redis,
    private readonly p: string,
  ) {}

  async publish(channel: string, message: string): Promise<void> {
    await this.r.publish(this.p + channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<Unsubscribe> {
    // A subscribed connection can do nothing else, so pub/sub gets its own, opened on first use.
    if (!this.sub) {
      this.sub = this.r.duplicate();
      this.sub.on('message', (ch: string, msg: string) => {
        const set = this.handlers.get(ch);
        if (set) for (const h of set) h(msg);
      });
    }
    const sub = this.sub;
    const full = this.p + channel;
    let set = this.handlers.get(full);
    if (!set) {
      set = new Set();
      this.handlers.set(full, set);
    }
    set.add(handler);
    // SUBSCRIBE and UNSUBSCRIBE of a channel run one at a time and decide on the handlers as they are then:
    // a room closed and reopened at once must end subscribed, whatever order the two calls were made in.
    await this.serial(async () => {
      if ((this.handlers.get(full)?.size ?? 0) > 0 && !this.subscribed.has(full)) {
        await sub.subscribe(full);
        this.subscribed.add(full);
      }
    });
    return async () => {
      this.handlers.get(full)?.delete(handler);
      await this.serial(async () => {
        if ((this.handlers.get(full)?.size ?? 0) > 0) return;
        this.handlers.delete(full);
        if (this.subscribed.delete(full)) await sub.unsubscribe(full);
      });
    };
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    if (this.sub) this.sub.disconnect();
  }
}

class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly r: Scripted,
    private readonly p: string,
  ) {}
  async hit(key: string, windowMs: number): Promise<RateLimitResult> {
    const [count, ttl] = await this.r.lhHit(`${this.p}rl:${key}`, windowMs);
    return { count, resetInMs: ttl };
  }
  async peek(key: string): Promise<number> {
    const v = await this.r.get(`${this.p}rl:${key}`);
    return v === null ? 0 : Number(v);
  }
  async reset(key: string): Promise<void> {
    await this.r.del(`${this.p}rl:${key}`);
  }
}

export interface RedisKvOptions {
  url: string;
  /** prepended to every key and channel; tests use a fresh one per run */
  prefix?: string;
}

export async function createRedisKv(opts: RedisKvOptions): Promise<KvAdapters> {
  const prefix = opts.prefix ?? 'livehub:';
  const client = withScripts(new Redis(opts.url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true }));
  // Fail fast at start-up, like the database: a configured Redis that is not there is an error, not a fallback.
  await client.connect();
  await client.ping();
  const pubsub = new RedisPubSub(client, prefix);
  return {
    kind: 'redis',
    counters: new RedisCounterStore(client, prefix),
    locks: new RedisLockStore(client, prefix),
    pubsub,
    rateLimits: new RedisRateLimitStore(client, prefix),
    async ping() {
      const t = performance.now();
      await client.ping();
      return performance.now() - t;
    },
    async close() {
      await pubsub.close();
      client.disconnect();
    },
  };
}
