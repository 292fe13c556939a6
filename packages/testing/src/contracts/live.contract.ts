/**
 * Contract cases of the live port (直播场次): sessions moved only from the version read, filtered lists newest
 * first, the products on a session, and recordings whose retention only ever grows.
 */
import type { LiveSessionProductRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, liveSession, product, type Row, storedOrg, storedUser, user, uuid } from './fixtures.ts';

export function liveCases(db: ContractDb): void {
  it('moves a session only from the version read and filters sessions by streamer, MCN and status, newest first', async () => {
    const r = db.r();
    const mcn = await storedOrg(r, { kind: 'mcn' });
    const [s1, s2] = [user(), user()];
    await r.users.insertMany([s1, s2]);
    const early = liveSession(s1.id, { mcnOrgId: mcn.id, scheduledAt: at(1) });
    const late = liveSession(s1.id, { scheduledAt: at(5), coHostUserIds: [s2.id] });
    const theirs = liveSession(s2.id, { mcnOrgId: mcn.id, scheduledAt: at(3) });
    for (const s of [early, late, theirs]) await r.live.insertSession(s);
    expect(await r.live.findSession(late.id)).toEqual(late);
    expect(await r.live.findSession(uuid())).toBeNull();
    expect((await r.live.listSessions({ streamerUserId: s1.id, limit: 10 })).map((s) => s.id)).toEqual([late.id, early.id]);
    expect((await r.live.listSessions({ mcnOrgId: mcn.id, limit: 10 })).map((s) => s.id)).toEqual([theirs.id, early.id]);
    const started = { ...early, status: 'live' as const, startedAt: at(1), version: 2, updatedAt: at(1) };
    expect(await r.live.updateSession(started, 1)).toBe(true);
    expect(await r.live.updateSession({ ...early, status: 'cancelled' as const, version: 2 }, 1)).toBe(false);
    expect(await r.live.findSession(early.id)).toEqual(started);
    expect((await r.live.listSessions({ streamerUserId: s1.id, status: ['live'], limit: 10 })).map((s) => s.id)).toEqual([early.id]);
    expect((await r.live.listSessions({ streamerUserId: s1.id, limit: 1 })).map((s) => s.id)).toEqual([late.id]);
  });

  it("replaces a session's products, in order, once each, and pins one", async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const s = await storedUser(r);
    const session = liveSession(s.id);
    await r.live.insertSession(session);
    const [p1, p2, p3] = [product(m.id), product(m.id), product(m.id)];
    for (const p of [p1, p2, p3]) await r.catalog.insertProduct(p);
    const line = (productId: string, sort: number): LiveSessionProductRecord => ({
      sessionId: session.id,
      productId,
      merchantOrgId: m.id,
      agreementId: null,
      sort,
    });
    await r.live.replaceProducts(session.id, [line(p2.id, 2), line(p1.id, 1)]);
    expect((await r.live.listProducts(session.id)).map((x) => x.productId)).toEqual([p1.id, p2.id]);
    await r.live.replaceProducts(session.id, [line(p3.id, 1)]);
    expect(await r.live.listProducts(session.id)).toEqual([line(p3.id, 1)]);
    await expect(r.live.replaceProducts(session.id, [line(p1.id, 1), line(p1.id, 2)])).rejects.toThrow();
    await r.live.setPinned(session.id, p3.id);
    expect((await r.live.findSession(session.id))?.pinnedProductId).toBe(p3.id);
    await r.live.setPinned(session.id, null);
    expect((await r.live.findSession(session.id))?.pinnedProductId).toBeNull();
    await r.live.replaceProducts(session.id, []);
    expect(await r.live.listProducts(session.id)).toEqual([]);
  });

  it('keeps recordings oldest first and only ever raises their retention', async () => {
    const r = db.r();
    const s = await storedUser(r);
    const session = liveSession(s.id);
    await r.live.insertSession(session);
    const rec = (h: number, retainUntil: Date): Row<'live', 'insertRecording'> => ({
      id: uuid(),
      sessionId: session.id,
      source: 'embedded',
      filePath: `recordings/${uuid()}.flv`,
      startedAt: at(h),
      endedAt: null,
      bytes: null,
      sha256: null,
      retainUntil,
      createdAt: at(h),
    });
    const [second, first] = [rec(2, at(24 * 365 * 4)), rec(1, at(24 * 365 * 3))];
    await r.live.insertRecording(second);
    await r.live.insertRecording(first);
    expect(await r.live.findRecording(first.id)).toEqual(first);
    expect((await r.live.listRecordings(session.id)).map((x) => x.id)).toEqual([first.id, second.id]);
    const closed = { ...first, endedAt: at(3), bytes: 1_048_576, sha256: 'b'.repeat(64) };
    await r.live.updateRecording(closed);
    expect(await r.live.findRecording(first.id)).toEqual(closed);
    const until = at(24 * 365 * 3 + 24);
    await r.live.extendRecordingRetention(session.id, until);
    const after = new Map((await r.live.listRecordings(session.id)).map((x) => [x.id, x.retainUntil.toISOString()]));
    expect(after.get(first.id)).toBe(until.toISOString());
    expect(after.get(second.id)).toBe(second.retainUntil.toISOString());
  });
}
