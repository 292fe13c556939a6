/**
 * The sold-out board (ADR 0011): two boards sharing one counter store and one pub/sub channel stand for two
 * processes on one Redis. A mark refuses only after the winners' keys are known, never a winner's key, only within
 * its trust window, and every restock drops it everywhere.
 */
import { describe, expect, it } from 'vitest';
import { MemoryCounterStore, MemoryPubSub } from '../shared/memory-kv.ts';
import { flashSaleKeys } from './flash-sale.rules.ts';
import { SoldOutBoard } from './sold-out-board.ts';

const SALE = '00000000-0000-4000-8000-000000000001';
const FAR = new Date(Date.now() + 3_600_000);

function setup(winnerKeys: string[] = []) {
  const counters = new MemoryCounterStore();
  const pubsub = new MemoryPubSub();
  let t = 1_000_000;
  let loads = 0;
  const make = () =>
    new SoldOutBoard({
      counters,
      pubsub,
      leftKey: flashSaleKeys.left,
      loadKeys: async () => {
        loads++;
        return winnerKeys;
      },
      ttlMs: 1000,
      now: () => t,
      saleNow: () => Date.now(),
    });
  return {
    counters,
    a: make(),
    b: make(),
    advance: (ms: number) => {
      t += ms;
    },
    loads: () => loads,
  };
}

/** Lets queued microtasks and promise chains (pub/sub delivery, key loads) run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('SoldOutBoard', () => {
  it('refuses once the winners’ keys are known, and never a winner’s key', async () => {
    const { a, counters } = setup(['winner-key-1']);
    await counters.set(flashSaleKeys.left(SALE), 0);
    a.noteWinnerKey(SALE, 'winner-key-local');
    a.soldOut(SALE, FAR, a.epoch(SALE));
    expect(a.refuses(SALE, undefined)).toBe(false); // keys still loading
    await settle();
    expect(a.refuses(SALE, undefined)).toBe(true);
    expect(a.refuses(SALE, 'a-loser-key')).toBe(true);
    expect(a.refuses(SALE, 'winner-key-1')).toBe(false);
    expect(a.refuses(SALE, 'winner-key-local')).toBe(false);
    expect(a.refuses('00000000-0000-4000-8000-000000000002', undefined)).toBe(false);
  });

  it('tells the other process of a sold-out sale and of a restock', async () => {
    const { a, b, counters } = setup();
    await Promise.all([a.start(), b.start()]);
    await counters.set(flashSaleKeys.left(SALE), 0);
    a.soldOut(SALE, FAR, a.epoch(SALE));
    await settle();
    await settle();
    expect(b.refuses(SALE, undefined)).toBe(true);
    a.restocked(SALE);
    await settle();
    expect(a.refuses(SALE, undefined)).toBe(false);
    expect(b.refuses(SALE, undefined)).toBe(false);
    expect(b.isMarked(SALE)).toBe(false);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('ignores a sold-out answer that began before a restock', async () => {
    const { a } = setup();
    const before = a.epoch(SALE);
    a.restocked(SALE);
    a.soldOut(SALE, FAR, before);
    await settle();
    expect(a.isMarked(SALE)).toBe(false);
  });

  it('trusts a mark for its window only; the re-check renews it from the counter or drops it', async () => {
    const { a, counters, advance, loads } = setup();
    await counters.set(flashSaleKeys.left(SALE), 0);
    a.soldOut(SALE, FAR, a.epoch(SALE));
    await settle();
    // past half the window the next answer asks the counter again: still none left, so the mark is renewed
    advance(600);
    expect(a.refuses(SALE, undefined)).toBe(true);
    await settle();
    advance(600);
    expect(a.refuses(SALE, undefined)).toBe(true);
    expect(loads()).toBeGreaterThanOrEqual(2);
    await settle();
    // a unit came back where no message reached this process: the re-check finds it and the mark goes
    await counters.set(flashSaleKeys.left(SALE), 1);
    advance(600);
    a.refuses(SALE, undefined);
    await settle();
    expect(a.refuses(SALE, undefined)).toBe(false);
    expect(a.isMarked(SALE)).toBe(false);
    // a mark nobody re-checked (no attempts came) is not trusted after its window
    await counters.set(flashSaleKeys.left(SALE), 0);
    a.soldOut(SALE, FAR, a.epoch(SALE));
    await settle();
    advance(1000);
    expect(a.refuses(SALE, undefined)).toBe(false);
  });

  it('does not refuse after the sale’s end, nor once the sale ended anywhere', async () => {
    const { a, b, counters } = setup();
    await Promise.all([a.start(), b.start()]);
    await counters.set(flashSaleKeys.left(SALE), 0);
    a.soldOut(SALE, new Date(Date.now() - 1), a.epoch(SALE));
    await settle();
    expect(a.refuses(SALE, undefined)).toBe(false);
    a.soldOut(SALE, FAR, a.epoch(SALE));
    await settle();
    a.ended(SALE);
    await settle();
    expect(b.isMarked(SALE)).toBe(false);
    expect(a.isMarked(SALE)).toBe(false);
    await Promise.all([a.stop(), b.stop()]);
  });
});
