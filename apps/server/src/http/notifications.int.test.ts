/**
 * 消息中心 through the API, on PGlite and PostgreSQL: the registry's expiry sweep finds a merchant's food licence
 * about to expire → the outbox hands the event on → the merchant's staff get an inbox item (named, dated, linked to
 * the page that renews it) and nobody else does; the unread count; marking read, one and all; a redelivered event
 * adds nothing and sends nothing; the SMS simulator recorded the message with the number masked; an item addressed to
 * a person reaches that person only; bad input is refused.
 */
import type { OutboxEvent } from '@livehub/core';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let staff: TestSession; // 店员 of a food merchant whose licence the sweep finds expiring (merchant_0005)
let otherMerchant: TestSession; // the demo merchant: another organization
let admin: TestSession;
let streamer: TestSession;
const expiring: OutboxEvent[] = [];

const drain = async () => {
  while ((await p.c.outbox.dispatch()).pending);
};
const unread = async (s: TestSession) => {
  const r = await p.call(s, 'GET', '/api/notifications/unread-count');
  expect(r.status).toBe(200);
  return r.body.unread as number;
};
const inbox = async (s: TestSession, query = '') => {
  const r = await p.call(s, 'GET', `/api/notifications${query}`);
  expect(r.status).toBe(200);
  return r.body as { items: Array<Record<string, unknown> & { id: string; title: { zh: string } }>; next: unknown };
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [staff, otherMerchant, admin, streamer] = await p.loginAll('merchant_0005', 'merchant', 'admin', 'streamer');
  p.c.outbox.on('registry.qualification_expiring', async (e) => void expiring.push(e));
  await drain();
}, 120_000);

afterAll(async () => {
  await p?.close();
});

