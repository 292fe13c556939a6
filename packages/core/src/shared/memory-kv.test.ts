import { kvContract } from '@livehub/testing/kv-contract';
import { describe, expect, it } from 'vitest';
import { createMemoryKv, MemoryLockStore } from './memory-kv.ts';

kvContract('memory (unit)', async () => {
  const kv = createMemoryKv();
  return { kv, drop: () => kv.close() };
});

describe('MemoryLockStore', () => {
  it('sweeps expired locks as it grows (keys taken once, e.g. one per viewer and session, do not pile up)', async () => {
    let t = Date.parse('2026-12-01T00:00:00Z');
    const locks = new MemoryLockStore({ now: () => new Date(t) });
    for (let i = 0; i < 9_999; i++) expect(await locks.acquire(`seen:${i}`, 1_000)).not.toBeNull();
    expect(locks.size).toBe(9_999);
    t += 2_000; // the 9,999 have expired: the next lock taken reaches the mark and sweeps them
    const live = await locks.acquire('live', 60_000);
    expect(locks.size).toBe(1);
    expect(await locks.acquire('live', 60_000)).toBeNull();
    expect(await locks.acquire('seen:1', 1_000)).not.toBeNull();
    expect(await locks.release('live', live as string)).toBe(true);
  });
});
