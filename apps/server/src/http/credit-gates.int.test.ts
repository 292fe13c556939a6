/**
 * Credit measures at the gates (docs/credit.md, "Measures at the gates"): a party driven to tier D by real credit
 * events is refused at each gate with `credit.measure_applies` (403) and the measure's reason — flash sales, sample
 * requests and commission plans, going live without the platform's pre-review — and the same call works once the
 * party is restored (its events voided, as an upheld appeal does). Tier D holds payouts and leaving it releases them;
 * tier C shows in the review queue (the observation tag, extra sampling of passed events); and a violation
 * confirmed in the review queue moves the streamer's score after one outbox pass.
 */
import type { CreditPartyKind } from '@livehub/core';
import { sampledForReview } from '@livehub/core';
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
let admin: TestSession;
let reviewer: TestSession;
let streamer: TestSession;
let otherStreamer: TestSession;
let merchant: TestSession;
let streamerId: string;
let otherStreamerId: string;
let merchantOrg: string;
let agreed: string[];

const SOURCE = 'test-gates:';
let seq = 0;

/** Real credit events (administrative penalties and upheld complaints) until the party is in tier D. */
async function dropToD(partyId: string, partyKind: CreditPartyKind): Promise<void> {
  const at = p.c.clock.now();
  const events = [
    ...Array.from({ length: 6 }, () => ({ kind: 'case.penalty' as const, data: { severity: 3 } })),
    ...Array.from({ length: 12 }, () => ({ kind: 'complaint.upheld' as const, data: { severity: 3 } })),
  ].map((e) => ({ partyId, partyKind, at, ...e, source: `${SOURCE}${++seq}` }));
  await p.c.credit.ingest(events);
  expect((await p.c.creditGate.standing(partyId)).tier).toBe('D');
}

/** Administrative penalties of the lowest severity, one at a time, until tier C (observation, extra sampling). */
async function dropToC(partyId: string, partyKind: CreditPartyKind): Promise<void> {
  for (let i = 0; i < 40 && (await p.c.creditGate.standing(partyId)).tier !== 'C'; i++)
    await p.c.credit.ingest([
      { partyId, partyKind, at: p.c.clock.now(), kind: 'case.penalty', data: { severity: 1 }, source: `${SOURCE}${++seq}` },
    ]);
  expect((await p.c.creditGate.standing(partyId)).tier).toBe('C');
}

/** Voids this test's events of the party (an upheld appeal) and rescores it, in one transaction. */
async function restore(partyId: string, partyKind: CreditPartyKind): Promise<void> {
  await p.c.uow.transaction(async (tx) => {
    for (const e of await tx.credit.eventsOf(partyId))
      if (e.source.startsWith(SOURCE) && !e.voidedAt) await tx.credit.voidEvent(e.id, p.c.clock.now(), 'test: restored');
    await p.c.credit.rescoreIn(tx, partyId, partyKind, 'appeal');
  });
  const tier = (await p.c.creditGate.standing(partyId)).tier;
  expect(['A', 'B']).toContain(tier);
}

function expectRefused(
  res: { status: number; body: { error: { code: string; message: string; field?: string } } },
  measureZh: string,
  field?: string,
) {
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('credit.measure_applies');
  expect(res.body.error.message).toContain('信用等级为 D');
  expect(res.body.error.message).toContain(measureZh);
  if (field) expect(res.body.error.field).toBe(field);
}

const schedule = async (productIds: string[]) => {
  const r = await p.call(streamer, 'POST', '/api/live/sessions', {
    title: '信用措施测试专场',
    scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
    productIds,
  });
  expect(r.status).toBe(201);
  return r.body.session.id as string;
};

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  [admin, reviewer, streamer, otherStreamer, merchant] = await Promise.all([
    p.login('admin'),
    p.login('reviewer'),
    p.login('streamer'),
    p.login('streamer_0003'),
    p.login('merchant'),
  ]);
  streamerId = streamer.me.user.id;
  otherStreamerId = otherStreamer.me.user.id;
  merchantOrg = merchant.me.active?.orgId as string;
  // the demo streamer's agreement in force with the demo merchant covers two products
  const agreements = (await p.call(streamer, 'GET', '/api/agreements?status=in_force')).body;
  agreed = agreements[0].versions[0].terms.products.map((x: { productId: string }) => x.productId);
  // the measures bite in full: no observation period (观察期 lightens D for new parties), and a medical claim is never
  // waived as a first offence (首违不罚) — both modes have their own tests (credit-modes.int.test.ts)
  const settings = (await p.call(admin, 'GET', '/api/credit/modes/settings')).body.settings;
  const strict = await p.call(admin, 'PUT', '/api/credit/modes/settings', {
    ...settings,
    firstOffence: { ...settings.firstOffence, byCategory: { ...settings.firstOffence.byCategory, medical_claim: 0 } },
    observation: { days: { merchant: 0, streamer: 0 } },
  });
  expect(strict.status).toBe(200);
  // the seed's own outbox events reach credit first, so each test's single pass sees only its own
  for (let i = 0; i < 200; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
}, 180_000);

