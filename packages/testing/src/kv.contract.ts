/**
 * The contract every hot-state adapter (memory, Redis) must keep. Runs the same assertions against each, so the
 * embedded default and the cluster setting cannot drift apart.
 */
import type { KvAdapters } from '@livehub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function kvContract(name: string, open: () => Promise<{ kv: KvAdapters; drop(): Promise<void> }>): void {
  describe(`hot-state contract: ${name}`, () => {
    let kv: KvAdapters;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const o = await open();
      kv = o.kv;
      drop = o.drop;
    });
    afterAll(async () => drop());

    it('counts, sets and deletes', async () => {
      expect(await kv.counters.get('c1')).toBeNull();
      expect(await kv.counters.incr('c1')).toBe(1);
      expect(await kv.counters.incr('c1', 4)).toBe(5);
      expect(await kv.counters.incr('c1', -2)).toBe(3);
      await kv.counters.set('c1', 10);
      expect(await kv.counters.get('c1')).toBe(10);
      await kv.counters.delete('c1');
      expect(await kv.counters.get('c1')).toBeNull();
      for (const k of ['fs:a:left', 'fs:a:u:1', 'fs:a:u:2', 'fs:ab:left', 'fs:b:left']) await kv.counters.set(k, 1);
      expect(await kv.counters.deletePrefix('fs:a:')).toBe(3);
      expect(await kv.counters.get('fs:a:u:2')).toBeNull();
      expect(await kv.counters.get('fs:ab:left')).toBe(1);
      expect(await kv.counters.get('fs:b:left')).toBe(1);
      expect(await kv.counters.deletePrefix('fs:a:')).toBe(0);
    });

    it('takes only what is available, atomically under concurrency', async () => {
      // each take by a buyer of its own, with room to spare under the limit: only the units left decide
      let n = 0;
      const take = async (amount: number) => {
        const r = await kv.counters.attempt({ left: 'stock', user: `stock:u:${n++}`, marker: 'stock:m' }, amount, 1000);
        return r.ok ? r.left : null;
      };
      await kv.counters.set('stock', 100);
      const attempts = await Promise.all(Array.from({ length: 250 }, () => take(1)));
      expect(attempts.filter((a) => a !== null)).toHaveLength(100);
      expect(await kv.counters.get('stock')).toBe(0);
      expect(await take(1)).toBeNull();
      await kv.counters.set('stock', 5);
      expect(await take(6)).toBeNull();
      expect(await take(0)).toBeNull();
      expect(await take(5)).toBe(0);
    });

    it('counts a flash-sale attempt against the buyer and the units left together, atomically', async () => {
      const keys = (u: string) => ({ left: 'fs:t:left', user: `fs:t:u:${u}`, marker: `fs:t:fixed:${u}` });
      await kv.counters.set('fs:t:left', 3);
      // 40 buyers with a limit of 2, each trying twice at once: 3 units go, to at most 2 per buyer
      const tries = await Promise.all(
        Array.from({ length: 80 }, (_, i) => kv.counters.attempt(keys(`b${i % 40}`), 1, 2).then((r) => ({ r, buyer: i % 40 }))),
      );
      const won = tries.filter((t) => t.r.ok);
      expect(won).toHaveLength(3);
      expect(await kv.counters.get('fs:t:left')).toBe(0);
      const refused = tries.filter((t) => !t.r.ok).map((t) => t.r);
      expect(refused.every((r) => !r.ok && r.reason === 'sold_out')).toBe(true);
      // a refusal changes nothing: every buyer's counter holds exactly what they won
      for (let b = 0; b < 40; b++) expect((await kv.counters.get(`fs:t:u:b${b}`)) ?? 0).toBe(won.filter((t) => t.buyer === b).length);
      // over the limit is told before sold out, with what the buyer's counter held
      await kv.counters.set('fs:t:left', 5);
      await kv.counters.set('fs:t:u:x', 2);
      expect(await kv.counters.attempt(keys('x'), 1, 2)).toEqual({ ok: false, reason: 'limit', held: 2 });
      expect(await kv.counters.attempt(keys('y'), 3, 2)).toEqual({ ok: false, reason: 'limit', held: 0 });
      expect(await kv.counters.attempt(keys('y'), 0, 2)).toEqual({ ok: false, reason: 'limit', held: 0 });
      expect(await kv.counters.attempt(keys('y'), 2, 2)).toEqual({ ok: true, left: 3, held: 0 });
      // sold out tells whether the buyer's corrected-counter mark is there
      await kv.counters.set('fs:t:left', 0);
      expect(await kv.counters.attempt(keys('z'), 1, 2)).toEqual({ ok: false, reason: 'sold_out', held: 0, marked: false });
      await kv.counters.set('fs:t:fixed:z', 1);
      expect(await kv.counters.attempt(keys('z'), 1, 2)).toEqual({ ok: false, reason: 'sold_out', held: 0, marked: true });
      expect(await kv.counters.get('fs:t:u:z')).toBeNull();
    });

    it('locks exclusively and releases only for the owner', async () => {
      const t1 = await kv.locks.acquire('L', 5_000);
      expect(t1).not.toBeNull();
      expect(await kv.locks.acquire('L', 5_000)).toBeNull();
      expect(await kv.locks.release('L', 'not-the-owner')).toBe(false);
      expect(await kv.locks.acquire('L', 5_000)).toBeNull();
      expect(await kv.locks.release('L', t1 ?? '')).toBe(true);
      expect(await kv.locks.acquire('L', 5_000)).not.toBeNull();
    });

    it('expires a lock after its ttl', async () => {
      expect(await kv.locks.acquire('L2', 100)).not.toBeNull();
      await sleep(250);
      expect(await kv.locks.acquire('L2', 100)).not.toBeNull();
    });

    it('publishes to every subscriber of a channel and stops after unsubscribe', async () => {
      const a: string[] = [];
      const b: string[] = [];
      const ua = await kv.pubsub.subscribe('room:1', (m) => a.push(m));
      const ub = await kv.pubsub.subscribe('room:1', (m) => b.push(m));
      const other: string[] = [];
      const uo = await kv.pubsub.subscribe('room:2', (m) => other.push(m));
      await kv.pubsub.publish('room:1', 'hello');
      await kv.pubsub.publish('room:1', '你好');
      await expect.poll(() => a.length).toBe(2);
      await expect.poll(() => b.length).toBe(2);
      expect(a).toEqual(['hello', '你好']);
      expect(other).toEqual([]);
      await ua();
      await kv.pubsub.publish('room:1', 'after');
      await expect.poll(() => b.length).toBe(3);
      expect(a).toHaveLength(2);
      await ub();
      await uo();
    });

    it('stays subscribed when the last subscriber leaves and a new one arrives at the same moment', async () => {
      for (let round = 0; round < 20; round++) {
        const got: string[] = [];
        const first = await kv.pubsub.subscribe('room:churn', () => {});
        // the old room closes while the new one opens: neither call is awaited before the other starts
        const [, next] = await Promise.all([first(), kv.pubsub.subscribe('room:churn', (m) => got.push(m))]);
        await kv.pubsub.publish('room:churn', `m${round}`);
        await expect.poll(() => got).toEqual([`m${round}`]);
        await next();
      }
    });

    it('counts hits in a fixed window and resets', async () => {
      const r1 = await kv.rateLimits.hit('ip:1', 60_000);
      const r2 = await kv.rateLimits.hit('ip:1', 60_000);
      expect(r1.count).toBe(1);
      expect(r2.count).toBe(2);
      expect(r2.resetInMs).toBeGreaterThan(0);
      expect(r2.resetInMs).toBeLessThanOrEqual(60_000);
      expect((await kv.rateLimits.hit('ip:2', 60_000)).count).toBe(1);
      expect(await kv.rateLimits.peek('ip:1')).toBe(2);
      expect(await kv.rateLimits.peek('ip:1')).toBe(2);
      expect(await kv.rateLimits.peek('never')).toBe(0);
      await kv.rateLimits.reset('ip:1');
      expect(await kv.rateLimits.peek('ip:1')).toBe(0);
      expect((await kv.rateLimits.hit('ip:1', 60_000)).count).toBe(1);
    });

    it('starts a new window when the old one has passed', async () => {
      await kv.rateLimits.hit('w', 100);
      expect((await kv.rateLimits.hit('w', 100)).count).toBe(2);
      await sleep(250);
      expect(await kv.rateLimits.peek('w')).toBe(0);
      expect((await kv.rateLimits.hit('w', 100)).count).toBe(1);
    });

    it('answers ping', async () => {
      expect(await kv.ping()).toBeGreaterThanOrEqual(0);
    });
  });
}
