/**
 * PGlite runs queries on the event loop's own thread. With many queries queued, the next one used to start in a
 * microtask as the last one finished, so the event loop reached no I/O — no request read, no health check answered —
 * until the whole queue had drained. Each query outside a transaction now yields a macrotask turn first: work
 * scheduled on the event loop (a socket read, a timer, here a setImmediate) runs between queued queries.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.ts';

describe('PGlite under a queue of queries', () => {
  it('lets the event loop turn between queued queries', async () => {
    const db = await openDatabase({ migrate: false });
    try {
      // 50 requests in flight, each running its 20 queries one after another (as a request's handler does)
      const REQUESTS = 50;
      const QUERIES = 20;
      let finished = 0;
      const request = async () => {
        for (let i = 0; i < QUERIES; i++) {
          await db.exec('select 1 as one');
          finished++;
        }
      };
      // the event loop's next timers phase, where it would also read sockets: how many queries had run by then?
      const seenAtNextTurn = new Promise<number>((resolve) => setTimeout(() => resolve(finished), 0));
      await Promise.all(Array.from({ length: REQUESTS }, request));
      expect(finished).toBe(REQUESTS * QUERIES);
      expect(await seenAtNextTurn).toBeLessThan((REQUESTS * QUERIES) / 2);
    } finally {
      await db.close();
    }
  });
});
