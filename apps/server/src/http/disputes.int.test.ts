/**
 * 投诉 / ODR through the API, on PGlite (and PostgreSQL when DATABASE_URL is set): the full path (file → merchant
 * silent → the periodic sweep moves it to mediation → the mediator decides Art. 55 compensation → resolved → the
 * credit feed records `complaint.upheld` for the merchant and the streamer through the outbox), negotiation and the
 * regulator's path with their deadlines, every refusal with its field and nothing written, role × route, tenants.
 */
import { DEMO_ACCOUNT_BY_ROLE } from '@livehub/server/testing';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import type { Role } from '@livehub/contracts';
import { type ComplaintRecord, deadlineOf, paymentDueAt, reminderFrom } from '@livehub/core';
import { order } from '@livehub/testing/fixtures';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

// a still clock: a deadline can be set to exactly "now" (moving the clock far would end the sign-ins)
const clock = new ManualClock(Date.now());
let p: TestPlatform;
let consumer: TestSession;
let otherConsumer: TestSession;
let merchant: TestSession;
let otherMerchant: TestSession;
let reviewer: TestSession;
let admin: TestSession;
let regulator: TestSession;
let streamer: TestSession;
let merchantOrg: string;
let streamerId: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  [consumer, otherConsumer, merchant, otherMerchant, reviewer, admin, regulator, streamer] = await p.loginAll(
    'consumer',
    'consumer_00001',
    'merchant',
    'merchant_0001',
    'reviewer',
    'admin',
    'regulator',
    'streamer',
  );
  merchantOrg = merchant.me.active?.orgId as string;
  streamerId = streamer.me.user.id;
}, 180_000);

afterAll(async () => {
  await p?.close();
});

/** A paid order of `buyer` with the demo merchant, stored directly (its lifecycle is the orders suite's). */
async function paidOrder(
  buyer: TestSession,
  totalFen: number,
  over: { paidAt?: Date; streamerUserId?: string; sessionId?: string; unpaid?: boolean } = {},
) {
  const now = p.c.clock.now();
  const row = order(buyer.me.user.id, merchantOrg, {
    id: p.c.ids.next(),
    status: over.unpaid ? 'created' : 'paid',
    totalFen,
    paidAt: over.unpaid ? null : (over.paidAt ?? now),
    streamerUserId: over.streamerUserId ?? null,
    sessionId: over.sessionId ?? null,
    payBy: new Date(now.getTime() + HOUR),
    retainUntil: new Date(now.getTime() + 3 * 365 * DAY),
    createdAt: over.paidAt ?? now,
    updatedAt: now,
  });
  await p.c.uow.transaction(async (tx) => {
    await tx.orders.insertOrder(row, []);
    // its payment, so that a refund outcome can go back through it (docs/disputes.md, "Outcomes")
    if (!over.unpaid)
      await tx.orders.insertPayment({
        id: p.c.ids.next(),
        orderId: row.id,
        provider: 'sim',
        providerRef: `test-${row.id.slice(-8)}`,
        amountFen: totalFen,
        status: 'succeeded',
        payUrl: null,
        failureReason: null,
        createdAt: row.createdAt,
        updatedAt: now,
      });
  });
  return row.id;
}

const STATS = '/api/complaints/stats';
/** today in China time, `YYYY-MM-DD` */
const today = () => new Date(p.c.clock.now().getTime() + 8 * HOUR).toISOString().slice(0, 10);

const fileBody = (orderId: string, over: Record<string, unknown> = {}) => ({
  orderId,
  category: 'quality',
  claim: { kind: 'refund', amountFen: 5_000 },
  description: '收到的商品与描述严重不符，要求退款处理',
  contactPhone: '13812345678',
  ...over,
});
const file = (s: TestSession, body: Record<string, unknown>) => p.call(s, 'POST', '/api/complaints', body);
const stored = async (id: string) => (await p.c.uow.read.complaints.findComplaint(id)) as ComplaintRecord;
/** Moves a complaint's deadline (a test stands in for time passing: moving the clock would end the sign-ins). */
const setDue = async (id: string, dueAt: Date) => {
  const c = await stored(id);
  await p.c.uow.transaction((tx) => tx.complaints.updateComplaint({ ...c, dueAt, version: c.version + 1 }, c.version));
};
const drainOutbox = async () => {
  for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
};

describe('the demo district', () => {
  it('the demo district has complaints in every state, named for the screens', async () => {
    const all = await p.c.uow.read.complaints.listComplaints({ limit: 500 });
    const statuses = new Set(all.map((c) => c.status));
    for (const s of [
      'awaiting_merchant',
      'negotiating',
      'mediating',
      'mediation_failed',
      'escalated',
      'accepted_by_regulator',
      'refused_by_regulator',
      'resolved',
      'dismissed',
      'withdrawn',
      'regulator_closed',
    ])
      expect(statuses, s).toContain(s);
    const resolved = all.filter((c) => c.status === 'resolved');
    expect(resolved.some((c) => c.upheld === true)).toBe(true);
    expect(resolved.some((c) => c.upheld === false)).toBe(true);
    const list = await p.call(regulator, 'GET', '/api/complaints/regulator');
    expect(list.body.items.length).toBeGreaterThanOrEqual(1);
    expect(list.body.items[0]).toMatchObject({ merchantName: expect.any(String), orderNo: expect.any(String) });
  });
});

