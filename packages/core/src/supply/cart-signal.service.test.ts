import { describe, expect, it } from 'vitest';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { MemoryLockStore, MemoryPubSub } from '../shared/memory-kv.ts';
import { CART_ADD_TOPIC, CartSignalService } from './cart-signal.service.ts';
import type { DemandSource } from './demand-source.port.ts';
import type { DemandSession } from './supply.types.ts';

const START = new Date('2026-12-01T12:00:00Z');
const viewer = (userId: string): Actor => ({ userId, orgId: null, membershipId: null, role: 'consumer', label: userId, via: 'session' });

function setUp(session: Partial<DemandSession> = {}) {
  let now = new Date(START.getTime() + 90_000);
  const clock: Clock = { now: () => now };
  const adds: Array<{ sessionId: string; skuId: string; minute: number }> = [];
  const keys: string[] = [];
  const locks = new MemoryLockStore(clock);
  const seen = {
    acquire: (key: string, ttl: number) => {
      keys.push(key);
      return locks.acquire(key, ttl);
    },
    release: (key: string, token: string) => locks.release(key, token),
  };
  const s: DemandSession = {
    id: 's1',
    title: '直播',
    streamerUserId: 'streamer',
    status: 'live',
    startedAt: START,
    products: [{ productId: 'p1', merchantOrgId: 'm1' }],
    ...session,
  };
  const source: DemandSource = {
    liveSessions: async () => [s],
    session: async (id) => (id === s.id ? s : null),
    sessionLines: async () => [],
    skus: async (productIds) => (productIds.includes('p1') ? [{ id: 'k1', productId: 'p1', name: '标准款', stock: 5 }] : []),
  };
  const tx = {
    supply: { addCart: async (sessionId: string, skuId: string, minute: number) => void adds.push({ sessionId, skuId, minute }) },
  };
  const uow = { transaction: async <T>(fn: (t: typeof tx) => Promise<T>) => fn(tx) } as unknown as ScopedUnitOfWork<'supply'>;
  const pubsub = new MemoryPubSub();
  const nudges: string[] = [];
  const service = new CartSignalService({
    uow,
    clock,
    vault: { blindIndex: (plain) => `h(${plain.length})${plain.split('').reverse().join('')}` },
    seen,
    source,
    pubsub,
    eventsChannel: (t) => `events:${t}`,
  });
  return {
    service,
    adds,
    keys,
    nudges,
    pubsub,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('CartSignalService', () => {
  it('counts a viewer once per SKU per session minute, in the minute the board shows', async () => {
    const t = setUp();
    await t.pubsub.subscribe(`events:${CART_ADD_TOPIC}`, (m) => t.nudges.push(m));
    expect(await t.service.add(viewer('u1'), 's1', 'k1')).toEqual({ sessionId: 's1', skuId: 'k1', minute: 1, counted: true });
    expect(await t.service.add(viewer('u1'), 's1', 'k1')).toMatchObject({ minute: 1, counted: false });
    expect(await t.service.add(viewer('u2'), 's1', 'k1')).toMatchObject({ minute: 1, counted: true });
    t.advance(60_000);
    expect(await t.service.add(viewer('u1'), 's1', 'k1')).toMatchObject({ minute: 2, counted: true });
    expect(t.adds).toEqual([
      { sessionId: 's1', skuId: 'k1', minute: 1 },
      { sessionId: 's1', skuId: 'k1', minute: 1 },
      { sessionId: 's1', skuId: 'k1', minute: 2 },
    ]);
    await Promise.resolve();
    expect(t.nudges).toHaveLength(3);
  });

  it('never names the viewer in the repeat key', async () => {
    const t = setUp();
    await t.service.add(viewer('viewer-7f3a'), 's1', 'k1');
    expect(t.keys).toHaveLength(1);
    expect(t.keys[0]).not.toContain('viewer-7f3a');
    expect(t.keys[0]?.startsWith('cart:seen:s1:')).toBe(true);
  });

  it('refuses an unknown session, a session not live and a SKU not on sale there, counting nothing', async () => {
    const t = setUp();
    await expect(t.service.add(viewer('u1'), 'nope', 'k1')).rejects.toMatchObject({ code: 'supply.cart_session_not_found', field: 'id' });
    await expect(t.service.add(viewer('u1'), 's1', 'k9')).rejects.toMatchObject({ code: 'supply.sku_not_on_sale', field: 'skuId' });
    const ended = setUp({ status: 'ended' });
    await expect(ended.service.add(viewer('u1'), 's1', 'k1')).rejects.toMatchObject({ code: 'supply.cart_session_not_live', field: 'id' });
    await expect(t.service.add({ ...viewer('u1'), userId: null }, 's1', 'k1')).rejects.toMatchObject({ code: 'auth.required' });
    expect([...t.adds, ...ended.adds]).toEqual([]);
    expect([...t.keys, ...ended.keys]).toEqual([]);
  });
});
