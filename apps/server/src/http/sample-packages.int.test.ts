/**
 * 寄样 through the carrier port (issue #20 item 3, ADR 0043): the merchant's 发货 of a sample creates a package with the
 * (simulated) carrier, subscribed for its pushes; the pushes record the sample's 物流轨迹 and a 签收 push marks the
 * sample received by the streamer at the push's time, through the selection context's receipt. Forged pushes are
 * refused with nothing changed; unknown waybills are 404. The streamer's return parcel (寄回, `ship_return`) is the
 * sample's second package (the 'back' leg): checked like the outbound one, subscribed, tracked; its 签收 only marks the
 * parcel delivered — the merchant still confirms 确认归还, which posts the unit back to stock. On PGlite, and on
 * PostgreSQL when DATABASE_URL is set.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.now());
const DAY = 86_400_000;
let p: TestPlatform;
let merchant: TestSession;
let streamer: TestSession;
let streamerName: string;
let sampleId: string;
let productId: string;
let seq = 0;

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  merchant = await p.login('merchant');
  // the seed's request from another streamer, waiting for the demo merchant (seed-catalog.ts)
  const req = (await p.call(merchant, 'GET', '/api/samples?status=requested')).body[0];
  sampleId = req.id;
  productId = req.productId;
  const who = (await p.c.uow.read.users.findByIds([req.streamerUserId]))[0];
  streamerName = who?.username ?? '';
  streamer = await p.login(streamerName);
  expect((await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, { action: 'approve' })).status).toBe(200);
}, 120_000);
afterAll(async () => p?.close());

/** A waybill number the simulator carries to 签收 (a few numbers end in an exception). */
function deliveredWaybill(): string {
  for (;;) {
    const no = `SF${String(Date.now() % 1e9).padStart(9, '0')}${++seq}`;
    if (planOf(no).plan.at(-1)?.body.status === 'delivered') return no;
  }
}

/** The simulator's planned pushes for an SF waybill from now on, and when its last (签收) is timed. */
const planOf = (no: string) => {
  const plan = p.c.carriers.sim.plan('SF', no, clock.now().getTime());
  return { plan, signedAt: plan.at(-1)?.body.time as string };
};

/** What a package just handed to SF shows: shipped, no carrier event yet. */
const justShipped = (trackingNo: string) => ({
  carrier: 'SF',
  carrierName: { zh: '顺丰速运' },
  trackingNo,
  status: 'shipped',
  events: [],
});

const push = (body: Record<string, unknown>, signature?: string) => {
  const s = p.c.carriers.sim.signed(body);
  return p.app.inject({
    method: 'POST',
    url: '/api/logistics/push/SF',
    headers: signature === undefined ? s.headers : { ...s.headers, 'x-logistics-signature': signature },
    payload: s.body,
  });
};