describe('the full path', () => {
  it('file → merchant silent → the sweep escalates → mediation decides 退一赔三 → credit event for merchant and streamer', async () => {
    const orderId = await paidOrder(consumer, 20_000, { streamerUserId: streamerId });
    const filed = await file(consumer, fileBody(orderId, { category: 'fraud', claim: { kind: 'compensation', amountFen: 80_000 } }));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'awaiting_merchant',
      streamerUserId: streamerId,
      paidFen: 20_000,
      overdue: false,
      contactPhone: '138****5678',
    });
    const id = filed.body.id as string;
    const due = new Date(filed.body.dueAt);
    expect(due.getTime() - new Date(filed.body.filedAt).getTime()).toBe(48 * HOUR);

    // the merchant sees it, the phone masked
    const mine = await p.call(merchant, 'GET', '/api/complaints/merchant');
    expect(mine.status).toBe(200);
    const seen = mine.body.items.find((x: { id: string }) => x.id === id);
    expect(seen.contactPhone).toBe('138****5678');
    expect(JSON.stringify(mine.body)).not.toContain('13812345678');

    // at the deadline nothing moves; once it has passed, the server's periodic work sends it to mediation (the demo
    // complaint still awaiting the merchant was filed earlier: the sweep at this deadline moves that one)
    await p.c.complaints.sweeper.sweep(due);
    expect((await stored(id)).status).toBe('awaiting_merchant');
    await setDue(id, new Date(p.c.clock.now().getTime() - 1));
    const tick = await p.c.tick();
    expect(tick.complaintsToMediation).toBeGreaterThanOrEqual(1);
    expect((await stored(id)).status).toBe('mediating');
    // a second sweep changes nothing
    expect((await p.c.complaints.sweeper.sweep()).complaintsToMediation).toBe(0);

    const queue = await p.call(reviewer, 'GET', '/api/complaints/mediation');
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(id);

    // fraud compensation is computed (Art. 55), never typed
    const typed = await p.call(reviewer, 'POST', `/api/complaints/${id}/decide`, {
      remedy: 'fraud_compensation',
      amountFen: 999_999,
      note: '认定欺诈',
    });
    expect(typed.status).toBe(400);
    expect(typed.body.error).toMatchObject({ code: 'disputes.amount_computed', field: 'amountFen' });
    const decided = await p.call(reviewer, 'POST', `/api/complaints/${id}/decide`, {
      remedy: 'fraud_compensation',
      note: '直播间宣称与实物不符，认定欺诈',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'resolved',
      dueAt: null,
      outcome: { remedy: 'fraud_compensation', amountFen: 20_000 + 60_000, upheld: true },
    });

    // both sides see the same timeline
    const asConsumer = await p.call(consumer, 'GET', `/api/complaints/${id}`);
    const asMerchant = await p.call(merchant, 'GET', `/api/complaints/${id}`);
    // (the sweep at the deadline reminded the merchant, its 48 hours ending: that line is dated at the sweep's instant)
    const actions = asConsumer.body.timeline.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a !== 'merchant_reminded')).toEqual(['filed', 'merchant_silent', 'mediator_decide']);
    expect(actions).toContain('merchant_reminded');
    expect(asMerchant.body.timeline).toEqual(asConsumer.body.timeline);
    expect(asConsumer.body.timeline[1]).toMatchObject({ role: 'system', fromStatus: 'awaiting_merchant', toStatus: 'mediating' });

    // every step audited
    for (const action of ['disputes.filed', 'disputes.merchant_silent', 'disputes.mediator_decide'])
      expect((await p.c.uow.read.audit.list({ limit: 50, action })).some((a) => a.targetId === id)).toBe(true);

    // the credit feed turns the resolution into complaint.upheld for the merchant and the streamer
    await drainOutbox();
    const forMerchant = (await p.c.uow.read.credit.eventsOf(merchantOrg)).filter((e) => e.source === `complaint:${id}`);
    expect(forMerchant.map((e) => [e.kind, e.data])).toEqual([['complaint.upheld', { severity: 3 }]]);
    const forStreamer = (await p.c.uow.read.credit.eventsOf(streamerId)).filter((e) => e.source === `complaint:${id}`);
    expect(forStreamer).toHaveLength(1);
  });

  it('negotiation: a counter-offer accepted resolves by agreement, with no credit event', async () => {
    const orderId = await paidOrder(consumer, 12_000);
    const id = (await file(consumer, fileBody(orderId, { claim: { kind: 'refund', amountFen: 12_000 } }))).body.id as string;
    const noOffer = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'counter', note: '可部分退款' });
    expect(noOffer.body.error).toMatchObject({ code: 'disputes.offer_required', field: 'offer' });
    const tooMuch = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, {
      answer: 'counter',
      offer: { kind: 'refund', amountFen: 12_001 },
      note: '可部分退款',
    });
    expect(tooMuch.body.error).toMatchObject({ code: 'disputes.amount_too_high', field: 'offer.amountFen' });
    const counter = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, {
      answer: 'counter',
      offer: { kind: 'refund', amountFen: 6_000 },
      note: '商品已使用，可退一半',
    });
    expect(counter.status).toBe(200);
    expect(counter.body).toMatchObject({
      status: 'negotiating',
      answer: { answer: 'counter', offer: { kind: 'refund', amountFen: 6_000 } },
    });
    const accepted = await p.call(consumer, 'POST', `/api/complaints/${id}/accept-offer`, {});
    expect(accepted.body).toMatchObject({ status: 'resolved', outcome: { remedy: 'refund', amountFen: 6_000, upheld: false } });
    await drainOutbox();
    expect((await p.c.uow.read.credit.eventsOf(merchantOrg)).some((e) => e.source === `complaint:${id}`)).toBe(false);
  });

  it('negotiation lapses to mediation, mediation to mediation_failed; the regulator is shown overdue and refuses', async () => {
    const orderId = await paidOrder(consumer, 30_000);
    const id = (await file(consumer, fileBody(orderId))).body.id as string;
    expect((await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'reject', note: '不同意退款' })).body.status).toBe(
      'negotiating',
    );
    const negotiationDue = (await stored(id)).dueAt as Date;
    expect(negotiationDue.getTime() - (await stored(id)).filedAt.getTime()).toBeGreaterThanOrEqual(10 * DAY - DAY);
    await p.c.complaints.sweeper.sweep(negotiationDue);
    expect((await stored(id)).status).toBe('negotiating');
    await p.c.complaints.sweeper.sweep(new Date(negotiationDue.getTime() + 1));
    const mediating = await stored(id);
    expect(mediating.status).toBe('mediating');
    const mediationDue = mediating.dueAt as Date;
    expect(mediationDue.getTime() - mediating.statusSince.getTime()).toBeGreaterThan(45 * DAY);
    // (the demo district's open complaints lapse with it: the count is at least this one)
    expect((await p.c.complaints.sweeper.sweep(new Date(mediationDue.getTime() + 1))).mediationsFailed).toBeGreaterThanOrEqual(1);
    expect((await stored(id)).status).toBe('mediation_failed');

    // the regulator's queue only after the consumer escalates
    expect((await p.call(regulator, 'GET', '/api/complaints/regulator')).body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    const escalated = await p.call(consumer, 'POST', `/api/complaints/${id}/escalate`, { note: '调解未果，请求市场监管部门处理' });
    expect(escalated.body).toMatchObject({ status: 'escalated', overdue: false });
    expect((await p.call(regulator, 'GET', '/api/complaints/regulator')).body.items.map((x: { id: string }) => x.id)).toContain(id);
    // past 7 working days the sweep moves nothing; the complaint is shown overdue
    await setDue(id, new Date(p.c.clock.now().getTime() - 1));
    await p.c.complaints.sweeper.sweep();
    const late = await p.call(regulator, 'GET', `/api/complaints/${id}`);
    expect(late.body).toMatchObject({ status: 'escalated', overdue: true });
    // a consumer cannot withdraw it now, nor a mediator decide it
    expect((await p.call(consumer, 'POST', `/api/complaints/${id}/withdraw`, {})).body.error.code).toBe('disputes.wrong_status');
    const refused = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-decision`, {
      decision: 'refuse',
      reason: '不属于本部门管辖',
    });
    expect(refused.body).toMatchObject({ status: 'refused_by_regulator', closingReason: '不属于本部门管辖', dueAt: null });
  });
});

/**
 * A complaint of the consumer taken through the platform's mediation to the regulator, who accepts it (the mediation's
 * 45 working days stood in for by moving its deadline).
 */
async function acceptedByRegulator(totalFen: number, over: Record<string, unknown> = {}): Promise<string> {
  const orderId = await paidOrder(consumer, totalFen, { streamerUserId: streamerId });
  const id = (await file(consumer, fileBody(orderId, over))).body.id as string;
  expect((await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'reject', note: '不同意' })).body.status).toBe(
    'negotiating',
  );
  expect((await p.call(consumer, 'POST', `/api/complaints/${id}/escalate`, {})).body.status).toBe('mediating');
  await setDue(id, new Date(clock.now().getTime() - 1));
  await p.c.complaints.sweeper.sweep();
  expect((await p.call(consumer, 'POST', `/api/complaints/${id}/escalate`, { note: '调解未果' })).body.status).toBe('escalated');
  const r = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-decision`, { decision: 'accept', reason: '符合受理条件' });
  expect(r.body).toMatchObject({ status: 'accepted_by_regulator', overdue: false });
  return id;
}

