/**
 * The outbox dispatcher against the real database and pub/sub: events go out on events:<topic> oldest first and
 * are marked published; a pass that cannot hand an event on stops there and the next pass starts from it, in
 * order; a batch consumer gets a pass's events of its topics together, in order, and when it throws, one at a time,
 * so the pass stops before the first it cannot take; a second dispatcher (another process) waits while one holds
 * the lock.
 */
import { eventsChannel, type OutboxEvent, OutboxDispatcher } from '@livehub/core';
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;

beforeAll(async () => {
  p = await createTestPlatform();
  // whatever the platform wrote while starting goes first
  while ((await p.c.outbox.dispatch()).pending);
});
afterAll(async () => p?.close());

async function write(topic: string, n: number, t0: number): Promise<string[]> {
  const ids: string[] = [];
  await p.c.uow.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const id = p.c.ids.next();
      ids.push(id);
      await tx.outbox.add({ id, topic, payload: { i }, createdAt: new Date(t0 + i), publishedAt: null });
    }
  });
  return ids;
}

describe('outbox dispatcher', () => {
  it('hands events on in order on events:<topic> and marks them published', async () => {
    const got: OutboxEvent[] = [];
    const off = await p.c.kv.pubsub.subscribe(eventsChannel('test.thing'), (m) => got.push(JSON.parse(m) as OutboxEvent));
    const ids = await write('test.thing', 120, Date.now());
    const first = await p.c.outbox.dispatch(100);
    expect(first).toMatchObject({ published: 100, pending: true, error: null });
    const second = await p.c.outbox.dispatch(100);
    expect(second).toMatchObject({ published: 20, pending: false, error: null });
    for (let i = 0; i < 50 && got.length < 120; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got.map((e) => e.id)).toEqual(ids);
    expect(got[7]?.payload).toEqual({ i: 7 });
    expect(await p.c.uow.read.outbox.pending(10)).toEqual([]);
    expect((await p.c.outbox.dispatch()).published).toBe(0);
    await off();
  });

  it('stops at an event it cannot hand on and starts from it next time', async () => {
    const d = new OutboxDispatcher({ uow: p.c.uow, pubsub: p.c.kv.pubsub, locks: p.c.kv.locks, clock: p.c.clock });
    const handled: number[] = [];
    let broken = true;
    d.on('test.flaky', async (e) => {
      const i = e.payload.i as number;
      if (i === 3 && broken) throw new Error('consumer down');
      handled.push(i);
    });
    await write('test.flaky', 6, Date.now());
    const failed = await d.dispatch();
    expect(failed.published).toBe(3);
    expect(failed.error).toMatch(/test\.flaky .*consumer down/);
    expect((await p.c.uow.read.outbox.pending(10)).map((e) => e.payload.i)).toEqual([3, 4, 5]);
    broken = false;
    expect((await d.dispatch()).published).toBe(3);
    expect(handled).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('hands a batch consumer the pass at once, and one at a time to stop before the event it cannot take', async () => {
    const d = new OutboxDispatcher({ uow: p.c.uow, pubsub: p.c.kv.pubsub, locks: p.c.kv.locks, clock: p.c.clock });
    const calls: number[][] = [];
    const handled: number[] = [];
    let broken = true;
    d.onBatch(['test.batch.a', 'test.batch.b'], async (events) => {
      const is = events.map((e) => `${e.topic.slice(-1)}${e.payload.i as number}`);
      calls.push(events.map((e) => e.payload.i as number));
      if (broken && is.includes('b2')) throw new Error('consumer down');
      handled.push(...events.map((e) => e.payload.i as number));
    });
    const t0 = Date.now();
    await write('test.batch.a', 2, t0); // a0 a1
    await write('test.batch.other', 1, t0 + 10); // not the consumer's topic
    await write('test.batch.b', 4, t0 + 20); // b0 … b3
    const failed = await d.dispatch();
    // the whole pass first, then one at a time up to b2, which it cannot take: a0 a1, the other, b0 b1 are published
    expect(calls).toEqual([[0, 1, 0, 1, 2, 3], [0], [1], [0], [1], [2]]);
    expect(failed.published).toBe(5);
    expect(failed.error).toMatch(/test\.batch\.b .*consumer down/);
    expect((await p.c.uow.read.outbox.pending(10)).map((e) => `${e.topic}:${e.payload.i}`)).toEqual(['test.batch.b:2', 'test.batch.b:3']);
    broken = false;
    calls.length = 0;
    expect(await d.dispatch()).toMatchObject({ published: 2, error: null });
    expect(calls).toEqual([[2, 3]]);
    expect(handled).toEqual([0, 1, 0, 1, 2, 3]);
  });

  it('lets one process dispatch at a time', async () => {
    const token = await p.c.kv.locks.acquire('outbox:dispatch', 5000);
    expect(token).not.toBeNull();
    await write('test.locked', 2, Date.now());
    expect(await p.c.outbox.dispatch()).toMatchObject({ published: 0, pending: true });
    await p.c.kv.locks.release('outbox:dispatch', token as string);
    expect((await p.c.outbox.dispatch()).published).toBe(2);
  });
});