describe('寄样 through the carrier port', () => {
  it('a carrier or waybill the platform does not know is a field error, nothing written', async () => {
    const audits = await p.c.uow.read.audit.count();
    const unknown = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '某某快递',
      trackingNo: 'SF1402230001',
    });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([400, 'logistics.unknown_carrier', 'carrier']);
    expect(unknown.body.error.message).toBeTruthy();
    const badNo = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰速运',
      trackingNo: 'YT12345678',
    });
    expect([badNo.status, badNo.body.error.code, badNo.body.error.field]).toEqual([400, 'logistics.bad_tracking_no', 'trackingNo']);
    expect((await p.call(merchant, 'GET', `/api/samples/${sampleId}`)).body).toMatchObject({ status: 'approved', tracking: null });
    expect(await p.c.uow.read.orders.findPackageBySample(sampleId)).toBeNull();
    expect((await p.c.uow.read.inventory.listMovements({ refId: sampleId, limit: 10, offset: 0 })).rows).toEqual([]);
    expect(await p.c.uow.read.audit.count()).toBe(audits);
  });

  it('ship → a subscribed package → the pushes in transit → 签收 → the sample received at the push’s time', async () => {
    const no = deliveredWaybill();
    const shipped = await p.call(merchant, 'POST', `/api/samples/${sampleId}/actions`, {
      action: 'ship',
      carrier: '顺丰',
      trackingNo: no.toLowerCase(),
    });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    // the carrier's name and the waybill as the carrier port stores them
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: no });
    const pkg = await p.c.uow.read.orders.findPackageBySample(sampleId);
    expect(pkg).toMatchObject({ orderId: null, sampleId, carrier: 'SF', trackingNo: no, status: 'shipped' });
    expect(pkg?.subscribedAt).toBeInstanceOf(Date);

    const view = async (who: TestSession = streamer) => (await p.call(who, 'GET', `/api/samples/${sampleId}`)).body;
    expect((await view()).tracking).toMatchObject(justShipped(no));
    const { plan, signedAt } = planOf(no);

    // an hour and a half on: 揽收 only; the sample is still on its way
    clock.advance(90 * 60_000);
    await p.c.carriers.sim.deliverDue();
    let v = await view(merchant);
    expect([v.status, v.tracking.status, v.tracking.events.length]).toEqual(['shipped', 'picked_up', 1]);

    // a forged 签收: refused, nothing recorded, the sample not received
    const forged = await push(
      { trackingNo: no, status: 'delivered', time: clock.now().toISOString(), location: '上海', description: '已签收' },
      'a'.repeat(64),
    );
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'logistics.bad_signature']);
    v = await view();
    expect([v.status, v.tracking.status, v.tracking.events.length]).toEqual(['shipped', 'picked_up', 1]);
    // a waybill no package carries: 404, nothing recorded
    const unknown = await push({
      trackingNo: 'SF0000000001',
      status: 'in_transit',
      time: clock.now().toISOString(),
      location: '上海',
      description: '运输中',
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'logistics.unknown_package']);

    // three days on, through the platform's tick: every push arrived; 签收 received the sample at the carrier's time
    clock.advance(3 * DAY);
    await p.c.tick();
    v = await view();
    expect(v.status).toBe('received');
    expect(v.tracking).toMatchObject({ status: 'delivered', deliveredAt: signedAt });
    expect(v.tracking.events.map((e: { status: string }) => e.status)).toEqual(plan.map((x) => x.body.status).reverse());
    expect(v.featureDueAt).toBe(new Date(Date.parse(signedAt) + 14 * DAY).toISOString());
    expect(v.history.at(-1)).toMatchObject({ action: 'receive', at: signedAt, by: 'system:carrier:SF' });
    const receipt = (await p.c.uow.read.audit.list({ action: 'sample.receive', limit: 50 })).filter((a) => a.targetId === sampleId);
    expect(receipt.map((a) => a.actorLabel)).toEqual(['system:carrier:SF']);
    const events = (await p.c.uow.read.audit.list({ action: 'package.event', limit: 500 })).filter((a) => a.targetId === sampleId);
    expect(events).toHaveLength(plan.length);
    expect(events.every((a) => a.targetType === 'sample')).toBe(true);

    // the streamer's own 确认收到 is now too late (received once); a repeated 签收 push changes nothing
    const again = await p.call(streamer, 'POST', `/api/samples/${sampleId}/actions`, { action: 'receive' });
    expect([again.status, again.body.error.code]).toEqual([409, 'selection.sample_action_not_allowed']);
    const last = plan.at(-1)?.body as Record<string, unknown>;
    expect((await push(last)).json()).toMatchObject({ recorded: false, status: 'delivered' });
    expect((await view()).history.filter((h: { action: string }) => h.action === 'receive')).toHaveLength(1);

    // the package is the sample's: the streamer can go on (feature or ship it back) as before
    expect(
      (await p.call(streamer, 'POST', `/api/samples/${sampleId}/actions`, { action: 'feature', featuredIn: '周三穿搭专场' })).status,
    ).toBe(200);
  });

  it('the tracking shows on one sample’s view for its parties only; lists leave it out', async () => {
    expect((await p.call(await p.login('merchant_0005'), 'GET', `/api/samples/${sampleId}`)).status).toBe(404);
    expect((await p.call(await p.login('admin'), 'GET', `/api/samples/${sampleId}`)).body.tracking.status).toBe('delivered');
    const list = (await p.call(merchant, 'GET', '/api/samples')).body as Array<{ id: string; tracking?: unknown }>;
    expect(list.find((s) => s.id === sampleId)).not.toHaveProperty('tracking');
  });
});

