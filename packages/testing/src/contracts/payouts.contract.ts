/**
 * Contract cases of the payout and deposit ports: payouts unique per requester and Idempotency-Key, optimistic
 * updates, lists by party and status, unsent payouts; one active hold per party; provider notifications recorded
 * once; deposit requirements set, replaced and removed; deposit payments and deductions by merchant, newest first.
 */
import type { DepositPaymentRecord, PayoutRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, T0, uuid } from './fixtures.ts';

function payout(over: Partial<PayoutRecord> = {}): PayoutRecord {
  return {
    id: uuid(),
    partyId: uuid(),
    partyKind: 'merchant',
    amountFen: 10_000,
    method: 'bank',
    accountNameEnc: 'sealed-name',
    accountNoEnc: 'sealed-no',
    bankName: '工商银行',
    status: 'processing',
    requestedBy: uuid(),
    idempotencyKey: `k-${uuid()}`,
    requestHash: 'h',
    provider: 'sim',
    providerRef: null,
    sentAt: null,
    failureReason: null,
    decidedBy: null,
    decisionNote: null,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...over,
  };
}

function depositPayment(over: Partial<DepositPaymentRecord> = {}): DepositPaymentRecord {
  return {
    id: uuid(),
    merchantOrgId: uuid(),
    amountFen: 5_000,
    provider: 'sim',
    providerRef: 'ref',
    payUrl: 'https://example.test/pay',
    status: 'pending',
    failureReason: null,
    requestedBy: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function payoutCases(db: ContractDb): void {
  it('inserts a payout once per requester and key, finds it by id and key, and updates it optimistically', async () => {
    const r = db.r();
    const p = payout();
    expect(await r.payouts.insert(p)).toBe(true);
    expect(await r.payouts.insert({ ...p, id: uuid() })).toBe(false);
    expect(await r.payouts.find(p.id)).toEqual(p);
    expect(await r.payouts.find(uuid())).toBeNull();
    expect(await r.payouts.findByKey(p.requestedBy, p.idempotencyKey)).toEqual(p);
    expect(await r.payouts.findByKey(uuid(), p.idempotencyKey)).toBeNull();
    const next = { ...p, status: 'paid' as const, providerRef: 'x', sentAt: at(1), updatedAt: at(1), version: 2 };
    expect(await r.payouts.update(next, 1)).toBe(true);
    expect(await r.payouts.update({ ...next, version: 3 }, 1)).toBe(false);
    expect(await db.uow().transaction((tx) => tx.payouts.find(p.id, { lock: true }))).toEqual(next);
  });

  it('lists payouts newest first by party and status, and the processing ones never sent', async () => {
    const r = db.r();
    const partyId = uuid();
    const a = payout({ partyId, createdAt: at(1) });
    const b = payout({ partyId, createdAt: at(2), status: 'pending_approval' });
    const c = payout({ partyId, createdAt: at(3), sentAt: at(3) });
    for (const x of [a, b, c]) await r.payouts.insert(x);
    expect((await r.payouts.list({ partyId, limit: 10 })).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect((await r.payouts.list({ partyId, status: 'pending_approval', limit: 10 })).map((x) => x.id)).toEqual([b.id]);
    expect((await r.payouts.list({ partyId, limit: 1 })).map((x) => x.id)).toEqual([c.id]);
    const unsent = (await r.payouts.listUnsent(1000)).map((x) => x.id);
    expect(unsent).toContain(a.id);
    expect(unsent).not.toContain(b.id);
    expect(unsent).not.toContain(c.id);
  });

  it('keeps one active hold per party, releases it once, and lists holds', async () => {
    const r = db.r();
    const partyId = uuid();
    expect(await r.payouts.activeHold(partyId)).toBeNull();
    const h = { id: uuid(), partyId, reason: '纠纷', placedBy: null, placedAt: T0, releasedBy: null, releasedAt: null };
    expect(await r.payouts.placeHold(h)).toEqual(h);
    expect(await r.payouts.placeHold({ ...h, id: uuid(), reason: '又一次' })).toEqual(h);
    expect((await r.payouts.listHolds({ activeOnly: true, limit: 1000 })).map((x) => x.id)).toContain(h.id);
    expect(await r.payouts.releaseHold(h.id, null, at(1))).toBe(true);
    expect(await r.payouts.releaseHold(h.id, null, at(2))).toBe(false);
    expect(await r.payouts.activeHold(partyId)).toBeNull();
    expect((await r.payouts.listHolds({ activeOnly: true, limit: 1000 })).map((x) => x.id)).not.toContain(h.id);
    expect((await r.payouts.listHolds({ activeOnly: false, limit: 1000 })).find((x) => x.id === h.id)?.releasedAt).toEqual(at(1));
    const again = { ...h, id: uuid() };
    expect(await r.payouts.placeHold(again)).toEqual(again);
  });

  it('places, finds and releases holds in batches, skipping parties already held', async () => {
    const r = db.r();
    const [p1, p2, p3] = [uuid(), uuid(), uuid()];
    const hold = (partyId: string, reason = '信用等级 D') => ({
      id: uuid(),
      partyId,
      reason,
      placedBy: null,
      placedAt: T0,
      releasedBy: null,
      releasedAt: null,
    });
    const existing = hold(p1, '纠纷');
    await r.payouts.placeHold(existing);
    const placed = await r.payouts.placeHolds([hold(p1), hold(p2), hold(p3)]);
    expect(placed.map((h) => h.partyId).sort()).toEqual([p2, p3].sort());
    const active = await r.payouts.activeHoldsOf([p1, p2, p3, uuid()]);
    expect(active.map((h) => h.partyId).sort()).toEqual([p1, p2, p3].sort());
    expect(active.find((h) => h.partyId === p1)?.reason).toBe('纠纷');
    const ids = placed.map((h) => h.id);
    expect((await r.payouts.releaseHolds(ids, null, at(1))).sort()).toEqual([...ids].sort());
    expect(await r.payouts.releaseHolds(ids, null, at(2))).toEqual([]);
    expect((await r.payouts.activeHoldsOf([p1, p2, p3])).map((h) => h.id)).toEqual([existing.id]);
    // the active hold whenever it was placed, and the released ones placed since the given time
    expect((await r.payouts.holdsSince([p1, p2, p3], T0)).map((h) => h.id).sort()).toEqual([existing.id, ...ids].sort());
    expect((await r.payouts.holdsSince([p1, p2, p3], at(1))).map((h) => h.id)).toEqual([existing.id]);
    expect(await r.payouts.holdsSince([], T0)).toEqual([]);
    expect(await r.payouts.placeHolds([])).toEqual([]);
    expect(await r.payouts.activeHoldsOf([])).toEqual([]);
  });

  it('records a provider notification once', async () => {
    const r = db.r();
    const n = { provider: 'sim', notifyId: `n-${uuid()}`, payoutId: uuid(), kind: 'transfer.succeeded', receivedAt: T0 };
    expect(await r.payouts.recordNotification(n)).toBe(true);
    expect(await r.payouts.recordNotification({ ...n, receivedAt: at(1) })).toBe(false);
    expect(await r.payouts.recordNotification({ ...n, provider: 'other' })).toBe(true);
  });
}

export function depositCases(db: ContractDb): void {
  it('sets, replaces and removes a category’s requirement, and reads them by category', async () => {
    const r = db.r();
    const cat = `contract.${uuid()}`;
    await r.deposits.setRequirement({ categoryId: cat, amountFen: 100, updatedBy: null, updatedAt: T0 });
    await r.deposits.setRequirement({ categoryId: cat, amountFen: 300, updatedBy: null, updatedAt: at(1) });
    expect(await r.deposits.requirementsFor([cat, 'none'])).toEqual([
      { categoryId: cat, amountFen: 300, updatedBy: null, updatedAt: at(1) },
    ]);
    expect((await r.deposits.listRequirements()).map((x) => x.categoryId)).toContain(cat);
    expect(await r.deposits.requirementsFor([])).toEqual([]);
    await r.deposits.setRequirement({ categoryId: cat, amountFen: 0, updatedBy: null, updatedAt: at(2) });
    expect(await r.deposits.requirementsFor([cat])).toEqual([]);
  });

  it('stores deposit payments and deductions, newest first per merchant', async () => {
    const r = db.r();
    const merchantOrgId = uuid();
    const a = depositPayment({ merchantOrgId, createdAt: at(1) });
    const b = depositPayment({ merchantOrgId, createdAt: at(2) });
    await r.deposits.insertPayment(a);
    await r.deposits.insertPayment(b);
    expect(await r.deposits.findPayment(a.id)).toEqual(a);
    expect(await r.deposits.findPayment(uuid())).toBeNull();
    const paid = { ...a, status: 'succeeded' as const, updatedAt: at(3) };
    await r.deposits.updatePayment(paid);
    expect(await db.uow().transaction((tx) => tx.deposits.findPayment(a.id, { lock: true }))).toEqual(paid);
    expect((await r.deposits.listPayments(merchantOrgId, 10)).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(await r.deposits.listPayments(uuid(), 10)).toEqual([]);
    const d1 = { id: uuid(), merchantOrgId, amountFen: 100, reason: '赔付', createdBy: null, createdAt: at(1) };
    const d2 = { ...d1, id: uuid(), createdAt: at(2) };
    await r.deposits.insertDeduction(d1);
    await r.deposits.insertDeduction(d2);
    expect(await r.deposits.listDeductions(merchantOrgId, 10)).toEqual([d2, d1]);
    expect((await r.deposits.listDeductions(merchantOrgId, 1)).length).toBe(1);
  });
}
