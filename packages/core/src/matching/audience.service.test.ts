/**
 * The audience count's rules around the room (unit, with the memory lock store and a recording repository): once per
 * viewer and session until the key expires, never for a signed-out viewer or the room's managers or the streamer
 * itself, the dedupe key free of the user id, and a failing write reported without reaching the join.
 */
import { describe, expect, it } from 'vitest';
import type { PiiVault } from '../ports/runtime.ts';
import { idNumberCheckChar } from '../registry/identifiers.ts';
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

describe('实名认证 through the identity port (二要素)', () => {
  const body = '32050619900315102';
  const idNumber = body + idNumberCheckChar(body);
  const wrongCheck = body + (idNumberCheckChar(body) === '1' ? '2' : '1');

  function withVerifier(verify: () => Promise<{ matched: true } | { matched: false; reason: 'mismatch' | 'no_record' }>) {
    const saved: unknown[] = [];
    const asked: Array<{ name: string; idNumber: string }> = [];
    const matching = {
      saveConsumerProfile: async (p: unknown) => void saved.push(p),
      findConsumerProfile: async () => null,
      viewerRecord: async () => ({ birthYear: null, gender: null, defaultRegion: null }),
    };
    const uow = {
      read: { matching },
      transaction: async <T>(fn: (tx: { matching: typeof matching }) => Promise<T>) => fn({ matching }),
    } as unknown as AudienceDeps['uow'];
    const errors: unknown[] = [];
    const service = new AudienceService({
      uow,
      clock: { now: () => new Date('2026-06-15T12:00:00Z') },
      vault: { encrypt: (x) => x, decrypt: (x) => x, blindIndex: (x) => x },
      audit: { record: async () => {} } as unknown as AudienceDeps['audit'],
      seen: new MemoryLockStore({ now: () => new Date() }),
      identity: {
        name: 'test',
        verify: async (req) => {
          asked.push(req);
          return verify();
        },
      },
      onError: (e) => errors.push(e),
    });
    const actor = { userId: 'u-1', label: 'u', orgId: null, membershipId: null, role: 'consumer', via: 'session' } as const;
    return { service, saved, asked, errors, actor };
  }

  it('asks with the trimmed name and the normalised number, and stores the profile on 一致', async () => {
    const t = withVerifier(async () => ({ matched: true }));
    await t.service.verify(t.actor as never, { name: ' 陈小红 ', idNumber: idNumber.toLowerCase(), consent: true });
    expect(t.asked).toEqual([{ name: '陈小红', idNumber }]);
    expect(t.saved).toHaveLength(1);
  });

  it('refuses 不一致 on name and 库中无此号 on idNumber, storing nothing', async () => {
    const mismatch = withVerifier(async () => ({ matched: false, reason: 'mismatch' }));
    await expect(mismatch.service.verify(mismatch.actor as never, { name: '张不符', idNumber, consent: true })).rejects.toMatchObject({
      code: 'matching.identity_mismatch',
      field: 'name',
    });
    const none = withVerifier(async () => ({ matched: false, reason: 'no_record' }));
    await expect(none.service.verify(none.actor as never, { name: '陈小红', idNumber, consent: true })).rejects.toMatchObject({
      code: 'matching.identity_no_record',
      field: 'idNumber',
    });
    expect([...mismatch.saved, ...none.saved]).toHaveLength(0);
  });

  it('turns no answer into the retryable 503 with the seconds to wait, storing nothing; a bad number never reaches the port', async () => {
    const t = withVerifier(async () => {
      throw new Error('connect ETIMEDOUT');
    });
    await expect(t.service.verify(t.actor as never, { name: '陈小红', idNumber, consent: true })).rejects.toMatchObject({
      code: 'matching.identity_unavailable',
      kind: 'unavailable',
      details: { seconds: 5 },
    });
    expect(t.saved).toHaveLength(0);
    expect(t.errors).toHaveLength(1);
    await expect(t.service.verify(t.actor as never, { name: '陈小红', idNumber: wrongCheck, consent: true })).rejects.toMatchObject({
      code: 'registry.id_number_invalid',
    });
    expect(t.asked).toHaveLength(1);
  });
});
