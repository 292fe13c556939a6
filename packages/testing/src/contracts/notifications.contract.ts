/**
 * Contract cases of the inbox's port (notifications): one item per source event and recipient, a user's items
 * newest first with keyset paging and filters, only the user's own and their acting organization's, the unread
 * count, marking one and all read.
 */
import type { NotificationRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, uuid } from './fixtures.ts';

const item = (recipientUserId: string, h: number, over: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: uuid(),
  sourceEventId: uuid(),
  topic: 'payout.paid',
  recipientUserId,
  recipientOrgId: null,
  kind: 'payout.paid',
  severity: 'info',
  titleZh: '提现已到账',
  titleEn: 'Payout paid',
  bodyZh: '您的提现 ¥12.00 已到账。',
  bodyEn: 'Your payout of ¥12.00 has been paid.',
  link: '/finance/payouts',
  dueAt: null,
  createdAt: at(h),
  readAt: null,
  ...over,
});

export function notificationCases(db: ContractDb): void {
  it('stores an item once per source event and recipient, and returns only what it inserted', async () => {
    const r = db.r();
    const [u1, u2] = [uuid(), uuid()];
    const first = item(u1, 1);
    const twin = { ...item(u2, 1), sourceEventId: first.sourceEventId };
    expect((await r.notifications.insertMany([first, twin])).map((i) => i.id)).toEqual([first.id, twin.id]);
    // redelivered: same event, same recipients, new ids
    const again = [{ ...first, id: uuid() }, { ...twin, id: uuid() }, item(u1, 2)];
    expect((await r.notifications.insertMany(again)).map((i) => i.id)).toEqual([again[2]?.id]);
    expect(await r.notifications.insertMany([])).toEqual([]);
    expect(await r.notifications.countUnread({ userId: u1, orgId: null })).toBe(2);
  });

  it("lists a user's own items and their acting organization's, newest first, by keyset, filtered", async () => {
    const r = db.r();
    const [me, other, orgA, orgB] = [uuid(), uuid(), uuid(), uuid()];
    const mine = item(me, 1, { dueAt: at(48) });
    const forA = item(me, 2, { recipientOrgId: orgA, kind: 'refund.overdue', severity: 'action_required' });
    const forB = item(me, 3, { recipientOrgId: orgB });
    const later = item(me, 4);
    const theirs = item(other, 5);
    await r.notifications.insertMany([mine, forA, forB, later, theirs]);

    const asA = { userId: me, orgId: orgA };
    expect((await r.notifications.listFor(asA, { limit: 10 })).map((i) => i.id)).toEqual([later.id, forA.id, mine.id]);
    expect((await r.notifications.listFor({ userId: me, orgId: null }, { limit: 10 })).map((i) => i.id)).toEqual([later.id, mine.id]);
    expect(await r.notifications.listFor(asA, { limit: 10 })).toContainEqual(mine);
    const page1 = await r.notifications.listFor(asA, { limit: 2 });
    const last = page1.at(-1) as NotificationRecord;
    expect((await r.notifications.listFor(asA, { limit: 2, before: last.createdAt, beforeId: last.id })).map((i) => i.id)).toEqual([
      mine.id,
    ]);
    expect((await r.notifications.listFor(asA, { limit: 10, kind: 'refund.overdue' })).map((i) => i.id)).toEqual([forA.id]);
    expect(await r.notifications.countUnread(asA)).toBe(3);
    expect(await r.notifications.countUnread({ userId: me, orgId: orgB })).toBe(3);
    expect(await r.notifications.countUnread({ userId: other, orgId: null })).toBe(1);

    const readAt = at(10);
    expect(await r.notifications.markRead(asA, forA.id, readAt)).toEqual({ ...forA, readAt });
    // already read: kept as it was
    expect((await r.notifications.markRead(asA, forA.id, at(11)))?.readAt).toEqual(readAt);
    // someone else's, or another organization's: not found
    expect(await r.notifications.markRead(asA, theirs.id, readAt)).toBeNull();
    expect(await r.notifications.markRead(asA, forB.id, readAt)).toBeNull();
    expect(await r.notifications.markRead(asA, uuid(), readAt)).toBeNull();
    expect((await r.notifications.listFor(asA, { limit: 10, unread: true })).map((i) => i.id)).toEqual([later.id, mine.id]);
    expect(await r.notifications.countUnread(asA)).toBe(2);

    expect(await r.notifications.markAllRead(asA, at(12))).toBe(2);
    expect(await r.notifications.markAllRead(asA, at(13))).toBe(0);
    expect(await r.notifications.countUnread(asA)).toBe(0);
    // the other organization's item and the other user's stay unread
    expect(await r.notifications.countUnread({ userId: me, orgId: orgB })).toBe(1);
    expect(await r.notifications.countUnread({ userId: other, orgId: null })).toBe(1);
  });
}
