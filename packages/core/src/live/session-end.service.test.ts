import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import { SessionEndService } from './session-end.service.ts';
import type { SessionDetail, SessionListing } from './live.types.ts';

describe('SessionEndService', () => {
  it('ends the session, tells the room, then records the room counters with the orders and GMV, and describes it', async () => {
    const calls: string[] = [];
    const recorded: unknown[] = [];
    const service = new SessionEndService({
      live: {
        end: async (_actor, id, reason) => {
          calls.push(`end ${id} ${reason}`);
          return { session: { id } } as unknown as SessionDetail;
        },
        recordStats: async (id, stats) => {
          calls.push(`stats ${id}`);
          recorded.push(stats);
        },
        getDescribed: async (_actor, id) => {
          calls.push(`describe ${id}`);
          return { id } as unknown as SessionListing;
        },
      },
      rooms: {
        end: async (id) => {
          calls.push(`room ended ${id}`);
        },
        stats: async () => ({ viewers: 0, peakViewers: 120, avgViewers: 80, chatMessages: 900 }),
      },
      totals: { sessionTotals: async () => ({ orders: 7, gmvFen: 123_400 }) },
    });
    const listing = await service.end(SYSTEM_ACTOR, 's1', '违规下播');
    expect(listing).toEqual({ id: 's1' });
    expect(calls).toEqual(['end s1 违规下播', 'room ended s1', 'stats s1', 'describe s1']);
    expect(recorded).toEqual([{ viewers: 0, peakViewers: 120, avgViewers: 80, chatMessages: 900, orders: 7, gmvFen: 123_400 }]);
  });

  it('tells no room and records nothing when the session cannot be ended', async () => {
    const calls: string[] = [];
    const service = new SessionEndService({
      live: {
        end: async () => {
          throw new Error('live.not_active');
        },
        recordStats: async () => {
          calls.push('stats');
        },
        getDescribed: async () => ({}) as SessionListing,
      },
      rooms: {
        end: async () => {
          calls.push('room');
        },
        stats: async () => ({ viewers: 0, peakViewers: 0, avgViewers: 0, chatMessages: 0 }),
      },
      totals: { sessionTotals: async () => ({ orders: 0, gmvFen: 0 }) },
    });
    await expect(service.end(SYSTEM_ACTOR, 's1')).rejects.toThrow('live.not_active');
    expect(calls).toEqual([]);
  });
});