afterAll(async () => p?.close());

describe('tier D at the gates', () => {
  it('no_flash_sale: neither a D streamer nor the product’s D merchant sets up a flash sale; restored, they do', async () => {
    const sessionId = await schedule(agreed);
    const product = (await p.call(streamer, 'GET', `/api/live/sessions/${sessionId}`)).body.products[0];
    const productId = (product.productId ?? product.id) as string;
    const sku = (await p.c.uow.read.catalog.listSkus([productId]))[0] as { id: string; priceFen: number };
    const sale = () =>
      p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/flash-sales`, {
        productId,
        skuId: sku.id,
        priceFen: Math.max(1, Math.floor(sku.priceFen / 2)),
        quantity: 1,
        perUserLimit: 1,
        durationS: 600,
      });
    await dropToD(streamerId, 'streamer');
    expectRefused(await sale(), '暂停参加秒杀活动', 'productId');
    await restore(streamerId, 'streamer');

    await dropToD(merchantOrg, 'merchant');
    expectRefused(await sale(), '暂停参加秒杀活动', 'productId');
    await restore(merchantOrg, 'merchant');

    expect((await sale()).status).toBe(201);
    expect((await p.call(streamer, 'POST', `/api/live/sessions/${sessionId}/end`, {})).status).toBe(200);
  });

  it('no_selection: a D streamer requests no sample, a D merchant puts no product in the pool; restored, they do', async () => {
    const pool = (await p.call(streamer, 'GET', '/api/selection/search?q=&sampleAvailable=true')).body.items as Array<{
      productId: string;
      merchantOrgId: string;
    }>;
    expect(pool.length).toBeGreaterThan(0);
    const contact = { recipient: '陈嘉怡', phone: '13812345678', address: '上海市嘉定区云谷路 88 号 3 栋 1201' };
    await dropToD(streamerId, 'streamer');
    expectRefused(await p.call(streamer, 'POST', '/api/samples', { productId: pool[0]?.productId, ...contact }), '暂停选品中心使用');
    await restore(streamerId, 'streamer');
    const statuses: number[] = [];
    for (const item of pool) {
      const r = await p.call(streamer, 'POST', '/api/samples', { productId: item.productId, ...contact });
      statuses.push(r.status);
      expect(r.body.error?.code).not.toBe('credit.measure_applies');
      if (r.status === 201) break;
    }
    expect(statuses).toContain(201);

    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
    const plan = (productId: string) =>
      p.call(merchant, 'POST', '/api/selection/plans', {
        productId,
        type: 'open',
        commissionBp: 1500,
        slotFeeFen: 0,
        startsAt: day(-1),
        endsAt: day(20),
      });
    const own = (await p.call(streamer, 'GET', '/api/selection/search?q=')).body.items.filter(
      (i: { merchantOrgId: string }) => i.merchantOrgId === merchantOrg,
    ) as Array<{ productId: string }>;
    expect(own.length).toBeGreaterThan(0);
    await dropToD(merchantOrg, 'merchant');
    expectRefused(await plan(own[0]?.productId as string), '暂停选品中心使用');
    await restore(merchantOrg, 'merchant');
    const planned: number[] = [];
    for (const item of own) {
      const r = await plan(item.productId);
      planned.push(r.status);
      expect(r.body.error?.code).not.toBe('credit.measure_applies');
      if (r.status === 201) break;
    }
    expect(planned).toContain(201);
  });

  it('prereview: a D streamer goes live only after the platform pre-reviewed the session; restored, without', async () => {
    await dropToD(streamerId, 'streamer');
    const id = await schedule(agreed);
    const checklist = async () =>
      (
        (await p.call(streamer, 'GET', `/api/live/sessions/${id}/checklist`)).body as Array<{
          key: string;
          ok: boolean;
          message: { zh: string };
        }>
      ).find((i) => i.key === 'credit_prereview');
    expect(await checklist()).toMatchObject({ ok: false, message: { zh: expect.stringContaining('直播脚本和商品卡须先审后播') } });
    expectRefused(await p.call(streamer, 'POST', `/api/live/sessions/${id}/start`, {}), '直播脚本和商品卡须先审后播', 'prereview');
    // only the platform pre-reviews
    expect((await p.call(streamer, 'POST', `/api/live/sessions/${id}/prereview`, {})).status).toBe(403);
    expect((await p.call(merchant, 'POST', `/api/live/sessions/${id}/prereview`, {})).status).toBe(403);
    expect((await p.call(reviewer, 'POST', `/api/live/sessions/${id}/prereview`, {})).status).toBe(200);
    expect(await checklist()).toMatchObject({ ok: true });
    const audited = await p.c.uow.read.audit.list({ action: 'live.prereview', limit: 20 });
    expect(audited.map((a) => a.targetId)).toContain(id);
    // other product cards need a new pre-review
    expect((await p.call(streamer, 'PUT', `/api/live/sessions/${id}/products`, { productIds: [agreed[0]] })).status).toBe(200);
    expect(await checklist()).toMatchObject({ ok: false });
    expectRefused(await p.call(streamer, 'POST', `/api/live/sessions/${id}/start`, {}), '先审后播', 'prereview');
    expect((await p.call(admin, 'POST', `/api/live/sessions/${id}/prereview`, {})).status).toBe(200);
    const started = await p.call(streamer, 'POST', `/api/live/sessions/${id}/start`, {});
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('live');
    expect((await p.call(streamer, 'POST', `/api/live/sessions/${id}/end`, {})).status).toBe(200);
    // its end tells the credit feed who streamed, since when, and how many confirmed violations there were
    const ended = (await p.c.uow.read.outbox.pending(1000)).find((e) => e.topic === 'live.ended' && e.payload.sessionId === id);
    expect(ended?.payload).toMatchObject({ streamerUserId: streamerId, startedAt: expect.any(String), violations: 0 });
    // a session ended is not pre-reviewed any more
    expect((await p.call(reviewer, 'POST', `/api/live/sessions/${id}/prereview`, {})).status).toBe(409);

    await restore(streamerId, 'streamer');
    const next = await schedule(agreed);
    expect((await p.call(streamer, 'GET', `/api/live/sessions/${next}/checklist`)).body.map((i: { key: string }) => i.key)).not.toContain(
      'credit_prereview',
    );
    expect((await p.call(streamer, 'POST', `/api/live/sessions/${next}/start`, {})).status).toBe(200);
    expect((await p.call(streamer, 'POST', `/api/live/sessions/${next}/end`, {})).status).toBe(200);
  });

  it('payout_hold: dropping to D holds the party’s payouts with the credit reason; leaving D releases them', async () => {
    await dropToD(merchantOrg, 'merchant');
    const held = await p.call(merchant, 'GET', '/api/payouts/summary');
    expect(held.body.hold?.reason).toContain('信用等级 D');
    const refused = await p.call(
      merchant,
      'POST',
      '/api/payouts',
      { amountFen: 100, method: 'bank', accountName: '张三丰', accountNo: '6222021234567891234', bankName: '中国工商银行上海分行' },
      { 'idempotency-key': `gates-payout-${Date.now()}` },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payouts.on_hold');
    await restore(merchantOrg, 'merchant');
    expect((await p.call(merchant, 'GET', '/api/payouts/summary')).body.hold).toBeNull();
  });
});

describe('tier C in the review queue', () => {
  it('items of a party under observation carry the tag; its passed events are sampled at the extra rate', async () => {
    await dropToC(streamerId, 'streamer');
    const ingest = (eventId: string, text: string, streamerUserId: string) =>
      p.call(admin, 'POST', '/api/compliance/events', { eventId, kind: 'transcript', text, streamerUserId });
    const hit = await ingest(`gates-hit-${Date.now()}`, '家人们加我薇信私聊，13800138000', streamerId);
    const item = await p.call(reviewer, 'GET', `/api/review/items/${hit.body.reviewItemId}`);
    expect(item.body.observation.zh).toContain('重点观察');
    expect(item.body.observation.zh).toContain('信用等级 C');
    expect(item.body.sampled).toBe(false);
    const queue = await p.call(reviewer, 'GET', '/api/review/items?status=pending');
    expect(queue.body.items.find((i: { id: string }) => i.id === hit.body.reviewItemId)?.observation).not.toBeNull();

    const ids = Array.from({ length: 200 }, (_, i) => `gates-pass-${i}`);
    const sampledId = ids.find((id) => sampledForReview(id, 2000)) as string;
    const unsampledId = ids.find((id) => !sampledForReview(id, 2000)) as string;
    const clean = '今天给大家带来新款羽绒服，保暖又轻薄';
    const sampled = await ingest(sampledId, clean, streamerId);
    expect(sampled.body).toMatchObject({ decision: 'allow', hits: [] });
    expect(sampled.body.reviewItemId).toEqual(expect.any(String));
    expect((await p.call(reviewer, 'GET', `/api/review/items/${sampled.body.reviewItemId}`)).body).toMatchObject({
      sampled: true,
      observation: { zh: expect.stringContaining('重点观察') },
    });
    expect((await ingest(unsampledId, clean, streamerId)).body.reviewItemId).toBeNull();
    // a party in good standing: the same hash samples nothing
    expect((await ingest(`${sampledId}-x`, clean, otherStreamerId)).body.reviewItemId ?? null).toBeNull();
    const otherSampled = ids.map((id) => `other-${id}`).find((id) => sampledForReview(id, 2000)) as string;
    expect((await ingest(otherSampled, clean, otherStreamerId)).body.reviewItemId).toBeNull();
    await restore(streamerId, 'streamer');
  });

  it('a violation confirmed in the review queue moves the streamer’s score after one outbox pass', async () => {
    const before = await p.c.creditGate.standing(streamerId);
    const hit = await p.call(admin, 'POST', '/api/compliance/events', {
      eventId: `gates-violation-${Date.now()}`,
      kind: 'transcript',
      text: '这个保健品能降血糖，三天见效',
      productCategory: 'health_food',
      streamerUserId: streamerId,
    });
    const itemId = hit.body.reviewItemId as string;
    expect((await p.call(reviewer, 'POST', `/api/review/items/${itemId}/claim`, {})).status).toBe(200);
    const done = await p.call(reviewer, 'POST', `/api/review/items/${itemId}/decide`, { decision: 'confirm', reason: '非药品宣称降血糖' });
    expect(done.status).toBe(200);
    expect((await p.c.creditGate.standing(streamerId)).total).toBe(before.total);
    await p.c.outbox.dispatch();
    const after = await p.c.creditGate.standing(streamerId);
    expect(after.total).toBeLessThan(before.total);
    const events = await p.c.uow.read.credit.eventsOf(streamerId);
    expect(events.find((e) => e.source === `violation:${done.body.violationId}`)).toMatchObject({ kind: 'violation.confirmed' });
  });
});

describe('the feed from the registry', () => {
  it('a qualification that expires in the sweep counts against its holder as a lapsed certification', async () => {
    const far = new Date(Date.now() + 30 * 365 * 86_400_000);
    const swept = await p.c.registry.sweep(far);
    expect(swept.expired).toBeGreaterThan(0);
    const lapsed = (await p.c.uow.read.outbox.pending(1000)).filter((e) => e.topic === 'registry.certification_lapsed');
    // a merchant's licence (its qualification id) and the demo streamer's certification (one per period)
    const licence = lapsed.find((e) => e.payload.partyKind === 'merchant');
    expect(licence?.payload).toMatchObject({ partyId: expect.any(String), qualificationId: expect.any(String) });
    const certification = lapsed.find((e) => e.payload.partyId === streamerId);
    expect(certification?.payload).toMatchObject({ partyKind: 'streamer', qualificationId: expect.stringContaining(streamerId) });
    for (let i = 0; i < 20; i++) if (!(await p.c.outbox.dispatch(500)).pending) break;
    for (const e of [licence, certification]) {
      const events = await p.c.uow.read.credit.eventsOf(e?.payload.partyId as string);
      expect(events.find((x) => x.source === `lapsed:${e?.payload.qualificationId}`)).toMatchObject({ kind: 'certification.lapsed' });
    }
  });
});
