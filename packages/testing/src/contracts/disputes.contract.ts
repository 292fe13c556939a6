/**
 * Contract cases of the complaints port (disputes): one open complaint per order, compare-and-set moves, lists by
 * consumer, merchant and status newest first, due complaints strictly past their deadline, the timeline in order.
 */
import type { ComplaintRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { type ContractDb, uuid } from './fixtures.ts';

const complaint = (over: Partial<ComplaintRecord> = {}): ComplaintRecord => ({
  id: uuid(),
  orderId: uuid(),
  consumerUserId: uuid(),
  merchantOrgId: uuid(),
  streamerUserId: null,
  liveSessionId: null,
  category: 'quality',
  claimKind: 'refund',
  claimAmountFen: 9_900,
  description: '收到的商品有破损，要求退款',
  evidenceDocumentIds: [uuid()],
  contactPhoneEnc: null,
  paidFen: 9_900,
  refundedFen: 0,
  status: 'awaiting_merchant',
  statusSince: new Date('2026-12-01T08:00:00Z'),
  dueAt: new Date('2026-12-03T08:00:00Z'),
  answer: null,
  offerKind: null,
  offerAmountFen: null,
  outcomeRemedy: null,
  outcomeAmountFen: null,
  upheld: null,
  closingReason: null,
  filedAt: new Date('2026-12-01T08:00:00Z'),
  updatedAt: new Date('2026-12-01T08:00:00Z'),
  version: 1,
  ...over,
});

export function complaintCases(db: ContractDb): void {
  it('finds the complaints naming a document among their evidence, and no other', async () => {
    const r = db.r();
    const doc = uuid();
    const a = complaint({ evidenceDocumentIds: [uuid(), doc] });
    const b = complaint({ evidenceDocumentIds: [doc], filedAt: new Date('2026-12-02T08:00:00Z') });
    const other = complaint({ evidenceDocumentIds: [uuid()] });
    for (const c of [a, b, other]) await r.complaints.insertComplaint(c);
    expect((await r.complaints.listByEvidence(doc, 10)).map((c) => c.id)).toEqual([b.id, a.id]);
    expect(await r.complaints.listByEvidence(uuid(), 10)).toEqual([]);
  });

  it('keeps one open complaint per order and moves it by version', async () => {
    const r = db.r();
    const first = complaint();
    await r.complaints.insertComplaint(first);
    expect(await r.complaints.findComplaint(first.id)).toEqual(first);
    expect(await r.complaints.findComplaint(uuid())).toBeNull();
    expect(await r.complaints.openComplaintOf(first.orderId)).toEqual(first);
    await expect(r.complaints.insertComplaint(complaint({ orderId: first.orderId }))).rejects.toThrow();

    const moved = {
      ...first,
      status: 'resolved' as const,
      dueAt: null,
      outcomeRemedy: 'refund' as const,
      outcomeAmountFen: 9_900,
      upheld: false,
      version: 2,
    };
    expect(await r.complaints.updateComplaint(moved, 1)).toBe(true);
    expect(await r.complaints.updateComplaint({ ...moved, version: 3 }, 1)).toBe(false);
    expect(await r.complaints.findComplaint(first.id)).toEqual(moved);
    expect(await r.complaints.openComplaintOf(first.orderId)).toBeNull();
    // a resolved complaint no longer blocks a new one about the same order
    await r.complaints.insertComplaint(complaint({ orderId: first.orderId }));
  });

  it('locks a complaint inside a transaction', async () => {
    const c = complaint();
    await db.r().complaints.insertComplaint(c);
    const got = await db.uow().transaction((tx) => tx.complaints.findComplaint(c.id, { lock: true }));
    expect(got?.id).toBe(c.id);
  });

  it('lists by consumer, merchant and status, newest first', async () => {
    const r = db.r();
    const [consumer, merchant] = [uuid(), uuid()];
    const a = complaint({ consumerUserId: consumer, merchantOrgId: merchant, filedAt: new Date('2026-11-01T00:00:00Z') });
    const b = complaint({ consumerUserId: consumer, filedAt: new Date('2026-11-02T00:00:00Z'), status: 'mediating' });
    const c = complaint({ merchantOrgId: merchant, filedAt: new Date('2026-11-03T00:00:00Z') });
    for (const x of [a, b, c]) await r.complaints.insertComplaint(x);
    expect((await r.complaints.listComplaints({ consumerUserId: consumer, limit: 10 })).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await r.complaints.listComplaints({ merchantOrgId: merchant, limit: 10 })).map((x) => x.id)).toEqual([c.id, a.id]);
    expect((await r.complaints.listComplaints({ consumerUserId: consumer, statuses: ['mediating'], limit: 10 })).map((x) => x.id)).toEqual([
      b.id,
    ]);
    expect(await r.complaints.listComplaints({ consumerUserId: consumer, limit: 1 })).toHaveLength(1);
  });

  it('lists the complaints about given live sessions; an empty list asks nothing', async () => {
    const r = db.r();
    const [room, other] = [uuid(), uuid()];
    const a = complaint({ liveSessionId: room, filedAt: new Date('2026-11-01T00:00:00Z') });
    const b = complaint({ liveSessionId: other, filedAt: new Date('2026-11-02T00:00:00Z') });
    const c = complaint({ liveSessionId: null, filedAt: new Date('2026-11-03T00:00:00Z') });
    for (const x of [a, b, c]) await r.complaints.insertComplaint(x);
    expect((await r.complaints.listComplaints({ liveSessionIds: [room], limit: 10 })).map((x) => x.id)).toEqual([a.id]);
    expect((await r.complaints.listComplaints({ liveSessionIds: [room, other], limit: 10 })).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(await r.complaints.listComplaints({ liveSessionIds: [], limit: 10 })).toEqual([]);
  });

  it('lists due complaints strictly past their deadline, in the statuses asked, oldest deadline first', async () => {
    const r = db.r();
    const now = new Date('2030-01-10T00:00:00Z');
    const late = complaint({ dueAt: new Date('2030-01-09T00:00:00Z') });
    const later = complaint({ dueAt: new Date('2030-01-08T00:00:00Z'), status: 'negotiating' });
    const atDeadline = complaint({ dueAt: now });
    const escalated = complaint({ dueAt: new Date('2030-01-01T00:00:00Z'), status: 'escalated' });
    for (const x of [late, later, atDeadline, escalated]) await r.complaints.insertComplaint(x);
    const due = (await r.complaints.listDue(['awaiting_merchant', 'negotiating'], now, 1000)).map((x) => x.id);
    expect(due.indexOf(later.id)).toBeLessThan(due.indexOf(late.id));
    expect(due).toContain(late.id);
    expect(due).not.toContain(atDeadline.id);
    expect(due).not.toContain(escalated.id);
    expect(await r.complaints.listDue([], now, 10)).toEqual([]);
    // from a lower bound on: a deadline at it is in, one before it out
    const bounded = (await r.complaints.listDue(['awaiting_merchant', 'negotiating'], now, 1000, later.dueAt as Date)).map((x) => x.id);
    expect(bounded).toContain(later.id);
    expect(bounded).toContain(late.id);
    const after = (await r.complaints.listDue(['awaiting_merchant', 'negotiating'], now, 1000, late.dueAt as Date)).map((x) => x.id);
    expect(after).toContain(late.id);
    expect(after).not.toContain(later.id);
  });

  it('appends the timeline and reads it in order', async () => {
    const r = db.r();
    const c = complaint();
    await r.complaints.insertComplaint(c);
    const entry = (at: string, action: string) => ({
      id: uuid(),
      complaintId: c.id,
      at: new Date(at),
      role: 'system' as const,
      actorUserId: null,
      action,
      fromStatus: 'awaiting_merchant' as const,
      toStatus: 'mediating' as const,
      note: null,
      data: { dueAt: '2026-12-03T08:00:00.000Z' },
    });
    const second = entry('2026-12-03T08:00:01Z', 'merchant_silent');
    const first = {
      ...entry('2026-12-01T08:00:00Z', 'filed'),
      role: 'consumer' as const,
      actorUserId: c.consumerUserId,
      fromStatus: null,
      note: '投诉',
    };
    await r.complaints.appendEntry(second);
    await r.complaints.appendEntry(first);
    expect(await r.complaints.listEntries(c.id)).toEqual([first, second]);
    expect(await r.complaints.listEntries(uuid())).toEqual([]);
  });
}