describe('寄回 through the carrier port (the sample’s second package)', () => {
  let id: string;
  const act = (who: TestSession, body: Record<string, unknown>) => p.call(who, 'POST', `/api/samples/${id}/actions`, body);
  const view = async (who: TestSession = merchant) => (await p.call(who, 'GET', `/api/samples/${id}`)).body;
  const movements = async () => (await p.c.uow.read.inventory.listMovements({ refId: id, limit: 10, offset: 0 })).rows;

  it('a second request of the same streamer travels out and is received on the outbound 签收, as before', async () => {
    const contact = { recipient: '陈嘉怡', phone: '13812345678', address: '上海市嘉定区云谷路 88 号 3 栋 1201' };
    const req = await p.call(streamer, 'POST', '/api/samples', { productId, ...contact });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    id = req.body.id;
    expect((await act(merchant, { action: 'approve' })).status).toBe(200);
    const no = deliveredWaybill();
    expect((await act(merchant, { action: 'ship', carrier: '顺丰速运', trackingNo: no })).status).toBe(200);
    clock.advance(3 * DAY);
    await p.c.tick();
    const v = await view(streamer);
    expect(v).toMatchObject({ status: 'received', tracking: { trackingNo: no, status: 'delivered' }, returnTracking: null });
    expect(await p.c.uow.read.orders.findPackageBySample(id, 'out')).toMatchObject({ sampleLeg: 'out', status: 'delivered' });
  });

  it('a return parcel with a carrier or waybill the platform does not know is a field error, nothing written', async () => {
    const audits = await p.c.uow.read.audit.count();
    const unknown = await act(streamer, { action: 'ship_return', carrier: '某某快递', trackingNo: 'SF1402230001' });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([400, 'logistics.unknown_carrier', 'carrier']);
    const badNo = await act(streamer, { action: 'ship_return', carrier: '顺丰速运', trackingNo: 'YT12345678' });
    expect([badNo.status, badNo.body.error.code, badNo.body.error.field]).toEqual([400, 'logistics.bad_tracking_no', 'trackingNo']);
    expect(badNo.body.error.message).toBeTruthy();
    expect(await view()).toMatchObject({ status: 'received', returnCarrier: null, returnTrackingNo: null, returnTracking: null });
    expect(await p.c.uow.read.orders.findPackageBySample(id, 'back')).toBeNull();
    expect(await p.c.uow.read.audit.count()).toBe(audits);
  });

  it("ship_return → a subscribed 'back' package → pushes → 签收 delivers the parcel only; 确认归还 still posts the stock back", async () => {
    const outBefore = await p.c.uow.read.orders.findPackageBySample(id, 'out');
    const no = deliveredWaybill();
    const shipped = await act(streamer, { action: 'ship_return', carrier: '顺丰', trackingNo: no.toLowerCase() });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'return_shipped', returnCarrier: '顺丰速运', returnTrackingNo: no });
    const back = await p.c.uow.read.orders.findPackageBySample(id, 'back');
    expect(back).toMatchObject({ orderId: null, sampleId: id, sampleLeg: 'back', carrier: 'SF', trackingNo: no, status: 'shipped' });
    expect(back?.subscribedAt).toBeInstanceOf(Date);
    // the outbound package is untouched, and still the one `findPackageBySample` answers by default
    expect(await p.c.uow.read.orders.findPackageBySample(id)).toEqual(outBefore);

    let v = await view(streamer);
    expect(v.tracking).toMatchObject({ trackingNo: outBefore?.trackingNo, status: 'delivered' });
    expect(v.returnTracking).toMatchObject(justShipped(no));

    const { plan, signedAt } = planOf(no);
    clock.advance(90 * 60_000);
    await p.c.carriers.sim.deliverDue();
    v = await view();
    expect([v.status, v.returnTracking.status, v.returnTracking.events.length]).toEqual(['return_shipped', 'picked_up', 1]);

    // three days on: the return parcel is 签收 at the carrier's time; the sample waits for the merchant's 确认归还
    clock.advance(3 * DAY);
    await p.c.tick();
    // days have passed: sign in again (sessions do not outlive their idle window)
    merchant = await p.login('merchant');
    streamer = await p.login(streamerName);
    v = await view();
    expect(v.status, JSON.stringify(v)).toBe('return_shipped');
    expect(v.returnTracking).toMatchObject({ status: 'delivered', deliveredAt: signedAt });
    expect(v.returnTracking.events.map((e: { status: string }) => e.status)).toEqual(plan.map((x) => x.body.status).reverse());
    expect(v.history.map((h: { action: string }) => h.action)).not.toContain('confirm_return');
    expect((await movements()).map((m) => m.kind)).toEqual(['sample_out']);
    const events = (await p.c.uow.read.audit.list({ action: 'package.event', limit: 500 })).filter(
      (a) => a.targetId === id && a.detail.trackingNo === no,
    );
    expect(events).toHaveLength(plan.length);
    expect(await p.c.uow.read.audit.list({ action: 'sample.confirm_return', limit: 50 })).not.toContainEqual(
      expect.objectContaining({ targetId: id }),
    );

    const confirmed = await act(merchant, { action: 'confirm_return' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('returned');
    const rows = await movements();
    expect(rows.map((m) => [m.kind, m.qty]).sort()).toEqual([
      ['sample_out', -1],
      ['sample_return', 1],
    ]);
    // the tracking of both legs stays on the returned sample's view
    v = await view(streamer);
    expect([v.tracking.status, v.returnTracking.status]).toEqual(['delivered', 'delivered']);
  });
  it('only the outbound leg’s 签收 receives the sample: a return parcel delivered while the sample is out moves its package only', async () => {
    const contact = { recipient: '陈嘉怡', phone: '13812345678', address: '上海市嘉定区云谷路 88 号 3 栋 1201' };
    const req = await p.call(streamer, 'POST', '/api/samples', { productId, ...contact });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    const other = req.body.id as string;
    expect((await p.call(merchant, 'POST', `/api/samples/${other}/actions`, { action: 'approve' })).status).toBe(200);
    const out = deliveredWaybill();
    const shipped = await p.call(merchant, 'POST', `/api/samples/${other}/actions`, { action: 'ship', carrier: '顺丰', trackingNo: out });
    expect(shipped.status).toBe(200);
    // a 'back' package already on its way (written directly: the flow only allows 寄回 once received)
    const backNo = deliveredWaybill();
    const now = clock.now();
    await p.c.uow.transaction((tx) =>
      tx.orders.insertPackage({
        id: crypto.randomUUID(),
        orderId: null,
        sampleId: other,
        sampleLeg: 'back',
        merchantOrgId: shipped.body.merchantOrgId,
        carrier: 'SF',
        trackingNo: backNo,
        status: 'shipped',
        shippedAt: now,
        subscribedAt: null,
        deliveredAt: null,
        lastEventAt: null,
        updatedAt: now,
      }),
    );
    const signed = await push({
      trackingNo: backNo,
      status: 'delivered',
      time: now.toISOString(),
      location: '杭州',
      description: '已签收',
    });
    expect(signed.json()).toMatchObject({ recorded: true, status: 'delivered' });
    expect(await p.c.uow.read.orders.findPackageBySample(other, 'back')).toMatchObject({ status: 'delivered' });
    const v = (await p.call(merchant, 'GET', `/api/samples/${other}`)).body;
    expect([v.status, v.tracking.status, v.returnTracking.status]).toEqual(['shipped', 'shipped', 'delivered']);
    expect(v.history.map((h: { action: string }) => h.action)).not.toContain('receive');
  });
});
