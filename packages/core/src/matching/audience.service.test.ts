/**
 * The audience count's rules around the room (unit, with the memory lock store and a recording repository): once per
 * viewer and session until the key expires, never for a signed-out viewer or the room's managers or the streamer
 * itself, the dedupe key free of the user id, and a failing write reported without reaching the join.
 */
import { describe, expect, it } from 'vitest';
import type { PiiVault } from '../ports/runtime.ts';
import { MemoryLockStore } from '../shared/memory-kv.ts';
import { AUDIENCE_SEEN_TTL_MS, type AudienceIncrement, type ViewerRecord } from './audience.rules.ts';
import { type AudienceDeps, AudienceService } from './audience.service.ts';

const STREAMER = 'streamer-1';

function setUp(opts: { fail?: boolean } = {}) {
  let now = new Date('2026-06-15T12:00:00Z');
  const clock = { now: () => now };
  const locks = new MemoryLockStore(clock);
  const keys: string[] = [];
  const seen = {
    acquire: (key: string, ttl: number) => {
      keys.push(key);
      return locks.acquire(key, ttl);
    },
    release: (key: string, token: string) => locks.release(key, token),
  };
  const writes: Array<{ streamer: string; inc: AudienceIncrement }> = [];
  const viewers: Record<string, ViewerRecord> = {
    'u-verified': { birthYear: 2010, gender: 'female', defaultRegion: '上海市 嘉定区' },
    'u-plain': { birthYear: null, gender: null, defaultRegion: '江苏省 苏州市' },
  };
  const matching = {
    viewerRecord: async (id: string) => viewers[id] ?? { birthYear: null, gender: null, defaultRegion: null },
    incrementAudience: async (streamer: string, inc: AudienceIncrement) => {
      if (opts.fail) throw new Error('database down');
      writes.push({ streamer, inc });
    },
  };
  const uow = {
    read: { matching, live: { findSession: async (id: string) => (id === 'gone' ? null : { id, streamerUserId: STREAMER }) } },
    transaction: async <T>(fn: (tx: { matching: typeof matching }) => Promise<T>) => fn({ matching }),
  } as unknown as AudienceDeps['uow'];
  const vault: PiiVault = { encrypt: (x) => x, decrypt: (x) => x, blindIndex: (x) => `h(${x.length})${x.split('').reverse().join('')}` };
  const errors: unknown[] = [];
  const service = new AudienceService({
    uow,
    clock,
    vault,
    audit: {} as AudienceDeps['audit'],
    seen,
    identity: { name: 'test', verify: async () => ({ matched: true }) },
    onError: (e) => errors.push(e),
  });
  return { service, writes, keys, errors, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('counting a join', () => {
  it('counts a viewer once per session; another session counts again; after the TTL it counts again', async () => {
    const t = setUp();
    for (const s of ['s1', 's1', 's2']) t.service.joined(s, { userId: 'u-verified', canManage: false });
    await t.service.idle();
    expect(t.writes).toHaveLength(2);
    expect(t.writes[0]).toEqual({
      streamer: STREAMER,
      inc: { viewers: 1, female: 1, male: 0, band: 'under18', province: '310000' },
    });
    t.advance(AUDIENCE_SEEN_TTL_MS + 1);
    t.service.joined('s1', { userId: 'u-verified', canManage: false });
    await t.service.idle();
    expect(t.writes).toHaveLength(3);
  });

  it('an unverified viewer is a viewer only; a guest, a manager and the streamer are not counted', async () => {
    const t = setUp();
    t.service.joined('s1', { userId: 'u-plain', canManage: false });
    t.service.joined('s1', { userId: null, canManage: false });
    t.service.joined('s1', { userId: 'u-mod', canManage: true });
    t.service.joined('s1', { userId: STREAMER, canManage: false });
    t.service.joined('gone', { userId: 'u-verified', canManage: false });
    await t.service.idle();
    expect(t.writes.map((w) => w.inc)).toEqual([{ viewers: 1, female: 0, male: 0, band: null, province: null }]);
  });

  it('keeps the user id out of the dedupe key', async () => {
    const t = setUp();
    t.service.joined('s1', { userId: 'u-verified', canManage: false });
    await t.service.idle();
    expect(t.keys).toHaveLength(1);
    expect(t.keys[0]).toMatch(/^audience:seen:s1:/);
    expect(t.keys[0]).not.toContain('u-verified');
  });

  it('a failing write is reported, never thrown at the room', async () => {
    const t = setUp({ fail: true });
    expect(() => t.service.joined('s1', { userId: 'u-verified', canManage: false })).not.toThrow();
    await t.service.idle();
    expect(t.errors).toHaveLength(1);
    expect(String(t.errors[0])).toContain('database down');
  });
});