describe('the inbox', () => {
  it('the demo data holds real items: the seed’s sweep and confirmed violation went through the outbox', async () => {
    const soon = await p.login('merchant_0004');
    const [licence] = (await inbox(soon, '?kind=qualification.expiring')).items;
    expect(licence).toMatchObject({ severity: 'action_required', title: { zh: '食品经营许可证即将到期' }, readAt: null });
    const violations = (await inbox(streamer, '?kind=violation.confirmed')).items;
    expect(violations.length).toBeGreaterThan(0);
    expect((await inbox(otherMerchant, '?kind=violation.confirmed')).items.length).toBeGreaterThan(0);
  });

  it('a licence about to expire reaches the merchant’s staff within a dispatch, and no one else', async () => {
    const [staffBefore, otherBefore, adminBefore] = [await unread(staff), await unread(otherMerchant), await unread(admin)];
    const smsBefore = p.c.channels.sms.sent().length;

    // the registry's sweep (the server's periodic tick) run 380 days on finds the food licences (400 days) expiring
    const swept = await p.c.registry.sweep(new Date(p.c.clock.now().getTime() + 380 * 86_400_000));
    expect(swept.warned).toBeGreaterThan(0);
    await drain();

    expect(await unread(staff)).toBe(staffBefore + 1);
    expect(await unread(otherMerchant)).toBe(otherBefore);
    expect(await unread(admin)).toBe(adminBefore);
    const [item] = (await inbox(staff, '?kind=qualification.expiring')).items;
    expect(item).toMatchObject({
      kind: 'qualification.expiring',
      severity: 'action_required',
      link: '/apply/merchant',
      readAt: null,
      orgId: staff.me.active?.orgId,
      title: { zh: '食品经营许可证即将到期', en: 'Your food business licence expires soon' },
    });
    expect(item?.dueAt).toEqual(expect.any(String));
    // named, never an id: the organization's name is in the text, its id is not
    const body = item?.body as { zh: string; en: string };
    expect(body.zh).toMatch(/^「.+」的食品经营许可证将于 \d{4}-\d{2}-\d{2} 到期/);
    expect(body.zh).not.toContain(staff.me.active?.orgId as string);
    expect((await inbox(otherMerchant, '?kind=qualification.expiring')).items.map((i) => i.id)).not.toContain(item?.id);

    // what needs action also went out by SMS (simulated): to the staff's number, masked
    const sms = p.c.channels.sms.sent().slice(smsBefore);
    const mine = sms.filter((m) => m.notificationId === item?.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ template: 'SMS_LH_QUALIFICATION_EXPIRING', params: { title: '食品经营许可证即将到期' } });
    expect(mine[0]?.to).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('a redelivered event adds no item and sends no second message', async () => {
    expect(expiring.length).toBeGreaterThan(0);
    const before = await unread(staff);
    const total = (await inbox(staff, '?limit=100')).items.length;
    const sent = p.c.channels.sms.sent().length;
    for (const e of expiring) expect(await p.c.notifications.deliver(e)).toEqual([]);
    expect(await unread(staff)).toBe(before);
    expect((await inbox(staff, '?limit=100')).items.length).toBe(total);
    expect(p.c.channels.sms.sent().length).toBe(sent);
  });

  it('marks one read (only one’s own), then all', async () => {
    const [item] = (await inbox(staff, '?unread=true&kind=qualification.expiring')).items;
    expect(item).toBeDefined();
    const id = item?.id as string;
    const before = await unread(staff);
    // someone else's item: not found, and still unread
    const foreign = await p.call(otherMerchant, 'POST', `/api/notifications/${id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: 'notification.not_found' });
    expect(await unread(staff)).toBe(before);

    const read = await p.call(staff, 'POST', `/api/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, readAt: expect.any(String) });
    expect(await unread(staff)).toBe(before - 1);
    expect((await inbox(staff, '?unread=true')).items.map((i) => i.id)).not.toContain(id);
    // read again: unchanged
    const again = await p.call(staff, 'POST', `/api/notifications/${id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const audited = await p.c.uow.read.audit.list({ action: 'notification.read', limit: 50 });
    expect(audited.filter((a) => a.targetId === id)).toHaveLength(1);

    const all = await p.call(staff, 'POST', '/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body.marked).toBe(before - 1);
    expect(await unread(staff)).toBe(0);
    expect((await p.call(staff, 'POST', '/api/notifications/read-all')).body.marked).toBe(0);
  });

  it('an item addressed to a person reaches that person only, and pages by keyset', async () => {
    const streamerId = streamer.me.user.id;
    const before = await unread(streamer);
    const at = new Date().toISOString();
    const events = Array.from({ length: 3 }, (_, i) => ({
      id: p.c.ids.next(),
      topic: 'payout.paid',
      payload: { payoutId: p.c.ids.next(), partyId: streamerId, partyKind: 'streamer', amountFen: 10_000 * (i + 1), reason: null },
      at,
    }));
    for (const e of events) expect(await p.c.notifications.deliver(e)).toHaveLength(1);
    expect(await unread(streamer)).toBe(before + 3);
    expect((await inbox(admin, '?kind=payout.paid')).items.filter((i) => (i.body as { zh: string }).zh.includes('¥300.00'))).toEqual([]);

    const first = await inbox(streamer, '?kind=payout.paid&limit=2');
    expect(first.items.map((i) => i.title.zh)).toEqual(['提现已到账', '提现已到账']);
    const next = first.next as { before: string; beforeId: string };
    const second = await inbox(streamer, `?kind=payout.paid&limit=2&before=${encodeURIComponent(next.before)}&beforeId=${next.beforeId}`);
    const seen = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    // paid is for information: no SMS
    expect(p.c.channels.sms.sent().filter((m) => seen.includes(m.notificationId))).toEqual([]);
  });

  it('refuses bad input and strangers', async () => {
    expect((await p.call(null, 'GET', '/api/notifications')).status).toBe(401);
    expect((await p.call(null, 'GET', '/api/notifications/unread-count')).status).toBe(401);
    const badId = await p.call(staff, 'POST', '/api/notifications/not-an-id/read');
    expect(badId.status).toBe(400);
    const badKind = await p.call(staff, 'GET', '/api/notifications?kind=everything');
    expect(badKind.status).toBe(400);
    expect(badKind.body.error).toMatchObject({ field: 'kind' });
    expect((await p.call(staff, 'GET', '/api/notifications?limit=1000')).status).toBe(400);
  });
});
