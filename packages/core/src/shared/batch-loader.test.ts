import { describe, expect, it } from 'vitest';
import { BatchLoader } from './batch-loader.ts';

function loader(opts: { maxBatch?: number; fail?: (keys: number[]) => boolean } = {}) {
  const calls: number[][] = [];
  let release: (() => void) | null = null;
  const l = new BatchLoader<number, string>(async (keys) => {
    calls.push([...keys]);
    if (calls.length === 1) await new Promise<void>((r) => (release = r)); // the first batch is held open
    if (opts.fail?.(keys)) throw new Error('down');
    return new Map(keys.filter((k) => k % 2 === 0).map((k) => [k, `v${k}`]));
  }, opts.maxBatch);
  return { l, calls, release: () => release?.() };
}

describe('BatchLoader', () => {
  it('fetches a lone key by itself and resolves misses to null', async () => {
    const { l, calls, release } = loader();
    const a = l.load(2);
    await new Promise((r) => setImmediate(r));
    release();
    expect(await a).toBe('v2');
    expect(await l.load(3)).toBeNull();
    expect(calls).toEqual([[2], [3]]);
  });

  it('sends the keys asked for while a batch is in flight together in the next, sharing duplicates', async () => {
    const { l, calls, release } = loader();
    const first = l.load(0);
    await new Promise((r) => setImmediate(r));
    const rest = [l.load(2), l.load(4), l.load(4), l.load(5), l.load(0)];
    release();
    expect(await first).toBe('v0');
    expect(await Promise.all(rest)).toEqual(['v2', 'v4', 'v4', null, 'v0']);
    expect(calls[0]).toEqual([0]);
    // 0 joined the first batch's flight; 2, 4 and 5 went once each in the second
    expect(calls[1]).toEqual([2, 4, 5]);
    expect(calls).toHaveLength(2);
  });

  it('splits what waits into batches of at most maxBatch', async () => {
    const { l, calls, release } = loader({ maxBatch: 3 });
    const first = l.load(100);
    await new Promise((r) => setImmediate(r));
    const rest = Array.from({ length: 7 }, (_, i) => l.load(i * 2));
    release();
    await first;
    expect(await Promise.all(rest)).toEqual([0, 2, 4, 6, 8, 10, 12].map((k) => `v${k}`));
    expect(calls.slice(1).map((c) => c.length)).toEqual([3, 3, 1]);
  });

  it('rejects every waiter of a failed batch, and the next batch still runs', async () => {
    const { l, release } = loader({ fail: (keys) => keys.includes(7) });
    const first = l.load(7);
    await new Promise((r) => setImmediate(r));
    const joined = l.load(7);
    release();
    await expect(first).rejects.toThrow('down');
    await expect(joined).rejects.toThrow('down');
    expect(await l.load(8)).toBe('v8');
  });
});
