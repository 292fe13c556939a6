/**
 * Contract cases of the infringement notices' port (知识产权保护, supervision): compare-and-set moves, one open notice
 * per product and mark (a closed one does not count), lists by party, side, status and mark newest first, the lapsed
 * counter-notices strictly past their deadline, and the log in order.
 */
import type { IpNoticeRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { type ContractDb, uuid } from './fixtures.ts';

const notice = (over: Partial<IpNoticeRecord> = {}): IpNoticeRecord => {
  const id = uuid();
  return {
    id,
    noticeNo: `IPN-20261201-${id.slice(-6)}`,
    status: 'taken_down',
    statusSince: new Date('2026-12-01T02:00:00Z'),
    brandId: uuid(),
    productId: uuid(),
    merchantOrgId: uuid(),
    holderOrgId: uuid(),
    filedByRole: 'holder',
    filedByOrgId: uuid(),
    filedByUserId: uuid(),
    statement: '该商品使用注册商标，系假冒商品。',
    evidenceDocumentIds: [uuid()],
    takenDown: true,
    counterStatement: null,
    counterEvidenceDocumentIds: [],
    counterForwardedAt: null,
    actionDueAt: null,
    actionKind: null,
    actionReference: null,
    actionEvidenceDocumentIds: [],
    closingReason: null,
    filedAt: new Date('2026-12-01T02:00:00Z'),
    updatedAt: new Date('2026-12-01T02:00:00Z'),
    version: 1,
    ...over,
  };
};

export function ipNoticeCases(db: ContractDb): void {
  it('stores a notice, moves it by version, and keeps one open notice per product and mark', async () => {
    const r = db.r();
    const first = notice();
    await r.ipNotices.insertNotice(first);
    expect(await r.ipNotices.findNotice(first.id)).toEqual(first);
    expect(await r.ipNotices.findNotice(uuid())).toBeNull();
    expect(await r.ipNotices.openNoticeOf(first.productId, first.brandId)).toEqual(first);
    expect(await r.ipNotices.openNoticeOf(first.productId, uuid())).toBeNull();
    await expect(r.ipNotices.insertNotice(notice({ productId: first.productId, brandId: first.brandId }))).rejects.toThrow();
    const closed = { ...first, status: 'withdrawn' as const, closingReason: '撤回', version: 2 };
    expect(await r.ipNotices.updateNotice(closed, 1)).toBe(true);
    expect(await r.ipNotices.updateNotice({ ...closed, version: 3 }, 1)).toBe(false);
    expect(await r.ipNotices.findNotice(first.id)).toEqual(closed);
    expect(await r.ipNotices.openNoticeOf(first.productId, first.brandId)).toBeNull();
    // closed: a new notice on the same product and mark is allowed
    await r.ipNotices.insertNotice(notice({ productId: first.productId, brandId: first.brandId }));
  });

  it('lists by side, party, status and mark newest first; finds the lapsed; keeps the log in order', async () => {
    const r = db.r();
    const holder = uuid();
    const merchant = uuid();
    const brand = uuid();
    const older = notice({ filedByOrgId: holder, holderOrgId: holder, merchantOrgId: merchant, brandId: brand });
    const newer = notice({
      filedByOrgId: uuid(),
      holderOrgId: holder,
      filedByRole: 'office',
      merchantOrgId: uuid(),
      status: 'countered',
      actionDueAt: new Date('2026-12-16T16:00:00Z'),
      filedAt: new Date('2026-12-02T02:00:00Z'),
    });
    for (const x of [older, newer]) await r.ipNotices.insertNotice(x);
    const ids = (xs: IpNoticeRecord[]) => xs.map((x) => x.id);
    expect(ids(await r.ipNotices.listNotices({ filedByOrgId: holder, limit: 10 }))).toEqual([newer.id, older.id]);
    expect(ids(await r.ipNotices.listNotices({ merchantOrgId: merchant, limit: 10 }))).toEqual([older.id]);
    expect(ids(await r.ipNotices.listNotices({ partyOrgId: merchant, limit: 10 }))).toEqual([older.id]);
    expect(ids(await r.ipNotices.listNotices({ partyOrgId: holder, status: 'countered', limit: 10 }))).toEqual([newer.id]);
    expect(ids(await r.ipNotices.listNotices({ brandId: brand, limit: 10 }))).toEqual([older.id]);
    const lapsed = async (at: string) => ids(await r.ipNotices.listLapsed(new Date(at), 1000)).filter((id) => id === newer.id);
    expect(await lapsed('2026-12-16T16:00:00Z')).toEqual([]);
    expect(await lapsed('2026-12-16T16:00:00.001Z')).toEqual([newer.id]);
    const entry = (at: string, action: string) => ({
      id: uuid(),
      noticeId: older.id,
      at: new Date(at),
      role: 'holder' as const,
      actorUserId: null,
      action,
      fromStatus: null,
      toStatus: 'taken_down' as const,
      note: null,
    });
    await r.ipNotices.appendEntry(entry('2026-12-01T03:00:00Z', 'second'));
    await r.ipNotices.appendEntry(entry('2026-12-01T02:00:00Z', 'first'));
    expect((await r.ipNotices.listEntries([older.id])).map((e) => e.action)).toEqual(['first', 'second']);
    expect(await r.ipNotices.listEntries([])).toEqual([]);
  });
}