describe('the regulator’s own mediation after acceptance (行政调解)', () => {
  it('调解成立 with 退一赔三: resolved, upheld, the same compensation obligation and deadline as a mediator’s decision', async () => {
    const id = await acceptedByRegulator(20_000, { category: 'fraud', claim: { kind: 'compensation', amountFen: 80_000 } });
    // the 受理台 lists it, with the 45 working days of mediation from acceptance as its deadline
    const c = await stored(id);
    expect(c.dueAt).toEqual(deadlineOf({ status: 'accepted_by_regulator', filedAt: c.filedAt, statusSince: c.statusSince }));
    expect((await p.call(regulator, 'GET', '/api/complaints/regulator')).body.items.map((x: { id: string }) => x.id)).toContain(id);
    // not the platform's to decide any more, nor the consumer's to withdraw; a wrong role never reaches the service
    expect(
      (await p.call(reviewer, 'POST', `/api/complaints/${id}/decide`, { remedy: 'fraud_compensation', note: '认定欺诈' })).status,
    ).toBe(409);
    for (const s of [reviewer, admin, merchant, consumer])
      expect(
        (await p.call(s, 'POST', `/api/complaints/${id}/regulator-mediate`, { remedy: 'fraud_compensation', note: '认定欺诈' })).status,
      ).toBe(403);
    // the same rules as the mediator's: 退一赔三 computed, never typed; another remedy capped by the category
    const typed = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-mediate`, {
      remedy: 'fraud_compensation',
      amountFen: 999_999,
      note: '认定欺诈',
    });
    expect([typed.status, typed.body.error.code, typed.body.error.field]).toEqual([400, 'disputes.amount_computed', 'amountFen']);
    const tooHigh = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-mediate`, {
      remedy: 'refund',
      amountFen: 20_001,
      note: '全额退款',
    });
    expect([tooHigh.status, tooHigh.body.error.code, tooHigh.body.error.field]).toEqual([400, 'disputes.amount_too_high', 'amountFen']);
    expect((await stored(id)).version).toBe(c.version);

    const mediated = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-mediate`, {
      remedy: 'fraud_compensation',
      note: '经调解，双方同意按退一赔三达成调解协议',
    });
    expect(mediated.status).toBe(200);
    expect(mediated.body).toMatchObject({
      status: 'resolved',
      dueAt: null,
      outcome: { remedy: 'fraud_compensation', amountFen: 80_000, upheld: true },
    });
    // the compensation is owed as any resolution's: by the merchant within 3 working days, else the fund advances it
    const after = await stored(id);
    const owed = await p.c.uow.read.complaintPayments.findObligationOf(id);
    expect(owed).toMatchObject({ status: 'due', amountFen: 80_000, merchantOrgId: merchantOrg, remedy: 'fraud_compensation' });
    expect(owed?.dueAt).toEqual(paymentDueAt(after.statusSince));
    // both sides see the regulator's steps on the timeline; audited
    const asConsumer = await p.call(consumer, 'GET', `/api/complaints/${id}`);
    const asMerchant = await p.call(merchant, 'GET', `/api/complaints/${id}`);
    const steps = asConsumer.body.timeline.filter((e: { role: string }) => e.role === 'regulator');
    expect(steps.map((e: { action: string }) => e.action)).toEqual(['regulator_accept', 'regulator_mediate']);
    expect(asMerchant.body.timeline).toEqual(asConsumer.body.timeline);
    expect((await p.c.uow.read.audit.list({ limit: 50, action: 'disputes.regulator_mediate' })).some((a) => a.targetId === id)).toBe(true);
    // the inbox tells both parties; the credit feed counts it upheld
    await drainOutbox();
    const kinds = async (s: TestSession) =>
      (await p.call(s, 'GET', '/api/notifications?kind=complaint.regulator_mediated&limit=100')).body.items.map(
        (i: { link: string }) => i.link,
      );
    expect(await kinds(consumer)).toContain(`/complaints/${id}`);
    expect(await kinds(merchant)).toContain(`/complaints/${id}`);
    const credit = (await p.c.uow.read.credit.eventsOf(merchantOrg)).filter((e) => e.source === `complaint:${id}`);
    expect(credit.map((e) => e.kind)).toEqual(['complaint.upheld']);
    // and nothing more to do on it
    const again = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-close`, { reason: '终止调解' });
    expect([again.status, again.body.error.code]).toEqual([409, 'disputes.wrong_status']);
  });

  it('终止调解 with its reason: closed, not upheld; the consumer is told of the courts and arbitration', async () => {
    const id = await acceptedByRegulator(9_900);
    const before = await stored(id);
    const noReason = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-close`, {});
    expect([noReason.status, noReason.body.error.code, noReason.body.error.field]).toEqual([400, 'request.invalid', 'reason']);
    expect((await p.call(reviewer, 'POST', `/api/complaints/${id}/regulator-close`, { reason: '终止调解' })).status).toBe(403);
    expect((await stored(id)).version).toBe(before.version);
    const closed = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-close`, { reason: '双方分歧较大，无法达成调解协议' });
    expect(closed.body).toMatchObject({
      status: 'regulator_closed',
      closingReason: '双方分歧较大，无法达成调解协议',
      dueAt: null,
      outcome: null,
    });
    expect((await stored(id)).upheld).toBe(false);
    expect(await p.c.uow.read.complaintPayments.findObligationOf(id)).toBeNull();
    await drainOutbox();
    const items = (await p.call(consumer, 'GET', '/api/notifications?kind=complaint.regulator_closed&limit=100')).body.items.filter(
      (i: { link: string }) => i.link === `/complaints/${id}`,
    );
    expect(items).toHaveLength(1);
    expect(items[0].body.zh).toContain('可以依法向人民法院起诉或申请仲裁');
    const forMerchant = await p.call(merchant, 'GET', '/api/notifications?kind=complaint.regulator_closed&limit=100');
    expect(forMerchant.body.items.some((i: { link: string }) => i.link === `/complaints/${id}`)).toBe(true);
    // and it leaves the 受理台
    expect((await p.call(regulator, 'GET', '/api/complaints/regulator')).body.items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('at its 45th working day in time; past it the regulator is refused, nothing changed, and the sweep terminates it', async () => {
    const id = await acceptedByRegulator(9_900);
    // one open complaint per order: an accepted complaint is still open
    const c0 = await stored(id);
    const second = await file(consumer, fileBody(c0.orderId));
    expect([second.status, second.body.error.code]).toEqual([409, 'disputes.open_complaint']);
    await setDue(id, clock.now());
    expect((await p.c.complaints.sweeper.sweep()).regulatorMediationsClosed).toBe(0);
    expect((await stored(id)).status).toBe('accepted_by_regulator');
    await setDue(id, new Date(clock.now().getTime() - 1));
    const before = await stored(id);
    const late = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-mediate`, {
      remedy: 'refund',
      amountFen: 100,
      note: '退款',
    });
    expect([late.status, late.body.error.code, late.body.error.field]).toEqual([409, 'disputes.deadline_passed', 'id']);
    const lateClose = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-close`, { reason: '终止调解' });
    expect([lateClose.status, lateClose.body.error.code]).toEqual([409, 'disputes.deadline_passed']);
    const view = await p.call(regulator, 'GET', `/api/complaints/${id}`);
    expect(view.body).toMatchObject({ status: 'accepted_by_regulator', overdue: true });
    expect((await stored(id)).version).toBe(before.version);
    // the periodic work terminates it, once
    const tick = await p.c.tick();
    expect(tick.regulatorMediationsClosed).toBeGreaterThanOrEqual(1);
    expect((await stored(id)).status).toBe('regulator_closed');
    expect((await p.c.complaints.sweeper.sweep()).regulatorMediationsClosed).toBe(0);
    const timeline = (await p.call(consumer, 'GET', `/api/complaints/${id}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({
      role: 'system',
      action: 'regulator_mediation_lapsed',
      fromStatus: 'accepted_by_regulator',
      toStatus: 'regulator_closed',
    });
    await drainOutbox();
    const items = (await p.call(consumer, 'GET', '/api/notifications?kind=complaint.regulator_closed&limit=100')).body.items.filter(
      (i: { link: string }) => i.link === `/complaints/${id}`,
    );
    expect(items[0]?.body.zh).toContain('45 个工作日内未达成调解协议');
  });
});

describe('bad input: a clear error on the field, nothing changed', () => {
  it('refuses filing on another’s order, an unpaid or too old order, a claim too high, unknown category, foreign evidence', async () => {
    const theirs = await paidOrder(otherConsumer, 9_900);
    const before = await p.c.uow.read.complaints.listComplaints({ consumerUserId: consumer.me.user.id, limit: 1000 });
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [fileBody(theirs), 404, 'disputes.order_not_found', 'orderId'],
      [fileBody(p.c.ids.next()), 404, 'disputes.order_not_found', 'orderId'],
      [fileBody(await paidOrder(consumer, 9_900, { unpaid: true })), 400, 'disputes.order_not_paid', 'orderId'],
      [
        fileBody(await paidOrder(consumer, 9_900, { paidAt: new Date(p.c.clock.now().getTime() - (3 * 365 + 2) * DAY) })),
        400,
        'disputes.too_late',
        'orderId',
      ],
      [
        fileBody(await paidOrder(consumer, 9_900), { claim: { kind: 'refund', amountFen: 9_901 } }),
        400,
        'disputes.claim_too_high',
        'claim.amountFen',
      ],
      [
        fileBody(await paidOrder(consumer, 10_000), { category: 'fraud', claim: { kind: 'compensation', amountFen: 60_001 } }),
        400,
        'disputes.claim_too_high',
        'claim.amountFen',
      ],
      [fileBody(await paidOrder(consumer, 9_900), { category: 'rude_staff' }), 400, 'request.invalid', 'category'],
      [
        fileBody(await paidOrder(consumer, 9_900), { evidenceDocumentIds: [p.c.ids.next()] }),
        400,
        'disputes.evidence_invalid',
        'evidenceDocumentIds.0',
      ],
      [fileBody(await paidOrder(consumer, 9_900), { liveSessionId: p.c.ids.next() }), 400, 'disputes.session_mismatch', 'liveSessionId'],
    ];
    for (const [body, status, code, field] of cases) {
      const r = await file(consumer, body);
      expect([r.status, r.body.error?.code, r.body.error?.field]).toEqual([status, code, field]);
      expect(typeof r.body.error.message).toBe('string');
    }
    const en = await p.call(consumer, 'POST', '/api/complaints', cases[4]?.[0], { 'accept-language': 'en-US' });
    expect(en.body.error.message).toContain('99.00');
    expect(await p.c.uow.read.complaints.listComplaints({ consumerUserId: consumer.me.user.id, limit: 1000 })).toHaveLength(before.length);
  });

  it('refuses a second open complaint, a step past its deadline, by the wrong role or in the wrong state', async () => {
    const orderId = await paidOrder(consumer, 9_900);
    const id = (await file(consumer, fileBody(orderId))).body.id as string;
    expect((await file(consumer, fileBody(orderId))).body.error).toMatchObject({ code: 'disputes.open_complaint', field: 'orderId' });

    const unchanged = async (version: number) => {
      const c = await stored(id);
      expect(c.version).toBe(version);
      expect((await p.c.uow.read.complaints.listEntries(id)).length).toBeGreaterThan(0);
    };
    const v = (await stored(id)).version;
    // a mediator cannot decide before mediation; a merchant of another organization does not see it
    const early = await p.call(reviewer, 'POST', `/api/complaints/${id}/decide`, { remedy: 'refund', amountFen: 100, note: '先行裁决' });
    expect([early.status, early.body.error.code]).toEqual([409, 'disputes.wrong_status']);
    const foreign = await p.call(otherMerchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意' });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'disputes.not_found']);
    // the route's policy refuses a consumer answering for the merchant
    expect((await p.call(consumer, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意' })).status).toBe(403);
    await unchanged(v);

    // past the 48 hours the merchant's answer is refused: the step belongs to the sweep
    await setDue(id, new Date(p.c.clock.now().getTime() - 1));
    const vLate = (await stored(id)).version;
    const late = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'accept', note: '同意退款' });
    expect([late.status, late.body.error.code, late.body.error.field]).toEqual([409, 'disputes.deadline_passed', 'id']);
    await unchanged(vLate);
    expect((await stored(id)).status).toBe('awaiting_merchant');

    // a decision above what the order allows
    await p.c.complaints.sweeper.sweep();
    expect((await stored(id)).status).toBe('mediating');
    const high = await p.call(admin, 'POST', `/api/complaints/${id}/decide`, { remedy: 'refund', amountFen: 9_901, note: '全额退款' });
    expect(high.body.error).toMatchObject({ code: 'disputes.amount_too_high', field: 'amountFen' });
    const dismissed = await p.call(admin, 'POST', `/api/complaints/${id}/dismiss`, { reason: '证据不足以证明质量问题' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', closingReason: '证据不足以证明质量问题' });
  });

  it('two filings about one order at once: one complaint, the other refused as open', async () => {
    const orderId = await paidOrder(consumer, 9_900);
    const answers = await Promise.all([file(consumer, fileBody(orderId)), file(consumer, fileBody(orderId))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error).toMatchObject({ code: 'disputes.open_complaint', field: 'orderId' });
  });

  it('evidence: the consumer’s own upload is kept, once', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const up = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=product_image&filename=evidence.png',
      headers: { ...consumer.headers(), 'content-type': 'image/png' },
      payload: png,
    });
    expect(up.statusCode).toBe(201);
    const docId = up.json().id as string;
    const r = await file(consumer, fileBody(await paidOrder(consumer, 9_900), { evidenceDocumentIds: [docId, docId] }));
    expect(r.status).toBe(201);
    expect(r.body.evidenceDocumentIds).toEqual([docId]);
    // someone else's upload is not the consumer's evidence
    const theirs = await file(otherConsumer, fileBody(await paidOrder(otherConsumer, 9_900), { evidenceDocumentIds: [docId] }));
    expect(theirs.body.error).toMatchObject({ code: 'disputes.evidence_invalid', field: 'evidenceDocumentIds.0' });
  });

  it('evidence: the complaint’s merchant, mediators and the regulator open it; another merchant, consumer or streamer get 404', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const upload = async () => {
      const up = await p.app.inject({
        method: 'POST',
        url: '/api/documents?docType=product_image&filename=evidence.png',
        headers: { ...consumer.headers(), 'content-type': 'image/png' },
        payload: png,
      });
      expect(up.statusCode).toBe(201);
      return up.json().id as string;
    };
    const docId = await upload();
    const open = async (s: TestSession, id = docId) =>
      (await p.app.inject({ method: 'GET', url: `/api/documents/${id}/content`, headers: s.headers() })).statusCode;
    // before it is evidence of a complaint, the merchant cannot read the consumer's upload
    expect(await open(merchant)).toBe(404);
    const r = await file(consumer, fileBody(await paidOrder(consumer, 9_900), { evidenceDocumentIds: [docId] }));
    expect(r.status).toBe(201);
    const readers = { consumer, merchant, reviewer, admin, regulator };
    for (const [who, s] of Object.entries(readers)) expect([who, await open(s)]).toEqual([who, 200]);
    const body = await p.app.inject({ method: 'GET', url: `/api/documents/${docId}/content`, headers: merchant.headers() });
    expect(Buffer.from(body.rawPayload).equals(png)).toBe(true);
    for (const [who, s] of Object.entries({ otherMerchant, otherConsumer, streamer })) expect([who, await open(s)]).toEqual([who, 404]);
    // the merchant's read is audited with the grant that allowed it
    const reads = await p.c.uow.read.audit.list({ limit: 50, action: 'document.download' });
    expect(reads.find((a) => a.targetId === docId && a.actorUserId === merchant.me.user.id)?.detail).toMatchObject({
      grantedBy: 'complaint_evidence',
    });
    // the consumer's other uploads stay theirs
    expect(await open(merchant, await upload())).toBe(404);
  });

  it('a step at its deadline is taken; a millisecond past it, refused', async () => {
    const onTime = (await file(consumer, fileBody(await paidOrder(consumer, 9_900)))).body.id as string;
    await setDue(onTime, clock.now());
    const atDeadline = await p.call(merchant, 'POST', `/api/complaints/${onTime}/answer`, { answer: 'reject', note: '不同意退款' });
    expect(atDeadline.body.status).toBe('negotiating');
    await setDue(onTime, clock.now());
    expect((await p.call(consumer, 'POST', `/api/complaints/${onTime}/escalate`, {})).body.status).toBe('mediating');
    await setDue(onTime, new Date(clock.now().getTime() - 1));
    const lateDecision = await p.call(reviewer, 'POST', `/api/complaints/${onTime}/decide`, {
      remedy: 'refund',
      amountFen: 9_900,
      note: '全额退款',
    });
    expect([lateDecision.status, lateDecision.body.error.code]).toEqual([409, 'disputes.deadline_passed']);
    expect((await stored(onTime)).status).toBe('mediating');
  });

  it('a consumer may withdraw an open complaint', async () => {
    const id = (await file(consumer, fileBody(await paidOrder(consumer, 9_900)))).body.id as string;
    const r = await p.call(consumer, 'POST', `/api/complaints/${id}/withdraw`, { note: '商家已私下处理' });
    expect(r.body).toMatchObject({ status: 'withdrawn', closingReason: '商家已私下处理', dueAt: null });
  });
});

describe('who may call what, and tenants', () => {
  it('each route answers its roles only', async () => {
    const id = (await file(consumer, fileBody(await paidOrder(consumer, 9_900)))).body.id as string;
    const allowed: Record<string, readonly Role[]> = {
      'GET /api/complaints/mine': ['consumer'],
      'GET /api/complaints/merchant': ['merchant_staff'],
      'GET /api/complaints/mediation': ['platform_admin', 'reviewer'],
      'GET /api/complaints/regulator': ['regulator'],
      [`GET /api/complaints/${id}`]: ['consumer', 'merchant_staff', 'platform_admin', 'reviewer', 'regulator'],
      [`GET ${STATS}?by=merchant&from=${today()}&to=${today()}`]: ['merchant_staff', 'platform_admin', 'reviewer', 'regulator'],
      [`GET /api/complaints/stats.xlsx?by=product&from=${today()}&to=${today()}`]: [
        'merchant_staff',
        'platform_admin',
        'reviewer',
        'regulator',
      ],
    };
    const sessions = new Map<Role, TestSession>();
    for (const role of Object.keys(DEMO_ACCOUNT_BY_ROLE) as Role[]) sessions.set(role, await p.login(DEMO_ACCOUNT_BY_ROLE[role]));
    for (const [route, roles] of Object.entries(allowed)) {
      const [method, url] = route.split(' ') as ['GET', string];
      expect((await p.call(null, method, url)).status).toBe(401);
      for (const [role, s] of sessions) {
        const status = (await p.call(s, method, url)).status;
        expect([route, role, status === 200]).toEqual([route, role, roles.includes(role)]);
      }
    }
    // writes: each by its role only (a wrong role never reaches the service)
    const writes: Array<[string, Record<string, unknown>, readonly Role[]]> = [
      ['/api/complaints', fileBody(p.c.ids.next()), ['consumer']],
      [`/api/complaints/${id}/answer`, { answer: 'reject', note: '不同意' }, ['merchant_staff']],
      [`/api/complaints/${id}/decide`, { remedy: 'refund', amountFen: 1, note: '裁决' }, ['platform_admin', 'reviewer']],
      [`/api/complaints/${id}/regulator-decision`, { decision: 'accept', reason: '受理' }, ['regulator']],
      [`/api/complaints/${id}/regulator-mediate`, { remedy: 'refund', amountFen: 1, note: '调解成立' }, ['regulator']],
      [`/api/complaints/${id}/regulator-close`, { reason: '终止调解' }, ['regulator']],
      [`/api/complaints/${id}/pay`, {}, ['merchant_staff']],
    ];
    for (const [url, body, roles] of writes)
      for (const [role, s] of sessions)
        if (!roles.includes(role)) expect([url, role, (await p.call(s, 'POST', url, body)).status]).toEqual([url, role, 403]);
    expect((await stored(id)).version).toBe(1);
  });

  it('投诉统计: per merchant, streamer and product; a merchant sees only its own; a bad period is a 400 on its field; XLSX', async () => {
    const orderId = await paidOrder(consumer, 20_000, { streamerUserId: streamerId });
    const id = (await file(consumer, fileBody(orderId, { claim: { kind: 'compensation', amountFen: 3_000 } }))).body.id as string;
    const answered = await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'reject', note: '不同意' });
    expect(answered.status).toBe(200);
    const q = (by: string) => `${STATS}?by=${by}&from=${today()}&to=${today()}`;
    const all = await p.call(admin, 'GET', q('merchant'));
    expect(all.status).toBe(200);
    const mine = all.body.rows.find((r: { subjectId: string }) => r.subjectId === merchantOrg);
    expect(mine.subjectName).toBeTruthy();
    expect(mine.subjectName).not.toBe(merchantOrg);
    expect(mine.complaints).toBeGreaterThanOrEqual(1);
    expect(mine.byStatus.negotiating).toBeGreaterThanOrEqual(1);
    expect(mine.medianAnswerHours).not.toBeNull();
    expect(all.body.totals.complaints).toBeGreaterThanOrEqual(mine.complaints);
    const byStreamer = await p.call(regulator, 'GET', q('streamer'));
    expect(byStreamer.body.rows.map((r: { subjectId: string }) => r.subjectId)).toContain(streamerId);
    // the merchant's own view: its organization only; another merchant's view does not count this complaint
    const own = await p.call(merchant, 'GET', q('merchant'));
    expect(own.body.rows.map((r: { subjectId: string }) => r.subjectId)).toEqual([merchantOrg]);
    const other = await p.call(otherMerchant, 'GET', q('merchant'));
    expect(other.body.rows.map((r: { subjectId: string }) => r.subjectId)).not.toContain(merchantOrg);
    // bad input: 400 on the field, never a 500
    for (const [url, field] of [
      [`${STATS}?by=merchant&from=2026-02-30&to=${today()}`, 'from'],
      [`${STATS}?by=merchant&from=${today()}&to=2020-01-01`, 'to'],
      [`${STATS}?by=merchant&from=2024-01-01&to=2026-01-01`, 'to'],
      [`${STATS}?by=order&from=${today()}&to=${today()}`, 'by'],
      [`${STATS}?by=merchant&to=${today()}`, 'from'],
    ] as const) {
      const r = await p.call(admin, 'GET', url);
      expect([url, r.status, r.body.error?.field]).toEqual([url, 400, field]);
    }
    // the workbook: Chinese headers, the merchant's row by name, the totals
    const xlsx = await p.app.inject({ method: 'GET', url: q('merchant').replace('/stats?', '/stats.xlsx?'), headers: admin.headers() });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('投诉统计');
    expect(ws?.getRow(2).getCell(1).value).toBe('商家');
    expect(ws?.getRow(2).getCell(2).value).toBe('投诉数');
    const names = ws?.getColumn(1).values as unknown[];
    expect(names).toContain(mine.subjectName);
    expect(names).toContain('合计');
  });

  it('a merchant never sees another merchant’s complaints; a consumer only their own', async () => {
    const id = (await file(consumer, fileBody(await paidOrder(consumer, 9_900)))).body.id as string;
    expect((await p.call(otherMerchant, 'GET', '/api/complaints/merchant')).body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await p.call(otherMerchant, 'GET', `/api/complaints/${id}`)).status).toBe(404);
    expect((await p.call(otherConsumer, 'GET', `/api/complaints/${id}`)).status).toBe(404);
    expect((await p.call(otherConsumer, 'GET', '/api/complaints/mine')).body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    const merchantItems = (await p.call(merchant, 'GET', '/api/complaints/merchant')).body.items as Array<{ merchantOrgId: string }>;
    expect(merchantItems.length).toBeGreaterThan(0);
    expect(merchantItems.every((x) => x.merchantOrgId === merchantOrg)).toBe(true);
    const mine = (await p.call(consumer, 'GET', '/api/complaints/mine')).body.items as Array<{ id: string }>;
    expect(mine.map((x) => x.id)).toContain(id);
  });
});

describe('the inbox and reminders', () => {
  const inboxOf = async (s: TestSession) =>
    (await p.call(s, 'GET', '/api/notifications?limit=100')).body.items as Array<{
      kind: string;
      link: string;
      title: { zh: string };
      body: { zh: string };
    }>;

  it('the consumer’s steps take an empty or absent body (the note is optional)', async () => {
    const a = (await file(consumer, fileBody(await paidOrder(consumer, 8_800)))).body.id as string;
    expect((await p.call(merchant, 'POST', `/api/complaints/${a}/answer`, { answer: 'reject', note: '不同意' })).status).toBe(200);
    const escalated = await p.call(consumer, 'POST', `/api/complaints/${a}/escalate`);
    expect(escalated.status).toBe(200);
    expect(escalated.body.status).toBe('mediating');
    const b = (await file(consumer, fileBody(await paidOrder(consumer, 8_800)))).body.id as string;
    const withdrawn = await p.call(consumer, 'POST', `/api/complaints/${b}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', closingReason: null });
    const c = (await file(consumer, fileBody(await paidOrder(consumer, 8_800)))).body.id as string;
    await p.call(merchant, 'POST', `/api/complaints/${c}/answer`, {
      answer: 'counter',
      offer: { kind: 'refund', amountFen: 100 },
      note: '部分退款',
    });
    const accepted = await p.call(consumer, 'POST', `/api/complaints/${c}/accept-offer`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('resolved');
  });

  it('the mediators are reminded once in the last 3 working days of mediation, the regulator once on the last day of its 7 and of its own mediation', async () => {
    const orderId = await paidOrder(consumer, 15_000);
    const id = (await file(consumer, fileBody(orderId))).body.id as string;
    await p.call(merchant, 'POST', `/api/complaints/${id}/answer`, { answer: 'reject', note: '不同意' });
    await p.call(consumer, 'POST', `/api/complaints/${id}/escalate`, {});
    const mediating = await stored(id);
    expect(mediating.status).toBe('mediating');
    const from = reminderFrom(mediating) as Date;
    const actions = async () => (await p.c.uow.read.complaints.listEntries(id)).map((e) => e.action);
    // at the end of the working day before the last three: nothing; a millisecond later: reminded, once
    await p.c.complaints.sweeper.sweep(from);
    expect(await actions()).not.toContain('mediation_reminded');
    expect((await p.c.complaints.sweeper.sweep(new Date(from.getTime() + 1))).deadlineRemindersSent).toBeGreaterThanOrEqual(1);
    await p.c.complaints.sweeper.sweep(new Date(from.getTime() + 2));
    await p.c.complaints.sweeper.sweep(mediating.dueAt as Date);
    expect((await actions()).filter((a) => a === 'mediation_reminded')).toHaveLength(1);
    expect(
      (await p.c.uow.read.audit.list({ limit: 100, action: 'disputes.mediation_reminded' })).filter((a) => a.targetId === id),
    ).toHaveLength(1);
    await drainOutbox();
    const due = (await inboxOf(reviewer)).filter((n) => n.link === `/complaints/${id}` && n.kind === 'complaint.mediation_due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ severity: 'action_required' });
    expect((await inboxOf(admin)).some((n) => n.link === `/complaints/${id}` && n.kind === 'complaint.mediation_due')).toBe(true);
    expect((await inboxOf(merchant)).some((n) => n.kind === 'complaint.mediation_due')).toBe(false);

    // mediation lapses; the consumer escalates; the regulator is reminded on the last working day only
    await p.c.complaints.sweeper.sweep(new Date((mediating.dueAt as Date).getTime() + 1));
    expect((await p.call(consumer, 'POST', `/api/complaints/${id}/escalate`, {})).body.status).toBe('escalated');
    const escalated = await stored(id);
    const last = reminderFrom(escalated) as Date;
    await p.c.complaints.sweeper.sweep(last);
    expect(await actions()).not.toContain('regulator_reminded');
    await p.c.complaints.sweeper.sweep(new Date(last.getTime() + 1));
    await p.c.complaints.sweeper.sweep(new Date(last.getTime() + 2));
    // past the deadline: shown overdue, not reminded (again)
    await p.c.complaints.sweeper.sweep(new Date((escalated.dueAt as Date).getTime() + 1));
    expect((await actions()).filter((a) => a === 'regulator_reminded')).toHaveLength(1);
    await drainOutbox();
    expect((await inboxOf(regulator)).filter((n) => n.link === `/complaints/${id}` && n.kind === 'complaint.acceptance_due')).toHaveLength(
      1,
    );
    // accepted late (allowed): the regulator's own mediation, reminded once in its last 3 working days, then terminated
    const accepted = await p.call(regulator, 'POST', `/api/complaints/${id}/regulator-decision`, {
      decision: 'accept',
      reason: '予以受理',
    });
    expect(accepted.body.status).toBe('accepted_by_regulator');
    const mediation = await stored(id);
    const ending = reminderFrom(mediation) as Date;
    await p.c.complaints.sweeper.sweep(ending);
    expect(await actions()).not.toContain('regulator_mediation_reminded');
    await p.c.complaints.sweeper.sweep(new Date(ending.getTime() + 1));
    await p.c.complaints.sweeper.sweep(new Date(ending.getTime() + 2));
    await p.c.complaints.sweeper.sweep(mediation.dueAt as Date);
    expect((await actions()).filter((a) => a === 'regulator_mediation_reminded')).toHaveLength(1);
    expect((await stored(id)).status).toBe('accepted_by_regulator');
    expect(
      (await p.c.complaints.sweeper.sweep(new Date((mediation.dueAt as Date).getTime() + 1))).regulatorMediationsClosed,
    ).toBeGreaterThanOrEqual(1);
    expect((await stored(id)).status).toBe('regulator_closed');
    await drainOutbox();
    const mediationDue = (await inboxOf(regulator)).filter(
      (n) => n.link === `/complaints/${id}` && n.kind === 'complaint.regulator_mediation_due',
    );
    expect(mediationDue).toHaveLength(1);
    expect(mediationDue[0]).toMatchObject({ severity: 'action_required' });
    expect((await inboxOf(reviewer)).some((n) => n.kind === 'complaint.regulator_mediation_due')).toBe(false);
    // both sides see the reminders on the timeline
    const timeline = (await p.call(consumer, 'GET', `/api/complaints/${id}`)).body.timeline.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(
      expect.arrayContaining(['mediation_reminded', 'regulator_reminded', 'regulator_mediation_reminded', 'regulator_mediation_lapsed']),
    );
  });

  it('the merchant is told of a new complaint and reminded once before its 48 hours end; the mediators when it enters mediation', async () => {
    const orderId = await paidOrder(consumer, 15_000);
    const id = (await file(consumer, fileBody(orderId, { category: 'false_advertising' }))).body.id as string;
    await drainOutbox();
    const filed = (await inboxOf(merchant)).filter((n) => n.link === `/complaints/${id}`);
    expect(filed.map((n) => n.kind)).toEqual(['complaint.filed']);
    expect(filed[0]?.title.zh).toBe('新投诉：虚假宣传');
    expect(filed[0]?.body.zh).not.toContain(orderId);

    // 13 hours before the deadline: no reminder; 11 hours before: one, and a second sweep sends none
    const due = (await stored(id)).dueAt as Date;
    await p.c.complaints.sweeper.sweep(new Date(due.getTime() - 13 * HOUR));
    expect((await p.c.uow.read.complaints.listEntries(id)).map((e) => e.action)).toEqual(['filed']);
    await setDue(id, new Date(p.c.clock.now().getTime() + 11 * HOUR));
    const first = await p.c.complaints.sweeper.sweep();
    expect(first.complaintRemindersSent).toBeGreaterThanOrEqual(1);
    await p.c.complaints.sweeper.sweep();
    await p.c.tick();
    const entries = await p.c.uow.read.complaints.listEntries(id);
    expect(entries.map((e) => [e.action, e.role, e.toStatus])).toEqual([
      ['filed', 'consumer', 'awaiting_merchant'],
      ['merchant_reminded', 'system', 'awaiting_merchant'],
    ]);
    expect(
      (await p.c.uow.read.audit.list({ limit: 50, action: 'disputes.merchant_reminded' })).filter((a) => a.targetId === id),
    ).toHaveLength(1);
    await drainOutbox();
    const reminders = (await inboxOf(merchant)).filter((n) => n.link === `/complaints/${id}` && n.kind === 'complaint.answer_due');
    expect(reminders).toHaveLength(1);
    // the consumer sees the reminder on the timeline too
    expect((await p.call(consumer, 'GET', `/api/complaints/${id}`)).body.timeline.map((e: { action: string }) => e.action)).toContain(
      'merchant_reminded',
    );

    // silent past the deadline: the mediators are asked to decide, the consumer is told
    await setDue(id, new Date(p.c.clock.now().getTime() - 1));
    await p.c.tick();
    await drainOutbox();
    expect((await inboxOf(reviewer)).filter((n) => n.link === `/complaints/${id}`).map((n) => n.kind)).toEqual(['complaint.mediation']);
    expect((await inboxOf(admin)).some((n) => n.link === `/complaints/${id}`)).toBe(true);
    expect((await inboxOf(consumer)).filter((n) => n.link === `/complaints/${id}`).map((n) => n.kind)).toEqual(['complaint.mediation']);
    expect((await inboxOf(regulator)).some((n) => n.link === `/complaints/${id}`)).toBe(false);
  });
});
